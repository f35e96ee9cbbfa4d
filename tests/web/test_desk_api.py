"""The write API the results desk uses (issue 12, item 4): import a results
file of any supported format into a round (dry run, then applied) and mark a
round provisional or official, through a real server on each backend. The
desk tests have a server of their own (``desk_site``: the shared one's list
of seasons stays as other tests expect it), and each test a season and a
token of its own (the rate limit is per token name)."""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from podium.app.init import NewSeason, init_season, parse_scale
from podium.app.tokens import TokenScope
from podium.model import Season
from podium.readers.native import load_season
from tests.web.conftest import BACKENDS, Site, loaded, serving

ZOLDER = (
    Path(__file__).resolve().parents[1]
    / "fixtures/acc/kagd__league-results-parser__cmsracing_split2_zolder-r.json"
)
_fresh = itertools.count(1)


@pytest.fixture(scope="module", params=BACKENDS)
def desk_site(request: pytest.FixtureRequest, alms: Season) -> Iterator[Site]:
    """A server of the desk tests' own, holding the 2004 season."""
    repository = loaded(alms, backend=request.param)
    with serving(repository) as url:
        yield Site(url, repository, repository.create_token("desk tests"), request.param)


@pytest.fixture
def http(desk_site: Site) -> Iterator[httpx.Client]:
    with desk_site.client() as client:
        yield client


def fresh(site: Site, alms: Season, what: str) -> tuple[str, dict[str, str]]:
    """A copy of the 2004 season of this test's own, and a token named for it."""
    season_id = f"alms-2004-{what}-{next(_fresh)}"
    site.repository.load_season(dataclasses.replace(alms, id=season_id), actor="tests")
    token = site.repository.create_token(f"desk {season_id}")
    return season_id, {"Authorization": f"Bearer {token}"}


def keyed(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "Idempotency-Key": str(uuid.uuid4())}


def test_the_rounds_own_csv_uploads_back_unchanged_and_an_edit_is_a_diff_then_a_version(
    http: httpx.Client, desk_site: Site, alms: Season
) -> None:
    season_id, auth = fresh(desk_site, alms, "import")
    url = f"/api/v1/seasons/{season_id}/rounds/9/import"
    csv = http.get(f"/seasons/{season_id}/rounds/9.csv").content
    form = {"reason": "check", "status": "official"}
    same = http.post(
        f"{url}?dry_run=true", files={"file": ("r9.csv", csv)}, data=form, headers=auth
    )
    assert same.status_code == 200, same.text
    assert same.json()["changed"] is False and same.json()["format"] == "podium results CSV"
    # #24 (GT winner) disqualified after the race: a dry run shows it, writes nothing.
    edited = csv.replace(
        b",154,,,classified,,,,,seed001 classification line 33",
        b",154,,,dsq,,,,,seed001 classification line 33",
    )
    assert edited != csv
    form = {"reason": "underweight at scrutineering", "status": "provisional"}
    revision = desk_site.repository.revision(season_id)
    dry = http.post(
        f"{url}?dry_run=true", files={"file": ("r9.csv", edited)}, data=form, headers=keyed(auth)
    )
    assert dry.status_code == 200, dry.text
    assert [(c["change"], c["car"], c["detail"]) for c in dry.json()["changes"]] == [
        ("changed", "#24", "P1 GT, 154 laps -> P1 GT (dsq), 154 laps"),
        ("status", "", "official -> provisional"),
    ]
    assert dry.json()["version"] is None and desk_site.repository.revision(season_id) == revision
    done = http.post(url, files={"file": ("r9.csv", edited)}, data=form, headers=keyed(auth))
    assert done.status_code == 201, done.text
    version = done.json()["version"]
    assert (version["actor"], version["reason"], version["status"]) == (
        f"desk {season_id}", "underweight at scrutineering", "provisional",
    )  # fmt: skip
    assert done.json()["revision"] == version["revision"] > revision
    gt = http.get(f"/api/v1/seasons/{season_id}/rounds/9/results", params={"class": "GT"}).json()
    assert next(r for r in gt["results"] if r["car_no"] == "24")["status"] == "dsq"


def test_a_refused_file_answers_the_problem_shape_and_writes_nothing(
    http: httpx.Client, desk_site: Site, alms: Season
) -> None:
    season_id, auth = fresh(desk_site, alms, "refused")
    csv = http.get(f"/seasons/{season_id}/rounds/9.csv").content
    revision = desk_site.repository.revision(season_id)
    bad = http.post(
        f"/api/v1/seasons/{season_id}/rounds/9/import",
        files={"file": ("r9.csv", csv.replace(b"classified", b"finished", 1))},
        data={"reason": "typo"},
        headers=auth,
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["problems"] == [
        {"file": "r9.csv", "line": 2, "field": "status", "message": "unknown status",
         "expected": "classified or nc or dnf or dsq or dns", "found": "finished"},
    ]  # fmt: skip
    no_reason = http.post(
        f"/api/v1/seasons/{season_id}/rounds/9/import",
        files={"file": ("r9.csv", csv)},
        headers=auth,
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["error"]["problems"][0]["field"] == "reason"
    anonymous = http.post(
        f"/api/v1/seasons/{season_id}/rounds/9/import", files={"file": ("r9.csv", csv)}
    )
    assert anonymous.status_code == 401
    assert desk_site.repository.revision(season_id) == revision


def test_a_simulator_file_is_imported_through_the_pipeline(
    http: httpx.Client, desk_site: Site, tmp_path: Path
) -> None:
    """An ACC server file into a new league: the format is read from the
    content, unknown cars are added on request, the results are provisional."""
    name, scale = parse_scale("fia")
    folder = tmp_path / "league"
    init_season(folder, NewSeason("Desk League 2026", ("GT3", "GT4"), 3, scale, name, year=2026))
    season = dataclasses.replace(load_season(folder), id=f"desk-league-{desk_site.backend}")
    desk_site.repository.load_season(season, actor="tests")
    auth = {"Authorization": f"Bearer {desk_site.repository.create_token(f'desk {season.id}')}"}
    url = f"/api/v1/seasons/{season.id}/rounds/1/import"
    form = {"reason": "race 1 from the server", "create_entries": "true"}
    dry = http.post(
        f"{url}?dry_run=true",
        files={"file": ("zolder.json", ZOLDER.read_bytes())},
        data=form,
        headers=auth,
    )
    assert dry.status_code == 200, dry.text
    assert dry.json()["format"] == "acc"
    kinds = {c["change"] for c in dry.json()["changes"]}
    assert {"new row", "new entry"} <= kinds
    done = http.post(
        url, files={"file": ("zolder.json", ZOLDER.read_bytes())}, data=form, headers=auth
    )
    assert done.status_code == 201, done.text
    stored = desk_site.repository.season(season.id)
    assert stored.results_of(1) and stored.round(1).status.value == "provisional"
    again = http.post(
        f"{url}?dry_run=true",
        files={"file": ("zolder.json", ZOLDER.read_bytes())},
        data=form,
        headers=auth,
    )
    assert again.json()["changed"] is False, again.json()["changes"][:5]


def test_a_round_is_marked_official_or_provisional_as_a_new_version(
    http: httpx.Client, desk_site: Site, alms: Season
) -> None:
    season_id, auth = fresh(desk_site, alms, "status")
    url = f"/api/v1/seasons/{season_id}/rounds/9/status"
    lines = desk_site.repository.season(season_id).results_of(9)
    back = http.post(
        url, json={"status": "provisional", "reason": "protest lodged"}, headers=keyed(auth)
    )
    assert back.status_code == 201, back.text
    assert back.json()["version"]["actor"] == f"desk {season_id}"
    assert back.json()["version"]["reason"] == "protest lodged"
    assert desk_site.repository.season(season_id).round(9).status.value == "provisional"
    assert desk_site.repository.season(season_id).results_of(9) == lines  # no result changes
    same = http.post(url, json={"status": "provisional", "reason": "again"}, headers=auth)
    assert same.status_code == 200 and same.json()["changed"] is False
    official = http.post(
        url, json={"status": "official", "reason": "protest dismissed"}, headers=auth
    )
    assert official.status_code == 201
    page = http.get(f"/api/v1/seasons/{season_id}/rounds/9").json()
    assert page["round"]["status"] == "official"
    assert [v["reason"] for v in page["versions"]][-2:] == ["protest lodged", "protest dismissed"]
    bad = http.post(url, json={"status": "amended", "reason": "x"}, headers=auth)
    assert bad.status_code == 422


def test_a_round_without_results_cannot_be_published(
    http: httpx.Client, desk_site: Site, alms: Season
) -> None:
    season_id, auth = fresh(desk_site, alms, "empty")
    held = desk_site.repository.season(season_id)
    desk_site.repository.post_results(season_id, 9, (), held.round(9).status, "tests", "emptied")
    done = http.post(
        f"/api/v1/seasons/{season_id}/rounds/9/status",
        json={"status": "official", "reason": "too early"},
        headers=auth,
    )
    assert done.status_code == 422
    assert done.json()["error"]["problems"][0]["message"] == "no results to publish yet"


def test_the_desk_page_and_its_json_twin(http: httpx.Client, desk_site: Site) -> None:
    page = http.get("/seasons/alms-2004/desk")
    assert page.status_code == 200
    assert '<script src="/static/desk.js" defer></script>' in page.text
    assert "<script>" not in page.text  # the CSP allows no inline script
    twin = http.get("/seasons/alms-2004/desk.json").json()
    assert twin["round"] == 9 and twin["classes"] == ["LMP1", "LMP2", "GTS", "GT"]
    assert "points" in twin["penalty_kinds"]
    assert http.get("/static/desk.js").status_code == 200


def test_an_import_takes_a_file_and_a_status_change_a_small_body() -> None:
    from podium.web.gate import JSON_LIMIT, UPLOAD_LIMIT, limit_for

    assert limit_for("/api/v1/seasons/x/rounds/9/import") == UPLOAD_LIMIT
    assert limit_for("/api/v1/seasons/x/rounds/9/status") == JSON_LIMIT


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_says_what_it_may_do_before_any_write(http: httpx.Client, desk_site: Site) -> None:
    """The desk's sign-in: name and scope of a good token; 401 for an unknown
    one; 403 for a write token asked about a season it may not write."""
    admin = desk_site.repository.create_token(f"who {uuid.uuid4().hex[:8]}")
    seasonal = desk_site.repository.create_token(
        f"r9 desk {uuid.uuid4().hex[:8]}", scope=TokenScope.WRITE, seasons=("alms-2004",)
    )
    mine = http.get("/api/v1/token", params={"season": "alms-2004"}, headers=bearer(seasonal))
    assert mine.status_code == 200, mine.text
    assert mine.headers["cache-control"] == "no-store"
    body = mine.json()
    assert (body["scope"], body["seasons"], body["may_write"]) == (
        "write",
        ["alms-2004"],
        "alms-2004",
    )
    assert body["name"].startswith("r9 desk ")
    other = http.get("/api/v1/token", params={"season": "imsa-2023"}, headers=bearer(seasonal))
    assert other.status_code == 403
    assert "may not write season imsa-2023" in other.json()["error"]["problems"][0]["message"]
    assert http.get("/api/v1/token", headers=bearer(admin)).json()["scope"] == "admin"
    unknown = http.get("/api/v1/token", headers=bearer(admin[:-3] + "xyz"))
    assert unknown.status_code == 401
    assert unknown.json()["error"]["problems"][0]["message"] == "unknown token"
    assert http.get("/api/v1/token").status_code == 401
