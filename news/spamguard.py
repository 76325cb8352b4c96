"""Sign-ups without a third-party captcha: a honeypot field (news.forms) and limits per
address and per client, counted in Redis in fixed windows as the API's throttling does
(portal/core/api/throttling.py)."""

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError
from rest_framework.throttling import BaseThrottle

from portal.core.cache import redis_client

logger = logging.getLogger(__name__)

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'3/hour' → (3, 3600). The settings checked the form at start-up."""
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def count_in_window(name: str, period: float, amount: int = 1) -> tuple[int, float]:
    """Count `amount` more under `name` in the current window: (count, seconds left)."""
    now = time.time()
    window = int(now // period)
    key = cache.make_and_validate_key(f"{name}:{window}")
    # One round trip: the increment and the expiry in a pipeline.
    pipeline = redis_client().pipeline()
    try:
        count, _ = pipeline.incrby(key, amount).expire(key, math.ceil(period)).execute()
    except RedisError:
        # Fails open, as the cache does: a sign-up while Redis is down is not counted (the
        # honeypot and the confirmation mail still stand in the way of a robot).
        logger.warning("Redis does not answer: sign-ups are not counted")
        return 0, 0.0
    return count, (window + 1) * period - now


def client_address(request) -> str:
    """The client's address as the API's throttling sees it: API_PROXIES decides whether
    X-Forwarded-For is believed, so a client cannot choose its own."""
    return BaseThrottle().get_ident(request)


def sign_up_wait(*, email: str, client: str) -> int:
    """0 if this sign-up may go ahead, else the minutes to wait. Each call counts one."""
    address = hashlib.sha256(email.lower().encode()).hexdigest()[:32]
    waits = []
    for name, rate in (
        (f"newsletter:sign-up:client:{client}", settings.NEWSLETTER_SIGN_UP_RATE_CLIENT),
        (f"newsletter:sign-up:address:{address}", settings.NEWSLETTER_SIGN_UP_RATE_ADDRESS),
    ):
        allowed, period = parse_rate(rate)
        count, left = count_in_window(name, period)
        if count > allowed:
            waits.append(left)
    return math.ceil(max(waits) / 60) if waits else 0
