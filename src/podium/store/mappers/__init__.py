"""Rows to and from the pure model. The core never sees a row; the store never
hands one out. ``*_row`` builds rows from the model, ``to_*`` reads them back."""

from podium.store.mappers._model import (
    to_adjustment,
    to_penalties,
    to_penalty,
    to_result_line,
    to_result_version,
    to_season,
    to_version_summary,
)
from podium.store.mappers._rows import (
    adjustment_row,
    base_of,
    edition_row,
    penalty_row,
    result_line_rows,
)

__all__ = [
    "adjustment_row",
    "base_of",
    "edition_row",
    "penalty_row",
    "result_line_rows",
    "to_adjustment",
    "to_penalties",
    "to_penalty",
    "to_result_line",
    "to_result_version",
    "to_season",
    "to_version_summary",
]
