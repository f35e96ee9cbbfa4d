"""A new season folder from a few choices: `podium init`.

The files are written as a person would write them, with comments that say
what to fill in; the folder is read back and validated before it is kept.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from podium.app.answer import slugify
from podium.errors import InputError, Problem
from podium.readers.native import read_season, schema
from podium.readers.native.folder_journal import commit, writing
from podium.readers.rows import write_rows
from podium.rules.numbers import exact_number

SCALES: dict[str, tuple[int, ...]] = {
    "fia": (25, 18, 15, 12, 10, 8, 6, 4, 2, 1),
    "alms": (20, 16, 13, 10, 8, 6, 4, 3, 2, 1),
    # 350, 320, 300, 280, 260, then 10 less a place down to 10 (30th).
    "imsa": (350, 320, 300, 280, 260, *range(250, 0, -10)),
    "classic": (10, 6, 4, 3, 2, 1),
}
"""Points scales a new season can name: FIA (2010-), ALMS 2004 sprint rounds,
IMSA WeatherTech race points (2016-), the 1961-1990 F1 scale."""


@dataclass(frozen=True, slots=True)
class NewSeason:
    name: str
    classes: tuple[str, ...]
    rounds: int
    scale: tuple[Fraction, ...]
    scale_name: str
    teams: bool = True
    year: int = 0
    min_distance: float = 0.0
    circuits: tuple[str, ...] = ()
    """The rounds' circuits in calendar order (the rest: TBA)."""


def parse_scale(text: str) -> tuple[str, tuple[Fraction, ...]]:
    """A scale by name (``fia``, ``alms``, ``imsa``, ``classic``) or as a list
    of numbers (``25,18,15``)."""
    name = text.strip().casefold()
    if name in SCALES:
        return name, tuple(Fraction(p) for p in SCALES[name])
    try:
        points = tuple(exact_number(p) for p in text.split(",") if p.strip())
    except ValueError:
        points = ()
    if not points:
        raise InputError(
            Problem(
                "--scale",
                None,
                "scale",
                "not a points scale",
                expected=f"{', '.join(SCALES)} or a list such as 25,18,15,12",
                found=text,
            )
        )
    return "race", points


def season_files(new: NewSeason) -> dict[str, str]:
    """The files of the new folder, by name."""
    year = new.year or dt.date.today().year
    season_id = slugify(f"{new.name} {year}" if str(year) not in new.name else new.name)
    series = " ".join(w for w in new.name.split() if w != str(year)) or new.name
    short = "".join(w[0] for w in series.split() if w[:1].isalpha()).upper()
    classes = "\n".join(
        f'[[classes]]\ncode = "{c}"\nname = "{c}"\n# min_weight_kg = 1250\n' for c in new.classes
    )
    if len(new.circuits) > new.rounds:
        raise InputError(
            Problem(
                "--circuits",
                None,
                "circuits",
                "more circuits than rounds",
                expected=f"at most {new.rounds}",
                found=str(len(new.circuits)),
            )
        )
    venues = [*new.circuits, *["TBA"] * (new.rounds - len(new.circuits))]
    rounds = "\n".join(
        f'[[rounds]]\nnumber = {n}\nname = "{venue if venue != "TBA" else f"Round {n}"}"\n'
        f'circuit = "{venue}"\n'
        f'# date = {year}-01-01\n# duration = "2h"\nstatus = "scheduled"\n'
        for n, venue in enumerate(venues, start=1)
    )
    tracks = "\n".join(f'[[circuits]]\nname = "{v}"\n' for v in dict.fromkeys(venues))
    season = f"""# {new.name}: the season (docs/formats.md).
# Fill in each round's name, circuit and date; `podium validate .` checks it.
id = "{season_id}"
name = "{new.name}"
year = {year}

[series]
name = "{series}"
short_name = "{short}"

# The classes that race together; each has its own classification and tables.
{classes}
# Circuits the rounds name (length_km and location are optional).
{tracks}
# One table per round. `podium import` sets status = "provisional" when results
# come in; `podium publish` makes them "official". A round that not every class
# races at lists the classes on its bill (none: every class): classes = ["GT3"]
{rounds}"""
    points = ", ".join(_number(p) for p in new.scale)
    distance = (
        f"min_distance = {new.min_distance:g}   # share of the class winner's laps a car must cover"
        if new.min_distance
        else "# min_distance = 0.7   # share of the class winner's laps a car must cover to score"
    )
    team_table = (
        """
# Teams: each team scores with its best car of a class at each round.
[[championships]]
id = "teams"
name = "Teams' championship"
competitor = "team"
cars = "best"
"""
        if new.teams
        else ""
    )
    rules = f"""# The rules of {new.name} (docs/rules.md has every key).
schema = 1
name = "{new.name}"
default_scale = "{new.scale_name}"

# Points for 1st, 2nd, ...; places past the end of the list score nothing.
[scales.{new.scale_name}]
points = [{points}]

[eligibility]
statuses = ["classified"]
{distance}

[[championships]]
id = "drivers"
name = "Drivers' championship"
competitor = "driver"
{team_table}
# Ties are broken by count-back (most wins, then seconds, ...), else shared.
[tie_break]
countback = "scoring_places"
unresolved = "share"

# A disqualified car's place: "move_up" (the cars behind move up) or "left_vacant".
[stewards]
disqualified_place = "move_up"
"""
    imports = """# How the class names of results files map onto this season's classes
# (docs/importing.md). A class with the same name needs no line.
[classes]
# "GT3 Pro" = "GT3"
"""
    return {
        "season.toml": season,
        "rules.toml": rules,
        "import.toml": imports,
        "teams.csv": write_rows(schema.TEAMS, []),
        "drivers.csv": write_rows(schema.DRIVERS, []),
        "entries.csv": write_rows(schema.ENTRIES, []),
        "crews.csv": write_rows(schema.CREWS, []),
    }


def _number(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def init_season(folder: Path, new: NewSeason) -> list[str]:
    """Write a new season folder, all of it or nothing; refuses a folder that
    holds files already, or a season that would not validate (nothing is
    written then). What an ``init`` killed halfway left is finished or
    removed first (the folder's journal), so running it again works."""
    files = season_files(new)
    with tempfile.TemporaryDirectory(prefix=".podium-init-") as tmp:
        staged = Path(tmp) / "season"
        staged.mkdir()
        for name, text in files.items():
            (staged / name).write_text(text, encoding="utf-8")
        report = read_season(staged)
        if report.errors:
            raise InputError(report.errors)
        created = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        try:
            with writing(folder):  # all the files or none, fsynced (the folder's journal)
                held = sorted(p.name for p in folder.iterdir())
                if held:
                    raise InputError(
                        Problem(
                            str(folder),
                            None,
                            "folder",
                            "not empty: podium init writes a new season folder",
                            expected="a new or empty folder",
                            found=", ".join(held[:5]),
                        )
                    )
                commit(folder, {name: (staged / name).read_bytes() for name in files})
        except InputError:
            if created:
                folder.rmdir()
            raise
    return list(files)
