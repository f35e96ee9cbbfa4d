"""JSON files validated by pydantic models of their raw shape, with every
refusal located by JSON path (``$.sessionResult.leaderBoardLines[3].timing``)."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from podium.errors import InputError, Problem
from podium.readers.decode import sniff_text

M = TypeVar("M", bound=BaseModel)


class Raw(BaseModel):
    """A raw file object: unknown fields are ignored (files carry many)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


def load_json(data: bytes, file: str) -> Any:
    text = sniff_text(data, file)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            Problem(
                file,
                exc.lineno,
                "(json)",
                f"not valid JSON: {exc.msg} at column {exc.colno}",
                expected="a complete JSON document",
                found=repr(text[exc.pos : exc.pos + 20]) if exc.pos < len(text) else "end of file",
            )
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(
            Problem(file, None, "(json)", f"cannot read JSON: {exc}", expected="JSON")
        ) from None


def json_path(loc: tuple[int | str, ...], prefix: str = "$") -> str:
    path = prefix
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def validate(model: type[M], value: Any, file: str, prefix: str = "$") -> M:
    """``value`` as ``model``, or an InputError naming every bad field by path."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise InputError([_problem(file, error, prefix) for error in exc.errors()[:20]]) from None


def _problem(file: str, error: Any, prefix: str) -> Problem:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.endswith("]")))
    found = error.get("input")
    shown = type(found).__name__ if isinstance(found, dict | list) else repr(found)
    if error["type"] == "missing":
        shown = "nothing"
    return Problem(
        file,
        None,
        json_path(loc, prefix),
        str(error["msg"]),
        expected=_expected(error),
        found=shown[:60],
    )


def _expected(error: Any) -> str:
    ctx = error.get("ctx") or {}
    if "ge" in ctx:
        return f"a number >= {ctx['ge']}"
    return _EXPECTED.get(error["type"], str(error["type"]))


_EXPECTED = {
    "missing": "a value",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "list_type": "a list",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "dict_type": "an object",
    "greater_than_equal": "a number >= 0",
    "bool_type": "true or false",
    "literal_error": "one of the listed values",
}
