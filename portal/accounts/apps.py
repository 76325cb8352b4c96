from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from portal.accounts import selectors, services
        from portal.accounts.models import User
        from portal.core import personal_data as parts

        parts.register(
            parts.Part(
                name="accounts.user",
                person=parts.USER,
                find=lambda email: User.objects.filter(email__iexact=email),
                export=lambda user, email: selectors.user_data(user),
                erase=lambda user, email: services.user_erase(user=user),
            )
        )
