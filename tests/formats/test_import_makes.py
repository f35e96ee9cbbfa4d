"""``makes`` in import.toml: a car an import creates gets the longest listed
make its name starts with (case aside, on a word boundary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.errors import InputError
from podium.imports.config import ImportConfig, load_config
from podium.imports.plan import plan_import
from podium.readers.native import load_season
from podium.readers.registry import parse_path
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league, podium

RACE = FIXTURES / "acc/fabieu__simdesk__Session_R.json"
MAKES = ["Aston", "Aston Martin", "bmw", "Mercedes", "Mercedes-AMG", "Lambo", "Porsche 911"]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("BMW M4 GT3", "bmw"),  # as import.toml spells it
        ("Aston Martin Vantage GT3", "Aston Martin"),  # the longest, not the first
        ("aston martin  vantage gt3", "Aston Martin"),  # case and spacing aside
        ("Aston Villa", "Aston"),
        ("Mercedes-AMG GT3 2020", "Mercedes-AMG"),
        ("Mercedes EQ", "Mercedes"),
        ("Lamborghini Huracan GT3", ""),  # "Lambo" ends inside a word
        ("BMWX 1", ""),
        ("Porsche 911 II GT3 R", "Porsche 911"),
        ("Porsche 9110", ""),
        ("Porsche 718 Cayman GT4", ""),
        ("Ferrari 488 GT3", ""),
        ("", ""),
    ],
)
def test_make_of(name: str, make: str) -> None:
    assert ImportConfig(makes=MAKES).make_of(name) == make


def test_no_makes_no_make() -> None:
    assert ImportConfig().make_of("BMW M4 GT3") == ""


def test_created_entries_take_their_make(tmp_path: Path) -> None:
    folder = league(tmp_path)
    season = load_season(folder)
    config = load_config(folder).model_copy(update={"makes": ["BMW", "Aston Martin", "Porsche"]})
    plan = plan_import(
        season, parse_path(RACE).session, 1, RACE.name, config=config, create_entries=True
    )
    assert not plan.problems
    made = {(e.cars[0].chassis, e.cars[0].make) for e in plan.new_entries}
    assert ("BMW M4 GT3", "BMW") in made
    assert ("BMW M4 GT4", "BMW") in made
    assert ("Aston Martin V8 Vantage GT3", "Aston Martin") in made
    assert ("Aston Martin Vantage GT4", "Aston Martin") in made
    assert ("Porsche 718 Cayman GT4", "Porsche") in made
    assert ("Ferrari 488 GT3 Evo", "") in made
    assert ("Mercedes-AMG GT4", "") in made
    unmatched = {c for c, m in made if not m}
    assert unmatched == {
        "Audi R8 LMS GT3 Evo II",
        "Ferrari 488 GT3 Evo",
        "Honda NSX GT3 Evo",
        "KTM X-Bow GT4",
        "Lamborghini Huracan GT3 Evo",
        "Mercedes-AMG GT3 2020",
        "Mercedes-AMG GT4",
    }


def test_applied_import_writes_the_make_to_entries_csv(tmp_path: Path) -> None:
    folder = league(tmp_path)
    toml = folder / "import.toml"
    toml.write_text('makes = ["BMW", "Aston Martin"]\n' + toml.read_text(encoding="utf-8"))
    result = podium(
        "import", str(RACE), "--season", str(folder), "--round", "1", "--create-entries", "--apply"
    )
    assert result.exit_code == 0, result.output
    header = (folder / "entries.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert ",chassis,make,engine," in header
    season = load_season(folder)
    makes = {e.cars[0].chassis: e.cars[0].make for e in season.entries}
    assert makes["BMW M4 GT3"] == "BMW"
    assert makes["Aston Martin V8 Vantage GT3"] == "Aston Martin"
    assert makes["Porsche 718 Cayman GT4"] == ""


@pytest.mark.parametrize(
    ("line", "field"),
    [('makes = ["BMW", " "]\n', "makes.1"), ('makes = "BMW"\n', "makes")],
)
def test_a_bad_makes_list_is_refused(tmp_path: Path, line: str, field: str) -> None:
    (tmp_path / "import.toml").write_text(line, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_config(tmp_path)
    (problem,) = raised.value.problems
    assert (problem.file, problem.field) == (str(tmp_path / "import.toml"), field)
