"""The signed-in user's own account: the second factor and the API token."""

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from rest_framework.authtoken.models import Token

from portal.accounts import selectors, services
from portal.accounts.forms import AppCodeForm, PasswordConfirmForm
from portal.accounts.middleware import SETUP_REQUIRED


@login_required
def account(request):
    """The account page: whether a second factor is on, and the way to the API token."""
    return render(
        request,
        "accounts/account.html",
        {
            "authenticator": selectors.authenticator_of(request.user),
            "codes_left": selectors.recovery_codes_left(request.user),
            "required": selectors.second_factor_required(request.user),
            "remove_form": PasswordConfirmForm(user=request.user),
        },
    )


@sensitive_post_parameters("code")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def second_factor_setup(request):
    """Scan the key into an authenticator app, give its first code, get recovery codes."""
    if selectors.has_second_factor(request.user):
        return redirect("accounts:account")
    device = services.authenticator_begin(user=request.user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.authenticator_confirm(
            user=request.user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            # This session proved the second factor just now.
            otp_login(request, device)
            request.session.pop(SETUP_REQUIRED, None)
            messages.success(request, _("Two-factor authentication is on."))
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        form.add_error(
            "code",
            _("This code is not right. Check the time on your phone, and try the code shown now."),
        )
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "qr_code": segno.make(device.config_url, error="m").svg_inline(
                scale=5, dark="#1d2433", omitsize=False
            ),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "issuer": settings.OTP_TOTP_ISSUER,
            "required": selectors.second_factor_required(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def recovery_codes(request):
    if not selectors.has_second_factor(request.user):
        return redirect("accounts:account")
    codes = services.recovery_codes_renew(user=request.user)
    messages.success(request, _("Your new recovery codes replace the old ones."))
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@sensitive_post_parameters("password")
@login_required
@require_POST
def second_factor_remove(request):
    if selectors.second_factor_required(request.user):
        messages.error(request, _("Your role needs two-factor authentication: it stays on."))
        return redirect("accounts:account")
    form = PasswordConfirmForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(
            request,
            "accounts/account.html",
            {
                "authenticator": selectors.authenticator_of(request.user),
                "codes_left": selectors.recovery_codes_left(request.user),
                "required": False,
                "remove_form": form,
            },
            status=400,
        )
    services.second_factor_remove(user=request.user)
    messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:account")


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request):
    """A signed-in user's API token: make one, replace it, or revoke it."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.api_token_revoke(user=request.user)
            messages.success(request, _("Your API token is revoked."))
            return redirect("accounts:api-token")
        token = services.api_token_create(user=request.user)
        # The key is shown once, on this answer only, and never put in a message or a URL.
        return render(request, "accounts/api_token.html", {"token": token, "new_key": token.key})
    token = Token.objects.filter(user=request.user).first()
    return render(request, "accounts/api_token.html", {"token": token})
