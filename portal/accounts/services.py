from django.db import transaction
from rest_framework.authtoken.models import Token


@transaction.atomic
def api_token_create(*, user) -> Token:
    """A new API token for `user`; the one they had stops working."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def api_token_revoke(*, user) -> None:
    Token.objects.filter(user=user).delete()
