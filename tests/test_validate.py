"""`podium validate`: every problem in a season folder, with file, line and field."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from podium.cli import app
from podium.readers.native import read_season

runner = CliRunner()


def edit_row(path: Path, match: dict[str, str], changes: dict[str, str]) -> int:
    """Change the first CSV row matching ``match``; return its line number."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0])
    for index, row in enumerate(rows):
        if all(row[k] == v for k, v in match.items()):
            row.update(changes)
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
            return index + 2  # header is line 1; no multi-line cells in these files
    raise AssertionError(f"no row {match} in {path}")


def errors(folder: Path) -> list[str]:
    return [str(p) for p in read_season(folder).errors]


def test_builtin_season_is_clean() -> None:
    result = runner.invoke(app, ["validate", "src/podium/datasets/alms2004"])
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s); 4 classes, 9 rounds, 56 entries" in result.output


def test_unknown_car_number(season_copy: Path) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "63"}, {"car_no": "99"})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: car_no: unknown car number "
        "(expected a car of entries.csv entered in round 9, found 99)"
    ]


def test_duplicate_class_position(season_copy: Path) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "23"}, {"class_pos": "1"})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: class_pos: duplicate class position in GT "
        "(expected each position once, found 1 given 2 times)"
    ]


def test_non_numeric_laps(season_copy: Path) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "16"}, {"laps": "168 laps"})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: laps: not a whole number "
        "(expected a whole number >= 0, found '168 laps')"
    ]


def test_negative_laps(season_copy: Path) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "16"}, {"laps": "-3"})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: laps: out of range "
        "(expected a whole number from 0 to 1000000, found -3)"
    ]


def test_a_lap_count_past_any_race_is_refused(season_copy: Path) -> None:
    """10**30 laps once passed validate and crashed `db load` (issue 14)."""
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "16"}, {"laps": "1" + "0" * 30})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: laps: out of range "
        "(expected a whole number from 0 to 1000000, found 10000000000000000000)"
    ]


def test_a_control_character_is_refused_with_its_line(season_copy: Path) -> None:
    """A NUL in a name once crashed the PostgreSQL load (issue 14)."""
    teams = season_copy / "teams.csv"
    lines = teams.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",", "\x00,", 1)
    teams.write_text("".join(lines), encoding="utf-8")
    problem = errors(season_copy)[0]  # teams.csv unread: its teams are unknown after
    assert problem.startswith("alms2004/teams.csv:3: (text): control character in the text")
    assert "U+0000" in problem


def test_driver_not_entered(season_copy: Path) -> None:
    line = edit_row(
        season_copy / "results" / "r9.csv", {"car_no": "3"}, {"drivers": "Ron Fellows / Max Papis"}
    )
    (problem,) = errors(season_copy)
    assert problem.startswith(
        f"alms2004/results/r9.csv:{line}: drivers: driver not entered in #3 for round 9"
    )
    assert problem.endswith("found Max Papis)")


def test_unknown_driver(season_copy: Path) -> None:
    line = edit_row(
        season_copy / "results" / "r9.csv", {"car_no": "3"}, {"drivers": "Ron Fellows / Nobody"}
    )
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: drivers: unknown driver "
        "(expected a name or alias in drivers.csv, found Nobody)"
    ]


def test_class_mismatch(season_copy: Path) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "63"}, {"class": "GT"})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: class: class mismatch for car #63 (expected GTS, found GT)"
    ]


def test_engine_breaking_class_rules(season_copy: Path) -> None:
    line = edit_row(season_copy / "entries.csv", {"entry": "38"}, {"displacement_l": "4.5"})
    assert errors(season_copy) == [
        f"alms2004/entries.csv:{line}: engine: Audi 3.6L Turbo V8 breaks the LMP1 engine limit for "
        "turbocharged engines (expected <= 4.0 L, found 4.5 L)"
    ]


def test_unknown_status(season_copy: Path) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "16"}, {"status": "finished"})
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: status: unknown status "
        "(expected classified or nc or dnf or dsq or dns, found finished)"
    ]


def test_every_problem_is_reported_and_exit_code_is_1(season_copy: Path) -> None:
    edit_row(season_copy / "results" / "r9.csv", {"car_no": "63"}, {"car_no": "99"})
    edit_row(season_copy / "results" / "r9.csv", {"car_no": "16"}, {"laps": "x"})
    result = runner.invoke(app, ["validate", str(season_copy)])
    assert result.exit_code == 1
    assert "unknown car number" in result.output and "not a whole number" in result.output
    assert "2 error(s)" in result.output


def test_validate_as_csv(season_copy: Path) -> None:
    edit_row(season_copy / "results" / "r9.csv", {"car_no": "16"}, {"laps": "x"})
    result = runner.invoke(app, ["validate", str(season_copy), "--format", "csv"])
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["field"] == "laps" and rows[0]["found"] == "'x'"


def test_missing_required_column(season_copy: Path) -> None:
    path = season_copy / "results" / "r9.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace(",status,", ",state,")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    (first, *_) = errors(season_copy)
    assert first.startswith("alms2004/results/r9.csv:1: status: missing column")


def test_results_file_for_unknown_round(season_copy: Path) -> None:
    (season_copy / "results" / "r12.csv").write_text("class,status\n", encoding="utf-8")
    assert errors(season_copy) == [
        "alms2004/results/r12.csv: (file name): no such round in season.toml "
        "(expected one of [1, 2, 3, 4, 5, 6, 7, 8, 9], found 12)"
    ]


def test_season_toml_error(season_copy: Path) -> None:
    path = season_copy / "season.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("year = 2004", 'year = "2004x"'), "utf-8"
    )
    (problem,) = errors(season_copy)
    assert problem.startswith("alms2004/season.toml:")
    assert ": year: Input should be a valid integer" in problem


def problems(folder: Path) -> list[str]:
    return [f"{p.severity.value}: {p}" for p in read_season(folder).problems]


def test_two_entries_with_one_number_in_a_class(season_copy: Path) -> None:
    entries = season_copy / "entries.csv"
    text = entries.read_text(encoding="utf-8")
    entries.write_text(
        text + "spare,3,GTS,Corvette Racing,,Chevrolet Corvette C5-R,,,,,,,,,,\n",
        encoding="utf-8",
    )
    line = len(text.splitlines()) + 1
    assert problems(season_copy) == [
        f"warning: alms2004/entries.csv:{line}: car_no: #3 is already the number of entry "
        "'3' in GTS: a result or penalty naming #3 cannot tell them apart; give one of them "
        "another number (expected a number not used in GTS, found 3)"
    ]


def test_one_entry_key_twice_for_the_same_rounds(season_copy: Path) -> None:
    entries = season_copy / "entries.csv"
    lines = entries.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, ln in enumerate(lines) if ln.startswith("4,"))
    entries.write_text("".join([*lines[: at + 1], lines[at], *lines[at + 1 :]]), encoding="utf-8")
    (found,) = errors(season_copy)
    assert found.startswith(f"alms2004/entries.csv:{at + 1}: entry: entry '4' is given twice")


def test_two_cars_on_pole(season_copy: Path) -> None:
    line = edit_row(season_copy / "qualifying" / "r9.csv", {"car_no": "3"}, {"class_position": "1"})
    (found,) = errors(season_copy)
    assert found == (
        f"alms2004/qualifying/r9.csv:{line}: class_position: two cars qualified GTS P1 "
        "(entries '4' and '3') (expected each position once, found 1)"
    )


def test_a_round_naming_a_scale_that_does_not_exist(season_copy: Path) -> None:
    toml = season_copy / "season.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('scale = "monterey"', 'scale = "montery"'),
        encoding="utf-8",
    )
    (found,) = errors(season_copy)
    assert found.startswith("season.toml: rounds.9.scale: no such points scale in rules.toml")
    assert "found montery" in found


def test_a_points_scale_that_increases(season_copy: Path) -> None:
    rules = season_copy / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace("20, 16, 13,", "20, 16, 18,", 1), encoding="utf-8")
    (found,) = errors(season_copy)
    assert "place 3 pays 18, more than place 2 (16)" in found
    assert found.startswith("alms2004/rules.toml:")


def test_drops_that_drop_nothing(season_copy: Path) -> None:
    rules = season_copy / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(
        text.replace('id = "teams"', 'id = "teams"\ndrops = { best = 9 }', 1), encoding="utf-8"
    )
    assert problems(season_copy) == [
        "warning: rules.toml: championships.0.drops.best: best 9 results of a 9-round season: "
        "nothing is ever dropped; lower it, or remove [championships.drops] "
        "(expected fewer than 9, found 9)"
    ]
