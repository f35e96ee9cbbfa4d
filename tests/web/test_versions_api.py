"""The version history a page at a time, through a real server on every
backend: the versions API takes ``limit`` (1 to 500, default 50) and
``offset`` and says how many versions there are; the round page lists the
newest 50 versions as of the page, without their lines; "as of" a moment
answers as the revision it resolves to."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from podium.app.repository import Repository, ResultVersion
from podium.model import RoundStatus, Season, Status
from tests.web.conftest import BACKENDS, loaded, serving
from tests.web.test_api_read import assert_error
from tests.web.test_api_write import bearer, r9_with

SEASON = "/seasons/alms-2004"
API = f"/api/v1{SEASON}"
VERSIONS = 61
"""Round 9's versions: the load's, two amendments through the API, the rest
posted straight to the store."""


@dataclasses.dataclass
class History:
    repository: Repository
    http: httpx.Client
    versions: list[ResultVersion]


@pytest.fixture(scope="module", params=BACKENDS)
def history(request: pytest.FixtureRequest, alms: Season) -> Iterator[History]:
    repository = loaded(alms, backend=request.param)
    token = repository.create_token("results desk")
    with serving(repository) as url, httpx.Client(base_url=url, timeout=30) as http:
        for n in (2, 3):
            dsq = {"24": {"status": "dsq", "class_pos": "", "reason": f"amendment {n}"}}
            posted = http.post(
                f"{API}/rounds/9/amendments",
                files={"file": ("r9.csv", r9_with(dsq), "text/csv")},
                data={"reason": f"protest {n}"},
                headers=bearer(token),
            )
            assert posted.status_code == 201, posted.text
        lines = alms.results_of(9)
        for n in range(4, VERSIONS + 1):
            changed = tuple(
                dataclasses.replace(line, status=Status.DISQUALIFIED, reason=f"amendment {n}")
                if line.entry == "24"
                else line
                for line in lines
            )
            repository.post_results("alms-2004", 9, changed, RoundStatus.AMENDED, "desk", str(n))
        yield History(repository, http, repository.result_versions("alms-2004", 9))


def numbers(page: dict[str, Any]) -> list[int]:
    return [v["version"] for v in page["versions"]]


def test_the_first_page_by_default(history: History) -> None:
    page = history.http.get(f"{API}/rounds/9/versions").json()
    assert (page["season"], page["round"]) == ("alms-2004", 9)
    assert (page["total"], page["offset"], page["limit"]) == (VERSIONS, 0, 50)
    assert numbers(page) == list(range(1, 51))  # oldest first: offset 0 is version 1
    second = page["versions"][1]
    assert (second["actor"], second["reason"], second["status"]) == (
        "results desk",
        "protest 2",
        "amended",
    )
    stored = history.versions[1]
    assert second["lines"] == len(stored.lines) == len(second["results"])
    assert second["revision"] == stored.revision


def test_limit_and_offset(history: History) -> None:
    http = history.http

    def page(**params: int) -> dict[str, Any]:
        response = http.get(f"{API}/rounds/9/versions", params=params)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    assert numbers(page(limit=5, offset=58)) == [59, 60, 61]
    assert numbers(page(limit=2, offset=10)) == [11, 12]
    assert numbers(page(limit=500)) == list(range(1, VERSIONS + 1))
    last = page(offset=VERSIONS)
    assert last["versions"] == [] and last["total"] == VERSIONS
    assert page(limit=1, offset=60)["versions"][0]["results"]  # every version has its lines


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 10**12}, "offset"),
    ],
)
def test_a_bad_limit_or_offset_is_422(history: History, params: dict[str, Any], field: str) -> None:
    problems = assert_error(history.http.get(f"{API}/rounds/9/versions", params=params), 422)
    assert problems[0]["field"] == field and problems[0]["file"] == "query"


def test_an_unknown_round_or_season_is_404(history: History) -> None:
    assert_error(history.http.get(f"{API}/rounds/99/versions"), 404)
    assert_error(history.http.get("/api/v1/seasons/alms-1999/rounds/9/versions"), 404)


@pytest.mark.parametrize("path", [f"{SEASON}/rounds/9.json", f"{API}/rounds/9"])
def test_the_round_page_lists_the_newest_versions(history: History, path: str) -> None:
    page = history.http.get(path).json()
    assert page["versions_total"] == VERSIONS
    assert numbers(page) == list(range(VERSIONS - 49, VERSIONS + 1))  # newest 50, oldest first
    assert all("results" not in v and v["lines"] > 0 for v in page["versions"])


def test_the_round_page_says_where_the_rest_is(history: History) -> None:
    html = history.http.get(f"{SEASON}/rounds/9").text
    assert f"The newest 50 of {VERSIONS} versions" in html
    assert f'href="{API}/rounds/9/versions"' in html


def test_a_round_as_of_a_moment_is_the_round_as_of_its_revision(history: History) -> None:
    tenth, eleventh = history.versions[9], history.versions[10]
    assert eleventh.created_at > tenth.created_at
    by_number = history.http.get(f"{SEASON}/rounds/9.json", params={"as_of": tenth.revision})
    body = by_number.json()
    assert body["versions_total"] == 10 and numbers(body) == list(range(1, 11))
    assert body["season"]["as_of"] == tenth.revision
    moments = [tenth.created_at, tenth.created_at + (eleventh.created_at - tenth.created_at) / 2]
    for moment in moments:
        by_moment = history.http.get(
            f"{SEASON}/rounds/9.json", params={"as_of": moment.isoformat()}
        )
        shown = by_moment.json()
        assert shown["season"].pop("as_of") == moment.isoformat()  # the moment asked, shown
        assert shown == {
            **body,
            "season": {k: v for k, v in body["season"].items() if k != "as_of"},
        }
    standings = f"{API}/standings/GT/teams"
    assert (
        history.http.get(standings, params={"as_of": moments[1].isoformat()}).json()
        == history.http.get(standings, params={"as_of": tenth.revision}).json()
    )
