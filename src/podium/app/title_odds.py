"""The odds of each contender taking the title (``TitleOdds``): season endings
simulated from the rounds still to run. `podium odds`, the API and the site
call ``title_odds``."""

from __future__ import annotations

from dataclasses import dataclass

from podium.analysis.title.odds import OrderModel
from podium.analysis.title.odds import title_odds as simulate
from podium.analysis.title.pairwise import signatures
from podium.analysis.title.partial import Gap, entry_list_reading, gaps
from podium.analysis.title.verdict import TitleStatus, verdict
from podium.app.answer import JSON, Answer, ref
from podium.app.season import ScoredSeason
from podium.app.title import ENTRY_LIST, NAMED_ONLY, title_race
from podium.model.results import Status
from podium.rules.schema import Competitor


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
            "competitor": ref(self.name),
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
