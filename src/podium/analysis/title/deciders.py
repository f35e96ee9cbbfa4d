"""The round that decided a title: the first round after which the leader is
champion whatever happens in the rounds left, as the season stood then.

As known after round k (podium.rules.known): the rules as announced and the
decisions made by then. A later race that paid half points pays its
announced points in the endings built after round k; an exclusion decided
after the season does not apply before it. Each decision's ``decided_after``
in the rules file says when it was made.

Exactness rests on the pairwise argument of podium.analysis.title.verdict: any car
may retire and score nothing, so the worst case for leader A against rival B
is B winning every session still to run (with the fastest lap, its whole
allocation of cars first, alone in its car) while A's cars retire. A rival
that cannot reach A's points even then is out (podium.analysis.title.reach:
an upper bound from the points still on offer, drops and bonuses included).
For any other rival that ending is written as result lines and scored by the
real engine, so best-N results, split seasons, shared drives, sprints,
bonuses, multipliers and the tie-break are the rules' own. The title is
decided after round k if no rival finishes level with or ahead of A in any
of those endings: level means a place A shares, so a tie on points counts
only if the season's tie-break (count-back, first to reach) cannot settle
it, for drivers and constructors alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from podium.analysis.title.reach import bounds_apply, floor, offer_after, reach
from podium.model.results import ResultLine, Status
from podium.model.season import Season
from podium.rules.known import decision_rounds, rules_known_after
from podium.rules.schema import Championship, Competitor, Ruleset
from podium.scoring import LedgerRow, compute_standings, score_season
from podium.scoring.standings import table_after
from podium.scoring.tally import Folded, fold


def _owners(season: Season, line: ResultLine, kind: Competitor) -> tuple[str, ...]:
    """Competitors a line scores for (as the ledger names them)."""
    if kind is Competitor.DRIVER:
        return tuple(season.driver_name(d) or d for d in line.drivers)
    entry = season.entries_by_key.get(line.entry) if line.entry else None
    if entry is not None:
        return (entry.team,)
    return ((season.team_name(line.team) or line.team),) if line.team else ()


def _rival_lines(
    season: Season, kind: Competitor, rival: str, lines: list[ResultLine], after: int
) -> list[ResultLine]:
    """The rival's cars in a session still to run.

    What was known after round ``after``: a round the rival skipped and came
    back from (a boycott, an injury) was known to be skipped; leaving the
    series for good is known only once it has happened, so until the rival's
    last round it may enter every round (a copy of its latest line)."""
    mine = [line for line in lines if rival in _owners(season, line, kind)]
    if not mine:
        theirs = [line for line in season.results if rival in _owners(season, line, kind)]
        last = max((line.round for line in theirs), default=0)
        round_number = lines[0].round if lines else 0
        if not (round_number > last > after):
            return []
        earlier = [line for line in theirs if line.round <= after] or theirs
        session = lines[0].session if lines else "race"
        mine = [
            replace(line, round=round_number, session=session)
            for line in earlier
            if line.round == earlier[-1].round and line.session == earlier[-1].session
        ]
    if kind is Competitor.DRIVER:
        raw = next(d for d in mine[0].drivers if (season.driver_name(d) or d) == rival)
        return [replace(mine[0], drivers=(raw,))]
    # A team's cars, each with its first driver alone (a shared car may score nothing).
    return [replace(line, drivers=line.drivers[:1]) for line in mine]


def worst_case(season: Season, kind: Competitor, leader: str, rival: str, after: int) -> Season:
    """The season with every session after ``after`` won by ``rival`` while
    ``leader``'s cars retire."""
    kept = [line for line in season.results if line.round <= after]
    for rnd in season.rounds:
        if rnd.number <= after:
            continue
        lines = season.results_of(rnd.number)
        for session in dict.fromkeys(line.session for line in lines):
            here = [line for line in lines if line.session == session]
            front = _rival_lines(season, kind, rival, here, after)
            front_ids = {id(line) for line in here if line in front}
            laps = max((line.laps or 0 for line in here), default=0) or None
            out: list[ResultLine] = []
            for place, line in enumerate(front, start=1):
                out.append(
                    replace(
                        line,
                        round=rnd.number,
                        session=session,
                        status=Status.CLASSIFIED,
                        overall_pos=place,
                        class_pos=place,
                        laps=laps,
                        fastest_lap=place == 1,
                        fastest_lap_driver=line.drivers[0] if place == 1 and line.drivers else "",
                    )
                )
            place = len(out)
            rest = sorted(
                (line for line in here if id(line) not in front_ids and line not in front),
                key=lambda line: (line.overall_pos is None, line.overall_pos or 0),
            )
            for line in rest:
                if leader in _owners(season, line, kind) or rival in _owners(season, line, kind):
                    out.append(
                        replace(
                            line,
                            status=Status.RETIRED,
                            overall_pos=None,
                            class_pos=None,
                            fastest_lap=False,
                            fastest_lap_driver="",
                        )
                    )
                elif line.classified:
                    place += 1
                    out.append(
                        replace(
                            line,
                            overall_pos=place,
                            class_pos=place,
                            fastest_lap=False,
                            fastest_lap_driver="",
                        )
                    )
                else:
                    out.append(replace(line, fastest_lap=False, fastest_lap_driver=""))
            kept += out
    return replace(season, results=tuple(kept))


@dataclass(slots=True)
class _Known:
    """The season as known after some round: its rules (decisions made by
    then), ledger and folded tallies per championship."""

    season: Season
    ledger: tuple[LedgerRow, ...]
    folded: dict[str, Folded] = field(default_factory=dict)

    def fold(self, championship: Championship, code: str) -> Folded:
        if championship.id not in self.folded:
            tie_break = championship.tie_break or self.season.rules.tie_break
            self.folded[championship.id] = fold(self.ledger, championship, code, tie_break)
        return self.folded[championship.id]


Cache = dict[frozenset[int], _Known]


def _known(
    season: Season, after: int, cache: Cache, ledger: tuple[LedgerRow, ...] | None = None
) -> _Known:
    """The season with only the decisions made by round ``after``: a round
    still to run pays its announced points; a later exclusion or deduction
    does not apply (podium.rules.known)."""
    rules = season.rules
    key = frozenset(n for n in decision_rounds(rules) if n <= after)
    if key not in cache:
        known = rules_known_after(rules, after)
        if known is rules:
            cache[key] = _Known(season, ledger if ledger is not None else score_season(season))
        else:
            as_known = replace(season, rules=known)
            cache[key] = _Known(as_known, score_season(as_known))
    return cache[key]


def decided_after(
    season: Season,
    championship: Championship,
    after: int,
    ledger: tuple[LedgerRow, ...] | None = None,
    cache: Cache | None = None,
) -> bool:
    """Whether the leader after round ``after`` is already champion: no rival
    can finish ahead of or level with it under the season's own ranking
    (count-back, first to reach, or a shared place), with the rules and
    decisions known after that round. ``ledger``: the season's, scored under
    its full rules (reused when no decision was still to come)."""
    known = _known(season, after, cache if cache is not None else {}, ledger)
    season = known.season
    rules = season.rules
    code = "" if not championship.per_class else season.classes[0].code
    rounds = season.round_numbers()
    folded = known.fold(championship, code)
    table = table_after(folded, rules, championship, code, rounds, after)
    top = [row for row in table.rows if row.place == 1]
    if len(top) != 1:
        return False
    leader = top[0]
    if not any(r.number > after for r in season.rounds):
        return True
    kind = championship.competitor

    def owners(line: ResultLine) -> tuple[str, ...]:
        return _owners(season, line, kind)

    rivals = {name for name in folded.competitors if name != leader.competitor}
    for line in season.results:
        if line.round > after:
            rivals.update(n for n in owners(line) if n != leader.competitor)
    # The bound is the leader's floor against each rival's reach; an excluded
    # leader's table is the engine's alone to work out.
    offer = None
    if bounds_apply(rules) and not _excluded(rules, championship, leader.competitor):
        offer = offer_after(season, after, owners)
        least = floor(folded, leader.competitor, int(leader.total * folded.per_point), after)
    for rival in sorted(rivals):
        if (
            offer is not None
            and not _excluded(rules, championship, rival)
            and reach(season, championship, folded, offer, rival, after) < least
        ):
            continue
        # A boundary case (the rival can reach the leader's floor): the
        # ending itself, scored by the engine, says who is ahead.
        ending = worst_case(season, kind, leader.competitor, rival, after)
        final = compute_standings(score_season(ending), rules, championship, code, rounds)
        mine = final.row(leader.competitor)
        theirs = final.row(rival)
        # Place 0: excluded from the table (e.g. Tyrrell 1984).
        if mine is None or (theirs is not None and 1 <= theirs.place <= mine.place):
            return False
    return True


def _excluded(rules: Ruleset, championship: Championship, competitor: str) -> bool:
    """Whether an exclusion of the championship names the competitor (its
    table is then the engine's to work out)."""
    return any(
        e.championship == championship.id and e.competitor == competitor for e in rules.exclusions
    )


def deciding_round(season: Season, championship_id: str) -> int | None:
    """The round after which the title was decided (None: a tie at the top
    even after the last round)."""
    championship = season.rules.championship(championship_id)
    ledger = score_season(season)
    cache: Cache = {}
    held = [r.number for r in season.rounds if season.results_of(r.number)]
    decider = None
    for number in reversed(held):
        if not decided_after(season, championship, number, ledger, cache):
            break
        decider = number
    return decider
