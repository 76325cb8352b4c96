"""A partner's draft plan in the demo, saved through the workspace API by token."""

from rest_framework.authtoken.models import Token

from portal.accounts.models import User

PARTNER = "partner.wallonia@example.org"


def token_for(email: str) -> str:
    """An API token for a demo user (committed: the test's gunicorn reads it)."""
    token, _created = Token.objects.get_or_create(user=User.objects.get(email=email))
    return token.key


def partner_token() -> str:
    """A token for the demo's partner whose plan is a draft."""
    return token_for(PARTNER)


def draft_plan(session, web, token: str) -> dict:
    """The partner's draft plan as the workspace API shows it."""
    plans = session.get(web.url("/api/v1/workspace/plans/"), headers=auth(token), timeout=30).json()
    return next(plan for plan in plans if plan["state"] in ("draft", "changes_requested"))


def auth(token: str) -> dict:
    return {"Authorization": f"Token {token}"}
