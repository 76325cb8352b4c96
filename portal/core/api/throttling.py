"""Request limits: per address for anonymous clients, per user for tokens and sessions.

Each client's count lives in the default cache's Redis, shared by all processes: one
atomic increment per request in a fixed window, rather than DRF's list of timestamps, which
is read and rewritten whole on every request and grows with the limit. A fixed window lets
a client spend two windows' allowance around the turn of one; the limits are generous
enough that this does not matter.

Rates are read when a request comes in rather than when the class is defined, as DRF's
own classes do, so settings changed at run time (and in tests) take effect.
"""

import logging
import time

from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from portal.core.cache import redis_client

logger = logging.getLogger(__name__)


class _WindowCount:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        key = self.get_cache_key(request, view)
        if self.rate is None or key is None:
            return True
        now = time.time()
        window = int(now // self.duration)
        self._wait = (window + 1) * self.duration - now
        return self._count(f"{key}:{window}") <= self.num_requests

    def _count(self, key: str) -> int:
        # One round trip to Redis, where Django's cache API takes three (add, then incr,
        # which asks whether the key exists first). The client is the default cache's own,
        # so the count lives wherever the cache does.
        key = self.cache.make_and_validate_key(key)
        pipeline = redis_client().pipeline()
        try:
            count, _expiry = pipeline.incr(key).expire(key, self.duration).execute()
        except RedisError:
            # Fails open, as the cache does: while Redis is down nobody is counted, rather
            # than everybody refused.
            logger.warning("Redis does not answer: the API's requests are not counted")
            return 0
        return count

    def wait(self):
        return self._wait


class AnonymousThrottle(_WindowCount, AnonRateThrottle):
    pass


class MemberThrottle(_WindowCount, UserRateThrottle):
    """Signed-in users and tokens get their own, higher limit; anonymous clients are left to
    AnonymousThrottle, so the two do not count the same request twice."""

    def get_cache_key(self, request, view):
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)
