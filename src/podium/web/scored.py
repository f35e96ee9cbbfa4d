"""Scored seasons, cached per (season id, revision, as of).

Scoring a season takes milliseconds; serving a standings table must take
less. A season's state at a given revision never changes, so the scored
season (ledger, tables and their views) is kept per key and a request asks
the repository only for the current revision. Old keys fall out of a small
LRU.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import cached_property
from typing import Any

from podium.render.tabular import Tabular
from podium.repository import AsOf, Repository
from podium.scoring import StandingsTable
from podium.service import Championships


class Scored:
    """A season as of one revision, scored once, with memoized answers."""

    def __init__(self, champs: Championships, revision: int, as_of: AsOf = None) -> None:
        self.champs = champs
        self.revision = revision
        self.as_of = as_of
        self._memo: dict[tuple[object, ...], Any] = {}
        self._lock = threading.Lock()

    @property
    def season(self):  # type: ignore[no-untyped-def]
        return self.champs.season

    def memo(self, key: tuple[object, ...], build: Callable[[], Any]) -> Any:
        try:
            return self._memo[key]
        except KeyError:
            pass
        value = build()
        with self._lock:
            self._memo.setdefault(key, value)
        return self._memo[key]

    def standings(self, championship: str, class_code: str, after: int | None) -> StandingsTable:
        return self.memo(  # type: ignore[no-any-return]
            ("standings", championship, class_code.casefold(), after),
            lambda: self.champs.standings(championship, class_code, after),
        )

    def standings_view(self, championship: str, class_code: str, after: int | None) -> Tabular:
        from podium.render.views import standings_view

        return self.memo(  # type: ignore[no-any-return]
            ("standings_view", championship, class_code.casefold(), after),
            lambda: standings_view(self.champs, self.standings(championship, class_code, after)),
        )

    @cached_property
    def winners(self):  # type: ignore[no-untyped-def]
        return self.champs.winners()


class ScoredSeasons:
    """Scored seasons by (season id, current revision, as of).

    ``revision_ttl`` > 0 lets a request reuse the revision read by another
    request less than that many seconds ago: writes through this app
    invalidate it at once (``invalidate``); writes by another process show
    within the TTL. 0 asks the repository on every request.
    """

    def __init__(self, repository: Repository, size: int = 32, revision_ttl: float = 0.0) -> None:
        self.repository = repository
        self.size = size
        self.revision_ttl = revision_ttl
        self._cache: OrderedDict[tuple[str, int, AsOf], Scored] = OrderedDict()
        self._revisions: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def revision(self, season_id: str) -> int:
        if self.revision_ttl > 0:
            seen = self._revisions.get(season_id)
            if seen is not None and time.monotonic() - seen[1] < self.revision_ttl:
                return seen[0]
        revision = self.repository.revision(season_id)
        if self.revision_ttl > 0:
            self._revisions[season_id] = (revision, time.monotonic())
        return revision

    def invalidate(self, season_id: str) -> None:
        """Forget the revision read for a season (after a write through this app)."""
        self._revisions.pop(season_id, None)

    def get(self, season_id: str, as_of: AsOf = None) -> Scored:
        revision = self.revision(season_id)
        if isinstance(as_of, int) and as_of >= revision:
            as_of = None  # the latest state: share its cache entry
        if isinstance(as_of, dt.datetime) and as_of.tzinfo is None:
            as_of = as_of.replace(tzinfo=dt.UTC)
        key = (season_id, revision, as_of)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        season = self.repository.season(season_id, as_of=as_of)
        champs = Championships(season)
        _ = champs.ledger  # score now, outside any later request
        scored = Scored(champs, revision, as_of)
        with self._lock:
            self._cache[key] = scored
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return scored
