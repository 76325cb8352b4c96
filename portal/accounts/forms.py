from django import forms
from django.contrib.auth import forms as auth_forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Asks for the reset mail without looking the address up.

    The lookup and the mail happen in a task (portal.accounts.tasks), so the answer is the
    same, and as quick, whether or not the address has an account.
    """

    def save(self, **kwargs):
        from portal.accounts.tasks import password_reset_task

        email = self.cleaned_data["email"]
        # Robust: with the broker down the page still answers; the user asks again.
        transaction.on_commit(lambda: password_reset_task.delay(email), robust=True)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class PasswordConfirmForm(forms.Form):
    """A change to how one logs in asks for the password again: a session left open on a
    shared computer must not be enough to turn the second factor off."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class AppCodeForm(CodeForm):
    """The first code, while setting up: from the app, as recovery codes come after."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("Six digits; they change every 30 seconds.")
