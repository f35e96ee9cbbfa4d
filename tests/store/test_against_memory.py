"""SqlRepository answers like MemoryRepository (the reference) after any
sequence of loads, amendments, penalties and adjustments, at every revision."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.app.memory import MemoryRepository
from podium.app.repository import Repository
from podium.errors import NotFound
from podium.model import (
    Penalty,
    PenaltyKind,
    PointsAdjustment,
    ResultLine,
    RoundStatus,
    Season,
    Status,
)
from tests.store.databases import sqlite_repository


def _dsq(lines: tuple[ResultLine, ...], index: int) -> tuple[ResultLine, ...]:
    hit = index % len(lines)
    return tuple(
        dataclasses.replace(line, status=Status.DISQUALIFIED, class_pos=None) if i == hit else line
        for i, line in enumerate(lines)
    )


operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("post"),
            st.integers(1, 9),
            st.integers(0, 40),
            st.sampled_from(list(RoundStatus)),
        ),
        st.tuples(st.just("penalty"), st.integers(1, 9), st.sampled_from(["3", "24", "63"])),
        st.tuples(st.just("adjust"), st.integers(-3, 3), st.integers(1, 7)),
        st.tuples(st.just("reload"), st.booleans()),
    ),
    max_size=6,
)


def _apply(repo: Repository, alms: Season, operation: tuple[object, ...]) -> None:
    kind = operation[0]
    if kind == "post":
        _, number, index, status = operation
        assert isinstance(number, int) and isinstance(index, int)
        lines = _dsq(alms.results_of(number), index)
        repo.post_results("alms-2004", number, lines, RoundStatus(str(status)), "desk", "test")
    elif kind == "penalty":
        _, number, car = operation
        assert isinstance(number, int)
        repo.add_penalty("alms-2004", Penalty(number, str(car), PenaltyKind.TIME, "x"), "desk")
    elif kind == "adjust":
        _, top, bottom = operation
        assert isinstance(top, int) and isinstance(bottom, int)
        points = Fraction(top, bottom)
        adjustment = PointsAdjustment("teams", "GT", "Alex Job Racing", points, "test")
        repo.add_adjustment("alms-2004", adjustment, "desk")
    else:
        renamed = dataclasses.replace(alms, notes="revised") if operation[1] else alms
        repo.load_season(renamed, actor="desk")


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=operations)
def test_sql_store_matches_the_reference(alms: Season, script: list[tuple[object, ...]]) -> None:
    memory, sql = MemoryRepository(), sqlite_repository()
    try:
        for repo in (memory, sql):
            repo.load_season(alms, actor="desk")
            for operation in script:
                _apply(repo, alms, operation)
        latest = memory.revision("alms-2004")
        assert sql.revision("alms-2004") == latest
        for revision in range(latest + 1):
            try:
                expected = memory.season("alms-2004", as_of=revision)
            except NotFound:
                expected = None
            try:
                found = sql.season("alms-2004", as_of=revision)
            except NotFound:
                found = None
            assert found == expected, f"as of revision {revision}"
        for number in range(1, 10):
            mine = [
                (v.version, v.revision, v.status, v.lines)
                for v in sql.result_versions("alms-2004", number)
            ]
            reference = [
                (v.version, v.revision, v.status, v.lines)
                for v in memory.result_versions("alms-2004", number)
            ]
            assert mine == reference
    finally:
        sql.close()
