"""Helpers shared by every app's spreadsheet exports."""


def spreadsheet_safe(value):
    """``value`` as a spreadsheet will show it, never run it: a cell starting
    with = + - @ (or a tab or carriage return, which some spreadsheets skip)
    is a formula, so it becomes text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
