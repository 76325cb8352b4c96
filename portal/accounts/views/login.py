"""Logging in: the password, then a code for those who turned on a second factor."""

import time

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_ip_address
from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from portal.accounts import selectors, services
from portal.accounts.forms import CodeForm, PasswordResetForm
from portal.accounts.lockout import locked_out
from portal.accounts.middleware import SETUP_REQUIRED

# Between the password and the code, the session remembers who is logging in, this long.
PENDING = "second-factor-pending"
PENDING_SECONDS = 300


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def form_valid(self, form):
        user = form.get_user()
        # A new login asks afresh whether this user must set up a second factor.
        self.request.session.pop(SETUP_REQUIRED, None)
        if not selectors.has_second_factor(user):
            return super().form_valid(form)
        # Not logged in yet: the session only remembers whose code to ask for.
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_redirect_url(),
            "since": time.time(),
        }
        return redirect("login-code")


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    return user, pending


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def login_code(request):
    """The second step of logging in: a code from the app, or a recovery code."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.info(request, _("Log in again: the time to give the code ran out."))
        return redirect("login")
    credentials = {"username": user.email}
    # The code is guessed no more often than the password: the same lockout counts both.
    if AxesProxyHandler.is_locked(request, credentials):
        return locked_out(request, None, credentials)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.second_factor_verify(user=user, code=form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING]
            auth_login(request, user, backend=pending["backend"])
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = selectors.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code: %(left)d is left.",
                        "You used a recovery code: %(left)d are left.",
                        left,
                    )
                    % {"left": left},
                )
            target = pending["next"]
            if not url_has_allowed_host_and_scheme(
                target, {request.get_host()}, request.is_secure()
            ):
                target = reverse("actionplans:list")
            return redirect(target or "actionplans:list")
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return locked_out(request, None, credentials)
        form.add_error(
            "code",
            _("This code is not right. Codes change every 30 seconds: try the one shown now."),
        )
    return render(request, "accounts/login_code.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password-reset-sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The lockout message offers a new password as the way out: with one set, the
        # account and the address it was set from may try again at once.
        axes_reset(username=self.user.email.lower(), ip=get_client_ip_address(self.request))
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
