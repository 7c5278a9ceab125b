"""What a dataset is: its columns, which are its data dictionary, and where
its rows come from; and the helpers the declarations share."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

# Every file is what a visitor who is not signed in may read.
VISITOR = AnonymousUser()

# Frictionless Table Schema's field types used here.
STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME = (
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
)


@dataclass(frozen=True)
class Column:
    """A column of a dataset and its entry in the data dictionary. ``value``
    takes a row's object and returns a value of ``type`` or None; a column
    with ``address`` holds a path of the portal, written as a full address."""

    name: str
    type: str
    description: str
    value: Callable
    address: bool = False


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterable]


def names(objects):
    return "; ".join(str(obj) for obj in objects)


def slugs(objects):
    return "; ".join(obj.slug for obj in objects)


def iso(member_state):
    return member_state.iso_code if member_state else None


def attribute(name):
    return lambda row: getattr(row, name)
