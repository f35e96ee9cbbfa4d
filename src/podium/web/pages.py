"""Server-rendered pages. Each page has a ``.json`` twin: the page renders
its answer's ``to_json()`` and the twin returns it, so the two can never
disagree. Standings and results also download as CSV, Markdown and wikitext."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from podium.app import people, rounds, site, standings
from podium.app.answer import JSON, Answer
from podium.app.ledger_page import ledger_page
from podium.app.line_details import RoundSheet, person_sheet, round_sheet
from podium.app.season import ScoredSeason
from podium.app.version_diff import version_changes
from podium.render.progression_chart import progression_svg
from podium.web.api import PRINTABLE, answer
from podium.web.deps import (
    AfterQuery,
    AsOfQuery,
    SessionQuery,
    held_laps,
    parse_as_of,
    repository,
    scored,
)
from podium.web.pages_common import render_page

router = APIRouter(include_in_schema=False)

SeasonId = Annotated[str, Path(max_length=100, pattern=PRINTABLE)]
Slug = Annotated[str, Path(max_length=200)]
Ext = Literal["json", "csv", "md", "wiki"]
JSONList = list[JSON]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "wiki": "text/plain; charset=utf-8",
}


def _page(request: Request, template: str, page: Answer, **extra: Any) -> HTMLResponse:
    return render_page(request, template, page=page.to_json(), **extra)


@router.get("/")
def index(request: Request) -> Response:
    ids = repository(request).season_ids()
    if len(ids) == 1:
        return RedirectResponse(f"/seasons/{ids[0]}", status_code=302)
    found = tuple(site.info_of(scored(i, None, request).season, 0) for i in ids)
    return render_page(request, "index.html", page={"seasons": [s.to_json() for s in found]})


# -- season home, calendar, entries ---------------------------------------


@router.get("/seasons/{season_id}.json")
def home_json(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(site.home(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}")
def home(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return _page(request, "home.html", site.home(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}/calendar.json")
def calendar_json(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(site.calendar(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}/calendar")
def calendar(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    page = site.calendar(scored(season_id, parse_as_of(as_of), request))
    return _page(request, "calendar.html", page)


@router.get("/seasons/{season_id}/calendar.ics")
def calendar_feed(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    """The calendar as an iCalendar feed: subscribe from a phone's calendar."""
    from podium.app.calendar_feed import calendar_ics

    s = scored(season_id, parse_as_of(as_of), request)
    link = str(request.url_for("home", season_id=season_id))
    stamp = repository(request).revision_time(season_id, s.revision) or dt.datetime.now(dt.UTC)
    text = calendar_ics(s.season, link, stamp)
    return Response(text, media_type="text/calendar; charset=utf-8")


@router.get("/seasons/{season_id}/entries.json")
def entries_json(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return answer(people.entries_page(scored(season_id, parse_as_of(as_of), request)))


@router.get("/seasons/{season_id}/entries")
def entries(season_id: SeasonId, request: Request, as_of: AsOfQuery = None) -> Response:
    return _page(
        request, "entries.html", people.entries_page(scored(season_id, parse_as_of(as_of), request))
    )


# -- rounds -------------------------------------------------------------------


def _round(s: ScoredSeason, season_id: str, number: int, request: Request) -> RoundSheet:
    s.season.round(number)
    page = rounds.round_page(s, number, rounds.newest_versions(repository(request), s, number))
    return round_sheet(s, page)


def _lap_sections(s: ScoredSeason, season_id: str, number: int, request: Request) -> JSONList:
    """Per session with laps: its lap chart and gap chart per class (SVG),
    drawn once per season revision."""
    from podium.app.laps import round_laps
    from podium.render.lap_chart import gap_chart_svg, lap_chart_svg

    def build() -> JSONList:
        held = held_laps(s, season_id, number, request)
        sections: JSONList = []
        for session in round_laps(s, number, held).sessions:
            report = round_laps(s, number, held, session)
            query = "" if session == "race" else f"?session={session}"
            sections.append(
                {
                    "session": session,
                    "csv": f"/seasons/{season_id}/rounds/{number}/laps.csv{query}",
                    "json": f"/api/v1/seasons/{season_id}/rounds/{number}/laps{query}",
                    "classes": [
                        {
                            "code": code,
                            "cars": len(report.of_class(code)),
                            "lap_chart": lap_chart_svg(report, code),
                            "gap_chart": gap_chart_svg(report, code),
                        }
                        for code in report.class_codes
                    ],
                }
            )
        return sections

    return s.memo(("lap-charts", number), build)


@router.get("/seasons/{season_id}/rounds/{number}/laps.csv")
def laps_csv(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    request: Request,
    session: SessionQuery = "race",
    as_of: AsOfQuery = None,
) -> Response:
    """Every lap of a session of the round, as `podium laps --format csv` prints it."""
    from podium.app.laps import round_laps
    from podium.render.lap_views import laps_view
    from podium.render.tabular import Format, render

    s = scored(season_id, parse_as_of(as_of), request)
    report = round_laps(s, number, held_laps(s, season_id, number, request), session)
    return Response(render(laps_view(report), Format.CSV), media_type=MEDIA["csv"])


@router.get("/seasons/{season_id}/rounds/{number}.{ext}")
def round_download(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    ext: Ext,
    request: Request,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    if ext == "json":
        return answer(_round(s, season_id, number, request))
    if ext == "csv":  # the round's results file: edited and uploaded back, nothing lost
        from podium.readers.native import schema
        from podium.readers.native.write import result_rows
        from podium.render.csv_safe import write_csv

        s.season.round(number)
        cells = [
            ["" if v is None else str(v) for v in row] for row in result_rows(s.season, number)
        ]
        return Response(write_csv(schema.RESULTS, cells), media_type=MEDIA["csv"])
    from podium.render.tabular import Format, render
    from podium.render.views import results_view
    from podium.render.wikitext import results_wikitext

    report = rounds.results_report(s, number)
    if ext == "wiki":
        text = results_wikitext(s.season, report)
    else:
        text = render(results_view(report), Format(ext))
    return Response(text, media_type=MEDIA[ext])


@router.get("/seasons/{season_id}/rounds/{number}")
def round_page(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    request: Request,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    page = _round(s, season_id, number, request)
    return _page(request, "round.html", page, laps=_lap_sections(s, season_id, number, request))


@router.get("/seasons/{season_id}/rounds/{number}/versions/{version}.json")
def version_json(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    version: Annotated[int, Path(ge=1, le=1_000_000)],
    request: Request,
    as_of: AsOfQuery = None,
) -> Response:
    return answer(
        version_changes(
            repository(request), scored(season_id, parse_as_of(as_of), request), number, version
        )
    )


@router.get("/seasons/{season_id}/rounds/{number}/versions/{version}")
def version_page(
    season_id: SeasonId,
    number: Annotated[int, Path(ge=1, le=1000)],
    version: Annotated[int, Path(ge=1, le=1_000_000)],
    request: Request,
    as_of: AsOfQuery = None,
) -> Response:
    """What version ``version`` of the round's results changed from the one before."""
    page = version_changes(
        repository(request), scored(season_id, parse_as_of(as_of), request), number, version
    )
    return _page(request, "version.html", page)


# -- standings ----------------------------------------------------------------


@router.get("/seasons/{season_id}/standings/{class_code}/{championship}.{ext}")
def standings_download(
    season_id: SeasonId,
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    ext: Ext,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    if ext == "json":
        return answer(standings.standings_page(s, championship, class_code, after))
    from podium.render.tabular import Format, render
    from podium.render.views import standings_view
    from podium.render.wikitext import standings_wikitext

    if after is not None:
        s.season.round(after)
    report = standings.standings_report(s, championship, s.class_code(class_code), after)
    if ext == "wiki":
        text = standings_wikitext(s.season, report)
    else:
        text = render(standings_view(report), Format(ext))
    return Response(text, media_type=MEDIA[ext])


@router.get("/seasons/{season_id}/standings/{class_code}/{championship}")
def standings_page(
    season_id: SeasonId,
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    page = standings.standings_page(s, championship, class_code, after)
    report = page.report
    return _page(
        request,
        "standings.html",
        page,
        chart=s.memo(
            ("chart", report.championship.id, report.class_code, after),
            lambda: progression_svg(page.progression, page.round_labels),
        ),
        classes=[c.code for c in s.season.classes],
        championships=[c.to_json() for c in site.championship_infos(s.season)],
        query=f"?after={after}" if after else "",
    )


@router.get("/seasons/{season_id}/standings/{class_code}/{championship}/ledger/{slug}.json")
def ledger_json(
    season_id: SeasonId,
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    slug: Slug,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(ledger_page(s, championship, class_code, slug, after))


@router.get("/seasons/{season_id}/standings/{class_code}/{championship}/ledger/{slug}")
def ledger(
    season_id: SeasonId,
    class_code: Annotated[str, Path(max_length=40)],
    championship: Annotated[str, Path(max_length=40)],
    slug: Slug,
    request: Request,
    after: AfterQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    """What a grid cell links to: the ledger behind one row, round by round."""
    s = scored(season_id, parse_as_of(as_of), request)
    page = ledger_page(s, championship, class_code, slug, after)
    return _page(request, "ledger.html", page, query=f"?after={after}" if after else "")


# -- teams and drivers ------------------------------------------------------------


@router.get("/seasons/{season_id}/teams/{slug}.json")
def team_json(
    season_id: SeasonId, slug: Slug, request: Request, as_of: AsOfQuery = None
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(person_sheet(s, people.team_page(s, slug)))


@router.get("/seasons/{season_id}/teams/{slug}")
def team(season_id: SeasonId, slug: Slug, request: Request, as_of: AsOfQuery = None) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return _page(request, "team.html", person_sheet(s, people.team_page(s, slug)))


@router.get("/seasons/{season_id}/drivers/{slug}.json")
def driver_json(
    season_id: SeasonId, slug: Slug, request: Request, as_of: AsOfQuery = None
) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return answer(person_sheet(s, people.driver_page(s, slug)))


@router.get("/seasons/{season_id}/drivers/{slug}")
def driver(season_id: SeasonId, slug: Slug, request: Request, as_of: AsOfQuery = None) -> Response:
    s = scored(season_id, parse_as_of(as_of), request)
    return _page(request, "driver.html", person_sheet(s, people.driver_page(s, slug)))
