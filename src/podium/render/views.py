"""Answers as :class:`Tabular` views: the columns and rows the CLI, the
exports and the site's downloads print as a table, CSV or Markdown."""

from __future__ import annotations

from podium.app.explain import ExplainReport
from podium.app.rounds import RESULT_COLUMNS, ResultsReport, WinnersReport
from podium.app.standings import StandingsReport
from podium.model import format_points
from podium.render.tabular import Tabular
from podium.scoring.standings import Cell


def standings_view(report: StandingsReport) -> Tabular:
    round_columns = [f"r{n}" for n in report.rounds]
    cars = ["chassis", "engine"] if report.teams else []
    columns = ["pos", "name", *cars, *round_columns, "total"]
    rows = []
    for row in report.rows:
        cells = [cell_text(c) for c in row.cells]
        extra = (
            [" / ".join(row.chassis or ()), " / ".join(row.engines or ())] if report.teams else []
        )
        rows.append([row.label, row.name, *extra, *cells, format_points(row.total)])
    notes = list(report.notes)
    return Tabular(
        columns, rows, report.title, notes, report, right={"pos", "total", *round_columns}
    )


def cell_text(cell: Cell | None) -> str:
    """A standings cell as printed: its points, in brackets when best-N
    results drop the round (as Wikipedia prints them)."""
    if cell is None:
        return ""
    text = format_points(cell.points)
    return f"({text})" if cell.dropped and text else text


def results_view(report: ResultsReport) -> Tabular:
    rows = [list(report.cells(c)) for c in report.lines]
    return Tabular(
        list(RESULT_COLUMNS),
        rows,
        report.title,
        [],
        report,
        right={"overall_pos", "class_pos", "laps"},
    )


def winners_view(report: WinnersReport) -> Tabular:
    columns = ["round", "circuit", "class", "car_no", "team", "drivers", "overall"]
    rows, styles = [], {}
    for index, w in enumerate(report.winners):
        rows.append(
            [
                str(w.round),
                w.round_label,
                w.class_code,
                w.car_no,
                w.team,
                " / ".join(w.drivers),
                "overall winner" if w.overall else "",
            ]
        )
        if w.overall:
            styles[index] = "bold"
    return Tabular(
        columns,
        rows,
        f"{report.season_title}: class winners (overall winner in bold)",
        [],
        report,
        styles=styles,
        right={"round"},
    )


def explain_view(report: ExplainReport) -> Tabular:
    columns = ["championship", "class", "round", "points", "counts", "reason"]
    rows = []
    for exp in report.explanations:
        for r in exp.rows:
            rows.append(
                [
                    exp.championship,
                    exp.class_code,
                    str(r.round),
                    format_points(r.points),
                    "yes" if r.counts and not r.dropped else "no",
                    r.reason,
                ]
            )
        rows.append([exp.championship, exp.class_code, "total", format_points(exp.total), "", ""])
    who = report.explanations[0].competitor if report.explanations else ""
    return Tabular(columns, rows, f"Points of {who}", [], report, right={"round", "points"})
