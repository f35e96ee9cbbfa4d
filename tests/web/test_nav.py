"""The header's season switcher and search, the favicon, and error pages in
a fan's words (issue 12, the smaller items), over HTTP."""

from __future__ import annotations

import re

import httpx
import pytest

from podium.model import Season
from tests.web.conftest import SCRATCH, Site, loaded, serving

SEASON = "/seasons/alms-2004"
HTML = {"accept": "text/html"}


def test_every_page_links_the_favicon_and_favicon_ico_answers(http: httpx.Client) -> None:
    page = http.get(f"{SEASON}/standings/GT/teams").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    icon = http.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.text.startswith("<svg")
    legacy = http.get("/favicon.ico")  # what browsers ask for whatever the page links
    assert legacy.status_code == 200
    assert legacy.headers["content-type"].startswith("image/svg+xml")
    assert legacy.content == icon.content
    assert http.head("/favicon.ico").status_code == 200


def test_the_search_box_is_on_every_season_page(http: httpx.Client) -> None:
    for path in ("", "/calendar", "/standings/GT/teams", "/rounds/9", "/teams/alex-job-racing"):
        html = http.get(SEASON + path).text
        form = re.search(r'<form class="search" role="search" method="get" action="([^"]+)">', html)
        assert form is not None and form.group(1) == f"{SEASON}/search", path
        assert 'name="q"' in html and '<label for="site-search"' in html


def test_search_answers_a_page_and_its_json_twin(http: httpx.Client) -> None:
    html = http.get(f"{SEASON}/search", params={"q": "herbert"}).text
    assert '<a href="/seasons/alms-2004/drivers/johnny-herbert">Johnny Herbert</a>' in html
    assert 'value="herbert"' in html  # the box keeps what was typed
    assert f'href="{SEASON}/search.json?q=herbert"' in html
    twin = http.get(f"{SEASON}/search.json", params={"q": "herbert"}).json()
    assert twin["query"] == "herbert" and twin["total"] == 1
    assert twin["drivers"][0]["id"] == "johnny-herbert"
    assert twin["season"]["id"] == "alms-2004"


def test_search_finds_teams_rounds_and_circuits_by_any_of_their_names(http: httpx.Client) -> None:
    team = http.get(f"{SEASON}/search", params={"q": "champion racing"}).text
    assert f'<a href="{SEASON}/teams/adt-champion-racing">ADT Champion Racing</a>' in team
    circuit = http.get(f"{SEASON}/search", params={"q": "Sebring"}).text
    assert f'<a href="{SEASON}/rounds/1">Round 1: Mobil 1 12 Hours of Sebring</a>' in circuit
    assert "<h2>Circuits</h2>" in circuit


def test_search_without_a_match_or_query_says_so_in_words(http: httpx.Client) -> None:
    none = http.get(f"{SEASON}/search", params={"q": "zzzz"})
    assert none.status_code == 200
    assert "Nothing in 2004 American Le Mans Series matches “zzzz”" in none.text
    empty = http.get(f"{SEASON}/search")
    assert empty.status_code == 200 and "Type part of a team" in empty.text
    long = http.get(f"{SEASON}/search", params={"q": "x" * 500}, headers=HTML)
    assert long.status_code == 422
    assert "string_too_long" not in long.text and "at most 200 characters long" in long.text


def test_the_season_switcher_lists_the_seasons_and_leads_to_one(
    site: Site, http: httpx.Client
) -> None:
    html = http.get(f"{SEASON}/standings/GT/teams").text
    switch = re.search(
        r'<form class="switch" method="get" action="/seasons">.*?</form>', html, re.S
    )
    assert switch is not None
    options = re.findall(r'<option value="([^"]+)"( selected)?>', switch.group(0))
    # The site's seasons (upload tests may add more), this one selected.
    assert ("alms-2004", " selected") in options and (SCRATCH, "") in options
    assert [o for o, selected in options if selected] == ["alms-2004"]
    moved = http.get("/seasons", params={"season": SCRATCH})
    assert moved.status_code == 303 and moved.headers["location"] == f"/seasons/{SCRATCH}"
    assert http.get("/seasons").headers["location"] == "/"
    unknown = http.get("/seasons", params={"season": "nope"}, headers=HTML)
    assert unknown.status_code == 404 and "No season" in unknown.text


def test_one_season_has_no_switcher(alms: Season) -> None:
    with serving(loaded(alms)) as url, httpx.Client(base_url=url) as http:
        html = http.get(SEASON).text
    assert 'class="search"' in html and 'class="switch"' not in html


BAD = [
    (f"{SEASON}/rounds/abc", 422, "“abc” in the address is not a round number"),
    (f"{SEASON}/standings/GT/teams?after=x", 422, "“x” for “standings after” is not a round"),
    (f"{SEASON}/standings/GT/teams?after=0", 422, "it should be at least 1"),
    (f"{SEASON}?as_of=garbage", 422, "neither a revision nor a moment"),
    (f"{SEASON}/rounds/10", 404, "No round 10 in 2004 American Le Mans Series (rounds 1-9)."),
    ("/no/such/page", 404, "There is no page at this address."),
]


@pytest.mark.parametrize(("path", "status", "words"), BAD, ids=[b[0] for b in BAD])
def test_error_pages_speak_to_fans_not_developers(
    http: httpx.Client, path: str, status: int, words: str
) -> None:
    response = http.get(path, headers=HTML)
    assert response.status_code == status
    main = response.text.split("<main", 1)[1]
    assert words in main
    for jargon in (
        "int_parsing",
        "greater_than_equal",
        "(request)",
        "Input should be",
        "(expected",
        ": : ",
        "Unprocessable",
        "`",
        "podium ",
    ):
        assert jargon not in main, jargon


def test_the_api_keeps_its_exact_problems(http: httpx.Client) -> None:
    body = http.get("/api/v1/seasons/alms-2004/rounds/abc").json()
    problem = body["error"]["problems"][0]
    assert (problem["field"], problem["expected"]) == ("round_number", "int_parsing")
