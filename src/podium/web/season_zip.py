"""A season folder uploaded as a zip, unpacked defensively.

An upload is untrusted: members may lie about their sizes, carry a bad CRC,
be encrypted, use a compression Python lacks, escape the folder (``../``),
or unpack to gigabytes. Each member is copied in chunks against a running
total, so the limit holds whatever the headers claim, and every failure is a
Problem naming the archive and the member.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from podium.errors import InputError, Problem
from podium.web.errors import ApiError

MAX_UNPACKED = 50 * 1024 * 1024  # a season folder is well under 1 MB
MAX_MEMBERS = 10_000
_CHUNK = 64 * 1024


def unpack_season(body: bytes, name: str, into: Path) -> Path:
    """Unpack the zip ``body`` into ``into``; the one season folder in it
    (season.toml at the root or one folder down)."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError) as exc:
        raise InputError(
            Problem(
                name,
                None,
                "file",
                "not a zip archive",
                expected="a .zip of a season folder",
                found=str(exc)[:200],
            )
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise _refuse(
                name, "(archive)", "too many members", f"at most {MAX_MEMBERS}", str(len(members))
            )
        root = into.resolve()
        total = 0
        for member in members:
            total = _unpack(archive, member, root, name, total)
    return _season_folder(root, name)


def _unpack(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, root: Path, name: str, total: int
) -> int:
    target = (root / member.filename).resolve()
    if not target.is_relative_to(root) or target == root:
        raise _refuse(
            name, member.filename, "path escapes the archive", "relative paths", member.filename
        )
    if member.flag_bits & 0x1:
        raise _refuse(name, member.filename, "encrypted member", "an unencrypted zip", "encrypted")
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return total
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with archive.open(member) as source, target.open("wb") as sink:
            while chunk := source.read(_CHUNK):
                total += len(chunk)
                if total > MAX_UNPACKED:
                    raise ApiError(
                        413,
                        Problem(
                            name,
                            None,
                            member.filename,
                            "archive unpacks too large",
                            expected=f"at most {MAX_UNPACKED} bytes unpacked",
                            found=f"more than {MAX_UNPACKED}",
                        ),
                    )
                sink.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # bad CRC, lying sizes
        raise _refuse(
            name, member.filename, "damaged member", "an intact zip", str(exc)[:200]
        ) from None
    except (NotImplementedError, RuntimeError) as exc:  # compression or encryption
        raise _refuse(
            name, member.filename, "member cannot be read", "deflate or stored", str(exc)[:200]
        ) from None
    return total


def _season_folder(root: Path, name: str) -> Path:
    tops = sorted(
        p.parent for p in root.rglob("season.toml") if len(p.relative_to(root).parts) <= 2
    )
    if len(tops) != 1:
        found = ", ".join(str(p.relative_to(root) / "season.toml") for p in tops)
        raise InputError(
            Problem(
                name,
                None,
                "season.toml",
                "no season folder in the archive" if not tops else "more than one season folder",
                expected="one season.toml, at the root or one folder down (one season per upload)",
                found=found or "none",
            )
        )
    return tops[0]


def _refuse(name: str, member: str, message: str, expected: str, found: str) -> InputError:
    return InputError(Problem(name, None, member, message, expected=expected, found=found))
