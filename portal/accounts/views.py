from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from portal.accounts import services


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
