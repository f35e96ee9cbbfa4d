"""The bundled F1 rules files: all valid, and what tools/build_f1_rules.py writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from podium.datasets.f1 import FIRST, LAST, rules_for, rules_path
from podium.errors import NotFound
from podium.rules.dimensions import SharedCars

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_f1_rules.py"


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_f1_rules", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("year", range(FIRST, LAST + 1))
def test_rules_file_is_valid_and_up_to_date(year: int) -> None:
    rules = rules_for(year)
    assert [c.id for c in rules.championships][:1] == ["drivers"]
    assert rules_path(year).read_text(encoding="utf-8") == _tool().season_rules(year)


def test_eras_follow_rules_md() -> None:
    assert rules_for(1955).championship("drivers").shared_cars is SharedCars.SPLIT
    assert rules_for(1958).championship("drivers").shared_cars is SharedCars.NONE
    assert [c.id for c in rules_for(1957).championships] == ["drivers"]  # constructors from 1958
    assert rules_for(1961).championship("constructors").scale == "constructors_1961"
    assert rules_for(1979).championship("constructors").drops is None
    drops = rules_for(1979).championship("drivers").drops
    assert drops is not None and [(s.first, s.last, s.best) for s in drops.segments] == [
        (1, 7, 4),
        (8, 0, 4),
    ]
    assert [b.top for b in rules_for(2019).bonuses] == [10]
    assert rules_for(2025).bonuses == [] and rules_for(2018).bonuses == []
    assert rules_for(2026).scales["sprint"].points == rules_for(2022).scales["sprint"].points
    assert rules_for(1969).ineligible[0].pass_down is True


def test_a_season_without_rules_is_refused_by_name() -> None:
    with pytest.raises(NotFound, match="no Formula One rules for 1949"):
        rules_for(1949)
