"""docs/rules.md documents every key of rules.toml (checked, not trusted)."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from pydantic import BaseModel

from podium.rules.schema import Ruleset

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _keys(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[str]:
    if model in seen:
        return set()
    seen.add(model)
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        keys.add(field.alias or name)
        for arg in _types(field.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                keys |= _keys(arg, seen)
    return keys


def _types(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    return [t for a in args for t in _types(a)]


def test_every_rules_key_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    prose = re.sub(r"```toml\n.*?```", "", text, flags=re.S)
    code = " ".join([*blocks, *re.findall(r"`([^`]+)`", prose)])
    documented = set(re.findall(r"[a-z_]+", code))
    missing = sorted(_keys(Ruleset, set()) - documented - {"list"})
    assert missing == []
    assert "`list = " in text
