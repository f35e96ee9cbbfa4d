"""A real full disk and a real read-only filesystem, not simulated ones: each
case runs `podium` inside a private mount namespace (``unshare -rm``: no root
needed where user namespaces are allowed) on a tmpfs of a few hundred KB.
The command must fail in one clear line (no traceback, exit 74 for a refused
file, 1 for a database that says it is full) and leave the folder as it was,
file for file, with nothing left behind."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from podium.datasets import builtin_season_path
from tests.store.databases import unavailable
from tests.test_cli_process import PODIUM

PENALTY = "penalty add --round 9 --car 2 --kind points --value 5 --reason test"


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def in_tmpfs(tmp_path: Path, script: str, size_kb: int = 400) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) with $M a fresh tmpfs holding a copy of the season at $M/s."""
    if shutil.which("unshare") is None:
        unavailable("unshare (util-linux) is needed for a real tmpfs")
    mount = tmp_path / "m"
    mount.mkdir()
    setup = (
        f"set -u; M={mount}; mount -t tmpfs -o size={size_kb}k tmpfs $M || exit 99; "
        f"cp -r {builtin_season_path()} $M/s; "
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", setup + script],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if done.returncode == 99 or "unshare failed" in done.stderr:
        unavailable(f"cannot mount a tmpfs in a user namespace: {done.stderr.strip()}")
    return done


def fill(rest_kb: int) -> str:
    """sh: fill the tmpfs to within ``rest_kb`` KB."""
    return (
        "free=$(df -k $M | awk 'NR==2{print $4}'); "
        f"head -c $(( (free - {rest_kb}) * 1024 )) /dev/zero > $M/filler; "
    )


def test_a_full_disk_refuses_a_penalty_in_one_line_and_keeps_the_folder(tmp_path: Path) -> None:
    before = tree(builtin_season_path())
    script = (
        fill(8)
        + f'{PODIUM} {PENALTY} --season $M/s; echo "exit=$?" >&2; rm $M/filler; '
        + f'{PODIUM} validate $M/s >/dev/null; echo "valid=$?" >&2; '
        + f"cp -r $M/s {tmp_path}/after"
    )
    done = in_tmpfs(tmp_path, script)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith("error: cannot ") and "No space left on device" in lines[0], lines
    assert "exit=74" in lines and "valid=0" in lines, lines
    after = tree(tmp_path / "after")
    assert after == before  # no temporary, no half change


def test_a_full_disk_refuses_a_database_load_in_one_line(tmp_path: Path) -> None:
    script = fill(16) + f'{PODIUM} db load $M/s --database sqlite:///$M/p.db; echo "exit=$?" >&2'
    done = in_tmpfs(tmp_path, script)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith("error: sqlite:///") and "full" in lines[0], lines
    assert lines[-1] == "exit=1"


def test_a_read_only_filesystem_refuses_a_change_and_still_reads(tmp_path: Path) -> None:
    script = (
        "mount -o remount,ro $M; "
        f'{PODIUM} {PENALTY} --season $M/s; echo "exit=$?" >&2; '
        f"{PODIUM} standings --season $M/s --class GT --format csv >/dev/null; "
        'echo "read=$?" >&2'
    )
    done = in_tmpfs(tmp_path, script)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert "Read-only file system" in lines[0] and lines[0].startswith("error: "), lines
    assert lines[1:] == ["exit=74", "read=0"]
