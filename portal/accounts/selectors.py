"""Reads about accounts: their second factor, and what an account holds for its export."""

from django.conf import settings
from django.utils.module_loading import import_string
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token


def authenticator_of(user) -> TOTPDevice | None:
    """The authenticator app the user confirmed, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def second_factor_required(user) -> bool:
    """Whether `user` must log in with a second factor: when REQUIRE_2FA_FOR_STAFF is on,
    staff and coordinators must.

    Who coordinates a project is the projects app's to say, and accounts stands below it:
    the setting SECOND_FACTOR_ROLE names the predicate to ask (projects' own rule).
    """
    if not settings.REQUIRE_2FA_FOR_STAFF or not user.is_authenticated:
        return False
    return user.is_staff or bool(import_string(settings.SECOND_FACTOR_ROLE)(user))


def user_data(user) -> dict:
    """What the account itself holds about the person, for them to download."""

    def when(moment):
        return moment.isoformat() if moment else None

    return {
        "email": user.email,
        "full_name": user.full_name,
        "language": user.language,
        "active": user.is_active,
        "staff": user.is_staff,
        "joined_at": when(user.date_joined),
        "last_login_at": when(user.last_login),
        "groups": [group.name for group in user.groups.all()],
        "api_token_created_at": when(
            Token.objects.filter(user=user).values_list("created", flat=True).first()
        ),
        "second_factor": has_second_factor(user),
    }
