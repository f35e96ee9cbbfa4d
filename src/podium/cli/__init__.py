"""The `podium` command line (Typer + Rich), a thin layer over podium.service.

Each command group lives in its own module and registers itself on ``app``.
Heavy imports stay inside the commands so that `podium --help` and quick
commands start fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="podium",
    help=(
        "Run multi-class motor-racing championships: hold a season, score it from rules "
        "written as data, and explain every point.\n\n"
        "Every command works on the built-in 2004 American Le Mans Series unless you pass "
        "--season PATH (a season folder, see docs/formats.md)."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# Command -> the module that registers it. `podium standings` imports only
# season_commands: Typer builds a parameter adapter for every registered
# command at start-up, so registering all of them would cost every call.
COMMAND_MODULES = {
    "standings": "season_commands",
    "results": "season_commands",
    "winners": "season_commands",
    "explain": "season_commands",
    "audit": "season_commands",
    "validate": "season_commands",
    "schedule": "season_commands",
    "classes": "season_commands",
    "entries": "season_commands",
    "db": "db_commands",
    "token": "db_commands",
    "import": "import_commands",
    "f1": "f1_commands",
    "serve": "web_commands",
    "export": "web_commands",
}


def _register(command: str | None = None) -> None:
    """Register the module of ``command``, or every module (help, unknown names)."""
    import importlib

    wanted = COMMAND_MODULES.get(command or "")
    for module in sorted(set(COMMAND_MODULES.values())):
        if wanted is None or module == wanted:
            importlib.import_module(f"podium.cli.{module}")


def main() -> None:
    import sys

    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    _register(command)
    app()
