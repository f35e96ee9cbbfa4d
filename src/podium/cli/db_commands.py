"""Commands for the database: `podium db load|seasons|versions|upgrade` and
`podium token create|list|revoke`. The store is SQLite by default (a file in the user's
data directory); --database or $PODIUM_DATABASE_URL picks another."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from podium.cli.common import emit, failing_cleanly, format_option, round_argument
from podium.render.tabular import Tabular

database_option = click.option(
    "--database",
    "-d",
    envvar="PODIUM_DATABASE_URL",
    show_default="~/.local/share/podium/podium.db",
    help="SQLAlchemy URL, e.g. sqlite:///podium.db or "
    "postgresql+psycopg://user:password@host/podium.",
)


@click.group(no_args_is_help=True)
def db() -> None:
    """Store seasons in a database (SQLite by default, or PostgreSQL).

    Example: podium db load path/to/season/ --database sqlite:///podium.db
    """


@click.group(no_args_is_help=True)
def token() -> None:
    """Tokens for the write API: create, list, revoke.

    Reads need no token. A token is `admin` (every write, loading and
    creating seasons included) or `write` (results, amendments and penalties
    of the seasons it names, nothing else), and may expire. Only its hash is
    stored. The server answers 401 to a missing, unknown, expired or revoked
    token and 403 to a write its token may not make (docs/web.md).

    Example: podium token create --name 'results desk'
    """


@db.command("load")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@database_option
@click.option(
    "--replace",
    is_flag=True,
    help="The stored season becomes the folder: what the folder lacks is removed "
    "(results get an empty version, decisions are withdrawn; all kept on record).",
)
@click.option(
    "--merge",
    is_flag=True,
    help="Lay the folder over the stored season: what the folder lacks is kept.",
)
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option(
    "--by",
    "actor",
    default="podium db load",
    show_default=True,
    help="Who is loading (kept with the revision).",
)
@click.option(
    "--reason", default="season load", show_default=True, help="Why (kept with the revision)."
)
def load(
    path: Path | None,
    database: str | None,
    replace: bool,
    merge: bool,
    dry_run: bool,
    actor: str,
    reason: str,
) -> None:
    """Load a season folder (PATH; default: the built-in 2004 ALMS), or update
    the stored season from it.

    Idempotent: loading the same folder again changes nothing. Changed
    results become a new result version of their round; the old version is
    kept (see `podium db seasons` and docs/store.md). The laps of laps/
    replace the stored laps of their sessions. A folder with any error
    (laps/ included) is refused and nothing is written.

    When the folder lacks something the store holds (a round, an entry, a
    round's results, a decision), the load is refused with the list until
    you choose --replace (remove it) or --merge (keep it). --dry-run shows
    the list and the changes without writing.

    Example: podium db load path/to/season/ --by "results desk" --reason "Laguna Seca official"
    """
    from podium.app.laps import folder_laps
    from podium.app.season import open_season
    from podium.app.season_load import load_season_into
    from podium.app.season_merge import LoadMode
    from podium.store import open_repository

    if replace and merge:
        raise click.UsageError("choose one of --replace and --merge")
    mode = LoadMode.REPLACE if replace else LoadMode.MERGE if merge else None
    with failing_cleanly():
        season = open_season(path)
        laps = folder_laps(path, season)
        repo = open_repository(database)
        try:
            done = load_season_into(
                repo,
                season,
                laps,
                mode=mode,
                actor=actor,
                reason=reason,
                dry_run=dry_run,
            )
        finally:
            repo.close()
    for line in done.lines:
        click.echo(line)
    for number, session, count in done.laps:
        verb = "to store" if dry_run else "stored"
        click.echo(f"  laps of round {number} ({session}) {verb}: {count} laps")
    if dry_run:
        click.echo("dry run: nothing written")


@db.command("seasons")
@database_option
@format_option
def seasons(database: str | None, fmt: str) -> None:
    """The seasons in the database, with their current revision.

    Example: podium db seasons --format csv
    """
    from podium.store import open_repository

    def build() -> Tabular:
        repo = open_repository(database)
        try:
            rows = []
            for season_id in repo.season_ids():
                season = repo.season(season_id)
                rows.append(
                    [
                        season_id,
                        season.title,
                        str(len(season.classes)),
                        str(len(season.rounds)),
                        str(len(season.rounds_with_results())),
                        str(len(season.entries)),
                        str(repo.revision(season_id)),
                    ]
                )
        finally:
            repo.close()
        columns = ["id", "season", "classes", "rounds", "with results", "entries", "revision"]
        right = {"classes", "rounds", "with results", "entries", "revision"}
        return Tabular(columns, rows, f"Seasons in {repo.url}", right=right)

    emit(build, fmt)


@db.command("versions")
@round_argument
@click.option(
    "--season-id",
    "-S",
    default="alms-2004",
    show_default=True,
    help="Stored season id (see `podium db seasons`).",
)
@database_option
@format_option
def versions(round_number: int, season_id: str, database: str | None, fmt: str) -> None:
    """Every version of a round's results (ROUND, e.g. 9): status, when, who and why.

    An amendment (a DSQ after a protest, a reinstatement on appeal) adds a
    version and keeps the earlier ones; standings "as of" an earlier revision
    use the version that was current then.

    Example: podium db versions 9 --season-id alms-2004
    """
    from podium.store import open_repository

    def build() -> Tabular:
        repo = open_repository(database)
        try:
            found = repo.version_page(season_id, round_number, None).versions
        finally:
            repo.close()
        columns = ["version", "revision", "status", "when (UTC)", "by", "reason", "lines"]
        rows = [
            [
                str(v.version),
                str(v.revision),
                v.status.value,
                v.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                v.actor,
                v.reason,
                str(v.line_count),
            ]
            for v in found
        ]
        title = f"{season_id} round {round_number}: result versions"
        return Tabular(columns, rows, title, right={"version", "revision", "lines"})

    emit(build, fmt)


@db.command("upgrade")
@database_option
def upgrade(database: str | None) -> None:
    """Create the database or bring its schema to the latest migration.

    Every other command does this too; run it on its own before deploying.

    Example: podium db upgrade --database postgresql+psycopg://podium@localhost/podium
    """
    from podium.store.engine import create_store_engine, database_url, schema_revision
    from podium.store.engine import upgrade as upgrade_schema

    with failing_cleanly():
        engine = create_store_engine(database_url(database))
        try:
            before = schema_revision(engine)
            upgrade_schema(engine)
            after = schema_revision(engine)
        finally:
            engine.dispose()
    where = engine.url.render_as_string(hide_password=True)
    if before == after:
        click.echo(f"{where}: schema already at {after}")
    else:
        click.echo(f"{where}: schema upgraded from {before or 'empty'} to {after}")


def _expires(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.datetime | None:
    from podium.app.tokens import parse_expiry

    if value is None:
        return None
    try:
        return parse_expiry(value, dt.datetime.now(dt.UTC))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _when(at: dt.datetime | None, none: str = "") -> str:
    return none if at is None else at.strftime("%Y-%m-%d %H:%M")


@token.command("create")
@click.option(
    "--name", "-n", required=True, help="Who or what the token is for (kept as who wrote what)."
)
@click.option(
    "--scope",
    type=click.Choice(["admin", "write"]),
    help="admin: every write, loading and creating seasons included; write: results, "
    "amendments and penalties of the --season(s) only.  [default: write with --season, "
    "else admin]",
)
@click.option(
    "--season",
    "seasons",
    multiple=True,
    metavar="ID",
    help="A season id a write token may write (repeat for more; see `podium db seasons`).",
)
@click.option(
    "--expires",
    metavar="WHEN",
    callback=_expires,
    help="When it stops working: a duration (12h, 30d, 8w) or an ISO date (2027-01-31: "
    "its midnight UTC) or datetime.  [default: never]",
)
@database_option
def create(
    name: str,
    scope: str | None,
    seasons: tuple[str, ...],
    expires: dt.datetime | None,
    database: str | None,
) -> None:
    """Create a token for the write API and print it once.

    Only its hash is stored: keep the token, it cannot be shown again. Send it
    as `Authorization: Bearer <token>`. Without --scope, a token naming a
    --season is a write token for those seasons, any other is admin. A write
    token for a season not stored yet works once the season is loaded.

    Example: podium token create --name "timing screen" --season alms-2004 --expires 30d
    """
    from podium.app.tokens import TokenGrant, TokenScope, checked_request
    from podium.store import open_repository

    wanted = TokenScope(scope) if scope else TokenScope.WRITE if seasons else TokenScope.ADMIN
    with failing_cleanly():
        name, wanted, seasons = checked_request(name, wanted, seasons)
        repo = open_repository(database)
        try:
            secret = repo.create_token(name, wanted, seasons, expires)
            stored = set(repo.season_ids())
        finally:
            repo.close()
    click.echo(secret)
    until = f"until {_when(expires)} UTC" if expires else "no expiry"
    grant = TokenGrant(name, wanted, seasons).describe()
    click.echo(
        f"token for {name!r} created ({grant}, {until}); it will not be shown again", err=True
    )
    for season_id in (s for s in seasons if s not in stored):
        click.echo(f"note: no season {season_id!r} is stored yet", err=True)


@token.command("list")
@database_option
@format_option
def list_tokens(database: str | None, fmt: str) -> None:
    """Every token: id, name, scope, seasons, when made, when it expires,
    when it was revoked, and whether it works now. Never the secret.

    Example: podium token list --format csv
    """
    from podium.app.tokens import TokenList
    from podium.store import open_repository

    def build() -> Tabular:
        repo = open_repository(database)
        try:
            held = TokenList(dt.datetime.now(dt.UTC), tuple(repo.list_tokens()))
        finally:
            repo.close()
        columns = ["id", "name", "scope", "seasons", "created (UTC)", "expires (UTC)"]
        columns += ["revoked (UTC)", "state"]
        rows = [
            [
                str(t.id),
                t.name,
                t.scope.value,
                " ".join(t.seasons),
                _when(t.created_at),
                _when(t.expires_at, "never"),
                _when(t.revoked_at),
                t.state(held.at).value,
            ]
            for t in held.tokens
        ]
        return Tabular(columns, rows, f"Tokens in {repo.url}", answer=held, right={"id"})

    emit(build, fmt)


@token.command("revoke")
@click.argument("id_or_name", metavar="ID_OR_NAME")
@database_option
def revoke(id_or_name: str, database: str | None) -> None:
    """Revoke a token (ID_OR_NAME: its id or its name, see `podium token
    list`): from now on the server answers 401 to it. It stays listed.

    A name two live tokens share is refused: give the id. Revoking a revoked
    token changes nothing.

    Example: podium token revoke "timing screen"
    """
    from podium.store import open_repository

    with failing_cleanly():
        repo = open_repository(database)
        try:
            before = {t.id: t.revoked_at for t in repo.list_tokens()}
            done = repo.revoke_token(id_or_name)
        finally:
            repo.close()
    if before.get(done.id) is None:
        click.echo(f"token {done.id} ({done.name!r}) revoked at {_when(done.revoked_at)} UTC")
    else:
        click.echo(
            f"token {done.id} ({done.name!r}) was revoked already, at {_when(done.revoked_at)} UTC"
        )
