""" "As of" a moment is cached as the revision it resolves to: any two moments
between the same two revisions share one cache entry and one scoring (a
request with a new fraction of a second costs no scoring), and answer
exactly as the revision number does; the pages still show the moment asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from typing import Any

import pytest

from podium.app.memory import MemoryRepository
from podium.app.scored_seasons import ScoredSeasons
from podium.app.site import season_info
from podium.app.standings import standings_page
from podium.errors import NotFound
from podium.model import RoundStatus, Season, Status


class Counted(MemoryRepository):
    def __init__(self) -> None:
        super().__init__()
        self.reads: list[Any] = []

    def season(self, season_id: str, as_of: Any = None) -> Season:
        self.reads.append(as_of)
        return super().season(season_id, as_of)


def tick() -> dt.datetime:
    time.sleep(0.002)
    moment = dt.datetime.now(dt.UTC)
    time.sleep(0.002)
    return moment


@pytest.fixture
def history(alms: Season) -> tuple[Counted, int, list[dt.datetime], int]:
    """A season loaded at revision ``loaded``, two moments after it, then an
    amendment (revision ``loaded + 1``)."""
    repository = Counted()
    repository.load_season(alms, actor="tests")
    loaded = repository.revision("alms-2004")
    moments = [tick(), tick()]
    dsq = tuple(
        dataclasses.replace(line, status=Status.DISQUALIFIED, class_pos=None)
        if line.entry == "24"
        else line
        for line in alms.results_of(9)
    )
    repository.post_results("alms-2004", 9, dsq, RoundStatus.AMENDED, "stewards", "DSQ")
    repository.reads.clear()
    return repository, loaded, moments, loaded + 1


def test_two_moments_between_two_revisions_score_the_season_once(
    history: tuple[Counted, int, list[dt.datetime], int],
) -> None:
    repository, loaded, (first, second), _ = history
    seasons = ScoredSeasons(repository)
    a = seasons.get("alms-2004", first)
    b = seasons.get("alms-2004", second + dt.timedelta(microseconds=123))
    by_number = seasons.get("alms-2004", loaded)
    assert seasons.scorings == 1 and repository.reads == [loaded]
    assert a.ledger is b.ledger is by_number.ledger
    # Each answer shows what was asked; the state read is the revision's.
    assert a.as_of == first and b.as_of == second + dt.timedelta(microseconds=123)
    assert by_number.as_of == loaded
    assert a.read_as_of == b.read_as_of == by_number.read_as_of == loaded
    assert season_info(a).as_of == first and season_info(by_number).as_of == loaded
    # A naive moment is UTC: the same entry.
    naive = seasons.get("alms-2004", first.replace(tzinfo=None))
    assert naive.as_of == first and seasons.scorings == 1


def test_a_moment_answers_as_its_revision_does(
    history: tuple[Counted, int, list[dt.datetime], int],
) -> None:
    repository, loaded, (first, _), _ = history
    seasons = ScoredSeasons(repository)
    moment = seasons.get("alms-2004", first)
    number = seasons.get("alms-2004", loaded)
    earlier = repository.season("alms-2004", as_of=first)
    assert moment.printed == number.printed == earlier
    # Memoised pages are shared, each still showing its own "as of".
    by_moment = standings_page(moment, "teams", "GT", None)
    by_number = standings_page(number, "teams", "GT", None)
    assert by_moment.report is by_number.report
    assert by_moment.season.as_of == first and by_number.season.as_of == loaded
    assert by_moment.to_json()["rows"] == by_number.to_json()["rows"]  # type: ignore[index]
    assert standings_page(moment, "teams", "GT", None).season.as_of == first


def test_a_moment_at_or_after_the_current_revision_is_the_latest_state(
    history: tuple[Counted, int, list[dt.datetime], int],
) -> None:
    repository, _, _, current = history
    seasons = ScoredSeasons(repository)
    latest = seasons.get("alms-2004")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=3650)
    future = seasons.get("alms-2004", later)
    again = seasons.get("alms-2004", later + dt.timedelta(seconds=1.5))
    assert seasons.scorings == 1 and repository.reads == [None]
    assert future.ledger is latest.ledger is again.ledger
    assert future.read_as_of is None and future.revision == current
    assert future.as_of == later and latest.as_of is None  # the page says what was asked


def test_a_moment_before_the_season_existed_is_not_found(
    history: tuple[Counted, int, list[dt.datetime], int],
) -> None:
    repository, _, _, _ = history
    seasons = ScoredSeasons(repository)
    with pytest.raises(NotFound, match="did not exist as of 2001"):
        seasons.get("alms-2004", dt.datetime(2001, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(NotFound):
        seasons.get("alms-1999", dt.datetime(2001, 1, 1, tzinfo=dt.UTC))
    assert seasons.scorings == 0 and repository.reads == []
