"""Hypothesis throws random and mutated files at every parser: nothing but
podium's own error class may come out."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.errors import PodiumError
from podium.readers.registry import IMPORTERS, parse_bytes
from tests.formats.conftest import FIXTURES

SEEDS = {
    "acc": "acc/mauserrifle__simresults__191003_235558_R.json",
    "rfactor": "rfactor2/mauserrifle__simresults__rf2_race_with_penalties.xml",
    "iracing": "iracing/mauserrifle__simresults__iracing-result-36788868.json",
    "assetto": "other/mauserrifle__simresults__ac1server_2015_10_17_9_49_RACE.json",
    "raceroom": "other/mauserrifle__simresults__r3e_log.with.incidents.json",
    "alkamel": "alkamel/Razgrizaces__alkamel_stint_analyzer__2014_ELMS_Silverstone_Classification.csv",
    "alkamel-analysis": "alkamel/y047aka__elm-motorsport-analysis__23_Analysis_Race_Hour_6.csv",
    "alkamel-qualifying": "../../data/imsa2023/timing/07-sebring-international-raceway/"
    "202303170915-qualifying-results.csv",
    "pcars": "simresults/projectcars-server/race.with.alot.of.cuts.json",
    "assetto-offline": "simresults/assettocorsa/offline_quick_race_session.json",
    "acc-client": "simresults/assettocorsa-competizione-client/race.json",
    "generic-csv": "alkamel/Razgrizaces__alkamel_stint_analyzer__2014_ELMS_Silverstone_Classification.csv",
}
NAMES = [i.name for i in IMPORTERS]
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def seed(name: str) -> bytes:
    data = (FIXTURES / SEEDS[name]).read_bytes()
    return data[:20000] if name == "alkamel-analysis" else data


def only_podium_errors(data: bytes, name: str | None) -> None:
    """A session, or a PodiumError that names the file; anything else fails."""
    try:
        session = parse_bytes(data, "fuzz", name).session
    except PodiumError as exc:
        assert exc.problems
        assert all(p.file == "fuzz" for p in exc.problems)
        return
    assert all(car.laps >= 0 for car in session.cars)


def test_every_importer_has_a_seed() -> None:
    assert set(SEEDS) == set(NAMES)


@pytest.mark.parametrize("name", [*NAMES, None])
@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes(name: str | None, data: bytes) -> None:
    only_podium_errors(data, name)


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(cut=st.integers(0, 10**6), at=st.integers(0, 10**6), junk=st.binary(max_size=12))
def test_mutated_real_files(name: str, cut: int, at: int, junk: bytes) -> None:
    data = seed(name)
    data = data[: max(1, cut % len(data) + 1)] if cut % 3 == 0 else data
    position = at % len(data)
    only_podium_errors(data[:position] + junk + data[position + len(junk) :], name)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in list(value.items())[:12]:
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            out += _paths(v, (*prefix, i))
    return out


@pytest.mark.parametrize(
    "name", ["acc", "iracing", "assetto", "raceroom", "pcars", "assetto-offline", "acc-client"]
)
@FUZZ
@given(pick=st.integers(0, 10**6), value=JSON_VALUES)
def test_json_fields_replaced(name: str, pick: int, value: Any) -> None:
    raw = seed(name)
    text = raw.decode("utf-16-le") if raw[1:2] == b"\x00" else raw.decode("utf-8-sig")
    # sms_stats files open with // comment lines
    document = json.loads("\n".join(x for x in text.split("\n") if not x.startswith("//")))
    paths = [p for p in _paths(document) if p]
    path = paths[pick % len(paths)]
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    only_podium_errors(json.dumps(document).encode(), name)
