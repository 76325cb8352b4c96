"""Public API responses kept at the content version, like the public pages.

Every public resource is the same for every client, so its JSON is rendered once per
content version, language and address, then served from the cache until any public
content changes (portal.core.cache). The ETag is computed once, when the response is
stored; ConditionalGetMiddleware answers a matching If-None-Match with 304.

Throttling, authentication and content negotiation still run on every request: this sits
in the handler, after DRF's `initial()`.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.translation import get_language

from portal.core.cache import content_version, lookup, store

# How long a rendered response is kept: lists of upcoming events change with the clock.
TIMEOUT = 300


def _key(request) -> str:
    asked = f"{request.accepted_media_type} {request.get_full_path()}"
    digest = hashlib.blake2b(asked.encode(), digest_size=16).hexdigest()
    return f"api:{get_language()}:{digest}"


class CachedResponseMixin:
    # A view class (or as_view(cache_responses=False), as the benchmark does) can opt out.
    cache_responses = True

    def list(self, request, *args, **kwargs):
        return self._cached(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._cached(super().retrieve, request, *args, **kwargs)

    def _cached(self, handler, request, *args, **kwargs):
        # The browsable API shows who is signed in, so only JSON is shared.
        if not self.cache_responses or request.accepted_renderer.format != "json":
            return handler(request, *args, **kwargs)
        key, version = _key(request), content_version()
        entry = lookup(key, version)
        if entry:
            _version, status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
        else:
            response = self.finalize_response(request, handler(request, *args, **kwargs))
            response.render()
            if response.status_code == 200:
                set_response_etag(response)
                store(key, (version, 200, dict(response.headers), response.content), TIMEOUT)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_MAX_AGE)
        return response
