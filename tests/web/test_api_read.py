"""The read API through a real server: published numbers, stable addresses,
one error shape."""

from __future__ import annotations

import csv

import httpx
import pytest

from tests.conftest import GOLDEN

PUBLISHED = GOLDEN / "alms2004" / "published_team_standings.csv"
API = "/api/v1/seasons/alms-2004"


def published(class_code: str) -> list[list[str]]:
    with PUBLISHED.open(encoding="utf-8") as handle:
        return [
            [r["pos"], r["team"], *(r[f"r{i}"] for i in range(1, 10)), r["total"]]
            for r in csv.DictReader(handle)
            if r["class"] == class_code
        ]


def assert_error(response: httpx.Response, status: int) -> list[dict[str, object]]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["title"]
    problems = body["error"]["problems"]
    assert problems, body
    for p in problems:
        assert set(p) == {"file", "line", "field", "message", "expected", "found"}
    return problems  # type: ignore[no-any-return]


@pytest.mark.parametrize("class_code", ["LMP1", "LMP2", "GTS", "GT"])
def test_team_standings_match_published(http: httpx.Client, class_code: str) -> None:
    body = http.get(f"{API}/standings/{class_code}/teams").json()
    got = [
        [
            r["pos"],
            r["competitor"]["name"],
            *((r["rounds"][str(n)] or {}).get("points") or "" for n in range(1, 10)),
            r["total"],
        ]
        for r in body["rows"]
    ]
    assert got == published(class_code)


def test_after_limits_rounds(http: httpx.Client) -> None:
    body = http.get(f"{API}/standings/GT/teams", params={"after": 8}).json()
    assert body["after"] == 8 and body["rounds"] == list(range(1, 9))
    alex = next(r for r in body["rows"] if r["competitor"]["id"] == "alex-job-racing")
    assert alex["total"] == "161"  # 184 published, less the 23 of Laguna Seca


def test_catalogue_endpoints(http: httpx.Client) -> None:
    assert http.get("/api/v1/series").json()["series"][0]["name"] == "American Le Mans Series"
    assert "alms-2004" in [s["id"] for s in http.get("/api/v1/seasons").json()["seasons"]]
    classes = http.get(f"{API}/classes").json()["classes"]
    assert [c["code"] for c in classes] == ["LMP1", "LMP2", "GTS", "GT"]
    assert http.get(f"{API}/rounds").json()["total"] == 9
    gt = http.get(f"{API}/entries", params={"class": "GT"}).json()["entries"]
    assert gt and {e["class"] for e in gt} == {"GT"}
    winners = http.get(f"{API}/winners").json()
    assert winners["total"] == 36 and len(winners["winners"]) == 36
    lmp2 = http.get(f"{API}/rounds/9/results", params={"class": "LMP2"}).json()
    assert {r["class"] for r in lmp2["results"]} == {"LMP2"}
    versions = http.get(f"{API}/rounds/9/versions").json()
    assert versions["versions"][0]["version"] == 1 and versions["total"] >= 1


def test_ledger_explains_the_laguna_seca_cell(http: httpx.Client) -> None:
    rows = http.get(
        f"{API}/standings/LMP1/teams/ledger", params={"competitor": "ADT Champion Racing"}
    ).json()["rows"]
    r9 = {r["entry"]: r for r in rows if r["round"] == 9}
    assert r9["2"]["points"] == "" or r9["2"]["points"] == "0"
    assert r9["2"]["rule"] == "registration" and r9["2"]["withheld"] == "23"
    assert r9["38"]["points"] == "19"
    whole = http.get(f"{API}/standings/LMP1/teams/ledger").json()["rows"]
    assert {r["competitor"]["id"] for r in whole} >= {"adt-champion-racing", "dyson-racing"}


def test_openapi_lists_the_api(http: httpx.Client) -> None:
    spec = http.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    assert "/api/v1/seasons/{season_id}/standings/{class_code}/{championship}" in paths
    assert "post" in paths["/api/v1/seasons/{season_id}/rounds/{round_number}/results"]
    assert not any(p.startswith("/seasons") for p in paths)  # pages stay out of the API spec


def test_404_unknown_season_class_round(http: httpx.Client) -> None:
    assert "nope" in assert_error(http.get("/api/v1/seasons/nope"), 404)[0]["message"]  # type: ignore[operator]
    assert "XX" in assert_error(http.get(f"{API}/standings/XX/teams"), 404)[0]["message"]  # type: ignore[operator]
    assert_error(http.get(f"{API}/rounds/42"), 404)
    assert_error(http.get("/api/v1/no/such/thing"), 404)


def test_405_and_validation_errors_share_the_shape(http: httpx.Client) -> None:
    assert_error(http.delete(f"{API}/standings/GT/teams"), 405)
    problems = assert_error(http.get(f"{API}/standings/GT/teams", params={"after": 0}), 422)
    assert problems[0]["file"] == "query" and problems[0]["field"] == "after"
    problems = assert_error(http.get(f"{API}/standings/GT/teams", params={"as_of": "soon"}), 422)
    assert problems[0]["field"] == "as_of" and problems[0]["found"] == "soon"
