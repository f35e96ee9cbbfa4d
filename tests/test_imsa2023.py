"""The built-in 2023 IMSA season (issue 10, in progress): built from the
official timing files by podium's own commands (tools/build_imsa2023.py),
reachable as `--season imsa-2023`, and crowning the champions the series
crowned."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from podium.app.season import ScoredSeason, open_season
from podium.datasets import builtin_season_path
from podium.readers.native import read_season

ROOT = Path(__file__).resolve().parent.parent
TIMING = ROOT / "data" / "imsa2023" / "timing"
GOLDEN = ROOT / "tests" / "golden" / "imsa2023" / "champions.csv"
PODIUM = str(Path(sys.executable).parent / "podium")


def test_the_built_in_season_is_valid_and_has_eleven_rounds() -> None:
    report = read_season(builtin_season_path("imsa2023"))
    assert report.ok, report.errors
    season = open_season("imsa-2023")
    assert (season.id, len(season.rounds)) == ("imsa-2023", 11)
    assert [c.code for c in season.classes] == ["GTP", "LMP2", "LMP3", "GTDPRO", "GTD"]


def test_every_imported_file_is_a_timing_file_byte_for_byte() -> None:
    """imports.csv names each file with its sha256: they are the files of
    data/imsa2023/timing, unchanged (the season is what they say)."""
    folder = builtin_season_path("imsa2023")
    with (folder / "imports.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_name = {p.name: p for p in TIMING.rglob("*.csv")}
    assert len(rows) == 43  # 11 qualifyings, 11 races, 11 qualifying and 10 race lap charts
    for row in rows:
        data = by_name[row["file"]].read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["file"]


@pytest.mark.parametrize(
    "row", list(csv.DictReader(GOLDEN.open(encoding="utf-8"))), ids=lambda r: r["class"]
)
def test_the_champions_are_the_published_ones(row: dict[str, str]) -> None:
    table = ScoredSeason(open_season("imsa-2023")).standings("drivers", row["class"])
    leaders = {r.competitor for r in table.rows if r.total == table.rows[0].total}
    assert leaders == set(row["drivers"].split("; "))


def test_the_stewards_decisions_change_the_points() -> None:
    """Daytona: the No. 60 Acura keeps its win, its drivers and team lose 200
    points. Watkins Glen: the No. 6 Porsche, first on the timing sheet, is
    last in GTP; the No. 25 BMW wins."""
    scored = ScoredSeason(open_season("imsa-2023"))
    rows = [r for r in scored.ledger if r.round == 1 and r.entry == "60"]
    assert any(r.points == -200 and r.championship == "drivers" for r in rows)
    assert any(r.points == -200 and r.championship == "teams" for r in rows)
    glen = scored.classification(5, "GTP")
    assert glen[0].entry == "25" and max(glen, key=lambda ln: ln.class_pos or 0).entry == "6"


def test_standings_by_id_as_a_user_types_it() -> None:
    out = subprocess.run(
        [PODIUM, "standings", "--season", "imsa-2023", "--class", "GTP",
         "--championship", "drivers", "--after", "8", "--format", "csv"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert out.splitlines()[0].startswith("pos,name,r1,")
    assert len(out.splitlines()) > 10


def test_the_build_script_reproduces_the_shipped_season(tmp_path: Path) -> None:
    """A reader reruns tools/build_imsa2023.py and gets the shipped folder,
    file for file (imports.csv's import times aside)."""
    out = tmp_path / "imsa2023"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_imsa2023.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    shipped = builtin_season_path("imsa2023")

    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    def without_times(data: bytes) -> list[list[str]]:
        return [row[1:] for row in csv.reader(data.decode("utf-8").splitlines())]

    built, held = files(out), files(shipped)
    assert sorted(built) == sorted(held)
    for name in held:
        if name == "imports.csv":
            assert without_times(built[name]) == without_times(held[name])
        else:
            assert built[name] == held[name], name
