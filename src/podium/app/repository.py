"""Where seasons live between requests: the contract every store meets.

The application layer, the API and the importers talk to a
:class:`Repository`; ``podium.store`` implements it on SQLAlchemy (SQLite or
PostgreSQL) and ``podium.app.memory.MemoryRepository`` in memory (tests,
serving a season folder). Both pass the same contract tests.
:class:`ScoredSeasons` keeps seasons scored per revision for the server.

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
from dataclasses import dataclass, replace
from typing import Protocol

from podium.app.answer import JSON, Answer
from podium.app.idempotency import (
    LEASE,
    Claim,
    KeyClaim,
    KeyedRequest,
    StoredResponse,
)
from podium.app.season import AsOf
from podium.app.tokens import (
    TokenGrant,
    TokenInfo,
    TokenScope,
)
from podium.errors import InputError, Problem, Severity
from podium.model.calendar import RoundStatus
from podium.model.checks import check_season
from podium.model.laps import Lap
from podium.model.results import Penalty, PointsAdjustment, ResultLine
from podium.model.season import Season
from podium.scoring.stewards import decision_problems


def visible(as_of: AsOf, revision: int, at: dt.datetime) -> bool:
    """Whether a change made at season ``revision``, at moment ``at``, is
    part of the season "as of" a revision or a moment (the one rule of
    "as of"; the SQL store states it as the same two comparisons)."""
    if as_of is None:
        return True
    if isinstance(as_of, dt.datetime):
        return at <= as_of
    return revision <= as_of


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

    @property
    def summary(self) -> VersionSummary:
        """This version without its lines (how many it has)."""
        return VersionSummary(
            self.season_id,
            self.round,
            self.version,
            self.revision,
            self.status,
            self.created_at,
            self.actor,
            self.reason,
            len(self.lines),
        )


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """A version of a round's results without its lines: who, when, why,
    and how many lines it has (what the round page lists)."""

    season_id: str
    round: int
    version: int
    revision: int
    status: RoundStatus
    created_at: dt.datetime
    actor: str
    reason: str
    line_count: int


@dataclass(frozen=True, slots=True)
class VersionPage:
    """A page of a round's result versions, without their lines."""

    total: int
    """How many versions the round has (as of the moment asked), on every page."""
    versions: tuple[VersionSummary, ...]


def version_slice(
    versions: Sequence[ResultVersion], limit: int | None, offset: int, newest_first: bool = False
) -> list[ResultVersion]:
    """The page of ``versions`` (oldest first) a store hands out: ``limit``
    (None: every one) from ``offset``, counted from the newest when asked."""
    ordered = list(reversed(versions)) if newest_first else list(versions)
    return ordered[offset:] if limit is None else ordered[offset : offset + limit]


@dataclass(frozen=True, slots=True)
class LoadReport(Answer):
    season_id: str
    revision: int
    changed: bool
    """False when the same season was already stored (loads are idempotent)."""
    rounds_changed: tuple[int, ...] = ()

    def to_json(self) -> JSON:
        return {
            "season": self.season_id,
            "revision": self.revision,
            "changed": self.changed,
            "rounds_changed": list(self.rounds_changed),
        }


@dataclass(frozen=True, slots=True)
class RoundPost:
    """What an import writes to one round, at once (``Repository.post_round``)."""

    round: int
    status: RoundStatus
    lines: tuple[ResultLine, ...] | None = None
    """The round's new classification; None: its results stay as they are."""
    penalties: tuple[Penalty, ...] = ()
    session: str = "race"
    laps: tuple[Lap, ...] | None = None
    """The session's laps; None: the laps stay as they are."""


class Repository(Protocol):
    def season_ids(self) -> list[str]: ...

    def season(self, season_id: str, as_of: AsOf = None) -> Season: ...

    def revision(self, season_id: str) -> int: ...

    def load_season(
        self,
        season: Season,
        actor: str,
        reason: str = "season load",
        replace: bool = False,
        dated: bool = False,
    ) -> LoadReport:
        """Load or update a season (idempotent). Raises InputError, writing
        nothing, when the season does not pass podium.model.checks. With
        ``replace`` the stored season becomes ``season``: results of rounds it
        lacks get an empty version, standing decisions it lacks are withdrawn,
        adjustments it lacks reversed (app.season_load); otherwise what it
        lacks is kept. With ``dated``, a season not stored yet is written in
        the order its data was published, each change dated then
        (app.publication), so "as of" a date answers as published then."""
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

    def post_round(self, season_id: str, post: RoundPost, actor: str, reason: str) -> bool:
        """What an import writes to one round (a new result version, its
        decisions, a session's laps) in one transaction: all or nothing.
        False when nothing was written."""
        ...

    def result_versions(
        self, season_id: str, round_number: int, limit: int | None = None, offset: int = 0
    ) -> list[ResultVersion]:
        """The versions of a round with their lines, oldest first: every one,
        or ``limit`` of them from ``offset`` (0: version 1). [] for a round
        without results; NotFound for an unknown season."""
        ...

    def version_page(
        self,
        season_id: str,
        round_number: int,
        limit: int | None,
        offset: int = 0,
        as_of: AsOf = None,
        newest_first: bool = False,
    ) -> VersionPage:
        """A page of a round's versions without their lines (no line is
        read), with how many there are: those visible ``as_of`` (the rule of
        ``visible``), oldest first or ``newest_first``; ``limit`` None: every
        one, 0: only the total. NotFound for an unknown season."""
        ...

    def revision_at(self, season_id: str, when: dt.datetime) -> int | None:
        """The season's revision at a moment: the last made at or before
        ``when`` (naive: UTC); None when the season did not exist yet.
        ``season(id, as_of=when)`` is ``season(id, as_of=revision_at(id, when))``.
        NotFound for an unknown season."""
        ...

    def revision_time(self, season_id: str, revision: int) -> dt.datetime | None:
        """When the season's revision ``revision`` was made (UTC), None when
        it has no such revision: the web's ``Last-Modified``. NotFound for an
        unknown season."""
        ...

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int: ...

    def withdraw_penalty(self, season_id: str, number: int, reason: str, actor: str) -> int:
        """Withdraw decision ``number`` (1 = the season's first), e.g. on
        appeal: it stays on record and changes nothing from then on."""
        ...

    def add_adjustment(self, season_id: str, adjustment: PointsAdjustment, actor: str) -> int: ...

    def laps(self, season_id: str, round_number: int, session: str | None = None) -> list[Lap]:
        """The laps of a round (of one session, or of all its sessions), in
        ``sorted_laps`` order; [] when none are stored. Laps are not part of the
        season: scoring never reads them, and they are not versioned (no "as of")."""
        ...

    def put_laps(
        self,
        season_id: str,
        round_number: int,
        session: str,
        laps: Sequence[Lap],
        actor: str,
        reason: str,
    ) -> bool:
        """Replace the laps of one session of a round (a change is a revision);
        False, writing nothing, when it holds exactly these. Raises InputError,
        writing nothing, when a lap is of another round or session or does not
        pass ``check_laps`` against the season."""
        ...

    def create_token(
        self,
        name: str,
        scope: TokenScope = TokenScope.ADMIN,
        seasons: Sequence[str] = (),
        expires_at: dt.datetime | None = None,
    ) -> str:
        """A new token, returned once (only its hash is kept). ``write``
        names its seasons, ``admin`` none (``tokens.checked_request``: an
        InputError, writing nothing, otherwise)."""
        ...

    def find_token(self, token: str) -> TokenInfo | None:
        """The stored token with this secret, whatever its state (None when
        unknown): what the write gate asks, to say why it refuses one."""
        ...

    def verify_token(self, token: str) -> TokenGrant | None:
        """What the token may do; None when it is unknown, revoked or expired."""
        ...

    def list_tokens(self) -> list[TokenInfo]:
        """Every token, revoked and expired ones included, oldest first."""
        ...

    def revoke_token(self, id_or_name: str) -> TokenInfo:
        """Revoke a token (by id, or by name: ``tokens.pick_token``); revoking
        a revoked token changes nothing. NotFound when there is none."""
        ...

    def claim_idempotency_key(self, request: KeyedRequest, lease: dt.timedelta = LEASE) -> Claim:
        """Claim ``request.key`` for ``request`` (podium.app.idempotency), at
        once: of two requests with one key, one claims it. A key held
        already answers as ``idempotency.settle`` says (the answer kept, a
        conflict, or the key taken over from a holder that died before
        writing); keys older than ``idempotency.KEEP`` are forgotten."""
        ...

    def renew_idempotency_key(self, held: KeyClaim) -> bool:
        """The holder is alive (its lease starts again); False when the
        key is no longer its own."""
        ...

    def finish_idempotency_key(self, held: KeyClaim, response: StoredResponse) -> bool:
        """Keep the answer of the key's request, for its repeats."""
        ...

    def release_idempotency_key(self, held: KeyClaim) -> bool:
        """Give the key up without an answer (a 5xx, a crash): forgotten
        (True) when its request wrote nothing, else kept as written, so
        that a repeat is refused rather than run twice (False)."""
        ...


def hash_token(token: str) -> str:
    """Tokens are stored hashed; a token is 32 random bytes, so plain SHA-256 suffices."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return "pdm_" + secrets.token_urlsafe(32)


def refuse_invalid(season: Season) -> None:
    """Loads refuse a season with errors (e.g. an entry in an unknown class, a
    stewards' decision that cannot be applied), before writing anything."""
    errors = [p for p in check_season(season) if p.severity is Severity.ERROR]
    errors = errors or [p for _, p in decision_problems(season)]
    if errors:
        raise InputError(errors)


def check_withdrawal(season_id: str, held: Sequence[Penalty], number: int) -> None:
    """Refuse to withdraw a decision that does not exist or is withdrawn already."""
    if not 1 <= number <= len(held):
        raise InputError(
            Problem(
                season_id,
                None,
                "decision",
                "no such stewards' decision",
                expected=f"1 to {len(held)}" if held else "a season with decisions",
                found=str(number),
            )
        )
    if held[number - 1].withdrawn:
        raise InputError(
            Problem(
                season_id,
                None,
                "decision",
                f"decision {number} is withdrawn already ({held[number - 1].withdrawn})",
                expected="a standing decision",
                found=str(number),
            )
        )


def decisions_to_store(
    held: list[Penalty], wanted: Sequence[Penalty]
) -> list[tuple[Penalty | None, tuple[int, str] | None]]:
    """What a load adds to the decisions a store holds (``held``, changed in
    place): each wanted decision not held yet (compared without its
    withdrawal), and a withdrawal (number, why) for each wanted withdrawn
    decision the store still has standing. Decisions are never removed."""
    used: set[int] = set()
    out: list[tuple[Penalty | None, tuple[int, str] | None]] = []
    for penalty in wanted:
        plain = replace(penalty, withdrawn="")
        at = next(
            (i for i, h in enumerate(held) if i not in used and replace(h, withdrawn="") == plain),
            None,
        )
        add = None
        if at is None:
            held.append(plain)
            at, add = len(held) - 1, plain
        used.add(at)
        withdraw = None
        if penalty.withdrawn and not held[at].withdrawn:
            held[at] = penalty
            withdraw = (at + 1, penalty.withdrawn)
        if add is not None or withdraw is not None:
            out.append((add, withdraw))
    return out


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
