"""Pages, their .json twins and the downloads (no browser: see test_browser)."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.web.test_api_read import published

SEASON = "/seasons/alms-2004"
PAGES = [
    SEASON,
    f"{SEASON}/calendar",
    f"{SEASON}/entries",
    f"{SEASON}/rounds/9",
    f"{SEASON}/standings/GT/teams",
    f"{SEASON}/standings/LMP1/drivers",
    f"{SEASON}/teams/alex-job-racing",
    f"{SEASON}/drivers/johnny-herbert",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(http: httpx.Client, path: str) -> None:
    page = http.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'href="{path}.json"' in page.text
    twin = http.get(f"{path}.json")
    assert twin.status_code == 200 and twin.json()["season"]["id"] == "alms-2004"


def test_home_shows_classes_calendar_and_leaders(http: httpx.Client) -> None:
    home = http.get(f"{SEASON}.json").json()
    assert [c["code"] for c in home["classes"]] == ["LMP1", "LMP2", "GTS", "GT"]
    assert home["rounds_held"] == 9 and home["next_round"] is None
    leaders = {(x["class"], x["championship"]): x for x in home["leaders"]}
    assert [p["name"] for p in leaders[("GT", "teams")]["leaders"]] == ["Alex Job Racing"]
    assert leaders[("GT", "teams")]["leaders"][0]["total"] == "184"
    assert "The season is complete" in http.get(SEASON).text


def test_standings_matrix_colours_follow_the_results_key(http: httpx.Client) -> None:
    body = http.get(f"{SEASON}/standings/GT/teams.json").json()
    rows = {r["name"]: r for r in body["rows"]}
    alex = [c["key"] for c in rows["Alex Job Racing"]["cells"]]
    # Published: 26 (1st), 16 (2nd), 13 (3rd), then wins.
    assert alex[:4] == ["gold", "silver", "bronze", "gold"]
    pk = rows["P.K. Sport"]["cells"][8]
    assert pk["key"] == "purple" and pk["tag"] == "Ret" and pk["points"] == ""
    html = http.get(f"{SEASON}/standings/GT/teams").text
    for meaning in ("Winner", "Disqualified (DSQ)", "Did not start (DNS)"):
        assert meaning in html  # the legend
    assert "<svg" in html and "data-points=" in html  # the chart without JavaScript


def test_downloads(http: httpx.Client) -> None:
    text = http.get(f"{SEASON}/standings/GT/teams.csv").text
    rows = list(csv.DictReader(io.StringIO(text)))
    got = [[r["pos"], r["name"], *(r[f"r{i}"] for i in range(1, 10)), r["total"]] for r in rows]
    assert got == published("GT")
    wiki = http.get(f"{SEASON}/standings/GT/teams.wiki").text
    assert wiki.count("{|") == 2 and wiki.count("|}") == 2  # table + key
    assert '| Alex Job Racing\n| style="background:#FFFFBF;" | 26' in wiki
    md = http.get(f"{SEASON}/rounds/9.md").text
    assert md.startswith("### Round 9") and "| 1 | LMP1 | 1 | 2 | ADT Champion Racing" in md
    assert http.get(f"{SEASON}/standings/GT/teams.csv", params={"after": 1}).text.count("\n") > 1
    assert http.get(f"{SEASON}/rounds/9.pdf").status_code == 422


def test_index_redirects_to_the_only_season_or_lists_them(http: httpx.Client) -> None:
    # The test site holds two seasons (the built-in one and a scratch copy): a list.
    index = http.get("/")
    assert index.status_code == 200
    assert 'href="/seasons/alms-2004"' in index.text
    assert 'href="/seasons/alms-2004-scratch"' in index.text


def test_home_as_of_an_earlier_revision_shows_the_next_round(http: httpx.Client) -> None:
    # Revision 1 loaded the season; each round's results then added one: 6 = five rounds held.
    home = http.get(f"{SEASON}.json", params={"as_of": 6}).json()
    assert home["rounds_held"] == 5 and home["next_round"] == 6
    assert home["season"]["as_of"] == 6
    html = http.get(SEASON, params={"as_of": 6}).text
    assert "Shown as of revision 6" in html and '<span class="badge">next</span>' in html
    assert http.get(f"{SEASON}.json").json()["next_round"] is None
