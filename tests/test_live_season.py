"""A season run live, only with `podium` commands, each a real process, from
real simulator files: `init`, imports with a qualifying session, stewards'
decisions (a time penalty, a disqualification, a points deduction, one
withdrawn on appeal), `publish`; then standings, explanations and title
answers, checked against values worked out by hand below.

Round 1, Zolder (ACC, 29 cars; kagd/league-results-parser), as the timing
sheet printed it, GT3 on 48 laps: #4 Brandon Chan 1:15:09.977, #18 Scott
Newell 1:15:28.928, #12 Warren Schmitt 1:15:38.450, #144 Chris Omani
1:15:52.054, #10 Chris Pace 1:16:26.714; then on 47 laps #917 Ryan Baumann,
#91 Jonathan Wong, #913 Abe Duarte, #116 Vadim Molla, #185 Chad Lamb. GT4
on 45 laps: #68 Neil Sutherland, #13 Ryan Flanagan; 44: #207 Thomas
DiLibero, #96 Robert Bowers; 43: #67, #78, #66, #9, #27.

Round 2, Brands Hatch (ACC; mauserrifle/simresults), three GT3 cars:
qualifying #17 Federico Siv (1:22.863), #107 Alberto For, #82 Andrea Mel;
race #82 Andrea Mel 23 laps, #107 21, #17 21. The race file prints
"Federico Siv TEAMname": the organiser maps it to "Federico Siv" in
import.toml (the one line typed by hand).

Decisions: 1) #4 +30 s (round 1): 1:15:39.977, behind #18 and #12 (1:15:38.450)
and ahead of #144: GT3 order #18, #12, #4, #144, #10, #917, #91, #913, #116,
#185. 2) #68 disqualified (round 1): GT4 order #13, #207, #96, #67, #78, #66,
#9, #27. 3) #107 -5 points in the drivers' championship (round 2). 4) #18
disqualified (round 1), then withdrawn on appeal: no effect.

Points 25-18-15-12-10-8-6-4-2-1, drivers and teams (best car) per class.
GT3 drivers: Scott Newell 25 (R1 win), Andrea Mel 25 (R2 win): one win
each, so count-back cannot part them: 1=. Warren Schmitt 18; Brandon Chan 15
(3rd, R1) and Federico Siv 15 (3rd, R2): 4=; Alberto For 18 - 5 = 13; Chris
Omani 12, Chris Pace 10, Ryan Baumann 8, Jonathan Wong 6, Abe Duarte 4,
Vadim Molla 2, Chad Lamb 1. GT3 teams (no deduction there): Alberto For's
team 18. GT4 drivers: Ryan Flanagan 25, Thomas DiLibero 18, Robert Bowers
15, Mark Sutherland 12, David Anderson 10, Adam Stark 8, Aaron Matthews 6,
William Pyefinch 4.

Title, GT3 drivers after round 2 with round 3 to run (25 to the winner, every
car expected with its last crew): a contender reaches its total plus 25, so
Newell and Mel 25-50, Alberto For 13-38, Chad Lamb 1-26; everyone who can
still reach 25 can still win.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "acc"
ZOLDER = FIXTURES / "kagd__league-results-parser__cmsracing_split2_zolder-r.json"
BRANDS_Q = FIXTURES / "mauserrifle__simresults__191003_225901_Q.json"
BRANDS_R = FIXTURES / "mauserrifle__simresults__191003_235558_R.json"
PODIUM = str(Path(sys.executable).parent / "podium")


def podium(*args: str, ok: bool = True) -> str:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True, check=False)
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def table(*args: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(podium(*args, "--format", "csv"))))[1:]


@pytest.fixture(scope="module")
def league(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("live") / "league"
    folder = str(root)
    podium(
        "init", folder, "--name", "Test League 2026", "--classes", "GT3,GT4", "--rounds", "3",
        "--min-distance", "0.7",
    )  # fmt: skip
    (root / "import.toml").write_text('[drivers]\n"Federico Siv TEAMname" = "Federico Siv"\n')
    common = ("--season", folder, "--create-entries", "--apply")
    podium("import", str(ZOLDER), "--round", "1", *common)
    podium("import", str(BRANDS_Q), str(BRANDS_R), "--round", "2", *common)
    stewards = [
        ("1", "4", "time", "30s", "track limits", ""),
        ("1", "68", "dsq", "", "underweight", ""),
        ("2", "107", "points", "5", "causing a collision", "drivers"),
        ("1", "18", "dsq", "", "fuel flow", ""),
    ]
    for rnd, car, kind, value, reason, championship in stewards:
        podium(
            "penalty", "add", "--season", folder, "--round", rnd, "--car", car, "--kind", kind,
            "--value", value, "--reason", reason, "--championship", championship,
        )  # fmt: skip
    podium("penalty", "withdraw", "12", "--season", folder, "--reason", "appeal upheld")
    podium("publish", "--season", folder, "--round", "1")
    return folder


def test_the_season_is_valid_and_holds_what_was_imported(league: str) -> None:
    out = podium("validate", league)
    assert "0 error(s)" in out and "2 classes, 3 rounds" in out
    grid = json.loads(podium("penalty", "list", "--season", league, "--all", "--format", "json"))
    # 8 penalties the ACC server served (on record, not applied again) + 4 decisions.
    assert [d["state"].split(":")[0] for d in grid[-4:]] == [
        "standing",
        "standing",
        "standing",
        "withdrawn",
    ]
    assert all(d["state"].startswith("in the results") for d in grid[:8])
    # By default the list is the stewards' work: served penalties are counted, not shown.
    shown = json.loads(podium("penalty", "list", "--season", league, "--format", "json"))
    assert [d["number"] for d in shown] == [d["number"] for d in grid[-4:]]
    assert "8 penalties served during the session are in the timing sheet" in podium(
        "penalty", "list", "--season", league
    )


def test_gt3_drivers(league: str) -> None:
    rows = table("standings", "--season", league, "--class", "GT3", "--championship", "drivers")
    assert [(r[0], r[1], r[-1]) for r in rows] == [
        ("1=", "Scott Newell", "25"),
        ("1=", "Andrea Mel", "25"),
        ("3", "Warren Schmitt", "18"),
        ("4=", "Brandon Chan", "15"),
        ("4=", "Federico Siv", "15"),
        ("6", "Alberto For", "13"),
        ("7", "Chris Omani", "12"),
        ("8", "Chris Pace", "10"),
        ("9", "Ryan Baumann", "8"),
        ("10", "Jonathan Wong", "6"),
        ("11", "Abe Duarte", "4"),
        ("12", "Vadim Molla", "2"),
        ("13", "Chad Lamb", "1"),
    ]


def test_gt4_drivers_after_the_disqualification(league: str) -> None:
    rows = table("standings", "--season", league, "--class", "GT4", "--championship", "drivers")
    assert [(r[1], r[-1]) for r in rows] == [
        ("Ryan Flanagan", "25"),
        ("Thomas DiLibero", "18"),
        ("Robert Bowers", "15"),
        ("Mark Sutherland", "12"),
        ("David Anderson", "10"),
        ("Adam Stark", "8"),
        ("Aaron Matthews", "6"),
        ("William Pyefinch", "4"),
    ]


def test_the_points_deduction_is_for_the_drivers_only(league: str) -> None:
    teams = table("standings", "--season", league, "--class", "GT3", "--championship", "teams")
    totals = {r[1]: r[-1] for r in teams}
    assert totals["Alberto For"] == "18"


def test_explain_says_what_each_decision_did(league: str) -> None:
    chan = json.loads(
        podium("explain", "Brandon Chan", "--season", league, "-C", "drivers", "-f", "json")
    )[0]["rows"][0]
    assert chan["points"] == "15" and chan["place"] == 3
    assert "1st on the timing sheet; 30 s time penalty (decision 9: track limits)" in chan["reason"]
    neil = json.loads(podium("explain", "Neil Sutherland", "--season", league, "-f", "json"))
    row = neil[0]["rows"][0]
    assert row["points"] == "0" and row["withheld"] == "25" and row["rule"] == "stewards"
    assert "disqualified by the stewards (decision 10: underweight)" in row["reason"]
    alberto = json.loads(
        podium("explain", "Alberto For", "--season", league, "-C", "drivers", "-f", "json")
    )[0]
    assert alberto["total"] == "13"
    assert any(r["points"] == "-5" and "decision 11" in r["reason"] for r in alberto["rows"])
    # The withdrawn disqualification changed nothing: Newell won round 1.
    newell = json.loads(podium("explain", "Scott Newell", "--season", league, "-f", "json"))
    assert newell[0]["rows"][0]["place"] == 1


def test_provisional_and_official_rounds_are_said(league: str) -> None:
    out = podium("standings", "--season", league, "--class", "GT3")
    assert "round 2 (TBA) are not official yet" in out
    assert "round 1 (TBA)" not in out  # published
    results = podium("results", "2", "--season", league)
    assert "provisional results" in results


def test_the_grid_came_from_the_qualifying_file(league: str) -> None:
    from podium.readers.native import load_season

    season = load_season(Path(league))
    grid = {season.entry(q.entry).car_no: q.class_position for q in season.qualifying}
    assert grid == {"17": 1, "107": 2, "82": 3}


def test_title_after_round_2(league: str) -> None:
    args = ("--season", league, "--class", "GT3", "--championship", "drivers", "--after", "2")
    fight = json.loads(podium("title", *args, "--format", "json"))
    by_name = {c["name"]: c for c in fight["contenders"]}
    assert [r["round"] for r in fight["open_rounds"]] == [3]
    assert (by_name["Scott Newell"]["lowest"], by_name["Scott Newell"]["highest"]) == ("25", "50")
    assert (by_name["Andrea Mel"]["lowest"], by_name["Andrea Mel"]["highest"]) == ("25", "50")
    assert (by_name["Alberto For"]["lowest"], by_name["Alberto For"]["highest"]) == ("13", "38")
    assert (by_name["Chad Lamb"]["lowest"], by_name["Chad Lamb"]["highest"]) == ("1", "26")
    assert all(c["status"] == "can still win" for c in fight["contenders"])


def test_a_reimport_changes_nothing_and_the_decisions_stand(league: str) -> None:
    out = podium("import", str(ZOLDER), "--season", league, "--round", "1", "--apply")
    assert "nothing to change" in out
    rows = table("standings", "--season", league, "--class", "GT3", "--championship", "drivers")
    assert rows[3][1] == "Brandon Chan" and rows[3][-1] == "15"


def test_bad_decisions_are_refused_and_write_nothing(league: str) -> None:
    penalties = Path(league) / "penalties.csv"
    before = penalties.read_bytes()
    refused = [
        (("--round", "1", "--car", "999", "--kind", "dsq"), "unknown car number"),
        (("--round", "1", "--car", "4", "--kind", "time", "--value", "soon"), "a time such as 30s"),
        (("--round", "1", "--car", "4", "--kind", "points"), "points penalty needs a number"),
        (("--round", "9", "--car", "4", "--kind", "dsq"), "no round 9"),
        (
            ("--round", "1", "--car", "4", "--kind", "points", "--value", "3", "-C", "nations"),
            "unknown championship",
        ),
    ]
    for args, message in refused:
        out = podium("penalty", "add", "--season", league, *args, "--reason", "x", ok=False)
        assert message in out, out
    withdrawn = podium("penalty", "withdraw", "12", "--season", league, "--reason", "x", ok=False)
    assert "decision 12 is withdrawn already" in withdrawn
    assert podium("penalty", "withdraw", "99", "--season", league, "--reason", "x", ok=False)
    assert penalties.read_bytes() == before
