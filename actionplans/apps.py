from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplansConfig(AppConfig):
    """Regional action plans and their phase-2 monitoring (built in the action-plans issue)."""

    name = "actionplans"
    verbose_name = _("Action plans")

    def ready(self):
        from actionplans.pdf import register_kinds

        register_kinds()
