"""Frozen dataclasses built at the price of mutable ones, for the hot paths of
scoring (every ledger row of a season, every cell and standing of its tables).

A frozen dataclass's ``__init__`` sets each field through
``object.__setattr__``, about 0.1 us a field: with ~27,000 ledger rows of 17
fields, that alone was a sixth of recomputing every F1 table
(bench/f1_bench.py). ``builder(cls)`` returns a constructor with the same
parameters that fills a mutable twin of ``cls`` (same fields, defaults and
slots, so the same memory layout) and then makes it a ``cls``: Python allows
``__class__`` assignment between classes of identical layout. What comes
back is exactly what ``cls(...)`` would return: an instance of ``cls``,
equal, hashed alike and frozen (tests/test_frozen_builder.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, field, fields, is_dataclass, make_dataclass
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def builder(cls: Callable[P, T]) -> Callable[P, T]:
    """A fast constructor of ``cls``, a frozen dataclass with slots and no
    ``__post_init__``: what the constructor does must be only to set fields."""
    if not (isinstance(cls, type) and is_dataclass(cls)):
        raise TypeError(f"{cls!r} is not a dataclass")
    params = getattr(cls, "__dataclass_params__")  # noqa: B009 (not in typeshed)
    if not params.frozen or "__slots__" not in vars(cls) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: builder() needs a frozen dataclass with slots")
    target: type[Any] = cls
    twin: type[Any] | None = None  # made on first use: start-up time is benchmarked

    def build(*args: P.args, **kwargs: P.kwargs) -> T:
        nonlocal twin
        if twin is None:
            specs = [_spec(f) for f in fields(target)]
            twin = make_dataclass(f"_{target.__name__}Draft", specs, slots=True, eq=False)
        draft = twin(*args, **kwargs)
        draft.__class__ = target
        return draft  # type: ignore[no-any-return]

    build.__doc__ = f"Build a {cls.__name__} (podium.scoring.frozen.builder)."
    return build


def _spec(f: Field[Any]) -> tuple[str, Any, Field[Any]]:
    if f.default is not MISSING:
        return f.name, f.type, field(default=f.default, init=f.init, kw_only=f.kw_only)
    if f.default_factory is not MISSING:
        spec = field(default_factory=f.default_factory, init=f.init, kw_only=f.kw_only)
        return f.name, f.type, spec
    return f.name, f.type, field(init=f.init, kw_only=f.kw_only)
