"""Golden tests: podium's tables against the seed's published numbers."""

from __future__ import annotations

import csv
import re

import pytest

from podium.app.season import ScoredSeason
from podium.app.standings import standings_report
from podium.datasets import builtin_season_path
from podium.model import format_points
from podium.render.views import standings_view

from .conftest import GOLDEN

PUBLISHED = GOLDEN / "alms2004" / "published_team_standings.csv"
WINNERS = GOLDEN / "alms2004" / "season_winners.csv"


def published(class_code: str) -> list[dict[str, str]]:
    with PUBLISHED.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["class"] == class_code]


@pytest.mark.parametrize("class_code", ["LMP1", "LMP2", "GTS", "GT"])
def test_team_standings_match_published_cell_for_cell(
    scored: ScoredSeason, class_code: str
) -> None:
    table = scored.standings("teams", class_code)
    want = [
        [r["pos"], r["team"], *(r[f"r{i}"] for i in range(1, 10)), r["total"]]
        for r in published(class_code)
    ]
    got = [
        [
            s.label,
            s.competitor,
            *(format_points(c.points) if c else "" for c in s.cells),
            format_points(s.total),
        ]
        for s in table.rows
    ]
    assert got == want


def test_gt_shares_tenth_place() -> None:
    rows = published("GT")
    assert [r["pos"] for r in rows[-2:]] == ["10=", "10="]


def test_dataset_keeps_byte_copies_of_published_tables() -> None:
    folder = builtin_season_path() / "published"
    assert (folder / "teams.csv").read_bytes() == PUBLISHED.read_bytes()
    assert (folder / "winners.csv").read_bytes() == WINNERS.read_bytes()


def test_laguna_seca_lmp1_cell_comes_from_registration_not_an_override(
    scored: ScoredSeason,
) -> None:
    rows = [
        r
        for r in scored.ledger
        if r.championship == "teams"
        and r.round == 9
        and r.class_code == "LMP1"
        and r.competitor == "ADT Champion Racing"
    ]
    by_car = {r.entry: r for r in rows}
    assert by_car["2"].place == 1 and by_car["2"].points == 0
    assert "not registered for the teams championship" in by_car["2"].reason
    assert by_car["2"].withheld == 23
    assert by_car["38"].place == 2 and by_car["38"].points == 19 and by_car["38"].counts


def test_winners_reproduce_season_results_table(scored: ScoredSeason) -> None:
    season = scored.season
    mine = {(w.round, w.class_code): w for w in scored.winners()}
    with WINNERS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 36 == len(mine)
    for row in rows:
        winner = mine[(int(row["round"]), row["class"])]
        assert winner.car_no == row["car_no"]
        assert winner.team == row["team"]
        names = {season.driver_name(d.strip()) for d in row["drivers"].split("/")}
        assert set(winner.drivers) == names, row
    # Overall winner marked: every round was won overall by its LMP1 winner.
    assert {(w.round, w.class_code) for w in mine.values() if w.overall} == {
        (n, "LMP1") for n in range(1, 10)
    }


def _seed_classification() -> list[tuple[int, str, str, int, str]]:
    """Parse seed 001's run-together lines: '7P2C.Field / Liddell / SutherlandLola B2K/40157-'."""
    classes = {"P1": "LMP1", "P2": "LMP2", "GTS": "GTS", "GT": "GT"}
    out = []
    winner_laps = 10_000
    for line in (GOLDEN / "alms2004" / "laguna_seca_classification.txt").read_text().splitlines():
        match = re.match(r"^(\d+)(P1|P2|GTS|GT)(.*?)(\d+)(-|[A-Z][A-Za-z ]+)$", line)
        assert match, line
        pos, cls, middle, digits, reason = match.groups()
        # Car names end in digits too ('Reynard DBA 035' + 83 laps): laps are the
        # last three digits unless that exceeds the winner's laps, then two.
        laps = int(digits[-3:])
        if laps > winner_laps:
            laps = int(digits[-2:])
        if pos == "1":
            winner_laps = laps
        out.append(
            (
                int(pos),
                classes[cls],
                middle + digits[: len(digits) - len(str(laps))],
                laps,
                "" if reason == "-" else reason,
            )
        )
    return out


def test_laguna_seca_classification_matches_seed(scored: ScoredSeason) -> None:
    seed = _seed_classification()
    lines = list(scored.classification(9))
    assert len(seed) == len(lines) == 25
    for (pos, cls, middle, laps, reason), line in zip(seed, lines, strict=True):
        assert line.overall_pos == pos
        assert line.class_code == cls
        assert line.laps == laps
        assert line.reason.lower() == reason.lower()
        surnames = [d.split()[-1] for d in line.drivers]
        flat = middle.replace(" ", "").lower()
        for surname in surnames:
            assert surname.replace("ü", "u").replace("ö", "o").lower() in flat, (line, middle)
    # Class positions follow the printed order among classified cars.
    for cls in ("LMP1", "LMP2", "GTS", "GT"):
        places = [ln.class_pos for ln in lines if ln.class_code == cls and ln.classified]
        assert places == list(range(1, len(places) + 1))


def test_standings_csv_shape(scored: ScoredSeason) -> None:
    view = standings_view(standings_report(scored, "teams", "GT"))
    assert view.columns == [
        "pos",
        "name",
        "chassis",
        "engine",
        *(f"r{i}" for i in range(1, 10)),
        "total",
    ]
    assert view.rows[-1][0] == "10="
    drivers = standings_view(standings_report(scored, "drivers", "GT"))
    assert drivers.columns == ["pos", "name", *(f"r{i}" for i in range(1, 10)), "total"]
