"""Turn rules text into a validated :class:`Ruleset` (pure: takes text, not a path)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from podium.errors import Problem, RulesError
from podium.rules.schema import Ruleset
from podium.rules.toml_text import parse_toml

_TOML_AT = re.compile(r"\(at line (\d+), column \d+\)")


def parse_rules(text: str, filename: str = "rules.toml") -> Ruleset:
    """Validate rules text; raise :class:`RulesError` naming file, line and key."""
    import tomllib  # here, not at import: a cached season needs no TOML (start-up time)

    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_AT.search(str(exc))
        line = int(match.group(1)) if match else None
        message = _TOML_AT.sub("", str(exc)).strip()
        raise RulesError(
            Problem(filename, line, "(syntax)", f"not valid TOML: {message}")
        ) from None
    return rules_from_data(data, text, filename)


def rules_from_data(data: dict[str, Any], text: str = "", filename: str = "rules.toml") -> Ruleset:
    try:
        return Ruleset.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = tuple(str(p) for p in error["loc"])
            field = ".".join(path) or "(top level)"
            message = str(error["msg"]).removeprefix("Value error, ")
            found = ""
            if error["type"] == "extra_forbidden":
                message = "unknown key; check its spelling against docs/rules.md"
            elif error["type"] == "missing":
                message = "required key is missing"
            elif "input" in error and not isinstance(error["input"], dict | list):
                found = repr(error["input"])
            problems.append(Problem(filename, locate_key(text, path), field, message, found=found))
        raise RulesError(problems) from None


def locate_key(text: str, path: tuple[str, ...]) -> int | None:
    """Best-effort line of a dotted key in TOML text (tomllib keeps no positions)."""
    if not text or not path:
        return None
    names = [p for p in path if not p.isdigit()]
    header: list[str] = []
    best: int | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line.startswith("["):
            header = [h.strip() for h in line.strip("[]").split(".")]
            if header == names[: len(header)] and best is None and len(header) == len(names):
                best = number
            continue
        key = line.split("=", 1)[0].strip() if "=" in line else ""
        if key and [*header, key] == names[: len(header) + 1] and len(header) + 1 == len(names):
            return number
        if key and header == names[: len(header)] and key == names[-1]:
            best = best or number
    if best is None:
        for number, raw in enumerate(text.splitlines(), start=1):
            if raw.strip().startswith(f"[{'.'.join(names[:1])}") or raw.strip().startswith(
                f"[[{'.'.join(names[:1])}"
            ):
                return number
    return best
