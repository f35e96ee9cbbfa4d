"""`podium penalty add|list|withdraw` (stewards' decisions) and `podium
publish` (a round's results made official): on a season folder, or on a
season in a database with --database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from podium.cli.common import emit, failing_cleanly, format_option

# podium.model.PenaltyKind's values (tests/test_race_control.py checks): the
# model is not imported for `podium --help`.
KINDS = ("dsq", "excluded", "time", "positions", "points", "grid_places", "grid_to_back")

if TYPE_CHECKING:
    from podium.app.repository import Repository
    from podium.model import Season
    from podium.render.tabular import Tabular

database_option = click.option(
    "--database",
    "-d",
    help="Post to the season in this store instead of a folder (e.g. sqlite:///podium.db).",
)
season_id_option = click.option(
    "--season-id",
    "-S",
    help="With --database: the stored season (default: the folder's, else alms-2004).",
)
season_option = click.option(
    "--season",
    "-s",
    type=click.Path(file_okay=False, path_type=Path),
    help="The season folder (its penalties.csv holds the decisions).",
)


@click.group(name="penalty", no_args_is_help=True)
def penalty() -> None:
    """Stewards' decisions: add one, list them, withdraw one on appeal.

    Results stay as the timing sheet printed them; the decisions are applied
    on top when the season is scored, so re-importing the same file changes
    nothing and a decision survives it. Kinds: dsq (disqualified from the
    session), excluded (from the event: every session of the round), time
    (added to the race time: the session is classified again), positions
    (dropped places in its class), points (taken in one championship, or in
    every one), grid_places and grid_to_back (shown, no effect on the
    result). What disqualification does to the places of the others is a
    rules.toml choice ([stewards], docs/rules.md).

    Example: podium penalty add --season my-league --round 3 --car 42 --kind time --value 30s --reason "track limits"
    """


@dataclass
class Where:
    """The season a command changes: a folder, or a season in a store."""

    season: Season
    """As the timing sheets printed it (no decision applied)."""
    folder: Path | None = None
    repo: Repository | None = None


def _where(season: Path | None, database: str | None, season_id: str | None) -> Where:
    from podium.app.season import BUILTIN_ID, open_season
    from podium.datasets import builtin_folder
    from podium.errors import InputError, Problem

    if database:
        from podium.store import open_repository

        repo = open_repository(database)
        stored = season_id or (open_season(season).id if season else BUILTIN_ID)
        return Where(repo.season(stored), repo=repo)
    if builtin_folder(season) is not None:
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                "which season? the built-in season is read-only package data",
                expected="--season FOLDER, or --database URL",
                found=str(season) if season else "nothing",
            )
        )
    return Where(open_season(season), folder=season)


@penalty.command("add")
@season_option
@click.option("--round", "-r", "round_number", type=click.IntRange(min=1), required=True)
@click.option("--car", "car_no", help="Car number.")
@click.option(
    "--class", "-c", "class_code", help="The car's class, where two classes use its number."
)
@click.option("--entry", help="Entry key instead of a car number.")
@click.option(
    "--kind",
    "-k",
    required=True,
    type=click.Choice(KINDS),
    help="dsq (from the session), excluded (from every session of the round), "
    "time (added to the race time), positions (places dropped in its class), "
    "points (taken), grid_places or grid_to_back (shown only).",
)
@click.option("--value", "-v", default="", help="30s for time, 3 for positions, 10 for points.")
@click.option("--reason", required=True, help="Why, as the decision says it.")
@click.option("--championship", "-C", default="", help="Points penalties: only this championship.")
@click.option("--session", default="race", show_default=True, help="The session it is about.")
@click.option("--source", default="", help="Where it comes from (a decision document).")
@database_option
@season_id_option
def add(
    season: Path | None,
    round_number: int,
    car_no: str | None,
    class_code: str | None,
    entry: str | None,
    kind: str,
    value: str,
    reason: str,
    championship: str,
    session: str,
    source: str,
    database: str | None,
    season_id: str | None,
) -> None:
    """Add a stewards' decision about one car at one round.

    It is checked before anything is written: the car, the value its kind
    needs, the championship, and that it can be applied (a time penalty needs
    the car's race time). Prints the decision's number (for `withdraw`).

    Example: podium penalty add --season my-league --round 3 --car 13 --kind dsq --reason "underweight"
    """
    from podium.app.penalties import add_to_folder, penalty_for
    from podium.model import PenaltyKind

    with failing_cleanly():
        where = _where(season, database, season_id)
        decision = penalty_for(
            where.season,
            round_number,
            PenaltyKind(kind),
            reason,
            car_no,
            entry,
            value,
            championship,
            source or "podium penalty add",
            session,
            "podium penalty add",
            class_code,
        )
        if where.repo is not None:
            revision = where.repo.add_penalty(where.season.id, decision, "podium penalty add")
            number = len(where.season.penalties) + 1
            click.echo(f"decision {number} added to {where.season.id} (revision {revision})")
        elif where.folder is not None:
            number = add_to_folder(where.folder, where.season, decision)
            click.echo(f"decision {number} added to {where.folder / 'penalties.csv'}")


@penalty.command("list")
@season_option
@click.option("--round", "-r", "round_number", type=click.IntRange(min=1), help="Only this round.")
@click.option(
    "--all", "everything", is_flag=True, help="Also the penalties served during a session."
)
@database_option
@season_id_option
@format_option
def list_command(
    season: Path | None,
    round_number: int | None,
    everything: bool,
    database: str | None,
    season_id: str | None,
    fmt: str,
) -> None:
    """The stewards' decisions, numbered, with what each does and whether it stands.

    Penalties a results file records as served during the session (a
    drive-through, a stop-and-go) are in the timing sheet already: they are
    counted, and listed with --all.

    Example: podium penalty list --season my-league --round 3
    """
    from podium.app.penalties import decision_list
    from podium.app.season import open_season
    from podium.render.penalty_views import decisions_view

    def build() -> Tabular:
        held = _where(season, database, season_id).season if database else open_season(season)
        return decisions_view(decision_list(held, round_number, served=everything))

    emit(build, fmt)


@penalty.command("withdraw")
@click.argument("number", type=click.IntRange(min=1))
@season_option
@click.option("--reason", required=True, help="Why, e.g. 'appeal upheld by the court of appeal'.")
@database_option
@season_id_option
def withdraw(
    number: int, season: Path | None, reason: str, database: str | None, season_id: str | None
) -> None:
    """Withdraw decision NUMBER (see `podium penalty list`), e.g. on appeal.

    The decision stays on record, marked withdrawn with the reason, and
    changes nothing from then on.

    Example: podium penalty withdraw 10 --season my-league --reason "appeal upheld"
    """
    from podium.app.penalties import withdraw_in_folder

    with failing_cleanly():
        where = _where(season, database, season_id)
        if where.repo is not None:
            actor = "podium penalty withdraw"
            revision = where.repo.withdraw_penalty(where.season.id, number, reason, actor)
            click.echo(f"decision {number} withdrawn in {where.season.id} (revision {revision})")
        elif where.folder is not None:
            withdraw_in_folder(where.folder, where.season, number, reason)
            click.echo(f"decision {number} withdrawn in {where.folder / 'penalties.csv'}")


@click.command()
@season_option
@click.option("--round", "-r", "round_number", type=click.IntRange(min=1), required=True)
@click.option("--provisional", is_flag=True, help="Mark the results provisional again instead.")
@database_option
@season_id_option
def publish(
    season: Path | None,
    round_number: int,
    provisional: bool,
    database: str | None,
    season_id: str | None,
) -> None:
    """Make a round's results official (or provisional again with --provisional).

    Imported results are provisional until the stewards have ruled; tables,
    explanations and pages say which rounds are. Publishing changes no
    result: decisions taken later still apply on top.

    Example: podium publish --season my-league --round 3
    """
    from podium.app.folder import set_round_status
    from podium.model import RoundStatus

    status = RoundStatus.PROVISIONAL if provisional else RoundStatus.OFFICIAL
    with failing_cleanly():
        where = _where(season, database, season_id)
        rnd = where.season.round(round_number)
        lines = where.season.results_of(round_number)
        if not lines:
            from podium.errors import InputError, Problem

            raise InputError(
                Problem(
                    "--round",
                    None,
                    "round",
                    "no results to publish yet",
                    expected="a round with results",
                    found=str(round_number),
                )
            )
        if where.repo is not None:
            from podium.app.round_status import publish_round

            why = f"results {status.value}"
            publish_round(where.repo, where.season, round_number, status, "podium publish", why)
        elif where.folder is not None:
            set_round_status(where.folder, where.season, round_number, status)
    click.echo(f"round {round_number} ({rnd.label}): results {status.value}")


@click.command(name="init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", required=True, help='The season\'s name, e.g. "Endurance League 2026".')
@click.option("--classes", required=True, help="Class codes, comma-separated, e.g. GT3,GT4.")
@click.option("--rounds", type=click.IntRange(1, 100), required=True, help="Number of rounds.")
@click.option(
    "--scale",
    default="fia",
    show_default=True,
    help="Points: fia (25-18-15...), alms (20-16-13...), imsa (350-320-300...), "
    "classic (10-6-4-3-2-1), or a list such as 10,8,6,5,4,3,2,1.",
)
@click.option(
    "--teams/--no-teams", default=True, show_default=True, help="A teams' championship too."
)
@click.option(
    "--min-distance",
    type=click.FloatRange(0, 1),
    default=0.0,
    help="Share of the class winner's laps a car must cover to score, e.g. 0.7.",
)
@click.option(
    "--circuits",
    default="",
    help="The rounds' circuits in calendar order, comma-separated (default: TBA).",
)
@click.option("--year", type=click.IntRange(1900, 2200), help="Default: this year.")
def init(
    folder: Path,
    name: str,
    classes: str,
    rounds: int,
    scale: str,
    teams: bool,
    min_distance: float,
    circuits: str,
    year: int | None,
) -> None:
    """Start a season: write a valid, commented season folder to fill in.

    It holds season.toml (classes and calendar), rules.toml (the points scale,
    a drivers' and, unless --no-teams, a teams' championship per class), an
    import.toml for mapping the class names of results files, and empty
    teams, drivers, entries and crews lists that `podium import
    --create-entries` fills. Then: `podium import`, `podium penalty add`,
    `podium publish`, `podium standings`.

    Example: podium init my-league --name "Endurance League 2026" --classes GT3,GT4 --rounds 6
    """
    from podium.app.init import NewSeason, init_season, parse_scale

    with failing_cleanly():
        scale_name, points = parse_scale(scale)
        codes = tuple(c.strip() for c in classes.split(",") if c.strip())
        venues = tuple(c.strip() for c in circuits.split(",") if c.strip())
        written = init_season(
            folder,
            NewSeason(
                name, codes, rounds, points, scale_name, teams, year or 0, min_distance, venues
            ),
        )
    click.echo(f"wrote {folder}: {', '.join(written)}")
    click.echo(f"next: check the calendar in {folder / 'season.toml'}, then `podium import`")
