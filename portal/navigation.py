"""The site's main menu, and which of its sections the current page belongs to.

One place decides the current section, from the URL's namespace and name, so every page
marks it the same way: aria-current="page" on the section's own page (its list),
aria-current="true" on a page inside it (a project's page under "Projects").
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    url_name: str
    label: str
    # View names (namespace:name) or prefixes ending in "*" that belong to the section.
    views: tuple[str, ...]

    def owns(self, view_name: str) -> bool:
        return any(
            view_name.startswith(pattern[:-1]) if pattern.endswith("*") else view_name == pattern
            for pattern in self.views
        )


# The menu, in its order. A new section is one line here (and its label in locale/).
MAIN_MENU = (
    Section("projects:list", _("Projects"), ("projects:list", "projects:detail")),
    Section("regions:list", _("Regions"), ("regions:list", "regions:detail")),
    Section("regions:organisation-list", _("Organisations"), ("regions:organisation*",)),
    Section("regions:cooperation-list", _("Cooperations"), ("regions:cooperation*",)),
    Section("events:list", _("Events"), ("events:*",)),
    Section("projects:practice-list", _("Good practices"), ("projects:practice*",)),
    Section("regions:infrastructure-list", _("R&I infrastructure"), ("regions:infrastructure*",)),
    Section("news:list", _("News"), ("news:*",)),
    Section("map", _("Map"), ("map",)),
)


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    current: str  # the value of aria-current, or "" when the item is not current


def main_menu(request) -> dict:
    """Context processor: the main menu with the current section marked."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    items = []
    for section in MAIN_MENU:
        url = reverse(section.url_name)
        if request.path == url:
            current = "page"
        elif view_name and section.owns(view_name):
            current = "true"
        else:
            current = ""
        items.append(MenuItem(section.label, url, current))
    return {"main_menu": items}
