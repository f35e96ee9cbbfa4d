"""What partial data decides: driver totals are lower bounds while some
point-scoring lines name no drivers. A verdict stands only if it holds
whichever way those lines go: the contender given none of them, its rivals
every one they could have driven (a driver drives one car per round, of a
team he drove for, and not in a round where a line already names him)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from podium.analysis.title.race import TitleRace
from podium.analysis.title.verdict import TitleStatus, Verdict, verdict
from podium.model.results import ResultLine
from podium.model.season import Season


@dataclass(frozen=True, slots=True)
class Gap:
    """A point-scoring line without drivers, and who could have driven it."""

    line: ResultLine
    points: int
    """Scaled like the race's points."""
    candidates: frozenset[str]

    def text(self, among: frozenset[str] | None = None) -> str:
        car = f"entry {self.line.entry}" if self.line.entry else "car number unknown"
        team = self.line.team or "team unknown"
        where = f"R{self.line.round} {self.line.class_code} P{self.line.class_pos} ({team}, {car})"
        who = sorted(self.candidates & among if among is not None else self.candidates)
        if not who:
            return where
        shown = ", ".join(who[:4]) + (f" or {len(who) - 4} more" if len(who) > 4 else "")
        return f"{where}: driven by {shown}?"


@dataclass(frozen=True)
class DataVerdict:
    name: str
    known: Verdict
    """On the points the data names."""
    determined: bool
    worst: Verdict
    """With every gap going against the contender."""
    best: Verdict
    """With every gap the contender could have driven going to it."""
    deciding: tuple[Gap, ...]
    """Gaps that could change the answer: the contender's and its threats'."""
    involved: frozenset[str] = frozenset()
    """The contender and the rivals that could threaten it."""


def gaps(season: Season, race: TitleRace, lines: Iterable[ResultLine]) -> tuple[Gap, ...]:
    """Who could have driven each unattributed line."""
    named: dict[int, set[str]] = defaultdict(set)
    for r in season.results:
        for d in r.drivers:
            named[r.round].add(season.driver_name(d) or d)
    teams_of: dict[str, set[str]] = defaultdict(set)
    for e in season.entries:
        for m in e.crew:
            teams_of[season.driver_name(m.driver) or m.driver].add(e.team)
    for r in season.results:
        for d in r.drivers:
            teams_of[season.driver_name(d) or d].add(r.team)
    names = {c.name for c in race.contenders}
    out = []
    for line in lines:
        rnd = season.round(line.round)
        _, scale = season.rules.scale_for(rnd.number, rnd.scale)
        pts = int(scale.for_place(line.class_pos or 0) * race.unit)
        who = frozenset(
            n
            for n in names
            if n not in named[line.round] and (not line.team or line.team in teams_of[n])
        )
        out.append(Gap(line, pts, who))
    return tuple(out)


def _bound(race: TitleRace, found: tuple[Gap, ...], who: set[str]) -> TitleRace:
    """Give each of ``who`` the most it could have from the gaps (one per round)."""
    best: dict[tuple[str, int], Gap] = {}
    for gap in found:
        for n in gap.candidates & who:
            key = (n, gap.line.round)
            if key not in best or gap.points > best[key].points:
                best[key] = gap
    extra: dict[str, tuple[int, list[int]]] = {}
    for (n, _), gap in best.items():
        pts, places = extra.get(n, (0, []))
        extra[n] = (pts + gap.points, [*places, gap.line.class_pos or 0])
    return race.with_points({n: (p, pl) for n, (p, pl) in extra.items()})


def data_verdict(race: TitleRace, found: tuple[Gap, ...], name: str) -> DataVerdict:
    known = verdict(race, name)
    if not found:
        return DataVerdict(name, known, True, known, known, (), frozenset({name}))
    others = {c.name for c in race.contenders if c.name != name}
    worst = verdict(_bound(race, found, others), name)
    best = verdict(_bound(race, found, {name}), name)
    determined = worst.status == best.status and (
        worst.status is not TitleStatus.CAN_WIN
        or (worst.need is not None and best.need is not None and worst.need.text == best.need.text)
    )
    threats = {name}
    me = race.contender(name)
    for c in race.contenders:
        reach = c.total + sum(g.points for g in found if c.name in g.candidates)
        if (
            c.name != name
            and reach + sum(max(r.points, default=0) for r in race.rounds) >= me.total
        ):
            threats.add(c.name)
    deciding = tuple(g for g in found if g.candidates & threats)
    return DataVerdict(name, known, determined, worst, best, deciding, frozenset(threats))


def entry_list_reading(season: Season, race: TitleRace, found: tuple[Gap, ...]) -> TitleRace:
    """The race if each driverless line with a known car went to the crew the
    entry list names for that round (a reading, not a fact: the sources do
    not say who drove)."""
    extra: dict[str, tuple[int, list[int]]] = {}
    names = {c.name for c in race.contenders}
    for gap in found:
        entry = season.entries_by_key.get(gap.line.entry or "")
        if entry is None:
            continue
        for driver in entry.drivers_at(gap.line.round):
            name = season.driver_name(driver) or driver
            if name in names and name in gap.candidates:
                pts, places = extra.get(name, (0, []))
                extra[name] = (pts + gap.points, [*places, gap.line.class_pos or 0])
    return race.with_points({n: (p, pl) for n, (p, pl) in extra.items()})
