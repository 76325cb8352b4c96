import json

from django import template
from django.conf import settings
from django.core.paginator import Page
from django.http import QueryDict
from django.urls import translate_url
from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from portal.core.i18n import LANGUAGE_NAMES, translated

register = template.Library()


@register.simple_tag
def tr(obj, field):
    """A translated field; text shown in another language is marked as such for the reader."""
    text, language = translated(obj, field)
    if language is None:
        return text
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        language,
        text,
        _("in %(language)s") % {"language": LANGUAGE_NAMES[language]},
    )


@register.simple_tag
def trtext(obj, field):
    """A translated field as plain text (titles, attributes, mail): no markup."""
    return translated(obj, field)[0]


@register.simple_tag
def trlang(obj, field):
    """A translated field in running text (names in lists and links): in another language
    it is marked with lang for screen readers, without the visible note `tr` adds."""
    text, language = translated(obj, field)
    if language is None:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


@register.simple_tag
def lang_attr(obj, field):
    """` lang="…"` for the element around a translated field shown through a filter
    (paragraphs, truncation), when the text is in another language than the page."""
    language = translated(obj, field)[1]
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language, for the switcher and hreflang alternates."""
    request = context["request"]
    # Each language is named in itself, so a reader finds their own.
    return [
        (code, get_language_info(code)["name_local"], translate_url(request.get_full_path(), code))
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag
def absolute(path):
    return f"{settings.SITE_URL}{path}"


# Parameters that decide what a page is (past events rather than upcoming ones), kept in
# its canonical address; filters only narrow a list down and are left out.
CANONICAL_PARAMS = ("when",)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's address for search engines: its path, what it shows, and which page."""
    request = context["request"]
    params = QueryDict(mutable=True)
    for name in CANONICAL_PARAMS:
        if request.GET.get(name):
            params[name] = request.GET[name]
    # The page shown, not the one asked for: "?page=abc" is page 1, which needs no number.
    page = context.get("page")
    if isinstance(page, Page) and page.number > 1:
        params["page"] = page.number
    query = params.urlencode()
    return absolute(f"{request.path}?{query}" if query else request.path)


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with some parameters changed (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


# Where each language puts the euro sign: before the amount in English, before it and
# spaced in Dutch, after it and spaced in German (no-break spaces, so it never wraps).
_EURO_PATTERNS = {"en": "€{}", "nl": "€\u00a0{}", "de": "{}\u00a0€"}


@register.filter
def euros(amount):
    """A whole amount in euros, grouped and placed as the reader's language writes it."""
    if amount is None or amount == "":
        return ""
    number = number_format(amount, decimal_pos=0, force_grouping=True)
    return _EURO_PATTERNS.get((get_language() or "en")[:2], "€\u00a0{}").format(number)


@register.filter
def paragraphs(text):
    """Plain text with blank-line paragraphs and '- ' list lines, escaped, as HTML."""
    blocks = []
    for block in (text or "").split("\n\n"):
        lines = [line for line in block.split("\n") if line.strip()]
        items = [line[2:] for line in lines if line.startswith("- ")]
        plain = [line for line in lines if not line.startswith("- ")]
        if plain:
            blocks.append("<p>" + "<br>".join(escape(line) for line in plain) + "</p>")
        if items:
            blocks.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
    return mark_safe("".join(blocks))


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data):
    """Structured data for search engines, escaped like json_script so it cannot end the tag."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.inclusion_tag("includes/locator_map.html")
def locator_map(*places, label):
    """A small map of `places` (rows, or lists of rows, with latitude and longitude; those
    without are left out), drawn by static/js/locator-map.js. The page says the same in
    words; the map adds where. Its view needs `csp_images_from("MAP_TILE_URL")`."""
    points = []
    rows = []
    for place in places:
        rows.extend(place if isinstance(place, list | tuple) or hasattr(place, "all") else [place])
    for place in rows:
        if place is None or place.latitude is None or place.longitude is None:
            continue
        field = "name" if hasattr(place, "name_en") else "title"
        points.append(
            {
                "lat": float(place.latitude),
                "lon": float(place.longitude),
                "name": translated(place, field)[0],
            }
        )
    return {
        "points": json.dumps(points) if points else "",
        "label": label,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*trail):
    """The breadcrumb trail for base.html's `breadcrumbs` block, after the home page:
    label and address of each step between, then the current page's label:
    `{% breadcrumbs projects_label projects_url project_title %}`."""
    if not trail or len(trail) % 2 != 1:
        raise template.TemplateSyntaxError(
            "breadcrumbs takes label, address pairs and then the current page's label"
        )
    steps = list(zip(trail[:-1:2], trail[1:-1:2], strict=True))
    return {"steps": steps, "here": trail[-1]}


@register.simple_tag
def active_filters(form) -> int:
    """How many of a filter form's fields the visitor has set (the "Filters" button says)."""
    if not form.is_bound or not hasattr(form.data, "getlist"):
        return 0
    return sum(1 for name in form.fields if any(v.strip() for v in form.data.getlist(name)))
