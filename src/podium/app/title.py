"""Title questions: who can still win (``TitleFight``, one
``ContenderVerdict`` each), the odds (``TitleOdds``) and the site's title
page (``TitlePage``). `podium title`, `podium odds`, the API and the site
all call these."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from podium.analysis.title.completion import describe
from podium.analysis.title.pairwise import signatures
from podium.analysis.title.partial import Gap, data_verdict, entry_list_reading, gaps
from podium.analysis.title.race import TitleRace, build_race
from podium.analysis.title.verdict import Method, TitleStatus, verdict
from podium.app.answer import JSON, Answer, ref, to_json
from podium.app.season import ScoredSeason
from podium.app.title_words import plain_answer
from podium.errors import NotFound, Problem
from podium.model.points import Points
from podium.rules.schema import Competitor


def title_race(
    scored: ScoredSeason,
    class_code: str | None,
    championship: str,
    after: int | None,
    everyone_finishes: bool = False,
) -> TitleRace:
    """The title race of one table after ``after`` (default: the last round held)."""
    champ = scored.championship(championship)
    code = scored.table_class(champ, class_code)
    held = scored.season.rounds_with_results()
    last = after if after is not None else (held[-1] if held else 0)
    if last:
        scored.season.round(last)
    return build_race(scored.season, scored.ledger, champ, code, last, everyone_finishes)


@dataclass(frozen=True, slots=True)
class OpenRoundInfo(Answer):
    round: int
    label: str
    cars: int


@dataclass(frozen=True, slots=True)
class GapReading(Answer):
    """For a season whose sources leave drivers unnamed: the verdict each
    way the unnamed lines could go, and the lines that decide it."""

    if_gaps_go_against: TitleStatus
    if_gaps_go_for: TitleStatus
    if_gaps_go_for_needs: str
    deciding_missing_results: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OtherReading(Answer):
    """The verdict under the other reading of the unnamed lines: on the
    named results only (when the table reads them by the entry list), or
    by the entry list (when the table counts named results only)."""

    points: Points
    status: TitleStatus
    needs: str
    worst_case: tuple[str, ...]


ENTRY_LIST = "entry list"
"""Reading of a driver table whose sources leave some lines driverless: each
such line counted for the crew the entry list names for its round."""
NAMED_ONLY = "named results only"


@dataclass(frozen=True, slots=True)
class ContenderVerdict(Answer):
    name: str
    status: TitleStatus
    method: Method
    points: Points
    lowest: Points
    highest: Points
    """The points range still reachable."""
    reason: str
    needs: str
    """The weakest result at the next round that clinches, in words ('' if none)."""
    needs_round: int | None
    worst_case: tuple[str, ...]
    otherwise: tuple[str, ...]
    witness: tuple[str, ...]
    """An ending that makes it champion, one line per round."""
    data_determines: bool
    gaps: GapReading | None = None
    other_reading: OtherReading | None = None
    answer: str = ""
    """The verdict in plain words for a fan ("can still win: needs a win at R9 ...")."""

    def to_json(self) -> JSON:
        out: dict[str, JSON] = {
            "name": self.name,
            "competitor": ref(self.name),
            "status": self.status.value,
            "answer": self.answer,
            "method": self.method.value,
            "points": to_json(self.points),
            "lowest": to_json(self.lowest),
            "highest": to_json(self.highest),
            "reason": self.reason,
            "needs": self.needs,
            "needs_round": self.needs_round,
            "worst_case": list(self.worst_case),
            "otherwise": list(self.otherwise),
            "witness": list(self.witness),
            "data_determines": self.data_determines,
        }
        if self.gaps is not None:
            gaps = self.gaps.to_json()
            assert isinstance(gaps, dict)
            out.update(gaps)
        if self.other_reading is not None:
            out["other_reading"] = self.other_reading.to_json()
        return out


@dataclass(frozen=True, slots=True)
class AnswerGroup(Answer):
    """Contenders with the same points and the same answer, on one line."""

    names: tuple[str, ...]
    points: Points
    status: TitleStatus
    answer: str

    def to_json(self) -> JSON:
        return {
            "names": list(self.names),
            "competitors": [ref(name) for name in self.names],
            "points": to_json(self.points),
            "status": self.status.value,
            "answer": self.answer,
        }


@dataclass(frozen=True, slots=True)
class TitleFight(Answer):
    """Every contender's verdict in one table after one round."""

    title: str
    class_code: str
    championship: str
    after: int
    open_rounds: tuple[OpenRoundInfo, ...]
    assumption: str
    partial_data: bool
    scoring_rule: str
    contenders: tuple[ContenderVerdict, ...]
    unmodelled: str = ""
    """Rules decided by bounds alone here (best-N drops, bonuses left)."""
    reading: str = ""
    """How driverless lines are counted (``ENTRY_LIST`` or ``NAMED_ONLY``;
    '' when every line names its drivers)."""
    caveat: str = ""
    """What the reading means, said once."""

    @property
    def groups(self) -> tuple[AnswerGroup, ...]:
        """Contenders with the same points and answer together, in table order."""
        out: dict[tuple[Points, str], list[ContenderVerdict]] = {}
        for c in self.contenders:
            out.setdefault((c.points, c.answer), []).append(c)
        return tuple(
            AnswerGroup(tuple(c.name for c in cs), pts, cs[0].status, answer)
            for (pts, answer), cs in out.items()
        )

    def to_json(self) -> JSON:
        return {
            "title": self.title,
            "class": self.class_code,
            "championship": self.championship,
            "after": self.after,
            "open_rounds": to_json(self.open_rounds),
            "assumption": self.assumption,
            "partial_data": self.partial_data,
            "reading": self.reading,
            "caveat": self.caveat,
            "scoring_rule": self.scoring_rule,
            "groups": to_json(self.groups),
            "contenders": to_json(self.contenders),
            "unmodelled": self.unmodelled,
        }


def title_fight(
    scored: ScoredSeason,
    class_code: str | None = None,
    championship: str = "teams",
    after: int | None = None,
    who: str | None = None,
    everyone_finishes: bool = False,
    time_limit: float = 5.0,
    named_only: bool = False,
) -> TitleFight:
    """Every contender's verdict, reachable range, needs and witness.

    A driver table whose sources leave some point-scoring lines driverless
    is read by the entry list (each such line counted for the crew it names
    for that round) unless ``named_only``; either way each contender also
    carries what the named results alone decide (``data_determines``, the
    gaps) and the verdict under the other reading."""
    named = title_race(scored, class_code, championship, after, everyone_finishes)
    found: tuple[Gap, ...] = ()
    drivers = scored.championship(championship).competitor is Competitor.DRIVER
    if drivers and named.class_code:
        found = gaps(scored.season, named, scored.unattributed(named.class_code, named.after))
    listed = entry_list_reading(scored.season, named, found) if found else None
    race, other = (named, listed) if named_only or listed is None else (listed, named)
    # Most points first (a reading can reorder the named table); stable, so
    # equal totals keep the standings' order.
    names = [c.name for c in sorted(race.contenders, key=lambda c: -c.total)]
    if who:
        season = scored.season
        wanted = season.driver_name(who) or season.team_name(who) or who
        names = [n for n in names if n.casefold() == wanted.casefold()]
        if not names:
            raise NotFound(
                Problem(
                    "--who",
                    None,
                    "who",
                    f"not in the {race.title} fight after round {race.after}",
                    expected=f"one of {len(race.contenders)} contenders, e.g. {race.contenders[0].name}"
                    if race.contenders
                    else "a contender",
                    found=who,
                )
            )

    def points(scaled: int) -> Points:
        return Fraction(scaled, race.unit)

    sig = signatures(race)
    rows = []
    for name in names:
        v = verdict(race, name, sig, time_limit)
        d = data_verdict(named, found, name) if found else None
        gap_reading = None
        if d is not None and not d.determined:
            gap_reading = GapReading(
                d.worst.status,
                d.best.status,
                d.best.need.text if d.best.need else "",
                tuple(g.text(d.involved) for g in d.deciding),
            )
        other_reading = None
        if other is not None and d is not None and not d.determined:
            r = d.known if other is named else verdict(other, name, time_limit=time_limit)
            other_reading = OtherReading(
                Fraction(r.total, other.unit),
                r.status,
                r.need.text if r.need else "",
                tuple(r.need.worst_case) if r.need else (),
            )
        rows.append(
            ContenderVerdict(
                name,
                v.status,
                v.method,
                points(v.total),
                points(v.lowest),
                points(v.highest),
                v.reason,
                v.need.text if v.need else "",
                v.need.round if v.need else None,
                tuple(v.need.worst_case) if v.need else (),
                tuple(v.otherwise),
                tuple(describe(race, v.witness)) if v.witness else (),
                d is None or d.determined,
                gap_reading,
                other_reading,
                plain_answer(race, v, sig),
            )
        )
    reading = (NAMED_ONLY if named_only else ENTRY_LIST) if found else ""
    return TitleFight(
        race.title,
        race.class_code,
        race.championship,
        race.after,
        tuple(OpenRoundInfo(r.number, r.label, r.field_size) for r in race.rounds),
        "every car classified" if everyone_finishes else "any car may retire and score nothing",
        bool(found),
        _scoring_rule(scored),
        tuple(rows),
        race.unmodelled,
        reading,
        _caveat(reading),
    )


def _caveat(reading: str) -> str:
    if reading == ENTRY_LIST:
        return (
            "Some point-scoring results in the sources name no drivers: each is counted "
            "here for the crew the entry list names for that round (a reading, not a fact)."
        )
    if reading == NAMED_ONLY:
        return (
            "Some point-scoring results in the sources name no drivers and are not counted "
            "here: totals are lower bounds."
        )
    return ""


def _scoring_rule(scored: ScoredSeason) -> str:
    eligibility = scored.season.rules.eligibility
    if not eligibility.min_distance:
        return "A classified car scores by its place."
    return (
        f"A car scores only if classified and covering {eligibility.min_distance:.0%} of the "
        f"{eligibility.distance_of.value.replace('_', ' ')}'s distance."
    )
