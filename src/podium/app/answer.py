"""What the application layer hands to the CLI, the JSON API and the site:
frozen dataclasses (answers), each with one JSON form.

An answer keeps its numbers typed (points stay exact ``Fraction``s) until
it is rendered: ``to_json()`` prints points as a results sheet does
(``format_points``), enums as their value and dates in ISO 8601. By default
the JSON form is the fields in declaration order; an answer whose JSON
names or shapes differ (``class`` for ``class_code``, a list for a
one-field answer) writes its own ``to_json``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from enum import Enum
from fractions import Fraction
from typing import TypeAlias

from podium.model.points import format_points

JSON: TypeAlias = dict[str, "JSON"] | list["JSON"] | str | int | float | bool | None


def to_json(value: object) -> JSON:
    """The JSON form of an answer or of any value an answer holds."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Answer):
        return value.to_json()
    if isinstance(value, Fraction):
        return format_points(value)
    if isinstance(value, Enum):
        return to_json(value.value)
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [to_json(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return fields_json(value)
    raise TypeError(f"no JSON form for {type(value).__name__}")


def fields_json(obj: object) -> dict[str, JSON]:
    """The fields of a dataclass as JSON, in declaration order."""
    fields = dataclasses.fields(obj)  # type: ignore[arg-type]
    return {f.name: to_json(getattr(obj, f.name)) for f in fields}


class Answer:
    """Base of the application layer's frozen dataclasses: one JSON form each."""

    __slots__ = ()

    def to_json(self) -> JSON:
        return fields_json(self)


def slugify(name: str) -> str:
    """'Alex Job Racing' -> 'alex-job-racing'; accents dropped ('Lühr' -> 'luhr')."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def ref(name: str) -> dict[str, JSON]:
    """A team, driver or other competitor as every answer names it: its
    stable id (the slug of its name, the address of its page) and its name."""
    return {"id": slugify(name), "name": name}


def ref_or_none(name: str) -> dict[str, JSON] | None:
    return ref(name) if name else None
