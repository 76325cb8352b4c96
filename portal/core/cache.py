"""The anonymous page cache.

Public pages are the same for every visitor, so a rendered page is kept with the *content
version* it was rendered at. Any change to public content bumps the version once its
transaction commits (portal.apps connects the signals to `content_changed`), which retires
every cached page at once: no page can show stale content, and nobody has to know which
pages a change touches.

Pages live in Redis, shared by all processes, and the most used ones also in a small
memory of each process; every request still asks Redis for the current version, so a
change made anywhere is seen at once everywhere.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from functools import wraps

import django_redis.cache
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
LOCAL_SIZE = 256
# A process keeps its copy of an entry this long at most; Redis keeps it for the timeout.
LOCAL_TIMEOUT = 60

_local: OrderedDict = OrderedDict()
_local_lock = threading.Lock()


def _fresh_version() -> int:
    # Starting from the clock rather than 1 means a flushed Redis can never hand out a
    # version that a process still holds pages for.
    return time.time_ns() // 1000


class RedisCache(django_redis.cache.RedisCache):
    """django-redis, with `touch` failing open as every other call does.

    django-redis 7 turns Redis's errors into ignorable ones only in the methods that catch
    them; `touch` does not, and django-axes calls it at every failed login.
    """

    def touch(self, *args, **kwargs):
        try:
            return super().touch(*args, **kwargs)
        except RedisError:
            if not self._ignore_exceptions:
                raise
            logger.warning("Redis does not answer: an entry's timeout was not renewed")
            return False


def redis_client():
    """The default cache's own Redis client, for what the cache API does in more round trips
    (the version read on every request, the counts of the throttles).

    Calls on it are not covered by the cache's IGNORE_EXCEPTIONS: callers catch RedisError
    and fail open, as the cache does.
    """
    return caches["default"].client.get_client(write=True)


def content_version() -> int | None:
    """The current content version; None while Redis does not answer, and then nothing is
    cached or served from the cache: pages come from the database."""
    try:
        # Django's cache stores an int as plain digits, so the raw value reads without it.
        raw = redis_client().get(cache.make_key(VERSION_KEY))
    except RedisError:
        logger.warning("Redis does not answer: pages are rendered without the cache")
        return None
    if raw is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        return cache.get(VERSION_KEY)
    return int(raw)


def bump_content_version(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


def content_changed(**kwargs) -> None:
    """A public row changed: retire the cached pages once the change is committed.

    Bumping at once would let a request that comes in before the commit read the old rows
    and cache them under the new version, where they would stay until the timeout. A
    rolled-back change bumps nothing.
    """
    transaction.on_commit(bump_content_version, using=kwargs.get("using"))


def _key(request) -> str:
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    fragment = "hx" if request.headers.get("HX-Request") else "page"
    return f"page:{request.LANGUAGE_CODE}:{fragment}:{path}"


def _remember(key, entry, expires: float) -> None:
    with _local_lock:
        _local[key] = (expires, entry)
        _local.move_to_end(key)
        while len(_local) > LOCAL_SIZE:
            _local.popitem(last=False)


def lookup(key: str, version: int | None):
    """The entry stored under `key` at `version`, or None. An entry is (version, ...)."""
    if version is None:
        return None
    local = _local.get(key)
    # The process's copy keeps the timeout too: a page of upcoming events goes stale by the
    # clock, not only by a change of content.
    if local and local[1][0] == version and local[0] > time.monotonic():
        return local[1]
    entry = cache.get(key)
    if entry and entry[0] == version:
        _remember(key, entry, time.monotonic() + LOCAL_TIMEOUT)
        return entry
    return None


def store(key: str, entry: tuple, timeout: int) -> None:
    if entry[0] is None:
        # Rendered while Redis was down: no version to keep it under.
        return
    cache.set(key, entry, timeout)
    _remember(key, entry, time.monotonic() + min(timeout, LOCAL_TIMEOUT))


def public_page(view=None, *, timeout: int = 3600, max_age: int = 60):
    """Cache a public view's 200 responses for anonymous visitors."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            cacheable = request.method in ("GET", "HEAD") and not request.user.is_authenticated
            if not cacheable:
                return view(request, *args, **kwargs)
            key, version = _key(request), content_version()
            entry = lookup(key, version)
            if entry:
                _, status, headers, content = entry
                response = HttpResponse(content, status=status, headers=headers)
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()
                if response.status_code == 200 and not response.cookies:
                    # Computed once here rather than by ConditionalGetMiddleware per hit.
                    set_response_etag(response)
                    entry = (version, 200, dict(response.headers), response.content)
                    store(key, entry, timeout)
            patch_vary_headers(response, ["HX-Request"])
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=max_age)
            return response

        return wrapped

    return decorator(view) if view else decorator
