"""F1 deciders against F1DB's published flags (data/f1/deciders.csv), on
seasons that exercise the rules: the 1960 Monza boycott, 1978 (Peterson's
death, best 7 of 8 + 7 of 8), 1984 (half points, Tyrrell excluded), 2022
(sprints). The whole folder is compared by `podium f1 deciders --data data/f1`."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.analysis.title.deciders import deciding_round
from podium.app.f1 import LEVEL_IS_OPEN, f1_deciders
from podium.cli import app
from podium.errors import InputError
from podium.readers.f1db import load_f1_seasons

F1_DATA = Path(__file__).resolve().parents[2] / "data" / "f1"


def _published() -> dict[tuple[int, str], int]:
    with (F1_DATA / "deciders.csv").open(encoding="utf-8") as f:
        return {(int(r["year"]), r["championship"]): int(r["round"]) for r in csv.DictReader(f)}


@pytest.mark.parametrize("year", [1960, 1968, 1978, 1984, 2004, 2022])
def test_deciders_match_f1db(year: int) -> None:
    season = load_f1_seasons(F1_DATA, [year])[year]
    published = _published()
    for title in ("drivers", "constructors"):
        got = deciding_round(season, title, LEVEL_IS_OPEN[title])
        assert got == published[year, title], title


def test_a_tie_on_points_keeps_a_constructors_title_open_in_f1db() -> None:
    # 1968: after round 11 Matra-Ford could at best tie Lotus-Ford on points,
    # and count-back would rank Lotus first: decided by count-back, open by
    # points. F1DB flags round 12 (open while a tie on points is possible).
    season = load_f1_seasons(F1_DATA, [1968])[1968]
    assert _published()[1968, "constructors"] == 12
    assert deciding_round(season, "constructors", level_is_open=False) == 11
    assert deciding_round(season, "constructors", level_is_open=True) == 12
    # 2004 drivers: Barrichello could only tie Schumacher after round 14;
    # F1DB flags 14 (count-back settles it), not 15.
    drivers = load_f1_seasons(F1_DATA, [2004])[2004]
    assert (
        deciding_round(drivers, "drivers", level_is_open=False)
        == 14
        == _published()[2004, "drivers"]
    )
    assert deciding_round(drivers, "drivers", level_is_open=True) == 15


def _subset(target: Path, year: int, deciders: str) -> Path:
    """A folder of the same layout holding one season."""
    target.mkdir()
    for name in ("races.csv", "results.csv", "driver_standings.csv", "constructor_standings.csv"):
        with (F1_DATA / name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with (target / name).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, list(rows[0]))
            writer.writeheader()
            writer.writerows(r for r in rows if r["year"] == str(year))
    shutil.copy(F1_DATA / "README.md", target / "README.md")
    (target / "deciders.csv").write_text(deciders, encoding="utf-8")
    return target


def test_any_folder_of_the_same_layout(tmp_path: Path) -> None:
    folder = _subset(
        tmp_path / "f1", 1984, "year,round,championship\n1984,16,drivers\n1984,12,constructors\n"
    )
    result = f1_deciders(folder)
    assert result.summary == "drivers 1/1, constructors 0/1"
    cli = CliRunner().invoke(app, ["f1", "deciders", "--data", str(folder)])
    assert cli.exit_code == 0, cli.output
    assert "16 vs 16" in cli.output and "13 vs 12" in cli.output and "DIFFERENT" in cli.output
    assert "drivers 1/1, constructors 0/1" in cli.output


def test_bad_deciders_file_names_line_and_field(tmp_path: Path) -> None:
    folder = _subset(tmp_path / "f1", 1984, "year,round,championship\n1984,x,drivers\n")
    with pytest.raises(InputError) as caught:
        f1_deciders(folder)
    text = str(caught.value)
    assert "deciders.csv:2" in text and "year/round" in text and "1984/x" in text


@pytest.mark.parametrize("year", [1976, 1988])
def test_decided_titles_stay_decided_and_go_to_the_leader(year: int) -> None:
    """Not decided a round earlier; the leader at the deciding round is
    the final champion (1976: best 7 of 8 + 7 of 8; 1988: best 11)."""
    from podium.analysis.title.deciders import decided_after
    from podium.scoring import compute_standings, score_season

    season = load_f1_seasons(F1_DATA, [year])[year]
    ledger = score_season(season)
    for title in ("drivers", "constructors"):
        championship = season.rules.championship(title)
        decider = deciding_round(season, title)
        assert decider is not None
        assert not decided_after(season, championship, decider - 1, ledger)
        rounds = season.round_numbers()
        leader = compute_standings(ledger, season.rules, championship, "", rounds, decider).rows[0]
        final = compute_standings(ledger, season.rules, championship, "", rounds).rows[0]
        assert leader.competitor == final.competitor
