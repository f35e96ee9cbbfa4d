"""Laps in a season folder: laps/r<round>[-<session>].csv written and read
back exactly, every problem with file, line and field, read only when asked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.app.season import open_season
from podium.cli import app
from podium.errors import InputError
from podium.model import Season
from podium.model.lap_checks import sorted_laps
from podium.model.laps import Lap
from podium.readers.native import load_season
from podium.readers.native.laps import laps_file, laps_text, load_laps, parse_laps, read_laps
from tests.laps.sample import sample_laps

HEADER = "entry,lap,driver,time,position,elapsed,s1,s2,pit_in,pit_out,valid\n"


def write(folder: Path, name: str, text: str) -> None:
    (folder / "laps").mkdir(exist_ok=True)
    (folder / "laps" / name).write_text(text, encoding="utf-8")


def problems(folder: Path, season: Season) -> list[str]:
    return [str(p) for p in read_laps(folder, season).problems]


def test_file_names() -> None:
    assert laps_file(9) == "laps/r9.csv"
    assert laps_file(9, "sprint") == "laps/r9-sprint.csv"
    with pytest.raises(InputError) as refused:
        laps_file(9, "Race 2")
    assert (refused.value.problems[0].field, refused.value.problems[0].found) == (
        "session",
        "Race 2",
    )


def test_a_folder_round_trip_is_exact(season_copy: Path, alms: Season) -> None:
    race = sample_laps(alms)
    sprint = tuple(dataclasses.replace(lap, session="sprint") for lap in race[:20])
    write(season_copy, "r9.csv", laps_text(race))
    write(season_copy, "r9-sprint.csv", laps_text(sprint))
    report = read_laps(season_copy, alms)
    assert report.problems == []
    assert report.laps == sorted_laps((*race, *sprint))
    assert report.sessions(9) == ["race", "sprint"]
    assert read_laps(season_copy, alms, round_number=8).laps == ()
    # Written again from what was read: the same bytes.
    again = [lap for lap in report.laps if lap.session == "race"]
    assert laps_text(again) == (season_copy / "laps" / "r9.csv").read_text(encoding="utf-8")


def test_times_are_written_as_timing_sheets_print_them(alms: Season) -> None:
    lap = Lap(9, "race", "16", 1, 81_234, 2, 3_723_004, (27_000, None, 28_111), pit_in=True)
    text = laps_text([lap, dataclasses.replace(lap, number=2, sectors_ms=(), valid=False)])
    assert text.splitlines() == [
        "entry,lap,driver,time,position,elapsed,s1,s2,s3,pit_in,pit_out,valid",
        "16,1,,1:21.234,2,1:02:03.004,0:27.000,,0:28.111,yes,,",
        "16,2,,1:21.234,2,1:02:03.004,,,,yes,,no",
    ]
    assert parse_laps(text, "r9.csv", alms, 9).laps == (
        lap,
        dataclasses.replace(lap, number=2, sectors_ms=(), valid=False),
    )


def test_a_trailing_unknown_sector_is_no_fact(alms: Season) -> None:
    lap = Lap(9, "race", "16", 1, 81_234, sectors_ms=(27_000, None))
    (read,) = parse_laps(laps_text([lap]), "r9.csv", alms, 9).laps
    assert read.sectors_ms == (27_000,)
    assert sorted_laps([lap]) == (read,)


def test_times_in_seconds_and_names_in_any_case_are_read(alms: Season) -> None:
    text = HEADER + "16,1,james weaver,81.5,1,81.5,27,,,,yes\n"
    (lap,) = parse_laps(text, "r9.csv", alms, 9).laps
    assert (lap.time_ms, lap.elapsed_ms, lap.sectors_ms, lap.valid) == (
        81_500,
        81_500,
        (27_000,),
        True,
    )
    assert lap.driver == "James Weaver"


def test_every_bad_row_is_reported_with_file_line_and_field(
    season_copy: Path, alms: Season
) -> None:
    write(
        season_copy,
        "r9.csv",
        HEADER
        + "16,1,,1:20.000,1,1:20.000,,,,,\n"
        + "99,1,,1:20.000,2,1:20.000,,,,,\n"  # line 3: no such car
        + "16,1,,1:20.500,1,2:40.500,,,,,\n"  # line 4: lap 1 again
        + "16,3,,1:2x.000,1,,,,,,\n"  # line 5: not a time
        + "16,4,Nobody,1:20.0001,0,,,,maybe,,\n"  # line 6
        + "16,,,,,,,,,,\n",  # line 7: no lap number
    )
    assert problems(season_copy, alms) == [
        "alms2004/laps/r9.csv:3: entry: unknown entry (expected an entry key of entries.csv, found 99)",
        "alms2004/laps/r9.csv:5: time: not a time (expected a time such as 1:23.456, found '1:2x.000')",
        "alms2004/laps/r9.csv:6: driver: unknown driver "
        "(expected a name or alias in drivers.csv, found Nobody)",
        "alms2004/laps/r9.csv:6: time: finer than a millisecond "
        "(expected at most three decimals, found 1:20.0001)",
        "alms2004/laps/r9.csv:6: position: out of range (expected a whole number from 1 to 1000000, found 0)",
        "alms2004/laps/r9.csv:6: pit_in: not a yes/no value (expected yes or blank, found maybe)",
        "alms2004/laps/r9.csv:7: lap: no lap number (expected a whole number >= 1, found nothing)",
        "alms2004/laps/r9.csv:4: lap: lap numbers not increasing for entry '16' "
        "(expected a lap after lap 1, found 1)",
    ]
    with pytest.raises(InputError):
        load_laps(season_copy, alms)


def test_bad_file_names_and_columns(season_copy: Path, alms: Season) -> None:
    write(season_copy, "r99.csv", HEADER)
    write(season_copy, "round9.csv", HEADER)
    write(season_copy, "r9-race.csv", HEADER)
    write(season_copy, "r8.csv", "entry,lap,tyre\n16,1,soft\n")
    found = problems(season_copy, alms)
    assert found == [
        "alms2004/laps/r9-race.csv: (file name): cannot tell the round and session (expected "
        "r<round>.csv for the race, r<round>-<session>.csv (e.g. r9.csv, r9-sprint.csv), "
        "found r9-race.csv)",
        "alms2004/laps/r99.csv: (file name): no such round in season.toml "
        "(expected one of [1, 2, 3, 4, 5, 6, 7, 8, 9], found 99)",
        "alms2004/laps/round9.csv: (file name): cannot tell the round and session (expected "
        "r<round>.csv for the race, r<round>-<session>.csv (e.g. r9.csv, r9-sprint.csv), "
        "found round9.csv)",
        "alms2004/laps/r8.csv:1: tyre: unknown column (expected entry, lap, driver, time, "
        "position, elapsed, s1, s2, s3, ..., pit_in, pit_out, valid, found tyre)",
    ]


def test_loading_a_season_never_reads_laps(season_copy: Path) -> None:
    write(season_copy, "r9.csv", "not,a,laps,file\n\x00")
    assert load_season(season_copy).id == "alms-2004"
    assert open_season(season_copy, cached=True).id == "alms-2004"


def test_validate_checks_laps(season_copy: Path, alms: Season) -> None:
    runner = CliRunner()
    write(season_copy, "r9.csv", laps_text(sample_laps(alms)))
    clean = runner.invoke(app, ["validate", str(season_copy)])
    assert clean.exit_code == 0, clean.output
    assert "0 error(s), 0 warning(s)" in clean.output
    write(season_copy, "r9.csv", HEADER + "99,1,,1:20.000,,,,,,,\n")
    broken = runner.invoke(app, ["validate", str(season_copy)])
    assert broken.exit_code == 1
    assert "error: alms2004/laps/r9.csv:2: entry: unknown entry" in broken.output
