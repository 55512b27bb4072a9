"""Evaluate a whole dataset: every model, in the order their ``from:`` inputs require.

A set's input may count related subjects of another model (``from: {count: citizen, where:
recognised}``); so citizens are evaluated before families, families before clans and
communities, citizens before units. Each step is column-wise: a group-by over the related
model's results joined onto the subjects — never a loop over subjects. Relations are
checked on the way (a family pointing at a community that does not exist is rejected with
its row and reason); the rest of the dataset is still evaluated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import polars as pl

from ._catalog import Catalog
from ._compile import Program, compile_criteria
from ._dataset import RELATIONS, Dataset
from ._excel import rename_headers
from ._model import CriteriaSet, Derivation
from ._records import Check, RecordError, type_frame
from ._results import SOURCE_PREFIX, Evaluations
from ._score import score_frame
from .errors import CriteriaError, LearningModelsError, Problem

__all__ = ["DatasetEvaluation", "evaluate_dataset", "model_order"]

@dataclass(frozen=True)
class DatasetEvaluation:
    """The evaluations of every model of a dataset, and every record rejected."""

    year: int | None
    results: Mapping[str, Evaluations]     # model → evaluations (frames carry 'area')
    sets: Mapping[str, CriteriaSet]
    dataset: Dataset
    errors: tuple[RecordError, ...]

    @property
    def models(self) -> tuple[str, ...]:
        return tuple(self.results)


def evaluate_dataset(dataset: Dataset, *, year: int | None = None,
                     catalog: Catalog | None = None,
                     sets: Mapping[str, CriteriaSet] | None = None) -> DatasetEvaluation:
    """Evaluate every model of `dataset` with the sets given, or those in force in `year`."""
    chosen = dict(sets or {})
    for model in dataset.tables:
        if model not in chosen:
            if year is None:
                raise LearningModelsError(f"no criteria set given for {model!r}; give the "
                                          "evaluation year to use the sets in force")
            catalog = catalog or Catalog.default()   # loaded once, not once per model
            chosen[model] = catalog.for_year(model, year)
    # Reuse what the stage that built each set compiled (with the plugins' functions).
    programs = {m: chosen[m]._program if isinstance(chosen[m]._program, Program)
                else compile_criteria(chosen[m]) for m in dataset.tables}
    # Headers written as labels (a workbook's) → input names, before anything reads columns.
    dataset = replace(dataset, tables={
        m: replace(t, frame=rename_headers(t.frame, programs[m].spec, file=t.file))
        for m, t in dataset.tables.items()})
    results: dict[str, Evaluations] = {}
    errors: list[RecordError] = list(dataset.errors)
    for model in model_order(programs):
        table = dataset.tables[model]
        frame = _with_derived(programs[model], dataset, model, results)
        keep = [*dataset.relation_columns(model),
                *(c for c in frame.columns if c.startswith(SOURCE_PREFIX))]
        typed, rejected = type_frame(frame, programs[model].spec.inputs, file=table.file,
                                     keep=keep, checks=_relation_checks(dataset, model))
        errors += rejected
        scored = score_frame(programs[model], typed).collect()
        results[model] = Evaluations(programs[model], scored, rejected, year)
    _locate(results)
    ordered = {m: results[m] for m in dataset.tables if m in results}
    return DatasetEvaluation(year, ordered, chosen, dataset,
                             tuple(sorted(errors, key=lambda e: (e.file or "", e.row))))


def _derivations(program: Program) -> dict[str, Derivation]:
    return {name: spec.from_ for name, spec in program.spec.inputs.items()
            if spec.from_ is not None}


def model_order(programs: Mapping[str, Program]) -> list[str]:
    """Models in dependency order; a cycle is a `CriteriaError` located at a ``from:``."""
    needs = {m: sorted({d.count for d in _derivations(p).values()} & programs.keys())
             for m, p in programs.items()}
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(model: str, trail: tuple[str, ...]) -> None:
        if state.get(model) == "done":
            return
        if state.get(model) == "active":
            cycle = " → ".join((*trail[trail.index(model):], model))
            spec = programs[trail[-1]].spec
            name = next(n for n, d in _derivations(programs[trail[-1]]).items()
                        if d.count == model)
            at = spec.source_map.locate(("inputs", name, "from")) if spec.source_map else None
            raise CriteriaError([Problem("derived-cycle",
                                         f"models depend on each other: {cycle}", at)])
        state[model] = "active"
        for dep in needs[model]:
            visit(dep, (*trail, model))
        state[model] = "done"
        order.append(model)

    for model in programs:
        visit(model, ())
    return order


def _with_derived(program: Program, dataset: Dataset, model: str,
                  results: Mapping[str, Evaluations]) -> pl.DataFrame:
    """The model's raw table with each ``from:`` input filled in, and where it came from.

    The filled-in column is whole numbers (Int64) when the data's own column is missing or
    holds whole numbers, else text (the data's values as text, counts written out), so
    that typing it checks the data's values as it would have without the derivation."""
    frame = dataset.tables[model].frame
    for name, how in _derivations(program).items():
        dtype = frame.schema.get(name)
        numeric = dtype is None or dtype.is_integer() or dtype == pl.Null
        target = pl.Int64 if numeric else pl.String
        given = pl.col(name).cast(target) if name in frame.columns \
            else pl.lit(None, dtype=target)
        if how.count not in dataset.tables:  # nothing to derive from: the data is all we have
            frame = frame.with_columns(given.alias(name),
                                       pl.lit("data").alias(SOURCE_PREFIX + name))
            continue
        counts = _counts(dataset, how, model, results)
        derived = pl.col("_count").fill_null(0).cast(target)
        present = given.is_not_null() if numeric else \
            given.is_not_null() & (given.str.strip_chars() != "")
        data_wins = present if how.prefer == "data" else pl.lit(False)
        frame = frame.with_columns(pl.col("id").cast(pl.String).str.strip_chars().alias("_key")) \
            .join(counts, on="_key", how="left", maintain_order="left") \
            .with_columns(pl.when(data_wins).then(given).otherwise(derived).alias(name),
                          pl.when(data_wins).then(pl.lit("data")).otherwise(pl.lit("derived"))
                          .alias(SOURCE_PREFIX + name)) \
            .drop("_key", "_count")
    return frame


def _counts(dataset: Dataset, how: Derivation, model: str,
            results: Mapping[str, Evaluations]) -> pl.DataFrame:
    via = how.via or model
    if how.where == "any":
        related = dataset.tables[how.count].frame
    else:
        related = scored_table(results[how.count])
    if via not in related.columns:
        return pl.DataFrame(schema={"_key": pl.String, "_count": pl.UInt32})
    lf = related.lazy()      # lazily, so that only the two columns read are touched
    if how.where not in ("any", "evaluated"):
        lf = lf.filter(pl.col("status") == how.where)
    return lf.select(pl.col(via).cast(pl.String).str.strip_chars().alias("_key")) \
        .drop_nulls().group_by("_key").agg(pl.len().alias("_count")).collect()


def scored_table(results: Evaluations) -> pl.DataFrame:
    """The scored table as the evaluation left it (indicator statuses not yet cast to
    text, as `Evaluations.scored` does for users), for the columns this module reads."""
    return results._frame


def _relation_checks(dataset: Dataset, model: str) -> list[Check]:
    checks: list[Check] = []
    frame = dataset.tables[model].frame
    for column, target in RELATIONS.get(model, {}).items():
        if column not in frame.columns or target not in dataset.tables:
            continue
        ids = dataset.tables[target].frame["id"].cast(pl.String).str.strip_chars().unique()
        value = pl.col(column).cast(pl.String).str.strip_chars()
        dangling = value.is_not_null() & (value != "") & ~value.is_in(ids.implode())
        checks.append((dangling, column, "invalid-record",
                       pl.format(f"{target} '{{}}' does not exist in "
                                 f"{dataset.tables[target].file}", value)))
    if dataset.areas is not None and "area" in frame.columns:
        value = pl.col("area").cast(pl.String).str.strip_chars()
        dangling = value.is_not_null() & (value != "") & \
            ~value.is_in(dataset.areas["code"].implode())
        checks.append((dangling, "area", "invalid-record",
                       pl.format("area '{}' is not in the area list", value)))
    return checks


def _locate(results: dict[str, Evaluations]) -> None:
    """Give every subject an 'area': its own, else that of the subject it belongs to."""
    order = ("community", "clan", "unit", "family", "citizen")
    for model in sorted(results, key=lambda m: order.index(m) if m in order else -1):
        frame = scored_table(results[model])
        area = pl.col("area").cast(pl.String) if "area" in frame.columns \
            else pl.lit(None, dtype=pl.String)
        frame = frame.with_columns(area.alias("area"))
        for column, target in RELATIONS.get(model, {}).items():
            if column in frame.columns and target in results:
                parents = scored_table(results[target]).select(
                    pl.col("id").alias(column), pl.col("area").alias("_parent_area"))
                frame = frame.join(parents, on=column, how="left", maintain_order="left") \
                    .with_columns(pl.coalesce("area", "_parent_area").alias("area")) \
                    .drop("_parent_area")
        results[model] = results[model].with_scored(frame)
