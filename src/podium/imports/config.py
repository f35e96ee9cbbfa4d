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
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from podium.errors import InputError, Problem

FILE = "import.toml"


class ImportConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    classes: dict[str, str] = Field(default_factory=dict)
    car_models: dict[str, str] = Field(default_factory=dict)
    drivers: dict[str, str] = Field(default_factory=dict)
    teams: dict[str, str] = Field(default_factory=dict)
    fuzzy_min: float = Field(default=0.88, ge=0.5, le=1.0)


def load_config(folder: Path | None) -> ImportConfig:
    """The season's import.toml, or the defaults when there is none."""
    path = folder / FILE if folder else None
    if path is None or not path.is_file():
        return ImportConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        return ImportConfig.model_validate(data)
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
