"""The native season folder: a format a person can edit and keep in git.

    season.toml    series, year, classes, circuits, rounds
    rules.toml     the championship rules (see docs/rules.md)
    teams.csv      canonical team names and their aliases
    drivers.csv    drivers, nationality, aliases
    entries.csv    cars: number, class, team, chassis, engine, registration
    crews.csv      which driver was entered in which car for which rounds
    results/rN.csv one classification per round
    qualifying/rN.csv, penalties.csv, adjustments.csv    (optional)
    laps/rN.csv    every lap of every car (optional; read only when asked: laps.py)
    published/*.csv reference tables for `podium audit` (optional)

See docs/formats.md.
"""

from podium.readers.native.read import ReadReport, load_season, read_results, read_season
from podium.readers.native.write import save_season

__all__ = ["ReadReport", "load_season", "read_results", "read_season", "save_season"]
