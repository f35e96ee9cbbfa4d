"""What one version of a round's results changed from the version before:
the cars added and removed and, for each car in both, the fields that
differ ("class_pos: 1 -> 2", "status: classified -> dsq"). A protest upheld
reads as the two or three cells it moved, not as two whole classifications
to compare by eye."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.answer import JSON, Answer
from podium.app.repository import Repository, ResultVersion
from podium.app.rounds import VersionInfo
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.errors import NotFound
from podium.model.calendar import Round
from podium.model.results import ResultLine
from podium.model.season import Season

# The fields a reader compares, in the order a classification prints them.
_FIELDS = (
    "overall_pos",
    "class_code",
    "class_pos",
    "team",
    "drivers",
    "car",
    "laps",
    "time",
    "gap",
    "status",
    "reason",
    "laps_led",
    "fastest_lap",
)


@dataclass(frozen=True, slots=True)
class FieldChange(Answer):
    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class LineChange(Answer):
    car: str
    """``#24 Alex Job Racing`` (entry key when the car has no number)."""
    change: str
    """``added``, ``removed`` or ``changed``."""
    fields: tuple[FieldChange, ...] = ()

    def to_json(self) -> JSON:
        return {
            "car": self.car,
            "change": self.change,
            "fields": [f.to_json() for f in self.fields],
        }


@dataclass(frozen=True, slots=True)
class VersionChanges(Answer):
    season: SeasonInfo
    round: Round
    version: VersionInfo
    previous: VersionInfo | None
    lines: tuple[LineChange, ...]

    def to_json(self) -> JSON:
        return {
            "season": self.season.to_json(),
            "round": {"number": self.round.number, "name": self.round.name},
            "version": self.version.to_json(),
            "previous": self.previous.to_json() if self.previous else None,
            "changes": [line.to_json() for line in self.lines],
        }


def version_changes(
    repository: Repository, scored: ScoredSeason, number: int, version: int
) -> VersionChanges:
    """Version ``version`` of round ``number`` against the one before it
    (version 1: every car added). NotFound for a version the round lacks
    (versions come from the repository, whatever ``scored``'s "as of")."""
    season = scored.season
    rnd = season.round(number)
    start = max(version - 2, 0)
    found = repository.result_versions(season.id, number, limit=version - start, offset=start)
    if version < 1 or not found or found[-1].version != version:
        raise NotFound(f"no version {version} of round {number}'s results")
    this = found[-1]
    before = found[-2] if len(found) > 1 else None
    return VersionChanges(
        season_info(scored),
        rnd,
        VersionInfo(this, with_lines=False),
        VersionInfo(before, with_lines=False) if before else None,
        tuple(_changes(season, before, this)),
    )


def _changes(
    season: Season, before: ResultVersion | None, after: ResultVersion
) -> list[LineChange]:
    old = _by_car(season, before.lines if before else ())
    new = _by_car(season, after.lines)
    out = []
    for car, line in new.items():
        if car not in old:
            out.append(LineChange(car, "added"))
            continue
        fields = tuple(
            FieldChange(name, _text(old[car], name), _text(line, name))
            for name in _FIELDS
            if _text(old[car], name) != _text(line, name)
        )
        if fields:
            out.append(LineChange(car, "changed", fields))
    out += [LineChange(car, "removed") for car in old if car not in new]
    return out


def _by_car(season: Season, lines: tuple[ResultLine, ...]) -> dict[str, ResultLine]:
    out: dict[str, ResultLine] = {}
    for line in lines:
        entry = season.entries_by_key.get(line.entry) if line.entry else None
        if entry is not None and entry.car_no:
            name = f"#{entry.car_no} {entry.team}"
        else:
            name = line.entry or f"{line.class_code} {line.team} {' / '.join(line.drivers)}"
        while name in out:  # two cars the source cannot tell apart
            name += " (another)"
        out[name] = line
    return out


def _text(line: ResultLine, name: str) -> str:
    value = getattr(line, name)
    if isinstance(value, tuple):
        return " / ".join(value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else str(getattr(value, "value", value))
