"""podium.scoring.frozen.builder: the fast constructor returns exactly what the
class itself would (type, fields, equality, hash, immutability)."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, dataclass, field, fields
from fractions import Fraction

import pytest

from podium.model.results import Status
from podium.scoring import Cell, LedgerRow, Standing
from podium.scoring.frozen import builder
from podium.scoring.ledger_row import RowKind, Withheld

ROW = dict(
    championship="drivers",
    class_code="",
    competitor="senna",
    round=3,
    points=Fraction(9),
    reason="McLaren 1st at Monaco: 9 pts, scale 1988",
    place=1,
    status=Status.CLASSIFIED,
    entry="mclaren/honda",
    car="McLaren",
    withheld=Fraction(0),
    rule=Withheld.NONE,
    scale="1988",
)


def test_built_row_is_the_row_the_class_builds() -> None:
    built = builder(LedgerRow)(**ROW)  # type: ignore[arg-type]
    made = LedgerRow(**ROW)  # type: ignore[arg-type]
    assert type(built) is LedgerRow
    assert built == made and hash(built) == hash(made)
    assert repr(built) == repr(made)
    # Defaults come from the class: counts, dropped, kind, session.
    assert (built.counts, built.dropped, built.kind, built.session) == (
        True,
        False,
        RowKind.RESULT,
        "race",
    )
    assert pickle.loads(pickle.dumps(built)) == made
    with pytest.raises(FrozenInstanceError):
        built.points = Fraction(10)  # type: ignore[misc]


def test_positional_arguments_and_other_classes() -> None:
    cell = builder(Cell)(Fraction(6), 2, Status.CLASSIFIED)
    assert cell == Cell(Fraction(6), 2, Status.CLASSIFIED) and type(cell) is Cell
    standing = builder(Standing)(1, True, "prost", Fraction(87), (cell,))
    assert standing == Standing(1, True, "prost", Fraction(87), (cell,))
    assert standing.label == "1="


def test_wrong_arguments_fail_as_the_class_would() -> None:
    with pytest.raises(TypeError):
        builder(Cell)(Fraction(1), place=1, colour="gold")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        builder(Standing)(1)  # type: ignore[call-arg]


@dataclass(slots=True)
class _Mutable:
    x: int


@dataclass(frozen=True)
class _NoSlots:
    x: int


@dataclass(frozen=True, slots=True)
class _Checked:
    x: int

    def __post_init__(self) -> None:
        if self.x < 0:
            raise ValueError("negative")


@pytest.mark.parametrize("cls", [_Mutable, _NoSlots, _Checked, int])
def test_refuses_classes_it_cannot_build_faithfully(cls: type) -> None:
    with pytest.raises(TypeError):
        builder(cls)


@dataclass(frozen=True, slots=True)
class _WithFactory:
    name: str
    tags: list[str] = field(default_factory=list)


def test_default_factories_give_fresh_values() -> None:
    new = builder(_WithFactory)
    a, b = new("a"), new("b")
    assert a.tags == [] and a.tags is not b.tags
    assert [f.name for f in fields(a)] == ["name", "tags"]
