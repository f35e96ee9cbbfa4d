"""Property: whatever a session holds, planning it either refuses with
podium's error or gives a plan that, applied to a season folder, reads back
as exactly the planned lines."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from podium.app.import_apply import apply_to_folder
from podium.errors import PodiumError
from podium.imports.config import ImportConfig
from podium.imports.plan import plan_import
from podium.model import Status
from podium.readers.native import load_season
from podium.readers.native.imports_file import ImportRecord
from podium.readers.session import ImportedCar, ImportedSession, SessionKind
from tests.formats.helpers import LEAGUE

NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12
)
CARS = st.lists(
    st.builds(
        ImportedCar,
        where=st.just("$"),
        number=st.none() | st.sampled_from(["1", "2", "07", "7", "99"]),
        car_class=st.sampled_from(["GT3", "GT4", "gt3", "CUP"]),
        car_model=st.sampled_from(["", "30", "Porsche"]),
        team=st.sampled_from(["", "Team A", "team a", "Team B"]),
        drivers=st.lists(NAMES, max_size=3).map(tuple),
        laps=st.integers(0, 300),
        status=st.none() | st.sampled_from(list(Status)),
    ),
    max_size=6,
)


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(cars=CARS, create=st.booleans())
def test_plan_applies_as_planned(cars: list[ImportedCar], create: bool) -> None:
    session = ImportedSession(
        format="test", importer_version="1", kind=SessionKind.RACE, cars=tuple(cars)
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "league"
        shutil.copytree(LEAGUE, folder)
        season = load_season(folder)
        config = ImportConfig(classes={"CUP": "INV"})
        try:
            plan = plan_import(season, session, 1, "f", config, create_entries=create)
        except PodiumError:
            event("refused")
            return
        if plan.problems or not plan.changes:
            event("problems listed, or nothing to change")
            return
        # a plan without problems must apply: the season after it is valid
        record = ImportRecord("t", 1, "f", "0" * 64, "test", "1", 0)
        apply_to_folder(folder, season, plan, record)
        event("applied")
        stored = load_season(folder).results_of(1)
        assert [(r.entry, r.class_pos, r.status, r.laps, r.drivers) for r in stored] == [
            (r.entry, r.class_pos, r.status, r.laps, r.drivers) for r in plan.lines
        ]
