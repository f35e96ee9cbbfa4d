from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from podium.cli import app

LEAGUE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "league"


def league(tmp_path: Path) -> Path:
    """A writable copy of the tutorial's empty league season."""
    target = tmp_path / "league"
    shutil.copytree(LEAGUE, target)
    return target


def podium(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
