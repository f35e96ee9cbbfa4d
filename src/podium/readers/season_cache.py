"""A cache of loaded season folders, so that a command skips parsing and validation.

A season folder is read, validated and turned into a :class:`Season` by
``podium.readers.native.load_season``: about 40 ms of a 250 ms `podium
standings` on the development machine (docs/performance.md), more for a
larger season. The loaded season is pickled in
``$XDG_CACHE_HOME/podium/seasons/`` (default ``~/.cache/podium/seasons/``),
one file per folder, under a key that changes with any byte of any file in
the folder (sha256 of every path and content), podium's version, the Python
and pydantic versions, and the modification time and size of podium's own
model, rules and reader modules: a pickle is only as good as the classes it
is read back into, and an editable install changes code without changing
its version.

The cache is an optimisation only: any error reading or writing it (missing,
corrupt, unwritable, another version's pickle) falls back to reading the
folder, and errors in the folder itself are raised as before, never cached.
The directory is created private to the user (pickle runs code on load).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

from pydantic.version import VERSION as PYDANTIC_VERSION

import podium
from podium.model.season import Season

_FORMAT = b"podium season cache 1"
# The code that defines a loaded season: a change here invalidates every entry.
_CODE = ("model", "rules", "readers", "readers/native")


def cache_directory() -> Path:
    """``$XDG_CACHE_HOME/podium/seasons`` (default ``~/.cache/podium/seasons``)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "podium" / "seasons"


def load_season_cached(folder: Path, cache: Path | None = None) -> Season:
    """The season in ``folder``, from the cache when nothing changed since it was stored."""
    # An optimisation only: any failure below means "read the folder".
    try:
        cache = cache or cache_directory()  # no home directory: no cache
        key = season_key(folder)
        entry = cache / (hashlib.sha256(os.fsencode(folder.resolve())).hexdigest() + ".pickle")
    except Exception:
        key, entry = b"", None
    if entry is not None:
        try:
            season = _read(entry, key)
        except Exception:  # corrupt or from another version: replaced below
            season = None
        if season is not None:
            return season
    from podium.readers.native import load_season

    season = load_season(folder)
    if entry is not None:
        try:
            if season_key(folder) == key:  # not edited while it was read
                _write(entry, key, season)
        except Exception:  # a read-only or full disk must not fail the command
            pass
    return season


def season_key(folder: Path) -> bytes:
    """sha256 of every file under ``folder`` (path and content) and of the code reading it."""
    digest = hashlib.sha256(_FORMAT)
    versions = f"{podium.__version__} {sys.implementation.cache_tag} {PYDANTIC_VERSION}"
    digest.update(versions.encode())
    code = Path(podium.__file__).parent
    for name in ("errors.py", *(f"{d}/{f}" for d in _CODE for f in _python_files(code / d))):
        stat = (code / name).stat()
        digest.update(f"\0{name} {stat.st_mtime_ns} {stat.st_size}".encode())
    for relative, path in _files(folder):
        content = path.read_bytes()
        digest.update(f"\0{relative} {len(content)}\0".encode())
        digest.update(content)
    return digest.digest()


def _python_files(directory: Path) -> list[str]:
    return sorted(e.name for e in os.scandir(directory) if e.name.endswith(".py"))


def _files(folder: Path) -> list[tuple[str, Path]]:
    """Every file under ``folder``, sorted; directories named ``.*`` (``.git``) are skipped."""
    found = []
    for root, directories, names in os.walk(folder, followlinks=True):
        directories[:] = [d for d in directories if not d.startswith(".")]
        for name in names:
            path = Path(root, name)
            found.append((path.relative_to(folder).as_posix(), path))
    return sorted(found)


def _read(entry: Path, key: bytes) -> Season | None:
    try:
        data = entry.read_bytes()
    except FileNotFoundError:
        return None
    if data[: len(key)] != key:
        return None
    season = pickle.loads(data[len(key) :])
    return season if isinstance(season, Season) else None


def _write(entry: Path, key: bytes, season: Season) -> None:
    entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    payload = key + pickle.dumps(season, protocol=pickle.HIGHEST_PROTOCOL)
    # Written aside (a name of this process's own) and renamed: a reader never
    # sees half a file. Not tempfile: importing it costs more than the write.
    temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(payload)
        os.replace(temporary, entry)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
