"""Permission predicates about the portal's operation (monitoring), checked
on the server and covered by the access matrix (tests/test_access_matrix.py)."""

import ipaddress

from django.conf import settings

from network.rules import is_active_user


def can_read_metrics(user, address):
    """Staff signed in with their second factor (as for the admin), or a
    scraper at an address of METRICS_ALLOWED_IPS. ``address`` is the peer's
    own (REMOTE_ADDR), never X-Forwarded-For, which any client can write."""
    if is_active_user(user) and user.is_staff and user.is_verified():
        return True
    try:
        peer = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(
        peer in ipaddress.ip_network(network, strict=False)
        for network in settings.METRICS_ALLOWED_IPS
    )
