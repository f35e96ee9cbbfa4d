"""The repository contract. Every implementation runs these tests (the SQL
store adds itself to ``REPOSITORIES``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from podium.model import RoundStatus, Status
from podium.model.season import Season
from podium.repository import MemoryRepository, Repository
from podium.service import Championships

REPOSITORIES: dict[str, Callable[[], Repository]] = {"memory": MemoryRepository}


@pytest.fixture(params=sorted(REPOSITORIES))
def repo(request: pytest.FixtureRequest) -> Repository:
    return REPOSITORIES[request.param]()


def test_load_is_idempotent(repo: Repository, alms: Season) -> None:
    first = repo.load_season(alms, actor="test")
    again = repo.load_season(alms, actor="test")
    assert first.changed and not again.changed
    assert again.revision == first.revision
    assert repo.season("alms-2004") == alms


def test_amendment_keeps_old_version_and_as_of_answers_both_ways(
    repo: Repository, alms: Season
) -> None:
    repo.load_season(alms, actor="test")
    before = repo.revision("alms-2004")
    old = repo.season("alms-2004").results_of(9)
    # Post-race DSQ of the GT winner #24.
    new = tuple(
        dataclasses.replace(
            line, status=Status.DISQUALIFIED, class_pos=None, reason="post-race DSQ"
        )
        if line.entry == "24"
        else line
        for line in old
    )
    version = repo.post_results(
        "alms-2004", 9, new, RoundStatus.AMENDED, "stewards", "protest upheld"
    )
    assert (
        version.version == 2 and version.actor == "stewards" and version.reason == "protest upheld"
    )
    assert [v.version for v in repo.result_versions("alms-2004", 9)] == [1, 2]
    latest = Championships(repo.season("alms-2004")).standings("teams", "GT")
    earlier = Championships(repo.season("alms-2004", as_of=before)).standings("teams", "GT")
    assert earlier.row("Alex Job Racing").total == 184  # type: ignore[union-attr]
    # Without #24's win, Alex Job scores #23's 2nd place: 19 instead of 23.
    assert latest.row("Alex Job Racing").total == 180  # type: ignore[union-attr]
    assert repo.season("alms-2004").round(9).status is RoundStatus.AMENDED


def test_tokens_are_verified_by_hash(repo: Repository) -> None:
    token = repo.create_token("results desk")
    assert repo.verify_token(token) == "results desk"
    assert repo.verify_token(token + "x") is None
