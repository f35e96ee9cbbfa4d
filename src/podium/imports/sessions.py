"""Which sessions of a file an import takes, and which session of the round
each fills.

A weekend file holds practice, qualifying and one or more races. By default
an import takes every race (the first fills the round's ``race``, the next
``race2``, ...) and the file's last qualifying (the round's grid); practice
is never scored. ``--session`` chooses instead: ``WHICH`` or ``WHICH=INTO``,
where WHICH is a session's number as ``--inspect`` lists it, its name as the
file spells it (``Race2``, ``Q``) or a kind (``race``, ``qualifying``), and
INTO the round's session (``race``, ``sprint``, ``race2``, ``qualifying``).
A name the file does not use, given for a file with one race, is where that
race goes (``--session sprint``).
"""

from __future__ import annotations

from dataclasses import dataclass

from podium.errors import InputError, Problem
from podium.readers.session import ImportedSession, SessionKind

QUALIFYING = "qualifying"
_KINDS = {"race": SessionKind.RACE, "qualifying": SessionKind.QUALIFYING}
_KINDS |= {"practice": SessionKind.PRACTICE, "quali": SessionKind.QUALIFYING}


@dataclass(frozen=True, slots=True)
class Chosen:
    session: ImportedSession
    into: str
    """The round's session it fills (``race``, ``race2``, ``sprint``, ``qualifying``)."""


def listing(sessions: tuple[ImportedSession, ...]) -> str:
    return ", ".join(f"{s.index} {s.kind.value} ({s.name or '-'})" for s in sessions)


def choose(file: str, sessions: tuple[ImportedSession, ...], specs: list[str]) -> list[Chosen]:
    """The sessions of ``file`` to import, in the file's order."""
    if not specs:
        return _default(sessions)
    picked: dict[int, str | None] = {}
    for spec in specs:
        which, _, into = spec.partition("=")
        found = _match(sessions, which.strip())
        if not found:
            races = [s for s in sessions if s.kind is SessionKind.RACE]
            if not into and len(races) == 1 and _plausible(which):
                picked[races[0].index] = which.strip().casefold()
                continue
            raise InputError(
                Problem(
                    "--session",
                    None,
                    "session",
                    f"{file} has no session {which.strip()!r}",
                    expected=f"a number, name or kind of: {listing(sessions)}",
                    found=spec,
                )
            )
        for s in found:
            picked[s.index] = into.strip().casefold() or None
    out: list[Chosen] = []
    raced = 0
    for s in sessions:
        if s.index not in picked:
            continue
        into_name = picked[s.index]
        if into_name is None:
            raced += s.kind is SessionKind.RACE
            into_name = _default_into(s, raced)
        out.append(Chosen(s, into_name))
    _no_twice(file, out)
    return out


def _default(sessions: tuple[ImportedSession, ...]) -> list[Chosen]:
    races = [s for s in sessions if s.kind is SessionKind.RACE]
    qualifying = [s for s in sessions if s.kind is SessionKind.QUALIFYING][-1:]
    wanted = {s.index for s in [*races, *qualifying]}
    if not wanted:  # practice only: the import says why it takes nothing
        return [Chosen(sessions[-1], "race")]
    out, n = [], 0
    for s in sessions:
        if s.index in wanted:
            n += s.kind is SessionKind.RACE
            out.append(Chosen(s, _default_into(s, n)))
    return out


def _default_into(session: ImportedSession, race_number: int) -> str:
    if session.kind is SessionKind.QUALIFYING:
        return QUALIFYING
    return "race" if race_number <= 1 else f"race{race_number}"


def _match(sessions: tuple[ImportedSession, ...], which: str) -> list[ImportedSession]:
    if which.isdigit():
        return [s for s in sessions if s.index == int(which)]
    named = [s for s in sessions if s.name.casefold() == which.casefold()]
    if named:
        return named
    kind = _KINDS.get(which.casefold())
    found = [s for s in sessions if s.kind is kind]
    # Several qualifying sessions: the last sets the grid.
    return found[-1:] if kind is SessionKind.QUALIFYING else found


def _plausible(name: str) -> bool:
    return name.strip().replace("-", "").replace("_", "").isalnum()


def _no_twice(file: str, chosen: list[Chosen]) -> None:
    seen: dict[str, Chosen] = {}
    for c in chosen:
        first = seen.setdefault(c.into, c)
        if first is not c:
            raise InputError(
                Problem(
                    "--session",
                    None,
                    "session",
                    f"{file}: sessions {first.session.index} and {c.session.index} "
                    f"would both fill the round's {c.into}",
                    expected="one file session per round session (--session N=INTO)",
                    found=f"{first.session.name} and {c.session.name}",
                )
            )
