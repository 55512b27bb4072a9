"""Stage 4: score a typed table of subjects with a compiled `Program`, column-wise.

One semantic path: a table of one subject is scored exactly like a table of a million.
Each indicator becomes a points column (null when the evidence it needs is missing); the
decision evaluates the set's pass rule twice over the same columns — once with every
missing indicator unmet (worst case) and once with every missing indicator fully met
(best case):

* recognised      — passes in the worst case;
* not_recognised  — fails in the best case;
* incomplete      — the missing evidence decides.

`outcome_exprs` is also what gap advice uses to test "what if these indicators were met",
so advice and decision can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import polars as pl

from ._compile import CompiledIndicator, Program
from ._expr import Expr
from ._expr_polars import to_polars

__all__ = ["INDICATOR_STATUS", "points_column", "score_frame", "status_column"]

STATUSES = ("recognised", "not_recognised", "incomplete")
#: The dtype of the per-indicator status columns of a scored table: a category per row is
#: far cheaper than a string. Views meant for users (``Evaluations.to_frame``,
#: ``Evaluations.scored``) cast them back to text.
INDICATOR_STATUS = pl.Enum(("met", "partly_met", "not_met", "missing"))
# Built once: an Enum literal is a small Series, costly to make per indicator and call.
_STATUS_LITERALS = {value: pl.lit(value, dtype=INDICATOR_STATUS)
                    for value in INDICATOR_STATUS.categories}


def points_column(k: int) -> str:
    """The name of indicator `k`'s points column in a scored table."""
    return f"_pts_{k}"


def status_column(k: int) -> str:
    """The name of indicator `k`'s status column (`INDICATOR_STATUS`) in a scored table."""
    return f"_st_{k}"


def score_frame(program: Program, frame: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """Add derived values, indicator points and statuses, totals, decision and grade.

    Every expression is added with ``with_columns``, which broadcasts a scalar result, so
    the expressions are compiled without the broadcast guard.
    """
    lf = frame.lazy()
    for name, expr in program.derived:
        lf = lf.with_columns(_compile(program, expr, pl.col).alias(name))
    lf = lf.with_columns(
        _indicator_points(program, ind).alias(points_column(k))
        for k, ind in enumerate(program.indicators)
    )
    lf = lf.with_columns(
        _indicator_status(ind, pl.col(points_column(k))).alias(status_column(k))
        for k, ind in enumerate(program.indicators)
    )
    points = [pl.col(points_column(k)) for k in range(len(program.indicators))]
    worst = _pass(program, points, best=False)
    best = _pass(program, points, best=True)
    total = pl.sum_horizontal(p.fill_null(0.0) for p in points) if points else pl.lit(0.0)
    lf = lf.with_columns(
        total.alias("total"),
        pl.lit(program.max_total, dtype=pl.Float64).alias("max_total"),
        pl.when(worst).then(pl.lit("recognised"))
        .when(best.not_()).then(pl.lit("not_recognised"))
        .otherwise(pl.lit("incomplete")).alias("status"),
    )
    return lf.with_columns(_grade(program).alias("grade"))


def outcome_pass(program: Program, points: Sequence[pl.Expr]) -> pl.Expr:
    """The pass rule over fully known points (no nulls): used for gap scenarios.

    Safe under ``select`` (one value per row even for a rule that reads no points).
    """
    return _pass(program, points, best=False, broadcast=True)


def _compile(program: Program, expr: Expr, column: Callable[[str], pl.Expr], *,
             broadcast: bool = False) -> pl.Expr:
    return to_polars(expr, column, program.functions, broadcast=broadcast)


def _indicator_points(program: Program, ind: CompiledIndicator) -> pl.Expr:
    none = pl.lit(None, dtype=pl.Float64)
    if ind.when is not None:
        cond = _compile(program, ind.when, pl.col)
        return pl.when(cond.is_null()).then(none) \
            .when(cond).then(pl.lit(float(ind.points))).otherwise(pl.lit(0.0))
    # First row that holds wins; a row that cannot be decided (null) stops the scan.
    result: pl.Expr = pl.lit(0.0)
    for expr, points in reversed(ind.levels):
        cond = _compile(program, expr, pl.col)
        result = pl.when(cond.is_null()).then(none).when(cond).then(pl.lit(float(points))) \
            .otherwise(result)
    return result


def _indicator_status(ind: CompiledIndicator, points: pl.Expr) -> pl.Expr:
    status = _STATUS_LITERALS
    return pl.when(points.is_null()).then(status["missing"]) \
        .when(points >= ind.points).then(status["met"]) \
        .when(points > 0).then(status["partly_met"]).otherwise(status["not_met"])


def _pass(program: Program, points: Sequence[pl.Expr], *, best: bool,
          broadcast: bool = False) -> pl.Expr:
    """The pass rule with missing indicators at 0 (worst) or at their maximum (best).

    ``mandatory_met`` holds when every mandatory indicator is fully met; in the best case a
    missing mandatory indicator counts as met.
    """
    inds = program.indicators
    filled = [p.fill_null(float(i.points) if best else 0.0) for p, i in zip(points, inds,
                                                                          strict=True)]
    scope: dict[str, pl.Expr] = {
        "total": pl.sum_horizontal(filled) if filled else pl.lit(0.0),
        "max_total": pl.lit(program.max_total, dtype=pl.Float64),
        "mandatory_met": pl.all_horizontal(
            [f >= i.points for f, i in zip(filled, inds, strict=True) if i.mandatory]
            or [pl.lit(True)]),
    }
    for cid in program.criterion_ids:
        parts = [f for f, i in zip(filled, inds, strict=True) if i.criterion == cid]
        scope[cid] = pl.sum_horizontal(parts)
    return _compile(program, program.pass_expr, scope.__getitem__,
                    broadcast=broadcast).fill_null(False)


def _grade(program: Program) -> pl.Expr:
    grades = program.spec.recognition.grades
    if not grades:
        return pl.lit(None, dtype=pl.String)
    recognised = pl.col("status") == "recognised"
    result: pl.Expr = pl.lit(None, dtype=pl.String)
    for grade in reversed(grades):  # highest first: the first grade reached wins
        result = pl.when(recognised & (pl.col("total") >= grade.min)).then(pl.lit(grade.id)) \
            .otherwise(result)
    return result
