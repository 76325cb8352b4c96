from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplansConfig(AppConfig):
    """Regional action plans and their phase-2 monitoring (built in the action-plans issue)."""

    name = "actionplans"
    verbose_name = _("Action plans")

    def ready(self):
        from django.contrib.auth import get_user_model

        from actionplans import selectors, services
        from portal.core import personal_data as parts

        parts.register(
            parts.Part(
                name="actionplans.contact",
                person=parts.PLAN_CONTACT,
                find=selectors.plans_naming_contact,
                export=selectors.plan_contact_data,
                erase=lambda plan, email: services.plan_contact_erase(plan=plan, email=email),
            )
        )
        # The saves, steps and remarks stay with the plans, under the erased account's name.
        parts.register(
            parts.Part(
                name="actionplans.work",
                person=parts.USER,
                find=lambda email: get_user_model().objects.filter(email__iexact=email),
                export=lambda user, email: selectors.user_plan_work(user),
            )
        )
        from actionplans.pdf import register_kinds

        register_kinds()
