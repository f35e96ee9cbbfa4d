"""SqlRepository: the Repository contract on SQLAlchemy (SQLite or PostgreSQL).

Every write is one transaction: a load that fails half way writes nothing.
Every change bumps the season's revision and leaves a ``season_revisions``
row (who, when, why). Reads pick, for revision R, the newest edition at or
before R, the latest result version of each round at or before R, and the
penalties and adjustments up to R, in a fixed number of queries (one per
table, see reader.py) whatever the season's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from podium.app.repository import (
    ResultVersion,
    RoundPost,
    VersionPage,
    check_withdrawal,
)
from podium.app.season import AsOf
from podium.errors import NotFound
from podium.model.calendar import RoundStatus
from podium.model.lap_checks import laps_to_store
from podium.model.laps import Lap
from podium.model.results import Penalty, PointsAdjustment, ResultLine
from podium.model.season import Season
from podium.store import mappers
from podium.store.idempotency import SqlIdempotencyKeys
from podium.store.lap_store import replace_laps, select_laps
from podium.store.loads import SqlLoads
from podium.store.models import (
    ResultLineRow,
    ResultVersionRow,
    RevisionRow,
    SeasonRow,
)
from podium.store.reader import EditionRows, read_edition, read_history
from podium.store.tokens import SqlTokens
from podium.store.writes import bump, round_exists, season_row, withdrawal_row
from podium.store.writes import post as post_version


class SqlRepository(SqlIdempotencyKeys, SqlTokens, SqlLoads):
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
            return season_row(session, season_id).revision

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
            season_row(session, season_id)
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
                season_row(session, season_id)
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
                season_row(session, season_id)  # NotFound for an unknown season
            return found

    def revision_time(self, season_id: str, revision: int) -> dt.datetime | None:
        with self._read() as session, session.begin():
            found = session.scalar(
                select(RevisionRow.created_at).where(
                    RevisionRow.season_id == season_id, RevisionRow.revision == revision
                )
            )
            if found is None:
                season_row(session, season_id)  # NotFound for an unknown season
            return found

    def laps(self, season_id: str, round_number: int, session: str | None = None) -> list[Lap]:
        with self._read() as db, db.begin():
            found = select_laps(db, season_id, round_number, session)
            if not found:  # none stored: is there such a season and round?
                season_row(db, season_id)
                round_exists(db, season_id, round_number)
            return found

    # -- writes ------------------------------------------------------------

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
            row = season_row(session, season_id, lock=True)
            return post_version(session, row, round_number, lines, status, actor, reason)

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int:
        with self._write() as session, session.begin():
            row = season_row(session, season_id, lock=True)
            revision = bump(session, row, actor, penalty.reason, "penalty")
            session.add(mappers.penalty_row(season_id, revision, penalty))
            return revision

    def withdraw_penalty(self, season_id: str, number: int, reason: str, actor: str) -> int:
        with self._write() as session, session.begin():
            row = season_row(session, season_id, lock=True)
            held = mappers.to_penalties(read_history(session, season_id, row.revision))
            check_withdrawal(season_id, held, number)
            revision = bump(session, row, actor, reason, "withdrawal")
            session.add(withdrawal_row(season_id, revision, number, reason))
            return revision

    def add_adjustment(self, season_id: str, adjustment: PointsAdjustment, actor: str) -> int:
        with self._write() as session, session.begin():
            row = season_row(session, season_id, lock=True)
            revision = bump(session, row, actor, adjustment.reason, "adjustment")
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
            row = season_row(db, season_id, lock=True)
            return _put_laps(db, row, round_number, session, laps, actor, reason)

    def post_round(self, season_id: str, post: RoundPost, actor: str, reason: str) -> bool:
        with self._write() as db, db.begin():
            row = season_row(db, season_id, lock=True)
            changed = False
            if post.lines is not None:
                post_version(db, row, post.round, post.lines, post.status, actor, reason)
                changed = True
            for penalty in post.penalties:
                revision = bump(db, row, actor, penalty.reason, "penalty")
                db.add(mappers.penalty_row(season_id, revision, penalty))
                changed = True
            if post.laps is not None:
                laps = _put_laps(db, row, post.round, post.session, post.laps, actor, reason)
                changed = laps or changed
            return changed


def _put_laps(
    db: Session,
    row: SeasonRow,
    round_number: int,
    session: str,
    laps: Sequence[Lap],
    actor: str,
    reason: str,
) -> bool:
    edition = read_edition(db, row.id, row.revision)
    if edition is None:
        raise NotFound(f"no season {row.id!r}")
    wanted = laps_to_store(mappers.to_season(edition, row.id, None), round_number, session, laps)
    if tuple(select_laps(db, row.id, round_number, session)) == wanted:
        return False
    bump(db, row, actor, reason, "laps")
    replace_laps(db, row.id, round_number, session, wanted)
    return True


# -- helpers (all take the caller's session: one transaction per public call) --


def _resolve(session: Session, season_id: str, as_of: AsOf) -> int:
    """The revision to read: the latest, the one given, or the last at a moment."""
    latest = season_row(session, season_id).revision
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
