"""Second factor: a TOTP authenticator app, plus single-use recovery codes."""

import base64

import segno
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def is_required(user):
    """Staff must use a second factor; for focal points it is their choice."""
    return user.is_staff


def has_confirmed_device(user):
    return any(True for _device in devices_for_user(user, confirmed=True))


def pending_totp_device(user):
    """The authenticator being set up (created once, until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def confirm(device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return renew_recovery_codes(device.user)


def renew_recovery_codes(user):
    """New recovery codes (the old ones stop working); shown once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def qr_svg(device):
    """The otpauth:// address as an inline SVG QR code (no image request)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def secret_for_humans(device):
    """The key in base32, in groups of four, for typing it in by hand."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
