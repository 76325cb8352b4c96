"""Response headers the whole site shares: the Content-Security-Policy and, for anyone
signed in, that no cache may keep what they were shown."""

from functools import wraps
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.utils.cache import add_never_cache_headers


def csp_source(url: str) -> list[str]:
    """The CSP source of the server `url` names; a {s}-style placeholder in the host (tile
    servers spread over a.tile…, b.tile…) becomes a wildcard."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return []
    host = parts.netloc
    if "{" in host:
        host = "*." + host.split("}.", 1)[-1]
    return [f"{parts.scheme}://{host}"]


def csp_images_from(setting: str):
    """A view's page may show images from the server its setting names (read per request,
    so a cached page of the view gets the same policy as a fresh one)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            from django.conf import settings

            response = view(request, *args, **kwargs)
            response._csp_update = {"img-src": csp_source(getattr(settings, setting))}
            return response

        return wrapped

    return decorator


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (CONTENT_SECURITY_POLICY in settings), and one rule of the
    portal's own: CSP's frame-ancestors follows what a view says of X-Frame-Options. A view
    exempt from it (the events widget) may be framed by any site; one that allows its own
    origin (the newsletter's preview) by the portal's own pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(response, "xframe_options_exempt", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["*"]}
        elif response.get("X-Frame-Options") == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts


class PrivatePagesMiddleware:
    """What a signed-in user is shown is theirs: `Cache-Control: private, no-store`.

    Left alone: an answer already marked public, which is the shared public API cache
    (portal.core.api.caching) answering a token holder the same JSON as everyone. Anonymous
    visitors keep the page cache, its Cache-Control and its ETags.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # DRF puts a token's user on the request too, once the view has authenticated it.
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and "public" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response
