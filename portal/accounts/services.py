import logging

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
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
