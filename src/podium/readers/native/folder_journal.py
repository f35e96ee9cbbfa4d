"""A change to a season folder made all or nothing, and durable: the
folder's write-ahead journal.

A change writes several files (an import: results, entries, crews, drivers,
teams, penalties, ``imports.csv``, ``season.toml``, laps). A rename is
atomic for one file, not for several: a process killed between two renames
would leave half a change, a folder that does not validate. So a change is
committed (``commit``) in four steps:

1. every new file is written beside its target as ``<name>.podium-new`` and
   fsynced, and so are the directories that hold them;
2. the journal ``.podium-journal`` (a header line, then the names, one a
   line) is written as ``.podium-journal.podium-new``, fsynced and renamed
   into place, the folder fsynced: this rename is the commit point;
3. each ``<name>.podium-new`` is renamed over ``<name>``, the directories
   fsynced;
4. the journal is removed, the folder fsynced.

Killed before the journal's rename, the folder holds the old season and some
temporaries; after it, a journal that says how to finish. Whoever opens the
folder next (``reading``: ``read_season``; ``writing``: a writer) first runs
``recover``: a journal is rolled forward (each ``<name>.podium-new`` still
there is renamed, a missing one was renamed already), then what killed
writes left behind is removed (``*.podium-new``, a ``.podium-stage-*``
folder, an older podium's ``.<name>.csv.tmp``). A folder that cannot be
written (read-only) is not repaired: reading it with a journal pending is
refused, naming the journal.

Readers never see a change halfway: a writer holds an exclusive ``flock``
on the folder itself (no lock file, so a read-only folder is read the same
way) from before it stages the change until the journal is gone; a reader
holds a shared one while it reads. Without ``fcntl`` (Windows) there is no
lock: a crash still leaves the old season or the new one, but a reader
running during a write may see both.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath

from podium.errors import InputError, Problem

JOURNAL = ".podium-journal"
NEW = ".podium-new"
"""The suffix of a file written but not yet renamed into place."""
STAGE = ".podium-stage-"
"""The prefix of the folder (inside the season folder) a writer stages a change in."""
_HEADER = "podium folder journal 1"


class FolderJournalError(InputError):
    """A journal that cannot be replayed: the folder is read-only, or the
    journal is not one podium wrote."""


@contextmanager
def reading(folder: Path) -> Iterator[None]:
    """Hold ``folder`` still while the body reads it: no write is halfway
    through meanwhile, and one a killed process left behind is finished
    first. Raises :class:`FolderJournalError` when it cannot be finished."""
    while True:
        if _left_behind(folder):  # a hint: recover decides under the lock
            with _locked(folder, exclusive=True):
                recover(folder)
        with _locked(folder, exclusive=False):
            # A writer killed between the recovery and this lock: once more.
            if not (folder / JOURNAL).exists():
                yield
                return


@contextmanager
def writing(folder: Path) -> Iterator[None]:
    """Hold ``folder`` alone (no reader, no other writer) while the body
    stages and ``commit``s a change, a left-over change finished first."""
    with _locked(folder, exclusive=True):
        recover(folder)
        yield


def commit(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (a name relative to ``folder`` -> its bytes) into
    ``folder``, all or none of them, durably. Call it inside ``writing``.
    An error before the commit point removes what was written and is raised:
    nothing changed."""
    names = list(files)
    for name in names:
        _check_name(folder / JOURNAL, name)
    written: list[Path] = []
    try:
        directories = {folder}
        for name, data in files.items():
            target = folder / name
            _make_directory(folder, target.parent)
            directories.add(target.parent)
            written.append(_new(target))
            _write_synced(written[-1], data)
        for directory in directories:  # the new files' names are durable too
            _fsync_directory(directory)
        staged_journal = _new(folder / JOURNAL)
        written.append(staged_journal)
        _write_synced(staged_journal, "".join(f"{line}\n" for line in [_HEADER, *names]).encode())
        os.replace(staged_journal, folder / JOURNAL)  # the commit point
        _fsync_directory(folder)
    except BaseException:
        for path in [folder / JOURNAL, *written]:  # nothing was renamed over a file yet
            with suppress(OSError):
                path.unlink()
        raise
    _roll_forward(folder, names)


def recover(folder: Path) -> list[str]:
    """Finish the change a journal in ``folder`` records (roll forward),
    then remove what killed writes left behind; the names renamed into
    place. Call it holding the folder alone (``writing``)."""
    journal = folder / JOURNAL
    renamed: list[str] = []
    if journal.is_file():
        names = _read_journal(journal)
        try:
            renamed = _roll_forward(folder, names)
        except OSError as exc:
            raise FolderJournalError(
                Problem(
                    str(journal),
                    None,
                    "(journal)",
                    "a change to this season folder was interrupted and cannot be "
                    f"finished here ({exc.strerror or exc})",
                    expected="a season folder podium can write: open it once where it "
                    "can be written (`podium validate FOLDER` finishes the change)",
                    found=", ".join(names),
                )
            ) from exc
    for path in _temporaries(folder):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with suppress(OSError):  # a read-only folder: temporaries are never read
                path.unlink()
    return renamed


def _roll_forward(folder: Path, names: list[str]) -> list[str]:
    renamed = []
    directories = {folder}
    for name in names:
        target = folder / name
        try:
            os.replace(_new(target), target)
        except FileNotFoundError:  # renamed before the process was killed
            continue
        renamed.append(name)
        directories.add(target.parent)
    for directory in directories:
        _fsync_directory(directory)
    (folder / JOURNAL).unlink()
    _fsync_directory(folder)
    return renamed


def _read_journal(journal: Path) -> list[str]:
    lines = journal.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != _HEADER:
        raise FolderJournalError(
            Problem(
                str(journal),
                1,
                "(journal)",
                "not a journal podium wrote: check the folder and remove it by hand",
                expected=_HEADER,
                found=lines[0] if lines else "",
            )
        )
    for line in lines[1:]:
        _check_name(journal, line)
    return lines[1:]


def _check_name(journal: Path, name: str) -> None:
    """A file of the folder: a relative path that does not climb out of it."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise FolderJournalError(
            Problem(
                str(journal),
                None,
                "(journal)",
                "not a file of the season folder",
                expected="a path inside the folder, such as results/r1.csv",
                found=name,
            )
        )


def _new(target: Path) -> Path:
    return target.with_name(target.name + NEW)


def _left_behind(folder: Path) -> bool:
    return (folder / JOURNAL).exists() or bool(_temporaries(folder))


def _temporaries(folder: Path) -> list[Path]:
    """What a killed write leaves in ``folder`` and its folders (one level:
    a season folder has no deeper ones); never a journal."""
    found: list[Path] = []
    for entry in _scan(folder):
        if entry.is_dir(follow_symlinks=False):
            if entry.name.startswith(STAGE):
                found.append(Path(entry.path))
            elif not entry.name.startswith("."):
                found += [Path(e.path) for e in _scan(Path(entry.path)) if _temporary(e.name)]
        elif _temporary(entry.name):
            found.append(Path(entry.path))
    return found


def _temporary(name: str) -> bool:
    # ".entries.csv.tmp": the name podium 0.x wrote a file under before renaming it.
    old = name.startswith(".") and name.endswith((".csv.tmp", ".toml.tmp"))
    return name.endswith(NEW) or old


def _scan(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return list(entries)
    except OSError:  # not a folder (the reader says so) or gone
        return []


def _make_directory(folder: Path, directory: Path) -> None:
    """``directory`` (inside ``folder``), its creation durable."""
    if directory == folder or directory.is_dir():
        return
    _make_directory(folder, directory.parent)
    directory.mkdir()
    _fsync_directory(directory.parent)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    """A rename or a new name in ``directory``, on disk (POSIX; elsewhere a
    folder cannot be opened to be synced)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(folder: Path, *, exclusive: bool) -> Iterator[None]:
    """An advisory lock on ``folder`` itself, released on leaving (closing
    the descriptor releases it, even when the process is killed)."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not a folder: the reader says so
        fd = -1
    try:
        if fd >= 0:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        if fd >= 0:
            os.close(fd)
