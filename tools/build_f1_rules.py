"""Write src/podium/datasets/f1/rules/YYYY.toml for 1950-2026 from the eras and
one-off rulings of data/f1/RULES.md (section numbers "s.N" and sources "[n]"
refer to it). Run: python tools/build_f1_rules.py

The rules are written from the documented rules, never fitted to the
published tables: the odd-numbered seasons are checked independently.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "podium" / "datasets" / "f1" / "rules"
FIRST, LAST = 1950, 2026

# s.1: points for finishing positions [1][2][3]
SCALES = [
    (1950, 1959, [8, 6, 4, 3, 2]),
    (1960, 1960, [8, 6, 4, 3, 2, 1]),
    (1961, 1990, [9, 6, 4, 3, 2, 1]),
    (1991, 2002, [10, 6, 4, 3, 2, 1]),
    (2003, 2009, [10, 8, 6, 5, 4, 3, 2, 1]),
    (2010, 2026, [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]),
]

# s.6: best-N for drivers [13][5][2][3]: best N, or (k, a, b) = best a of
# rounds 1..k plus best b of the rest.
DROPS: dict[int, int | tuple[int, int, int]] = {
    **dict.fromkeys(range(1950, 1954), 4),
    **dict.fromkeys(range(1954, 1958), 5),
    1958: 6,
    1959: 5,
    1960: 6,
    1961: 5,
    1962: 5,
    **dict.fromkeys(range(1963, 1966), 6),
    1966: 5,
    1967: (6, 5, 4),
    1968: (6, 5, 5),
    1969: (6, 5, 4),
    1970: (7, 6, 5),
    1971: (6, 5, 4),
    1972: (6, 5, 5),
    1973: (8, 7, 6),
    1974: (8, 7, 6),
    1975: (8, 7, 5),
    1976: (8, 7, 7),
    1977: (9, 8, 7),
    1978: (8, 7, 7),
    1979: (7, 4, 4),
    1980: (7, 5, 5),
    **dict.fromkeys(range(1981, 1991), 11),
}
# s.6: constructors 1958 best 6, 1959 best 5, 1960 best 6, 1961-1978 as drivers,
# all results from 1979 [13]
CONSTRUCTOR_DROPS: dict[int, int | tuple[int, int, int]] = {
    1958: 6,
    1959: 5,
    1960: 6,
    **{y: DROPS[y] for y in range(1961, 1979)},
}

# s.5: half points (leader < 75% of the scheduled distance) [2][10], double points [12]
MULTIPLIERS = {
    1975: [
        ([4], "0.5", "Spanish GP, 29 of 75 laps [10]"),
        ([12], "0.5", "Austrian GP, 29 of 54 laps [10]"),
    ],
    1984: [([6], "0.5", "Monaco GP, 31 of 76 laps [10]")],
    1991: [([16], "0.5", "Australian GP, 14 of 81 laps [10]")],
    2009: [([2], "0.5", "Malaysian GP, 31 of 56 laps [10]")],
    2014: [([19], "2", "Abu Dhabi GP, double points at the season finale [12]")],
    2021: [([12], "0.5", "Belgian GP, one counted lap [10]")],
}

# s.9 and s.4: documented one-off rulings, verbatim TOML per season.
RULINGS: dict[int, str] = {
    1953: "",  # the fastest-lap ruling is written into the bonus table below
    1956: """
# s.4/s.9: 1956 r2 Monaco, Fangio scores nothing from Castellotti's car (#20,
# 4th); he scores only in his best car. Castellotti keeps his half (1.5).
[[drive_shares]]
round = 2
car = "20"
shares = { "eugenio-castellotti" = "1/2", "juan-manuel-fangio" = 0 }
statement = "Fangio scores only in his best car (RULES.md s.9)"
""",
    1957: """
# s.4/s.9: 1957 r5 British GP, #16 shared 4th: Trintignant 3, Collins 0 [9]
[[drive_shares]]
round = 5
car = "16"
shares = { "maurice-trintignant" = 1, "peter-collins" = 0 }
statement = "all the car's points to Trintignant [9]"
""",
    1958: """
# s.9: 1958 r8 Germany, F2-class cars are not eligible; McLaren (5th) gets 0
# and the points are not passed down.
[[ineligible]]
round = 8
drivers = ["bruce-mclaren"]
pass_down = false
statement = "Formula 2 car, not eligible for points (RULES.md s.9)"
""",
    1963: """
# s.9: 1963 r4 France, G. Hill classified 3rd but gets no points (push-start
# penalty); BRM also gets nothing for that car.
[[ineligible]]
round = 4
drivers = ["graham-hill"]
pass_down = false
decided_after = 4
statement = "push-start penalty: no points (RULES.md s.9)"
""",
    1967: """
# s.9: 1967 r7 Germany, F2-class cars are not eligible and their points pass
# down to the next F1 cars (Bonnier 6th -> 2, Ligier 8th -> 1): one F2 car
# ahead of Bonnier (5th) and one between him and Ligier (7th).
[[ineligible]]
round = 7
positions = [5, 7]
pass_down = true
statement = "Formula 2 car, points passed down (RULES.md s.9)"
""",
    1969: """
# s.9: 1969 r7 Germany, F2-class cars are not eligible and their points pass
# down (Siffert 11th -> 2, Beltoise 12th -> 1): the F2 cars were 5th-10th.
[[ineligible]]
round = 7
positions = [5, 6, 7, 8, 9, 10]
pass_down = true
statement = "Formula 2 car, points passed down (RULES.md s.9)"
""",
    1984: """
# s.9: 1984 r14 Italy, second cars of one-car entries are not eligible
# (Gartner, Berger); no pass-down.
[[ineligible]]
round = 14
drivers = ["jo-gartner", "gerhard-berger"]
pass_down = false
statement = "second car of a one-car entry, not eligible (RULES.md s.9)"

# s.9: Tyrrell excluded from the 1984 championship (all results DSQ in F1DB);
# the constructors' final table lists it as DSQ. FISA decided it on 18 July
# 1984, between round 9 (Dallas) and round 10 (Britain) (counter-x.net/f1/
# 1984/review/tyrrell).
[[exclusions]]
championship = "constructors"
competitor = "tyrrell/ford"
listed_as = "DSQ"
decided_after = 9
statement = "Tyrrell excluded from the 1984 championship"
""",
    1987: """
# s.9: 1987 r16 Australia, second car of a one-car entry is not eligible
# (Dalmas); no pass-down.
[[ineligible]]
round = 16
drivers = ["yannick-dalmas"]
pass_down = false
statement = "second car of a one-car entry, not eligible (RULES.md s.9)"
""",
    1995: """
# s.9: 1995 r1 Brazil, Schumacher and Coulthard keep their driver points;
# Benetton and Williams get no constructor points for them [F1DB].
[[ineligible]]
round = 1
drivers = ["michael-schumacher", "david-coulthard"]
championships = ["constructors"]
pass_down = false
decided_after = 1
statement = "fuel irregularity: no constructor points (RULES.md s.9)"
""",
    1997: """
# s.9: Schumacher excluded from the 1997 drivers' championship (DSQ, not
# ranked); his race points stay. Decided after the last round (17).
[[exclusions]]
championship = "drivers"
competitor = "michael-schumacher"
listed_as = "DSQ"
keep_points = true
from_round = 17
decided_after = 17
statement = "excluded from the 1997 drivers' championship"
""",
    2000: """
# s.9: 2000 r10 Austria, McLaren loses Hakkinen's 10 constructor points; the
# driver keeps them [15].
[[ineligible]]
round = 10
drivers = ["mika-hakkinen"]
championships = ["constructors"]
pass_down = false
decided_after = 10
statement = "missing FIA seal: no constructor points [15]"
""",
    2007: """
# s.9: McLaren excluded from the 2007 constructors' championship (EX, 0).
# World Council decision of 13 September 2007, before round 14 (Belgium).
[[exclusions]]
championship = "constructors"
competitor = "mclaren/mercedes"
listed_as = "EX"
from_round = 14
decided_after = 13
statement = "excluded from the 2007 constructors' championship"
""",
    2018: """
# s.9: Force India's rounds 1-12 constructor points are void (EX row); the
# re-entered team scores from round 13 (the new entry was accepted after
# round 12).
[[exclusions]]
championship = "constructors"
competitor = "force-india/mercedes"
mode = "void_rounds"
rounds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
from_round = 13
listed_as = "EX"
decided_after = 12
statement = "original entry's points void after the team's re-entry"
""",
    2020: """
# s.9: Racing Point -15 constructor points (brake ducts), decided on 7 August
# 2020, after round 4; applied from the round-5 table [16].
[[deductions]]
championship = "constructors"
competitor = "racing-point/bwt-mercedes"
points = 15
from_round = 5
decided_after = 4
statement = "brake ducts ruling [16]"
""",
}


def _list(values: list[int] | list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in values) + "]"


def _scale(year: int) -> list[int]:
    return next(points for first, last, points in SCALES if first <= year <= last)


def _drops(rule: int | tuple[int, int, int] | None, table: str) -> str:
    if rule is None:
        return ""
    if isinstance(rule, int):
        return f"\n[{table}.drops]\nbest = {rule}\n"
    k, a, b = rule
    return (
        f'\n[{table}.drops]\nstatement = "best {a} of rounds 1-{k} plus best {b} of the rest"\n'
        f"[[{table}.drops.segments]]\nfirst = 1\nlast = {k}\nbest = {a}\n"
        f"[[{table}.drops.segments]]\nfirst = {k + 1}\nbest = {b}\n"
    )


def _tie_break(year: int, championship: str) -> str:
    # s.8: odd years where F1DB follows the official tables' first-to-reach
    first = {"drivers": {1995, 1998, 1999}, "constructors": {1991, 1999}}[championship]
    if year not in first:
        return ""
    basis = "scoring_places" if year < 2000 else "all_places"
    return (
        f"\n# s.8: {year} {championship} break a remaining tie by who reached the total first\n"
        f'[championships.tie_break]\ncountback = "{basis}"\nunresolved = "first_to_reach"\n'
        f'sessions = ["race"]\n'
    )


def season_rules(year: int) -> str:
    scale = _scale(year)
    out = [
        f"# Formula One World Championship {year}: championship rules.",
        "# Written from data/f1/RULES.md (section s.N, sources [n] listed there);",
        "# generated by tools/build_f1_rules.py.",
        "schema = 1",
        f'name = "Formula One World Championship {year}"',
        'default_scale = "race"',
        "# s.1: only classified finishers score, at their classified place.",
        'positions = "as_classified"',
        "",
        f"# s.1: points for finishing positions [1][2][3] ({year})",
        "[scales.race]",
        f"points = {_list(scale)}",
        f"places = {len(scale)}",
    ]
    if year == 1961:
        out += [
            "",
            "# s.1: constructors in 1961 used 8-6-4-3-2-1 (9 for a win only from 1962) [4][5]",
            "[scales.constructors_1961]",
            "points = [8, 6, 4, 3, 2, 1]",
            "places = 6",
        ]
    if year >= 2021:
        sprint = [3, 2, 1] if year == 2021 else [8, 7, 6, 5, 4, 3, 2, 1]
        out += [
            "",
            f"# s.3: sprint ({'sprint qualifying ' if year == 2021 else ''}top {len(sprint)}) [8]",
            "[scales.sprint]",
            f"points = {_list(sprint)}",
            f"places = {len(sprint)}",
            'session = "sprint"',
        ]
    out += ["", "[eligibility]", 'statuses = ["classified"]', ""]

    shared = "split" if year <= 1957 else "none"
    out += [
        "[[championships]]",
        'id = "drivers"',
        'name = "Drivers\' championship"',
        'competitor = "driver"',
        "per_class = false",
        'cars = "all"',
        f"# s.4: shared drives {'split equally 1950-57' if shared == 'split' else 'score nothing from 1958'} [1][2][3][6]",
        f'shared_cars = "{shared}"',
    ]
    out.append(_tie_break(year, "drivers").rstrip())
    if year in DROPS:
        out.append(
            f"# s.6: best-N results [13][5][2][3]{_drops(DROPS[year], 'championships')}".rstrip()
        )
    if year >= 1958:
        best = year <= 1978
        out += [
            "",
            "[[championships]]",
            'id = "constructors"',
            'name = "Constructors\' championship"',
            "# s.7: the entity is chassis + engine (constructor_id/engine_id)",
            'competitor = "team"',
            "per_class = false",
            f"# s.7: {'only the best-placed car scores (1958-1978)' if best else 'all cars score (from 1979)'} [4][5]",
            f'cars = "{"best" if best else "all"}"',
            "# s.4: a shared car scores nothing from 1958",
            'shared_cars = "none"',
        ]
        if year == 1961:
            out.append('scale = "constructors_1961"')
        if year <= 1960:
            out += [
                "# s.6: the Indianapolis 500 does not count for constructors (1958-60) [13]",
                'skip_circuits = ["indianapolis"]',
            ]
        out.append(_tie_break(year, "constructors").rstrip())
        if year in CONSTRUCTOR_DROPS:
            out.append(
                f"# s.6: constructors' best-N [13]{_drops(CONSTRUCTOR_DROPS[year], 'championships')}".rstrip()
            )

    modern = year >= 2000
    out += [
        "",
        "# s.8: count-back on "
        + ("all classified places from 2000" if modern else "point-scoring places before 2000")
        + "; a tie it cannot break is shared",
        "[tie_break]",
        f'countback = "{"all_places" if modern else "scoring_places"}"',
        'unresolved = "share"',
        'sessions = ["race"]',
        "",
        "[standings]",
        "# s.8: before 2000 only point scorers are listed; from 2000 every driver",
        "# (constructor) classified at least once, 0 points included",
        f'list = "{"classified" if modern else "scorers"}"',
    ]

    if year <= 1959:
        out += [
            "",
            "# s.2: 1 point for the fastest lap, finished or not, ties split equally",
            "# (1954 British GP 7 x 1/7 [6]); no constructor points; in a shared car",
            "# the point is the setter's alone.",
            "[[bonuses]]",
            'kind = "fastest_lap"',
            "points = 1",
            'championships = ["drivers"]',
            'ties = "share"',
        ]
        if year == 1953:
            out += [
                "# s.9: 1953 r5 France, Fangio and Ascari tied, the whole point to Fangio [14]",
                "[[bonuses.rulings]]",
                "round = 5",
                'drivers = ["juan-manuel-fangio"]',
                'statement = "disputed tie, point to Fangio [14]"',
            ]
    if 2019 <= year <= 2024:
        out += [
            "",
            "# s.2: 1 point for the fastest lap, only if that driver is classified in",
            "# the top 10 (else nobody gets it) [7]; counts for constructors; never",
            "# for sprints.",
            "[[bonuses]]",
            'kind = "fastest_lap"',
            "points = 1",
            'championships = ["drivers", "constructors"]',
            "top = 10",
        ]
        if year == 2021:
            out.append("# s.2: not awarded at the 2021 Belgian GP (half points, no racing laps)")
            out.append("except_rounds = [12]")
    for rounds, factor, why in MULTIPLIERS.get(year, []):
        out += [
            "",
            f"# s.5: {why}",
            "[[multipliers]]",
            f"rounds = {_list(rounds)}",
            f'factor = "{factor}"',
            'sessions = ["race"]',
        ]
        if factor == "0.5":
            # Half points are a ruling of the race stopped early, known once it
            # ran: the title analysis before it pays the round in full.
            out.append(f"decided_after = {rounds[0]}")
    if RULINGS.get(year):
        out.append(RULINGS[year].rstrip())
    return "\n".join(line for line in out if line is not None) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for year in range(FIRST, LAST + 1):
        (OUT / f"{year}.toml").write_text(season_rules(year), encoding="utf-8")
    print(f"wrote {LAST - FIRST + 1} rules files to {OUT}")


if __name__ == "__main__":
    main()
