from django.contrib.auth import forms as auth_forms
from django.db import transaction


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Asks for the reset mail without looking the address up.

    The lookup and the mail happen in a task (portal.accounts.tasks), so the answer is the
    same, and as quick, whether or not the address has an account.
    """

    def save(self, **kwargs):
        from portal.accounts.tasks import password_reset_task

        email = self.cleaned_data["email"]
        transaction.on_commit(lambda: password_reset_task.delay(email))
