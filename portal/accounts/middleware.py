"""Staff and coordinators set up a second factor before anything else, when the portal
requires it (REQUIRE_2FA_FOR_STAFF)."""

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.accounts import selectors

# The session's answer to "must this user still set up a second factor?", asked once.
SETUP_REQUIRED = "second-factor-setup-required"


class SecondFactorRequiredMiddleware:
    """Sends a signed-in user who must use a second factor and has not proved one in this
    session to where they set it up (or, with one already set up, to log in with it).

    Costs nothing while REQUIRE_2FA_FOR_STAFF is off, and one check per session while it
    is on. API tokens are not affected: a token is a credential of its own, made in a
    session that passed this check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.REQUIRE_2FA_FOR_STAFF and self._blocked(request):
            return self._refuse(request)
        return self.get_response(request)

    def _blocked(self, request) -> bool:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        required = request.session.get(SETUP_REQUIRED)
        if required is None:
            required = selectors.second_factor_required(user)
            request.session[SETUP_REQUIRED] = required
        if not required:
            return False
        allowed = (
            reverse("accounts:second-factor-setup"),
            reverse("logout"),
            settings.STATIC_URL,
        )
        return not request.path.startswith(allowed)

    def _refuse(self, request):
        if selectors.has_second_factor(request.user):
            # A session from before the second factor was set up, or from another way in:
            # it logs in again, with the code this time.
            from django.contrib.auth import logout

            logout(request)
            return redirect(f"{reverse('login')}?next={request.path}")
        message = _("Your role needs two-factor authentication: set it up to go on.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=403)
        messages.warning(request, message)
        return redirect("accounts:second-factor-setup")
