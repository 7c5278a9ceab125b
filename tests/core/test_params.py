import pytest

from core.params import record_key


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("42", 42),
        ("007", 7),
        ("", None),
        (None, None),
        ("²", None),
        ("٣", None),
        ("4 2", None),
        ("-1", None),
        ("1.0", None),
        (17, 17),
    ],
)
def test_a_key_is_read_from_ascii_digits_only(value, key):
    assert record_key(value) == key
