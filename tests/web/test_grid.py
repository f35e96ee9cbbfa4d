"""The standings grid as Wikipedia prints it (issue 12): the place in each
cell with the points below, colours that meet WCAG AA against their text,
every cell a link to the ledger that explains it; and the round, team and
driver pages in plain words. Browser checks: test_grid_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from podium.render.colour_key import LEGEND

SEASON = "/seasons/alms-2004"
SITE_CSS = Path(__file__).resolve().parents[2] / "src/podium/web/static/site.css"


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_matches_the_wcag_examples() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#FFFFBF", "#FFFFFF") == pytest.approx(1.03, abs=0.01)  # the issue's 1.03:1


@pytest.mark.parametrize("entry", LEGEND, ids=lambda e: str(e.key))
def test_each_key_colour_meets_wcag_aa_against_its_text(entry) -> None:  # type: ignore[no-untyped-def]
    # The cell prints its place in this text colour: 4.5:1 is AA for normal text.
    assert contrast(entry.background, entry.text) >= 4.5, entry


def _expand(colour: str) -> str:
    colour = colour.upper()
    return "#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour


def test_the_stylesheet_paints_the_legend_colours() -> None:
    css = SITE_CSS.read_text(encoding="utf-8")
    for entry in LEGEND:
        rule = re.search(
            rf"\.k-{entry.key} \{{ background: (#[0-9A-Fa-f]+);(?: color: (#\w+);)?", css
        )
        assert rule is not None, entry.key
        assert _expand(rule.group(1)) == entry.background
        text = rule.group(2)
        if text is None:  # the key colours that share black text
            shared = re.search(r"\.k-gold,[^{]*\{ color: (#\w+); \}", css)
            assert shared is not None and f".k-{entry.key}" in shared.group(0), entry.key
            text = shared.group(1)
        assert _expand(text) == entry.text, entry.key


def test_grid_cells_print_the_place_and_link_to_the_ledger(http: httpx.Client) -> None:
    html = http.get(f"{SEASON}/standings/GT/teams").text
    # Alex Job Racing won Sebring: "1" over "26", linking to that round's ledger.
    cell = re.search(
        r'<a href="/seasons/alms-2004/standings/GT/teams/ledger/alex-job-racing#round-1">'
        r'<span class="place">(\w+)</span><span class="pts">(\w+)</span>',
        html,
    )
    assert cell is not None and cell.groups() == ("1", "26")
    # P.K. Sport retired at Laguna Seca: the cell says Ret.
    assert re.search(r'ledger/p-k-sport#round-9"><span class="place">Ret</span>', html)
    page = http.get(f"{SEASON}/standings/GT/teams.json").json()
    first = page["rows"][0]["cells"][0]
    assert (first["mark"], first["points"], first["key"]) == ("1", "26", "gold")


def test_a_ledger_page_explains_each_round_withheld_points_included(http: httpx.Client) -> None:
    path = f"{SEASON}/standings/GT/teams/ledger/alex-job-racing"
    page = http.get(f"{path}.json").json()
    assert (page["name"], page["pos"], page["total"]) == ("Alex Job Racing", "1", "184")
    sebring = page["rounds"][0]
    assert (sebring["round"], sebring["mark"], sebring["points"]) == (1, "1", "26")
    best, second = sebring["rows"]
    assert (best["car"], best["points"], best["counts"], best["scale"]) == (
        "#23",
        "26",
        True,
        "sebring_plm",
    )
    # The second car's 22 points are withheld: only the best car scores.
    assert (second["car"], second["points"], second["withheld"], second["rule"]) == (
        "#24",
        "0",
        "22",
        "best_car",
    )
    assert second["rule_words"] == "only the team's best-placed car scores"
    html = http.get(path).text
    assert 'id="round-1"' in html and "only the team&#39;s best-placed car scores" in html
    assert http.get(f"{SEASON}/standings/GT/teams/ledger/nobody").status_code == 404


def test_the_round_page_says_where_the_source_is_incomplete(http: httpx.Client) -> None:
    page = http.get(f"{SEASON}/rounds/1.json").json()
    # Sebring 2004: 17 of 23 cars without an overall position, 8 without a car number.
    assert page["incomplete"] == {"laps": 16, "car number": 8, "overall position": 17}
    html = http.get(f"{SEASON}/rounds/1").text
    assert "The sources for this round are incomplete." in html
    assert "#?" not in html
    assert http.get(f"{SEASON}/rounds/9.json").json()["incomplete"] == {}


def test_the_round_page_gives_points_per_championship_and_qualifying(http: httpx.Client) -> None:
    page = http.get(f"{SEASON}/rounds/9.json").json()
    assert page["championships"] == ["Drivers' championship", "Teams' championship"]
    by_car = {r["car_no"]: r for r in page["results"]}
    # Minassian's #27 was on LMP1 pole at Laguna Seca.
    assert by_car["27"]["pole"] and by_car["27"]["qualified"] == 1
    assert by_car["63"]["penalties"] == [
        "failed the stall test in post-qualifying technical inspection"
    ]
    winner = page["results"][0]
    assert winner["result"] == "1st in LMP1"
    # The winning #2 was not registered for the teams' title: its 23 points withheld.
    assert {p["name"]: (p["points"], p["withheld"], p["why"]) for p in winner["points"]} == {
        "Drivers' championship": ("23", None, None),
        "Teams' championship": ("0", "23", "not registered for this championship"),
    }
    html = http.get(f"{SEASON}/rounds/9").text
    assert ">classified<" not in html and "<caption" in html


def test_driver_and_team_pages_give_results_and_points_per_round(http: httpx.Client) -> None:
    driver = http.get(f"{SEASON}/drivers/johnny-herbert.json").json()
    sebring = driver["results"][0]
    assert (sebring["round_label"], sebring["result"]) == ("Sebring", "3rd in LMP1")
    assert [(p["name"], p["points"]) for p in sebring["points"]] == [
        ("Drivers' championship", "19")
    ]
    html = http.get(f"{SEASON}/drivers/johnny-herbert").text
    assert "1. Sebring" in html and "3rd in LMP1" in html and ">classified<" not in html
    team = http.get(f"{SEASON}/teams/alex-job-racing.json").json()
    second_car = next(r for r in team["results"] if r["round"] == 1 and r["car_no"] == "24")
    assert [(p["points"], p["withheld"]) for p in second_car["points"]] == [("0", "22")]


def test_public_pages_use_no_developer_wording(http: httpx.Client) -> None:
    missing = http.get(f"{SEASON}/rounds/10", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert "<li>No round 10 in 2004 American Le Mans Series" in missing.text
    assert ": : " not in missing.text
    for path in ("standings/LMP1/drivers", "standings/GT/drivers"):
        assert "podium results" not in http.get(f"{SEASON}/{path}").text
