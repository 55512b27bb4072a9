"""Stage 4: one indicator's points and status as Polars expressions (`score` builds the
rest), and its points for one row in Python (`row_points`, for `score_rows`).

All or nothing (``when``), graded (``levels``: the first row that holds wins, a row that
cannot be decided stops the scan) or awarded (``awarded``, clipped to ``[0, points]``); null
where the evidence is missing — or where a document the indicator requires is not given
(format 1.1 named evidence); 0 where the indicator does not apply, null where that is open
(``applies``).

An indicator with a checklist (format 1.1 ``items``) reads ``items_met`` and
``items_total``. Each item's condition is a column of its own (`item_column`: true, false,
or null where its evidence is missing). Where some items are open, ``items_met`` may be
anything from the items known met to those plus the open ones: the indicator's points are
computed for each of these counts, and their least and greatest are its points in the worst
and in the best case (`checklist_bounds`) — exact for any ladder, not only a growing one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import polars as pl

from .._criteria import ITEMS_MET, ITEMS_TOTAL, CompiledIndicator, Program
from .._expressions import Expr, FunctionRegistry, to_polars, to_python
from .documents import documents_given, evidence_column, present_expr
from .score_scope import row_value

__all__ = ["INDICATOR_STATUS", "RowPoints", "checklist_bounds", "count_columns",
           "counted", "counted_column", "documented", "indicator_points", "indicator_status",
           "item_column", "level_column", "own_points", "row_points", "upper_column",
           "upper_points"]

#: The dtype of the per-indicator status columns of a scored table: a category per row is
#: far cheaper than a string. Views meant for users (``Evaluations.to_frame``,
#: ``Evaluations.scored``) cast them back to text.
INDICATOR_STATUS = pl.Enum(("met", "partly_met", "not_met", "missing", "not_applicable"))
# Built once: an Enum literal is a small Series, costly to make per indicator and call.
_STATUS_LITERALS = {value: pl.lit(value, dtype=INDICATOR_STATUS)
                    for value in INDICATOR_STATUS.categories}

Column = Callable[[str], pl.Expr]
#: One indicator's points for one row, in Python: (worst case, best case), the same but for
#: a checklist with open items; None where the evidence is missing. A checklist's items are
#: written into the row (`item_column`).
RowPoints = Callable[[dict[str, Any]], tuple[float | None, float | None]]


def level_column(k: int, j: int) -> str:
    """The name of the (dropped) column holding level `j`'s condition of indicator `k`."""
    return f"_lv_{k}_{j}"


def item_column(k: int, j: int) -> str:
    """The name of the column saying whether item `j` of indicator `k`'s checklist is met
    (kept in the scored table: explanations list each item)."""
    return f"_it_{k}_{j}"


def count_columns(k: int, ind: CompiledIndicator) -> tuple[pl.Expr, pl.Expr]:
    """How many items of indicator `k`'s checklist are met, and how many are open, as the
    (dropped) columns `counted_column` names: computed once, read by every ladder."""
    items = [pl.col(item_column(k, j)) for j in range(len(ind.items))]
    met, open_ = counted_column(k)
    return (pl.sum_horizontal([c.fill_null(False).cast(pl.Int64) for c in items]).alias(met),
            pl.sum_horizontal([c.is_null().cast(pl.Int64) for c in items]).alias(open_))


def counted_column(k: int) -> tuple[str, str]:
    """The names of indicator `k`'s columns of items met and items open."""
    return f"_im_{k}", f"_io_{k}"


def upper_column(k: int) -> str:
    """The name of the (dropped) column of indicator `k`'s points in the best case, for an
    indicator with a checklist (its points column holds the worst case)."""
    return f"_hi_{k}"


def own_points(program: Program, k: int, ind: CompiledIndicator, guarded: bool) -> pl.Expr:
    """The indicator's points (for a checklist: in the worst case), before `applies`."""
    if ind.items:
        return checklist_bounds(program, k, ind, guarded)[0]
    return _ladder(program, ind, row_value, guarded, k)


def _compile(program: Program, expr: Expr, column: Column, guarded: bool) -> pl.Expr:
    return to_polars(expr, column, program.functions, broadcast=guarded)


def _ladder(program: Program, ind: CompiledIndicator, column: Column, guarded: bool,
            k: int | None = None) -> pl.Expr:
    """The points by `when`, `levels` or `awarded`, each name read through `column`. With
    `k`, a level's condition is read from its column (`level_column`), computed once."""
    none = pl.lit(None, dtype=pl.Float64)
    if ind.awarded is not None:  # the points given, clipped to [0, points]; null: missing
        given = _compile(program, ind.awarded, column, guarded)
        return given.cast(pl.Float64).clip(0.0, float(ind.points))
    if ind.when is not None:
        cond = _compile(program, ind.when, column, guarded)
        return pl.when(cond.is_null()).then(none) \
            .when(cond).then(pl.lit(float(ind.points))).otherwise(pl.lit(0.0))
    result: pl.Expr = pl.lit(0.0)
    for j in reversed(range(len(ind.levels))):
        expr, points = ind.levels[j]
        cond = pl.col(level_column(k, j)) if k is not None else \
            _compile(program, expr, column, guarded)
        result = pl.when(cond.is_null()).then(none).when(cond).then(pl.lit(float(points))) \
            .otherwise(result)
    return result


def checklist_bounds(program: Program, k: int, ind: CompiledIndicator,
                     guarded: bool) -> tuple[pl.Expr, pl.Expr]:
    """The least and the greatest points the open items allow (null when the ladder
    cannot be decided for some count: evidence it reads besides the items is missing)."""
    met, open_ = (pl.col(name) for name in counted_column(k))
    size = pl.lit(len(ind.items), dtype=pl.Int64)
    counts = [met + pl.min_horizontal(pl.lit(n, dtype=pl.Int64), open_)
              for n in range(len(ind.items) + 1)]
    options = [_ladder(program, ind, _counting(count, size), guarded) for count in counts]
    undecided = pl.any_horizontal([o.is_null() for o in options])
    none = pl.lit(None, dtype=pl.Float64)
    return (pl.when(undecided).then(none).otherwise(pl.min_horizontal(options)),
            pl.when(undecided).then(none).otherwise(pl.max_horizontal(options)))


def _counting(count: pl.Expr, size: pl.Expr) -> Column:
    """Names as a checklist indicator reads them, with ``items_met`` at `count`."""
    def column(name: str) -> pl.Expr:
        if name == ITEMS_MET:
            return count
        return size if name == ITEMS_TOTAL else row_value(name)
    return column


def indicator_points(program: Program, k: int, ind: CompiledIndicator,
                      guarded: bool, applies: pl.Expr | None) -> pl.Expr:
    """The points: null where the evidence is missing (or whether it applies is open),
    0 where it does not apply (format 1.1)."""
    return counted(documented(ind, own_points(program, k, ind, guarded)), applies)


def documented(ind: CompiledIndicator, points: pl.Expr) -> pl.Expr:
    """`points` where the record gives the documents the indicator requires (format 1.1),
    else null: missing, never met on no evidence."""
    if not ind.documents:
        return points
    return pl.when(present_expr(ind)).then(points).otherwise(pl.lit(None, dtype=pl.Float64))


def counted(points: pl.Expr, applies: pl.Expr | None) -> pl.Expr:
    """`points` where the indicator applies; null where that is open, 0 where it does not."""
    if applies is None:
        return points
    return pl.when(applies.is_null()).then(pl.lit(None, dtype=pl.Float64)) \
        .when(applies).then(points).otherwise(pl.lit(0.0))


def indicator_status(ind: CompiledIndicator, points: pl.Expr, applies: pl.Expr | None,
                      upper: pl.Expr) -> pl.Expr:
    """The status from the points (`upper`: in the best case, the same but for a checklist
    with open items: missing while they differ)."""
    status = _STATUS_LITERALS
    if applies is not None:
        return pl.when(applies.not_().fill_null(False)).then(status["not_applicable"]) \
            .otherwise(indicator_status(ind, points, None, upper))
    if ind.items:
        return pl.when(upper.is_null() | (points != upper)).then(status["missing"]) \
            .otherwise(indicator_status(replace(ind, items=()), points, None, upper))
    if ind.when is not None:  # points are null, 0 or all of them: never partly met
        return pl.when(points.is_null()).then(status["missing"]) \
            .when(points >= ind.points).then(status["met"]).otherwise(status["not_met"])
    return pl.when(points.is_null()).then(status["missing"]) \
        .when(points >= ind.points).then(status["met"]) \
        .when(points > 0).then(status["partly_met"]).otherwise(status["not_met"])


def upper_points(program: Program, k: int, ind: CompiledIndicator, guarded: bool,
                 applies: pl.Expr | None) -> pl.Expr:
    """A checklist indicator's points in the best case (its greatest), as `indicator_points`
    wraps its worst case."""
    return counted(documented(ind, checklist_bounds(program, k, ind, guarded)[1]), applies)


# --------------------------------------------------------------------------- row by row

def row_points(k: int, ind: CompiledIndicator, functions: FunctionRegistry) -> RowPoints:
    """`own_points` and `checklist_bounds` for one row (`score_rows`); both missing where
    the record does not give a document the indicator requires."""
    points = _row_bounds(k, ind, functions)
    if not ind.documents:
        return points
    column = evidence_column(ind.id)

    def documented(row: dict[str, Any]) -> tuple[float | None, float | None]:
        low, high = points(row)
        return (low, high) if documents_given(ind, row.get(column)) else (None, None)
    return documented


def _row_bounds(k: int, ind: CompiledIndicator, functions: FunctionRegistry) -> RowPoints:
    ladder = _row_ladder(ind, functions)
    if not ind.items:
        def plain(row: dict[str, Any]) -> tuple[float | None, float | None]:
            points = ladder(row)
            return points, points
        return plain
    items = [(item_column(k, j), to_python(expr, functions))
             for j, (_, expr) in enumerate(ind.items)]

    def checklist(row: dict[str, Any]) -> tuple[float | None, float | None]:
        for name, holds in items:
            row[name] = holds(row)
        met = sum(row[name] is True for name, _ in items)
        open_ = sum(row[name] is None for name, _ in items)
        options = [ladder({**row, ITEMS_MET: met + min(n, open_), ITEMS_TOTAL: len(items)})
                   for n in range(len(items) + 1)]
        if any(o is None for o in options):
            return None, None
        known = [o for o in options if o is not None]
        return min(known), max(known)
    return checklist


def _row_ladder(ind: CompiledIndicator, functions: FunctionRegistry,
                ) -> Callable[[Mapping[str, Any]], float | None]:
    if ind.awarded is not None:  # the points given, clipped to [0, points]; null: missing
        given, most = to_python(ind.awarded, functions), float(ind.points)

        def awarded(row: Mapping[str, Any]) -> float | None:
            value = given(row)
            return None if value is None else min(max(float(value), 0.0), most)
        return awarded
    if ind.when is not None:
        condition, full = to_python(ind.when, functions), float(ind.points)

        def met(row: Mapping[str, Any]) -> float | None:
            holds = condition(row)
            return None if holds is None else (full if holds else 0.0)
        return met
    levels = [(to_python(expr, functions), float(points)) for expr, points in ind.levels]

    def graded(row: Mapping[str, Any]) -> float | None:
        for condition, points in levels:  # the first row that holds wins; null stops
            holds = condition(row)
            if holds is None:
                return None
            if holds:
                return points
        return 0.0
    return graded
