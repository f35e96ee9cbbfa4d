"""Title questions: who can still win (``TitleFight``, one
``ContenderVerdict`` each), the odds (``TitleOdds``) and the site's title
page (``TitlePage``). `podium title`, `podium odds`, the API and the site
all call these."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from podium.analysis.title.completion import describe
from podium.analysis.title.odds import OrderModel
from podium.analysis.title.odds import title_odds as simulate
from podium.analysis.title.pairwise import signatures
from podium.analysis.title.partial import Gap, data_verdict, entry_list_reading, gaps
from podium.analysis.title.race import TitleRace, build_race
from podium.analysis.title.verdict import Method, TitleStatus, verdict
from podium.app.answer import JSON, Answer, to_json
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.app.standings import RoundLabel
from podium.app.title_words import plain_answer
from podium.errors import NotFound, Problem
from podium.model.points import Points
from podium.model.results import Status
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


# -- odds -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContenderOdds(Answer):
    name: str
    odds: float
    standard_error: float
    settled: bool = False
    """True when the title is already decided for it (champion): only then
    is a chance of 1 shown as 100%."""

    def shown(self, digits: int = 2) -> str:
        """The chance as printed: never 100% for a title still open, never
        0% for a contender some simulated ending made champion."""
        floor = 10.0**-digits
        if self.odds == 1.0 and not self.settled:
            return f"> {100 - floor:.{digits}f}%"
        if 0 < self.odds * 100 < floor:
            return f"< {floor:.{digits}f}%"
        return f"{self.odds * 100:.{digits}f}%"

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "odds": self.odds,
            "standard_error": self.standard_error,
            "settled": self.settled,
            "shown": self.shown(1),
        }


@dataclass(frozen=True, slots=True)
class TitleOdds(Answer):
    partial_data: bool
    title: str
    after: int
    runs: int
    seed: int
    model: str
    """The finishing-order model, in words."""
    retire_rate: float
    contenders: tuple[ContenderOdds, ...]
    """Most likely champion first."""
    unmodelled: str = ""
    """What of the rules the simulation cannot play out (best-N drops,
    bonuses still to win): then no odds are given (``unknown``)."""
    retire_rate_source: str = ""
    """Where the retirement rate comes from, in words."""
    reading: str = ""
    """How driverless lines are counted (as in ``TitleFight.reading``)."""
    unknown: str = ""
    """Why there are no odds ('' when there are)."""

    def chance(self, name: str) -> float | None:
        return next((c.odds for c in self.contenders if c.name == name), None)


def title_odds(
    scored: ScoredSeason,
    class_code: str | None = None,
    championship: str = "teams",
    after: int | None = None,
    runs: int = 100_000,
    seed: int = 0,
    model: str = "uniform",
    retire_rate: float | None = None,
    named_only: bool = False,
) -> TitleOdds:
    """Odds over the rounds left; cars retire at ``retire_rate`` (default:
    the share of starters this season's races so far saw retire). Driver
    titles with driverless lines start from the same reading as
    ``title_fight`` (the entry list's crews unless ``named_only``). Rules
    the simulation does not play out (best-N drops, bonuses still to win)
    give no odds, with the reason."""
    race = title_race(scored, class_code, championship, after)
    source = "set by the caller"
    if retire_rate is None:
        retire_rate = observed_retire_rate(scored, race.after)
        source = (
            f"this season's own, the share of starters not classified in rounds 1-{race.after}"
            if race.after
            else "no race held yet"
        )
    drivers = scored.championship(championship).competitor is Competitor.DRIVER
    found: tuple[Gap, ...] = ()
    if drivers and race.class_code:
        found = gaps(scored.season, race, scored.unattributed(race.class_code, race.after))
    reading = ""
    if found:
        reading = NAMED_ONLY if named_only else ENTRY_LIST
        if not named_only:
            race = entry_list_reading(scored.season, race, found)
    if race.unmodelled:
        return TitleOdds(
            bool(found),
            race.title,
            race.after,
            0,
            seed,
            "",
            retire_rate,
            (),
            race.unmodelled,
            source,
            reading,
            f"the rules have {race.unmodelled}, which the simulation does not play out",
        )
    form: dict[str, float] = {}
    if model == "form" and race.after:
        form = {c.name: c.total / race.unit / race.after for c in race.contenders}
    odds = simulate(race, runs, seed, OrderModel(model), retire_rate, form)
    ranked = sorted(zip(odds.names, odds.chances, odds.errors, strict=True), key=lambda t: -t[1])
    # A chance of 1 is shown as 100% only for a champion already: the runs
    # may just have missed a rare ending in which a rival wins.
    sig = signatures(race)
    settled = {
        n for n, c, _ in ranked if c == 1.0 and verdict(race, n, sig).status is TitleStatus.CHAMPION
    }
    return TitleOdds(
        bool(found),
        race.title,
        race.after,
        odds.runs,
        odds.seed,
        odds.model,
        retire_rate,
        tuple(ContenderOdds(n, c, e, n in settled) for n, c, e in ranked),
        race.unmodelled,
        source,
        reading,
    )


def observed_retire_rate(scored: ScoredSeason, after: int | None = None) -> float:
    """Share of starters not classified in the season's races so far: the
    retirement rate the season itself shows (0 when no race is held)."""
    started = classified = 0
    for line in scored.season.results:
        if after is not None and line.round > after:
            continue
        if line.session != "race" or line.status is Status.DID_NOT_START:
            continue
        started += 1
        classified += line.classified
    return round(1 - classified / started, 3) if started else 0.0


# -- the title page ------------------------------------------------------------


WEB_ODDS_RUNS = 20_000
"""Simulated endings behind the odds shown on a page (seeded, so stable)."""
WEB_TIME_LIMIT = 2.0
"""Seconds the exact solver may take per contender on the site before answering "unknown"."""


def default_after(scored: ScoredSeason, after: int | None) -> int | None:
    """The round a title page is after: the one asked, else the last round
    held but one when the season is over (the last round's title fight),
    else the last round held."""
    season = scored.season
    if after is not None:
        season.round(after)
        return after
    held = season.rounds_with_results()
    if not held:
        return None
    if held[-1] == season.rounds[-1].number and len(held) > 1:
        return held[-2]
    return held[-1]


def memo_fight(
    scored: ScoredSeason, class_code: str, championship: str, after: int | None
) -> TitleFight:
    """The site's title fight, computed once per scored season."""
    code = scored.class_code(class_code)
    scored.championship(championship)
    return scored.memo(
        ("title", championship, code, after),
        lambda: title_fight(scored, code, championship, after, time_limit=WEB_TIME_LIMIT),
    )


def memo_odds(
    scored: ScoredSeason,
    class_code: str,
    championship: str,
    after: int | None,
    runs: int,
    seed: int,
    retire_rate: float | None = None,
) -> TitleOdds:
    """Odds with a uniform finishing order; cars retire at ``retire_rate``
    (default: the share of starters this season saw retire)."""
    code = scored.class_code(class_code)
    scored.championship(championship)
    rate = observed_retire_rate(scored, after) if retire_rate is None else retire_rate
    return scored.memo(
        ("odds", championship, code, after, runs, seed, rate),
        lambda: title_odds(
            scored, code, championship, after, runs=runs, seed=seed, retire_rate=retire_rate
        ),
    )


@dataclass(frozen=True, slots=True)
class TitleRow(Answer):
    """A row of the title page: contenders with the same answer, and their odds."""

    names: tuple[str, ...]
    points: Points
    status: TitleStatus
    answer: str
    odds: str
    """As shown ('' without odds)."""


@dataclass(frozen=True, slots=True)
class TitlePage(Answer):
    season: SeasonInfo
    class_code: str
    championship: str
    after: int | None
    rounds_all: tuple[RoundLabel, ...]
    fight: TitleFight
    odds: TitleOdds | None

    @property
    def rows(self) -> tuple[TitleRow, ...]:
        """The page's table: one row per answer group, with its odds."""
        out = []
        for g in self.fight.groups:
            chances: dict[str, str] = {}
            if self.odds is not None and not self.odds.unknown:
                by_name = {c.name: c for c in self.odds.contenders}
                for n in g.names:
                    c = by_name.get(n)
                    chances[n] = c.shown(1) if c is not None else "0.0%"
            shown = set(chances.values())
            odds = (
                shown.pop()
                if len(shown) == 1
                else "; ".join(f"{n}: {v}" for n, v in chances.items())
            )
            out.append(TitleRow(g.names, g.points, g.status, g.answer, odds))
        return tuple(out)

    def to_json(self) -> JSON:
        return {
            "season": self.season.to_json(),
            "class": self.class_code,
            "championship": self.championship,
            "after": self.after,
            "rounds_all": to_json(self.rounds_all),
            "rows": to_json(self.rows),
            "fight": self.fight.to_json(),
            "odds": to_json(self.odds),
        }


def title_page(
    scored: ScoredSeason, class_code: str, championship: str, after: int | None
) -> TitlePage:
    season = scored.season
    when = default_after(scored, after)
    fight = memo_fight(scored, class_code, championship, when)
    chances = (
        memo_odds(scored, class_code, championship, when, WEB_ODDS_RUNS, 0)
        if fight.open_rounds
        else None
    )
    return TitlePage(
        season_info(scored),
        season.car_class(class_code).code,
        championship,
        when,
        tuple(RoundLabel(r.number, r.label) for r in season.rounds),
        fight,
        chances,
    )
