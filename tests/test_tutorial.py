"""docs/tutorial-league.md, run as a user runs it: every command a real
process in an empty folder, every output compared with the page.

The page's numbers are checked by hand here too, from the file (jq on
tests/fixtures/acc/fabieu__simdesk__Session_R.json) and the rules
(25-18-15-12-10-8-6-4-2-1, best car per team):

- GT3: #47 8:00:07.294 and #198 8:00:30.400, both 275 laps. 30 s added to
  #47 makes 8:00:37.294: #198 wins, #47 second, #22 (8:00:49.978) third.
- INV (the CUP, ST, CHL and TCX cars, all 274 laps): #910, #31, #99, #69.
  #910 disqualified: #31 25, #99 18, #69 15; withdrawn: #910 25 again.
- Title after round 1, INV teams, 25 to the winner of round 2: #910's team
  on 25 reaches 25-50; second place (18) gives 43, which #31's team (18)
  can only tie by winning (43), one win and one second each: shared.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.doc_runner import Step, link_tests, perform, shows, steps

PAGE = Path(__file__).resolve().parents[1] / "docs" / "tutorial-league.md"


def _page_steps() -> list[Step]:
    return steps(PAGE.read_text(encoding="utf-8"))


def test_the_page_has_the_steps() -> None:
    commands = [s.command for s in _page_steps() if not s.file]
    assert len(commands) >= 15
    for needed in ("podium init", "penalty add", "penalty withdraw", "publish", "title"):
        assert any(needed in c for c in commands), needed


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each command of the page run in order; failures reported with the line."""
    cwd = tmp_path_factory.mktemp("tutorial")
    link_tests(cwd)
    printed: dict[str, str] = {}
    wrong: list[str] = []
    for step in _page_steps():
        status, out = perform(step, cwd)
        if step.file:
            continue
        printed[step.command] = out
        if status != 0:
            wrong.append(f"line {step.line}: `{step.command}` exited {status}:\n{out}")
        elif not shows(step.expected, out):
            shown = "\n".join(step.expected)
            wrong.append(f"line {step.line}: `{step.command}`\npage:\n{shown}\nprinted:\n{out}")
    printed["problems"] = "\n\n".join(wrong)
    return printed


def test_every_command_prints_what_the_page_shows(outputs: dict[str, str]) -> None:
    assert not outputs["problems"], outputs["problems"]


def _csv(outputs: dict[str, str], prefix: str) -> list[list[str]]:
    text = next(out for cmd, out in outputs.items() if cmd.startswith(prefix))
    return list(csv.reader(io.StringIO(text)))[1:]


def test_the_time_penalty_reorders_gt3_by_hand(outputs: dict[str, str]) -> None:
    rows = _csv(outputs, "podium results 1 --season my-league --class GT3 --format csv")
    assert [(r[2], r[3], r[8]) for r in rows[:3]] == [
        ("1", "198", "8:00:30.400"),
        ("2", "47", "8:00:37.294"),
        ("3", "22", "8:00:49.978"),
    ]


def test_the_withdrawn_disqualification_gives_the_points_back(outputs: dict[str, str]) -> None:
    rows = _csv(outputs, "podium standings --season my-league --class INV --format csv")
    assert [(r[1], r[-1]) for r in rows] == [
        ("Robin Schmidt", "25"),
        ("Nick Schmenk", "18"),
        ("Benjamin Witte", "15"),
        ("Domink Wirths", "12"),
    ]


def test_the_matcher_can_fail() -> None:
    assert shows(("a", "...", "d"), "a\nb\nc\nd\n")
    assert shows(("x ... z",), "x y z\n")
    assert not shows(("a", "d"), "a\nb\nd\n")
    assert not shows(("x ... z",), "x y\nz\n")
