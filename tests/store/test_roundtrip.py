"""Season -> database -> Season gives back the same season, field for field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from sqlalchemy import text

from podium.model import (
    Aspiration,
    CarSpec,
    Circuit,
    Engine,
    PointsAdjustment,
    QualifyingLine,
    Season,
    parse_round_set,
)
from podium.store import open_repository
from podium.store.repository import SqlRepository
from tests.samples import with_makes_and_drive_times, with_round_classes


def test_builtin_season_reads_back_equal(store: SqlRepository, alms: Season) -> None:
    store.load_season(alms, actor="test")
    assert store.season("alms-2004") == alms
    # A second connection (no session state shared) reads the same season.
    other = open_repository(store.engine.url.render_as_string(hide_password=False))
    try:
        assert other.season("alms-2004") == alms
        assert other.season_ids() == ["alms-2004"]
    finally:
        other.close()


def test_every_optional_field_survives(store: SqlRepository, alms: Season) -> None:
    entry = alms.entries[0]
    turbo = CarSpec(
        "Lola B2K/40",
        Engine("Nissan VQ30", 3.0, Aspiration.TURBO),
        parse_round_set("1-3, 8*"),
        weight_kg=901,
        carbon_brakes=True,
    )
    odd = dataclasses.replace(
        alms,
        name="",
        circuits=(Circuit("Laguna Seca", 3.602, 2.238, 11, "Monterey, CA", "test"),),
        entries=(
            dataclasses.replace(
                entry, cars=(*entry.cars, turbo), championships=frozenset({"teams", "drivers"})
            ),
            *alms.entries[1:],
        ),
        rounds=(dataclasses.replace(alms.rounds[0], date=dt.date(2004, 3, 20)), *alms.rounds[1:]),
        qualifying=(QualifyingLine(9, "2", "LMP1"),),
        adjustments=(
            PointsAdjustment("teams", "GT", "Alex Job Racing", Fraction(1, 7), "shared lap"),
            PointsAdjustment("drivers", "LMP1", "J.J. Lehto", Fraction(-5, 2), "fine", round=9),
        ),
    )
    store.load_season(odd, actor="test")
    back = store.season("alms-2004")
    assert back == odd
    assert back.adjustments[0].points == Fraction(1, 7)
    assert back.entries[0].cars[-1].rounds.absent == frozenset({8})


def test_make_and_drive_times_survive(store: SqlRepository, alms: Season) -> None:
    season = with_makes_and_drive_times(alms)
    audi = season.entry("38").cars[0]
    winner = season.results_of(9)[0]
    assert audi.make == "Audi" and len(winner.drive_times) == len(winner.drivers) == 2
    store.load_season(season, actor="test")
    back = store.season("alms-2004")
    assert back == season
    assert back.entry("38").cars[0].make == "Audi"
    assert back.results_of(9)[0].drive_times == (3_600_007, 3_601_007)
    assert all(r.drive_times == () for r in back.results if r.round != 9)
    # Stored and read back equal, so loading the same season again changes nothing.
    again = store.load_season(season, actor="test")
    assert not again.changed and again.rounds_changed == ()

    # A new time at the wheel is a new version of its round only.
    lines = season.results_of(9)
    amended = (dataclasses.replace(lines[0], drive_times=(5_000_000, 2_201_014)), *lines[1:])
    report = store.load_season(season.replace_results(9, amended), actor="test")
    assert report.changed and report.rounds_changed == (9,)
    latest = store.result_versions("alms-2004", 9)[-1]
    assert latest.lines[0].drive_times == (5_000_000, 2_201_014)
    assert latest.lines == amended

    # A make is base data: a new edition, no new result version.
    renamed = dataclasses.replace(
        season.replace_results(9, amended),
        entries=tuple(
            dataclasses.replace(e, cars=(dataclasses.replace(e.cars[0], make="Audi AG"),))
            if e.key == "38"
            else e
            for e in season.entries
        ),
    )
    report = store.load_season(renamed, actor="test")
    assert report.changed and report.rounds_changed == ()
    assert store.season("alms-2004").entry("38").cars[0].make == "Audi AG"
    assert store.season("alms-2004") == renamed


def test_round_classes_survive(store: SqlRepository, alms: Season) -> None:
    season = with_round_classes(alms)
    assert season.round(9).classes == ("LMP1", "GTS", "GT")
    first = store.load_season(season, actor="test")
    back = store.season("alms-2004")
    assert back == season
    assert back.round(9).classes == ("LMP1", "GTS", "GT")  # in the calendar's order
    assert all(r.classes == () for r in back.rounds if r.number != 9)
    with store.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT number, classes FROM rounds ORDER BY number")
        ).all()
    assert [tuple(row) for row in stored] == [(n, "") for n in range(1, 9)] + [(9, "LMP1,GTS,GT")]
    again = store.load_season(season, actor="test")
    assert not again.changed and again.rounds_changed == ()

    # A bill is base data: a new edition, no new result version; the old bill stays as of then.
    lone = dataclasses.replace(
        season,
        rounds=tuple(
            dataclasses.replace(r, classes=("GT",)) if r.number == 3 else r for r in season.rounds
        ),
        results=tuple(r for r in season.results if r.round != 3 or r.class_code == "GT"),
    )
    report = store.load_season(lone, actor="test")
    assert report.changed and report.rounds_changed == (3,)  # the lines taken out at round 3
    assert store.season("alms-2004").round(3).classes == ("GT",)
    assert store.season("alms-2004") == lone
    assert store.season("alms-2004", as_of=first.revision) == season
    everyone = dataclasses.replace(lone, rounds=alms.rounds)
    report = store.load_season(everyone, actor="test")
    assert report.changed and report.rounds_changed == ()
    assert store.season("alms-2004") == everyone
