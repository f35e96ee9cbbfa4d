"""The `podium` command line (Click), a thin layer over ``podium.app``.

Each command group lives in its own module and adds its commands to
``app``; every command is registered at start-up, so what runs in a test
runs the same as a process. A command imports the application layer inside
its body: `podium --help` does not load the scoring engine, and
`podium standings` does not load the web server.
"""

from __future__ import annotations

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(name="podium", context_settings=CONTEXT, no_args_is_help=True)
def app() -> None:
    """Run multi-class motor-racing championships: hold a season, score it from
    rules written as data, and explain every point.

    Every command works on the built-in 2004 American Le Mans Series unless you
    pass --season PATH (a season folder, see docs/formats.md).
    """


def main() -> None:
    app(prog_name="podium")


# Registration: each module adds its commands to ``app``.
from podium.cli import (  # noqa: E402
    db_commands,
    f1_commands,
    import_commands,
    season_commands,
    title_commands,
    web_commands,
)

__all__ = [
    "app",
    "db_commands",
    "f1_commands",
    "import_commands",
    "main",
    "season_commands",
    "title_commands",
    "web_commands",
]
