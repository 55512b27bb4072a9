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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from .._criteria import CompiledIndicator, Program
from .._expressions import NotScalar, RowFunction, expression_names, to_python
from .score import GRADE_BEST, GRADE_WORST, points_column, score_frame, score_table, status_column
from .score_points import RowPoints, row_points
from .score_scope import python_refs

__all__ = ["FEW", "outcome_passes", "score_rows", "score_typed"]

#: Tables of up to this many rows are scored row by row.
FEW = 16

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _RowPlan:
    """A program's scoring as row functions: derived values in order, each indicator's
    points, the pass rule over its scope (total, max_total, mandatory_met, criteria)."""

    derived: tuple[tuple[str, RowFunction], ...]
    points: tuple[RowPoints, ...]
    applies: tuple[RowFunction | None, ...]     # per indicator (format 1.1); None: always
    rule: RowFunction
    maxima: tuple[float, ...]
    mandatory: tuple[int, ...]
    criteria: tuple[tuple[str, tuple[int, ...]], ...]
    max_total: float
    # In the set's order, the first reached wins: id, least total, condition.
    grades: tuple[tuple[str, float | None, RowFunction | None], ...]
    program: Program
    unknown_fills: bool     # the rule reads inputs or derived values: null decides nothing


def score_rows(program: Program, typed: pl.DataFrame, *,
               year: int | None = None) -> pl.DataFrame:
    """`score_table(program, typed)`, computed row by row: for a table of a few rows."""
    scored = score_typed(program, list(typed.iter_rows(named=True)), typed.schema,
                         year=year) if typed.height <= FEW else None
    return scored if scored is not None else score_table(program, typed, year=year)


def score_typed(program: Program, rows: list[dict[str, Any]], schema: pl.Schema, *,
                year: int | None = None) -> pl.DataFrame | None:
    """The table `score_table` gives for a typed table of `schema` holding `rows` (which
    receive the scored values), or None when it must be scored column-wise."""
    plan = _row_plan(program)
    if plan is None:
        return None
    try:
        scored = [_score(plan, program.indicators, row, year) for row in rows]
    except NotScalar:
        return None
    # Each value is made its column's dtype (an integer where the column is a number).
    return pl.from_dicts(scored, schema=_schema(program, schema))


def outcome_passes(program: Program,
                   ) -> Callable[[Sequence[float], Sequence[bool] | None], bool] | None:
    """The pass rule over one subject's fully known points and which indicators apply to
    it (None: all), in Python (None when the program has no row form): what
    `score.outcome_pass` computes for a row."""
    plan = _row_plan(program)
    if plan is None:
        return None

    unknown = dict.fromkeys(_row_names(program))
    always = [True] * len(program.indicators)

    def passes(points: Sequence[float], applies: Sequence[bool] | None) -> bool:
        counted = always if applies is None else applies
        scope = {**unknown, **python_refs(program, points, best=False, applies=counted)}
        return _passes(plan, _case(plan, scope, points, sum_of(points), counted),
                       best=False)
    return passes


def sum_of(points: Sequence[float]) -> float:
    """Points added left to right from 0.0, as ``sum_horizontal`` adds them."""
    total = 0.0
    for value in points:
        total += value
    return total


def _score(plan: _RowPlan, indicators: Sequence[CompiledIndicator], row: Row,
           year: int | None) -> Row:
    if plan.program.reads_year:  # read by expressions (format 1.1); not a column
        row["year"] = year
    for name, compute in plan.derived:
        row[name] = compute(row)
    applies = [True if a is None else a(row) for a in plan.applies]
    bounds = [compute(row) for compute in plan.points]
    points = [_counted(low, a) for (low, _), a in zip(bounds, applies, strict=True)]
    # in the best case a checklist counts its greatest points (the open items met)
    uppers = [_counted(high, a) for (_, high), a in zip(bounds, applies, strict=True)]
    for k, value in enumerate(points):
        row[points_column(k)] = value
        row[status_column(k)] = "not_applicable" if applies[k] is False else \
            "missing" if value != uppers[k] else \
            _status(value, plan.maxima[k], indicators[k].when is None)
    worst = [0.0 if p is None else p for p in points]
    best = [m if p is None else p for p, m in zip(uppers, plan.maxima, strict=True)]
    total = sum_of(worst)
    row["total"] = total
    row["max_total"] = _max_total(plan, applies)
    worst_scope = _case(plan, {**row, **python_refs(plan.program, points, best=False,
                                                    applies=applies)}, worst, total, applies)
    best_scope = _case(plan, {**row, **python_refs(plan.program, uppers, best=True,
                                                   applies=applies)},
                       best, sum_of(best), applies)
    if _passes(plan, worst_scope, best=False):
        status = "recognised"
    elif not _passes(plan, best_scope, best=True):
        status = "not_recognised"
    else:
        status = "incomplete"
    row["status"] = status
    if plan.grades:
        low = _grade(plan, worst_scope, status == "recognised", best=False)
        high = _grade(plan, best_scope, status != "not_recognised", best=True)
        row[GRADE_WORST], row[GRADE_BEST] = low, high
        row["grade"] = low if low == high else None
    else:
        row["grade"] = None
    return row


def _grade(plan: _RowPlan, scope: Row, passing: bool, *, best: bool) -> str | None:
    """The first grade reached in the case `scope` holds (`_case`)."""
    if not passing:
        return None
    for ident, least, condition in plan.grades:
        if least is not None and not scope["total"] >= least:
            continue
        holds = condition(scope) if condition is not None else True
        if holds is None:
            holds = best
        if holds:
            return ident
    return None


def _row_names(program: Program) -> set[str]:
    """Inputs, derived values and the year a pass rule or grade condition reads."""
    return {n for n in program.names_read() if n in program.spec.inputs
            or n in program.spec.derived or n == "year"}


def _status(points: float | None, maximum: float, graded: bool) -> str:
    if points is None:
        return "missing"
    if points >= maximum:
        return "met"
    return "partly_met" if graded and points > 0 else "not_met"


def _counted(points: float | None, applies: bool | None) -> float | None:
    """An indicator's points: null where whether it applies is open, 0 where it does not
    apply (format 1.1), else its own."""
    if applies is None:
        return None
    return points if applies else 0.0


def _max_total(plan: _RowPlan, applies: Sequence[bool | None]) -> float:
    """The subject's maximum: the points of every indicator that counts or may count."""
    if not plan.program.has_applies:
        return plan.max_total
    return sum_of([m if a is not False else 0.0
                   for m, a in zip(plan.maxima, applies, strict=True)])


def _case(plan: _RowPlan, scope: Row, filled: Sequence[float], total: float,
          applies: Sequence[bool | None]) -> Row:
    """`scope` (the row's values and the indicator functions' values in one case) with the
    totals of that case's points `filled`: what the pass rule and the grades read (an
    indicator that does not apply is not asked to be met)."""
    maximum = _max_total(plan, applies)
    scope.update({"total": total, "max_total": maximum,
                  "total_share": total / maximum if maximum > 0 else 0.0,
                  "mandatory_met": all(applies[k] is False or filled[k] >= plan.maxima[k]
                                       for k in plan.mandatory)})
    for cid, members in plan.criteria:
        scope[cid] = sum_of([filled[k] for k in members])
    return scope


def _passes(plan: _RowPlan, scope: Row, *, best: bool) -> bool:
    """The pass rule in the case `scope` holds (`_case`)."""
    holds = plan.rule(scope)
    return (best and plan.unknown_fills) if holds is None else holds is True


def _row_plan(program: Program) -> _RowPlan | None:
    return program.cached(_row_plan, lambda: _build_row_plan(program))


def _build_row_plan(program: Program) -> _RowPlan | None:
    functions = program.functions
    try:
        derived = tuple((name, to_python(expr, functions)) for name, expr in program.derived)
        points = tuple(row_points(k, ind, functions) for k, ind in enumerate(program.indicators))
        applies = tuple(None if ind.applicability is None else
                        to_python(ind.applicability, functions) for ind in program.indicators)
        rule = to_python(program.pass_expr, functions)
        grades = tuple((g.id, g.min, None if g.when is None else to_python(g.when, functions))
                       for g in program.grades)
    except NotScalar:
        return None
    inds = program.indicators
    return _RowPlan(
        derived, points, applies, rule, tuple(float(i.points) for i in inds),
        tuple(k for k, i in enumerate(inds) if i.mandatory),
        tuple((cid, tuple(k for k, i in enumerate(inds) if i.criterion == cid))
              for cid in program.criterion_ids),
        float(program.max_total), grades, program,
        bool(expression_names(program.pass_expr) & {*program.spec.inputs, *program.spec.derived}))


def _schema(program: Program, typed: pl.Schema) -> pl.Schema:
    """The schema `score_table` gives a table of schema `typed`."""
    return program.cached((_schema, tuple(typed.items())),
                          lambda: score_frame(program, pl.LazyFrame(schema=typed))
                          .collect_schema())
