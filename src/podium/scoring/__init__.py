"""The pure scoring engine: classification -> ledger -> standings."""

from podium.scoring.classify import Placing, place_round
from podium.scoring.ledger import score_season
from podium.scoring.ledger_row import LedgerRow, RowKind, ordinal
from podium.scoring.progressive import compute_all_standings
from podium.scoring.standings import Cell, Standing, StandingsTable, compute_standings

__all__ = [
    "Cell",
    "LedgerRow",
    "Placing",
    "RowKind",
    "Standing",
    "StandingsTable",
    "compute_all_standings",
    "compute_standings",
    "ordinal",
    "place_round",
    "score_season",
]
