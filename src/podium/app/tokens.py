"""Write-API tokens: who may write what, and until when.

A token is a secret (``pdm_...``) of which a store keeps only the SHA-256
(``repository.hash_token``), with a name (the actor of everything it
writes), a scope, the seasons a ``write`` token may write, when it was
made, when it expires (optional) and when it was revoked. Reads are public,
so there is no read scope.

- ``admin``: every write, loading and creating seasons included.
- ``write``: results, amendments, penalties and withdrawals of the seasons
  it lists, nothing else.

An expired or revoked token grants nothing (``TokenInfo.grant_at``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from podium.app.answer import JSON, Answer
from podium.errors import InputError, NotFound, Problem

SEASON_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
"""A season id, as season.toml allows it (readers/native/season_file.py)."""
NAME_LIMIT = 200
"""api_tokens.name is a String(200)."""
EXPIRES = re.compile(r"^(\d{1,6})([hdw])$")
UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1)}


class TokenScope(StrEnum):
    ADMIN = "admin"
    """Every write: loading and creating seasons, and writing any season."""
    WRITE = "write"
    """Results, amendments, penalties and withdrawals of the seasons listed."""


class TokenState(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class TokenGrant:
    """What a valid token may do; ``name`` is recorded as the actor."""

    name: str
    scope: TokenScope
    seasons: tuple[str, ...] = ()

    def may_write(self, season_id: str | None) -> bool:
        """Whether it may write season ``season_id``; None asks for loading
        or creating a season, which only ``admin`` may."""
        if self.scope is TokenScope.ADMIN:
            return True
        return season_id is not None and season_id in self.seasons

    def describe(self) -> str:
        """``admin``, or ``write for alms-2004, imsa-2023``."""
        if self.scope is TokenScope.ADMIN:
            return "admin"
        return f"write for {', '.join(self.seasons)}"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A stored token as `podium token list` shows it: never the secret."""

    id: int
    name: str
    scope: TokenScope
    seasons: tuple[str, ...]
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None

    def state(self, at: dt.datetime) -> TokenState:
        if self.revoked_at is not None:
            return TokenState.REVOKED
        if self.expires_at is not None and self.expires_at <= at:
            return TokenState.EXPIRED
        return TokenState.ACTIVE

    def grant(self) -> TokenGrant:
        return TokenGrant(self.name, self.scope, self.seasons)

    def grant_at(self, at: dt.datetime) -> TokenGrant | None:
        """What it grants at moment ``at``: nothing once expired or revoked."""
        return self.grant() if self.state(at) is TokenState.ACTIVE else None


@dataclass(frozen=True, slots=True)
class TokenList(Answer):
    """Every stored token and its state at ``at`` (`podium token list`)."""

    at: dt.datetime
    tokens: tuple[TokenInfo, ...]

    def to_json(self) -> JSON:
        return [
            {
                "id": t.id,
                "name": t.name,
                "scope": t.scope.value,
                "seasons": list(t.seasons),
                "created": t.created_at.isoformat(),
                "expires": None if t.expires_at is None else t.expires_at.isoformat(),
                "revoked": None if t.revoked_at is None else t.revoked_at.isoformat(),
                "state": t.state(self.at).value,
            }
            for t in self.tokens
        ]


def checked_request(
    name: str, scope: TokenScope | str, seasons: Sequence[str]
) -> tuple[str, TokenScope, tuple[str, ...]]:
    """A new token's name, scope and seasons, checked: a name; ``write``
    names at least one season, ``admin`` none (it writes them all). Raises
    InputError, so a store writes nothing."""
    problems = []
    name = name.strip()
    if not name or len(name) > NAME_LIMIT or not name.isprintable():
        problems.append(
            Problem(
                "token", None, "name", "a token needs a name (the actor of what it writes)",
                expected=f"1 to {NAME_LIMIT} printable characters", found=repr(name[:50]),
            )
        )  # fmt: skip
    try:
        scope = TokenScope(scope)
    except ValueError:
        problems.append(
            Problem(
                "token", None, "scope", "unknown scope", expected="admin or write",
                found=str(scope)[:50],
            )
        )  # fmt: skip
        raise InputError(problems) from None
    wanted = tuple(dict.fromkeys(s.strip() for s in seasons))
    bad = [s for s in wanted if not SEASON_ID.match(s)]
    if bad:
        problems.append(
            Problem(
                "token", None, "season", "not a season id",
                expected="lower-case letters, digits and '-' (e.g. alms-2004)", found=bad[0][:100],
            )
        )  # fmt: skip
    if scope is TokenScope.WRITE and not wanted:
        problems.append(
            Problem(
                "token", None, "season", "a write token writes the seasons it names",
                expected="at least one season (--season ID)", found="none",
            )
        )  # fmt: skip
    if scope is TokenScope.ADMIN and wanted:
        problems.append(
            Problem(
                "token", None, "season", "an admin token writes every season: it takes no list",
                expected="--scope write to limit it to seasons", found=", ".join(wanted)[:100],
            )
        )  # fmt: skip
    if problems:
        raise InputError(problems)
    return name, scope, wanted


def as_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """An expiry as an aware UTC moment (naive: read as UTC)."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def parse_expiry(text: str, at: dt.datetime) -> dt.datetime:
    """``--expires``: a duration from ``at`` (``12h``, ``30d``, ``8w``), an
    ISO date (its midnight UTC: ``2027-01-31`` works until 2027-01-30
    23:59:59 UTC) or an ISO datetime (UTC when no zone). Raises ValueError
    unless it is after ``at``."""
    text = text.strip()
    duration = EXPIRES.match(text)
    if duration is not None:
        count, unit = int(duration.group(1)), duration.group(2)
        if count < 1:
            raise ValueError(f"{text!r} is no time at all: give at least 1{unit}")
        try:
            return at + count * UNITS[unit]
        except OverflowError:
            raise ValueError(f"{text!r} is too far ahead") from None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{text!r} is neither a duration (12h, 30d, 8w) nor an ISO date (2027-01-31)"
        ) from None
    try:
        # 9999-12-31T23:59-14:00 has no UTC moment: said, not a crash.
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    except OverflowError:
        raise ValueError(f"{text!r} is out of range: give a moment before 9999-12-31 UTC") from None
    if moment <= at:
        raise ValueError(f"{text!r} is in the past (now: {at:%Y-%m-%d %H:%M} UTC)")
    return moment


def pick_token(tokens: Sequence[TokenInfo], id_or_name: str) -> TokenInfo:
    """The token ``podium token revoke ID_OR_NAME`` means: the one with that
    id (digits), else the one not revoked with that name; a name that only
    revoked tokens have is the latest of them (revoking again changes
    nothing). Raises NotFound, or InputError when a name is ambiguous."""
    wanted = id_or_name.strip()
    if wanted.isascii() and wanted.isdigit():
        by_id = [t for t in tokens if t.id == int(wanted)]
        if by_id:
            return by_id[0]
    named = [t for t in tokens if t.name == wanted]
    live = [t for t in named if t.revoked_at is None]
    if len(live) > 1:
        raise InputError(
            Problem(
                "token", None, "name", f"{len(live)} tokens are named {wanted!r}",
                expected="one of their ids (podium token list)",
                found=", ".join(str(t.id) for t in live),
            )
        )  # fmt: skip
    if live or named:
        return (live or named)[-1]
    known = ", ".join(f"{t.id} {t.name!r}" for t in tokens[:10]) or "no token is stored"
    raise NotFound(
        Problem(
            "token", None, "id or name", "no such token",
            expected=f"an id or name of `podium token list` ({known})", found=wanted[:100],
        )
    )  # fmt: skip
