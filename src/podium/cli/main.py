"""The `podium` command: every command in one list.

Each module holds one group of commands; this one puts them together. A
command imports the application layer inside its body, so `podium --help`
loads none of the scoring engine and `podium standings` none of the web
server, while every command is registered in every process.
"""

from __future__ import annotations

import re

import click

from podium.cli import (
    db_commands,
    f1_commands,
    import_commands,
    lap_commands,
    race_control,
    season_commands,
    title_commands,
    web_commands,
)

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Commands(click.Group):
    """A group that lists its commands in the order they were added (by topic)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(name="podium", cls=Commands, context_settings=CONTEXT, no_args_is_help=True)
def app() -> None:
    """Run multi-class motor-racing championships: hold a season, score it from
    rules written as data, and explain every point.

    Every command works on the built-in 2004 American Le Mans Series unless you
    pass --season PATH (a season folder, see docs/formats.md).

    Exit codes: 0 done; 1 refused, each problem named with its file, line and
    field; 2 a mistyped command; 70 a fault of podium's own (PODIUM_DEBUG=1
    prints its traceback); 74 the system refused a file (a full disk, a
    read-only folder).
    """


COMMANDS: tuple[click.Command, ...] = (
    # a season: tables, results, the points behind them
    season_commands.standings,
    season_commands.results,
    lap_commands.laps,
    season_commands.winners,
    season_commands.explain,
    season_commands.audit,
    season_commands.validate,
    season_commands.schedule,
    season_commands.classes_command,
    season_commands.entries,
    # title questions
    title_commands.title,
    title_commands.odds,
    # race control: a new season, results in, stewards' decisions, publishing
    race_control.init,
    import_commands.import_command,
    race_control.penalty,
    race_control.publish,
    web_commands.export_group,
    # the database, the web site and its API
    db_commands.db,
    db_commands.token,
    web_commands.serve,
    # Formula One in the F1DB layout
    f1_commands.f1,
)


def _examples_verbatim(command: click.Command) -> None:
    """Keep each "Example:" paragraph as written (\\b): a wrapped example
    would break an option such as --create-entries across lines."""
    if command.help:
        command.help = re.sub(r"\n\n([ \t]*)Example:", "\n\n\\1\b\n\\1Example:", command.help)
    for sub in command.commands.values() if isinstance(command, click.Group) else ():
        _examples_verbatim(sub)


for command in COMMANDS:
    _examples_verbatim(command)
    app.add_command(command)


def main() -> None:
    """The `podium` process: podium's own errors are handled by each command
    (exit 1); what escapes them is said in one line, never as a traceback
    (PODIUM_DEBUG=1 prints it): exit 74 when the system refused a file (a
    full disk, a read-only folder), 70 for a fault of podium's own."""
    try:
        app(prog_name="podium")
    except OSError as exc:
        _last_words(_os_refusal(exc), 74, exc)
    except Exception as exc:  # the last resort: no traceback reaches a user
        _last_words(
            f"internal error ({type(exc).__name__}: {exc}); please report it, with the "
            "command (PODIUM_DEBUG=1 prints the traceback)",
            70,
            exc,
        )


def _os_refusal(exc: OSError) -> str:
    """One line for what the system refused. ``shutil`` gathers one error
    per file of a copy into a list (a full disk fails them all): the first
    one, with how many more."""
    import shutil

    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list):
        failed = exc.args[0]
        source, _, why = failed[0]
        more = f" (and {len(failed) - 1} more files)" if len(failed) > 1 else ""
        return f"cannot copy {source}{more}: {str(why).split(': ')[0]}"
    where = f" {exc.filename}" if exc.filename else ""
    return f"cannot write or read{where}: {exc.strerror or exc}"


def _last_words(message: str, code: int, exc: BaseException) -> None:
    import os
    import sys
    import traceback

    if os.environ.get("PODIUM_DEBUG"):
        traceback.print_exception(exc)
    click.echo(f"error: {message}", err=True)
    sys.exit(code)
