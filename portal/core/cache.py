"""The anonymous page cache.

Public pages are the same for every visitor, so the rendered response is kept in Redis
under the current *content version*. Any change to public content bumps the version
(portal.apps connects the signals), which retires every cached page at once: no page can
show stale content, and nobody has to know which pages a change touches.
"""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _key(request) -> str:
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    fragment = "hx" if request.headers.get("HX-Request") else "page"
    return f"page:{content_version()}:{request.LANGUAGE_CODE}:{fragment}:{path}"


def public_page(view=None, *, timeout: int = 3600, max_age: int = 60):
    """Cache a public view's 200 responses for anonymous visitors."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            cacheable = request.method in ("GET", "HEAD") and not request.user.is_authenticated
            if not cacheable:
                return view(request, *args, **kwargs)
            key = _key(request)
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                if response.status_code == 200 and not response.cookies:
                    cache.set(key, response, timeout)
            patch_vary_headers(response, ["HX-Request"])
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=max_age)
            return response

        return wrapped

    return decorator(view) if view else decorator
