"""The login lockout (django-axes): which account an attempt counts for, and the answer a
locked-out visitor gets."""

import math

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import ngettext


def username(request, credentials=None) -> str:
    """The account an attempt is counted for: the email as the login reads it.

    The login finds an account whatever the case of the address, so the count must too:
    otherwise Ada@Example.org and ada@example.org would each get their own tries.
    """
    raw = (credentials or {}).get("username") or request.POST.get("username") or ""
    return raw.strip().lower()


def lockout_message() -> str:
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return ngettext(
        "Too many failed attempts to log in to this account or from this address. Wait "
        "%(minutes)d minute and try again, or reset your password.",
        "Too many failed attempts to log in to this account or from this address. Wait "
        "%(minutes)d minutes and try again, or reset your password.",
        minutes,
    ) % {"minutes": minutes}


def locked_out(request, original_response=None, credentials=None):
    """The login page again, saying why and for how long; the right password waits too."""
    # Unbound, so rendering it asks for no authentication (and no further failure).
    form = AuthenticationForm(request, initial={"username": username(request, credentials)})
    response = render(
        request,
        "accounts/login.html",
        {"form": form, "lockout": lockout_message(), "next": request.POST.get("next", "")},
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
