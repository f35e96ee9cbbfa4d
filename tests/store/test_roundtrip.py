"""Season -> database -> Season gives back the same season, field for field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

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
