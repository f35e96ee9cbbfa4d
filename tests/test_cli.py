"""The command line, end to end (through Click's runner and once as a real process)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from podium.cli import app

from .conftest import GOLDEN

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_standings_csv_equals_published_table() -> None:
    with (GOLDEN / "alms2004" / "published_team_standings.csv").open(encoding="utf-8") as handle:
        published = [r for r in csv.DictReader(handle) if r["class"] == "GT"]
    rows = list(csv.DictReader(io.StringIO(run("standings", "--class", "GT", "--format", "csv"))))
    rounds = [f"r{i}" for i in range(1, 10)]
    assert [[r["pos"], r["name"], *(r[c] for c in rounds), r["total"]] for r in rows] == [
        [r["pos"], r["team"], *(r[c] for c in rounds), r["total"]] for r in published
    ]


def test_standings_after_a_round_and_json() -> None:
    data = json.loads(run("standings", "-c", "LMP2", "--after", "8", "-f", "json"))
    totals = {r["competitor"]["name"]: r["total"] for r in data["rows"]}
    assert totals["Miracle Motorsports"] == "127" and totals["Intersport Racing"] == "106"
    assert data["rounds"] == list(range(1, 9))


def test_drivers_table_says_when_totals_are_lower_bounds() -> None:
    out = run("standings", "-c", "LMP1", "-C", "drivers", "--after", "8")
    assert "J.J. Lehto" in out and "lower bounds" in out


def test_results_csv_shape_and_content() -> None:
    rows = list(csv.DictReader(io.StringIO(run("results", "9", "--format", "csv"))))
    assert list(rows[0]) == [
        "overall_pos",
        "class",
        "class_pos",
        "car_no",
        "team",
        "drivers",
        "car",
        "laps",
        "time",
        "status",
        "reason",
    ]
    assert len(rows) == 25  # the seed's 25 starters
    everyone = list(csv.DictReader(io.StringIO(run("results", "9", "--all", "--format", "csv"))))
    assert len(everyone) == 26 and everyone[-1]["status"] == "dns"  # the inferred non-starter
    assert rows[0]["car_no"] == "2" and rows[0]["laps"] == "169"
    assert rows[22]["reason"] == "Water Pump" and rows[22]["status"] == "dnf"


def test_results_for_one_class() -> None:
    rows = list(csv.DictReader(io.StringIO(run("results", "9", "--class", "LMP2", "-f", "csv"))))
    assert [(r["class_pos"], r["car_no"]) for r in rows] == [("1", "30"), ("2", "56"), ("3", "10")]


def test_markdown_output() -> None:
    out = run("standings", "-c", "GT", "-f", "md")
    assert out.splitlines()[2].startswith("| pos | name |")
    assert "| 10= | Morgan Works Race Team |" in out


def test_winners_marks_overall_winner() -> None:
    data = json.loads(run("winners", "-f", "json"))
    assert len(data) == 36
    sebring_lmp2 = next(w for w in data if w["round"] == 1 and w["class"] == "LMP2")
    assert sebring_lmp2["team"]["name"] == "American Spirit Racing"
    assert not sebring_lmp2["overall_winner"]
    assert next(w for w in data if w["round"] == 9 and w["class"] == "LMP1")["overall_winner"]


def test_explain_gives_every_round_with_reason() -> None:
    out = run("explain", "ADT Champion Racing", "--class", "LMP1", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    counted = [r for r in rows if r["counts"] == "yes"]
    assert [r["round"] for r in counted] == [str(n) for n in range(1, 10)]
    assert rows[-1]["round"] == "total" and rows[-1]["points"] == "183"
    assert any("not registered for the teams championship" in r["reason"] for r in rows)


def test_explain_a_driver_through_an_alias() -> None:
    out = run("explain", "JJ Lehto", "-C", "drivers", "-f", "json")
    (table,) = json.loads(out)
    assert table["competitor"] == {"id": "j-j-lehto", "name": "J.J. Lehto"}
    assert table["class"] == "LMP1"


def test_audit_is_clean() -> None:
    out = run("audit")
    assert (
        "252/252 published cells reproduced; 0 unexplained difference(s); class winners 36/36"
        in out
    )
    assert "registration" in out


def test_unknown_class_is_a_clear_error() -> None:
    result = runner.invoke(app, ["standings", "--class", "GT1"])
    assert result.exit_code == 1
    assert "no class 'GT1'" in result.output and "LMP1, LMP2, GTS, GT" in result.output


def test_unknown_round_is_a_clear_error() -> None:
    result = runner.invoke(app, ["results", "12"])
    assert result.exit_code == 1 and "no round 12" in result.output


def test_schedule_classes_entries() -> None:
    schedule = list(csv.DictReader(io.StringIO(run("schedule", "-f", "csv"))))
    assert [r["scale"] for r in schedule] == ["sebring_plm"] + ["standard"] * 6 + [
        "sebring_plm",
        "monterey",
    ]
    classes = list(csv.DictReader(io.StringIO(run("classes", "-f", "csv"))))
    assert [(c["class"], c["min_weight_kg"]) for c in classes][:2] == [
        ("LMP1", "900"),
        ("LMP2", "700"),
    ]
    entries = json.loads(run("entries", "--class", "LMP2", "-f", "json"))
    miracle = next(e for e in entries if e["car_no"] == "10")
    assert [c["chassis"] for c in miracle["cars"]] == ["Lola B2K/40", "Courage C65"]


def test_season_option_reads_a_folder(season_copy: Path) -> None:
    out = run("standings", "-c", "GTS", "--season", str(season_copy), "-f", "csv")
    assert out.splitlines()[1].startswith("1,Corvette Racing,")


def test_console_script_runs_as_a_process() -> None:
    exe = Path(sys.executable).parent / "podium"
    result = subprocess.run(
        [str(exe), "standings", "--class", "LMP1", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[1].startswith("1,ADT Champion Racing,Audi R8,")
    assert result.stdout.splitlines()[1].endswith(",22,20,20,20,20,16,20,26,19,183")
