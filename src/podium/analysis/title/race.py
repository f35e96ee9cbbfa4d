"""A title race as a small integer problem: who has how many points and
places now, and which cars race for whom in the rounds still to run.

Every title question (already champion? can still win? what is needed?
the odds) is answered on this shape, built once from the ledger. Points are
scaled to integers (``unit`` per point) so half points stay exact and the
CP-SAT solver can take them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from math import lcm

from podium.model.entry import Entry
from podium.model.results import Status
from podium.model.season import Season
from podium.rules.schema import (
    CarsCounted,
    Championship,
    Competitor,
    CountBack,
    PointsScale,
    Ruleset,
    Unresolved,
)
from podium.rules.timed import mark_session
from podium.scoring.ledger_row import QUALIFYING, LedgerRow, RowKind
from podium.scoring.rulings import multiplier, skips, skips_class
from podium.scoring.standings import compute_standings


@dataclass(frozen=True, slots=True)
class Car:
    """A car expected at an open round and the competitors it scores for."""

    key: str
    label: str
    owners: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OpenRound:
    number: int
    label: str
    points: tuple[int, ...]
    """Scaled points for places 1..len(cars); 0 past the end of the scale."""
    cars: tuple[Car, ...]
    everyone_classified: bool = False
    """True when every car must take a place (a scale paying every starter,
    or an "assuming everyone finishes" question): no car can score zero by
    retiring."""
    bonus: int = 0
    """Most bonus points (fastest lap, pole, ...) one car can add at this
    round; when not 0 the answers are bounds (``TitleRace.unmodelled``)."""
    counts_back: bool = True
    """False for a round's qualifying or time marks (a session of its own
    whose places the tie-break does not count)."""

    @property
    def field_size(self) -> int:
        return len(self.cars)

    def worth(self, place: int) -> int:
        return self.points[place - 1] if 1 <= place <= len(self.points) else 0


@dataclass(frozen=True, slots=True)
class Contender:
    name: str
    total: int
    counts: tuple[int, ...]
    """Count-back: number of 1st, 2nd, ... places so far (padded to ``depth``)."""


@dataclass(frozen=True)
class TitleRace:
    championship: str
    class_code: str
    after: int
    contenders: tuple[Contender, ...]
    rounds: tuple[OpenRound, ...]
    best_car: bool
    countback: CountBack | None
    share_ties: bool
    unit: int
    depth: int
    title: str = ""
    notes: tuple[str, ...] = field(default=())
    unmodelled: str = ""
    """What of the rules the exact reasoning does not model for this race
    (best-N drops, bonus points at open rounds); when set, verdicts are
    decided by bounds alone, else "unknown" with this reason."""

    def contender(self, name: str) -> Contender:
        for c in self.contenders:
            if c.name.casefold() == name.casefold():
                return c
        raise KeyError(name)

    def cars_of(self, name: str, rnd: OpenRound) -> tuple[int, ...]:
        return tuple(i for i, car in enumerate(rnd.cars) if name in car.owners)

    def counted(self, rnd: OpenRound, place: int) -> bool:
        """Whether a place at this round adds to count-back."""
        if self.countback is None or place > self.depth or not rnd.counts_back:
            return False
        return self.countback is CountBack.ALL_PLACES or rnd.worth(place) > 0

    def points_text(self, scaled: int) -> str:
        value = Fraction(scaled, self.unit)
        return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"

    def with_points(self, extra: dict[str, tuple[int, Sequence[int]]]) -> TitleRace:
        """A copy with points and places added to some contenders (data bounds)."""
        out = []
        for c in self.contenders:
            if c.name in extra:
                pts, places = extra[c.name]
                counts = list(c.counts)
                for p in places:
                    if 1 <= p <= self.depth:
                        counts[p - 1] += 1
                c = replace(c, total=c.total + pts, counts=tuple(counts))
            out.append(c)
        return replace(self, contenders=tuple(out))


def build_race(
    season: Season,
    ledger: Iterable[LedgerRow],
    championship: Championship,
    class_code: str,
    after: int,
    everyone_classified: bool = False,
) -> TitleRace:
    """The title race of one championship (in one class) after round ``after``."""
    rules = season.rules
    rows = [
        r
        for r in ledger
        if r.championship == championship.id and r.class_code == class_code and r.round <= after
    ]
    table = compute_standings(rows, rules, championship, class_code, season.round_numbers(), after)
    open_numbers = [
        r.number
        for r in season.rounds
        if r.number > after
        and not skips(championship, r)
        and not skips_class(championship, r, class_code)
        and (not class_code or r.races(class_code))
    ]
    scales = [rules.scale_for(n, season.round(n).scale)[1] for n in open_numbers]
    if championship.scale:
        scales = [rules.scales[championship.scale] for _ in open_numbers]
    factors = [multiplier(rules, n, "race") for n in open_numbers]
    bonuses = [_bonus(rules, championship.id, n) for n in open_numbers]
    extras = [_other_sessions(season, championship, n) for n in open_numbers]
    values: list[Fraction] = [s.total for s in table.rows]
    values += [p * f for s, f in zip(scales, factors, strict=True) for p in (*s.points, s.rest)]
    values += bonuses
    values += [p for extra in extras for _, scale in extra for p in (*scale.points, scale.rest)]
    unit = lcm(1, *(v.denominator for v in values))

    fields = [_field(season, championship, class_code, n) for n in open_numbers]
    rounds = []
    for number, scale, factor, bonus, cars, extra in zip(
        open_numbers, scales, factors, bonuses, fields, extras, strict=True
    ):
        pts = tuple(int(scale.for_place(p) * factor * unit) for p in range(1, len(cars) + 1))
        label = season.round(number).label
        rounds.append(
            OpenRound(number, label, pts, tuple(cars), everyone_classified, int(bonus * unit))
        )
        # Its qualifying and time marks: orders of their own, never counted back.
        for session, paid in extra:
            pts = tuple(int(paid.for_place(p) * unit) for p in range(1, len(cars) + 1))
            rounds.append(
                OpenRound(number, f"{label} ({session})", pts, tuple(cars), counts_back=False)
            )
    unmodelled = []
    if championship.drops is not None:
        unmodelled.append("best-N drops")
    if any(bonuses):
        unmodelled.append("bonus points at the rounds left")
    past_depth = max((r.place or 0 for r in rows), default=0)
    depth = max([past_depth, 1, *(len(r.cars) for r in rounds)])
    counts = _countback(rows, rules.tie_break.countback, depth)
    names = [s.competitor for s in table.rows]
    for rnd in rounds:
        for car in rnd.cars:
            names += [o for o in car.owners if o not in names]
    totals = {s.competitor: int(s.total * unit) for s in table.rows}
    contenders = tuple(
        Contender(n, totals.get(n, 0), counts.get(n, (0,) * depth)) for n in dict.fromkeys(names)
    )
    title = f"{class_code} {championship.name or championship.id}".strip()
    return TitleRace(
        championship=championship.id,
        class_code=class_code,
        after=after,
        contenders=contenders,
        rounds=tuple(rounds),
        best_car=championship.cars is CarsCounted.BEST,
        countback=rules.tie_break.countback,
        share_ties=rules.tie_break.unresolved is Unresolved.SHARE,
        unit=unit,
        depth=depth,
        title=title,
        unmodelled=" and ".join(unmodelled),
    )


def _countback(
    rows: list[LedgerRow], basis: CountBack | None, depth: int
) -> dict[str, tuple[int, ...]]:
    """Places so far as count-back sees them (same rule as the standings)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * depth)
    for row in rows:
        if row.kind is not RowKind.RESULT or not row.counts or row.place is None:
            continue
        if row.session == QUALIFYING:
            continue
        if basis is CountBack.SCORING_PLACES and row.points <= 0:
            continue
        if row.status is not Status.CLASSIFIED or row.place > depth:
            continue
        counts[row.competitor][row.place - 1] += 1
    return {k: tuple(v) for k, v in counts.items()}


def _field(season: Season, championship: Championship, class_code: str, number: int) -> list[Car]:
    """Cars expected at an open round: the round's entry list if it has one
    (the outcome is not read), else the entries whose car or crew covers it."""
    # A championship across classes (class_code "") takes every car.
    entries = [e for e in season.entries if not class_code or e.class_code == class_code]
    lines = [r for r in season.results_of(number) if not class_code or r.class_code == class_code]
    keys = [r.entry for r in lines if r.entry]
    if keys:
        chosen = [
            season.entries_by_key[k] for k in dict.fromkeys(keys) if k in season.entries_by_key
        ]
    else:
        chosen = [
            e
            for e in entries
            if any(m.rounds.known and m.rounds.took_part(number) for m in e.crew)
            or any(c.rounds.known and c.rounds.covers(number) for c in e.cars)
        ] or entries
    line_drivers = {r.entry: r.drivers for r in lines if r.entry}
    cars = []
    for entry in chosen:
        if championship.registration and not entry.registered_for(championship.id):
            owners: tuple[str, ...] = ()
        elif championship.competitor is Competitor.TEAM:
            owners = (entry.team,)
        elif championship.competitor is Competitor.DRIVER:
            named = (
                line_drivers.get(entry.key) or entry.drivers_at(number) or _last_crew(entry, number)
            )
            owners = tuple(season.driver_name(d) or d for d in named)
        else:
            owners = (entry.label,)
        cars.append(Car(entry.key, f"{entry.label} {entry.team}".strip(), owners))
    # Lines whose car the source does not identify still take a place; like
    # the scoring engine, a team line stands for a registered car of the team.
    for i, line in enumerate(r for r in lines if not r.entry):
        team = (season.team_name(line.team) or line.team) if line.team else ""
        if championship.competitor is Competitor.TEAM:
            owners = (team,) if team else ()
        elif championship.competitor is Competitor.DRIVER:
            owners = tuple(season.driver_name(d) or d for d in line.drivers)
        else:
            owners = ()
        label = f"{team or 'unidentified'} car ({i + 1})"
        cars.append(Car(f"unidentified-{number}-{i + 1}", label, owners))
    return cars


def _last_crew(entry: Entry, number: int) -> tuple[str, ...]:
    """Who drives a car at a round not run yet that its crew list does not
    cover: the crew of the latest round before it (what an imported season
    knows), else everyone the entry lists."""
    dated = [
        (max(n for n in m.rounds.rounds if n < number), m.driver)
        for m in entry.crew
        if m.rounds.known and any(n < number for n in m.rounds.rounds)
    ]
    if dated:
        last = max(n for n, _ in dated)
        return tuple(dict.fromkeys(d for n, d in dated if n == last))
    return tuple(dict.fromkeys(m.driver for m in entry.crew))


def _other_sessions(
    season: Season, championship: Championship, number: int
) -> list[tuple[str, PointsScale]]:
    """The sessions of an open round that pay this championship besides its
    race: the qualifying, each time mark; (label, scale)."""
    rules = season.rules
    out = []
    sessions = [QUALIFYING] + [
        mark_session(ms) for m in rules.marks if m.round == number for ms in m.at_ms
    ]
    for session in sessions:
        if not championship.scores(session):
            continue
        try:
            out.append((session, rules.scale_for(number, season.round(number).scale, session)[1]))
        except KeyError:
            continue
    return out


def _bonus(rules: Ruleset, championship: str, number: int) -> Fraction:
    """Most bonus points one car can add in a championship at a race."""
    return sum(
        (
            b.points
            for b in rules.bonuses
            if championship in b.championships
            and "race" in b.sessions
            and number not in b.except_rounds
        ),
        Fraction(0),
    )
