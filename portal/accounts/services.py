import logging

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from portal.core.mail import mail_queue

# One reset mail per account in this many seconds, however often it is asked for: the
# form is open to anyone, and must not become a way to fill someone's mailbox.
RESET_MAIL_INTERVAL = 120

logger = logging.getLogger(__name__)


@transaction.atomic
def api_token_create(*, user) -> Token:
    """A new API token for `user`; the one they had stops working."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def api_token_revoke(*, user) -> None:
    Token.objects.filter(user=user).delete()


@transaction.atomic
def password_reset_request(*, email: str) -> int:
    """Mail a link to set a new password to each active account of `email`; how many."""
    sent = 0
    for user in PasswordResetForm().get_users(email):
        if not cache.add(f"password-reset:{user.pk}", 1, timeout=RESET_MAIL_INTERVAL):
            continue
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        # On SITE_URL, never on the Host header of the request: a forged Host would
        # otherwise send the reader's token to someone else's site.
        with translation.override(user.language or settings.LANGUAGE_CODE):
            path = reverse("accounts:password-reset-confirm", args=[uid, token])
        queued = mail_queue(
            key=f"password-reset:{user.pk}:{token}",
            user=user,
            name="password_reset",
            context={
                "reset_url": settings.SITE_URL + path,
                "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
        )
        sent += queued is not None
    # The address itself stays out of the log; whether it had an account does not.
    logger.info("Password reset asked: %d mail(s) queued", sent)
    return sent


# --- The second factor: an authenticator app (TOTP) and recovery codes ----------------

RECOVERY_CODES = 10


def authenticator_begin(*, user) -> TOTPDevice:
    """The authenticator being set up: one unconfirmed device, the same until confirmed, so
    reloading the page shows the same key."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    return device


@transaction.atomic
def authenticator_confirm(*, user, device: TOTPDevice, code: str) -> list[str] | None:
    """Turn the second factor on with a first code from the app: its recovery codes, or None
    if the code is wrong (the device counts the failure and makes the next try wait)."""
    if device.user_id != user.pk or not device.verify_token(_clean(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # One authenticator at a time: a new one replaces the old.
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    logger.info("Two-factor authentication turned on for user %s", user.pk)
    return recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    """New recovery codes, each good once; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def second_factor_remove(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    logger.info("Two-factor authentication turned off for user %s", user.pk)


def second_factor_verify(*, user, code: str):
    """The device that accepts `code`, the app's or a recovery code (used up by it); None.

    Six digits are asked of the app, anything else of the recovery codes: each device
    counts its own failures and makes the next try wait longer, and a recovery code must
    not count as a wrong code from the app. Each is asked on its own, as django-otp advises.
    """
    code = _clean(code)
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in kind.objects.filter(user=user, confirmed=True):
        if verify_token(user, device.persistent_id, code):
            return device
    return None


def _clean(code: str) -> str:
    # People copy codes with spaces ("123 456") and type recovery codes in capitals.
    return "".join(code.split()).lower()


# What an erased account keeps, so that what the person did stays on record (a plan's
# versions and workflow steps, a practice's review) without saying who did it: the row,
# its key, when it joined. Everything that names or reaches the person goes.
ERASED_NAME = "Erased user"


@transaction.atomic
def user_erase(*, user) -> None:
    """Anonymise the account at the person's request. The row stays, for the records that
    point to it; it can no longer log in, and its sessions end with its password."""
    Token.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    # The admin's history of changes to this account names it in each entry's title.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).update(object_repr=ERASED_NAME)
    user.email = f"erased-{user.pk}@erased.invalid"  # .invalid: no mail can ever reach it
    user.full_name = ERASED_NAME
    user.language = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
