"""Acceptance: every real file imports into a season (all its classes mapped
to one season class): a race as the round's classification, a qualifying
session as its grid. A file with practice only is refused as such; the few
real files that cannot be imported are listed with the error they get."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium.app.import_apply import apply_to_folder, record_for
from podium.errors import InputError
from podium.imports.config import ImportConfig
from podium.imports.plan import non_competitor, plan_import
from podium.model import Status
from podium.readers.native import load_season
from podium.readers.registry import parse_path
from podium.readers.session import SessionKind
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league

FILES = sorted(
    str(p.relative_to(FIXTURES))
    for p in FIXTURES.rglob("*")
    if p.suffix.lower() in (".json", ".xml", ".csv") and "php" not in p.parts
)


# Real files podium refuses, and the words of the refusal.
REFUSED = {
    "simresults/assettocorsa-competizione/race.without.leaderBoardLines,attribute.json": (
        "leaderBoardLines: Field required"
    ),
    "simresults/assettocorsa/nosessions.json": "$.sessions: no sessions",
    "simresults/rfactor2/nosession.xml": "no session with drivers",
    # A driver named "/extremeRCR/": the season folder separates drivers with "/".
    "simresults/assettocorsa-server-json/2015_10_17_9_30_QUALIFY.json": 'a name without "/"',
}


@pytest.mark.parametrize("name", FILES)
def test_fixture_applies(name: str, tmp_path: Path) -> None:
    folder = league(tmp_path)
    season = load_season(folder)
    if name in REFUSED:
        with pytest.raises(InputError, match=re.escape(REFUSED[name])):
            parsed = parse_path(FIXTURES / name)
            config = ImportConfig(classes=dict.fromkeys(parsed.session.classes(), "GT3"))
            plan = plan_import(season, parsed.session, 1, name, config, create_entries=True)
            raise InputError(plan.problems)
        return
    parsed = parse_path(FIXTURES / name)
    if all(s.kind is SessionKind.PRACTICE for s in parsed.sessions):
        config = ImportConfig(classes=dict.fromkeys(parsed.session.classes(), "GT3"))
        with pytest.raises(InputError, match="holds a practice session"):
            plan_import(season, parsed.session, 1, name, config, create_entries=True)
        return
    config = ImportConfig(classes=dict.fromkeys(parsed.session.classes(), "GT3"))
    plan = plan_import(season, parsed.session, 1, name, config, create_entries=True)
    assert not plan.problems
    apply_to_folder(folder, season, plan, record_for(parsed, 1))
    competitors = [c for c in parsed.session.cars if not non_competitor(c)]
    if parsed.session.kind.value == "qualifying":
        grid = load_season(folder).qualifying
        assert len(grid) == len(competitors)
        timed = sorted(q.class_position for q in grid if q.class_position)
        assert timed == list(range(1, len(timed) + 1))
        return
    lines = load_season(folder).results_of(1)
    assert len(lines) == len(competitors)
    placed = [r for r in lines if r.status is Status.CLASSIFIED]
    assert sorted(r.class_pos for r in placed) == list(range(1, len(placed) + 1))
