from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regions and organisations")

    def ready(self):
        from portal.core import personal_data as parts
        from regions import selectors, services
        from regions.models import Contact, Membership

        parts.register(
            parts.Part(
                name="regions.memberships",
                person=parts.USER,
                find=lambda email: (
                    Membership.objects.filter(user__email__iexact=email)
                    .select_related("organisation")
                    .order_by("pk")
                ),
                export=lambda membership, email: selectors.membership_data(membership),
                erase=lambda membership, email: services.membership_erase(membership=membership),
            )
        )
        parts.register(
            parts.Part(
                name="regions.contacts",
                person=parts.ORGANISATION_CONTACT,
                find=lambda email: (
                    Contact.objects.filter(email__iexact=email)
                    .select_related("organisation")
                    .order_by("pk")
                ),
                export=lambda contact, email: selectors.contact_data(contact),
                erase=lambda contact, email: services.contact_erase(contact=contact),
            )
        )
