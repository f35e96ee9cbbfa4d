"""Seasons that ship with podium."""

from __future__ import annotations

from pathlib import Path

DATASETS = Path(__file__).resolve().parent
BUILTIN = "alms2004"


def builtin_season_path(name: str = BUILTIN) -> Path:
    """Folder of a bundled season (the 2004 ALMS unless named)."""
    path = DATASETS / name
    if not (path / "season.toml").is_file():
        known = sorted(p.name for p in DATASETS.iterdir() if (p / "season.toml").is_file())
        raise FileNotFoundError(f"no bundled season {name!r} (bundled: {', '.join(known)})")
    return path
