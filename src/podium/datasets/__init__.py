"""Seasons that ship with podium, by id."""

from __future__ import annotations

from pathlib import Path

DATASETS = Path(__file__).resolve().parent
BUILTIN = "alms2004"
BUILTINS = {"alms-2004": "alms2004", "imsa-2023": "imsa2023"}
"""Built-in season id -> its folder under datasets/ (``alms-2004`` is the default)."""


def builtin_season_path(name: str = BUILTIN) -> Path:
    """Folder of a bundled season (the 2004 ALMS unless named; by folder
    name or by season id)."""
    path = DATASETS / BUILTINS.get(name, name)
    if not (path / "season.toml").is_file():
        known = sorted(p.name for p in DATASETS.iterdir() if (p / "season.toml").is_file())
        raise FileNotFoundError(f"no bundled season {name!r} (bundled: {', '.join(known)})")
    return path


def builtin_folder(season: str | Path | None) -> Path | None:
    """The folder of a built-in season named by its id (None: the default
    one); None when ``season`` is not a built-in id (a folder path)."""
    if season is None:
        return builtin_season_path()
    name = str(season)
    return builtin_season_path(name) if name in BUILTINS else None
