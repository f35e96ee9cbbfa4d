"""A request makes a fixed small number of repository calls: one for the
revision, plus the round's versions on round pages; the season is read and
scored once per revision, never per request."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest

from podium.app.repository import MemoryRepository
from podium.model import Season
from tests.web.conftest import serving


class Counting(MemoryRepository):
    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()

    def __getattribute__(self, name: str) -> Any:
        if name in ("season_ids", "season", "revision", "result_versions", "verify_token"):
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
