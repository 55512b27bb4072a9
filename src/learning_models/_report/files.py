"""The machine-readable results files, written atomically and reproducibly (no timestamps,
fixed order: the same inputs give the same bytes) by the writer every output uses.

`write_results` writes an evaluation's machine-readable outputs: ``results.json`` (every
subject's evaluation with its provenance), ``results.csv`` (one row per subject, with the
provenance of its result), ``errors.csv`` (every rejected record and why, the earlier years'
datasets compared with included, each record with the year of its data) and, given the
roll-up, ``rollup.json`` (`Rollup.to_json`: per area and model, counts, rates, denominators,
targets and gaps).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import polars as pl

from .._criteria import Lang
from .._documents import write_pieces, write_text
from .._evidence import RecordError
from .._rollup import MODELS, Rollup
from .._scoring import CARRIED, DatasetEvaluation, parts_of, set_counts
from .._version import __version__
from .csv_cells import safe_row, safe_text_columns
from .report import LABELS

__all__ = ["ReportBasis", "RunWriter", "write_results"]

ERROR_COLUMNS = ("file", "row", "line", "record", "field", "code", "message")
#: ``errors.csv`` of a report: every rejected record with the year of the data it came from
#: (the report's year, or an earlier year's dataset compared with).
YEAR_ERROR_COLUMNS = ("year", *ERROR_COLUMNS)
#: Where each result comes from, as ``results.json`` gives it once per model.
PROVENANCE_COLUMNS = ("criteria_set", "period", "content_hash", "engine", "year", "overlays")
RESULT_COLUMNS = ("model", "id", "name", "area", "total", "max_total", "status",
                  "status_text", "grade", "grade_text", *PROVENANCE_COLUMNS)
#: The byte-order mark the CSV files start with by default: Excel on Windows then opens them
#: as UTF-8 ("Nguyễn", not "Nguyá»…n") when double-clicked.
BOM = "\ufeff"


@dataclass(frozen=True)
class ReportBasis:
    """What a report was built from: the evaluation, the earlier years' evaluations it was
    compared with, and the roll-up. A `Report` holds only plain data; writers of per-subject
    files (`RunWriter`) are given this too."""

    evaluation: DatasetEvaluation
    previous: tuple[DatasetEvaluation, ...] = ()
    rollup: Rollup | None = None
    lang: Lang = "vi"                  # the words next to the codes in results.csv
    csv_bom: bool = True               # CSV files start with a UTF-8 byte-order mark


@runtime_checkable
class RunWriter(Protocol):
    """A report writer that writes from the evaluation itself (per-subject results), not
    from the report's plain data: ``learning-models report`` calls `write_run`."""

    name: str

    def write_run(self, basis: ReportBasis, out_dir: Path) -> Sequence[Path]: ...


def write_results(evaluation: DatasetEvaluation, directory: str | os.PathLike[str], *,
                  previous: Sequence[DatasetEvaluation] = (), rollup: Rollup | None = None,
                  lang: Lang = "vi", bom: bool = True) -> list[Path]:
    """Write ``results.json``, ``results.csv`` (statuses and grades in `lang` next to their
    codes) and ``errors.csv`` into `directory` (the records rejected from the `previous`
    years' datasets too, each with its year), and ``rollup.json`` when `rollup` is given; the
    paths written, in that order. The CSV files start with a UTF-8 byte-order mark unless
    `bom` is false."""
    out = Path(directory)
    paths = [out / "results.json", out / "results.csv", out / "errors.csv"]
    mark = BOM if bom else ""
    write_pieces(paths[0], results_json_pieces(evaluation, lang))
    write_text(paths[1], mark + results_csv(evaluation, lang))
    write_text(paths[2], mark + errors_csv(
        [(evaluation.year, e) for e in evaluation.errors]
        + [(before.year, e) for before in previous for e in before.errors], lang))
    if rollup is not None:
        paths.append(out / "rollup.json")
        write_text(paths[3], rollup.to_json())
    return paths


def _models(evaluation: DatasetEvaluation) -> list[str]:
    return sorted(evaluation.results,
                  key=lambda m: (MODELS.index(m) if m in MODELS else len(MODELS), m))


def results_json(evaluation: DatasetEvaluation, lang: Lang = "en") -> str:
    """Every subject's evaluation (as ``evaluate --format json`` gives it, plus its area;
    its provenance is given once per model), per model, with every rejected record (its
    message in `lang`). One subject per line, so large files stay quick to write and easy
    to compare."""
    return "".join(results_json_pieces(evaluation, lang))


def results_json_pieces(evaluation: DatasetEvaluation, lang: Lang = "en") -> Iterator[str]:
    """`results_json` a subject at a time, so that writing it never holds the whole text."""
    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    yield (f'{{\n  "year": {dump(evaluation.year)},\n'
           f'  "engine": {dump(f"learning-models {__version__}")},\n  "models": {{\n')
    models = _models(evaluation)
    for n, model in enumerate(models):
        results = evaluation.results[model]
        areas = results.scored["area"].to_list() if "area" in results.scored.columns \
            else [None] * len(results)
        counts = results.counts()
        counts["rejected"] = len({(x.file, x.row) for x in evaluation.errors
                                  if x.file == evaluation.dataset.tables[model].file})
        parts = parts_of(results)
        made = results.provenance.to_dict() if len(parts) == 1 else \
            [p.provenance.to_dict() for p in parts]   # each subject names its criteria_set
        by_set = f'      "counts_by_set": {dump(set_counts(results))},\n' \
            if len(parts) > 1 else ""
        yield (f'    {dump(model)}: {{\n      "provenance": {dump(made)},\n'
               f'      "counts": {dump(counts)},\n{by_set}      "evaluations": [\n')
        separator = ""
        for data, area in zip(results.subject_dicts(), areas, strict=True):
            data.pop("provenance", None)         # the model's, given once above
            for column in CARRIED:               # the subject's area, filled in, comes last
                data.pop(column, None)
            data["area"] = area
            yield f"{separator}        {dump(data)}"
            separator = ",\n"
        yield ("\n" if separator else "") + "      ]\n    }" + \
            ("," if n < len(models) - 1 else "") + "\n"
    yield '  },\n  "errors": [\n'
    separator = ""
    for error in evaluation.errors:
        yield f"{separator}    {dump(_error(error, lang))}"
        separator = ",\n"
    yield ("\n" if separator else "") + "  ]\n}\n"


def results_csv(evaluation: DatasetEvaluation, lang: Lang = "vi") -> str:
    """One row per evaluated subject: model, id, name, area, total, max_total, status and
    its word in `lang` (``Đạt``), grade and its name (``Tốt``), then where the result comes
    from: the criteria set's id, period and content hash
    (sha256), the engine (``learning-models <version>``), the evaluation year and the names
    of the overlays applied to the set (separated by ``; ``, empty when none)."""
    frames = []
    for model, results in ((m, p) for m in _models(evaluation)
                           for p in parts_of(evaluation.results[m])):
        scored = results.scored
        made = results.provenance.to_dict()
        made["overlays"] = "; ".join(o["name"] for o in made.get("overlays", ())) or None
        grades = {g.id: g.title.get(lang) for g in results.program.spec.recognition.grades}
        statuses = {s: LABELS[s][lang] for s in ("recognised", "not_recognised", "incomplete")}
        frames.append(scored.select(
            pl.lit(model).alias("model"),
            *(pl.col(c).cast(pl.String) if c in scored.columns
              else pl.lit(None, dtype=pl.String).alias(c) for c in ("id", "name", "area")),
            pl.col("total").cast(pl.Float64), pl.col("max_total").cast(pl.Float64),
            pl.col("status").cast(pl.String),
            pl.col("status").cast(pl.String)
            .replace_strict(statuses, default=None, return_dtype=pl.String)
            .alias("status_text"),
            pl.col("grade").cast(pl.String),
            pl.col("grade").cast(pl.String)
            .replace_strict(grades, default=None, return_dtype=pl.String)
            .alias("grade_text"),
            *(pl.lit(made[c], dtype=pl.Int64 if c == "year" else pl.String).alias(c)
              for c in PROVENANCE_COLUMNS)))
    if not frames:
        return ",".join(RESULT_COLUMNS) + "\n"
    return safe_text_columns(pl.concat(frames)).write_csv(line_terminator="\n")


def errors_csv(errors: Sequence[tuple[int | None, RecordError]], lang: Lang = "vi") -> str:
    """Every rejected record, with the year of the data it was read from: year, file (its
    name in the dataset), row, line, record, field, code, message (in `lang`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(YEAR_ERROR_COLUMNS)
    for year, error in errors:
        data = {"year": year, **_error(error, lang)}
        writer.writerow(safe_row("" if data[c] is None else data[c] for c in YEAR_ERROR_COLUMNS))
    return buffer.getvalue()


def _error(error: RecordError, lang: Lang) -> dict[str, Any]:
    data = error.to_dict(lang)
    data["file"] = None if error.file is None else Path(error.file).name
    return data
