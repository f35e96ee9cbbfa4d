"""The built-in 2023 IMSA season (issue 10): built from the official timing
files by podium's own commands (tools/build_imsa2023.py), reachable as
`--season imsa-2023`, and crowning the champions the series crowned, in the
drivers', teams', manufacturers' and Endurance Cup championships."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from podium.app.season import ScoredSeason, open_season
from podium.datasets import builtin_season_path
from podium.readers.native import read_season

ROOT = Path(__file__).resolve().parent.parent
TIMING = ROOT / "data" / "imsa2023" / "timing"
GOLDEN = ROOT / "tests" / "golden" / "imsa2023" / "champions.csv"
TITLES = ROOT / "tests" / "golden" / "imsa2023" / "titles.csv"
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


@pytest.mark.parametrize(
    "row",
    list(csv.DictReader(TITLES.open(encoding="utf-8"))),
    ids=lambda r: f"{r['class']}-{r['championship']}",
)
def test_the_other_titles_are_the_published_ones(row: dict[str, str]) -> None:
    table = ScoredSeason(open_season("imsa-2023")).standings(row["championship"], row["class"])
    leaders = {r.competitor for r in table.rows if r.total == table.rows[0].total}
    assert leaders == set(row["champion"].split("; "))


def test_every_points_row_names_its_own_car() -> None:
    """Each result row's car is its entry's (a decision cached for one car
    was once handed to another whose placing reused its memory)."""
    scored = ScoredSeason(open_season("imsa-2023"))
    season = scored.season
    rows = [r for r in scored.ledger if r.entry and r.kind.value == "result"]
    assert rows
    wrong = [r for r in rows if season.entries_by_key[r.entry or ""].label != r.car]
    assert wrong == []


def test_makes_score_for_their_rank_among_makes() -> None:
    """Daytona GTP: Acura 1-2, then Cadillac, BMW, Porsche: each make's best
    car is paid for the make's rank (350, 320, 300, 280 in the race)."""
    scored = ScoredSeason(open_season("imsa-2023"))
    race = {
        r.competitor: r.points
        for r in scored.ledger
        if r.championship == "manufacturers"
        and (r.round, r.class_code, r.session) == (1, "GTP", "race")
        and r.counts
    }
    order = [
        scored.season.entries_by_key[x.entry or ""].cars[0].make
        for x in sorted(
            (x for x in scored.classification(1, "GTP") if x.class_pos),
            key=lambda x: x.class_pos or 0,
        )
    ]
    makes = list(dict.fromkeys(order))
    assert order[:2] == ["Acura", "Acura"]
    assert [race[m] for m in makes] == [350, 320, 300, 280][: len(makes)]
    assert "LMP2" not in {r.class_code for r in scored.ledger if r.championship == "manufacturers"}


def test_drive_times_and_marks_come_from_the_lap_charts() -> None:
    """Sebring: the winning #31's drivers' times at the wheel add up to its
    race time; its class order at 4 and 8 hours is taken from the laps."""
    season = open_season("imsa-2023")
    (winner,) = [x for x in season.results_of(2, "race") if x.entry == "31"]
    total_ms = sum(winner.drive_times)
    assert len(winner.drive_times) == len(winner.drivers) == 3
    assert abs(total_ms - 12 * 3600_000) < 10 * 60_000  # 12 hours, give or take the last lap
    sessions = {x.session for x in season.results_of(2)}
    assert {"mark-4h", "mark-8h"} <= sessions
    assert not any(x.session.startswith("mark") for x in season.results_of(1))  # no lap chart


def test_the_audit_lists_what_the_files_cannot_tell() -> None:
    done = subprocess.run(
        [PODIUM, "audit", "--season", "imsa-2023", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    import json

    gaps = json.loads(done.stdout)["incomplete"]
    said = {(g["round"], g["what"]) for g in gaps}
    assert (1, "drive times") in said and (1, "time marks") in said
    assert (5, "qualifying") in said  # Watkins Glen: no GTP or LMP2 qualifying times


def test_the_stewards_decisions_change_the_points() -> None:
    """Daytona: the No. 60 Acura keeps its win, its drivers and team lose 200
    points. Watkins Glen: the No. 6 Porsche, first on the timing sheet, is
    last in GTP; the No. 25 BMW wins."""
    scored = ScoredSeason(open_season("imsa-2023"))
    rows = [r for r in scored.ledger if r.round == 1 and r.entry == "60"]
    assert any(r.points == -200 and r.championship == "drivers" for r in rows)
    assert any(r.points == -200 and r.championship == "teams" for r in rows)
    # ... and every Endurance Cup point it earned there; Acura keeps its points.
    cup = [r for r in rows if r.championship == "endurance"]
    taken = sum(-r.points for r in cup if r.kind.value == "penalty")
    earned = sum(r.points for r in cup if r.kind.value == "result" and r.counts)
    assert earned > 0 and taken == earned
    makes = [r for r in scored.ledger if r.championship == "manufacturers" and r.round == 1]
    assert not any(r.kind.value == "penalty" for r in makes)
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


def test_the_title_question_counts_the_qualifying_still_to_come() -> None:
    """After round 10, Sims (2460) leads Albuquerque (2457) by 3. A win is
    350 and pole 35: with Albuquerque on pole and second (320 + 35), a win
    without qualifying points leaves Sims 2 short; third (300 + 35) is not
    enough for him. So Sims needs the win and Albuquerque 3rd or lower."""
    done = subprocess.run(
        [PODIUM, "title", "--season", "imsa-2023", "--class", "GTP",
         "--championship", "drivers", "--after", "10", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = {r["name"]: r for r in json.loads(done.stdout)["contenders"]}
    sims = rows["Alexander Sims"]
    assert sims["points"] == "2460" and rows["Filipe Albuquerque"]["points"] == "2457"
    # 350 for the win, 35 for pole
    assert (sims["lowest"], sims["highest"]) == ("2460", "2845")
    assert sims["needs_round"] == 11
    assert sims["needs"] == (
        "Alexander Sims wins and Filipe Albuquerque finishes 3rd or lower "
        "and Ricky Taylor finishes 3rd or lower"
    )
    assert sims["answer"] == (
        "can still win: needs a win at R11 Petit Le Mans, with Filipe Albuquerque "
        "3rd or lower and Ricky Taylor 3rd or lower"
    )


def test_a_championship_is_listed_only_in_its_classes() -> None:
    """No manufacturers' title in LMP2 or LMP3: no table, no link, a clear error."""
    scored = ScoredSeason(open_season("imsa-2023"))
    tables = scored.all_tables()
    assert ("manufacturers", "GTP") in tables and ("manufacturers", "LMP2") not in tables
    done = subprocess.run(
        [PODIUM, "standings", "--season", "imsa-2023", "--class", "LMP2",
         "--championship", "manufacturers"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1
    assert "no Manufacturers' championship in LMP2: it is held in GTP, GTDPRO, GTD" in (
        done.stderr + done.stdout
    )


def test_results_carry_each_drivers_time_at_the_wheel() -> None:
    from podium.app.rounds import results_report

    report = results_report(ScoredSeason(open_season("imsa-2023")), 2, "GTP").to_json()
    assert isinstance(report, dict)
    (winner,) = [r for r in report["results"] if r["entry"] == "31"]  # the race only
    times = winner["drive_times_ms"]
    assert len(times) == len(winner["drivers"]) == 3
    assert all(t > 3_600_000 for t in times)  # hours at the wheel each


def test_a_time_marks_class_order_is_a_session_of_its_own() -> None:
    """`podium results 2 --session mark-8h`: the class order at 8 hours,
    the cars placed by laps completed by then; the race sheet leaves it out."""
    done = subprocess.run(
        [PODIUM, "results", "2", "--season", "imsa-2023", "--class", "GTP",
         "--session", "mark-8h", "--format", "csv"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = list(csv.DictReader(done.stdout.splitlines()))
    placed = [r for r in rows if r["class_pos"]]
    assert [int(r["class_pos"]) for r in placed] == list(range(1, len(placed) + 1))
    laps = [int(r["laps"]) for r in placed]
    assert laps == sorted(laps, reverse=True)
    assert all(r["time"] < "8:00:00" for r in placed)  # the last crossing before the mark
    missing = subprocess.run(
        [PODIUM, "results", "2", "--season", "imsa-2023", "--session", "mark-9h"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert missing.returncode == 1
    assert "round 2 has no session 'mark-9h' (it has: race, mark-4h, mark-8h)" in (
        missing.stderr + missing.stdout
    )


def test_explain_a_car_and_a_make_as_a_user_types_them() -> None:
    """IMSA's teams are cars ("#31") and its manufacturers makes: explain
    finds both, and every row adds up to the table's total."""
    for name, championship in (("#31", "teams"), ("Cadillac", "manufacturers")):
        done = subprocess.run(
            [PODIUM, "explain", name, "--season", "imsa-2023", "--class", "GTP",
             "--championship", championship, "--format", "json"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        (explained,) = json.loads(done.stdout)
        table = ScoredSeason(open_season("imsa-2023")).standings(championship, "GTP")
        row = table.row(explained["competitor"]["name"])
        assert row is not None and str(row.total) == str(explained["total"])
        counted = sum(Fraction(r["points"]) for r in explained["rows"] if r["counts"])
        assert counted == row.total


def test_a_title_race_opens_only_the_rounds_the_class_races() -> None:
    """After round 6, GTP has three races left (Road America, Indianapolis,
    Petit Le Mans): Lime Rock and VIR are off its bill. Each is worth at
    most 350 for the win and 35 for pole."""
    done = subprocess.run(
        [PODIUM, "title", "--season", "imsa-2023", "--class", "GTP",
         "--championship", "drivers", "--after", "6", "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    spans = set()
    for row in json.loads(done.stdout)["contenders"]:
        low, high = int(row["lowest"]), int(row["highest"])
        assert low == int(row["points"])
        spans.add(high - low)
    # A driver entered for one, two or all three of them (Aitken: Petit Le Mans only).
    assert max(spans) == 3 * (350 + 35)
    assert spans <= {0, 385, 2 * 385, 3 * 385}
