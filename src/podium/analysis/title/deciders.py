"""The round that decided a title: the first round after which the leader is
champion whatever happens in the rounds left, under the season's full rules.

Exactness rests on the pairwise argument of podium.analysis.title.verdict: any car
may retire and score nothing, so the worst case for leader A against rival B
is B winning every session still to run (with the fastest lap, its whole
allocation of cars first, alone in its car) while A's cars retire. That
ending is written as result lines and scored by the real engine, so best-N
results, split seasons, shared drives, sprints, bonuses and multipliers are
the rules' own. The title is decided after round k if no rival finishes level
with or ahead of A in any of those endings.
"""

from __future__ import annotations

from dataclasses import replace

from podium.model.results import ResultLine, Status
from podium.model.season import Season
from podium.rules.schema import Championship, Competitor
from podium.scoring import LedgerRow, compute_standings, score_season


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


def _undropped(ledger: tuple[LedgerRow, ...], championship: str, after: int) -> dict[str, int]:
    """Points before best-N drops: an upper bound on what a total can reach."""
    out: dict[str, int] = {}
    for row in ledger:
        if row.championship == championship and row.round <= after and row.counts:
            out[row.competitor] = out.get(row.competitor, 0) + int(row.points + 1)
    return out


def _round_ceiling(season: Season) -> int:
    """More points than any competitor can take at one round (for pruning only)."""
    rules = season.rules
    per_session = sum(max(s.points) for s in rules.scales.values())
    return int(per_session * 3 * 2) + 10


def decided_after(
    season: Season,
    championship: Championship,
    after: int,
    ledger: tuple[LedgerRow, ...] | None = None,
    level_is_open: bool = False,
) -> bool:
    """Whether the leader after round ``after`` is already champion.

    ``level_is_open``: a rival who can still finish level on points keeps the
    title open even when count-back would rank the leader first (the
    convention of F1DB's constructors' decider flags; see title_service)."""
    ledger = ledger if ledger is not None else score_season(season)
    rules = season.rules
    code = "" if not championship.per_class else season.classes[0].code
    rounds = season.round_numbers()
    table = compute_standings(ledger, rules, championship, code, rounds, after)
    top = [row for row in table.rows if row.place == 1]
    if len(top) != 1:
        return False
    leader = top[0]
    left = sum(1 for r in season.rounds if r.number > after)
    if left == 0:
        return True
    reach = _undropped(ledger, championship.id, after)
    ceiling = left * _round_ceiling(season)
    rivals = {name for name in reach if name != leader.competitor}
    kind = championship.competitor
    for line in season.results:
        if line.round > after:
            rivals.update(n for n in _owners(season, line, kind) if n != leader.competitor)
    for rival in sorted(rivals):
        if reach.get(rival, 0) + ceiling < leader.total:
            continue
        ending = worst_case(season, kind, leader.competitor, rival, after)
        final = compute_standings(score_season(ending), rules, championship, code, rounds)
        mine = final.row(leader.competitor)
        theirs = final.row(rival)
        # Place 0: excluded from the table (e.g. Tyrrell 1984).
        if mine is None or (theirs is not None and 1 <= theirs.place <= mine.place):
            return False
        if (
            level_is_open
            and theirs is not None
            and theirs.place >= 1
            and theirs.total >= mine.total
        ):
            return False
    return True


def deciding_round(season: Season, championship_id: str, level_is_open: bool = False) -> int | None:
    """The round after which the title was decided (None: a tie at the top
    even after the last round). ``level_is_open``: see :func:`decided_after`."""
    championship = season.rules.championship(championship_id)
    ledger = score_season(season)
    held = [r.number for r in season.rounds if season.results_of(r.number)]
    decider = None
    for number in reversed(held):
        if not decided_after(season, championship, number, ledger, level_is_open):
            break
        decider = number
    return decider
