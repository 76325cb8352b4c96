"""Request limits: per address for anonymous clients, per user for tokens and sessions.

The history of each client lives in the default cache (Redis), shared by all processes.
Rates are read when a request comes in rather than when the class is defined, as DRF's
own classes do, so settings changed at run time (and in tests) take effect.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]


class MemberThrottle(UserRateThrottle):
    """Signed-in users and tokens get their own, higher limit; anonymous ones are left to
    AnonymousThrottle, so the two do not count the same request twice."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def allow_request(self, request, view):
        if not request.user.is_authenticated:
            return True
        return super().allow_request(request, view)
