"""The 2004 title answers before the Laguna Seca finale read as the season
review puts them (../shared/seeds/001_*.txt), by default, without --who.

`podium title` runs as a real process (the installed entry point, as a fan
types it); each assertion quotes the review's sentence it checks. The
comparison is with the published text, never with podium's own output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PODIUM = Path(sys.executable).parent / "podium"


def title(*args: str) -> str:
    """`podium title ... --after 8` as one line of text (whitespace collapsed)."""
    env = dict(os.environ, COLUMNS="250", NO_COLOR="1")
    done = subprocess.run(
        [str(PODIUM), "title", *args, "--after", "8"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


@pytest.fixture(scope="module")
def lmp2_drivers() -> str:
    return title("--class", "LMP2", "--championship", "drivers")


def test_lmp1_drivers_already_champions() -> None:
    # Review: "By the time the series arrived at the finale, J.J. Lehto and
    # Marco Werner had wrapped up the Prototype 1 title."
    text = title("--class", "LMP1", "--championship", "drivers")
    assert "J.J. Lehto / Marco Werner 164 champion" in text
    assert "can still win" not in text  # nobody else


def test_lmp1_teams_already_champions() -> None:
    # Review: "the Audi R8 of the 2004 Prototype 1 champions" (No. 38, ADT
    # Champion Racing); the title was wrapped up before the finale.
    text = title("--class", "LMP1", "--championship", "teams")
    assert "ADT Champion Racing 164 champion" in text
    assert "can still win" not in text


def test_lmp2_ian_james_needs_only_to_be_classified(lmp2_drivers: str) -> None:
    # Review: "Ian James would simply have to be classified as a finisher."
    assert (
        "Ian James 127 can still win: needs only to be classified in the points "
        "at R9 Laguna Seca" in lmp2_drivers
    )


def test_lmp2_field_and_liddell_have_a_difficult_task(lmp2_drivers: str) -> None:
    # Review: "Clint Field and Robin Liddell, were second in the standings. It
    # would be difficult for them to capture the title": a win is not enough
    # alone, James must fail to be classified.
    assert (
        "Clint Field / Robin Liddell 106 can still win: needs a win at R9 Laguna Seca, "
        "with Ian James not scoring" in lmp2_drivers
    )
    # The answers come without the old "(data does not decide)" on every row:
    # the entry list's reading is the default and its caveat is said once.
    assert "data does not decide" not in lmp2_drivers
    assert lmp2_drivers.count("the crew the entry list names") == 1


def test_lmp2_teams_miracle_needs_a_classified_car() -> None:
    # Review: "To secure the title for James, the team had to complete
    # seventy-five percent of the winner's laps." (The rules podium carries
    # say 70% of the class winner's distance, the published points rule.)
    text = title("--class", "LMP2", "--championship", "teams")
    assert (
        "Miracle Motorsports 127 can still win: needs a car classified in the points "
        "at R9 Laguna Seca" in text
    )
    assert "Intersport Racing 106 can still win: needs a win at R9 Laguna Seca" in text


def test_gt_bernhard_clinches_with_sixth_or_better() -> None:
    # Review: "To clinch the championship, Bernhard needed to finish sixth or
    # better." Sixth must therefore be enough whatever the others do: podium's
    # weakest clinching place must be sixth or lower down the order. (It says
    # 8th: read by the entry list, the bundled results give his nearest
    # rivals, White Lightning's Murry and Stanton, 105; docs/title.md.)
    text = title("--class", "GT", "--championship", "drivers")
    found = re.search(
        r"Timo Bernhard 122 can still win: needs to finish (\d+)\w\w or better at R9 Laguna Seca",
        text,
    )
    assert found is not None, text
    assert int(found.group(1)) >= 6
    # Only a driver of another car can still beat him, and only by winning.
    assert "Craig Stanton / David Murry 105 can still win: needs a win at R9 Laguna Seca" in text
