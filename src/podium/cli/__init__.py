"""The `podium` command line (Click), a thin layer over ``podium.app``:
``main.py`` lists every command; one module per group of commands;
``common.py`` the options they share."""

from podium.cli.main import app, main

__all__ = ["app", "main"]
