"""Stage 4 for a few subjects: `score`'s scoring computed row by row, in Python.

A Polars query costs about a millisecond to plan for a set of thirty indicators, however
few its rows: for one subject that is nearly all the work. A table of up to `FEW` rows is
therefore scored with the row functions of `_expressions.row_engine`, compiled once per program, and
comes out with the columns, names, order and dtypes `score_table` gives it — the schema is
taken from `score_frame`'s plan, once per input schema. The rules are `score`'s, step by
step: a level table's first row that holds wins and a null row stops the scan; points are
null when the evidence is missing; the decision runs the pass rule in the worst case
(missing points at 0) and the best case (at their maximum); the grade is the highest reached
by a recognised subject.

A program that calls a function without a scalar form, or a row whose values leave the
range where Python and Polars arithmetic agree (`NotScalar`), is scored column-wise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from .._criteria import CompiledIndicator, Program
from .._expressions import NotScalar, RowFunction, to_python
from .score import points_column, score_frame, score_table, status_column

__all__ = ["FEW", "outcome_passes", "score_rows", "score_typed"]

#: Tables of up to this many rows are scored row by row.
FEW = 16

Row = dict[str, Any]
Points = Callable[[Mapping[str, Any]], float | None]


@dataclass(frozen=True, slots=True)
class _RowPlan:
    """A program's scoring as row functions: derived values in order, each indicator's
    points, the pass rule over its scope (total, max_total, mandatory_met, criteria)."""

    derived: tuple[tuple[str, RowFunction], ...]
    points: tuple[Points, ...]
    rule: RowFunction
    maxima: tuple[float, ...]
    mandatory: tuple[int, ...]
    criteria: tuple[tuple[str, tuple[int, ...]], ...]
    max_total: float
    grades: tuple[tuple[str, float], ...]    # in the set's order: the first reached wins


def score_rows(program: Program, typed: pl.DataFrame) -> pl.DataFrame:
    """`score_table(program, typed)`, computed row by row: for a table of a few rows."""
    scored = score_typed(program, list(typed.iter_rows(named=True)), typed.schema) \
        if typed.height <= FEW else None
    return scored if scored is not None else score_table(program, typed)


def score_typed(program: Program, rows: list[dict[str, Any]], schema: pl.Schema,
                ) -> pl.DataFrame | None:
    """The table `score_table` gives for a typed table of `schema` holding `rows` (which
    receive the scored values), or None when it must be scored column-wise."""
    plan = _row_plan(program)
    if plan is None:
        return None
    try:
        scored = [_score(plan, program.indicators, row) for row in rows]
    except NotScalar:
        return None
    # Each value is made its column's dtype (an integer where the column is a number).
    return pl.from_dicts(scored, schema=_schema(program, schema))


def outcome_passes(program: Program) -> Callable[[Sequence[float]], bool] | None:
    """The pass rule over one subject's fully known points, in Python (None when the
    program has no row form): what `score.outcome_pass` computes for a row."""
    plan = _row_plan(program)
    if plan is None:
        return None

    def passes(points: Sequence[float]) -> bool:
        return _passes(plan, points, sum_of(points))
    return passes


def sum_of(points: Sequence[float]) -> float:
    """Points added left to right from 0.0, as ``sum_horizontal`` adds them."""
    total = 0.0
    for value in points:
        total += value
    return total


def _score(plan: _RowPlan, indicators: Sequence[CompiledIndicator], row: Row) -> Row:
    for name, compute in plan.derived:
        row[name] = compute(row)
    points = [compute(row) for compute in plan.points]
    for k, value in enumerate(points):
        row[points_column(k)] = value
        row[status_column(k)] = _status(value, plan.maxima[k], bool(indicators[k].levels))
    worst = [0.0 if p is None else p for p in points]
    best = [m if p is None else p for p, m in zip(points, plan.maxima, strict=True)]
    total = sum_of(worst)
    row["total"] = total
    row["max_total"] = plan.max_total
    if _passes(plan, worst, total):
        status = "recognised"
    elif not _passes(plan, best, sum_of(best)):
        status = "not_recognised"
    else:
        status = "incomplete"
    row["status"] = status
    row["grade"] = next((g for g, least in plan.grades
                         if status == "recognised" and total >= least), None)
    return row


def _status(points: float | None, maximum: float, graded: bool) -> str:
    if points is None:
        return "missing"
    if points >= maximum:
        return "met"
    return "partly_met" if graded and points > 0 else "not_met"


def _passes(plan: _RowPlan, filled: Sequence[float], total: float) -> bool:
    scope: Row = {"total": total, "max_total": plan.max_total,
                  "mandatory_met": all(filled[k] >= plan.maxima[k] for k in plan.mandatory)}
    for cid, members in plan.criteria:
        scope[cid] = sum_of([filled[k] for k in members])
    return plan.rule(scope) is True


def _row_plan(program: Program) -> _RowPlan | None:
    return program.cached(_row_plan, lambda: _build_row_plan(program))


def _build_row_plan(program: Program) -> _RowPlan | None:
    functions = program.functions
    try:
        derived = tuple((name, to_python(expr, functions)) for name, expr in program.derived)
        points = tuple(_indicator_points(ind, functions) for ind in program.indicators)
        rule = to_python(program.pass_expr, functions)
    except NotScalar:
        return None
    inds = program.indicators
    grades = program.spec.recognition.grades
    return _RowPlan(
        derived, points, rule, tuple(float(i.points) for i in inds),
        tuple(k for k, i in enumerate(inds) if i.mandatory),
        tuple((cid, tuple(k for k, i in enumerate(inds) if i.criterion == cid))
              for cid in program.criterion_ids),
        float(program.max_total),
        tuple((g.id, float(g.min)) for g in grades))


def _indicator_points(ind: CompiledIndicator, functions: Any) -> Points:
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


def _schema(program: Program, typed: pl.Schema) -> pl.Schema:
    """The schema `score_table` gives a table of schema `typed`."""
    return program.cached((_schema, tuple(typed.items())),
                          lambda: score_frame(program, pl.LazyFrame(schema=typed))
                          .collect_schema())
