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


def _register() -> None:
    import podium.cli.f1_commands  # noqa: F401
    import podium.cli.title_commands as _title  # noqa: F401
    from podium.cli import season_commands  # noqa: F401  (registers commands)


def main() -> None:
    _register()
    app()
