"""The roll-up as one table, computed column-wise (for national runs, where the objects of
`assemble_rollup` would be too many)."""

from __future__ import annotations

import polars as pl

from .._catalog import counted_by
from .._documents import say
from ..errors import LearningModelsError
from .areas import effective_totals
from .counts import SET_SEPARATOR, AreaCounts
from .targets import TargetChecker
from .types import (
    ALL,
    EXTRA_TOTALS,
    LEVELS,
    STATUSES,
    TOTAL_OF,
    TOTALS,
    TargetLike,
    TargetsLike,
    ordered_models,
)

__all__ = ["TABLE_COLUMNS", "rollup_table"]


#: The columns of `rollup_table`.
TABLE_COLUMNS = ("code", "name", "level", "parent", "measure", "subjects", "evaluated",
                 "recognised", "not_recognised", "incomplete", "rejected", "area_total",
                 "denominator", "denominator_kind", "rate", "target", "milestone_year",
                 "target_value", "required", "gap", "met")


def rollup_table(year: int | None, targets: TargetsLike | None, areas: pl.DataFrame,
                 counts: AreaCounts) -> pl.DataFrame:
    """The roll-up as one table, computed column-wise: a row per area, measure (a model, or
    a learning-citizen share) and target — the figures `assemble_rollup` gives as objects.

    For a share, ``denominator`` is the citizens counted and ``recognised`` those of them
    recognised (``subjects`` … ``area_total`` are empty). A measure without a target has one
    row with empty target columns. Rows come by level (top first), area code, measure."""
    if targets is not None and year is None:
        raise LearningModelsError.saying(say("targets-need-year"))
    totals = effective_totals(areas, areas.select("code", *TOTALS))
    base = pl.concat([
        areas.select("code", pl.coalesce(pl.col("name"), pl.col("code")).alias("name"),
                     "level", "parent"),
        pl.DataFrame({"code": [ALL], "name": [""], "level": ["all"], "parent": [None]},
                     schema={"code": pl.String, "name": pl.String, "level": pl.String,
                             "parent": pl.String})])
    checker = TargetChecker(targets, year)
    frames = []
    order = [*ordered_models(counts.models), *counts.shares]
    for rank, measure in enumerate(order):
        if measure in counts.models:
            frame = base.join(counts.models[measure], on="code", how="left").join(
                totals.select("code", _census(measure).alias("area_total")),
                on="code", how="left").with_columns(pl.col(s).fill_null(0) for s in STATUSES)
            evaluated = pl.col("recognised") + pl.col("not_recognised") + pl.col("incomplete")
            frame = frame.with_columns(evaluated.alias("evaluated")).with_columns(
                (pl.col("evaluated") + pl.col("rejected")).alias("subjects"))
            frame = frame.filter((pl.col("subjects") > 0) | pl.col("area_total").is_not_null())
            frame = frame.with_columns(
                pl.coalesce("area_total", "subjects").alias("denominator"),
                pl.when(pl.col("area_total").is_not_null()).then(pl.lit("area_total"))
                .otherwise(pl.lit("subjects")).alias("denominator_kind"))
            chosen = checker.targets_of_model(measure)
            noun = measure
        else:
            frame = base.join(counts.shares[measure][1], on="code", how="inner").filter(
                pl.col("citizens") > 0).select(
                "code", "name", "level", "parent", pl.col("citizens").alias("denominator"),
                pl.col("learning").alias("recognised"),
                pl.lit("subjects").alias("denominator_kind"))
            chosen = checker.targets_of_measure(measure)
            noun = "citizen"
        # more records than the area's total is a data problem: no rate, no target met
        over = (pl.col("subjects") > pl.col("area_total")).fill_null(False) \
            if "area_total" in frame.columns else pl.lit(False)
        frame = frame.with_columns(
            pl.lit(measure).alias("measure"), pl.lit(rank).alias("_rank"),
            over.alias("_over"),
            pl.when((pl.col("denominator") != 0) & ~over)
            .then(pl.col("recognised") / pl.col("denominator")).alias("rate"))
        if not chosen:
            frames.append(frame)
            continue
        for target in chosen:
            narrowed = frame if not getattr(target, "sets", None) else _narrowed(
                frame, target, totals, counts.one_set.get(measure), measure)
            frames.append(_with_target(narrowed, checker, target, noun))
    schema = {"code": pl.String, "name": pl.String, "level": pl.String, "parent": pl.String,
              "measure": pl.String, **dict.fromkeys(TABLE_COLUMNS[5:12], pl.Int64),
              "denominator": pl.Int64, "denominator_kind": pl.String, "rate": pl.Float64,
              "target": pl.String, "milestone_year": pl.Int64, "target_value": pl.Float64,
              "required": pl.Int64, "gap": pl.Int64, "met": pl.Boolean, "_rank": pl.Int64}
    if not frames:
        return pl.DataFrame(schema={c: schema[c] for c in TABLE_COLUMNS})
    table = pl.concat([f.select(pl.col(c).cast(t) if c in f.columns else
                                pl.lit(None, dtype=t).alias(c) for c, t in schema.items())
                       for f in frames])
    level_rank = pl.col("level").replace_strict(
        {level: k for k, level in enumerate(LEVELS)}, default=len(LEVELS),
        return_dtype=pl.Int64)
    return table.sort(level_rank, "code", "_rank", maintain_order=True).select(TABLE_COLUMNS)


def _with_target(frame: pl.DataFrame, checker: TargetChecker, target: TargetLike,
                 noun: str) -> pl.DataFrame:
    """`frame` with `target` checked on every row: ``required`` exactly as `TargetChecker` does
    (once per distinct denominator), the gap and whether it is met."""
    denominators = frame["denominator"].unique().drop_nulls().to_list()
    required = {d: checker.check(target, d, 0, noun).required for d in denominators}
    _, year, value, _ = checker.fixed(target)
    frame = frame.with_columns(
        pl.lit(target.id).alias("target"), pl.lit(year).alias("milestone_year"),
        pl.lit(value).alias("target_value"),
        pl.col("denominator").replace_strict(required, default=None, return_dtype=pl.Int64)
        .alias("required"))
    gap = (pl.col("required") - pl.col("recognised")).clip(lower_bound=0)
    return frame.with_columns(gap.alias("gap")).with_columns(
        pl.when(~pl.col("_over")).then(pl.col("gap") == 0).alias("met"))


def _census(model: str) -> pl.Expr:
    """The model's census (as `build._census`): its column plus the columns counting its
    other subjects apart, where given."""
    column = TOTAL_OF.get(model)
    if column is None:
        return pl.lit(None, dtype=pl.Int64)
    extra = [pl.col(c).fill_null(0) for c in EXTRA_TOTALS.get(model, ())]
    return pl.col(column) + pl.sum_horizontal(pl.lit(0, dtype=pl.Int64), *extra)


def _narrowed(frame: pl.DataFrame, target: TargetLike, totals: pl.DataFrame,
              one_set: str | None, model: str) -> pl.DataFrame:
    """The rows of a target that names its sets: the figures of those sets' subjects only,
    over their census (the rejected records, in no set, are not among them)."""
    names: tuple[str, ...] = getattr(target, "sets", None) or ()
    ids = sorted({c.partition(SET_SEPARATOR)[2] for c in frame.columns if SET_SEPARATOR in c})
    statuses = ("recognised", "not_recognised", "incomplete")
    if ids:
        chosen = [i for i in ids if counted_by(names, i)]
        sums = {s: pl.sum_horizontal(pl.lit(0, dtype=pl.Int64), *(
            pl.col(f"{s}{SET_SEPARATOR}{i}").fill_null(0) for i in chosen)) for s in statuses}
    else:
        keep = one_set is not None and counted_by(names, one_set)
        sums = {s: pl.col(s) if keep else pl.lit(0, dtype=pl.Int64) for s in statuses}
    column = getattr(target, "census", None) or TOTAL_OF.get(model, "")
    census = totals.select("code", pl.col(column).alias("_census"))
    frame = frame.with_columns(**{s: e for s, e in sums.items()}).join(
        census, on="code", how="left").with_columns(
        pl.lit(0, dtype=pl.Int64).alias("rejected"), pl.col("_census").alias("area_total"))
    evaluated = pl.sum_horizontal(*(pl.col(s) for s in statuses))
    over = (evaluated > pl.col("area_total")).fill_null(False)
    return frame.with_columns(
        evaluated.alias("evaluated"), evaluated.alias("subjects"),
        pl.coalesce("area_total", evaluated).alias("denominator"),
        pl.when(pl.col("area_total").is_not_null()).then(pl.lit("area_total"))
        .otherwise(pl.lit("subjects")).alias("denominator_kind"), over.alias("_over"),
    ).with_columns(pl.when((pl.col("denominator") != 0) & ~pl.col("_over"))
                   .then(pl.col("recognised") / pl.col("denominator")).alias("rate")
                   ).drop("_census")
