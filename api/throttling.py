from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class AddressRateThrottle(SimpleRateThrottle):
    """API_THROTTLE_RATE requests per client address (None: no limit). Every
    caller is anonymous, so the address is all there is to count by. The
    rate is read at each request, so that a test may change it."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
