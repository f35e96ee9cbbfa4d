"""The web's cache of scored seasons: each (season, revision, as of)
scored once however many requests wait for it (single flight), the current
revision asked of the repository at most once per ``revision_ttl``. "As of"
a moment is cached as the revision it resolves to."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import OrderedDict

from podium.app.repository import Repository
from podium.app.season import AsOf, ScoredSeason
from podium.app.site import SeriesSeason
from podium.errors import NotFound
from podium.model.season import Season

log = logging.getLogger("podium.web")

LIST_TTL = 30.0
"""Seconds the list of stored seasons (the site's season switcher) is kept:
a season loaded by another process shows within it, one loaded through
this process at once."""

WRITE_GRACE = 2.0
"""Seconds past the TTL a revision read may still serve while a write
through this process scores its new state (the bound on that staleness)."""


class ScoredSeasons:
    """Scored seasons by (season id, current revision, as of revision), in a small LRU.

    A season's state at a given revision never changes, so it is scored
    once and a request asks the repository only for the current revision.
    ``revision_ttl`` > 0 lets a request reuse the revision read by another
    request less than that many seconds ago: writes through this process
    show at once (``invalidate``); writes by another process show within the
    TTL. 0 asks the repository on every request.
    """

    def __init__(self, repository: Repository, size: int = 32, revision_ttl: float = 0.0) -> None:
        self.repository = repository
        self.size = size
        self.revision_ttl = revision_ttl
        self._cache: OrderedDict[tuple[str, int, int | None], ScoredSeason] = OrderedDict()
        self._revisions: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()
        self._flights: dict[tuple[str, int, int | None], threading.Lock] = {}
        self._refreshes: dict[str, threading.Lock] = {}
        self._generation = 0
        """Bumped when ``invalidate`` starts and ends."""
        self._writing: dict[str, int] = {}
        """Seasons whose write through this process is scoring its new state."""
        self.scorings = 0
        """How many times a season was scored (single flight: once per key)."""
        self._listed: tuple[tuple[SeriesSeason, ...], float] | None = None
        self._titles: dict[str, SeriesSeason] = {}
        """Each season's id, year and title as last scored or read."""

    def season_list(self) -> tuple[SeriesSeason, ...]:
        """Every stored season (id, year, title), asked of the repository at
        most once per ``LIST_TTL`` and after a write through this process.
        Titles come from the seasons already scored; one never scored is
        read once, never scored for this."""
        with self._lock:
            if self._listed is not None and time.monotonic() - self._listed[1] < LIST_TTL:
                return self._listed[0]
        found = []
        for season_id in self.repository.season_ids():
            known = self._titles.get(season_id)
            if known is None:
                known = self._remember(self.repository.season(season_id))
            found.append(known)
        listed = tuple(found)
        with self._lock:
            self._listed = (listed, time.monotonic())
        return listed

    def _remember(self, season: Season) -> SeriesSeason:
        known = SeriesSeason(season.id, season.year, season.title)
        self._titles[season.id] = known
        return known

    def revision(self, season_id: str) -> int:
        if self.revision_ttl <= 0:
            return self.repository.revision(season_id)
        seen = self._revisions.get(season_id)
        if seen is not None:
            age = time.monotonic() - seen[1]
            if age < self.revision_ttl:
                return seen[0]
            if self._writing.get(season_id) and age < self.revision_ttl + WRITE_GRACE:
                return seen[0]  # a write is scoring its state: it has not answered yet
        # Single flight here too: when the TTL runs out under load, one
        # request reads the revision and the others take its answer (40
        # threads asking at once emptied PostgreSQL's connection pool, and
        # its overflow connections were opened and closed every TTL).
        with self._lock:
            refresh = self._refreshes.setdefault(season_id, threading.Lock())
        with refresh:
            seen = self._revisions.get(season_id)
            if seen is not None and time.monotonic() - seen[1] < self.revision_ttl:
                return seen[0]
            generation = self._generation
            revision = self.repository.revision(season_id)
            with self._lock:
                # A write invalidated during the read: what was read may
                # predate it, so it is not kept (the next request reads again).
                if generation == self._generation:
                    self._revisions[season_id] = (revision, time.monotonic())
            return revision

    def invalidate(self, season_id: str) -> None:
        """After a write through this process, before it answers: score the
        season's new state here, in the writer's request, then make it the
        current one. Meanwhile (``revision_ttl`` > 0, at most ``WRITE_GRACE``
        past it) the other requests go on with the state before the write,
        which has not answered yet, instead of all waiting for the scoring;
        with a TTL of 0 they read the new revision and share the scoring
        (single flight). If the scoring fails, the write stands: the revision
        read is forgotten and the next request meets the error."""
        with self._lock:
            self._generation += 1
            self._writing[season_id] = self._writing.get(season_id, 0) + 1
            self._listed = None  # a load may add a season or change its title
        revision: int | None = None
        try:
            revision = self.repository.revision(season_id)
            self._scored(season_id, revision, None)
        except Exception:
            log.warning("scoring %s after a write failed", season_id, exc_info=True)
            revision = None
        finally:
            with self._lock:
                self._generation += 1
                left = self._writing.pop(season_id, 1) - 1
                if left > 0:
                    self._writing[season_id] = left
                seen = self._revisions.get(season_id)
                if revision is None or self.revision_ttl <= 0:
                    self._revisions.pop(season_id, None)
                elif seen is None or seen[0] <= revision:
                    self._revisions[season_id] = (revision, time.monotonic())

    def get(self, season_id: str, as_of: AsOf = None) -> ScoredSeason:
        """The season scored as of ``as_of``. A moment is resolved to the
        revision it selects (``Repository.revision_at``) and cached by that
        number: every moment between two revisions shares one entry, one
        scoring; a revision at or past the current one is the latest state.
        The answer shows the moment asked for (``ScoredSeason.asked``)."""
        if isinstance(as_of, dt.datetime) and as_of.tzinfo is None:
            as_of = as_of.replace(tzinfo=dt.UTC)
        revision = self.revision(season_id)
        read = self._resolve(season_id, as_of)
        if read is not None and read >= revision:
            read = None  # the latest state: share its cache entry
        scored = self._scored(season_id, revision, read)
        return scored.asked(as_of) if isinstance(as_of, dt.datetime) else scored

    def _resolve(self, season_id: str, as_of: AsOf) -> int | None:
        if not isinstance(as_of, dt.datetime):
            return as_of
        found = self.repository.revision_at(season_id, as_of)
        if found is None:
            raise NotFound(f"season {season_id!r} did not exist as of {as_of}")
        return found

    def _scored(self, season_id: str, revision: int, as_of: int | None) -> ScoredSeason:
        key = (season_id, revision, as_of)
        with self._lock:
            hit = self._cached(key)
            if hit is not None:
                return hit
            flight = self._flights.setdefault(key, threading.Lock())
        # Single flight: of the requests that miss together, one scores the
        # season; the others wait for it and take its answer.
        with flight:
            with self._lock:
                hit = self._cached(key)
            if hit is not None:
                return hit
            try:
                season = self.repository.season(season_id, as_of=as_of)
                scored = ScoredSeason(season, revision, as_of)
                if as_of is None:
                    self._remember(season)
                _ = scored.ledger  # score now, outside any later request
                with self._lock:
                    self._cache[key] = scored
                    while len(self._cache) > self.size:
                        self._cache.popitem(last=False)
                self.scorings += 1
            finally:
                with self._lock:
                    self._flights.pop(key, None)
        return scored

    def _cached(self, key: tuple[str, int, int | None]) -> ScoredSeason | None:
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
        return hit
