"""The classes on the bill of a round (season.toml ``[[rounds]]`` ``classes``)
in the season folder: written only when a round does not bill every class,
read back, refused when it names a class the season does not have, and a
result line of a class the round does not bill refused."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest

from podium.errors import InputError
from podium.model import Season
from podium.readers.native import load_season, read_results, save_season
from tests.samples import with_round_classes
from tests.test_validate import errors

LAGUNA_SECA = 'scale = "monterey"'  # a line of round 9's table, and of no other


def _bill(season_copy: Path, toml: str) -> int:
    """Put ``toml`` (a ``classes = ...`` key) into round 9's table of
    season.toml; return the line it starts on."""
    path = season_copy / "season.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(LAGUNA_SECA) == 1
    path.write_text(text.replace(LAGUNA_SECA, f"{LAGUNA_SECA}\n{toml}"), encoding="utf-8")
    return text.splitlines().index(LAGUNA_SECA) + 2


def _rounds_toml(folder: Path) -> list[dict[str, object]]:
    rounds = tomllib.loads((folder / "season.toml").read_text(encoding="utf-8"))["rounds"]
    assert isinstance(rounds, list)
    return rounds


def _lines_of(path: Path, class_code: str) -> list[int]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return [i for i, row in enumerate(rows, start=2) if row["class"] == class_code]


def test_a_bill_is_written_and_read_back(alms: Season, tmp_path: Path) -> None:
    season = with_round_classes(alms)
    save_season(season, tmp_path / "copy")
    rounds = _rounds_toml(tmp_path / "copy")
    assert rounds[8]["number"] == 9 and rounds[8]["classes"] == ["LMP1", "GTS", "GT"]
    assert [r for r in rounds if "classes" in r] == [rounds[8]]
    # Beside the date, so the calendar reads: when, and who races.
    keys = list(rounds[8])
    assert keys[keys.index("date") + 1] == "classes"
    back = load_season(tmp_path / "copy")
    assert back == season
    assert back.round(9).classes == ("LMP1", "GTS", "GT")
    assert back.round(1).classes == () and back.round(1).races("LMP2")
    assert not back.round(9).races("LMP2") and back.round(9).races("GT")
    save_season(back, tmp_path / "again")
    assert (tmp_path / "again" / "season.toml").read_bytes() == (
        tmp_path / "copy" / "season.toml"
    ).read_bytes()


def test_a_season_without_bills_writes_no_classes_key(alms: Season, tmp_path: Path) -> None:
    """Every class at every round: season.toml is written as it was before
    rounds had a bill (no ``classes`` key in any round)."""
    assert all(r.classes == () for r in alms.rounds)
    save_season(alms, tmp_path / "copy")
    rounds = _rounds_toml(tmp_path / "copy")
    assert len(rounds) == 9 and not any("classes" in r for r in rounds)
    text = (tmp_path / "copy" / "season.toml").read_text(encoding="utf-8")
    assert "classes = " not in text  # [[classes]] tables, never a classes key


@pytest.mark.parametrize(
    ("toml", "bill"),
    [
        ('classes = ["LMP1", "LMP2", "GTS", "GT"]', ("LMP1", "LMP2", "GTS", "GT")),
        (
            'classes = [\n    "GT", # printed first\n    "GTS",\n    "LMP2", "LMP1",\n]',
            ("GT", "GTS", "LMP2", "LMP1"),
        ),
    ],
)
def test_a_hand_written_bill_is_read_in_its_order(
    season_copy: Path, toml: str, bill: tuple[str, ...]
) -> None:
    _bill(season_copy, toml)
    season = load_season(season_copy)
    assert season.round(9).classes == bill
    assert [r.classes for r in season.rounds if r.number != 9] == [()] * 8


def test_a_bill_naming_an_unknown_class(season_copy: Path) -> None:
    line = _bill(season_copy, 'classes = ["LMP1", "LMP2", "GTS", "GT", "GTP"]')
    assert errors(season_copy) == [
        f"alms2004/season.toml:{line}: rounds.9.classes: no such class in season.toml: "
        "name one of its [[classes]] (expected LMP1 or LMP2 or GTS or GT, found GTP)"
    ]


def test_an_unknown_class_in_a_bill_written_over_several_lines(season_copy: Path) -> None:
    line = _bill(season_copy, 'classes = [\n    "LMP1", "LMP2",\n    "GTS", "gt",\n]')
    assert errors(season_copy) == [
        f"alms2004/season.toml:{line}: rounds.9.classes: no such class in season.toml: "
        "name one of its [[classes]] (expected LMP1 or LMP2 or GTS or GT, found gt)"
    ]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('classes = "GT"', "Input should be a valid list (expected -, found 'GT')"),
        ('classes = ["GT", ""]', "String should have at least 1 character (expected -, found '')"),
    ],
)
def test_a_bill_that_is_not_a_list_of_codes(season_copy: Path, toml: str, message: str) -> None:
    line = _bill(season_copy, toml)
    (found,) = errors(season_copy)
    assert found.startswith(f"alms2004/season.toml:{line}: rounds.8.classes")
    assert found.endswith(message)


def test_a_result_line_of_a_class_not_on_the_bill(season_copy: Path) -> None:
    _bill(season_copy, 'classes = ["LMP1", "GTS", "GT"]')
    lines = _lines_of(season_copy / "results" / "r9.csv", "LMP2")
    assert len(lines) == 4
    assert errors(season_copy) == [
        f"alms2004/results/r9.csv:{line}: class: round 9: LMP2 is not on the bill of this "
        "round (classes = LMP1, GTS, GT in season.toml) "
        "(expected LMP1 or GTS or GT, found a LMP2 result line)"
        for line in lines
    ]


def test_other_rounds_keep_every_class(season_copy: Path) -> None:
    """A bill at round 9 says nothing of round 1: its LMP2 lines stand."""
    _bill(season_copy, 'classes = ["LMP1", "LMP2", "GTS", "GT"]')
    season = load_season(season_copy)
    assert {r.class_code for r in season.results_of(1)} == {"LMP1", "LMP2", "GTS", "GT"}
    assert season.round(1).classes == ()


def test_an_uploaded_classification_is_checked_against_the_bill(
    alms: Season, tmp_path: Path
) -> None:
    season = with_round_classes(alms)
    save_season(alms, tmp_path / "copy")  # the full Laguna Seca classification, LMP2 in it
    text = (tmp_path / "copy" / "results" / "r9.csv").read_text(encoding="utf-8")
    assert len(read_results(text, "r9.csv", alms, 9)) == 26
    with pytest.raises(InputError) as raised:
        read_results(text, "r9.csv", season, 9)
    problems = raised.value.problems
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("r9.csv", line, "class")
        for line in _lines_of(tmp_path / "copy" / "results" / "r9.csv", "LMP2")
    ]
    assert {(p.expected, p.found) for p in problems} == {
        ("LMP1 or GTS or GT", "a LMP2 result line")
    }
