"""The F1DB importer's errors, `podium f1 verify`, and scoring invariants."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.cli import app
from podium.errors import InputError
from podium.readers.f1db import load_f1_seasons
from podium.scoring import compute_standings, score_season

from .conftest import CSVS, F1_DATA

runner = CliRunner()


def _small_copy(tmp_path: Path, year: int) -> Path:
    """data/f1 cut down to one season (headers kept)."""
    for name in CSVS:
        lines = (F1_DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [lines[0], *(ln for ln in lines[1:] if ln.startswith(f"{year},"))]
        (tmp_path / name).write_text("".join(kept), encoding="utf-8")
    return tmp_path


def test_unknown_position_code_names_file_line_and_field(tmp_path: Path) -> None:
    data = _small_copy(tmp_path, 1976)
    lines = (data / "results.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[3].split(",")
    cells[5] = "RET"  # position_text of the third result row (file line 4)
    lines[3] = ",".join(cells)
    (data / "results.csv").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_f1_seasons(data)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.field) == ("results.csv", 4, "position_text")
    assert problem.found == "RET" and "DNF" in problem.expected


def test_missing_column_is_named(tmp_path: Path) -> None:
    data = _small_copy(tmp_path, 1976)
    text = (data / "results.csv").read_text(encoding="utf-8")
    (data / "results.csv").write_text(text.replace("driver_id", "driver", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_f1_seasons(data)
    assert caught.value.problems[0].field == "driver_id"
    assert caught.value.problems[0].message == "missing column"


def test_verify_prints_each_season_and_the_summary_line() -> None:
    result = runner.invoke(app, ["f1", "verify", "--data", str(F1_DATA), "--season", "1976"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("1976  final drivers equal  final constructors equal")
    assert lines[-1] == "final drivers 1/1, final constructors 1/1"


def test_verify_shows_the_first_differing_row(tmp_path: Path) -> None:
    data = _small_copy(tmp_path, 1976)
    path = data / "driver_standings.csv"
    text = path.read_text(encoding="utf-8")
    # James Hunt's published final total, changed: podium must notice.
    text = text.replace("1976,final,1,1,1,james-hunt,69", "1976,final,1,1,1,james-hunt,70")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["f1", "verify", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "final drivers DIFFERENT" in result.output
    assert "published 1 james-hunt 70, podium 1 james-hunt 69" in result.output
    assert result.output.strip().splitlines()[-1] == "final drivers 0/1, final constructors 1/1"


def test_verify_json_format(tmp_path: Path) -> None:
    import json

    result = runner.invoke(
        app, ["f1", "verify", "--data", str(F1_DATA), "--season", "2014", "-f", "json"]
    )
    payload = json.loads(result.output)
    assert payload["summary"] == "final drivers 1/1, final constructors 1/1"
    assert payload["seasons"][0]["round_tables"] == 38


def test_a_folder_without_points_verifies_the_same(no_points_dir: Path, tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    for name in CSVS:
        shutil.copy(no_points_dir / name, small / name)
    result = runner.invoke(app, ["f1", "verify", "--data", str(small), "--season", "1958"])
    assert result.output.strip().splitlines()[-1] == "final drivers 1/1, final constructors 1/1"


_1976 = load_f1_seasons(F1_DATA, [1976])[1976]


def _final(season_lines: tuple[object, ...]) -> list[tuple[str, str, object]]:
    season = replace(_1976, results=season_lines)
    ledger = score_season(season)
    out = []
    for championship in season.rules.championships:
        table = compute_standings(ledger, season.rules, championship, "", season.round_numbers())
        out += [(championship.id, r.label, (r.competitor, r.total)) for r in table.rows]
    return out


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_order_of_result_lines_never_changes_the_standings(rng: random.Random) -> None:
    lines = list(_1976.results)
    rng.shuffle(lines)
    assert _final(tuple(lines)) == _final(_1976.results)


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=len(_1976.rounds) - 1))
def test_dropping_a_round_never_raises_a_total(index: int) -> None:
    gone = _1976.rounds[index].number
    fewer = tuple(line for line in _1976.results if line.round != gone)
    before = {(c, who): total for c, _, (who, total) in _final(_1976.results)}
    after = {(c, who): total for c, _, (who, total) in _final(fewer)}
    assert all(total <= before.get(key, total) for key, total in after.items())
