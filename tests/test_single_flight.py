"""The web's scored seasons: of the requests that miss the cache together,
one scores the season and the others take its answer (issue 14)."""

from __future__ import annotations

import threading
import time
from typing import Any

from podium.app.memory import MemoryRepository
from podium.app.scored_seasons import ScoredSeasons
from podium.datasets import builtin_season_path
from podium.model import Season
from podium.readers.native import load_season


class Slow(MemoryRepository):
    """A repository whose season reads take a while and are counted."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def season(self, season_id: str, as_of: Any = None) -> Season:
        self.reads += 1
        time.sleep(0.2)
        return super().season(season_id, as_of)


def test_ten_requests_after_a_write_score_the_season_once() -> None:
    repository = Slow()
    repository.load_season(load_season(builtin_season_path()), actor="tests")
    repository.reads = 0  # the load compares with what it held
    seasons = ScoredSeasons(repository)
    answers = []
    start = threading.Barrier(10)

    def ask() -> None:
        start.wait()
        answers.append(seasons.get("alms-2004"))

    threads = [threading.Thread(target=ask) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 10
    assert repository.reads == 1 and seasons.scorings == 1
    assert all(a is answers[0] for a in answers)


def test_a_failed_scoring_lets_the_next_request_try_again() -> None:
    repository = Slow()
    seasons = ScoredSeasons(repository)
    for _ in range(2):
        try:
            seasons.get("no-such-season")
        except Exception as exc:  # the repository's own NotFound
            assert "no-such-season" in str(exc)
    assert seasons.scorings == 0
