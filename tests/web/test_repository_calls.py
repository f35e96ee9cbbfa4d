"""A request makes a fixed small number of repository calls: one for the
revision, plus a page of the round's versions (without their lines) on round
pages, plus the revision a moment resolves to for "as of" a moment; the
season is read and scored once per revision, never per request."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import httpx
import pytest

from podium.app.memory import MemoryRepository
from podium.app.repository import VersionPage
from podium.model import RoundStatus, Season
from tests.web.conftest import serving

COUNTED = (
    "season_ids",
    "season",
    "revision",
    "revision_at",
    "result_versions",
    "version_page",
    "verify_token",
)


class Counting(MemoryRepository):
    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()

    def __getattribute__(self, name: str) -> Any:
        if name in COUNTED:
            object.__getattribute__(self, "calls")[name] += 1
        return object.__getattribute__(self, name)


PATHS = [
    ("/api/v1/seasons/alms-2004/standings/GT/teams", 1),
    ("/api/v1/seasons/alms-2004/standings/GT/teams?after=8", 1),
    ("/api/v1/seasons/alms-2004/rounds/9/results", 1),
    ("/api/v1/seasons/alms-2004/rounds/9", 2),
    ("/api/v1/seasons/alms-2004/winners", 1),
    ("/seasons/alms-2004", 1),
    ("/seasons/alms-2004/standings/GT/teams", 1),
    ("/seasons/alms-2004/standings/GT/teams.json", 1),
    ("/seasons/alms-2004/rounds/9", 2),
    ("/seasons/alms-2004/teams/alex-job-racing", 1),
]


@pytest.fixture(scope="module")
def counted(alms: Season) -> Any:
    repository = Counting()
    repository.load_season(alms, actor="tests")
    with serving(repository) as url, httpx.Client(base_url=url) as http:
        yield repository, http


@pytest.mark.parametrize(("path", "calls"), PATHS)
def test_calls_per_request(counted: Any, path: str, calls: int) -> None:
    repository, http = counted
    assert http.get(path).status_code == 200  # warm: the season is scored once
    repository.calls.clear()
    for _ in range(3):
        assert http.get(path).status_code == 200
    assert sum(repository.calls.values()) == 3 * calls, repository.calls
    assert repository.calls["season"] == 0  # never re-read, never rescored


def test_round_pages_read_a_page_of_versions_without_lines(alms: Season) -> None:
    """However long a round's history, its page asks for the newest page of
    versions without their lines, never for every version with its lines."""
    repository = Counting()
    repository.load_season(alms, actor="tests")
    lines = alms.results_of(9)
    for n in range(2, 121):
        repository.post_results("alms-2004", 9, lines, RoundStatus.AMENDED, "desk", str(n))
    asked: list[tuple[Any, ...]] = []
    page = repository.version_page

    def version_page(*args: Any, **kwargs: Any) -> VersionPage:
        asked.append((*args, *sorted(kwargs.items())))
        return page(*args, **kwargs)

    object.__setattr__(repository, "version_page", version_page)
    with serving(repository) as url, httpx.Client(base_url=url) as http:
        for path in ("/seasons/alms-2004/rounds/9", "/api/v1/seasons/alms-2004/rounds/9"):
            assert http.get(path).status_code == 200
            repository.calls.clear()
            asked.clear()
            body = http.get(path + (".json" if path.startswith("/seasons") else "")).json()
            assert repository.calls["result_versions"] == 0, repository.calls
            assert sum(repository.calls.values()) == 2, repository.calls  # revision, a page
            assert asked == [("alms-2004", 9, 50, ("as_of", None), ("newest_first", True))]
            assert body["versions_total"] == 120 and len(body["versions"]) == 50


def test_as_of_a_moment_costs_one_more_call_and_no_scoring(counted: Any) -> None:
    repository, http = counted
    moment = repository.result_versions("alms-2004", 9)[-1].created_at
    path = "/api/v1/seasons/alms-2004/standings/GT/teams"
    assert http.get(path, params={"as_of": moment.isoformat()}).status_code == 200
    repository.calls.clear()
    for micro in range(1, 4):
        later = moment + dt.timedelta(microseconds=micro)
        assert http.get(path, params={"as_of": later.isoformat()}).status_code == 200
    assert repository.calls == Counter({"revision": 3, "revision_at": 3})
