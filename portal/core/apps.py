from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Shared content")

    def ready(self):
        from portal.core import personal_data as parts
        from portal.core.models import OutgoingMail

        # The mails queued for the address, whatever they were about (the newsletter's and
        # a registration's are among them, and their own parts erase them too).
        parts.register(
            parts.Part(
                name="core.mails",
                person=parts.USER,
                find=lambda email: OutgoingMail.objects.filter(to__iexact=email).order_by("pk"),
                export=lambda mail, email: {
                    "subject": mail.subject,
                    "state": mail.state,
                    "queued_at": mail.created_at.isoformat(),
                },
                erase=lambda mail, email: OutgoingMail.objects.filter(pk=mail.pk).delete(),
            )
        )
