"""A car's make (entries.csv ``make``) and each driver's time at the wheel
(results ``drive_times``) in the season folder: written, read back, refused
when malformed, and optional in older folders."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from podium.errors import InputError
from podium.model import Season
from podium.readers.native import load_season, read_results, save_season
from tests.samples import with_makes_and_drive_times
from tests.test_validate import edit_row, errors


def _header(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")


def _drop_column(path: Path, column: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = [f for f in _header(path) if f != column]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_make_and_drive_times_are_written_and_read_back(alms: Season, tmp_path: Path) -> None:
    season = with_makes_and_drive_times(alms)
    save_season(season, tmp_path / "copy")
    entries = _header(tmp_path / "copy" / "entries.csv")
    assert entries[entries.index("chassis") + 1] == "make"
    results = _header(tmp_path / "copy" / "results" / "r9.csv")
    assert results[results.index("drivers") + 1] == "drive_times"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "copy" / "entries.csv").read_text())))
    assert {r["make"] for r in rows if r["chassis"] == "Audi R8"} == {"Audi"}
    assert {r["make"] for r in rows if not r["chassis"].startswith("Audi")} == {""}
    r9 = list(csv.DictReader(io.StringIO((tmp_path / "copy" / "results" / "r9.csv").read_text())))
    assert (r9[0]["drivers"], r9[0]["drive_times"]) == (
        "Johnny Herbert / Pierre Kaffer",
        "1:00:00.007 / 1:00:01.007",
    )
    r1 = (tmp_path / "copy" / "results" / "r1.csv").read_text()
    assert {r["drive_times"] for r in csv.DictReader(io.StringIO(r1))} == {""}
    back = load_season(tmp_path / "copy")
    assert back == season
    assert back.results_of(9)[0].drive_times == (3_600_007, 3_601_007)


def test_times_under_an_hour_and_a_lone_driver(alms: Season, tmp_path: Path) -> None:
    first, *rest = alms.results_of(9)
    solo = replace(first, drivers=first.drivers[:1], drive_times=(45_012,))
    save_season(alms.replace_results(9, (solo, *rest)), tmp_path / "copy")
    r9 = list(csv.DictReader(io.StringIO((tmp_path / "copy" / "results" / "r9.csv").read_text())))
    assert r9[0]["drive_times"] == "0:45.012"
    assert load_season(tmp_path / "copy").results_of(9)[0].drive_times == (45_012,)


def test_a_folder_without_the_new_columns_still_reads(alms: Season, season_copy: Path) -> None:
    _drop_column(season_copy / "entries.csv", "make")
    for path in (season_copy / "results").glob("r*.csv"):
        _drop_column(path, "drive_times")
    assert "make" not in _header(season_copy / "entries.csv")
    assert "drive_times" not in _header(season_copy / "results" / "r9.csv")
    assert load_season(season_copy) == alms


def test_hand_written_times_are_read(season_copy: Path) -> None:
    edit_row(
        season_copy / "results" / "r9.csv",
        {"car_no": "2"},
        {"drive_times": " 2:05:00 /  10882.5 "},
    )
    edit_row(season_copy / "entries.csv", {"entry": "38"}, {"make": "Audi"})
    season = load_season(season_copy)
    assert season.results_of(9)[0].drive_times == (7_500_000, 10_882_500)
    assert season.entry("38").cars[0].make == "Audi"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            "1:00:00.000 / 1h",
            "drive_times: not a time "
            "(expected times such as 3:01:22.500 / 2:58:37.500, found '1h')",
        ),
        (
            "1:00:00.000 / +5.000",
            "drive_times: not a time "
            "(expected times such as 3:01:22.500 / 2:58:37.500, found '+5.000')",
        ),
        (
            "1:00:00.000 / / 59:00.000",
            "drive_times: a time is missing "
            "(expected times such as 3:01:22.500 / 2:58:37.500, "
            "found '1:00:00.000 / / 59:00.000')",
        ),
        (
            "1:00:00.000 / 59:00.0005",
            "drive_times: finer than a millisecond "
            "(expected at most three decimals, found 59:00.0005)",
        ),
        (
            "1:00:00.000",
            "drive_times: a time at the wheel for each driver, in the order of drivers "
            "(expected 2 times, one per driver, found 1 time)",
        ),
        (
            "1:00:00.000 / 59:00.000 / 1:00.000",
            "drive_times: a time at the wheel for each driver, in the order of drivers "
            "(expected 2 times, one per driver, found 3 times)",
        ),
    ],
)
def test_malformed_drive_times_name_file_line_and_field(
    season_copy: Path, cell: str, message: str
) -> None:
    line = edit_row(season_copy / "results" / "r9.csv", {"car_no": "2"}, {"drive_times": cell})
    assert errors(season_copy) == [f"alms2004/results/r9.csv:{line}: {message}"]


def test_times_without_drivers_are_refused(season_copy: Path) -> None:
    line = edit_row(
        season_copy / "results" / "r9.csv",
        {"car_no": "2"},
        {"drivers": "", "drive_times": "2:00:00.000"},
    )
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: drive_times: a time at the wheel for each driver, "
        "in the order of drivers (expected 0 times, one per driver, found 1 time)"
    ]


def test_an_unknown_driver_is_said_once(season_copy: Path) -> None:
    """The times are not counted against a drivers cell that lost a name."""
    line = edit_row(
        season_copy / "results" / "r9.csv",
        {"car_no": "2"},
        {"drivers": "Johnny Herbert / Nobody", "drive_times": "2:00:00.000 / 1:00:00.000"},
    )
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: drivers: unknown driver "
        "(expected a name or alias in drivers.csv, found Nobody)"
    ]


def test_an_uploaded_classification_is_checked_alike(alms: Season, tmp_path: Path) -> None:
    save_season(with_makes_and_drive_times(alms), tmp_path / "copy")
    text = (tmp_path / "copy" / "results" / "r9.csv").read_text(encoding="utf-8")
    assert read_results(text, "r9.csv", alms, 9)[0].drive_times == (3_600_007, 3_601_007)
    broken = text.replace("1:00:00.007 / 1:00:01.007", "1:00:00.007", 1)
    with pytest.raises(InputError) as raised:
        read_results(broken, "r9.csv", alms, 9)
    (problem,) = raised.value.problems
    assert (problem.file, problem.line, problem.field) == ("r9.csv", 2, "drive_times")
    assert (problem.expected, problem.found) == ("2 times, one per driver", "1 time")
