"""The site's title page (``TitlePage``): the fight and the odds after a
round, memoised per scored season."""

from __future__ import annotations

from dataclasses import dataclass

from podium.analysis.title.verdict import TitleStatus
from podium.app.answer import JSON, Answer, to_json
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.app.standings import RoundLabel
from podium.app.title import TitleFight, title_fight
from podium.app.title_odds import TitleOdds, observed_retire_rate, title_odds
from podium.model.points import Points

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
