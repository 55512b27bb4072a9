"""Stage 4: what the indicator functions of a pass rule or grade condition read.

`_recognition` rewrites ``points('C1.2')``, ``met('C1.2')``, ``min_points()`` and
``min_points('C1')`` into scope names; this module gives their values, column-wise
(`polars_refs`) and for one row (`python_refs`), from the same filled points: in the worst
case a missing indicator counts 0 points and is not met, in the best case it counts its
maximum and is met. Both forms live here so that they cannot drift apart.

An indicator that does not apply (format 1.1 ``applies``) scores 0, counts as met and is
left out of ``min_points()``. One whose applicability is open (missing evidence) counts as
applying in the worst case (0 points, not met, in the minimum) and, in the best case, with
its maximum and met — yet left out of ``min_points()``, where not applying is the better
outcome. A minimum over no indicator at all holds every bound (``inf``).
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from .._criteria import Program, ScopeRef, rule_refs, scope_name

__all__ = ["YEAR_COLUMN", "polars_refs", "program_refs", "python_refs", "row_value"]

#: The column of a scored table that holds the evaluation year while the set is scored.
YEAR_COLUMN = "_year"


def row_value(name: str) -> pl.Expr:
    """The column an expression's name reads (the year is held in `YEAR_COLUMN`)."""
    return pl.col(YEAR_COLUMN if name == "year" else name)


def program_refs(program: Program) -> tuple[ScopeRef, ...]:
    """Every indicator reference of the pass rule and the grades' conditions."""
    return program.cached(program_refs, lambda: rule_refs(
        [program.pass_expr, *(g.when for g in program.grades)]))


def _members(program: Program, ref: ScopeRef) -> list[int]:
    inds = program.indicators
    if ref.kind == "min_points":
        return [k for k, i in enumerate(inds) if ref.target in (None, i.criterion)]
    return [k for k, i in enumerate(inds) if i.id == ref.target]


def polars_refs(program: Program, points: Sequence[pl.Expr], *, best: bool,
                applies: Sequence[pl.Expr | None]) -> dict[str, pl.Expr]:
    """The value of each reference as a column; `points` may hold nulls (missing);
    `applies` says per indicator whether it counts (None: always)."""
    inds = program.indicators
    scope: dict[str, pl.Expr] = {}
    for ref in program_refs(program):
        members = _members(program, ref)
        filled = [points[k].fill_null(float(inds[k].points) if best else 0.0) for k in members]
        if ref.kind == "met":
            k = members[0]
            value = (points[k] >= float(inds[k].points)).fill_null(best)
            if (counts := applies[k]) is not None:
                value = counts.not_().fill_null(False) | value
        elif ref.kind == "points":
            value = filled[0]
        elif all(applies[k] is None for k in members):
            value = pl.min_horizontal(filled) if filled else pl.lit(None, dtype=pl.Float64)
        else:
            value = pl.min_horizontal([_counted(f, applies[k], best)
                                       for f, k in zip(filled, members, strict=True)]) \
                .fill_null(float("inf"))
        scope[scope_name(ref)] = value
    return scope


def _counted(value: pl.Expr, applies: pl.Expr | None, best: bool) -> pl.Expr:
    """`value` where the indicator is in the minimum, else null: left out where it does not
    apply, and in the best case where whether it applies is open."""
    if applies is None:
        return value
    inside = applies.fill_null(not best)
    return pl.when(inside).then(value).otherwise(pl.lit(None, dtype=pl.Float64))


def python_refs(program: Program, points: Sequence[float | None], *, best: bool,
                applies: Sequence[bool | None]) -> dict[str, object]:
    """The value of each reference for one row; `points` may hold None (missing);
    `applies` says per indicator whether it counts (None: open)."""
    inds = program.indicators
    scope: dict[str, object] = {}
    for ref in program_refs(program):
        members = _members(program, ref)
        filled = [float(inds[k].points) if points[k] is None and best else
                  0.0 if points[k] is None else points[k] for k in members]
        if ref.kind == "met":
            k = members[0]
            given = points[k]
            scope[scope_name(ref)] = applies[k] is False or (
                best if given is None else given >= float(inds[k].points))
        elif ref.kind == "points":
            scope[scope_name(ref)] = filled[0]
        elif all(inds[k].applicability is None for k in members):
            scope[scope_name(ref)] = min(f for f in filled if f is not None) if filled else None
        else:
            inside = [f for f, k in zip(filled, members, strict=True) if f is not None
                      and (applies[k] is True or (applies[k] is None and not best))]
            scope[scope_name(ref)] = min(inside, default=float("inf"))
    return scope
