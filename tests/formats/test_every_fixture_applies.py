"""Acceptance: every real file imports into a season (all its classes mapped
to one season class), or, for qualifying and practice, is refused for a race
with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.app.import_apply import apply_to_folder, record_for
from podium.errors import InputError
from podium.imports.config import ImportConfig
from podium.imports.plan import plan_import
from podium.model import Status
from podium.readers.native import load_season
from podium.readers.registry import parse_path
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league

FILES = sorted(
    str(p.relative_to(FIXTURES))
    for p in FIXTURES.rglob("*")
    if p.suffix.lower() in (".json", ".xml", ".csv")
)


@pytest.mark.parametrize("name", FILES)
def test_fixture_applies_or_is_refused_as_not_a_race(name: str, tmp_path: Path) -> None:
    folder = league(tmp_path)
    season = load_season(folder)
    parsed = parse_path(FIXTURES / name)
    config = ImportConfig(classes=dict.fromkeys(parsed.session.classes(), "GT3"))
    if parsed.session.kind.value != "race":
        with pytest.raises(InputError) as caught:
            plan_import(season, parsed.session, 1, name, config, create_entries=True)
        assert f"holds a {parsed.session.kind.value} session" in caught.value.problems[0].message
        return
    plan = plan_import(season, parsed.session, 1, name, config, create_entries=True)
    assert not plan.problems
    apply_to_folder(folder, season, plan, record_for(parsed, 1))
    lines = load_season(folder).results_of(1)
    assert len(lines) == len(parsed.session.cars)
    placed = [r for r in lines if r.status is Status.CLASSIFIED]
    assert sorted(r.class_pos for r in placed) == list(range(1, len(placed) + 1))
