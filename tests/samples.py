"""Seasons that more than one test folder loads."""

from __future__ import annotations

import dataclasses

from podium.model import Season


def with_makes_and_drive_times(alms: Season) -> Season:
    """The built-in season with a make on every Audi and, at Laguna Seca,
    each driver's time at the wheel on the lines that name their drivers."""
    entries = tuple(
        dataclasses.replace(
            e,
            cars=tuple(
                dataclasses.replace(c, make="Audi") if c.chassis.startswith("Audi") else c
                for c in e.cars
            ),
        )
        for e in alms.entries
    )
    results = tuple(
        dataclasses.replace(
            r, drive_times=tuple(3_600_000 + 1_000 * i + 7 for i in range(len(r.drivers)))
        )
        if r.round == 9 and r.drivers
        else r
        for r in alms.results
    )
    return dataclasses.replace(alms, entries=entries, results=results)


def with_round_classes(alms: Season) -> Season:
    """The built-in season with LMP2 left off the bill of Laguna Seca (round 9
    announces LMP1, GTS and GT, in that order) and its LMP2 lines taken out."""
    bill = ("LMP1", "GTS", "GT")
    rounds = tuple(
        dataclasses.replace(r, classes=bill) if r.number == 9 else r for r in alms.rounds
    )
    results = tuple(r for r in alms.results if r.round != 9 or r.class_code in bill)
    return dataclasses.replace(alms, rounds=rounds, results=results)
