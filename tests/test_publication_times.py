"""A season loaded after the fact answers "as of a date" as it was published
then (issue 12: `as_of=2004-10-17T12:00:00Z` found nothing, revision times
were load times). Dates come from the calendar (season.toml); the rule is in
app.publication: a round's results are out by the end of its race day
anywhere on Earth, a day later for a race over 12 hours."""

from __future__ import annotations

import datetime as dt

import pytest

from podium.app.publication import published_at
from podium.app.repository import Repository
from podium.errors import NotFound
from podium.model.season import Season
from tests.test_repository_contract import REPOSITORIES

ID = "alms-2004"


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.fixture(params=sorted(REPOSITORIES))
def repo(request: pytest.FixtureRequest, alms: Season) -> Repository:
    repository = REPOSITORIES[request.param]()
    repository.load_season(alms, actor="test", dated=True)
    return repository


def test_the_published_moments_follow_the_calendar(alms: Season) -> None:
    when = published_at(alms, utc("2026-01-01T00:00:00"))
    # Sebring 12 Hours, 20 March 2004 (seed schedule): not over 12 hours, so out
    # by the end of 20 March anywhere on Earth: 21 March 11:59:59 UTC.
    assert when[1] == utc("2004-03-21T11:59:59")
    # Laguna Seca, 16 October 2004.
    assert when[9] == utc("2004-10-17T11:59:59")
    # Never after the load: a race of today is published now at the latest.
    assert published_at(alms, utc("2004-10-16T20:00:00"))[9] == utc("2004-10-16T20:00:00")


def test_as_of_a_date_answers_as_published_then(repo: Repository, alms: Season) -> None:
    final = repo.revision(ID)
    # The documented example (docs/web.md): the morning after Laguna Seca.
    assert repo.revision_at(ID, utc("2004-10-17T12:00:00")) == final
    assert repo.season(ID, as_of=utc("2004-10-17T12:00:00")) == alms
    # The eve of the finale: eight rounds of results, no round 9, no decision of round 9.
    before = repo.season(ID, as_of=utc("2004-10-15T12:00:00"))
    assert {line.round for line in before.results} == set(range(1, 9))
    assert before.penalties == ()
    # Between Sebring (20 March) and Mid-Ohio (27 June): Sebring only.
    spring = repo.season(ID, as_of=utc("2004-05-01T00:00:00"))
    assert {line.round for line in spring.results} == {1}
    # On Sebring's race day the entry list is out, no result yet.
    morning = repo.season(ID, as_of=utc("2004-03-20T08:00:00"))
    assert morning.results == () and morning.entries == alms.entries
    with pytest.raises(NotFound):
        repo.season(ID, as_of=utc("2004-03-19T12:00:00"))


def test_a_change_after_the_load_is_dated_now(repo: Repository, alms: Season) -> None:
    revision = repo.withdraw_penalty(ID, 1, "appeal upheld", "stewards")
    assert repo.revision_at(ID, dt.datetime.now(dt.UTC)) == revision
    assert repo.season(ID, as_of=utc("2004-10-17T12:00:00")).penalties[0].stands
