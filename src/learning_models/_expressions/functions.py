"""The functions an indicator condition may call, and the registry that holds them.

A `Function` describes one callable name: its parameter types, how many trailing
parameters are optional, whether the last one repeats, its result type, and how to build
it column-wise from Polars expressions. A `FunctionRegistry` is an immutable mapping from
name to `Function`; plugins add functions with `FunctionRegistry.with_function`, which
returns a new registry and refuses a name that is already taken.

Missing evidence is null. Unless a function says otherwise, a null argument gives a null
result.

Built-in functions (`BUILTIN_FUNCTIONS`):

``ratio(a, b[, default])`` -> number
    ``a / b``; when ``b == 0`` the result is ``default`` (1.0 when omitted), so "the share
    of school-age children in school" is 1.0 for a household with no school-age children.
    Null when ``a`` or ``b`` is null (and when ``b == 0`` and ``default`` is null).
``min(a, b, ...)`` / ``max(a, b, ...)`` -> integer if every argument is an integer, else
    number. At least two arguments. Null if ANY argument is null: a missing value might
    have been the smallest (largest) one.
``abs(x)`` -> the type of ``x``.
``round(x[, ndigits])`` -> the type of ``x``. Rounds half away from zero (2.5 -> 3.0,
    -2.5 -> -3.0), the way people round by hand, not Python's half-to-even. ``ndigits``
    (default 0) must be a literal integer from 0 to 15. An integer ``x`` is returned
    unchanged.
``default(x, fallback)`` -> the common type of ``x`` and ``fallback``. ``x`` when it is
    present, else ``fallback``: the explicit way to treat missing evidence as a value, e.g.
    ``default(has_bookshelf, False)``.
"""

from __future__ import annotations

import keyword
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import polars as pl

from .._documents import Message, say
from ..errors import Said

__all__ = [
    "BUILTIN_FUNCTIONS",
    "Function",
    "FunctionRegistry",
    "LiteralValue",
    "NotScalar",
    "ParamType",
    "ValueType",
    "accepts",
    "common_type",
    "divide",
]

ValueType = Literal["integer", "number", "boolean", "string"]
"""The type of a value in an expression. ``number`` is any real number; integers mix with it."""

ParamType = Literal["integer", "number", "boolean", "string", "any"]
"""A parameter type: a `ValueType` (``number`` also accepts integers) or ``any``."""

LiteralValue = int | float | str | bool

ReturnRule = Callable[[Sequence[ValueType]], "ValueType | None"]
"""Computes a result type from the argument types; None means they do not fit together."""

LiteralCheck = Callable[[Sequence["LiteralValue | None"]], "str | Said | None"]
"""Checks the literal arguments (None where an argument is not a literal); returns an error:
plain text, or a text that says itself in Vietnamese and English (`learning_models.errors.Said`)."""


class NotScalar(Exception):
    """A value the row-by-row and the column-wise engines could compute apart: the table
    is then computed column-wise. A function's `scalar` form raises it for such a value."""


def accepts(param: ParamType, found: ValueType) -> bool:
    """Whether a value of type `found` may be passed where `param` is expected."""
    if param in ("any", found):
        return True
    return param == "number" and found == "integer"


def common_type(first: ValueType, second: ValueType) -> ValueType | None:
    """The type both values fit in (integer and number mix to number), or None."""
    if first == second:
        return first
    if {first, second} == {"integer", "number"}:
        return "number"
    return None


@dataclass(frozen=True)
class Function:
    """One function callable from expressions.

    ``build`` receives one Polars expression per argument, in order, except that the
    arguments at the indices in ``literal_params`` must be literals in the expression text
    and are passed as plain Python values. ``check_literals``, if given, validates those.

    ``scalar``, if given, is the same function for one row: it receives one Python value
    per argument (None for null; the literal ones as for ``build``) and returns the value
    ``build`` gives for that row. With it, a table of a few subjects is scored without a
    Polars query (much faster for one subject); without it, a set that calls the function
    is always scored column-wise. The two must agree: test them on the same rows. For a
    value where they might not, ``scalar`` raises `NotScalar`, and the table is scored
    column-wise.
    """

    name: str
    params: tuple[ParamType, ...]
    returns: ValueType | ReturnRule
    build: Callable[..., pl.Expr]
    optional: int = 0
    variadic: bool = False
    literal_params: frozenset[int] = frozenset()
    check_literals: LiteralCheck | None = None
    summary: str = ""
    scalar: Callable[..., object] | None = None

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or keyword.iskeyword(self.name):
            raise ValueError(f"function name {self.name!r} is not a plain identifier")
        if not 0 <= self.optional <= len(self.params):
            raise ValueError(f"{self.name}(): optional must be between 0 and len(params)")
        if self.variadic and (not self.params or self.optional):
            raise ValueError(f"{self.name}(): a variadic function needs params, none optional")

    @property
    def min_args(self) -> int:
        return len(self.params) - self.optional

    @property
    def max_args(self) -> int | None:
        """The most arguments accepted; None when the last parameter repeats."""
        return None if self.variadic else len(self.params)

    def param_type(self, index: int) -> ParamType:
        """The expected type of the argument at `index` (repeating the last if variadic)."""
        return self.params[min(index, len(self.params) - 1)]

    def result_type(self, args: Sequence[ValueType]) -> ValueType | None:
        if isinstance(self.returns, str):
            return self.returns
        return self.returns(args)

    def arity_text(self) -> str:
        """``1 argument``, ``1 to 2 arguments``, ``at least 2 arguments``."""
        low, high = self.min_args, self.max_args
        if high is None:
            return f"at least {low} argument{'s' if low != 1 else ''}"
        if low == high:
            return f"{low} argument{'s' if low != 1 else ''}"
        return f"{low} to {high} arguments"


class FunctionRegistry(Mapping[str, Function]):
    """An immutable mapping of function name to `Function`."""

    __slots__ = ("_functions",)

    def __init__(self, functions: Iterable[Function] = ()) -> None:
        table: dict[str, Function] = {}
        for function in functions:
            if function.name in table:
                raise ValueError(f"function {function.name!r} is already registered")
            table[function.name] = function
        self._functions: Mapping[str, Function] = MappingProxyType(table)

    def __getitem__(self, name: str) -> Function:
        return self._functions[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._functions)

    def __len__(self) -> int:
        return len(self._functions)

    def __repr__(self) -> str:
        return f"FunctionRegistry({sorted(self._functions)!r})"

    def with_function(self, function: Function) -> FunctionRegistry:
        """A new registry with `function` added; raises ValueError if the name is taken."""
        return FunctionRegistry([*self._functions.values(), function])


def divide(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    """``a / b`` divided exactly, row by row (no null handling for a zero `b`).

    Polars divides by a scalar by multiplying with its reciprocal, which can be one unit in
    the last place off (0.375 / 5 gives 0.07500000000000001), and a threshold such as
    ``ratio(a, 5) <= 0.075`` would then flip. Adding a column of zeros to the divisor makes
    it a column, and column-by-column division is exact IEEE division. A divisor that is a
    column already (a name) needs no zeros.
    """
    if b.meta.is_column():
        return a.truediv(b)
    zeros = pl.int_range(pl.len(), dtype=pl.Int64).mul(0)
    return a.truediv(b.add(zeros))


def _all_present(args: Sequence[pl.Expr], result: pl.Expr) -> pl.Expr:
    """`result` where every argument is non-null, else null."""
    return pl.when(pl.all_horizontal(*(arg.is_not_null() for arg in args))).then(result)


def _ratio(a: pl.Expr, b: pl.Expr, default: pl.Expr | None = None) -> pl.Expr:
    fallback = pl.lit(1.0, dtype=pl.Float64) if default is None else default.cast(pl.Float64)
    return (
        pl.when(b.ne(0))
        .then(divide(a, b))
        .when(b.eq(0) & a.is_not_null())
        .then(fallback)
        .otherwise(pl.lit(None, dtype=pl.Float64))
    )


def _min(*args: pl.Expr) -> pl.Expr:
    return _all_present(args, pl.min_horizontal(*args))


def _max(*args: pl.Expr) -> pl.Expr:
    return _all_present(args, pl.max_horizontal(*args))


def _abs(x: pl.Expr) -> pl.Expr:
    return x.abs()


def _round(x: pl.Expr, ndigits: int = 0) -> pl.Expr:
    return x.round(ndigits, mode="half_away_from_zero")


def _default(x: pl.Expr, fallback: pl.Expr) -> pl.Expr:
    if x.meta.is_literal():   # never missing: the fallback is never used
        return x
    if not x.meta.root_names():
        # A constant first value (``1 + 1``) is one value, and Polars would not spread a
        # coalesce that keeps it over the rows: it is spread first.
        x = pl.when(pl.int_range(pl.len()).ge(0)).then(x)
    return pl.coalesce(x, fallback)


# One row's values (None is null): the same results as the column-wise forms above.

def _ratio_row(a: float | None, b: float | None, *default: float | None) -> float | None:
    if a is None or b is None:
        return None
    if b != 0:
        return float(a) / float(b)
    fallback = default[0] if default else 1.0
    return None if fallback is None else float(fallback)


def _min_row(*args: float | None) -> float | None:
    if None in args:
        return None
    result = args[0]
    for value in args[1:]:   # of equals the later wins, as in Polars (0.0 and -0.0 differ)
        if value <= result:  # type: ignore[operator]
            result = value
    return result


def _max_row(*args: float | None) -> float | None:
    if None in args:
        return None
    result = args[0]
    for value in args[1:]:
        if value >= result:  # type: ignore[operator]
            result = value
    return result


def _abs_row(x: float | None) -> float | None:
    return None if x is None else abs(x)


def _round_row(x: float | None, ndigits: int = 0) -> float | None:
    if x is None or isinstance(x, int):
        return x
    scale = 10.0**ndigits   # as Polars does it: scaled, rounded half away from zero, back
    scaled = abs(x * scale)
    if not math.isfinite(scaled):   # Polars keeps such a value as it is; left to it
        raise NotScalar("round")
    whole = math.floor(scaled)
    if scaled - whole >= 0.5:
        whole += 1
    return math.copysign(whole / scale, x)


def _default_row(x: object, fallback: object) -> object:
    return fallback if x is None else x


def _numeric_result(args: Sequence[ValueType]) -> ValueType:
    return "integer" if all(arg == "integer" for arg in args) else "number"


def _same_as_first(args: Sequence[ValueType]) -> ValueType:
    return args[0]


def _common_of_two(args: Sequence[ValueType]) -> ValueType | None:
    return common_type(args[0], args[1])


def _check_ndigits(literals: Sequence[LiteralValue | None]) -> Message | None:
    if len(literals) < 2:
        return None
    ndigits = literals[1]
    if isinstance(ndigits, int) and not isinstance(ndigits, bool) and 0 <= ndigits <= 15:
        return None
    return say("round-ndigits")


BUILTIN_FUNCTIONS = FunctionRegistry(
    [
        Function(
            "ratio",
            ("number", "number", "number"),
            "number",
            _ratio,
            optional=1,
            summary="a / b, or default (1.0) when b is 0",
            scalar=_ratio_row,
        ),
        Function(
            "min",
            ("number", "number"),
            _numeric_result,
            _min,
            variadic=True,
            summary="the smallest argument; null if any is null",
            scalar=_min_row,
        ),
        Function(
            "max",
            ("number", "number"),
            _numeric_result,
            _max,
            variadic=True,
            summary="the largest argument; null if any is null",
            scalar=_max_row,
        ),
        Function("abs", ("number",), _same_as_first, _abs, summary="the absolute value",
                 scalar=_abs_row),
        Function(
            "round",
            ("number", "integer"),
            _same_as_first,
            _round,
            optional=1,
            literal_params=frozenset({1}),
            check_literals=_check_ndigits,
            summary="x rounded half away from zero to ndigits (default 0) decimals",
            scalar=_round_row,
        ),
        Function(
            "default",
            ("any", "any"),
            _common_of_two,
            _default,
            summary="x when present, else fallback",
            scalar=_default_row,
        ),
    ]
)
