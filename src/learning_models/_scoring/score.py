"""Stage 4: score a typed table of subjects with a compiled `Program`, column-wise.

One semantic path: a table of one subject is scored exactly like a table of a million
(`score_rows` computes the same table row by row for a few subjects; property tests hold
the two to the same values and dtypes).
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
from dataclasses import dataclass

import polars as pl

from .._criteria import Program
from .._expressions import Expr, collect_plain, expression_names, to_polars
from .documents import with_evidence_columns
from .score_points import (
    INDICATOR_STATUS,
    count_columns,
    counted_column,
    indicator_points,
    indicator_status,
    item_column,
    level_column,
    upper_column,
    upper_points,
)
from .score_scope import YEAR_COLUMN, polars_refs, row_value

__all__ = ["INDICATOR_STATUS", "applies_columns", "max_total_expr", "points_column",
           "score_frame", "score_table", "status_column", "total_share"]

STATUSES = ("recognised", "not_recognised", "incomplete")
#: The decisions by their number in `_decision`: 0 recognised, 1 incomplete, 2 not_recognised.
_DECISIONS = pl.Series("status", ["recognised", "incomplete", "not_recognised"],
                       dtype=pl.String)
def points_column(k: int) -> str:
    """The name of indicator `k`'s points column in a scored table."""
    return f"_pts_{k}"


def status_column(k: int) -> str:
    """The name of indicator `k`'s status column (`INDICATOR_STATUS`) in a scored table."""
    return f"_st_{k}"


def _applies_column(k: int) -> str:
    """The name of the (dropped) column saying whether indicator `k` counts (format 1.1
    ``applies``): true, false, or null where missing evidence leaves it open."""
    return f"_ap_{k}"


def applies_columns(program: Program) -> list[pl.Expr | None]:
    """Per indicator, the column of its applicability while a table is scored (None for
    an indicator that always counts)."""
    return [None if ind.applicability is None else pl.col(_applies_column(k))
            for k, ind in enumerate(program.indicators)]


@dataclass(frozen=True, slots=True)
class _Plan:
    """A program's scoring as Polars expressions: `layers` are added in order (each reads
    only the input and earlier layers), then the `hidden` helper columns are dropped."""

    layers: tuple[tuple[pl.Expr, ...], ...]
    hidden: tuple[str, ...]


def score_frame(program: Program, frame: pl.DataFrame | pl.LazyFrame, *,
                year: int | None = None) -> pl.LazyFrame:
    """Add derived values, indicator points and statuses, totals, decision and grade.

    The expressions are built once per program (`Program.cached`) and added layer by layer
    with ``with_columns``, which broadcasts a scalar result, so they are compiled without
    the broadcast guard.
    """
    plan = _plan(program)
    lf = with_evidence_columns(program, _with_year(program, frame.lazy(), year))
    return _layered(plan, lf).drop(plan.hidden)


def _with_year(program: Program, lf: pl.LazyFrame, year: int | None) -> pl.LazyFrame:
    """`lf` with the evaluation year in `YEAR_COLUMN` when an expression reads it (a
    hidden column of the plan, dropped with the others)."""
    if not program.reads_year:
        return lf
    return lf.with_columns(pl.lit(year, dtype=pl.Int64).alias(YEAR_COLUMN))


def score_table(program: Program, frame: pl.DataFrame | pl.LazyFrame, *,
                year: int | None = None) -> pl.DataFrame:
    """`score_frame`, run (`collect_plain`): the same expressions, the same table.

    Without its optimiser, Polars cuts ``when(mask).then(literal)`` short to the literal
    when the mask holds on every row (or on none), and a comparison of that with another
    literal is then one value, which ``with_columns`` refuses to spread over the table
    (``False == (not x in [])`` when every ``x`` is given). Whether it happens depends on
    the data, so it cannot be avoided when the plan is built without guarding every
    condition, which would cost on every table. Such a table is scored again with every
    condition and the pass rule guarded (one value per row, whatever Polars makes of it):
    the same values, a little more work, for the tables that need it.
    """
    plan = _plan(program)
    lf = with_evidence_columns(program, _with_year(program, frame.lazy(), year))
    try:
        scored = collect_plain(_layered(plan, lf))
    except (pl.exceptions.InvalidOperationError, pl.exceptions.ShapeError) as exc:
        if "height" not in str(exc):
            raise
        plan = _plan(program, guarded=True)
        scored = collect_plain(_layered(plan, lf))
    for name in plan.hidden:  # in place: no query to plan, no copy
        scored.drop_in_place(name)
    return scored


def _layered(plan: _Plan, lf: pl.LazyFrame) -> pl.LazyFrame:
    for layer in plan.layers:
        lf = lf.with_columns(layer)
    return lf


def _plan(program: Program, *, guarded: bool = False) -> _Plan:
    return program.cached((_plan, guarded), lambda: _build_plan(program, guarded))


def _build_plan(program: Program, guarded: bool = False) -> _Plan:
    inds = program.indicators
    derived = _derived_layers(program.derived)
    layer_of = {name: n for n, layer in enumerate(derived) for name, _ in layer}
    layers = [[_compile(program, expr, row_value, broadcast=guarded).alias(name)
               for name, expr in layer]
              for layer in derived]
    hidden = _condition_layers(program, layers, layer_of, guarded)
    checklists = [k for k, ind in enumerate(inds) if ind.items]
    if checklists:  # each checklist's counts, read by each of its ladders
        layers.append([e for k in checklists for e in count_columns(k, inds[k])])
        hidden += tuple(name for k in checklists for name in counted_column(k))
    applies = applies_columns(program)
    layers.append([
        *(indicator_points(program, k, ind, guarded, applies[k]).alias(points_column(k))
          for k, ind in enumerate(inds)),
        *(upper_points(program, k, ind, guarded, applies[k]).alias(upper_column(k))
          for k in checklists for ind in (inds[k],))])
    hidden += tuple(upper_column(k) for k in checklists)
    points = [pl.col(points_column(k)) for k in range(len(inds))]
    # in the best case a checklist counts its greatest points (the open items met)
    best_points = [pl.col(upper_column(k)) if ind.items else points[k]
                   for k, ind in enumerate(inds)]
    # A horizontal sum skips nulls: the sum of the points with the missing ones at 0, in
    # the same order, without a filled copy of every column.
    total = pl.sum_horizontal(points) if points else pl.lit(0.0)
    layers.append([
        *(indicator_status(ind, points[k], applies[k], best_points[k])
          .alias(status_column(k)) for k, ind in enumerate(inds)),
        total.alias("total"),
        max_total_expr(program, applies).alias("max_total"),
    ])
    # The worst case's total is the total just added.
    worst = _pass(program, points, best=False, total=pl.col("total"), broadcast=guarded)
    best = _pass(program, best_points, best=True, broadcast=guarded)
    layers.append([_decision(worst, best, guarded or _per_row(program)).alias("status")])
    if program.grades:  # the grades read the status
        layers.append([_grade_reached(program, points, best=False).alias(GRADE_WORST),
                       _grade_reached(program, best_points, best=True).alias(GRADE_BEST)])
        layers.append([_grade().alias("grade")])
    else:
        layers[-1].append(pl.lit(None, dtype=pl.String).alias("grade"))
    if program.reads_year:
        hidden += (YEAR_COLUMN,)
    return _Plan(tuple(tuple(layer) for layer in layers), hidden)


def _condition_layers(program: Program, layers: list[list[pl.Expr]],
                      layer_of: dict[str, int], guarded: bool) -> tuple[str, ...]:
    """Add each level's condition, each indicator's applicability and each checklist item
    to the first layer after the derived values it reads (fewer layers, fewer passes), in a
    column of its own that the points then read; the names of those to drop (the items
    are kept, for explanations)."""
    inds = program.indicators
    conditions = [(ind.applicability, _applies_column(k)) for k, ind in enumerate(inds)
                  if ind.applicability is not None]
    conditions += [(expr, level_column(k, j)) for k, ind in enumerate(inds)
                   if not ind.items for j, (expr, _) in enumerate(ind.levels)]
    hidden = tuple(name for _, name in conditions)
    conditions += [(expr, item_column(k, j)) for k, ind in enumerate(inds)
                   for j, (_, expr) in enumerate(ind.items)]
    for expr, column in conditions:
        n = 1 + max((layer_of[name] for name in expression_names(expr)
                     if name in layer_of), default=-1)
        if n == len(layers):
            layers.append([])
        layers[n].append(_compile(program, expr, row_value, broadcast=guarded).alias(column))
    return hidden


def _decision(worst: pl.Expr, best: pl.Expr, per_row: bool) -> pl.Expr:
    """recognised when the worst case passes, not_recognised when the best case fails,
    else incomplete (both cases are true or false, never null).

    The decision's number (0, 1, 2) picks its word from a three-row column: one gather
    instead of a chain of choices between text columns, each a full column of text. A
    pass rule that reads nothing of the row (``max_total >= 1``) gives one value, which a
    gather would not spread over the rows: the choice does."""
    if not per_row:
        return pl.when(worst).then(pl.lit("recognised")) \
            .when(best.not_()).then(pl.lit("not_recognised")).otherwise(pl.lit("incomplete"))
    code = worst.not_().cast(pl.UInt32) * (best.not_().cast(pl.UInt32) + 1)
    return pl.lit(_DECISIONS).gather(code)


def _per_row(program: Program) -> bool:
    """Whether the pass rule reads something of each row: the total, a criterion's
    subtotal, or whether the mandatory indicators are met (when there are some), or the
    subject's own maximum (when some indicator applies to some subjects only)."""
    names = expression_names(program.pass_expr)
    row = {"total", "total_share", *program.criterion_ids, *_row_names(program)}
    if program.has_applies:
        row.add("max_total")
    if any(i.mandatory for i in program.indicators):
        row.add("mandatory_met")
    return bool(names & row)


def _row_names(program: Program) -> set[str]:
    """The names a pass rule may read that differ from row to row besides the totals:
    inputs, derived values, the year and the indicator functions (format 1.1)."""
    names = expression_names(program.pass_expr)
    fixed = {"total", "max_total", "total_share", "mandatory_met", *program.criterion_ids}
    return set(names - fixed)


def _derived_layers(derived: Sequence[tuple[str, Expr]]) -> list[list[tuple[str, Expr]]]:
    """The derived values (in dependency order) cut into runs that read no value of their
    own run, so each run is one layer and the columns keep their order."""
    layers: list[list[tuple[str, Expr]]] = []
    current: set[str] = set()
    for name, expr in derived:
        if not layers or expression_names(expr) & current:
            layers.append([])
            current = set()
        layers[-1].append((name, expr))
        current.add(name)
    return layers


def outcome_pass(program: Program, points: Sequence[pl.Expr],
                 applies: Sequence[pl.Expr | None] | None = None) -> pl.Expr:
    """The pass rule over fully known points (no nulls): used for gap scenarios. Inputs,
    derived values and the year it reads (format 1.1) are unknown there, so it fails.
    `applies` gives, per indicator, whether it counts for the subject (None: it does).

    Safe under ``select`` (one value per row even for a rule that reads no points). Over
    plain columns (as gap search passes them) it is built once per program and names.
    """
    counted = list(applies) if applies is not None else [None] * len(points)
    names = _column_names([*points, *(a for a in counted if a is not None)])
    if names is None:
        return _pass(program, points, best=False, broadcast=True, values=_unknown,
                     applies=counted)
    return program.cached((outcome_pass, names),
                          lambda: _pass(program, points, best=False, broadcast=True,
                                        values=_unknown, applies=counted))


def _unknown(name: str) -> pl.Expr:
    """An input, derived value or year in a scenario of points alone: not known (a rule
    that reads one does not hold there)."""
    return pl.lit(None)


def _column_names(exprs: Sequence[pl.Expr]) -> tuple[str, ...] | None:
    """The names of `exprs` when each is a plain ``pl.col(name)``, else None."""
    if not all(e.meta.is_column() for e in exprs):
        return None
    return tuple(e.meta.output_name() for e in exprs)


def _compile(program: Program, expr: Expr, column: Callable[[str], pl.Expr], *,
             broadcast: bool = False) -> pl.Expr:
    return to_polars(expr, column, program.functions, broadcast=broadcast)


def max_total_expr(program: Program, applies: Sequence[pl.Expr | None]) -> pl.Expr:
    """The subject's maximum: the points of every indicator that counts for it or may
    (whether it applies is open), added in order; the set's maximum when all always do."""
    if not program.has_applies:
        return pl.lit(program.max_total, dtype=pl.Float64)
    return pl.sum_horizontal(
        [pl.lit(float(i.points)) if a is None else
         pl.when(a.not_().fill_null(False)).then(pl.lit(0.0)).otherwise(pl.lit(float(i.points)))
         for i, a in zip(program.indicators, applies, strict=True)])


def total_share(total: pl.Expr, maximum: pl.Expr) -> pl.Expr:
    """total / max_total; 0 for a subject to which no indicator applies (nothing earned)."""
    return pl.when(maximum > 0).then(total / maximum).otherwise(pl.lit(0.0))


def _pass(program: Program, points: Sequence[pl.Expr], *, best: bool,
          broadcast: bool = False, total: pl.Expr | None = None,
          values: Callable[[str], pl.Expr] = row_value,
          applies: Sequence[pl.Expr | None] | None = None) -> pl.Expr:
    """The pass rule with missing indicators at 0 (worst) or at their maximum (best).

    ``mandatory_met`` holds when every mandatory indicator is fully met; in the best case a
    missing mandatory indicator counts as met. `total`, when given, is the sum of the
    filled points already computed.
    """
    counted = applies_columns(program) if applies is None else applies
    rule = _compile(program, program.pass_expr,
                    _rule_scope(program, points, best=best, total=total, values=values,
                                applies=counted),
                    broadcast=broadcast)
    # A rule that reads an input or a derived value (format 1.1) is null where that value
    # is missing: the missing evidence decides, so it holds in the best case only.
    unknown = best and bool(expression_names(program.pass_expr) &
                            {*program.spec.inputs, *program.spec.derived})
    return rule.fill_null(unknown)


def _rule_scope(program: Program, points: Sequence[pl.Expr], *, best: bool,
                total: pl.Expr | None, values: Callable[[str], pl.Expr],
                applies: Sequence[pl.Expr | None]) -> Callable[[str], pl.Expr]:
    """What each name of the pass rule or a grade condition reads, in the worst or best
    case: totals, subtotals, ``mandatory_met``, indicator functions; else `values`.

    An indicator that does not apply (`applies` false) scores 0, is left out of the
    maximum and of ``min_points()``, and counts as met; one whose applicability is open
    counts as applying (its points are null, so missing: 0 or its maximum)."""
    inds = program.indicators
    # Missing points count as 0 in the worst case: a horizontal sum, which skips nulls,
    # gives the same sums without a filled copy of each column.
    filled = [p.fill_null(float(i.points)) if best else p
              for p, i in zip(points, inds, strict=True)]
    names = expression_names(program.pass_expr).union(
        *(expression_names(g.when) for g in program.grades if g.when is not None))
    scope: dict[str, pl.Expr] = polars_refs(program, points, best=best, applies=applies)
    scope["total"] = total if total is not None else \
        pl.sum_horizontal(filled) if filled else pl.lit(0.0)
    if names & {"max_total", "total_share"}:
        scope["max_total"] = max_total_expr(program, applies)
        scope["total_share"] = total_share(scope["total"], scope["max_total"])
    if "mandatory_met" in names:
        # a missing indicator is fully met in the best case, at 0 points in the worst;
        # one that does not apply is not asked for
        scope["mandatory_met"] = pl.all_horizontal(
            [_or_absent((p >= i.points).fill_null(best or i.points <= 0), a)
             for p, i, a in zip(points, inds, applies, strict=True) if i.mandatory]
            or [pl.lit(True)])
    for cid in program.criterion_ids:
        if cid in names:
            scope[cid] = pl.sum_horizontal(
                [f for f, i in zip(filled, inds, strict=True) if i.criterion == cid])
    return lambda name: scope[name] if name in scope else values(name)


def _or_absent(holds: pl.Expr, applies: pl.Expr | None) -> pl.Expr:
    """`holds`, or true where the indicator does not apply."""
    return holds if applies is None else applies.not_().fill_null(False) | holds


#: The hidden columns of the grade reached in the worst and in the best case.
GRADE_WORST, GRADE_BEST = "_grade_worst", "_grade_best"


def _grade_reached(program: Program, points: Sequence[pl.Expr], *, best: bool) -> pl.Expr:
    """The first grade reached in the worst (missing points at 0, missing values unmet)
    or best case (missing points at their maximum, missing values met); null when the
    subject is not recognised in that case or reaches no grade."""
    passing = pl.col("status") != "not_recognised" if best else \
        pl.col("status") == "recognised"
    column = _rule_scope(program, points, best=best, total=None if best else pl.col("total"),
                         values=row_value, applies=applies_columns(program))
    total = column("total")
    result: pl.Expr = pl.lit(None, dtype=pl.String)
    for grade in reversed(program.grades):  # highest first: the first grade reached wins
        reached = passing
        if grade.min is not None:
            reached = reached & (total >= grade.min)
        if grade.when is not None:
            reached = reached & _compile(program, grade.when, column).fill_null(best)
        result = pl.when(reached).then(pl.lit(grade.id)).otherwise(result)
    return result


def _grade() -> pl.Expr:
    """The grade, when every outcome the missing evidence allows gives the same one:
    the worst case's grade equals the best case's (and the subject is recognised)."""
    worst, best = pl.col(GRADE_WORST), pl.col(GRADE_BEST)
    return pl.when(worst.eq_missing(best)).then(worst).otherwise(pl.lit(None, dtype=pl.String))
