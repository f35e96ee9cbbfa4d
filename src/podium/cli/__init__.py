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


# Command -> the modules that register it. `podium standings` imports only
# season_commands: Typer builds a parameter adapter for every registered
# command at start-up, so registering all of them would cost every call.
_SEASON = ("season_commands",)
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "standings": _SEASON,
    "results": _SEASON,
    "winners": _SEASON,
    "explain": _SEASON,
    "audit": _SEASON,
    "validate": _SEASON,
    "schedule": _SEASON,
    "classes": _SEASON,
    "entries": _SEASON,
    "db": ("db_commands",),
    "token": ("db_commands",),
    "import": ("import_commands",),
    "f1": ("f1_commands", "title_commands"),  # `f1 deciders` lives with the title analysis
    "serve": ("web_commands",),
    "export": ("web_commands",),
    "title": ("title_commands",),
    "odds": ("title_commands",),
}


def _register(command: str | None = None) -> None:
    """Register the modules of ``command``, or every module (help, unknown names)."""
    import importlib

    everything = sorted({m for modules in COMMAND_MODULES.values() for m in modules})
    wanted = COMMAND_MODULES.get(command or "", tuple(everything))
    for module in everything:
        if module in wanted:
            importlib.import_module(f"podium.cli.{module}")


def main() -> None:
    import gc
    import sys

    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    _register(command)
    try:
        app()
    finally:
        # The command is done. Python's shutdown would now run full cycle
        # collections over every object start-up made (~20 ms of a 0.2 s
        # `podium standings`); frozen objects are skipped. Reference counting
        # still frees (and closes) everything outside cycles, and Python never
        # promised to finalise objects left in cycles at exit.
        gc.freeze()
