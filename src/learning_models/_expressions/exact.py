"""Integer arithmetic that never wraps: ``+``, ``-``, ``*`` and negation in Polars.

Polars' Int64 arithmetic wraps at 2**63 without a word (``2**62 * 4`` is 0), which would
decide a condition wrongly. Each operation is also computed in Float64: where that result
shows the Int64 one wrapped (they differ by more than 2**62, far beyond float rounding), the
value is null — unknown, so the indicator that reads it is missing and the evaluation says
so, never decided on a wrapped number. Results keep their type (Int64 for integers).
Numbers (floats) never wrap: for them both computations agree.

The row engine (`_expr_python`) leaves integers beyond ±2**53 to this engine, so the two
agree.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

__all__ = ["exact", "exact_neg"]

#: Int64 wrapping moves a result by a multiple of 2**64; float rounding of a result below
#: 2**63 moves it by at most 2**10.
_WRAPPED = float(2**62)

Operation = Callable[[pl.Expr, pl.Expr], pl.Expr]


def exact(op: Operation, left: pl.Expr, right: pl.Expr) -> pl.Expr:
    """`op` (``pl.Expr.add``, ``sub`` or ``mul``) of `left` and `right`: exact, or null
    where an integer result does not fit in 64 bits."""
    plain = op(left, right)
    approx = op(left.cast(pl.Float64), right.cast(pl.Float64))
    return pl.when((approx - plain.cast(pl.Float64)).abs() <= _WRAPPED).then(plain)


def exact_neg(operand: pl.Expr) -> pl.Expr:
    """``-operand``: null for ``-(-2**63)``, which Int64 cannot hold."""
    return exact(pl.Expr.sub, pl.lit(0, dtype=pl.Int64), operand)
