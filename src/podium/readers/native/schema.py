"""Column sets of the native CSV files (the contract documented in docs/formats.md)."""

TEAMS = ("name", "aliases", "nationality", "source")
DRIVERS = ("name", "nationality", "aliases", "source")
ENTRIES = (
    "entry",
    "car_no",
    "class",
    "team",
    "entrant",
    "chassis",
    "make",
    "engine",
    "displacement_l",
    "aspiration",
    "car_rounds",
    "weight_kg",
    "carbon_brakes",
    "tyres",
    "championships",
    "source",
    "confidence",
)
CREWS = ("entry", "driver", "rounds", "source")
RESULTS = (
    "overall_pos",
    "class",
    "class_pos",
    "car_no",
    "entry",
    "team",
    "entrant",
    "drivers",
    "drive_times",
    "car",
    "laps",
    "time",
    "gap",
    "status",
    "reason",
    "laps_led",
    "session",
    "fastest_lap",
    "source",
)
QUALIFYING = (
    "position",
    "class",
    "class_position",
    "car_no",
    "entry",
    "grid",
    "driver",
    "time",
    "note",
    "source",
)
PENALTIES = (
    "round",
    "car_no",
    "entry",
    "kind",
    "value",
    "championship",
    "reason",
    "source",
    "session",
    "withdrawn",
    "in_results",
)
ADJUSTMENTS = ("championship", "class", "competitor", "round", "points", "reason", "source")

DRIVER_SEPARATOR = " / "
