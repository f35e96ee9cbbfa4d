"""CSV formula injection: a team or driver named ``=cmd|' /C calc'!A0``
(an ACC file imported with ``--create-entries`` creates one) must never
reach a spreadsheet as a formula. Every CSV podium writes for people (the
commands' ``--format csv``, ``podium export``, the site's ``.csv``
downloads) neutralises a cell starting with ``=``, ``+``, ``-``, ``@``, tab
or carriage return with a leading ``'`` (OWASP), except podium's own
numbers, times and gaps (``-200`` points, ``+12.345``); the season folder's
own CSVs keep every name exactly (they are data podium reads back)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from podium.app.season import open_season
from podium.render.csv_safe import safe_cell
from podium.render.tabular import Format, Tabular, render

PODIUM = str(Path(sys.executable).parent / "podium")
ACC = Path(__file__).parent / "fixtures" / "acc" / "fabieu__simdesk__Session_R.json"
SEASON_ID = "hostile-2023"

TEAMS = {47: "=cmd|' /C calc'!A0", 198: "+SUM(1)", 22: "\t=1+2"}
"""Car number -> the teamName the ACC file gives it."""
DRIVERS = {
    (47, 0): ("=cmd|'", "-C calc'!A0"),
    (47, 1): ("@foo", ""),
    (198, 0): ("-2+3", ""),
    (22, 0): ("\t@bar", ""),
}
"""(car number, driver index) -> the first and last name the file gives
(a driver's name cannot hold "/": it separates a crew)."""

# What the season holds after the import: ACC names are whitespace-normalised
# by the reader (a leading tab does not survive), the rest exactly as written.
TEAM_NAMES = ["=cmd|' /C calc'!A0", "+SUM(1)", "=1+2"]
DRIVER_NAMES = ["=cmd|' -C calc'!A0", "@foo", "-2+3", "@bar"]
HOSTILE_REASON = '=HYPERLINK("http://evil.example";"x")'

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Written independently of podium.render.csv_safe: the values podium itself
# prints that start with a trigger (points, signed times and gaps, "-").
NUMBER = re.compile(
    r"-?\d+(\.\d+)?"  # points, a negative total
    r"|\+\d+(:\d\d)*\.\d{3}"  # a gap: +12.345, +1:02.345
    r"|\+\d+ laps?"  # a gap in laps
    r"|-"  # nothing to compare
)


def podium(*args: str) -> str:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def assert_no_formula(text: str) -> list[list[str]]:
    """Every cell of the CSV ``text`` that starts with a trigger is one of
    podium's numbers; returns the rows."""
    rows = cells(text)
    assert len(rows) > 1, text
    for row in rows:
        for cell in row:
            if cell.startswith(TRIGGERS):
                assert NUMBER.fullmatch(cell), f"formula-like cell {cell!r} in {row}"
    return rows


def column(rows: list[list[str]], name: str) -> list[str]:
    index = rows[0].index(name)
    return [row[index] for row in rows[1:]]


# -- the season --------------------------------------------------------------------


def hostile_acc(target: Path) -> Path:
    data = json.loads(ACC.read_text(encoding="utf-8"))
    lines = {line["car"]["raceNumber"]: line for line in data["sessionResult"]["leaderBoardLines"]}
    for number, team in TEAMS.items():
        lines[number]["car"]["teamName"] = team
    for (number, index), (first, last) in DRIVERS.items():
        lines[number]["car"]["drivers"][index].update(firstName=first, lastName=last)
    path = target / "hostile_R.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def set_gaps(folder: Path, gaps: dict[str, str]) -> None:
    """Results printed as a gap to the winner instead of a race time."""
    path = folder / "results" / "r1.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows:
        if row["car_no"] in gaps:
            row["time"], row["gap"] = "", gaps[row["car_no"]]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


class League:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "league"
        self.acc = hostile_acc(root)
        self.dry_run = ""


@pytest.fixture(scope="module")
def league(tmp_path_factory: pytest.TempPathFactory) -> League:
    """A league season whose teams and drivers come from a hostile ACC file
    (podium init, podium import --create-entries --apply), with a points
    penalty that takes a team to -200 and two results printed as gaps."""
    held = League(tmp_path_factory.mktemp("csv-injection"))
    folder = str(held.folder)
    podium(
        "init", folder, "--name", "Hostile", "--classes", "GT3,GT4,INV",
        "--rounds", "2", "--circuits", "Nürburgring,Spa-Francorchamps", "--year", "2023",
    )  # fmt: skip
    assert open_season(held.folder).id == SEASON_ID
    with (held.folder / "import.toml").open("a", encoding="utf-8") as f:
        f.write('CUP = "INV"\nST = "INV"\nCHL = "INV"\nTCX = "INV"\n')
    base = ["import", str(held.acc), "--season", folder, "--round", "1", "--create-entries"]
    held.dry_run = podium(*base, "--format", "csv")
    podium(*base, "--apply")
    set_gaps(held.folder, {"22": "+12.345", "21": "+1 lap"})
    # #373 scores 12 for 4th; the stewards take 212.
    podium(
        "penalty", "add", "--season", folder, "--round", "1", "--car", "373",
        "--kind", "points", "--value", "212", "--reason", HOSTILE_REASON,
    )  # fmt: skip
    return held


# -- the rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["=cmd|' /C calc'!A0", "+SUM(1)", "@foo", "-2+3", "\t=1+2", "\r=1+2", "-", "=", "+1 lapse"],
)
def test_a_cell_a_spreadsheet_would_evaluate_gets_a_quote(text: str) -> None:
    if text == "-":
        assert safe_cell(text) == "-"  # podium's "nothing to compare": not a formula
    else:
        assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "text",
    ["-200", "+12.345", "+1:02.345", "+1 lap", "+3 laps", "-0.5", "25", "1:42.072", "",
     "Alex Job Racing", "'=already quoted", "(12)"],
)  # fmt: skip
def test_numbers_times_gaps_and_names_are_left_as_they_are(text: str) -> None:
    assert safe_cell(text) == text


def test_render_quotes_only_csv() -> None:
    table = Tabular(
        ["pos", "name", "gap", "total"],
        [["1", "\t@tabbed", "+12.345", "-200"], ["2", "\r=carriage", "+1 lap", "-3"]],
    )
    text = render(table, Format.CSV)
    rows = assert_no_formula(text)
    assert rows[1:] == [
        ["1", "'\t@tabbed", "+12.345", "-200"],
        ["2", "'\r=carriage", "+1 lap", "-3"],
    ]
    # The other formats print the names as they are.
    assert "| \t@tabbed |" in render(table, Format.MD)
    records = json.loads(render(table, Format.JSON))
    assert records[0]["name"] == "\t@tabbed"


def test_a_carriage_return_inside_a_cell_starts_no_row() -> None:
    """A spreadsheet starts a new row at a bare CR: ``x\r=cmd...`` would put
    the formula first in a cell of its own. The row is quoted whole."""
    table = Tabular(["pos", "name"], [["1", "Team\r=cmd|' /C calc'!A0"], ["2", "Plain"]])
    text = render(table, Format.CSV)
    assert text == 'pos,name\n"1","Team\r=cmd|\' /C calc\'!A0"\n2,Plain\n'
    assert cells(text)[1] == ["1", "Team\r=cmd|' /C calc'!A0"]


# -- the commands, as real processes ----------------------------------------------------


def test_the_season_folder_keeps_every_name_exactly(league: League) -> None:
    def names(file: str, key: str = "name") -> set[str]:
        with (league.folder / file).open(encoding="utf-8", newline="") as f:
            return {row[key] for row in csv.DictReader(f)}

    assert set(TEAM_NAMES) <= names("teams.csv")
    assert set(TEAM_NAMES) <= names("entries.csv", "team")
    assert set(DRIVER_NAMES) <= names("drivers.csv")
    assert set(DRIVER_NAMES) <= names("crews.csv", "driver")
    assert set(TEAM_NAMES) <= names("results/r1.csv", "team")
    assert HOSTILE_REASON in names("penalties.csv", "reason")
    # ... and podium reads them back as they were.
    season = open_season(league.folder)
    assert set(TEAM_NAMES) <= {t.name for t in season.teams}
    assert set(DRIVER_NAMES) <= {d.name for d in season.drivers}


def test_the_import_dry_run(league: League) -> None:
    rows = assert_no_formula(league.dry_run)
    details = column(rows, "detail")
    assert "'=cmd|' /C calc'!A0" in details
    assert "'-2+3" in details


def test_standings_keep_negative_points(league: League) -> None:
    folder = str(league.folder)
    rows = assert_no_formula(podium("standings", "--season", folder, "--class", "GT3", "-f", "csv"))
    assert column(rows, "name")[:3] == ["'" + n for n in TEAM_NAMES]
    assert ["10", "Camillo Otto", "Aston Martin V8 Vantage GT3", "", "-200", "", "-200"] in rows
    drivers = podium(
        "standings", "--season", folder, "--class", "GT3", "--championship", "drivers", "-f", "csv"
    )
    rows = assert_no_formula(drivers)
    assert {"'=cmd|' -C calc'!A0", "'@foo", "'-2+3", "'@bar"} <= set(column(rows, "name"))
    assert any(row[1:] == ["Camillo Otto", "-200", "", "-200"] for row in rows)


def test_results_keep_gaps(league: League) -> None:
    folder = str(league.folder)
    rows = assert_no_formula(podium("results", "1", "--season", folder, "-f", "csv"))
    by_car = {row[3]: row for row in rows[1:]}
    assert by_car["47"][4:6] == [
        "'=cmd|' /C calc'!A0",
        "'=cmd|' -C calc'!A0 / @foo / Martin Seidel",
    ]
    assert by_car["198"][4:6] == ["'+SUM(1)", "'-2+3 / Jannes Reinders / Chris Hanna"]
    assert by_car["22"][4] == "'=1+2"
    assert by_car["22"][8] == "+12.345"
    assert by_car["21"][8] == "+1 lap"


def test_laps_keep_gaps(league: League) -> None:
    out = podium("laps", "1", "--season", str(league.folder), "--car", "47", "-f", "csv")
    rows = assert_no_formula(out)
    assert set(column(rows, "driver")) == {"'=cmd|' -C calc'!A0", "'@foo", "Martin Seidel"}
    gaps = [g for g in column(rows, "gap") if g]
    assert gaps and all(re.fullmatch(r"\+[\d:]+\.\d{3}", g) for g in gaps)


NAMED = "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "standings", "--class", "GT3", "--championship", "teams"], NAMED),
        (["export", "standings", "--class", "GT3", "--championship", "drivers"], "'@foo"),
        (["export", "results", "1", "--format", "csv"], NAMED),
        (["export", "results", "1", "--class", "GT3", "--format", "csv"], "'+SUM(1)"),
        (["winners", "--format", "csv"], NAMED),
        (["entries", "--format", "csv"], "'=1+2"),
        (["explain", "Camillo Otto", "--class", "GT3", "--format", "csv"], "-200"),
        (
            ["explain", "=cmd|' /C calc'!A0", "--format", "csv"],
            "#47 1st in GT3 at Nürburgring: 25 pts, scale fia",
        ),
        (["penalty", "list", "--format", "csv"], "'" + HOSTILE_REASON),
        (["title", "--class", "GT3", "--format", "csv"], NAMED),
        (["odds", "--class", "GT3", "--runs", "200", "--seed", "1", "--format", "csv"], NAMED),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_every_csv_command(league: League, args: list[str], expected: str) -> None:
    rows = assert_no_formula(podium(*args, "--season", str(league.folder)))
    assert any(expected in row for row in rows), rows


def test_a_season_without_hostile_names_prints_as_before() -> None:
    rows = assert_no_formula(podium("export", "standings", "--class", "GT"))
    assert not any(cell.startswith("'") for row in rows for cell in row)


def test_import_inspect(league: League) -> None:
    rows = assert_no_formula(podium("import", str(league.acc), "--inspect", "--cars", "-f", "csv"))
    assert "'=cmd|' -C calc'!A0 / @foo / Martin Seidel" in column(rows, "drivers")


# -- the site ------------------------------------------------------------------------------


def csv_routes() -> set[str]:
    """Every route of the site that can answer text/csv."""
    from podium.web import api, pages, title

    found = set()
    for router in (api.router, title.api, pages.router, title.pages):
        for route in router.routes:
            path = str(getattr(route, "path", ""))
            if path.endswith((".csv", ".{ext}")):
                found.add(path)
    return found


WEB = {
    "/seasons/{season_id}/rounds/{number}/laps.csv": ["/rounds/1/laps.csv"],
    "/seasons/{season_id}/rounds/{number}.{ext}": ["/rounds/1.csv"],
    "/seasons/{season_id}/standings/{class_code}/{championship}.{ext}": [
        "/standings/GT3/teams.csv",
        "/standings/GT3/drivers.csv",
        "/standings/INV/teams.csv",
    ],
}


def test_every_csv_route_is_tested() -> None:
    assert csv_routes() == set(WEB)


@pytest.fixture(scope="module")
def site(league: League) -> Iterator[httpx.Client]:
    from podium.cli.web_commands import open_repository
    from tests.web.conftest import serving

    # A copy: serving must not see a folder another test changes.
    folder = league.root / "served"
    shutil.copytree(league.folder, folder)
    with serving(open_repository(None, folder)) as url, httpx.Client(base_url=url) as client:
        yield client


@pytest.mark.parametrize("path", [p for paths in WEB.values() for p in paths])
def test_every_csv_download(site: httpx.Client, path: str) -> None:
    response = site.get(f"/seasons/{SEASON_ID}{path}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = assert_no_formula(response.text)
    if "standings/GT3" in path:
        assert any(row[1].startswith("'=cmd|' ") for row in rows)
        assert any(row[-1] == "-200" for row in rows)


def test_web_downloads_keep_gaps_and_names(site: httpx.Client) -> None:
    # The round's CSV is its results file (the columns of results/rN.csv).
    text = site.get(f"/seasons/{SEASON_ID}/rounds/1.csv").text
    by_car = {row["car_no"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (by_car["47"]["team"], by_car["22"]["gap"], by_car["21"]["gap"]) == (
        "'=cmd|' /C calc'!A0",
        "+12.345",
        "+1 lap",
    )
    laps = cells(site.get(f"/seasons/{SEASON_ID}/rounds/1/laps.csv").text)
    assert "'@foo" in column(laps, "driver")
    assert any(re.fullmatch(r"\+\d+\.\d{3}", g) for g in column(laps, "gap"))
    # The JSON twin and the API hold the exact names: only CSV is neutralised.
    data = site.get(f"/seasons/{SEASON_ID}/rounds/1.json").json()
    assert {r["team"]["name"] for r in data["results"] if r["team"]} >= set(TEAM_NAMES)
    table = site.get(f"/api/v1/seasons/{SEASON_ID}/standings/GT3/teams").json()
    assert [r["competitor"]["name"] for r in table["rows"][:3]] == TEAM_NAMES
