"""A change to a season folder is all or nothing, even when the process is
killed halfway (issue: killed before 4 of its 7 renames, an import left a
folder with hundreds of validation errors that the next import refused to
repair).

Each crash is a real `podium` process whose ``os.replace`` is wrapped (in
the child only, see CHILD): the process dies with ``os._exit(137)``, no
clean-up running, before the Nth rename of the write protocol (the journal's,
then each file's) or before the journal's removal. The next open of the
folder (`podium validate`) must find it valid, equal to the season before or
after the change, file for file, with no temporary left; and the next import
must work."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from podium.model import PenaltyKind
from podium.readers.native import load_season, read_season
from podium.readers.native.folder_journal import JOURNAL, NEW
from tests.test_cli_process import PODIUM

FIXTURES = Path(__file__).parent / "fixtures" / "acc"
ZOLDER = FIXTURES / "kagd__league-results-parser__cmsracing_split2_zolder-r.json"
IMPORT = ("import", str(ZOLDER), "--round", "1", "--create-entries", "--apply")
PENALTY = ("penalty", "add", "--round", "9", "--car", "2", "--kind", "points", "--value", "5")

# argv: crash|pause, step N, marker file (pause), then podium's arguments.
# Steps: every rename of a "*.podium-new" file (the journal's first), then the
# journal's removal. crash: die before step N; pause: write the marker and
# wait a second before step N (a reader meanwhile must not see half a change).
CHILD = """
import os, sys, time
mode, at, marker, args = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
steps = 0
def step():
    global steps
    steps += 1
    if steps != at:
        return
    if mode == "crash":
        os._exit(137)
    open(marker, "w").close()
    time.sleep(1.0)
real_replace, real_unlink = os.replace, os.unlink
def replace(src, dst, *rest, **options):
    if os.fspath(src).endswith(".podium-new"):
        step()
    return real_replace(src, dst, *rest, **options)
def unlink(path, *rest, **options):
    if os.path.basename(os.fspath(path)) == ".podium-journal":
        step()
    return real_unlink(path, *rest, **options)
os.replace, os.unlink = replace, unlink
from podium.cli import main
sys.argv = ["podium", *args]
main()
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PODIUM, *args], capture_output=True, text=True, timeout=120)


def child(mode: str, at: int, *args: str, marker: Path | None = None) -> list[str]:
    return [sys.executable, "-c", CHILD, mode, str(at), str(marker or ""), *args]


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), imports.csv's times blanked:
    the same import run twice differs only there."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name == "imports.csv":
                data = re.sub(rb"(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,", b"(time),", data)
            out[path.relative_to(folder).as_posix()] = data
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.name.endswith((NEW, ".tmp")) or p.name == JOURNAL or p.name.startswith(".podium-")
    )


@pytest.fixture(scope="module")
def league(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new season, before its first import."""
    folder = tmp_path_factory.mktemp("atomic") / "league"
    done = run(
        "init", str(folder), "--name", "Atomic League 2026", "--classes", "GT3,GT4", "--rounds", "3"
    )
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def imported(league: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The same season after the import, by a process nobody killed."""
    folder = tmp_path_factory.mktemp("reference") / "league"
    shutil.copytree(league, folder)
    done = run(*IMPORT, "--season", str(folder))
    assert done.returncode == 0, done.stderr
    return files(folder)


def test_the_import_writes_many_files(league: Path, imported: dict[str, bytes]) -> None:
    changed = {name for name, data in imported.items() if files(league).get(name) != data}
    assert changed == {
        "season.toml", "entries.csv", "crews.csv", "drivers.csv", "teams.csv", "penalties.csv",
        "results/r1.csv", "imports.csv", "laps/r1.csv",
    }  # fmt: skip


def test_an_import_killed_before_each_rename_leaves_the_old_season_or_the_new(
    league: Path, imported: dict[str, bytes], tmp_path: Path
) -> None:
    before = files(league)
    renames = 1 + sum(before.get(name) != data for name, data in imported.items())

    def killed_before(at: int) -> str:
        folder = tmp_path / f"killed-{at}" / "league"
        shutil.copytree(league, folder)
        command = child("crash", at, *IMPORT, "--season", str(folder))
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if at > renames + 1:  # no step left to die before
            assert done.returncode == 0, done.stderr
            assert files(folder) == imported
            return "done"
        assert done.returncode == 137, done.stderr
        opened = run("validate", str(folder))  # the next open finishes or drops the change
        assert opened.returncode == 0, opened.stdout + opened.stderr
        assert leftovers(folder) == [], at
        now = files(folder)
        assert now in (before, imported), at
        again = run(*IMPORT, "--season", str(folder))
        assert again.returncode == 0, again.stdout + again.stderr
        assert files(folder) == imported, at
        return "after" if now == imported else "before"

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = list(pool.map(killed_before, range(1, renames + 3)))
    # Killed before the journal's rename: nothing happened; after it: all of it
    # (the 9 files' renames, then the journal's removal).
    assert outcomes == ["before"] + ["after"] * renames + ["done"]


def test_a_penalty_killed_before_each_rename(season_copy: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(season_copy, reference)
    assert run(*PENALTY, "--season", str(reference), "--reason", "test").returncode == 0
    before, after = files(season_copy), files(reference)
    outcomes = []
    for at in (1, 2, 3):
        folder = tmp_path / f"killed-{at}"
        shutil.copytree(season_copy, folder)
        command = child("crash", at, *PENALTY, "--season", str(folder), "--reason", "test")
        assert subprocess.run(command, capture_output=True).returncode == 137
        assert (folder / JOURNAL).exists() == (at > 1)
        load_season(folder)  # any reader finishes the change
        assert leftovers(folder) == []
        now = files(folder)
        assert now in (before, after), at
        outcomes.append("after" if now == after else "before")
    assert outcomes == ["before", "after", "after"]


def test_a_reader_waits_for_a_change_in_progress(league: Path, tmp_path: Path) -> None:
    """Paused after 3 of its files were renamed (6 to go), a writer holds the
    folder: a reader waits, then reads the whole new season."""
    folder = tmp_path / "league"
    shutil.copytree(league, folder)
    marker = tmp_path / "paused"
    writer = subprocess.Popen(
        child("pause", 4, *IMPORT, "--season", str(folder), marker=marker),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert writer.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        assert (folder / JOURNAL).exists()  # halfway through, on disk
        report = read_season(folder)
        assert report.errors == [] and report.season is not None
        assert len(report.season.entries) == 29 and len(report.season.results) == 29
    finally:
        assert writer.wait(timeout=60) == 0
    assert leftovers(folder) == []


def test_what_a_killed_write_left_without_a_journal_is_removed(season_copy: Path) -> None:
    before = files(season_copy)
    (season_copy / "entries.csv.podium-new").write_text("half a file")
    (season_copy / "results" / "r1.csv.podium-new").write_text("car_no\n")
    (season_copy / ".podium-journal.podium-new").write_text("podium folder journal 1\nentr")
    (season_copy / ".entries.csv.tmp").write_text("from an older podium")
    (season_copy / ".podium-stage-x1" / "alms2004").mkdir(parents=True)
    (season_copy / ".podium-stage-x1" / "alms2004" / "season.toml").write_text("")
    assert read_season(season_copy).errors == []
    assert leftovers(season_copy) == []
    assert files(season_copy) == before


def test_a_read_only_folder_with_a_journal_is_refused_naming_it(
    season_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = child("crash", 2, *PENALTY, "--season", str(season_copy), "--reason", "test")
    assert subprocess.run(command, capture_output=True).returncode == 137

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:  # root writes a chmod 0555 folder: refuse by hand
        patch.setattr(os, "replace", refuse)
        report = read_season(season_copy)
    assert report.season is None
    (problem,) = report.errors
    assert problem.file == str(season_copy / JOURNAL)
    assert "interrupted and cannot be finished here (Permission denied)" in problem.message
    assert problem.found == "penalties.csv"
    assert (season_copy / "penalties.csv.podium-new").exists()  # still there to finish
    assert len(load_season(season_copy).penalties) == 2  # writable again: finished


def test_a_journal_podium_did_not_write_is_refused(season_copy: Path) -> None:
    (season_copy / JOURNAL).write_text("podium folder journal 1\n../../etc/passwd\n")
    (problem,) = read_season(season_copy).errors
    assert (problem.message, problem.found) == (
        "not a file of the season folder",
        "../../etc/passwd",
    )
    (season_copy / JOURNAL).write_text("something else\n")
    (problem,) = read_season(season_copy).errors
    assert problem.file.endswith(JOURNAL) and "not a journal podium wrote" in problem.message


def test_every_file_and_folder_is_fsynced(
    season_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name a descriptor")
    from podium.app.penalties import add_to_folder, penalty_for

    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    season = load_season(season_copy)
    penalty = penalty_for(season, 9, PenaltyKind.POINTS, "test", car_no="2", value="5")
    monkeypatch.setattr(os, "fsync", fsync)
    add_to_folder(season_copy, season, penalty)
    folder = str(season_copy.resolve())
    assert synced[:3] == [f"{folder}/penalties.csv{NEW}", folder, f"{folder}/{JOURNAL}{NEW}"]
    assert synced[3:] == [folder, folder, folder]  # the journal's rename, the file's, its removal


def test_a_write_that_fails_before_the_journal_changes_nothing(
    season_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from podium.app.penalties import add_to_folder, penalty_for

    before = files(season_copy)
    season = load_season(season_copy)
    penalty = penalty_for(season, 9, PenaltyKind.POINTS, "test", car_no="2", value="5")
    calls = []

    def full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # the journal's own data
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        add_to_folder(season_copy, season, penalty)
    assert files(season_copy) == before and leftovers(season_copy) == []


def test_a_change_prepared_before_another_writer_is_refused_not_lost(season_copy: Path) -> None:
    """Two desks read the folder, then each adds a decision. Without a check the
    second write would overwrite penalties.csv with the first decision gone (a lost
    update); it is refused instead, naming the folder, and the first one stays."""
    from podium.app.penalties import add_to_folder
    from podium.errors import Conflict
    from podium.model import Penalty

    first_desk = load_season(season_copy)
    second_desk = load_season(season_copy)
    speeding = Penalty(9, "2", PenaltyKind.POINTS, "pit lane speeding", "5")
    blocking = Penalty(9, "3", PenaltyKind.POINTS, "blocking", "5")
    assert add_to_folder(season_copy, first_desk, speeding) == 2
    with pytest.raises(Conflict, match="changed by another writer"):
        add_to_folder(season_copy, second_desk, blocking)
    held = load_season(season_copy).penalties
    assert [p.reason for p in held[1:]] == ["pit lane speeding"]
    assert add_to_folder(season_copy, load_season(season_copy), blocking) == 3  # re-read: fine


def test_concurrent_penalty_processes_lose_no_decision(season_copy: Path) -> None:
    """Four `podium penalty add` processes at once: each either lands or is refused
    cleanly (exit 1, the reason on stderr); every one that said it landed is there."""

    def add(car: str) -> subprocess.CompletedProcess[str]:
        args = ("penalty", "add", "--round", "9", "--car", car, "--kind", "points")
        return subprocess.run(
            [PODIUM, *args, "--value", "1", "--reason", f"car {car}", "--season", str(season_copy)],
            capture_output=True,
            text=True,
            timeout=120,
        )

    with ThreadPoolExecutor(4) as pool:
        cars = ("2", "38", "16", "3")
        done = dict(zip(cars, pool.map(add, cars), strict=True))
    landed = {car for car, run in done.items() if run.returncode == 0}
    for run in done.values():
        assert "Traceback" not in run.stderr
        if run.returncode:
            assert run.returncode == 1 and "changed by another writer" in run.stderr, run.stderr
    held = {p.reason for p in load_season(season_copy).penalties}
    assert {f"car {car}" for car in landed} <= held
    assert landed, "at least one desk gets through"


def test_an_init_killed_before_each_rename_leaves_nothing_or_the_whole_season(
    tmp_path: Path,
) -> None:
    """`podium init` writes several files too: killed at any step, the folder is
    empty (and `init` runs again) or holds the whole new season."""
    args = ("init", "--name", "Killed League", "--classes", "GT3", "--rounds", "2")
    reference = tmp_path / "reference"
    assert run(args[0], str(reference), *args[1:]).returncode == 0
    whole = files(reference)
    assert len(whole) >= 4
    outcomes = []
    for at in range(1, len(whole) + 3):
        folder = tmp_path / f"killed-{at}"
        done = subprocess.run(
            child("crash", at, args[0], str(folder), *args[1:]), capture_output=True
        )
        if done.returncode == 0:  # past the last step: nothing was killed
            assert files(folder) == whole
            break
        assert done.returncode == 137
        again = run(args[0], str(folder), *args[1:])  # finishes or clears what was left
        if again.returncode == 0:
            assert files(folder) == whole and leftovers(folder) == []
            outcomes.append("cleared, written again")
        else:
            assert "not empty" in again.stderr and leftovers(folder) == [], again.stderr
            assert files(folder) == whole, at  # the journal was rolled forward
            outcomes.append("finished")
    # Killed before the journal's rename (step 1): nothing decided; before any file
    # rename or the journal's removal (steps 2 to n + 2): the season is whole.
    assert outcomes == ["cleared, written again"] + ["finished"] * (len(whole) + 1)
