"""2004 ALMS after round 8: the title fights as the published tables and the
seed's race report tell them."""

from __future__ import annotations

import csv
from xml.etree import ElementTree

from podium.analysis.title.race import build_race
from podium.analysis.title.verdict import TitleStatus, verdicts
from podium.app.season import ScoredSeason
from podium.app.title import title_fight
from podium.app.title_odds import ContenderOdds, TitleOdds
from podium.render.title_chart import title_chart_svg
from tests.conftest import GOLDEN


def _published_before_r9(team: str, class_code: str) -> int:
    with (GOLDEN / "alms2004" / "published_team_standings.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["class"] == class_code and row["team"] == team:
                return sum(int(row[f"r{n}"] or 0) for n in range(1, 9))
    raise AssertionError(f"{team} not in the published table")


def test_team_titles_decided_before_laguna_seca(scored: ScoredSeason) -> None:
    for code, champion in [
        ("LMP1", "ADT Champion Racing"),
        ("GTS", "Corvette Racing"),
        ("GT", "Alex Job Racing"),
    ]:
        race = build_race(scored.season, scored.ledger, scored.championship("teams"), code, 8)
        got = {v.name: v.status for v in verdicts(race)}
        assert got[champion] is TitleStatus.CHAMPION, code
        assert all(s is TitleStatus.ELIMINATED for n, s in got.items() if n != champion), code


def test_lmp2_team_title_condition(scored: ScoredSeason) -> None:
    race = build_race(scored.season, scored.ledger, scored.championship("teams"), "LMP2", 8)
    # The published numbers before Laguna Seca: Miracle 127, Intersport 106.
    assert race.contender("Miracle Motorsports").total == _published_before_r9(
        "Miracle Motorsports", "LMP2"
    )
    assert race.contender("Intersport Racing").total == _published_before_r9(
        "Intersport Racing", "LMP2"
    )
    assert race.rounds[0].points[:4] == (23, 19, 16, 13)
    by_name = {v.name: v for v in verdicts(race)}
    miracle, intersport = by_name["Miracle Motorsports"], by_name["Intersport Racing"]
    assert miracle.status is TitleStatus.CAN_WIN and intersport.status is TitleStatus.CAN_WIN
    assert miracle.need is not None and "classified in the points" in miracle.need.text
    # One place less (no score) is not enough: Intersport wins the class.
    assert miracle.need.worst_case_rival == "Intersport Racing"
    assert "P1 #30 Intersport Racing" in miracle.need.worst_case[0]
    assert any(
        "Intersport Racing takes the title if its best car wins" in o for o in miracle.otherwise
    )
    assert intersport.need is not None
    assert intersport.need.text == "its best car wins and Miracle Motorsports does not score"
    others = [v for v in by_name.values() if v.name not in {miracle.name, intersport.name}]
    assert all(v.status is TitleStatus.ELIMINATED for v in others)


def test_driver_titles_what_the_data_decides(scored: ScoredSeason) -> None:
    lmp1 = {c["name"]: c for c in title_fight(scored, "LMP1", "drivers", 8).to_json()["contenders"]}
    for name in ("J.J. Lehto", "Marco Werner"):  # the seed: already champions
        assert lmp1[name]["status"] == "champion" and lmp1[name]["data_determines"]
    # What the named results alone decide (no entry-list reading).
    named = title_fight(scored, "LMP2", "drivers", 8, named_only=True).to_json()
    assert named["reading"] == "named results only"
    lmp2 = {c["name"]: c for c in named["contenders"]}
    james = lmp2["Ian James"]
    # Ian James's #10 lines at R2, R4-R6 name no drivers: they decide his title.
    assert not james["data_determines"] and james["status"] == "eliminated"
    assert james["if_gaps_go_for"] == "can still win"
    # The seed: "Ian James would simply have to be classified as a finisher":
    # true if those lines were his (as the entry list reads them).
    assert "classified in the points" in james["if_gaps_go_for_needs"]
    assert james["other_reading"]["points"] == "127"
    assert "classified in the points" in james["other_reading"]["needs"]
    deciding = " ".join(james["deciding_missing_results"])
    for rnd in ("R2 LMP2 P3", "R4 LMP2 P2", "R5 LMP2 P2", "R6 LMP2 P2"):
        assert rnd in deciding
    # By default the table reads the driverless lines by the entry list, and
    # keeps the named-results verdict beside it.
    by_default = title_fight(scored, "LMP2", "drivers", 8, who="Ian James").to_json()
    assert by_default["reading"] == "entry list"
    (james,) = by_default["contenders"]
    assert (james["status"], james["points"]) == ("can still win", "127")
    assert james["other_reading"]["status"] == "eliminated"
    gt = title_fight(scored, "GT", "drivers", 8, who="Timo Bernhard").to_json()["contenders"][0]
    assert not gt["data_determines"] and gt["deciding_missing_results"]
    # The seed says "sixth or better"; the bundled lines, read by the entry
    # list, give his nearest rivals (White Lightning's crew) 105, so 8th would
    # do: the seed's rival total must rest on lines the data leaves driverless.
    assert gt["needs"] == "Timo Bernhard finishes 8th or better"
    assert gt["other_reading"]["status"] == "champion"  # on the named results alone


def test_chart_is_svg_with_every_contender(scored: ScoredSeason) -> None:
    fight = title_fight(scored, "LMP2", "teams", 8)
    odds = TitleOdds(
        False, "", 8, 1, 0, "", 0.0, (ContenderOdds("Miracle Motorsports", 0.98, 0.0),)
    )
    svg = title_chart_svg(fight, odds)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "Miracle Motorsports" in svg and "Intersport Racing" in svg and "98.0%" in svg
    assert "Rand Racing" not in svg  # eliminated contenders are left out
    root = ElementTree.fromstring(svg)  # well-formed, one range bar per contender
    bars = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "Miracle Motorsports: 127 to 150 pts" in bars
    assert "Intersport Racing: 106 to 129 pts" in bars
