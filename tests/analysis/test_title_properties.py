"""Property tests: verdicts against every (or thousands of random) endings.

Small random title races are checked exhaustively: a champion stays first
in every ending, a contender that "can still win" has a witness that makes
it champion, an eliminated one is first in none. The 2004 witnesses and
random endings are re-scored by the real scoring engine, not by the title
code."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.analysis.title.completion import Placings, check_completion, final_table
from podium.analysis.title.race import Car, Contender, OpenRound, TitleRace, build_race
from podium.analysis.title.verdict import TitleStatus, verdict, verdicts
from podium.app.season import ScoredSeason
from podium.model.results import ResultLine, Status
from podium.rules.schema import CountBack
from podium.scoring import compute_standings, score_season


def _round_endings(rnd: OpenRound) -> list[Placings]:
    n = rnd.field_size
    out = []
    for m in range(0 if not rnd.everyone_classified else n, n + 1):
        for chosen in itertools.permutations(range(n), m):
            places: list[int | None] = [None] * n
            for p, i in enumerate(chosen, start=1):
                places[i] = p
            out.append(tuple(places))
    return out


@st.composite
def races(draw: st.DrawFn) -> TitleRace:
    teams = draw(st.integers(2, 3))
    cars = [Car(f"c{i}", f"#{i}", (f"T{i % teams}",)) for i in range(draw(st.integers(teams, 4)))]
    everyone = draw(st.booleans())
    n_rounds = draw(st.integers(1, 2))
    scale = sorted(
        draw(st.lists(st.integers(0, 6), min_size=len(cars), max_size=len(cars))), reverse=True
    )
    rounds = tuple(
        OpenRound(9 + r, f"R{r}", tuple(scale), tuple(cars), everyone) for r in range(n_rounds)
    )
    depth = len(cars)
    contenders = tuple(
        Contender(
            f"T{t}",
            draw(st.integers(0, 14)),
            tuple(draw(st.integers(0, 1)) for _ in range(depth)),
        )
        for t in range(teams)
    )
    return TitleRace(
        "teams",
        "X",
        8,
        contenders,
        rounds,
        draw(st.booleans()),
        CountBack.ALL_PLACES,
        True,
        1,
        depth,
    )


@settings(max_examples=60, deadline=None)
@given(races())
def test_verdicts_match_every_ending(race: TitleRace) -> None:
    endings = list(itertools.product(*(_round_endings(r) for r in race.rounds)))
    champions = [set(final_table(race, e).champions) for e in endings]
    for v in verdicts(race):
        ever = any(v.name in c for c in champions)
        always = all(v.name in c for c in champions)
        if v.status is TitleStatus.CHAMPION:
            assert always, v
        elif v.status is TitleStatus.CAN_WIN:
            assert v.witness is not None
            check_completion(race, v.witness)
            assert v.name in final_table(race, v.witness).champions
            assert not always or race.share_ties
        elif v.status is TitleStatus.ELIMINATED:
            assert not ever, v
        if v.need is not None and v.need.place is not None:
            # Every ending with the contender's best car there or better keeps the title.
            first = race.rounds[0]
            for e, c in zip(endings, champions, strict=True):
                mine = [e[0][i] for i in race.cars_of(v.name, first)]
                best = min((p for p in mine if p is not None), default=None)
                if best is not None and best <= v.need.place:
                    assert v.name in c, (v, e)


def _rescored(
    scored: ScoredSeason, class_code: str, completion: tuple[Placings, ...], race: TitleRace
) -> set[str]:
    """Champions after writing a completion as results and scoring it for real."""
    season = scored.season
    for rnd, placings in zip(race.rounds, completion, strict=True):
        others = [r for r in season.results_of(rnd.number) if r.class_code != class_code]
        lines = [
            ResultLine(
                rnd.number,
                class_code,
                Status.CLASSIFIED if p is not None else Status.RETIRED,
                entry=car.key,
                class_pos=p,
                laps=100 if p is not None else 10,
                drivers=car.owners if race.championship == "drivers" else (),
            )
            for car, p in zip(rnd.cars, placings, strict=True)
        ]
        season = season.replace_results(rnd.number, others + lines)
    champ = season.rules.championship(race.championship)
    table = compute_standings(
        score_season(season), season.rules, champ, class_code, season.round_numbers()
    )
    return {r.competitor for r in table.rows if r.place == 1}


def test_2004_lmp2_witnesses_and_random_endings_rescored(scored: ScoredSeason) -> None:
    race = build_race(scored.season, scored.ledger, scored.championship("teams"), "LMP2", 8)
    for v in verdicts(race):
        if v.status is TitleStatus.CAN_WIN:
            assert v.witness is not None
            assert v.name in _rescored(scored, "LMP2", v.witness, race)
    miracle = verdict(race, "Miracle Motorsports")
    assert miracle.need is not None and miracle.need.place is not None
    rng = random.Random(5)
    rnd = race.rounds[0]
    for _ in range(300):
        n = rnd.field_size
        order = rng.sample(range(n), n)
        finishers = rng.randint(0, n)
        places: list[int | None] = [None] * n
        for p, i in enumerate(order[:finishers], start=1):
            places[i] = p
        ending = (tuple(places),)
        mine = [places[i] for i in race.cars_of("Miracle Motorsports", rnd)]
        if any(p is not None and p <= miracle.need.place for p in mine):
            assert _rescored(scored, "LMP2", ending, race) == {"Miracle Motorsports"}


def test_2004_champions_keep_the_title_in_thousands_of_endings(scored: ScoredSeason) -> None:
    rng = random.Random(7)
    for code in ("LMP1", "GTS", "GT"):
        race = build_race(scored.season, scored.ledger, scored.championship("teams"), code, 8)
        champions = [v.name for v in verdicts(race) if v.status is TitleStatus.CHAMPION]
        assert len(champions) == 1
        for k in range(1000):
            ending = []
            for rnd in race.rounds:
                n = rnd.field_size
                order = rng.sample(range(n), n)
                places: list[int | None] = [None] * n
                for p, i in enumerate(order[: rng.randint(0, n)], start=1):
                    places[i] = p
                ending.append(tuple(places))
            final = final_table(race, tuple(ending))
            assert champions[0] in final.champions
            if k % 100 == 0:  # and the real scoring engine agrees
                assert champions[0] in _rescored(scored, code, tuple(ending), race)
