"""``import.toml`` in a season folder: how a results file maps onto the season.

[classes]        # class as the file names it -> season class
CUP = "INV"
[car_models]     # car model as the file names it (ACC: carModel id) -> season class
"27" = "INV"
[drivers]        # name as the file prints it -> driver of drivers.csv
"Siggi Lentes | YEET" = "Siggi Lentes"
[teams]
"YEET Racing" = "Yeet Racing Team"
fuzzy_min = 0.88  # lowest similarity a fuzzy name match may have

makes = ["Aston Martin", "BMW"]   # (before the first table) car names start with their make
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from podium.errors import InputError, Problem
from podium.rules.toml_text import parse_toml

FILE = "import.toml"


class ImportConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    classes: dict[str, str] = Field(default_factory=dict)
    car_models: dict[str, str] = Field(default_factory=dict)
    drivers: dict[str, str] = Field(default_factory=dict)
    teams: dict[str, str] = Field(default_factory=dict)
    fuzzy_min: float = Field(default=0.88, ge=0.5, le=1.0)
    makes: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(
        default_factory=list
    )
    """The makes of the cars: a car an import creates has the longest of them
    its name starts with (:meth:`make_of`)."""

    def make_of(self, car_name: str) -> str:
        """The longest of ``makes`` that ``car_name`` starts with, case aside
        and ending on a word boundary ("BMW M4 GT3" -> "BMW", "Aston Martin
        Vantage GT3" -> "Aston Martin", "BMWX" -> ""), as ``makes`` spells
        it; blank when none does."""
        name = " ".join(car_name.split()).casefold()
        found, length = "", 0
        for make in self.makes:
            folded = " ".join(make.split()).casefold()
            rest = name[len(folded) : len(folded) + 1]
            if len(folded) > length and name.startswith(folded) and not rest.isalnum():
                found, length = make, len(folded)
        return found


def load_config(folder: Path | None) -> ImportConfig:
    """The season's import.toml, or the defaults when there is none."""
    path = folder / FILE if folder else None
    if path is None or not path.is_file():
        return ImportConfig()
    try:
        data = parse_toml(path.read_text(encoding="utf-8-sig"))
        return ImportConfig.model_validate(data)
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(str(path), None, "(encoding)", "not valid UTF-8", "UTF-8", exc.reason)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(Problem(str(path), None, "(toml)", f"not valid TOML: {exc}")) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        raise InputError(
            Problem(
                str(path),
                None,
                ".".join(str(p) for p in error["loc"]),
                str(error["msg"]),
                found=repr(error.get("input"))[:60],
            )
        ) from None
