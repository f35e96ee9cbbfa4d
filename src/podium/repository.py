"""Where seasons live between requests: the contract every store meets.

The service layer, the API and the importers talk to a :class:`Repository`;
``store/`` implements it on SQLAlchemy (SQLite or PostgreSQL) and
:class:`MemoryRepository` implements it in memory (tests, file-backed runs).
Both pass the same contract tests.

Results are versioned: posting a round's results again (an amendment after a
protest, a DSQ, a reinstatement) keeps the earlier version, with who changed
it, when and why. Every change bumps the season's ``revision``; a season can
be read "as of" a revision or a moment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from podium.errors import InputError, NotFound, Severity
from podium.model.calendar import RoundStatus
from podium.model.checks import check_season
from podium.model.results import Penalty, PointsAdjustment, ResultLine
from podium.model.season import Season

AsOf = int | dt.datetime | None
"""A season revision number, a moment (UTC), or None for the latest."""


@dataclass(frozen=True, slots=True)
class ResultVersion:
    season_id: str
    round: int
    version: int
    revision: int
    """The season revision this version created."""
    status: RoundStatus
    created_at: dt.datetime
    actor: str
    reason: str
    lines: tuple[ResultLine, ...]


@dataclass(frozen=True, slots=True)
class LoadReport:
    season_id: str
    revision: int
    changed: bool
    """False when the same season was already stored (loads are idempotent)."""
    rounds_changed: tuple[int, ...] = ()


class Repository(Protocol):
    def season_ids(self) -> list[str]: ...

    def season(self, season_id: str, as_of: AsOf = None) -> Season: ...

    def revision(self, season_id: str) -> int: ...

    def load_season(self, season: Season, actor: str, reason: str = "season load") -> LoadReport:
        """Load or update a season (idempotent). Raises InputError, writing
        nothing, when the season does not pass podium.model.checks."""
        ...

    def post_results(
        self,
        season_id: str,
        round_number: int,
        lines: Sequence[ResultLine],
        status: RoundStatus,
        actor: str,
        reason: str,
    ) -> ResultVersion: ...

    def result_versions(self, season_id: str, round_number: int) -> list[ResultVersion]: ...

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int: ...

    def add_adjustment(self, season_id: str, adjustment: PointsAdjustment, actor: str) -> int: ...

    def create_token(self, name: str) -> str: ...

    def verify_token(self, token: str) -> str | None: ...


def hash_token(token: str) -> str:
    """Tokens are stored hashed; a token is 32 random bytes, so plain SHA-256 suffices."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return "pdm_" + secrets.token_urlsafe(32)


def refuse_invalid(season: Season) -> None:
    """Loads refuse a season with errors (e.g. an entry in an unknown class),
    before writing anything."""
    errors = [p for p in check_season(season) if p.severity is Severity.ERROR]
    if errors:
        raise InputError(errors)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class _Stored:
    base: Season
    """The season as loaded, without results, penalties and adjustments."""
    versions: list[ResultVersion] = field(default_factory=list)
    penalties: list[tuple[int, dt.datetime, Penalty]] = field(default_factory=list)
    adjustments: list[tuple[int, dt.datetime, PointsAdjustment]] = field(default_factory=list)
    loads: list[tuple[int, dt.datetime, Season]] = field(default_factory=list)
    revision: int = 0


class MemoryRepository:
    """The repository contract in memory (tests; serving a season folder)."""

    def __init__(self) -> None:
        self._seasons: dict[str, _Stored] = {}
        self._tokens: dict[str, str] = {}

    def _stored(self, season_id: str) -> _Stored:
        try:
            return self._seasons[season_id]
        except KeyError:
            raise NotFound(
                f"no season {season_id!r} (stored: {', '.join(self._seasons)})"
            ) from None

    def season_ids(self) -> list[str]:
        return sorted(self._seasons)

    def revision(self, season_id: str) -> int:
        return self._stored(season_id).revision

    def season(self, season_id: str, as_of: AsOf = None) -> Season:
        stored = self._stored(season_id)

        def visible(revision: int, at: dt.datetime) -> bool:
            if as_of is None:
                return True
            if isinstance(as_of, dt.datetime):
                return at <= as_of
            return revision <= as_of

        bases = [s for r, at, s in stored.loads if visible(r, at)]
        if not bases:
            raise NotFound(f"season {season_id!r} did not exist as of {as_of}")
        latest: dict[int, ResultVersion] = {}
        for version in stored.versions:
            if visible(version.revision, version.created_at):
                latest[version.round] = version
        lines = tuple(
            line for v in sorted(latest.values(), key=lambda v: v.round) for line in v.lines
        )
        rounds = tuple(
            replace(r, status=latest[r.number].status) if r.number in latest else r
            for r in bases[-1].rounds
        )
        return replace(
            bases[-1],
            rounds=rounds,
            results=lines,
            penalties=tuple(p for r, at, p in stored.penalties if visible(r, at)),
            adjustments=tuple(a for r, at, a in stored.adjustments if visible(r, at)),
        )

    def load_season(self, season: Season, actor: str, reason: str = "season load") -> LoadReport:
        refuse_invalid(season)
        base = replace(season, results=(), penalties=(), adjustments=())
        stored = self._seasons.get(season.id)
        if stored is None:
            stored = self._seasons[season.id] = _Stored(base)
        start = stored.revision
        changed_base = not stored.loads or stored.loads[-1][2] != base
        if changed_base:
            stored.revision += 1
            stored.loads.append((stored.revision, now(), base))
        changed_rounds = []
        current = self.season(season.id)
        for rnd in season.rounds:
            new = tuple(r for r in season.results if r.round == rnd.number)
            old = tuple(r for r in current.results if r.round == rnd.number)
            if new and new != old:
                self.post_results(season.id, rnd.number, new, rnd.status, actor, reason)
                changed_rounds.append(rnd.number)
        for penalty in season.penalties:
            if penalty not in current.penalties:
                self.add_penalty(season.id, penalty, actor)
        for adjustment in season.adjustments:
            if adjustment not in current.adjustments:
                self.add_adjustment(season.id, adjustment, actor)
        return LoadReport(
            season.id, stored.revision, stored.revision != start, tuple(changed_rounds)
        )

    def post_results(
        self,
        season_id: str,
        round_number: int,
        lines: Sequence[ResultLine],
        status: RoundStatus,
        actor: str,
        reason: str,
    ) -> ResultVersion:
        stored = self._stored(season_id)
        stored.base.round(round_number)
        stored.revision += 1
        number = 1 + sum(1 for v in stored.versions if v.round == round_number)
        version = ResultVersion(
            season_id,
            round_number,
            number,
            stored.revision,
            status,
            now(),
            actor,
            reason,
            tuple(lines),
        )
        stored.versions.append(version)
        return version

    def result_versions(self, season_id: str, round_number: int) -> list[ResultVersion]:
        return [v for v in self._stored(season_id).versions if v.round == round_number]

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int:
        stored = self._stored(season_id)
        stored.revision += 1
        stored.penalties.append((stored.revision, now(), penalty))
        return stored.revision

    def add_adjustment(self, season_id: str, adjustment: PointsAdjustment, actor: str) -> int:
        stored = self._stored(season_id)
        stored.revision += 1
        stored.adjustments.append((stored.revision, now(), adjustment))
        return stored.revision

    def create_token(self, name: str) -> str:
        token = new_token()
        self._tokens[hash_token(token)] = name
        return token

    def verify_token(self, token: str) -> str | None:
        return self._tokens.get(hash_token(token))
