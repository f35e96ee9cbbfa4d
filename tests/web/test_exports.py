"""`podium export` and the results key: the published GT table comes out of
every format, and wikitext cells carry Wikipedia's colours."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from podium.app.results_key import Key, key_of, tag_of
from podium.app.season import ScoredSeason
from podium.cli import app
from podium.model import Points, Status
from podium.render.wikitext import escape_cell
from podium.scoring.standings import Cell
from tests.web.test_api_read import published

runner = CliRunner()


def export(*args: str) -> str:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_and_json_reproduce_the_published_gt_table() -> None:
    rows = list(csv.DictReader(io.StringIO(export("standings", "--class", "GT"))))
    got = [[r["pos"], r["name"], *(r[f"r{i}"] for i in range(1, 10)), r["total"]] for r in rows]
    assert got == published("GT")
    data = json.loads(export("standings", "--class", "GT", "--format", "json"))
    assert [r["total"] for r in data["rows"]] == [row[-1] for row in published("GT")]


def test_wikitext_standings_parse_back_to_the_published_table() -> None:
    text = export("standings", "--class", "GT", "--championship", "teams", "--format", "wikitext")
    table = text.split("|}")[0]
    rows = []
    for block in table.split("\n|-\n")[1:]:
        lines = block.splitlines()
        pos = lines[0].removeprefix("! ")
        name = lines[1].split(" | ", 1)[1]
        cells = [ln.split(" | ", 1)[1] if " | " in ln else ln[2:] for ln in lines[2:-1]]
        cells = [c if re.fullmatch(r"[\d.½]+", c) else "" for c in cells]  # Ret etc. score nothing
        rows.append([pos, name, *cells, lines[-1].removeprefix("! ")])
    assert rows == published("GT")
    assert '| style="background:#FFFFBF;" | 26' in table  # Alex Job won Sebring: gold
    assert '| style="background:#EFCFFF;" | Ret' in table  # P.K. Sport retired at Laguna Seca
    key = text.split("|}")[1]
    assert "Disqualified (DSQ)" in key and "background:#000000; color:#FFFFFF;" in key


def test_markdown_and_wikitext_results(scored: ScoredSeason) -> None:
    md = export("results", "9", "--class", "LMP2", "--format", "md")
    assert md.startswith("### Round 9") and "| LMP2 |" in md and "| GT |" not in md
    wiki = export("results", "9", "--format", "wikitext")
    assert wiki.count("\n|-\n") == len(scored.classification(9))  # one row per car
    assert '! 1\n| LMP1\n| style="background:#FFFFBF;" | 1\n| 2\n| ADT Champion Racing' in wiki


def test_unknown_class_is_a_clear_error() -> None:
    result = runner.invoke(app, ["export", "standings", "--class", "GT9", "--format", "wikitext"])
    assert result.exit_code == 1
    assert "no class 'GT9'" in result.stderr and "GT" in result.stderr


@pytest.mark.parametrize(
    ("cell", "key", "tag"),
    [
        (Cell(Points(26), 1, Status.CLASSIFIED), Key.GOLD, ""),
        (Cell(None, 1, Status.CLASSIFIED), Key.GOLD, ""),  # won, not registered: still gold
        (Cell(Points(16), 2, Status.CLASSIFIED), Key.SILVER, ""),
        (Cell(Points(13), 3, Status.CLASSIFIED), Key.BRONZE, ""),
        (Cell(Points(4), 7, Status.CLASSIFIED), Key.GREEN, ""),
        (Cell(None, 12, Status.CLASSIFIED), Key.BLUE, ""),
        (Cell(None, None, Status.RETIRED), Key.PURPLE, "Ret"),
        (Cell(None, None, Status.NOT_CLASSIFIED), Key.PURPLE, "NC"),
        (Cell(None, None, Status.DISQUALIFIED), Key.BLACK, "DSQ"),
        (Cell(None, None, Status.DID_NOT_START), Key.WHITE, "DNS"),
        (None, None, ""),
    ],
)
def test_results_key(cell: Cell | None, key: Key | None, tag: str) -> None:
    assert key_of(cell) == key
    assert tag_of(cell) == tag


@given(st.text(max_size=40))
def test_wikitext_cells_cannot_break_the_table(name: str) -> None:
    cell = escape_cell(name)
    assert not set(cell) & set("|{}[]<>\n\r")
    assert html.unescape(cell) == " ".join(name.split())  # nothing lost but spacing
