"""SqlRepository: the Repository contract on SQLAlchemy (SQLite or PostgreSQL).

Every write is one transaction: a load that fails half way writes nothing.
Every change bumps the season's revision and leaves a ``season_revisions``
row (who, when, why). Reads pick, for revision R, the newest edition at or
before R, the latest result version of each round at or before R, and the
penalties and adjustments up to R, in a fixed number of queries (one per
table, see reader.py) whatever the season's size.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from podium.app.publication import dated_steps
from podium.app.repository import (
    LoadReport,
    ResultVersion,
    VersionPage,
    check_withdrawal,
    decisions_to_store,
    now,
    refuse_invalid,
)
from podium.app.season import AsOf
from podium.app.season_merge import adjustments_to_store, dropped_decision_numbers, reinstated
from podium.errors import NotFound
from podium.model.calendar import RoundStatus
from podium.model.lap_checks import laps_to_store
from podium.model.laps import Lap
from podium.model.results import Penalty, PointsAdjustment, ResultLine
from podium.model.season import Season
from podium.store import mappers
from podium.store.idempotency import SqlIdempotencyKeys
from podium.store.lap_store import replace_laps, select_laps
from podium.store.models import (
    EditionRow,
    PenaltyWithdrawalRow,
    ResultLineRow,
    ResultVersionRow,
    RevisionRow,
    RoundRow,
    SeasonRow,
    SeriesRow,
)
from podium.store.reader import EditionRows, read_edition, read_history
from podium.store.tokens import SqlTokens


class SqlRepository(SqlIdempotencyKeys, SqlTokens):
    """Seasons in a SQL database; see podium.app.repository.Repository for the contract."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        postgres = engine.dialect.name == "postgresql"
        # A season is read in several queries: they must see one snapshot.
        reader = engine.execution_options(isolation_level="REPEATABLE READ") if postgres else engine
        writer = engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        self._read = sessionmaker(reader, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # -- reads -------------------------------------------------------------

    def season_ids(self) -> list[str]:
        with self._read() as session:
            return list(session.scalars(select(SeasonRow.id).order_by(SeasonRow.id)))

    def revision(self, season_id: str) -> int:
        with self._read() as session:
            return _season_row(session, season_id).revision

    def season(self, season_id: str, as_of: AsOf = None) -> Season:
        with self._read() as session, session.begin():
            revision = _resolve(session, season_id, as_of)
            edition = read_edition(session, season_id, revision)
            if edition is None:
                raise NotFound(f"season {season_id!r} did not exist as of {as_of}")
            return _assemble(session, edition, season_id, revision)

    def result_versions(
        self, season_id: str, round_number: int, limit: int | None = None, offset: int = 0
    ) -> list[ResultVersion]:
        with self._read() as session, session.begin():
            _season_row(session, season_id)
            rows = session.scalars(
                select(ResultVersionRow)
                .where(
                    ResultVersionRow.season_id == season_id, ResultVersionRow.round == round_number
                )
                .order_by(ResultVersionRow.version)
                .limit(limit)
                .offset(offset or None)
                .options(selectinload(ResultVersionRow.lines))
            )
            return [mappers.to_result_version(row) for row in rows]

    def version_page(
        self,
        season_id: str,
        round_number: int,
        limit: int | None,
        offset: int = 0,
        as_of: AsOf = None,
        newest_first: bool = False,
    ) -> VersionPage:
        """A COUNT and one SELECT of the page (each version's lines counted
        by the ``result_lines.version_id`` index, none read); the season is
        looked up only when the round has no version."""
        shown = [ResultVersionRow.season_id == season_id, ResultVersionRow.round == round_number]
        if isinstance(as_of, dt.datetime):
            moment = as_of if as_of.tzinfo else as_of.replace(tzinfo=dt.UTC)
            shown.append(ResultVersionRow.created_at <= moment)
        elif as_of is not None:
            shown.append(ResultVersionRow.revision <= as_of)
        with self._read() as session, session.begin():
            total = session.scalar(select(func.count()).select_from(ResultVersionRow).where(*shown))
            if not total:
                _season_row(session, season_id)
                return VersionPage(0, ())
            if limit == 0:
                return VersionPage(total, ())
            line_count = (
                select(func.count())
                .where(ResultLineRow.version_id == ResultVersionRow.id)
                .correlate(ResultVersionRow)
                .scalar_subquery()
            )
            order = ResultVersionRow.version.desc() if newest_first else ResultVersionRow.version
            rows = session.execute(
                select(ResultVersionRow, line_count)
                .where(*shown)
                .order_by(order)
                .limit(limit)
                .offset(offset or None)
            )
            return VersionPage(
                total, tuple(mappers.to_version_summary(row, lines) for row, lines in rows)
            )

    def revision_at(self, season_id: str, when: dt.datetime) -> int | None:
        with self._read() as session, session.begin():
            found = _revision_at(session, season_id, when)
            if found is None:
                _season_row(session, season_id)  # NotFound for an unknown season
            return found

    def revision_time(self, season_id: str, revision: int) -> dt.datetime | None:
        with self._read() as session, session.begin():
            found = session.scalar(
                select(RevisionRow.created_at).where(
                    RevisionRow.season_id == season_id, RevisionRow.revision == revision
                )
            )
            if found is None:
                _season_row(session, season_id)  # NotFound for an unknown season
            return found

    def laps(self, season_id: str, round_number: int, session: str | None = None) -> list[Lap]:
        with self._read() as db, db.begin():
            found = select_laps(db, season_id, round_number, session)
            if not found:  # none stored: is there such a season and round?
                _season_row(db, season_id)
                _round_exists(db, season_id, round_number)
            return found

    # -- writes ------------------------------------------------------------

    def load_season(
        self,
        season: Season,
        actor: str,
        reason: str = "season load",
        replace: bool = False,
        dated: bool = False,
    ) -> LoadReport:
        refuse_invalid(season)
        with self._write() as session, session.begin():
            row = _season_row(session, season.id, lock=True, create=True)
            start = row.revision
            if dated and start == 0:
                return _load_dated(session, row, season, actor, reason)
            if replace:  # before the new edition: a removed round still exists
                _clear_rounds_lacking(session, row, season, actor, reason)
            edition = read_edition(session, season.id, row.revision)
            base = mappers.base_of(season)
            if edition is None or mappers.to_season(edition, season.id, None) != base:
                revision = _bump(session, row, actor, reason, "load")
                series = _series(session, season)
                session.add(mappers.edition_row(base, season.id, revision, series))
                session.flush()
            # What the season holds besides its base data: compare, add what differs.
            history = read_history(session, season.id, row.revision)
            held = {
                v.round: tuple(mappers.to_result_line(line) for line in history.lines.get(v.id, ()))
                for v in history.versions
            }
            penalties = list(mappers.to_penalties(history))
            adjustments = [mappers.to_adjustment(a) for a in history.adjustments]
            changed_rounds = []
            for rnd in season.rounds:
                new = season.results_of(rnd.number)
                if new and new != held.get(rnd.number, ()):
                    _post(session, row, rnd.number, new, rnd.status, actor, reason)
                    changed_rounds.append(rnd.number)
            for add, withdraw in decisions_to_store(penalties, season.penalties):
                if add is not None:
                    revision = _bump(session, row, actor, reason, "penalty")
                    session.add(mappers.penalty_row(season.id, revision, add))
                if withdraw is not None:
                    number, why = withdraw
                    revision = _bump(session, row, actor, why, "withdrawal")
                    session.add(_withdrawal_row(season.id, revision, number, why))
            for adjustment in adjustments_to_store(adjustments, season.adjustments, replace):
                revision = _bump(session, row, actor, adjustment.reason, "adjustment")
                session.add(mappers.adjustment_row(season.id, revision, adjustment))
            if replace:
                for again in reinstated(penalties, season.penalties):
                    revision = _bump(session, row, actor, reason, "penalty")
                    session.add(mappers.penalty_row(season.id, revision, again))
                    penalties.append(again)
                why = f"{reason}: not in the season loaded (replace)"
                for number in dropped_decision_numbers(penalties, season.penalties):
                    revision = _bump(session, row, actor, why, "withdrawal")
                    session.add(_withdrawal_row(season.id, revision, number, why))
            return LoadReport(season.id, row.revision, row.revision != start, tuple(changed_rounds))

    def post_results(
        self,
        season_id: str,
        round_number: int,
        lines: Sequence[ResultLine],
        status: RoundStatus,
        actor: str,
        reason: str,
    ) -> ResultVersion:
        with self._write() as session, session.begin():
            row = _season_row(session, season_id, lock=True)
            return _post(session, row, round_number, lines, status, actor, reason)

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int:
        with self._write() as session, session.begin():
            row = _season_row(session, season_id, lock=True)
            revision = _bump(session, row, actor, penalty.reason, "penalty")
            session.add(mappers.penalty_row(season_id, revision, penalty))
            return revision

    def withdraw_penalty(self, season_id: str, number: int, reason: str, actor: str) -> int:
        with self._write() as session, session.begin():
            row = _season_row(session, season_id, lock=True)
            held = mappers.to_penalties(read_history(session, season_id, row.revision))
            check_withdrawal(season_id, held, number)
            revision = _bump(session, row, actor, reason, "withdrawal")
            session.add(_withdrawal_row(season_id, revision, number, reason))
            return revision

    def add_adjustment(self, season_id: str, adjustment: PointsAdjustment, actor: str) -> int:
        with self._write() as session, session.begin():
            row = _season_row(session, season_id, lock=True)
            revision = _bump(session, row, actor, adjustment.reason, "adjustment")
            session.add(mappers.adjustment_row(season_id, revision, adjustment))
            return revision

    def put_laps(
        self,
        season_id: str,
        round_number: int,
        session: str,
        laps: Sequence[Lap],
        actor: str,
        reason: str,
    ) -> bool:
        with self._write() as db, db.begin():
            row = _season_row(db, season_id, lock=True)
            edition = read_edition(db, season_id, row.revision)
            if edition is None:
                raise NotFound(f"no season {season_id!r}")
            wanted = laps_to_store(
                mappers.to_season(edition, season_id, None), round_number, session, laps
            )
            if tuple(select_laps(db, season_id, round_number, session)) == wanted:
                return False
            _bump(db, row, actor, reason, "laps")
            replace_laps(db, season_id, round_number, session, wanted)
            return True


# -- helpers (all take the caller's session: one transaction per public call) --


def _withdrawal_row(
    season_id: str, revision: int, number: int, reason: str
) -> PenaltyWithdrawalRow:
    return PenaltyWithdrawalRow(
        season_id=season_id, revision=revision, penalty_number=number, reason=reason
    )


def _season_row(
    session: Session, season_id: str, lock: bool = False, create: bool = False
) -> SeasonRow:
    query = select(SeasonRow).where(SeasonRow.id == season_id)
    row = session.scalar(query.with_for_update() if lock else query)
    if row is not None:
        return row
    if create:
        row = SeasonRow(id=season_id, revision=0, created_at=now())
        session.add(row)
        session.flush()
        return row
    stored = ", ".join(session.scalars(select(SeasonRow.id).order_by(SeasonRow.id)))
    raise NotFound(f"no season {season_id!r} (stored: {stored})")


def _resolve(session: Session, season_id: str, as_of: AsOf) -> int:
    """The revision to read: the latest, the one given, or the last at a moment."""
    latest = _season_row(session, season_id).revision
    if as_of is None:
        return latest
    if isinstance(as_of, int):
        return as_of
    found = _revision_at(session, season_id, as_of)
    return 0 if found is None else found


def _revision_at(session: Session, season_id: str, when: dt.datetime) -> int | None:
    """The last revision made at or before ``when`` (naive: UTC), None before
    the first: one SELECT over the season's ``season_revisions`` rows, found
    by their primary key (season_id, revision)."""
    moment = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return session.scalar(
        select(func.max(RevisionRow.revision)).where(
            RevisionRow.season_id == season_id, RevisionRow.created_at <= moment
        )
    )


def _assemble(session: Session, edition: EditionRows, season_id: str, revision: int) -> Season:
    return mappers.to_season(edition, season_id, read_history(session, season_id, revision))


def _bump(
    session: Session,
    row: SeasonRow,
    actor: str,
    reason: str,
    kind: str,
    at: dt.datetime | None = None,
) -> int:
    row.revision += 1
    session.add(
        RevisionRow(
            season_id=row.id,
            revision=row.revision,
            created_at=at or now(),
            actor=actor,
            reason=reason,
            kind=kind,
        )
    )
    return row.revision


def _series(session: Session, season: Season) -> SeriesRow:
    series = season.series
    row = session.scalar(
        select(SeriesRow).where(
            SeriesRow.name == series.name,
            SeriesRow.short_name == series.short_name,
            SeriesRow.sanctioning_body == series.sanctioning_body,
        )
    )
    if row is None:
        row = SeriesRow(
            name=series.name,
            short_name=series.short_name,
            sanctioning_body=series.sanctioning_body,
        )
        session.add(row)
    return row


def _load_dated(
    session: Session, row: SeasonRow, season: Season, actor: str, reason: str
) -> LoadReport:
    """A new season written step by step as it was published (app.publication)."""
    rounds = []
    for step in dated_steps(season, now()):
        if step.kind == "base":
            revision = _bump(session, row, actor, reason, "load", step.at)
            edition = mappers.edition_row(
                mappers.base_of(season), season.id, revision, _series(session, season)
            )
            session.add(edition)
            session.flush()
        elif step.kind == "results":
            lines = season.results_of(step.round)
            status = season.round(step.round).status
            _post(session, row, step.round, lines, status, actor, reason, step.at)
            rounds.append(step.round)
        elif step.kind == "penalty" and step.penalty is not None:
            revision = _bump(session, row, actor, reason, "penalty", step.at)
            plain = dataclasses.replace(step.penalty, withdrawn="")
            session.add(mappers.penalty_row(season.id, revision, plain))
        elif step.kind == "withdrawal" and step.penalty is not None:
            why = step.penalty.withdrawn
            revision = _bump(session, row, actor, why, "withdrawal", step.at)
            session.add(_withdrawal_row(season.id, revision, step.number, why))
        elif step.adjustment is not None:
            revision = _bump(session, row, actor, step.adjustment.reason, "adjustment", step.at)
            session.add(mappers.adjustment_row(season.id, revision, step.adjustment))
    return LoadReport(season.id, row.revision, True, tuple(sorted(rounds)))


def _clear_rounds_lacking(
    session: Session, row: SeasonRow, season: Season, actor: str, reason: str
) -> None:
    """An empty result version for each round whose stored results the
    season being loaded lacks (``replace``): the old version stays on record."""
    history = read_history(session, row.id, row.revision)
    latest = {v.round: v for v in history.versions}  # versions come oldest first
    present = {line.round for line in season.results}
    why = f"{reason}: not in the season loaded (replace)"
    for number, version in sorted(latest.items()):
        if number not in present and history.lines.get(version.id):
            _post(session, row, number, (), RoundStatus.AMENDED, actor, why)


def _round_exists(session: Session, season_id: str, round_number: int) -> None:
    """NotFound unless the season's newest edition has round ``round_number``."""
    newest = select(func.max(EditionRow.revision)).where(EditionRow.season_id == season_id)
    held = session.scalar(
        select(func.count())
        .select_from(RoundRow)
        .join(EditionRow, RoundRow.edition_id == EditionRow.id)
        .where(
            EditionRow.season_id == season_id,
            EditionRow.revision == newest.scalar_subquery(),
            RoundRow.number == round_number,
        )
    )
    if not held:
        raise NotFound(f"no round {round_number} in season {season_id!r}")


def _post(
    session: Session,
    row: SeasonRow,
    round_number: int,
    lines: Sequence[ResultLine],
    status: RoundStatus,
    actor: str,
    reason: str,
    at: dt.datetime | None = None,
) -> ResultVersion:
    _round_exists(session, row.id, round_number)
    previous = session.scalar(
        select(func.max(ResultVersionRow.version)).where(
            ResultVersionRow.season_id == row.id, ResultVersionRow.round == round_number
        )
    )
    at = at or now()  # the version and its revision share one moment, for as_of=datetime
    revision = _bump(session, row, actor, reason, "results", at)
    version = ResultVersionRow(
        season_id=row.id,
        round=round_number,
        version=(previous or 0) + 1,
        revision=revision,
        status=status.value,
        created_at=at,
        actor=actor,
        reason=reason,
        lines=mappers.result_line_rows(lines),
    )
    session.add(version)
    session.flush()
    return mappers.to_result_version(version)
