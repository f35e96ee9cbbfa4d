"""A title verdict in the words a fan reads: "champion", "can still win:
needs a win at R9 Laguna Seca", "out: even winning every race leaves them
12 points short of Timo Bernhard", "unknown: <why>". No method names here:
those stay in the JSON (``method``)."""

from __future__ import annotations

from podium.analysis.title.race import TitleRace
from podium.analysis.title.verdict import Method, TitleStatus, Verdict


def plain_answer(race: TitleRace, v: Verdict, sig: dict[str, tuple[frozenset[str], ...]]) -> str:
    """One contender's verdict in plain words (see the glossary in docs/title.md)."""
    if v.status is TitleStatus.CHAMPION:
        return "champion"
    if v.status is TitleStatus.CAN_WIN:
        return "can still win" + _needs(race, v)
    if v.status is TitleStatus.ELIMINATED:
        return "out: " + _out(race, v, sig)
    return "unknown: " + _unknown(race, v)


def _where(race: TitleRace, number: int) -> str:
    label = next((r.label for r in race.rounds if r.number == number), "")
    return f"R{number} {label}".strip()


def _needs(race: TitleRace, v: Verdict) -> str:
    need = v.need
    if need is None or not need.words or need.words == "nothing more":
        return ""
    where = _where(race, need.round)
    head, _, tail = need.words.partition(", with ")
    return f": needs {head} at {where}" + (f", with {tail}" if tail else "")


def _points(race: TitleRace, scaled: int) -> str:
    text = race.points_text(scaled)
    return f"{text} point" + ("" if text == "1" else "s")


def _out(race: TitleRace, v: Verdict, sig: dict[str, tuple[frozenset[str], ...]]) -> str:
    if v.method in (Method.PAIRWISE, Method.BOUNDS):
        others = [c for c in race.contenders if c.name != v.name and sig[c.name] != sig[v.name]]
        leader = max(others, key=lambda c: c.total, default=None)
        if leader is not None and leader.total >= v.highest:
            short = leader.total - v.highest
            least = "at least " if v.method is Method.BOUNDS else ""
            if not race.rounds:
                return f"{_points(race, leader.total - v.total)} behind {leader.name}"
            if v.highest == v.total:  # no car of theirs in the races left
                return (
                    f"no car in the races left, {_points(race, leader.total - v.total)} "
                    f"behind {leader.name}"
                )
            if short == 0:
                return (
                    f"even winning every race leaves them level with {leader.name}, "
                    "who wins the tie-break"
                )
            return (
                # Bounds (best-N drops, bonuses): the highest total is a ceiling.
                f"even winning every race leaves them {least}{_points(race, short)} short "
                f"of {leader.name}"
            )
        crew = [
            c
            for c in race.contenders
            if c.name != v.name and sig[c.name] == sig[v.name] and c.total > v.total
        ]
        if crew:
            mate = max(crew, key=lambda c: c.total)
            gap = _points(race, mate.total - v.total)
            return f"{mate.name}, in the same car for the races left, is {gap} ahead"
    if v.method is Method.BUDGET:
        return (
            "the points still to be won cannot be shared out so that every rival ends behind them"
        )
    return "no set of results in the races left makes them champion"


def _unknown(race: TitleRace, v: Verdict) -> str:
    if v.method is Method.BOUNDS:
        return (
            f"the rules have {race.unmodelled}, which podium does not work out exactly "
            "for the races left, and the reachable totals alone do not settle it"
        )
    if v.method is Method.CPSAT and v.witness is None:
        return "not worked out within the time limit (--time-limit)"
    return (
        "an ending makes them champion, but whether a rival can still get ahead is not "
        "settled (cars shared between rivals, or a tie only who got there first breaks)"
    )
