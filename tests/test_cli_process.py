"""The real `podium` entry point across processes: `main()` freezes the heap
when a command is done (Python's shutdown then skips its cycle collections),
so nothing a command writes may depend on collection at exit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PODIUM = str(Path(sys.executable).parent / "podium")


def podium(*args: str) -> str:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_database_written_by_one_process_is_complete_in_the_next(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    assert "alms-2004: new season" in podium("db", "load", "--database", url)
    (season,) = json.loads(podium("db", "seasons", "--database", url, "--format", "json"))
    assert (season["id"], season["rounds"], season["entries"]) == ("alms-2004", "9", "56")
    # Loading again finds everything already there (nothing was lost at exit).
    assert "unchanged" in podium("db", "load", "--database", url)
