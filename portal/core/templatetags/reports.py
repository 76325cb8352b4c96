from django import template
from django.conf import settings
from django.utils.translation import get_language

from portal.core.reports import kinds
from portal.core.reports.views import panel_context

register = template.Library()


@register.inclusion_tag("reports/fragment_panel.html")
def report_panel(kind_name: str, subject, heading: str = ""):
    """The box on a page that asks for its PDF and shows how far each language has come.
    The page has already decided that its reader may see the subject."""
    kind = kinds.get(kind_name)
    return {
        **panel_context(kind, subject),
        "heading": heading or kind.label,
        "languages": settings.LANGUAGES,
        "current": get_language(),
    }
