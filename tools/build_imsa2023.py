"""Build the built-in 2023 IMSA WeatherTech season from its official timing
files, the way an organiser runs a season: with podium's own commands.

    python tools/build_imsa2023.py [--timing data/imsa2023/timing] [--out src/podium/datasets/imsa2023]

`podium init` writes the folder; this script gives it the calendar (event
names; dates from the timing files' names) and the rules
(tools/imsa2023_rules.toml, each rule with its source); then, event by
event, `podium import` takes the qualifying classification, the race
classification and both lap charts (which give each driver's time at the
wheel and the Endurance Cup's class order at its time marks); the makes
the lap files name go into import.toml, so each entry gets its make; `podium penalty add` records the
stewards' decisions that changed points (each with its source); `podium
publish` makes every round official. No result, point or standing is typed
here: they all come from the timing files, the rules and the decisions.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PODIUM = str(Path(sys.executable).parent / "podium")

# Round: (timing folder of the qualifying, of the race, event, short name, circuit).
# The Daytona qualifying ran at the Roar before the 24 (its own folder).
EVENTS = [
    ("01-roar-before-the-24", "02-daytona-international-speedway", "Rolex 24 At Daytona",
     "Daytona", "Daytona International Speedway"),
    ("07-sebring-international-raceway", None, "Mobil 1 Twelve Hours of Sebring",
     "Sebring", "Sebring International Raceway"),
    ("08-long-beach-street-circuit", None, "Acura Grand Prix of Long Beach",
     "Long Beach", "Long Beach Street Circuit"),
    ("10-weathertech-raceway-laguna-seca", None, "Motul Course de Monterey",
     "Laguna Seca", "WeatherTech Raceway Laguna Seca"),
    ("12-watkins-glen-international", None, "Sahlen's Six Hours of The Glen",
     "Watkins Glen", "Watkins Glen International"),
    ("13-canadian-tire-motorsport-park", None, "Chevrolet Grand Prix",
     "Mosport", "Canadian Tire Motorsport Park"),
    ("14-lime-rock-park", None, "FCP Euro Northeast Grand Prix",
     "Lime Rock", "Lime Rock Park"),
    ("17-road-america", None, "IMSA SportsCar Weekend", "Road America", "Road America"),
    ("18-virginia-international-raceway", None, "Michelin GT Challenge at VIR",
     "VIR", "Virginia International Raceway"),
    ("19-indianapolis-motor-speedway-rc", None, "TireRack.com Battle on the Bricks",
     "Indianapolis", "Indianapolis Motor Speedway road course"),
    ("21-road-atlanta", None, "Motul Petit Le Mans", "Petit Le Mans", "Michelin Raceway Road Atlanta"),
]  # fmt: skip

# The classes on the bill of each event where not all five raced, as the 2023
# schedule announced them (autosport.pt/velocidade/imsa-saem-do-calendario-mid-ohio-e-
# detroit-entra-indianapolis/ ; racer.com/2022/08/05/ims-in-detroit-mid-ohio-out-as-imsa-
# unveils-2023-schedule/ ; docs/research/imsa2023-rules.md, item 5).
BILL = {
    3: ["GTP", "GTDPRO", "GTD"],  # Long Beach
    4: ["GTP", "LMP2", "GTDPRO", "GTD"],  # Laguna Seca
    6: ["GTP", "LMP3", "GTDPRO", "GTD"],  # Canadian Tire Motorsport Park
    7: ["GTDPRO", "GTD"],  # Lime Rock
    9: ["GTDPRO", "GTD"],  # VIR
}

# Stewards' decisions that changed points, each with its public source
# (docs/research/imsa2023-rules.md, item 9).
DECISIONS = [
    # round, car, class, kind, value (None: computed below), championship, reason, source
    (1, "60", "GTP", "points", "200", "drivers",
     "tyre-pressure data manipulation: 200 team and driver points taken (result and "
     "manufacturer points unchanged)",
     "autosport.com/imsa/news/daytona-24-winners-msr-hit-by-50k-fine-200-point-penalty-"
     "for-tyre-infraction/10441514/ (2023-03-08)"),
    (1, "60", "GTP", "points", "200", "teams",
     "tyre-pressure data manipulation: 200 team and driver points taken (result and "
     "manufacturer points unchanged)",
     "autosport.com/imsa/news/daytona-24-winners-msr-hit-by-50k-fine-200-point-penalty-"
     "for-tyre-infraction/10441514/ (2023-03-08)"),
    (1, "60", "GTP", "points", "all", "endurance",
     "tyre-pressure data manipulation: all team and driver Michelin Endurance Cup points taken",
     "autosport.com/imsa/news/daytona-24-winners-msr-hit-by-50k-fine-200-point-penalty-"
     "for-tyre-infraction/10441514/ (2023-03-08)"),
    (1, "60", "GTP", "points", "all", "endurance-teams",
     "tyre-pressure data manipulation: all team and driver Michelin Endurance Cup points taken",
     "autosport.com/imsa/news/daytona-24-winners-msr-hit-by-50k-fine-200-point-penalty-"
     "for-tyre-infraction/10441514/ (2023-03-08)"),
    (5, "6", "GTP", "positions", None, "",
     "front skid block below minimum thickness: moved to last in GTP",
     "us.motorsport.com/imsa/news/imsa-confirms-porsche-penalty-bmw-victory-watkins-glen/"
     "10489154/ (2023-06-29, protest denied)"),
]  # fmt: skip


def podium(*args: str) -> str:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"podium {' '.join(args)}\n{done.stdout}{done.stderr}")
    return done.stdout


def one(folder: Path, pattern: str) -> Path | None:
    found = sorted(folder.glob(pattern))
    return found[0] if found else None


def makes_toml(folder: Path, timing: Path) -> None:
    """``makes`` in import.toml: the makes the lap files name (their
    MANUFACTURER column), so that each entry gets its car's make."""
    makes: set[str] = set()
    for laps in sorted(timing.glob("*/*-laps.csv")):
        with laps.open(encoding="utf-8-sig", newline="") as f:
            rows = csv.reader(f)
            column = [c.strip() for c in next(rows)].index("MANUFACTURER")
            makes.update(row[column].strip() for row in rows if len(row) > column)
    listed = ", ".join(f'"{m}"' for m in sorted(makes - {""}))
    path = folder / "import.toml"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    text = (
        "# The makes the lap files' MANUFACTURER column names; a car's make is the one its\n"
        f"# name starts with (docs/importing.md).\nmakes = [{listed}]\n\n" + text
    )
    path.write_text(text, encoding="utf-8")


def season_toml(folder: Path, timing: Path) -> None:
    """The calendar: names, circuits, dates (from the race files' names), the
    classes on the bill where not all raced."""
    text = (folder / "season.toml").read_text(encoding="utf-8")
    text = re.sub(r'^id = ".*"$', 'id = "imsa-2023"', text, count=1, flags=re.M)
    text = re.sub(r"^# Fill in each round.*\n", "", text, count=1, flags=re.M)
    for number, (quali, race, name, short, circuit) in enumerate(EVENTS, start=1):
        results = one(timing / (race or quali), "*-race-results.csv")
        assert results is not None, race or quali
        stamp = results.name[:8]
        date = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
        block = re.compile(
            rf'(\[\[rounds\]\]\nnumber = {number}\n)name = ".*"\n(?:short_name = ".*"\n)?'
            rf'circuit = ".*"\n# date = .*\n'
        )
        bill = (
            "classes = [" + ", ".join(f'"{c}"' for c in BILL[number]) + "]\n"
            if number in BILL
            else ""
        )
        text, n = block.subn(
            rf'\g<1>name = "{name}"\nshort_name = "{short}"\ncircuit = "{circuit}"\n'
            rf"date = {date}\n{bill}",
            text,
        )
        assert n == 1, f"round {number} not found in season.toml"
    (folder / "season.toml").write_text(text, encoding="utf-8")


def last_in_class_places(race_results: Path, car: str, car_class: str) -> str:
    """How many places a car falls to be last of its class in this sheet."""
    with race_results.open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["CLASS"] == car_class]
    numbers = [r["NUMBER"] for r in rows]
    return str(len(numbers) - 1 - numbers.index(car))


def build(timing: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "imsa2023"
        circuits = ",".join(e[4] for e in EVENTS)
        podium(
            "init", str(folder), "--name", "IMSA WeatherTech SportsCar Championship 2023",
            "--classes", "GTP,LMP2,LMP3,GTDPRO,GTD", "--rounds", str(len(EVENTS)),
            "--year", "2023", "--scale", "imsa", "--circuits", circuits,
        )  # fmt: skip
        season_toml(folder, timing)
        makes_toml(folder, timing)
        shutil.copyfile(ROOT / "tools" / "imsa2023_rules.toml", folder / "rules.toml")
        season = ("--season", str(folder))
        for number, (quali, race, *_) in enumerate(EVENTS, start=1):
            at = ("--round", str(number), "--apply", *season)
            q_dir, r_dir = timing / quali, timing / (race or quali)
            q_results = one(q_dir, "*-qualifying-results.csv")
            r_results = one(r_dir, "*-race-results.csv")
            assert q_results is not None and r_results is not None, number
            podium("import", str(q_results), *at, "--create-entries")
            podium("import", str(r_results), *at, "--create-entries")
            q_laps, r_laps = one(q_dir, "*-qualifying-laps.csv"), one(r_dir, "*-race-laps.csv")
            if r_laps is not None:  # Daytona's race lap file is missing from the source
                podium("import", str(r_laps), *at)
            if q_laps is not None:
                podium("import", str(q_laps), *at, "--session", "qualifying")
        for number, car, cls, kind, value, championship, reason, source in DECISIONS:
            race = EVENTS[number - 1][1] or EVENTS[number - 1][0]
            sheet = one(timing / race, "*-race-results.csv")
            assert sheet is not None
            value = value or last_in_class_places(sheet, car, cls)
            extra = ("--championship", championship) if championship else ()
            podium(
                "penalty", "add", *season, "--round", str(number), "--car", car,
                "--class", cls, "--kind", kind, "--value", value, "--reason", reason,
                "--source", source, *extra,
            )  # fmt: skip
        for number in range(1, len(EVENTS) + 1):
            podium("publish", *season, "--round", str(number))
        report = podium("validate", str(folder))
        if "0 error(s)" not in report:
            raise SystemExit(report)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(folder, out)
        shutil.copyfile(ROOT / "tools" / "imsa2023_PROVENANCE.md", out / "PROVENANCE.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timing", type=Path, default=ROOT / "data" / "imsa2023" / "timing")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "podium" / "datasets" / "imsa2023"
    )
    args = parser.parse_args()
    build(args.timing, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
