"""Every route of the site, found by walking the URL resolver: for the tests that must
cover each one (the authorization walk, the CSRF-exempt views)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import override


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", as reverse() takes it
    pattern: str  # the whole pattern, for messages
    callback: object

    @property
    def view_class(self):
        """The class behind a class-based view (DRF's APIView and viewsets too), or None."""
        return getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)


def routes() -> list[Route]:
    """Each named route once; i18n_patterns are walked in English only (every language's
    prefix resolves to the same views)."""
    with override("en"):
        return list(_walk(get_resolver().url_patterns, "", None))


def _walk(patterns, prefix, namespace):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace
            if inner:
                inner = f"{namespace}:{inner}" if namespace else inner
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner or namespace)
        elif isinstance(entry, URLPattern):
            # An unnamed route (the admin's redirect from an object's old address) goes by
            # its pattern.
            name = entry.name or str(entry.pattern)
            name = f"{namespace}:{name}" if namespace else name
            yield Route(name, prefix + str(entry.pattern), entry.callback)
