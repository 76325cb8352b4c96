from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import selectors
        from events.models import Registration
        from events.services import registration
        from portal.core import personal_data as parts

        parts.register(
            parts.Part(
                name="events.registrations",
                person=parts.REGISTRANT,
                find=lambda email: (
                    Registration.objects.filter(email__iexact=email, erased_at__isnull=True)
                    .select_related("event", "consent", "region")
                    .order_by("pk")
                ),
                export=lambda row, email: selectors.registration_data(row),
                erase=lambda row, email: registration.registration_erase(registration=row),
            )
        )
