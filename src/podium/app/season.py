"""A season and its ledger: where every question about points starts.

``open_season`` reads a season folder (or the built-in 2004 ALMS);
:class:`ScoredSeason` holds a season, scores it once and memoises what is
asked of it (standings tables, winners). The answers built on it live in
``app.standings``, ``app.results``, ``app.site`` and ``app.title``.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from podium.analysis.winners import ClassWinner, class_winners
from podium.errors import InputError, NotFound, Problem
from podium.model.results import ResultLine, Status
from podium.model.season import Season
from podium.rules.schema import Championship
from podium.rules.timed import MARK, session_kind
from podium.scoring import LedgerRow, StandingsTable, compute_standings, score_season
from podium.scoring.classify import place_round
from podium.scoring.stewards import apply_decisions

BUILTIN_ID = "alms-2004"
"""The default built-in season; ``podium.datasets.BUILTINS`` lists them all."""
"""The built-in season's id: ``--season alms-2004`` names it where a folder is expected."""

T = TypeVar("T")

AsOf = int | dt.datetime | None
"""A season revision number, a moment (UTC), or None for the latest."""


def open_season(path: str | Path | None = None, *, cached: bool = False) -> Season:
    """The season in a native folder, or a built-in season by its id
    (``alms-2004``, the default when ``path`` is None; ``imsa-2023``). Raises :class:`InputError` naming every
    problem of the folder.

    ``cached``: reuse the season an earlier process loaded if no file of the
    folder changed since (``readers.season_cache``): the CLI reads through it.
    """
    from podium.datasets import BUILTINS, builtin_folder

    def load(folder: Path) -> Season:
        # The reader is imported only on a cache miss (start-up time).
        if cached:
            from podium.readers.season_cache import load_season_cached

            return load_season_cached(folder)
        from podium.readers.native import load_season

        return load_season(folder)

    builtin = builtin_folder(path)
    if builtin is not None:
        return load(builtin)
    folder = Path(str(path))
    if not folder.is_dir():
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                "not a season folder",
                expected=f"a season folder or a built-in season: {', '.join(BUILTINS)}",
                found=str(path),
            )
        )
    return load(folder)


@dataclass(frozen=True, slots=True)
class CompetitorCars:
    chassis: tuple[str, ...]
    engines: tuple[str, ...]


class ScoredSeason:
    """A season as of one revision, scored once, with memoised answers.

    ``season`` is the official state: the stewards' decisions applied on top
    of the timing sheets (``scoring.stewards``); ``printed`` is the season as
    given. ``revision`` and ``as_of`` say which state of a stored season this
    is (0 and None for a season read from a folder): ``read_as_of`` is the
    "as of" the season was read with, ``as_of`` what the request asked for and
    the pages show (``asked``: a moment that resolved to a revision).
    """

    def __init__(self, season: Season, revision: int = 0, as_of: AsOf = None) -> None:
        self.printed = season
        self.season = apply_decisions(season)
        self.revision = revision
        self.as_of = as_of
        self.read_as_of = as_of
        self._memo: dict[tuple[object, ...], object] = {}
        self._lock = threading.Lock()

    def asked(self, as_of: AsOf) -> ScoredSeason:
        """This same scored state, shown as of what a request asked for (a
        moment that resolved to this revision): the season, its ledger and
        every memoised answer are shared, so nothing memoised may hold
        ``as_of`` (``site.season_info`` is added per request)."""
        if as_of == self.as_of:
            return self
        shown = copy.copy(self)
        shown.as_of = as_of
        return shown

    @cached_property
    def ledger(self) -> tuple[LedgerRow, ...]:
        return score_season(self.season)

    def memo(self, key: tuple[object, ...], build: Callable[[], T]) -> T:
        """``build()``, computed once per key (answers of one revision never change)."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            pass
        value = build()
        with self._lock:
            self._memo.setdefault(key, value)
        return self._memo[key]  # type: ignore[return-value]

    # -- lookups -------------------------------------------------------

    def championship(self, championship_id: str) -> Championship:
        try:
            return self.season.rules.championship(championship_id)
        except KeyError as exc:
            raise NotFound(str(exc.args[0])) from None

    def class_code(self, code: str) -> str:
        return self.season.car_class(code).code

    def table_class(self, championship: Championship, class_code: str | None) -> str:
        """The class a table of ``championship`` is for: the one asked (its
        canonical code), the first class when none is, "" when the
        championship is not per class."""
        if not championship.per_class:
            return ""
        if not class_code:
            return championship.classes[0] if championship.classes else self.season.classes[0].code
        code = self.class_code(class_code)
        if not championship.held_in(code):
            held = ", ".join(championship.classes)
            raise NotFound(
                f"no {championship.name or championship.id} in {code}: it is held in {held}"
            )
        return code

    # -- standings -----------------------------------------------------

    def standings(
        self, championship: str = "teams", class_code: str | None = None, after: int | None = None
    ) -> StandingsTable:
        champ = self.championship(championship)
        code = self.table_class(champ, class_code)
        if after is not None:
            self.season.round(after)
        return self.memo(
            ("standings", champ.id, code, after),
            lambda: compute_standings(
                self.ledger, self.season.rules, champ, code, self.season.round_numbers(), after
            ),
        )

    def all_tables(self, after: int | None = None) -> dict[tuple[str, str], StandingsTable]:
        tables = {}
        for champ in self.season.rules.championships:
            codes = (
                [c.code for c in self.season.classes if champ.held_in(c.code)]
                if champ.per_class
                else [""]
            )
            for code in codes:
                tables[(champ.id, code)] = self.standings(champ.id, code or None, after)
        return tables

    def cars_of(self, team: str, class_code: str) -> CompetitorCars:
        """Chassis and engines a team ran in a class, in entry-list order."""
        chassis: dict[str, None] = {}
        engines: dict[str, None] = {}
        for entry in self.season.entries:
            if entry.team == team and entry.class_code == class_code:
                for car in entry.cars:
                    chassis.setdefault(car.chassis)
                    if car.engine.name:
                        engines.setdefault(car.engine.name)
        return CompetitorCars(tuple(chassis), tuple(engines))

    def unattributed(self, class_code: str, after: int | None = None) -> tuple[ResultLine, ...]:
        """Point-scoring result lines whose drivers the sources do not name:
        driver totals are lower bounds while any exist."""
        rules = self.season.rules
        out = []
        for rnd in self.season.rounds:
            if after is not None and rnd.number > after:
                continue
            _, scale = rules.scale_for(rnd.number, rnd.scale)
            lines = list(self.season.results_of(rnd.number))
            for placing in place_round(lines, rules):
                line = placing.line
                if (
                    line.class_code == class_code
                    and not line.drivers
                    and placing.eligible
                    and placing.place
                    and scale.for_place(placing.place) > 0
                ):
                    out.append(line)
        return tuple(out)

    # -- results ---------------------------------------------------------

    def classification(
        self,
        round_number: int,
        class_code: str | None = None,
        starters_only: bool = True,
        session: str | None = None,
    ) -> tuple[ResultLine, ...]:
        """A round's classification in results-sheet order: classified cars by
        overall (then class) position, then the rest by laps. Non-starters are
        left out unless ``starters_only`` is false: a results sheet lists the
        cars that took the start. ``session``: that session only (a time
        mark's class order: ``mark-4h``); none: every session of the results
        sheets (the time marks, worked out from the laps, left out)."""
        self.season.round(round_number)
        code = self.class_code(class_code) if class_code else None
        held = self.season.results_of(round_number)
        if session is not None and not any(r.session == session for r in held):
            known = ", ".join(dict.fromkeys(r.session for r in held)) or "none"
            raise NotFound(f"round {round_number} has no session {session!r} (it has: {known})")
        lines = [
            r
            for r in held
            if (code is None or r.class_code == code)
            and not (starters_only and r.status is Status.DID_NOT_START)
            and (r.session == session if session else session_kind(r.session) != MARK)
        ]
        class_order = {c.code: i for i, c in enumerate(self.season.classes)}

        def key(r: ResultLine) -> tuple[int, int, int, int, int]:
            return (
                0 if r.overall_pos is not None else 1,
                r.overall_pos or 0,
                0 if r.classified else 1,
                class_order.get(r.class_code, 99) if r.overall_pos is None else 0,
                r.class_pos if r.class_pos is not None else 1000 - (r.laps or 0),
            )

        return tuple(sorted(lines, key=key))

    def winners(self) -> tuple[ClassWinner, ...]:
        """Class winners of every round, in round and class order."""
        return self.memo(("winners",), lambda: class_winners(self.season))
