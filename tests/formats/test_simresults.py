"""Simresults' PHPUnit facts about its fixture files, held against what
`podium import FILE --inspect --cars --laps --format json` says (the facts,
their path syntax and units: tests/formats/simresults_facts.py).

A fact podium deliberately answers otherwise carries ``difference``: podium's
own value is asserted, and the PHP test is listed in docs/importing.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from podium.errors import PodiumError
from tests.formats.conftest import FIXTURES
from tests.formats.simresults_facts import FACTS, Fact

SIMRESULTS = FIXTURES / "simresults"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "importing.md"
PODIUM = str(Path(sys.executable).parent / "podium")


@cache
def inspected(file: str) -> dict[str, Any] | PodiumError:
    """The file's `--inspect --cars --laps` JSON, or the error refusing it."""
    try:
        from podium.app.imports import file_cars  # type: ignore[attr-defined]
    except ImportError:
        from podium.app.inspect import file_cars
    try:
        answer: dict[str, Any] = file_cars(SIMRESULTS / file, laps=True).to_json()
    except PodiumError as error:
        return error
    # Through JSON, as the CLI prints it: tuples become lists.
    printed: dict[str, Any] = json.loads(json.dumps(answer))
    return printed


_SEGMENT = re.compile(r"\.?([A-Za-z_][A-Za-z_0-9]*)|\[([^\]]*)\]")
_FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "len": len,
    "sum": sum,
    "max": max,
    "distinct": lambda values: sorted(set(values), key=repr),
    "notnull": lambda value: value is not None,
    "consecutive": lambda values: list(values) == list(range(1, len(values) + 1)),
}


def resolve(root: object, path: str) -> object:
    """``path`` (see simresults_facts) in ``root``."""
    function = None
    if (call := re.fullmatch(r"(\w+)\((.*)\)", path)) is not None:
        function, path = _FUNCTIONS[call.group(1)], call.group(2)
    segments = [(name, index) for name, index in _SEGMENT.findall(path)]
    if "".join(f".{n}" if n else f"[{i}]" for n, i in segments).lstrip(".") != path:
        raise ValueError(f"bad path {path!r}")
    value = _walk(root, segments, path)
    return function(value) if function else value


def _walk(value: object, segments: list[tuple[str, str]], path: str) -> object:
    for at, (name, index) in enumerate(segments):
        if value is None and (name or index):
            raise LookupError(f"{path}: nothing at {segments[at]}")
        if name:
            assert isinstance(value, dict), f"{path}: {name} of {type(value).__name__}"
            if name not in value:
                raise LookupError(f"{path}: no {name!r}")
            value = value[name]
        elif index == "*":
            items = list(value.values()) if isinstance(value, dict) else value
            assert isinstance(items, list), f"{path}: [*] of {type(value).__name__}"
            return [_walk(item, segments[at + 1 :], path) for item in items]
        elif re.fullmatch(r"-?\d+", index):
            assert isinstance(value, list), f"{path}: [{index}] of {type(value).__name__}"
            if not -len(value) <= int(index) < len(value):
                raise LookupError(f"{path}: [{index}] of {len(value)} items")
            value = value[int(index)]
        elif "=" in index:
            key, wanted = index.split("=", 1)
            assert isinstance(value, list), f"{path}: [{index}] of {type(value).__name__}"
            value = next((item for item in value if _matches(item.get(key), wanted)), None)
        else:
            assert isinstance(value, dict), f"{path}: [{index}] of {type(value).__name__}"
            if index not in value:
                raise LookupError(f"{path}: no {index!r} in {sorted(value)}")
            value = value[index]
    return value


def _matches(value: object, wanted: str) -> bool:
    if isinstance(value, list):
        return wanted in value
    return str(value) == wanted


def session_of(answer: dict[str, Any], session: int | str) -> dict[str, Any]:
    sessions: list[dict[str, Any]] = answer["sessions"]
    if isinstance(session, str):
        kind, number = session.split("#")
        of_kind = [s for s in sessions if s["type"] == kind]
        if len(of_kind) < int(number):
            raise LookupError(f"{session}: the file has {len(of_kind)} {kind} sessions")
        return of_kind[int(number) - 1]
    if session < 0:
        return sessions[session]
    for candidate in sessions:
        if candidate["index"] == session:
            return candidate
    raise LookupError(f"no session {session}: {[s['index'] for s in sessions]}")


def found(fact: Fact) -> object:
    answer = inspected(fact.file)
    if fact.session == 0 and fact.path == "refused":
        return isinstance(answer, PodiumError)
    if isinstance(answer, PodiumError):
        raise AssertionError(f"podium refuses {fact.file}: {answer}")
    root = answer if fact.session == 0 else session_of(answer, fact.session)
    return resolve(root, fact.path)


def _ids(facts: list[Fact]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for fact in facts:
        name = f"{Path(fact.php).stem}.{fact.test}"
        seen[name] = seen.get(name, -1) + 1
        out.append(f"{name}-{seen[name]}")
    return out


@pytest.mark.parametrize("fact", FACTS, ids=_ids(FACTS))
def test_simresults_fact(fact: Fact) -> None:
    value = found(fact)
    if fact.difference:
        assert value == fact.podium, (
            f"{fact.file} session {fact.session} {fact.path}: podium's own value "
            f"{fact.podium!r} (Simresults: {fact.expected!r}; {fact.difference}), "
            f"found {value!r}"
        )
    else:
        assert value == fact.expected, (
            f"{fact.file} session {fact.session} {fact.path}: "
            f"expected {fact.expected!r}, found {value!r}"
        )


def test_every_difference_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = sorted({f.test for f in FACTS if f.difference and f.test not in text})
    assert not missing, f"docs/importing.md does not list: {', '.join(missing)}"


def test_every_fact_names_a_php_test_and_a_fixture() -> None:
    php = {p.name: p.read_text(encoding="utf-8") for p in (SIMRESULTS / "php").glob("*.php")}
    for fact in FACTS:
        assert f"function {fact.test}(" in php[fact.php], (fact.php, fact.test)
        assert (SIMRESULTS / fact.file).is_file(), fact.file
        assert fact.difference or fact.podium is None, (fact.test, fact.path)


def test_the_cli_prints_the_same_facts() -> None:
    """The real `podium` executable, in its own process, on one file."""
    file = "rfactor2/race_with_corrupted_positions_added_DQ_driver.xml"
    done = subprocess.run(
        [PODIUM, "import", str(SIMRESULTS / file), "--inspect", "--cars", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (session,) = json.loads(done.stdout)["sessions"]
    facts = [f for f in FACTS if f.file == file]
    assert len(facts) == 8
    for fact in facts:
        assert resolve(session, fact.path) == fact.expected, fact.path
