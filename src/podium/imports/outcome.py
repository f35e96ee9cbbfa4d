"""What importing one session into one round would do to a season: the
plan :func:`podium.imports.plan.plan_import` returns."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from podium.errors import Problem
from podium.imports.diff import Change
from podium.imports.names import NameMatch
from podium.model import (
    CrewMember,
    Driver,
    Entry,
    Penalty,
    QualifyingLine,
    ResultLine,
    Season,
    Team,
)
from podium.model.laps import Lap


@dataclass
class ImportPlan:
    round: int
    file: str
    session: str = "race"
    """The session of the round the lines are for (``race``, ``sprint``,
    ``race2``, or ``qualifying``)."""
    lines: tuple[ResultLine, ...] = ()
    qualifying: tuple[QualifyingLine, ...] = ()
    new_entries: list[Entry] = field(default_factory=list)
    new_drivers: list[Driver] = field(default_factory=list)
    new_teams: list[Team] = field(default_factory=list)
    crew_added: dict[str, list[CrewMember]] = field(default_factory=dict)
    penalties: list[Penalty] = field(default_factory=list)
    matches: list[NameMatch] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the import left out or decided, in words (a safety car, ...)."""
    laps: tuple[Lap, ...] = ()
    """Every lap of the session's cars (entry keys and driver ids of the
    season), stored apart from the classification: ``laps/`` or the laps table."""
    marks: tuple[ResultLine, ...] = ()
    """The classifications at the time marks the rules set in this session,
    worked out from its laps (sessions ``mark-4h``...; ``imports.lap_facts``)."""

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def is_qualifying(self) -> bool:
        return self.session == QUALIFYING

    def season_after(self, season: Season) -> Season:
        entries = tuple(
            replace(e, crew=e.crew + tuple(self.crew_added.get(e.key, ())))
            for e in (*season.entries, *self.new_entries)
        )
        results, qualifying = season.results, season.qualifying
        if self.is_qualifying:
            qualifying = (
                *(q for q in season.qualifying if q.round != self.round),
                *self.qualifying,
            )
        else:
            replaced = {self.session, *(m.session for m in self.marks)}
            results = (
                *(r for r in season.results if r.round != self.round or r.session not in replaced),
                *self.lines,
                *self.marks,
            )
        return replace(
            season,
            entries=entries,
            drivers=season.drivers + tuple(self.new_drivers),
            teams=season.teams + tuple(self.new_teams),
            results=tuple(results),
            qualifying=tuple(qualifying),
            penalties=season.penalties + tuple(self.penalties),
        )


QUALIFYING = "qualifying"
