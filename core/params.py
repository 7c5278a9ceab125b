"""Reading the keys that addresses and forms carry, which anyone can write."""


def record_key(value):
    """The primary key ``value`` spells (an ASCII decimal number), else None.

    ``str.isdigit()`` is not enough: it accepts "²" or "٣", which ``int()``
    refuses or reads as another number."""
    value = str(value or "")
    if value.isascii() and value.isdecimal():
        return int(value)
    return None
