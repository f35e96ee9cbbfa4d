"""The API's conventions through a real server: one representation per
thing, the collections and their pages, HTTP caching, CORS, HEAD, the index
and the explorer served from the package."""

from __future__ import annotations

import httpx

from tests.web.conftest import SCRATCH, Site

API = "/api/v1/seasons/alms-2004"


def test_one_representation_of_a_result_line(http: httpx.Client) -> None:
    results = http.get(f"{API}/rounds/9/results").json()["results"]
    page = http.get(f"{API}/rounds/9").json()["results"]
    assert results == page  # the same line, whichever route answers it
    first = results[0]
    assert (first["overall_pos"], first["class_pos"], first["laps"]) == (1, 1, 169)
    assert first["team"] == {"id": "adt-champion-racing", "name": "ADT Champion Racing"}
    assert first["drivers"][0] == {"id": "johnny-herbert", "name": "Johnny Herbert"}


def test_ids_are_the_addresses_of_the_pages(http: httpx.Client) -> None:
    row = http.get(f"{API}/standings/GT/drivers").json()["rows"][0]
    assert row["competitor"] == {"id": "timo-bernhard", "name": "Timo Bernhard"}
    assert http.get(f"/seasons/alms-2004/drivers/{row['competitor']['id']}").status_code == 200
    teams = http.get(f"{API}/teams").json()["teams"]
    assert all(
        http.get(f"/seasons/alms-2004/teams/{t['id']}").status_code == 200 for t in teams[:3]
    )


def test_leaders_are_a_list(http: httpx.Client) -> None:
    tables = http.get(f"{API}/standings").json()["tables"]
    gt = next(t for t in tables if (t["class"], t["championship"]) == ("GT", "teams"))
    assert gt["leaders"] == [{"id": "alex-job-racing", "name": "Alex Job Racing"}]
    # After Sebring the GTS drivers' lead is shared by the winning car's three drivers.
    early = http.get(f"{API}/standings", params={"after": 1}).json()["tables"]
    gts = next(t for t in early if (t["class"], t["championship"]) == ("GTS", "drivers"))
    assert [d["id"] for d in gts["leaders"]] == ["johnny-o-connell", "max-papis", "ron-fellows"]


def test_collections_page_with_totals(http: httpx.Client) -> None:
    everyone = http.get(f"{API}/drivers").json()
    assert everyone["total"] > 100 and len(everyone["drivers"]) == 100  # the default page
    page = http.get(f"{API}/drivers", params={"limit": 5, "offset": 100}).json()
    assert (page["total"], page["limit"], page["offset"]) == (everyone["total"], 5, 100)
    assert len(page["drivers"]) == 5
    circuits = http.get(f"{API}/circuits").json()["circuits"]
    assert circuits[0]["rounds"] == [1] and len(circuits) == 9
    quali = http.get(f"{API}/rounds/9/qualifying", params={"class": "LMP1"}).json()
    assert quali["qualifying"][0]["class_position"] == 1
    assert quali["qualifying"][0]["driver"]["id"]
    assert http.get(f"{API}/drivers", params={"limit": 0}).status_code == 422


def test_etag_and_304(site: Site, http: httpx.Client) -> None:
    first = http.get(f"{API}/standings/GT/teams")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    assert first.headers["last-modified"].endswith(" GMT")
    again = http.get(f"{API}/standings/GT/teams", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    since = http.get(
        f"{API}/standings/GT/teams", headers={"If-Modified-Since": first.headers["last-modified"]}
    )
    assert since.status_code == 304
    assert (
        http.get(f"{API}/standings/GT/drivers", headers={"If-None-Match": '"other"'}).status_code
        == 200
    )


def test_a_write_changes_the_etag(site: Site, http: httpx.Client) -> None:
    url = f"/api/v1/seasons/{SCRATCH}/penalties"
    before = http.get(url).headers["etag"]
    posted = http.post(
        url,
        json={"round": 9, "car_no": "16", "kind": "points", "value": "1", "reason": "etag test"},
        headers={"Authorization": f"Bearer {site.token}"},
    )
    assert posted.status_code == 201, posted.text
    after = http.get(url, headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["etag"] != before


def test_head_on_every_get(http: httpx.Client) -> None:
    for path in (f"{API}/standings/GT/teams", "/api/v1", "/seasons/alms-2004", "/static/site.css"):
        got = http.head(path)
        assert got.status_code == 200 and got.content == b"", path
        assert int(got.headers["content-length"]) == len(http.get(path).content), path


def test_cors_opens_reads_not_writes(http: httpx.Client) -> None:
    origin = {"Origin": "https://example.org"}
    read = http.get(f"{API}/standings/GT/teams", headers=origin)
    assert read.headers["access-control-allow-origin"] == "*"
    assert "etag" in read.headers["access-control-expose-headers"].lower()
    preflight = http.options(
        f"{API}/standings/GT/teams",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    refused = http.options(
        f"{API}/penalties",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert refused.status_code == 400
    assert (
        "access-control-allow-origin" not in http.get("/seasons/alms-2004", headers=origin).headers
    )


def test_index_lists_the_routes(http: httpx.Client) -> None:
    index = http.get("/api/v1").json()
    paths = {r["path"] for r in index["routes"]}
    assert {"/api/v1/seasons/{season_id}/drivers", "/api/v1/seasons"} <= paths
    assert "alms-2004" in index["seasons"] and index["openapi"] == "/api/v1/openapi.json"


def test_openapi_declares_models_errors_and_bearer(http: httpx.Client) -> None:
    spec = http.get("/api/v1/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    standings = spec["paths"]["/api/v1/seasons/{season_id}/standings/{class_code}/{championship}"]
    ok = standings["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Standings"}
    error = standings["get"]["responses"]["404"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorOut"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    post = spec["paths"]["/api/v1/seasons/{season_id}/penalties"]["post"]
    assert post["security"] == [{"HTTPBearer": []}]


def test_docs_are_served_from_the_package(http: httpx.Client) -> None:
    page = http.get("/api/v1/docs")
    assert page.status_code == 200 and "cdn" not in page.text.lower()
    assert "content-security-policy" in page.headers
    for asset in ("/static/swagger-ui/swagger-ui-bundle.js", "/static/swagger-ui/swagger-ui.css"):
        assert http.get(asset).status_code == 200
    assert "Apache License" in http.get("/static/swagger-ui/LICENSE").text
