"""The title fight on the site and in the API (issue 5): the same answers as
`podium title`, checked against the published numbers before Laguna Seca."""

from __future__ import annotations

import httpx

from tests.web.conftest import Site


def test_api_title_lmp2_teams_after_round_8(site: Site, http: httpx.Client) -> None:
    body = http.get("/api/v1/seasons/alms-2004/title/LMP2/teams?after=8").json()
    contenders = {c["name"]: c for c in body["contenders"]}
    # Published LMP2 table: Miracle 127, Intersport 106 before round 9.
    assert contenders["Miracle Motorsports"]["points"] == "127"
    assert contenders["Intersport Racing"]["points"] == "106"
    assert contenders["Miracle Motorsports"]["status"] == "can still win"
    assert "classified in the points" in contenders["Miracle Motorsports"]["needs"]
    assert contenders["Marshall Cooke Race Car Company"]["status"] == "eliminated"
    assert [r["round"] for r in body["open_rounds"]] == [9]


def test_api_title_decided_classes(http: httpx.Client) -> None:
    for code, champion in (
        ("LMP1", "ADT Champion Racing"),
        ("GTS", "Corvette Racing"),
        ("GT", "Alex Job Racing"),
    ):
        body = http.get(f"/api/v1/seasons/alms-2004/title/{code}/teams?after=8").json()
        statuses = {c["name"]: c["status"] for c in body["contenders"]}
        assert statuses[champion] == "champion", code


def test_api_odds_are_seeded_and_bounded(http: httpx.Client) -> None:
    path = "/api/v1/seasons/alms-2004/title/LMP2/teams/odds?after=8&runs=2000&seed=7"
    first, again = http.get(path).json(), http.get(path).json()
    assert first == again
    chances = {c["name"]: c["odds"] for c in first["contenders"]}
    # This season's starters retired often enough that Miracle can miss the points.
    assert 0 < first["retire_rate"] < 0.5
    assert 0 < chances["Intersport Racing"] < chances["Miracle Motorsports"] < 1
    assert abs(sum(chances.values()) - 1) < 1e-9
    too_many = http.get("/api/v1/seasons/alms-2004/title/LMP2/teams/odds?runs=10000000")
    assert too_many.status_code == 422 and "error" in too_many.json()


def test_title_page_and_json_twin(http: httpx.Client) -> None:
    page = http.get("/seasons/alms-2004/title/LMP2/teams")
    assert page.status_code == 200
    assert "Miracle Motorsports" in page.text and "<svg" in page.text
    twin = http.get("/seasons/alms-2004/title/LMP2/teams.json").json()
    assert twin["after"] == 8  # a finished season shows the last round's title fight
    assert twin["odds"]["runs"] == 20_000


def test_unknown_class_is_a_404_in_the_one_error_shape(http: httpx.Client) -> None:
    response = http.get("/api/v1/seasons/alms-2004/title/GT1/teams")
    assert response.status_code == 404
    assert "no class 'GT1'" in response.json()["error"]["problems"][0]["message"]


def test_title_page_reads_driverless_results_by_the_entry_list(http: httpx.Client) -> None:
    page = http.get("/seasons/alms-2004/title/GT/drivers?after=8").text
    assert "Timo Bernhard" in page
    assert "can still win: needs to finish 8th or better at R9 Laguna Seca" in page
    assert "counted here for the crew the entry list names" in page  # the caveat, once
    assert page.count("the entry list names") == 1
    assert "pairwise" not in page and "Method" not in page
    twin = http.get("/seasons/alms-2004/title/GT/drivers.json?after=8").json()
    bernhard = next(c for c in twin["fight"]["contenders"] if c["name"] == "Timo Bernhard")
    assert not bernhard["data_determines"]  # the named results alone do not decide
    assert bernhard["method"] == "pairwise reasoning"
    assert any(r["names"] == ["Craig Stanton", "David Murry"] for r in twin["rows"])


def test_title_contenders_carry_the_ids_every_answer_uses(http: httpx.Client) -> None:
    """One representation (issue 12): a contender is named by {id, name} as in
    the standings, and the id is its page's address."""
    fight = http.get("/api/v1/seasons/alms-2004/title/LMP2/teams?after=8").json()
    first = fight["contenders"][0]
    assert first["competitor"] == {"id": "miracle-motorsports", "name": "Miracle Motorsports"}
    assert fight["groups"][0]["competitors"] == [first["competitor"]]
    table = http.get("/api/v1/seasons/alms-2004/standings/LMP2/teams?after=8").json()
    assert first["competitor"] in [row["competitor"] for row in table["rows"]]
    assert http.get(f"/seasons/alms-2004/teams/{first['competitor']['id']}").status_code == 200
    odds = http.get("/api/v1/seasons/alms-2004/title/LMP2/teams/odds?after=8&runs=1000").json()
    assert odds["contenders"][0]["competitor"]["id"] == "miracle-motorsports"
