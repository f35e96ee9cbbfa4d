"""Loading a whole season into the SQL store (``SqlRepository`` mixes it
in): one transaction; a new edition when the base data changed, a result
version per changed round, decisions and adjustments added; ``replace``
removes on record what the season lacks; ``dated`` writes a new season in
the order it was published (app.publication)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from podium.app.publication import dated_steps
from podium.app.repository import LoadReport, decisions_to_store, now, refuse_invalid
from podium.app.season_merge import adjustments_to_store, dropped_decision_numbers, reinstated
from podium.model.calendar import RoundStatus
from podium.model.season import Season
from podium.store import mappers
from podium.store.models import SeasonRow
from podium.store.reader import read_edition, read_history
from podium.store.writes import bump, post, season_row, series_row, withdrawal_row


class SqlLoads:
    _write: sessionmaker[Session]

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
            row = season_row(session, season.id, lock=True, create=True)
            start = row.revision
            if dated and start == 0:
                return _load_dated(session, row, season, actor, reason)
            if replace:  # before the new edition: a removed round still exists
                _clear_rounds_lacking(session, row, season, actor, reason)
            edition = read_edition(session, season.id, row.revision)
            base = mappers.base_of(season)
            if edition is None or mappers.to_season(edition, season.id, None) != base:
                revision = bump(session, row, actor, reason, "load")
                series = series_row(session, season)
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
                    post(session, row, rnd.number, new, rnd.status, actor, reason)
                    changed_rounds.append(rnd.number)
            for add, withdraw in decisions_to_store(penalties, season.penalties):
                if add is not None:
                    revision = bump(session, row, actor, reason, "penalty")
                    session.add(mappers.penalty_row(season.id, revision, add))
                if withdraw is not None:
                    number, why = withdraw
                    revision = bump(session, row, actor, why, "withdrawal")
                    session.add(withdrawal_row(season.id, revision, number, why))
            for adjustment in adjustments_to_store(adjustments, season.adjustments, replace):
                revision = bump(session, row, actor, adjustment.reason, "adjustment")
                session.add(mappers.adjustment_row(season.id, revision, adjustment))
            if replace:
                for again in reinstated(penalties, season.penalties):
                    revision = bump(session, row, actor, reason, "penalty")
                    session.add(mappers.penalty_row(season.id, revision, again))
                    penalties.append(again)
                why = f"{reason}: not in the season loaded (replace)"
                for number in dropped_decision_numbers(penalties, season.penalties):
                    revision = bump(session, row, actor, why, "withdrawal")
                    session.add(withdrawal_row(season.id, revision, number, why))
            return LoadReport(season.id, row.revision, row.revision != start, tuple(changed_rounds))


def _load_dated(
    session: Session, row: SeasonRow, season: Season, actor: str, reason: str
) -> LoadReport:
    """A new season written step by step as it was published (app.publication)."""
    rounds = []
    for step in dated_steps(season, now()):
        if step.kind == "base":
            revision = bump(session, row, actor, reason, "load", step.at)
            edition = mappers.edition_row(
                mappers.base_of(season), season.id, revision, series_row(session, season)
            )
            session.add(edition)
            session.flush()
        elif step.kind == "results":
            lines = season.results_of(step.round)
            status = season.round(step.round).status
            post(session, row, step.round, lines, status, actor, reason, step.at)
            rounds.append(step.round)
        elif step.kind == "penalty" and step.penalty is not None:
            revision = bump(session, row, actor, reason, "penalty", step.at)
            plain = dataclasses.replace(step.penalty, withdrawn="")
            session.add(mappers.penalty_row(season.id, revision, plain))
        elif step.kind == "withdrawal" and step.penalty is not None:
            why = step.penalty.withdrawn
            revision = bump(session, row, actor, why, "withdrawal", step.at)
            session.add(withdrawal_row(season.id, revision, step.number, why))
        elif step.adjustment is not None:
            revision = bump(session, row, actor, step.adjustment.reason, "adjustment", step.at)
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
            post(session, row, number, (), RoundStatus.AMENDED, actor, why)
