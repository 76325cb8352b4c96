from axes.helpers import get_client_ip_address
from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from portal.accounts import services
from portal.accounts.forms import PasswordResetForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"


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
