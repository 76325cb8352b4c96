"""The pages every public site owes its visitors: contact, legal notice, privacy statement
and accessibility statement; and the icons browsers and phones ask for."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from portal.core.cache import public_page

# A legal text is reviewed as a whole document in each language, so each page is one
# template per language (templates/portal/about/<page>.<lang>.html), not a sentence-by-
# sentence catalogue; English stands in where a language is missing.
PAGES = {
    "contact": ("contact", gettext_lazy("Contact")),
    "legal-notice": ("legal_notice", gettext_lazy("Legal notice")),
    "privacy": ("privacy", gettext_lazy("Privacy statement")),
    "accessibility": ("accessibility", gettext_lazy("Accessibility statement")),
}


@public_page
def about_page(request, page):
    if page not in PAGES:
        raise Http404("No such page.")
    name, title = PAGES[page]
    language = (get_language() or "en")[:2]
    return render(
        request,
        [f"portal/about/{name}.{language}.html", f"portal/about/{name}.en.html"],
        {
            "page_title": title,
            "retention_days": settings.REGISTRATION_RETENTION_DAYS,
            "confirm_days": settings.NEWSLETTER_CONFIRM_DAYS,
            "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS,
            "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )


@cache_control(max_age=86400, public=True)
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; the file lives with the
    # static files (hashed and compressed by the storage like every other).
    return redirect(static("icons/favicon.ico"), permanent=False)


@cache_control(max_age=86400, public=True)
def web_manifest(request):
    """The web app manifest, named in the page's language, with the touch icons."""
    name = _("Innovation cooperation network")
    return JsonResponse(
        {
            "name": name,
            "short_name": _("Innovation network"),
            "lang": (get_language() or "en")[:2],
            "start_url": reverse("home"),
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": "#0b4f9c",
            "icons": [
                {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
