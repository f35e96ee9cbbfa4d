"""The repository contract in memory (``MemoryRepository``): tests, and
``podium serve --season FOLDER``. It passes the same contract tests as the
SQL store (``podium.store``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from podium.app.idempotency import LEASE, Claim, KeyClaim, KeyedRequest, KeyTable, StoredResponse
from podium.app.publication import dated_steps
from podium.app.repository import (
    LoadReport,
    ResultVersion,
    RoundPost,
    VersionPage,
    check_withdrawal,
    decisions_to_store,
    hash_token,
    new_token,
    now,
    refuse_invalid,
    version_slice,
    visible,
)
from podium.app.season import AsOf
from podium.app.season_merge import adjustments_to_store, dropped_decision_numbers, reinstated
from podium.app.tokens import TokenGrant, TokenInfo, TokenScope, as_utc, checked_request, pick_token
from podium.errors import NotFound
from podium.model.calendar import RoundStatus
from podium.model.lap_checks import laps_to_store, sorted_laps
from podium.model.laps import Lap
from podium.model.results import Penalty, PointsAdjustment, ResultLine
from podium.model.season import Season


@dataclass
class _Stored:
    base: Season
    """The season as loaded, without results, penalties and adjustments."""
    versions: list[ResultVersion] = field(default_factory=list)
    penalties: list[tuple[int, dt.datetime, Penalty]] = field(default_factory=list)
    withdrawals: list[tuple[int, dt.datetime, int, str]] = field(default_factory=list)
    adjustments: list[tuple[int, dt.datetime, PointsAdjustment]] = field(default_factory=list)
    loads: list[tuple[int, dt.datetime, Season]] = field(default_factory=list)
    laps: dict[tuple[int, str], tuple[Lap, ...]] = field(default_factory=dict)
    """(round, session) -> its laps, in ``sorted_laps`` order."""
    lap_changes: list[tuple[int, dt.datetime]] = field(default_factory=list)
    """The revisions ``put_laps`` made, with when (laps are not in the season,
    but their revisions have a moment as every other)."""
    revision: int = 0


class MemoryRepository:
    """The repository contract in memory (tests; serving a season folder)."""

    def __init__(self) -> None:
        self._seasons: dict[str, _Stored] = {}
        self._tokens: dict[str, TokenInfo] = {}
        """hash -> the token."""
        self._idempotency = KeyTable()

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
        bases = [s for r, at, s in stored.loads if visible(as_of, r, at)]
        if not bases:
            raise NotFound(f"season {season_id!r} did not exist as of {as_of}")
        latest: dict[int, ResultVersion] = {}
        for version in stored.versions:
            if visible(as_of, version.revision, version.created_at):
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
            penalties=_withdrawn(
                [p for r, at, p in stored.penalties if visible(as_of, r, at)],
                [(n, why) for r, at, n, why in stored.withdrawals if visible(as_of, r, at)],
            ),
            adjustments=tuple(a for r, at, a in stored.adjustments if visible(as_of, r, at)),
        )

    def load_season(
        self,
        season: Season,
        actor: str,
        reason: str = "season load",
        replace: bool = False,
        dated: bool = False,
    ) -> LoadReport:
        refuse_invalid(season)
        base = dataclasses.replace(season, results=(), penalties=(), adjustments=())
        stored = self._seasons.get(season.id)
        if stored is None:
            stored = self._seasons[season.id] = _Stored(base)
            if dated:
                return _load_dated(stored, season, base, actor, reason)
        start = stored.revision
        why = f"{reason}: not in the season loaded (replace)"
        if replace and stored.loads:  # before the new base: a removed round still exists
            present = {line.round for line in season.results}
            for number in sorted({line.round for line in self.season(season.id).results}):
                if number not in present:
                    self.post_results(season.id, number, (), RoundStatus.AMENDED, actor, why)
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
        for add, withdraw in decisions_to_store(list(current.penalties), season.penalties):
            if add is not None:
                self.add_penalty(season.id, add, actor)
            if withdraw is not None:
                self.withdraw_penalty(season.id, withdraw[0], withdraw[1], actor)
        for adjustment in adjustments_to_store(current.adjustments, season.adjustments, replace):
            self.add_adjustment(season.id, adjustment, actor)
        if replace:
            for again in reinstated(self.season(season.id).penalties, season.penalties):
                self.add_penalty(season.id, again, actor)
            held = self.season(season.id).penalties
            for number in dropped_decision_numbers(held, season.penalties):
                self.withdraw_penalty(season.id, number, why, actor)
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

    def result_versions(
        self, season_id: str, round_number: int, limit: int | None = None, offset: int = 0
    ) -> list[ResultVersion]:
        held = [v for v in self._stored(season_id).versions if v.round == round_number]
        return version_slice(held, limit, offset)

    def version_page(
        self,
        season_id: str,
        round_number: int,
        limit: int | None,
        offset: int = 0,
        as_of: AsOf = None,
        newest_first: bool = False,
    ) -> VersionPage:
        held = [
            v
            for v in self._stored(season_id).versions
            if v.round == round_number and visible(as_of, v.revision, v.created_at)
        ]
        page = version_slice(held, limit, offset, newest_first)
        return VersionPage(len(held), tuple(v.summary for v in page))

    def revision_at(self, season_id: str, when: dt.datetime) -> int | None:
        stored = self._stored(season_id)
        moment = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
        changes = _changes(stored)
        return max((r for r, at in changes if at <= moment), default=None)

    def revision_time(self, season_id: str, revision: int) -> dt.datetime | None:
        stored = self._stored(season_id)
        changes = _changes(stored)
        return max((at for r, at in changes if r == revision), default=None)

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int:
        stored = self._stored(season_id)
        stored.revision += 1
        stored.penalties.append((stored.revision, now(), penalty))
        return stored.revision

    def withdraw_penalty(self, season_id: str, number: int, reason: str, actor: str) -> int:
        check_withdrawal(season_id, self.season(season_id).penalties, number)
        stored = self._stored(season_id)
        stored.revision += 1
        stored.withdrawals.append((stored.revision, now(), number, reason))
        return stored.revision

    def add_adjustment(self, season_id: str, adjustment: PointsAdjustment, actor: str) -> int:
        stored = self._stored(season_id)
        stored.revision += 1
        stored.adjustments.append((stored.revision, now(), adjustment))
        return stored.revision

    def laps(self, season_id: str, round_number: int, session: str | None = None) -> list[Lap]:
        stored = self._stored(season_id)
        stored.loads[-1][2].round(round_number)
        held = [laps for (n, s), laps in stored.laps.items() if n == round_number]
        found = [lap for laps in held for lap in laps if session is None or lap.session == session]
        return list(sorted_laps(found))

    def post_round(self, season_id: str, post: RoundPost, actor: str, reason: str) -> bool:
        stored = self._stored(season_id)
        if post.laps is not None:  # checked before anything is written: all or nothing
            laps_to_store(stored.loads[-1][2], post.round, post.session, post.laps)
        stored.base.round(post.round)
        changed = False
        if post.lines is not None:
            self.post_results(season_id, post.round, post.lines, post.status, actor, reason)
            changed = True
        for penalty in post.penalties:
            self.add_penalty(season_id, penalty, actor)
            changed = True
        if post.laps is not None:
            laps = self.put_laps(season_id, post.round, post.session, post.laps, actor, reason)
            changed = laps or changed
        return changed

    def put_laps(
        self,
        season_id: str,
        round_number: int,
        session: str,
        laps: Sequence[Lap],
        actor: str,
        reason: str,
    ) -> bool:
        stored = self._stored(season_id)
        wanted = laps_to_store(stored.loads[-1][2], round_number, session, laps)
        if stored.laps.get((round_number, session), ()) == wanted:
            return False
        stored.revision += 1
        stored.lap_changes.append((stored.revision, now()))
        if wanted:
            stored.laps[round_number, session] = wanted
        else:
            stored.laps.pop((round_number, session), None)
        return True

    def create_token(
        self,
        name: str,
        scope: TokenScope = TokenScope.ADMIN,
        seasons: Sequence[str] = (),
        expires_at: dt.datetime | None = None,
    ) -> str:
        name, scope, wanted = checked_request(name, scope, seasons)
        token = new_token()
        expires = as_utc(expires_at)
        info = TokenInfo(len(self._tokens) + 1, name, scope, wanted, now(), expires, None)
        self._tokens[hash_token(token)] = info
        return token

    def find_token(self, token: str) -> TokenInfo | None:
        return self._tokens.get(hash_token(token))

    def verify_token(self, token: str) -> TokenGrant | None:
        info = self.find_token(token)
        return None if info is None else info.grant_at(now())

    def list_tokens(self) -> list[TokenInfo]:
        return sorted(self._tokens.values(), key=lambda t: t.id)

    def revoke_token(self, id_or_name: str) -> TokenInfo:
        info = pick_token(self.list_tokens(), id_or_name)
        if info.revoked_at is not None:
            return info
        revoked = replace(info, revoked_at=now())
        key = next(k for k, t in self._tokens.items() if t.id == info.id)
        self._tokens[key] = revoked
        return revoked

    def claim_idempotency_key(self, request: KeyedRequest, lease: dt.timedelta = LEASE) -> Claim:
        return self._idempotency.claim(request, now(), lease)

    def renew_idempotency_key(self, held: KeyClaim) -> bool:
        return self._idempotency.renew(held, now())

    def finish_idempotency_key(self, held: KeyClaim, response: StoredResponse) -> bool:
        return self._idempotency.finish(held, response)

    def release_idempotency_key(self, held: KeyClaim) -> bool:
        return self._idempotency.release(held)


def _withdrawn(penalties: list[Penalty], withdrawals: list[tuple[int, str]]) -> tuple[Penalty, ...]:
    for number, why in withdrawals:
        if 1 <= number <= len(penalties):
            penalties[number - 1] = replace(penalties[number - 1], withdrawn=why)
    return tuple(penalties)


def _load_dated(
    stored: _Stored, season: Season, base: Season, actor: str, reason: str
) -> LoadReport:
    """A new season written step by step as it was published (app.publication)."""
    rounds = []
    for step in dated_steps(season, now()):
        stored.revision += 1
        if step.kind == "base":
            stored.loads.append((stored.revision, step.at, base))
        elif step.kind == "results":
            version = ResultVersion(
                season.id,
                step.round,
                1,
                stored.revision,
                season.round(step.round).status,
                step.at,
                actor,
                reason,
                season.results_of(step.round),
            )
            stored.versions.append(version)
            rounds.append(step.round)
        elif step.kind == "penalty" and step.penalty is not None:
            plain = dataclasses.replace(step.penalty, withdrawn="")
            stored.penalties.append((stored.revision, step.at, plain))
        elif step.kind == "withdrawal" and step.penalty is not None:
            why = step.penalty.withdrawn
            stored.withdrawals.append((stored.revision, step.at, step.number, why))
        elif step.adjustment is not None:
            stored.adjustments.append((stored.revision, step.at, step.adjustment))
    return LoadReport(season.id, stored.revision, True, tuple(sorted(rounds)))


def _changes(stored: _Stored) -> list[tuple[int, dt.datetime]]:
    """Every revision of a stored season with when it was made."""
    return [
        *((r, at) for r, at, _ in stored.loads),
        *((v.revision, v.created_at) for v in stored.versions),
        *((r, at) for r, at, _ in stored.penalties),
        *((r, at) for r, at, _, _ in stored.withdrawals),
        *((r, at) for r, at, _ in stored.adjustments),
        *stored.lap_changes,
    ]
