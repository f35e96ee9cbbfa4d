"""Every importer, in one table. The format is detected from the file's
content, never its name; ``--format NAME`` forces one."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from podium.errors import InputError, Problem
from podium.readers import (
    acc,
    acc_client,
    alkamel,
    alkamel_laps,
    alkamel_qualifying,
    assetto,
    assetto_offline,
    generic_csv,
    iracing,
    pcars,
    raceroom,
    rfactor,
)
from podium.readers.laps import complete_laps
from podium.readers.order import settle
from podium.readers.session import ImportedSession, SessionKind
from podium.readers.text_checks import control_in

Parser = Callable[[bytes, str], "ImportedSession | tuple[ImportedSession, ...]"]
"""A reader: a file's bytes and name to its session (or every session, in
the file's order)."""


@dataclass(frozen=True, slots=True)
class Importer:
    name: str
    label: str
    version: str
    sniff: Callable[[bytes], bool]
    parse: Parser


IMPORTERS: tuple[Importer, ...] = (
    Importer(acc.NAME, "Assetto Corsa Competizione server JSON", acc.VERSION, acc.sniff, acc.parse),
    Importer(
        rfactor.NAME,
        "rFactor 2 / Le Mans Ultimate / Automobilista rFactorXML",
        rfactor.VERSION,
        rfactor.sniff,
        rfactor.parse,
    ),
    Importer(iracing.NAME, "iRacing results JSON", iracing.VERSION, iracing.sniff, iracing.parse),
    Importer(
        assetto.NAME, "Assetto Corsa server JSON", assetto.VERSION, assetto.sniff, assetto.parse
    ),
    Importer(
        raceroom.NAME, "RaceRoom server JSON", raceroom.VERSION, raceroom.sniff, raceroom.parse
    ),
    Importer(
        alkamel.NAME,
        "Al Kamel classification CSV (WEC/ELMS and IMSA layouts)",
        alkamel.VERSION,
        alkamel.sniff,
        alkamel.parse,
    ),
    Importer(
        alkamel_qualifying.NAME,
        "Al Kamel qualifying classification CSV (IMSA layout)",
        alkamel.VERSION,
        alkamel_qualifying.sniff,
        alkamel_qualifying.parse,
    ),
    Importer(
        alkamel.ANALYSIS,
        "Al Kamel 23_Analysis lap chart CSV",
        alkamel.VERSION,
        alkamel.sniff_analysis,
        alkamel_laps.parse,
    ),
    Importer(
        pcars.NAME,
        "Automobilista 2 / Project CARS 2 / Project CARS server stats JSON",
        pcars.VERSION,
        pcars.sniff,
        pcars.parse,
    ),
    Importer(
        assetto_offline.NAME,
        "Assetto Corsa offline results JSON",
        assetto_offline.VERSION,
        assetto_offline.sniff,
        assetto_offline.parse,
    ),
    Importer(
        acc_client.NAME,
        "Assetto Corsa Competizione client (game) results JSON",
        acc_client.VERSION,
        acc_client.sniff,
        acc_client.parse,
    ),
    # Last: it accepts any sheet with a number and a laps column.
    Importer(
        generic_csv.NAME,
        "CSV with a column mapping (--columns)",
        generic_csv.VERSION,
        generic_csv.sniff,
        generic_csv.parse,
    ),
)


def importer(name: str) -> Importer:
    for candidate in IMPORTERS:
        if candidate.name == name:
            return candidate
    raise InputError(
        Problem(
            "--format",
            None,
            "format",
            "unknown import format",
            expected=", ".join(i.name for i in IMPORTERS),
            found=name,
        )
    )


def detect(data: bytes, file: str) -> Importer:
    for candidate in IMPORTERS:
        if candidate.sniff(data):
            return candidate
    raise InputError(
        Problem(
            file,
            None,
            "(format)",
            "cannot tell the format from the content",
            expected="one of " + ", ".join(i.name for i in IMPORTERS) + " (or --format)",
            found=repr(data[:24]),
        )
    )


@dataclass(frozen=True, slots=True)
class ParsedFile:
    path: str
    sha256: str
    importer: Importer
    sessions: tuple[ImportedSession, ...]
    """Every session of the file, in its order (``index`` 1, 2, ...)."""

    @property
    def session(self) -> ImportedSession:
        """The file's result when nothing is chosen: its last race, else its
        last session."""
        races = [s for s in self.sessions if s.kind is SessionKind.RACE]
        return (races or list(self.sessions))[-1]

    @property
    def races(self) -> tuple[ImportedSession, ...]:
        return tuple(s for s in self.sessions if s.kind is SessionKind.RACE)


def parse_bytes(
    data: bytes,
    file: str,
    fmt: str | None = None,
    parser: Parser | None = None,
    trust_positions: bool = False,
) -> ParsedFile:
    """Parse one file's bytes into its sessions, each settled (see
    podium.readers.order); only podium's own errors leave this function."""
    chosen = importer(fmt) if fmt else detect(data, file)
    try:
        found = (parser or chosen.parse)(data, file)
    except RecursionError:
        raise InputError(
            Problem(file, None, "(file)", "nested too deeply", "a results file")
        ) from None
    except ValidationError as exc:
        # A value a reader let through that the schema refuses (a lap time
        # out of range): the file's fault, said as such, never a traceback.
        first = exc.errors()[0]
        raise InputError(
            Problem(
                file,
                None,
                ".".join(str(part) for part in first["loc"]) or "(file)",
                str(first["msg"])[:200],
                expected="values in range",
            )
        ) from None
    listed = (found,) if isinstance(found, ImportedSession) else found
    for session in listed:
        for car in session.cars:
            for what, value in (
                ("team", car.team),
                ("car", car.car_model),
                *(("drivers", d) for d in car.drivers),
            ):
                bad = control_in(value)
                if bad:
                    raise InputError(
                        Problem(
                            file,
                            car.line,
                            f"{car.where}.{what}",
                            "control character in a name",
                            expected="printable text",
                            found=f"{bad} in {value.encode('unicode_escape').decode()[:60]!r}",
                        )
                    )
    if not listed:
        raise InputError(Problem(file, None, "(file)", "no session", "a session", "nothing"))
    sessions = tuple(
        settle(
            complete_laps(s if s.index == i else s.model_copy(update={"index": i})),
            trust_positions,
        )
        for i, s in enumerate(listed, start=1)
    )
    return ParsedFile(file, hashlib.sha256(data).hexdigest(), chosen, sessions)


def parse_path(
    path: Path, fmt: str | None = None, parser: Parser | None = None, trust_positions: bool = False
) -> ParsedFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            Problem(str(path), None, "(file)", f"cannot read: {exc.strerror}")
        ) from None
    return parse_bytes(data, str(path), fmt, parser, trust_positions)
