"""The repository contract. Every implementation runs these tests (the SQL
store adds itself to ``REPOSITORIES``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from fractions import Fraction

import pytest

from podium.app.memory import MemoryRepository
from podium.app.repository import Repository, VersionPage
from podium.app.season import ScoredSeason
from podium.errors import InputError, NotFound
from podium.model import (
    Penalty,
    PenaltyKind,
    PointsAdjustment,
    ResultLine,
    RoundStatus,
    Status,
)
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


def _dsq_24(season: Season, reason: str = "post-race DSQ") -> tuple[ResultLine, ...]:
    return tuple(
        dataclasses.replace(line, status=Status.DISQUALIFIED, class_pos=None, reason=reason)
        if line.entry == "24"
        else line
        for line in season.results_of(9)
    )


def test_revision_at_a_moment(repo: Repository, alms: Season) -> None:
    """A moment resolves to the last revision made at or before it, and the
    season as of the moment is the season as of that revision."""
    with pytest.raises(NotFound):
        repo.revision_at("alms-2004", dt.datetime.now(dt.UTC))
    repo.load_season(alms, actor="test")
    loaded = repo.revision("alms-2004")
    first = repo.result_versions("alms-2004", 1)[0].created_at
    assert repo.revision_at("alms-2004", first - dt.timedelta(days=1)) is None
    time.sleep(0.002)
    between = dt.datetime.now(dt.UTC)
    time.sleep(0.002)
    amended = repo.post_results("alms-2004", 9, _dsq_24(alms), RoundStatus.AMENDED, "desk", "DSQ")
    assert repo.revision_at("alms-2004", between) == loaded
    assert repo.revision_at("alms-2004", amended.created_at) == amended.revision
    assert (
        repo.revision_at("alms-2004", amended.created_at - dt.timedelta(microseconds=1)) == loaded
    )
    # A naive moment is UTC; any zone names the same moment.
    naive = amended.created_at.astimezone(dt.UTC).replace(tzinfo=None)
    assert repo.revision_at("alms-2004", naive) == amended.revision
    paris = amended.created_at.astimezone(dt.timezone(dt.timedelta(hours=2)))
    assert repo.revision_at("alms-2004", paris) == amended.revision
    for moment in (between, amended.created_at, dt.datetime.now(dt.UTC)):
        resolved = repo.revision_at("alms-2004", moment)
        assert repo.season("alms-2004", as_of=moment) == repo.season("alms-2004", as_of=resolved)
    # Laps are not in the season, but their revision has a moment too.
    time.sleep(0.002)
    assert repo.put_laps("alms-2004", 9, "race", sample_laps(alms), "timing desk", "laps")
    latest = repo.revision("alms-2004")
    assert repo.revision_at("alms-2004", dt.datetime.now(dt.UTC)) == latest == amended.revision + 1
    with pytest.raises(NotFound):
        repo.revision_at("alms-1999", dt.datetime.now(dt.UTC))


def test_version_page_reads_a_page_without_lines(repo: Repository, alms: Season) -> None:
    repo.load_season(alms, actor="test")
    posted = [
        repo.post_results(
            "alms-2004", 9, _dsq_24(alms, f"amendment {n}"), RoundStatus.AMENDED, "desk", str(n)
        )
        for n in range(2, 7)
    ]
    every = repo.result_versions("alms-2004", 9)
    assert [v.version for v in every] == [1, 2, 3, 4, 5, 6]
    assert [v.summary for v in every] == list(repo.version_page("alms-2004", 9, None).versions)
    assert all(v.line_count == len(alms.results_of(9)) for v in (v.summary for v in every))
    page = repo.version_page("alms-2004", 9, 2, offset=1)
    assert page.total == 6 and [v.version for v in page.versions] == [2, 3]
    newest = repo.version_page("alms-2004", 9, 2, newest_first=True)
    assert newest.total == 6 and [v.version for v in newest.versions] == [6, 5]
    assert repo.version_page("alms-2004", 9, 0) == VersionPage(6, ())
    assert repo.version_page("alms-2004", 9, 10, offset=6) == VersionPage(6, ())
    # As of a revision, or a moment: the versions made by then.
    third = posted[1]
    for as_of in (third.revision, third.created_at):
        then = repo.version_page("alms-2004", 9, 10, as_of=as_of, newest_first=True)
        assert then.total == 3 and [v.version for v in then.versions] == [3, 2, 1]
    # A page of versions with their lines, oldest first.
    assert repo.result_versions("alms-2004", 9, limit=2, offset=4) == every[4:]
    assert repo.result_versions("alms-2004", 9, limit=2) == every[:2]
    assert repo.result_versions("alms-2004", 9, offset=5) == every[5:]
    # A round without results has none; an unknown season is not found.
    assert repo.version_page("alms-2004", 99, 10) == VersionPage(0, ())
    with pytest.raises(NotFound):
        repo.version_page("alms-1999", 9, 10)


def test_post_round_writes_results_decisions_and_laps_at_once(
    repo: Repository, alms: Season
) -> None:
    """What an import writes to a round is one write: a lap chart that fails
    its checks leaves the results and the decision unwritten too."""
    from podium.app.repository import RoundPost

    repo.load_season(alms, actor="test")
    before = repo.revision("alms-2004")
    lines = tuple(
        dataclasses.replace(line, reason="re-timed") if line.entry == "24" else line
        for line in alms.results_of(9)
    )
    fine = Penalty(9, "3", PenaltyKind.POINTS, "pit lane speeding", "5")
    laps = sample_laps(alms)
    stray = Lap(9, "race", "no-such-car", 1, time_ms=90_000)
    broken = RoundPost(9, RoundStatus.AMENDED, lines, (fine,), "race", (*laps, stray))
    with pytest.raises(InputError, match="no-such-car"):
        repo.post_round("alms-2004", broken, "desk", "import")
    assert repo.revision("alms-2004") == before
    assert repo.season("alms-2004") == alms and repo.laps("alms-2004", 9) == []
    post = RoundPost(9, RoundStatus.AMENDED, lines, (fine,), "race", laps)
    assert repo.post_round("alms-2004", post, "desk", "import")
    stored = repo.season("alms-2004")
    assert stored.results_of(9) == lines and stored.penalties[-1] == fine
    assert len(repo.laps("alms-2004", 9)) == len(laps)
    assert repo.revision("alms-2004") == before + 3  # results, decision, laps
    again = RoundPost(9, RoundStatus.AMENDED, None, (), "race", laps)
    assert not repo.post_round("alms-2004", again, "desk", "import")  # laps held already
