"""The rows a run adds to the history: one per evaluated subject, with its provenance.

Each row says who (model, subject, area), what (status, grade, points), by which rules (set
id, period, content hash, overlays, engine) and on which evidence: the hash of the record as
it was evaluated (its id, its relations and every input it was scored on, derived ones
included), so that a later reader can tell whether the evidence behind a result changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

import polars as pl

from .._evidence import Dataset
from .._rollup import TOTAL_OF, Rollup
from .._scoring import DatasetEvaluation, Evaluations, parts_of

__all__ = ["CROSSWALK_SCHEMA", "FIGURE_SCHEMA", "RESULT_SCHEMA", "TABLES",
           "TARGET_FIGURE_SCHEMA", "crosswalk_rows", "evidence_hashes", "figure_rows",
           "history_rows", "target_figure_rows"]

#: The columns of the results table, in order, with their types (every back end).
RESULT_SCHEMA: dict[str, pl.DataType] = {
    "run": pl.String(),
    "year": pl.Int64(),
    "model": pl.String(),
    "subject": pl.String(),
    "name": pl.String(),
    "area": pl.String(),
    "status": pl.String(),
    "grade": pl.String(),
    "total": pl.Float64(),
    "max_total": pl.Float64(),
    "criteria_set": pl.String(),
    "period": pl.String(),
    "content_hash": pl.String(),
    "engine": pl.String(),
    "overlays": pl.String(),
    "evidence_hash": pl.String(),
}


#: The roll-up of a run as its annual report printed it: per area and model.
FIGURE_SCHEMA: dict[str, pl.DataType] = {
    "run": pl.String(),
    "year": pl.Int64(),
    "code": pl.String(),
    "name": pl.String(),
    "level": pl.String(),
    "parent": pl.String(),
    "model": pl.String(),
    "evaluated": pl.Int64(),
    "recognised": pl.Int64(),
    "rejected": pl.Int64(),
    "denominator": pl.Int64(),
    "denominator_kind": pl.String(),
}
#: The crosswalk the run's data carried: earlier area codes → this year's.
CROSSWALK_SCHEMA: dict[str, pl.DataType] = {
    "run": pl.String(), "old_code": pl.String(), "new_code": pl.String(), "since": pl.String(),
}
#: What the annual report measured a target that names its sets (``sets:``) on, per area and
#: model: the subjects of those sets (``sets``: the ids counted, comma-separated) over the
#: census of exactly those subjects (``census``: the area list's column; null: the denominator
#: is the evaluated subjects).
TARGET_FIGURE_SCHEMA: dict[str, pl.DataType] = {
    "run": pl.String(),
    "year": pl.Int64(),
    "code": pl.String(),
    "model": pl.String(),
    "target": pl.String(),
    "sets": pl.String(),
    "census": pl.String(),
    "evaluated": pl.Int64(),
    "recognised": pl.Int64(),
    "denominator": pl.Int64(),
    "denominator_kind": pl.String(),
}
#: Every table a run adds to, by name.
TABLES: dict[str, dict[str, pl.DataType]] = {
    "results": RESULT_SCHEMA, "figures": FIGURE_SCHEMA, "crosswalk": CROSSWALK_SCHEMA,
    "target_figures": TARGET_FIGURE_SCHEMA,
}


def figure_rows(rolled: Rollup, run: str) -> pl.DataFrame:
    """The figures of `rolled` per area and model (shares and targets left out: the
    review checks the targets it is given against these counts)."""
    rows = [(run, rolled.year, a.code, a.name, a.level, a.parent, model, f.evaluated,
             f.recognised, f.rejected, f.denominator, f.denominator_kind)
            for a in rolled.areas for model, f in sorted(a.models.items())]
    return pl.DataFrame(rows, schema=FIGURE_SCHEMA, orient="row")


def target_figure_rows(rolled: Rollup, run: str,
                       censuses: Mapping[str, str | None] | None = None) -> pl.DataFrame:
    """The figures `rolled` measured each narrowed target on (`TargetCheck.counted`), per
    area and model; `censuses`: target id → the census column it names (else the model's
    own column, when the denominator is a census)."""
    known = censuses or {}
    rows = [(run, rolled.year, a.code, model, c.target, ",".join(c.counted.sets),
             _census(known.get(c.target), model, c.counted.denominator_kind),
             c.counted.evaluated, c.counted.recognised, c.counted.denominator,
             c.counted.denominator_kind)
            for a in rolled.areas for model, f in sorted(a.models.items())
            for c in f.targets if c.counted is not None]
    return pl.DataFrame(rows, schema=TARGET_FIGURE_SCHEMA, orient="row")


def _census(named: str | None, model: str, kind: str) -> str | None:
    """The census column a narrowed figure was measured over (None: no census)."""
    return None if kind != "area_total" else named or TOTAL_OF.get(model)


def crosswalk_rows(dataset: Dataset, run: str) -> pl.DataFrame:
    """The dataset's crosswalk (none: no rows)."""
    frame = dataset.crosswalk
    if frame is None or not {"old_code", "new_code"} <= set(frame.columns):
        return pl.DataFrame(schema=CROSSWALK_SCHEMA)
    since = pl.col("since").cast(pl.String) if "since" in frame.columns \
        else pl.lit(None, dtype=pl.String)
    return frame.select(pl.lit(run).alias("run"),
                        pl.col("old_code").cast(pl.String).str.strip_chars(),
                        pl.col("new_code").cast(pl.String).str.strip_chars(),
                        since.alias("since"))


def history_rows(evaluation: DatasetEvaluation, run: str) -> pl.DataFrame:
    """The results of every model of `evaluation` as rows of the history, for run `run`."""
    if evaluation.year is None:
        raise ValueError("a history records results of a year: evaluate with a year")
    # a model routed to several sets: each part with its own set's provenance and inputs
    frames = [_model_rows(evaluation, model, part, run)
              for model, results in evaluation.results.items() for part in parts_of(results)]
    if not frames:
        return pl.DataFrame(schema=RESULT_SCHEMA)
    return pl.concat(frames, how="vertical")


def _model_rows(evaluation: DatasetEvaluation, model: str, results: Evaluations,
                run: str) -> pl.DataFrame:
    frame = results.scored
    provenance = results.provenance
    overlays = json.dumps([o.to_dict() for o in provenance.overlays], ensure_ascii=False,
                          sort_keys=True)
    inputs = [c for c in results.program.spec.inputs if c in frame.columns]
    evidence = ["id", *evaluation.dataset.relation_columns(model), *inputs]

    def text(column: str) -> pl.Expr:
        return (pl.col(column).cast(pl.String) if column in frame.columns
                else pl.lit(None, dtype=pl.String)).alias(column)

    return frame.select(
        pl.lit(run).alias("run"),
        pl.lit(evaluation.year, dtype=pl.Int64).alias("year"),
        pl.lit(model).alias("model"),
        pl.col("id").cast(pl.String).str.strip_chars().alias("subject"),
        text("name"), text("area"),
        pl.col("status").cast(pl.String), pl.col("grade").cast(pl.String),
        pl.col("total").cast(pl.Float64), pl.col("max_total").cast(pl.Float64),
        pl.lit(provenance.criteria_set).alias("criteria_set"),
        pl.lit(provenance.period).alias("period"),
        pl.lit(provenance.content_hash).alias("content_hash"),
        pl.lit(provenance.engine).alias("engine"),
        pl.lit(overlays).alias("overlays"),
    ).with_columns(evidence_hashes(frame, [c for c in evidence if c in frame.columns]))


def evidence_hashes(frame: pl.DataFrame, columns: Sequence[str]) -> pl.Series:
    """Per row, the SHA-256 of its values in `columns` as canonical JSON (names sorted):
    the same record, the same hash, in any engine version or column order."""
    names = sorted(columns)
    hashes = [hashlib.sha256(json.dumps(dict(zip(names, row, strict=True)),
                                        ensure_ascii=False, sort_keys=True, default=str)
                             .encode("utf-8")).hexdigest()
              for row in frame.select(names).iter_rows()]
    return pl.Series("evidence_hash", hashes, dtype=pl.String)
