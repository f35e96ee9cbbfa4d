"""The repository contract. Every implementation runs these tests (the SQL
store adds itself to ``REPOSITORIES``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from fractions import Fraction

import pytest

from podium.app.repository import MemoryRepository, Repository
from podium.app.season import ScoredSeason
from podium.errors import InputError, NotFound
from podium.model import Penalty, PenaltyKind, PointsAdjustment, RoundStatus, Status
from podium.model.lap_checks import sorted_laps
from podium.model.laps import Lap
from podium.model.season import Season
from tests.laps.sample import sample_laps
from tests.store.databases import postgres_repository, sqlite_repository

REPOSITORIES: dict[str, Callable[[], Repository]] = {
    "memory": MemoryRepository,
    "sqlite": sqlite_repository,
    "postgresql": postgres_repository,
}


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
    latest = ScoredSeason(repo.season("alms-2004")).standings("teams", "GT")
    earlier = ScoredSeason(repo.season("alms-2004", as_of=before)).standings("teams", "GT")
    assert earlier.row("Alex Job Racing").total == 184  # type: ignore[union-attr]
    # Without #24's win, Alex Job scores #23's 2nd place: 19 instead of 23.
    assert latest.row("Alex Job Racing").total == 180  # type: ignore[union-attr]
    assert repo.season("alms-2004").round(9).status is RoundStatus.AMENDED


def test_tokens_are_verified_by_hash(repo: Repository) -> None:
    """Scopes, expiry and revocation: tests/store/test_tokens.py."""
    token = repo.create_token("results desk")
    grant = repo.verify_token(token)
    assert grant is not None and grant.name == "results desk"
    assert repo.verify_token(token + "x") is None


def test_a_load_with_an_unknown_class_is_refused_and_writes_nothing(
    repo: Repository, alms: Season
) -> None:
    entries = (dataclasses.replace(alms.entries[0], class_code="LMP3"), *alms.entries[1:])
    with pytest.raises(InputError) as refused:
        repo.load_season(dataclasses.replace(alms, entries=entries), actor="test")
    problem = refused.value.problems[0]
    assert (problem.field, problem.found) == ("class", "LMP3")
    assert "LMP1" in problem.expected
    assert repo.season_ids() == []


def test_posting_to_an_unknown_round_or_season_is_refused(repo: Repository, alms: Season) -> None:
    repo.load_season(alms, actor="test")
    revision = repo.revision("alms-2004")
    with pytest.raises(NotFound):
        repo.post_results("alms-2004", 99, (), RoundStatus.OFFICIAL, "desk", "typo")
    with pytest.raises(NotFound):
        repo.season("alms-1999")
    assert repo.revision("alms-2004") == revision
    assert repo.result_versions("alms-2004", 99) == []


def test_as_of_a_moment_and_before_the_first_load(repo: Repository, alms: Season) -> None:
    repo.load_season(alms, actor="test")
    loaded = repo.result_versions("alms-2004", 9)[-1].created_at
    dsq = tuple(
        dataclasses.replace(line, status=Status.DISQUALIFIED, class_pos=None)
        if line.entry == "24"
        else line
        for line in alms.results_of(9)
    )
    amended = repo.post_results("alms-2004", 9, dsq, RoundStatus.AMENDED, "stewards", "DSQ")
    assert amended.created_at > loaded and amended.created_at.tzinfo is not None
    assert repo.season("alms-2004", as_of=loaded).results_of(9) == alms.results_of(9)
    assert repo.season("alms-2004", as_of=amended.created_at).results_of(9) == dsq
    assert repo.season("alms-2004", as_of=loaded).round(9).status is alms.round(9).status
    with pytest.raises(NotFound):
        repo.season("alms-2004", as_of=loaded - dt.timedelta(days=1))


def test_penalties_and_adjustments_are_revisions(repo: Repository, alms: Season) -> None:
    repo.load_season(alms, actor="test")
    before = repo.revision("alms-2004")
    adjustment = PointsAdjustment("teams", "GT", "Alex Job Racing", Fraction(-5, 2), "fine")
    penalty = Penalty(9, "24", PenaltyKind.TIME, "jump start", value="10s")
    assert repo.add_adjustment("alms-2004", adjustment, "stewards") == before + 1
    assert repo.add_penalty("alms-2004", penalty, "stewards") == before + 2
    now_ = repo.season("alms-2004")
    assert now_.adjustments == (adjustment,)
    assert now_.penalties == (*alms.penalties, penalty)
    assert repo.season("alms-2004", as_of=before + 1).penalties == alms.penalties
    assert repo.season("alms-2004", as_of=before).adjustments == ()
    # Loading the original file again adds nothing and removes nothing.
    assert not repo.load_season(alms, actor="test").changed


def test_laps_are_stored_apart_from_the_season(repo: Repository, alms: Season) -> None:
    repo.load_season(alms, actor="test")
    laps = sample_laps(alms)
    assert repo.laps("alms-2004", 9) == []
    before = repo.revision("alms-2004")
    assert repo.put_laps("alms-2004", 9, "race", laps, "timing desk", "import r9")
    assert repo.revision("alms-2004") == before + 1
    assert repo.laps("alms-2004", 9) == list(sorted_laps(laps))
    assert repo.laps("alms-2004", 9, "race") == list(sorted_laps(laps))
    assert repo.laps("alms-2004", 9, "sprint") == []
    assert repo.season("alms-2004") == alms  # scoring never sees laps
    # The same laps again, in any order: nothing changes.
    assert not repo.put_laps("alms-2004", 9, "race", laps[::-1], "timing desk", "again")
    assert repo.revision("alms-2004") == before + 1
    # Another session of the round is kept beside the race, listed after it.
    sprint = [dataclasses.replace(lap, session="sprint") for lap in laps[:10]]
    assert repo.put_laps("alms-2004", 9, "sprint", sprint, "timing desk", "sprint")
    assert [lap.session for lap in repo.laps("alms-2004", 9)] == ["race"] * len(laps) + [
        "sprint"
    ] * 10
    # Putting laps replaces the session's laps; none removes them.
    assert repo.put_laps("alms-2004", 9, "race", laps[:5], "timing desk", "fewer")
    assert repo.laps("alms-2004", 9, "race") == list(sorted_laps(laps[:5]))
    assert repo.put_laps("alms-2004", 9, "sprint", [], "timing desk", "withdrawn")
    assert repo.laps("alms-2004", 9, "sprint") == []
    assert repo.revision("alms-2004") == before + 4


def test_bad_laps_are_refused_and_write_nothing(repo: Repository, alms: Season) -> None:
    repo.load_season(alms, actor="test")
    before = repo.revision("alms-2004")
    lap = Lap(9, "race", "16", 1, 81_000, 1, 81_000)
    for laps, field in (
        ([dataclasses.replace(lap, entry="99")], "entry"),
        ([lap, dataclasses.replace(lap, session="sprint")], "session"),
        ([lap, lap], "lap"),
        ([dataclasses.replace(lap, driver="Nobody")], "driver"),
        ([dataclasses.replace(lap, time_ms=0)], "time"),
    ):
        with pytest.raises(InputError) as refused:
            repo.put_laps("alms-2004", 9, "race", laps, "desk", "bad")
        assert refused.value.problems[0].field == field
    with pytest.raises(NotFound):
        repo.put_laps("alms-2004", 99, "race", [], "desk", "no such round")
    with pytest.raises(NotFound):
        repo.laps("alms-2004", 99)
    with pytest.raises(NotFound):
        repo.laps("alms-1999", 9)
    assert repo.revision("alms-2004") == before
    assert repo.laps("alms-2004", 9) == []
