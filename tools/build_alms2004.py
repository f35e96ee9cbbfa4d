"""Build the built-in 2004 ALMS season folder from its sources.

    python tools/build_alms2004.py [--source data/sources/alms2004] [--out src/podium/datasets/alms2004]

The sources (data/sources/alms2004, a copy of the project's shared data with
its README) are facts with provenance. This script only re-shapes them into
podium's native season format; it never changes a published number. Every
value it derives (an entry key, a link from a results row to the team's only
car, a crew row for a driver the classification names) says so in `source`.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
import tomllib
import unicodedata
from collections import OrderedDict, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from podium.readers.native import schema  # noqa: E402
from podium.readers.rows import write_rows  # noqa: E402

SHORT_NAMES = {  # seed 000 "Season results" table, Circuit column
    1: "Sebring",
    2: "Mid-Ohio",
    3: "Lime Rock",
    4: "Infineon",
    5: "Portland",
    6: "Mosport",
    7: "Road America",
    8: "Road Atlanta",
    9: "Laguna Seca",
}
DRIVER_ALIASES = {  # spelling variants seen in the sources
    "J.J. Lehto": ["JJ Lehto"],
    "Max Papis": ["Massimiliano Papis"],
    "Jörg Bergmeister": ["Jorg Bergmeister"],
    "Lucas Lühr": ["Lucas Luhr"],
    "Niclas Jönsson": ["Niclas Jonsson"],
}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def engine_facts(name: str) -> tuple[str, str]:
    """Displacement and aspiration as printed in an engine name ('Audi 3.6L Turbo V8')."""
    match = re.search(r"(\d+(?:\.\d+)?)\s*L\b", name)
    if not match:
        return "", ""
    return match.group(1), "turbo" if "turbo" in name.lower() else "na"


def split_periods(text: str) -> list[tuple[str, str]]:
    """'Lola B2K/40 (1-6); Courage C65 (7-9)' -> [('Lola B2K/40', '1-6'), ('Courage C65', '7-9')]."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if len(parts) < 2:
        return [(text.strip(), "")]
    out = []
    for part in parts:
        match = re.match(r"^(.*?)\s*\(([\d\s,\-–]+)\)$", part)
        out.append((match.group(1), match.group(2)) if match else (part, ""))
    return out


def provenance(source: str, prefixes: tuple[str, ...]) -> str:
    return "; ".join(p for p in source.split("; ") if p.startswith(prefixes))


def build(source: Path, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    (out / "results").mkdir(parents=True)
    (out / "qualifying").mkdir()
    (out / "published").mkdir()

    schedule = read(source / "schedule.csv")
    classes = read(source / "classes.csv")
    entries = read(source / "entries.csv")
    aliases = read(source / "team_aliases.csv")
    winners = read(source / "season_winners.csv")
    points = tomllib.loads((source / "points.toml").read_text(encoding="utf-8"))

    # Teams: the published standings name is canonical; entry-list and other
    # printed names are aliases.
    teams: OrderedDict[str, list[str]] = OrderedDict()
    canonical_of: dict[str, str] = {}
    for row in aliases:
        name = row["standings_team"] or row["entry_list_team"]
        names = teams.setdefault(name, [])
        seen = [row["entry_list_team"]] + [
            re.sub(r"\s*\(.*?\)\s*$", "", part).strip()
            for part in row["other_names_seen"].split(";")
        ]
        for other in seen:
            if other and other != name and other not in names:
                names.append(other)
        canonical_of[row["entry_list_team"]] = name
    for row in winners:
        canonical = canonical_of.get(row["team"]) or next(
            (n for n, a in teams.items() if row["team"] == n or row["team"] in a), None
        )
        if canonical is None:
            raise SystemExit(f"season winners: team {row['team']!r} matches no team")

    # Entries (cars) and crews (driver rows), keeping each source row's provenance.
    cars: OrderedDict[tuple[str, str, str, str], list[dict[str, str]]] = OrderedDict()
    for row in entries:
        cars.setdefault((row["class"], row["team"], row["chassis"], row["car_no"]), []).append(row)
    numbers = [k[3] for k in cars if k[3]]
    non_scoring = {
        (e["class"], e["car_no"])
        for e in points["implied_by_published_table"]["non_scoring_entries"]
    }
    entry_rows, crew_rows = [], []
    key_of: dict[tuple[str, str, str, str], str] = {}
    used: set[str] = set()
    for car_key, rows in cars.items():
        class_code, team, chassis, car_no = car_key
        if car_no and numbers.count(car_no) == 1:
            key = car_no
        else:
            key = f"{class_code.lower()}-{slug(canonical_of[team])}"
            if key in used:
                key = f"{key}-{slug(chassis.split('(')[0])}"
            base, n = key, 2
            while key in used:
                key, n = f"{base}-{n}", n + 1
        used.add(key)
        key_of[car_key] = key
        first = rows[0]
        facts = provenance(first["source"], ("car_no", "engine", "tyres", "NOT in"))
        if not car_no:
            facts = "; ".join(
                x for x in ("car number unknown; entry key made from team and chassis", facts) if x
            )
        championships = ""
        if (class_code, car_no) in non_scoring:
            championships = "drivers"
            facts += (
                "; championships: not registered for team points (implied by the published R9 LMP1 "
                "cell, see points.toml non_scoring_entries) [medium]"
            )
        chassis_periods = split_periods(chassis)
        engine_periods = split_periods(first["engine"])
        if len(chassis_periods) == 1 and len(engine_periods) > 1:
            specs = [(chassis, e, "") for e, _ in engine_periods]
        else:
            specs = [
                (c, engine_periods[min(i, len(engine_periods) - 1)][0], r)
                for i, (c, r) in enumerate(chassis_periods)
            ]
        confidence = "medium" if any(r["confidence"] == "medium" for r in rows) else "high"
        for chassis_name, engine, rounds in specs:
            displacement, aspiration = engine_facts(engine)
            entry_rows.append(
                (
                    key,
                    car_no,
                    class_code,
                    canonical_of[team],
                    team,
                    chassis_name,
                    "",  # make
                    engine,
                    displacement,
                    aspiration,
                    rounds.replace("-", "–"),
                    "",
                    "",
                    first["tyres"],
                    championships,
                    facts,
                    confidence,
                )
            )
        for row in rows:
            crew_rows.append((key, row["driver"], row["rounds"], row["source"]))

    drivers: OrderedDict[str, str] = OrderedDict()
    for row in entries:
        if row["nationality"] or row["driver"] not in drivers:
            drivers[row["driver"]] = row["nationality"] or drivers.get(row["driver"], "")

    # Results: link each row to its car where the sources allow it.
    crews_by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, driver, rounds, _ in crew_rows:
        crews_by_key[key].append((driver, rounds))
    entry_info = {r[0]: (r[2], r[3], r[1]) for r in entry_rows}
    extra_crew: list[tuple[str, str, str, str]] = []
    for number in range(1, 10):
        out_rows = []
        for row in read(source / f"results_r{number}.csv"):
            names = [d.strip() for d in row["drivers"].split("/") if d.strip()]
            dropped_note = ""
            if "may not have driven" in row["source"] and row["car_no"]:
                # The source itself flags a listed-only driver; keep him only if
                # seed 000's entry list has him in this car for this round.
                car = next(k for k in cars if k[3] == row["car_no"] and k[0] == row["class"])
                rows_of = {n: [r["rounds"] for r in cars[car] if r["driver"] == n] for n in names}
                kept = [
                    n
                    for n in names
                    if not rows_of[n] or any(not r or _covers(r, number) for r in rows_of[n])
                ]
                gone = [n for n in names if n not in kept]
                if gone:
                    names = kept
                    dropped_note = (
                        f"drivers: {', '.join(gone)} left out: the source marks him as listed only "
                        f"(may not have driven) and seed000's entry list and season results do not "
                        f"name him for this round"
                    )
            for name in names:
                drivers.setdefault(name, "")
            team = row["team"]
            key, note = "", ""
            if row["car_no"]:
                matches = [
                    k
                    for k, (c, _, n) in entry_info.items()
                    if n == row["car_no"] and c == row["class"]
                ]
                key = matches[0] if len(matches) == 1 else ""
            elif team:
                candidates = [
                    k for k, (c, t, _) in entry_info.items() if c == row["class"] and t == team
                ]
                if names:
                    candidates = [
                        k
                        for k in candidates
                        if all(any(d == n for d, _ in crews_by_key[k]) for n in names)
                    ] or candidates
                if len(candidates) == 1:
                    key = candidates[0]
                    note = (
                        "entry: linked to the team's only car in this class"
                        if not names
                        else "entry: the only car of the team whose crew includes these drivers"
                    )
            if key and names:
                for name in names:
                    rounds = [r for d, r in crews_by_key[key] if d == name]
                    covered = any(_covers(r, number) for r in rounds)
                    if not covered:
                        extra_crew.append(
                            (
                                key,
                                name,
                                str(number),
                                f"named in the round-{number} classification "
                                f"({row['source'].split(';')[0]}); not printed for this car and "
                                f"round in the seed000 entry list",
                            )
                        )
                        crews_by_key[key].append((name, str(number)))
            entrant = ""
            if dropped_note:
                note = "; ".join(x for x in (note, dropped_note) if x)
            for w in winners:
                if (
                    int(w["round"]) == number
                    and w["class"] == row["class"]
                    and row["class_pos"] == "1"
                ):
                    entrant = w["team"]
                    note = "; ".join(
                        x for x in (note, "entrant as printed in seed000 season results") if x
                    )
            laps_led = ""
            if number == 9 and row["car_no"] == "27":
                laps_led = "33"
                note = "; ".join(
                    x
                    for x in (note, "laps_led: seed001 prose ('led a total of thirty-three-laps')")
                    if x
                )
            src = "; ".join(
                x for x in (row["source"], f"[podium build] {note}" if note else "") if x
            )
            use_no = row["car_no"] if key == row["car_no"] else ""
            out_rows.append(
                (
                    row["overall_pos"],
                    row["class"],
                    row["class_pos"],
                    use_no,
                    "" if use_no else key,
                    team,
                    entrant,
                    " / ".join(names),
                    "",  # drive_times
                    row["car"],
                    row["laps"],
                    "",
                    "",
                    row["status"],
                    row["reason"],
                    laps_led,
                    "",
                    "",
                    src,
                )
            )
        (out / "results" / f"r{number}.csv").write_text(
            write_rows(schema.RESULTS, out_rows), encoding="utf-8"
        )

    crew_rows += extra_crew
    (out / "entries.csv").write_text(write_rows(schema.ENTRIES, entry_rows), encoding="utf-8")
    (out / "crews.csv").write_text(write_rows(schema.CREWS, crew_rows), encoding="utf-8")
    (out / "teams.csv").write_text(
        write_rows(
            schema.TEAMS,
            [
                (
                    name,
                    "; ".join(names),
                    "",
                    "seed000 standings name; aliases from team_aliases.csv",
                )
                for name, names in teams.items()
            ],
        ),
        encoding="utf-8",
    )
    (out / "drivers.csv").write_text(
        write_rows(
            schema.DRIVERS,
            [
                (
                    name,
                    nat,
                    "; ".join(DRIVER_ALIASES.get(name, [])),
                    "seed000 entry list"
                    if name in {e["driver"] for e in entries}
                    else "results only",
                )
                for name, nat in drivers.items()
            ],
        ),
        encoding="utf-8",
    )

    (out / "qualifying" / "r9.csv").write_text(
        write_rows(schema.QUALIFYING, QUALIFYING_R9), encoding="utf-8"
    )
    (out / "penalties.csv").write_text(
        write_rows(
            schema.PENALTIES,
            [
                (
                    9,
                    "63",
                    "",
                    "grid_to_back",
                    "",
                    "",
                    "failed the stall test in post-qualifying technical inspection",
                    "seed001 prose ('failed the stall test ... would start at the back of the field')",
                ),
            ],
        ),
        encoding="utf-8",
    )
    shutil.copyfile(source / "published_team_standings.csv", out / "published" / "teams.csv")
    shutil.copyfile(source / "season_winners.csv", out / "published" / "winners.csv")
    shutil.copyfile(ROOT / "tools" / "alms2004_rules.toml", out / "rules.toml")
    (out / "season.toml").write_text(season_toml(schedule, classes), encoding="utf-8")
    readme = (source / "README.md").read_text(encoding="utf-8")
    (out / "PROVENANCE.md").write_text(PROVENANCE_HEAD + readme, encoding="utf-8")


def _covers(rounds: str, number: int) -> bool:
    if rounds.strip() in ("", "All"):
        return True
    for part in re.split(r"\s*,\s*", rounds.replace("*", "")):
        a, _, b = part.replace("–", "-").partition("-")
        if a.strip().isdigit() and int(a) <= number <= int(b or a):
            return True
    return False


QUALIFYING_R9 = [  # seed 001 prose; only what it states
    (
        1,
        "LMP1",
        1,
        "27",
        "",
        "",
        "Nicolas Minassian",
        "",
        "pole position",
        "seed001 prose ('The pole-sitter, Nicolas Minassian')",
    ),
    (
        2,
        "LMP1",
        2,
        "38",
        "",
        "",
        "J.J. Lehto",
        "",
        "",
        "seed001 prose ('Lehto was second fastest in No. 38 Audi R8')",
    ),
    (
        3,
        "LMP1",
        3,
        "2",
        "",
        "",
        "Johnny Herbert",
        "",
        "",
        "seed001 prose ('Herbert was third fastest')",
    ),
    (
        4,
        "LMP1",
        4,
        "16",
        "",
        "",
        "Butch Leitzinger",
        "",
        "",
        "seed001 prose ('qualified fourth fastest with credit going to Butch Leitzinger')",
    ),
    (
        "",
        "GTS",
        1,
        "4",
        "",
        "",
        "Olivier Beretta",
        "",
        "GTS pole",
        "seed001 prose ('Qualifying on the GTS pole was Olivier Beretta in the No. 4')",
    ),
    (
        "",
        "GTS",
        2,
        "3",
        "",
        10,
        "Johnny O'Connell",
        "",
        "0.038 s off the pole-winning time",
        "seed001 prose ('just 0.038-seconds off the pole-winning time ... would start tenth overall')",
    ),
    (
        11,
        "GTS",
        3,
        "63",
        "",
        "",
        "",
        "",
        "sent to the back of the grid: failed the stall test",
        "seed001 prose ('qualified eleventh overall and third in GTS but failed the stall test')",
    ),
    (
        "",
        "GT",
        1,
        "23",
        "",
        "",
        "",
        "",
        "GT class pole",
        "seed001 prose (Bernhard/Bergmeister 'would start on the class pole')",
    ),
    (
        "",
        "GT",
        2,
        "24",
        "",
        "",
        "",
        "",
        "",
        "seed001 prose ('Starting second in the GT category were Alex Job drivers, Marc Lieb and Romain Dumas')",
    ),
    (
        "",
        "GT",
        3,
        "45",
        "",
        "",
        "",
        "",
        "",
        "seed001 prose ('Qualifying behind the two Alex Job entries was the No. 45')",
    ),
]

PROVENANCE_HEAD = """# Provenance of the built-in 2004 ALMS season

This folder is generated by `tools/build_alms2004.py` from `data/sources/alms2004/`
(a copy of the project's source data, whose README follows below) and the two
seed documents in `data/sources/seeds/`. The build only re-shapes the facts into
podium's season format. What it derives is marked `[podium build]` in a row's
`source`:

- entry keys: the car number where it is known and unique, otherwise
  `CLASS-team-chassis`;
- a results row without a car number is linked to a car only when the team has
  one car in that class, or one car whose crew includes the named drivers;
- a driver named in a round's classification but not printed for that car and
  round in the entry list gets a crew row saying so (seed 001 names Jönsson,
  de Simone and Fogarty in cars and rounds the entry list does not);
- the entrant printed for a class winner in seed 000's "Season results" table
  is kept on that results row (`entrant`), so `podium winners` prints the names
  as published ("#10 American Spirit Racing" at Sebring, "Miracle Motorsports"
  later);
- round 9 qualifying and the #63 stall-test grid penalty come from seed 001's
  prose and state only what it states;
- ADT Champion Racing's #2 is registered for the drivers' championship only,
  the modelled reading of the published Laguna Seca LMP1 cell.

`published/teams.csv` and `published/winners.csv` are byte-for-byte copies of
the published tables (`published_team_standings.csv`, `season_winners.csv`).

---

"""


def season_toml(schedule: list[dict[str, str]], classes: list[dict[str, str]]) -> str:
    import tomli_w

    circuits = []
    for row in schedule:
        circuit = {"name": row["circuit"], "source": "seed000 schedule"}
        if row["round"] == "9":
            circuit.update(
                length_mi=2.238,
                length_km=3.602,
                turns=11,
                source="seed001 ('the 2.238-mile eleven-turn road course'); km converted",
            )
        circuits.append(circuit)
    data = {
        "id": "alms-2004",
        "name": "2004 American Le Mans Series",
        "year": 2004,
        "notes": "Built-in example season. Only round 9 is complete; rounds 1-8 hold the rows the "
        "sources give (see PROVENANCE.md).",
        "series": {
            "name": "American Le Mans Series",
            "short_name": "ALMS",
            "sanctioning_body": "IMSA",
        },
        "classes": [
            {
                k: v
                for k, v in {
                    "code": c["class"],
                    "name": c["name"],
                    "description": c["description"],
                    "min_weight_kg": int(c["min_weight_kg"]) if c["min_weight_kg"] else None,
                    "engine_na_max_l": float(c["engine_na_max_l"])
                    if c["engine_na_max_l"]
                    else None,
                    "engine_turbo_max_l": float(c["engine_turbo_max_l"])
                    if c["engine_turbo_max_l"]
                    else None,
                    "carbon_brakes_allowed": {"true": True, "false": False}.get(
                        c["carbon_brakes_allowed"]
                    ),
                    "source": "seed001 class descriptions (classes.csv)",
                }.items()
                if v is not None
            }
            for c in classes
        ],
        "circuits": circuits,
        "rounds": [
            {
                "number": int(r["round"]),
                "name": r["name"],
                "short_name": SHORT_NAMES[int(r["round"])],
                "circuit": r["circuit"],
                "date": __import__("datetime").date.fromisoformat(r["date"]),
                "duration": r["duration"],
                "scale": r["points_scale"],
                "status": "official",
                "source": "seed000 schedule; date/duration/scale per schedule.csv",
            }
            for r in schedule
        ],
    }
    return tomli_w.dumps(data)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, default=ROOT / "data" / "sources" / "alms2004")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "podium" / "datasets" / "alms2004"
    )
    args = parser.parse_args()
    build(args.source, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
