"""`podium title` and `podium odds` end to end (the real CLI)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from podium.cli import app

runner = CliRunner()


def test_title_lmp2_prints_one_plain_line_per_answer() -> None:
    result = runner.invoke(
        app, ["title", "--class", "LMP2", "--championship", "teams", "--after", "8"]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "can still win: needs a car classified in the points at R9 Laguna Seca" in text
    assert (
        "can still win: needs a win at R9 Laguna Seca, with Miracle Motorsports not scoring" in text
    )
    # Marshall Cooke (54) has no car at Laguna Seca: winning is not on offer to it.
    assert "out: no car in the races left, 73 points behind Miracle Motorsports" in text
    # Van der Steur Racing (0) races there: a win (23) leaves it 104 short of 127.
    assert "out: even winning every race leaves them 104 points short of Miracle" in text
    # No method names in the table (they stay in the JSON).
    assert "pairwise" not in text and "witness" not in text and "method" not in text


def test_title_who_tells_the_story() -> None:
    result = runner.invoke(
        app,
        ["title", "-c", "LMP2", "-C", "teams", "-a", "8", "--who", "Miracle Motorsports"],
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "clinches at R9 Laguna Seca if its best car is classified in the points" in text
    assert "Intersport Racing takes the title if its best car wins" in text
    assert "one way it happens: R9 Laguna Seca: P1 #56 Miracle Motorsports" in text
    assert "pairwise" not in text and "witness" not in text


def test_title_json_and_chart(tmp_path: Path) -> None:
    chart = tmp_path / "fight.svg"
    result = runner.invoke(
        app,
        [
            "title",
            "-c",
            "GT",
            "-C",
            "drivers",
            "-a",
            "8",
            "--who",
            "Timo Bernhard",
            "-f",
            "json",
            "--chart",
            str(chart),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (bernhard,) = data["contenders"]
    # Read by the entry list (the default), White Lightning's crew can still win.
    assert bernhard["status"] == "can still win" and not bernhard["data_determines"]
    assert bernhard["method"] == "pairwise reasoning"  # method names: JSON only
    assert chart.read_text(encoding="utf-8").startswith("<svg")


def test_unknown_contender_is_a_clear_error() -> None:
    result = runner.invoke(
        app, ["title", "-c", "GT", "-C", "drivers", "-a", "8", "--who", "Nobody"]
    )
    assert result.exit_code == 1
    assert "--who: who: not in the GT Drivers' championship fight after round 8" in result.output
    assert "found Nobody" in result.output


def test_odds_prints_model_and_standard_error() -> None:
    result = runner.invoke(
        app,
        [
            "odds",
            "-c",
            "LMP2",
            "-a",
            "8",
            "--runs",
            "20000",
            "--seed",
            "42",
            "--retire-rate",
            "0.1",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["runs"] == 20000 and data["seed"] == 42 and "uniform" in data["model"]
    first = data["contenders"][0]
    assert first["name"] == "Miracle Motorsports" and 0.97 < first["odds"] < 1.0
    assert first["standard_error"] > 0
    bad = runner.invoke(app, ["odds", "--model", "dice"])
    assert bad.exit_code == 2 and "expected uniform or form" in bad.output
