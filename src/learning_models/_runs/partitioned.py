"""Evaluate a dataset too large for memory one partition at a time (e.g. one province).

A national run holds ≈ 27 M households and ≈ 70 M adults. `evaluate_partitioned` reads one
partition (a folder of model files, or a mapping model → file), evaluates it with
`evaluate_dataset` — every model in dependency order, with the same sets for every partition
— writes its results, counts it by area, and lets it go before reading the next: memory
grows with the largest partition, not with the country. Parquet files are scanned lazily and
only the columns the sets know are read.

Roll-ups add up. Every subject and rejected record belongs to exactly one partition and is
counted once in each area it belongs to (`AreaCounts`), so the counts of the partitions are
summed area by area; rates, denominators and the gaps to the targets are worked out once,
from the sums, by the same code as `rollup`. A commune lies in one province, so with
provinces as partitions every figure of a commune comes from one partition; provinces and
the country are sums. The results do not depend on how the dataset is partitioned or in
which order the partitions come, provided each partition is closed: every subject a record
points at (its family, unit, community, clan) is in the same partition. A relation that
leaves its partition is rejected as dangling.

An id may not be used twice in the dataset. Before the first partition is evaluated,
`taken_ids` finds the ids that a partition shares with an earlier one (it compares only
partitions whose ranges of ids overlap: with ids that carry the area code, as registries'
do, none do, and it reads nothing more than each file's ids — the id column of a Parquet
file, the whole of a file in another format). The records with such an
id are rejected as repeating the earlier record, named with its partition and place, as a
run over the partitions' files one after the other rejects them; the first keeps the id.

Outputs under `out_dir`: ``results/<partition>/<model>.parquet`` (one row per evaluated
subject: id, area, total, max_total, status, grade and, on request, every indicator's
points), ``errors.csv`` (every rejected record: its file, row, line, id,
field, code and reason, in the language asked for: Vietnamese by default),
``rollup.parquet`` (`rollup_table`: every area, measure and target) and ``rollup.json``
(the `Rollup` of the levels asked for, as `Rollup.to_dict` gives it, on one line).
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import polars as pl

from .._catalog import Catalog
from .._criteria import CriteriaSet
from .._documents import say, write_text
from .._evidence import (
    EVIDENCE_SUFFIXES,
    FILE_NAMES,
    LINE,
    META_COLUMNS,
    MODEL_COLUMNS,
    RELATIONS,
    ROW,
    SUBJECT_COLUMNS,
    Dataset,
    RecordError,
    Table,
    parquet_unreadable,
    read_evidence,
    type_areas,
)
from .._report import ERROR_COLUMNS, safe_row
from .._rollup import (
    AreaCounts,
    Rollup,
    TargetsLike,
    add_counts,
    area_closure,
    assemble_rollup,
    assess_quality,
    count_by_area,
    extend_closure,
    hierarchy,
    rollup_table,
)
from .._scoring import (
    DatasetEvaluation,
    Evaluations,
    GivenSets,
    evaluate_dataset,
    parts_of,
    points_column,
    scored_table,
)
from .._words import Lang
from ..errors import EvidenceError, LearningModelsError, Problem
from .partition_ids import taken_ids
from .progress import Progress

__all__ = ["STAGES", "PartitionSummary", "PartitionedEvaluation", "evaluate_partitioned",
           "read_partition"]

#: The stages of a partitioned run, in order; each partition goes through all four.
STAGES = ("read", "evaluate", "roll-up", "write")
#: Levels the `Rollup` object covers by default: everything above the villages, which the
#: roll-up table (``rollup.parquet``) has too.
ROLLUP_LEVELS = ("all", "country", "province", "district", "commune")

Observer = Callable[[str, "str | None"], AbstractContextManager[object]]
PartitionSource = str | os.PathLike[str] | Mapping[str, str | os.PathLike[str]]


@dataclass(frozen=True)
class PartitionSummary:
    """What happened to one partition: records read, evaluated and rejected per model
    (read = evaluated + rejected), and the seconds spent in each stage."""

    name: str
    read: Mapping[str, int]
    evaluated: Mapping[str, int]
    rejected: Mapping[str, int]
    seconds: Mapping[str, float]


@dataclass(frozen=True)
class PartitionedEvaluation:
    """The outcome of `evaluate_partitioned`."""

    year: int
    rollup: Rollup                      # the levels asked for (`rollup_levels`)
    table: pl.DataFrame                 # `rollup_table`: every area, measure and target
    partitions: tuple[PartitionSummary, ...]
    errors: tuple[RecordError, ...]     # every rejected record, with its file
    seconds: Mapping[str, float]        # per stage, summed over the partitions
    out_dir: Path | None
    ignored_columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def counts(self) -> dict[str, dict[str, int]]:
        """Per model: records ``read``, ``evaluated``, ``rejected`` over every partition."""
        out: dict[str, dict[str, int]] = {}
        for part in self.partitions:
            for model, n in part.read.items():
                row = out.setdefault(model, {"read": 0, "evaluated": 0, "rejected": 0})
                row["read"] += n
                row["evaluated"] += part.evaluated.get(model, 0)
                row["rejected"] += part.rejected.get(model, 0)
        return out


# --- reading ----------------------------------------------------------------------------------


def _model_files(source: PartitionSource) -> dict[str, Path]:
    """model → file, from a folder (files named as in a dataset folder) or a mapping."""
    if isinstance(source, Mapping):
        return {str(m): Path(f) for m, f in source.items()}
    folder = Path(source)
    if not folder.is_dir():
        raise EvidenceError([Problem.of("file-not-found",
                                        say("partition-missing", name=folder.name))])
    files: dict[str, Path] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in EVIDENCE_SUFFIXES or file.name.startswith("."):
            continue
        kind = FILE_NAMES.get(file.stem.lower())
        if kind is None or kind in ("areas", "crosswalk"):
            continue
        if kind in files:
            raise EvidenceError([Problem.of("unreadable-evidence", say(
                "dataset-second-file", name=file.name, kind=kind))])
        files[kind] = file
    return files


def known_columns(model: str, spec: CriteriaSet | Sequence[CriteriaSet]) -> tuple[str, ...]:
    """The columns a model's file may hold for `spec` (a set, or the variants in force):
    ids, names, relations, area, its own extra columns and the sets' inputs."""
    specs = (spec,) if isinstance(spec, CriteriaSet) else tuple(spec)
    return tuple(dict.fromkeys([*META_COLUMNS, *RELATIONS.get(model, {}), *SUBJECT_COLUMNS,
                                *MODEL_COLUMNS.get(model, ()),
                                *(n for s in specs for n in s.inputs)]))


def read_partition(name: str, source: PartitionSource, sets: GivenSets, *,
                   extra_columns: Literal["reject", "ignore"] = "reject",
                   ) -> tuple[dict[str, Table], list[RecordError], dict[str, tuple[str, ...]]]:
    """The tables of one partition: Parquet scanned lazily with only the columns the sets
    know (plus, with ``extra_columns="reject"``, the others, so that their records are
    rejected as `read_dataset` would); other formats read whole. Files are named
    ``<partition>/<file name>`` in errors. Returns the tables, the records the readers
    refused and, per file, the columns left unread."""
    tables: dict[str, Table] = {}
    errors: list[RecordError] = []
    ignored: dict[str, tuple[str, ...]] = {}
    for model, file in _model_files(source).items():
        if model not in sets:
            raise LearningModelsError.saying(say("partition-no-set", name=name, model=model))
        shown = f"{name}/{file.name}"
        if file.suffix.lower() == ".parquet":
            frame, extra = _scan_parquet(file, shown, known_columns(model, sets[model]),
                                         extra_columns)
            if extra:
                ignored[shown] = extra
        else:
            frame, read_errors = read_evidence(file)
            errors += [replace(e, file=shown) for e in read_errors]
        tables[model] = Table(model, frame, shown)
    return tables, errors, ignored


def _scan_parquet(file: Path, shown: str, known: Sequence[str],
                  extra_columns: Literal["reject", "ignore"],
                  ) -> tuple[pl.DataFrame, tuple[str, ...]]:
    try:
        scan = pl.scan_parquet(file)
        columns = scan.collect_schema().names()
        wanted = [c for c in columns if c in known or c in (ROW, LINE)]
        extra = tuple(c for c in columns if c not in wanted)
        if extra_columns == "reject":
            wanted, extra = columns, ()
        # one chunk per column: every later step then keeps one chunk, instead of working
        # through (and realigning) the reader's many
        frame = scan.select(wanted).collect().rechunk()
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise parquet_unreadable(shown, exc) from exc
    return frame, extra


# --- the run ----------------------------------------------------------------------------------


def evaluate_partitioned(
    partitions: Mapping[str, PartitionSource], *, areas: str | os.PathLike[str] | pl.DataFrame,
    year: int, catalog: Catalog | None = None, sets: GivenSets | None = None,
    targets: TargetsLike | None = None, out_dir: str | os.PathLike[str] | None = None,
    rollup_levels: Sequence[str] | None = ROLLUP_LEVELS,
    extra_columns: Literal["reject", "ignore"] = "reject", indicators: bool = False,
    progress: bool | None = None, observe: Observer | None = None, lang: Lang = "vi",
) -> PartitionedEvaluation:
    """Evaluate every partition of a dataset in turn and roll the whole up by area.

    `partitions` maps a name (e.g. ``province=19``) to a folder of model files named as in
    a dataset folder, or to a mapping model → file; they are evaluated in the order given,
    and a record whose id an earlier partition uses is rejected as a repeat (see the module).
    `areas` is the area list of the whole dataset (a file or a frame with code, name, level,
    parent and optional totals). The sets are `sets`, else those of `catalog` (the shipped
    ones by default) in force in `year`. With `out_dir`, results, errors and the roll-up are
    written there (see the module). `rollup_levels` chooses the levels the `Rollup` object
    covers (``None``: all, villages included; the table always has every area).
    ``extra_columns="ignore"`` leaves columns the sets do not know unread instead of
    rejecting their records. With `indicators`, the results carry every indicator's points
    (``points[C1.1]``: ten more columns per model to write). `progress` draws a bar per
    stage and partition on standard error (by default only when it is a terminal), in
    `lang`;
    `observe(stage, partition)` is entered around every stage (``partition`` is None for
    the reading of the ids before the first partition, and for the final roll-up and
    write). `lang` is the language of the progress line and of the reasons in
    ``errors.csv`` (Vietnamese by default, ``"en"`` for English; the codes stay English).
    """
    seconds = dict.fromkeys(STAGES, 0.0)

    @contextmanager
    def stage(name: str, part: str | None) -> Iterator[None]:
        started = time.perf_counter()
        with observe(name, part) if observe is not None else nullcontext():
            yield
        seconds[name] += time.perf_counter() - started

    area_list = _read_areas(areas)
    out = Path(out_dir) if out_dir is not None else None
    steps = len(partitions) * len(STAGES) + 3
    listed = hierarchy(area_list)
    closure = area_closure(listed)
    parts: list[AreaCounts] = []
    villages: list[pl.DataFrame] = []
    summaries: list[PartitionSummary] = []
    errors: list[RecordError] = []
    model_of: dict[str, str] = {}   # each subject file read: its model (for data quality)
    ignored: dict[str, tuple[str, ...]] = {}
    chosen: dict[str, CriteriaSet | Sequence[CriteriaSet]] = dict(sets or {})
    workers: list[bool] = []   # per part: whether its citizens say who is a worker
    # The models of the whole dataset: a partition without records of one of them still
    # has it, empty (so its relations are checked and its counts are 0, as in one run).
    files_of = {name: _model_files(source) for name, source in partitions.items()}
    models = list(dict.fromkeys(m for files in files_of.values() for m in files))
    for model in models:
        if model not in chosen:   # a model the sets given leave out: the catalogue's
            catalog = catalog if catalog is not None else Catalog.default()
            chosen[model] = tuple(catalog.variants(model, year))
    words = _stage_words(lang)
    with Progress(steps, enabled=progress) as bar:
        with bar.stage(words["ids"]), stage("read", None):
            taken = taken_ids(list(files_of.items()))
        for index, (name, files) in enumerate(files_of.items(), start=1):
            label = f"{name} ({index}/{len(partitions)})"
            before = dict(seconds)
            with bar.stage(f"{label}: {words['read']}"), stage("read", name):
                tables, read_errors, skipped = read_partition(
                    name, files, chosen, extra_columns=extra_columns)
                for model in models:
                    if model not in tables:
                        tables[model] = Table(model, pl.DataFrame(schema={"id": pl.String}),
                                              f"{name}/{model}")
                tables = {m: tables[m] for m in models}
                ignored.update(skipped)
                dataset = Dataset(tables, area_list, None, tuple(read_errors))
            with bar.stage(f"{label}: {words['evaluate']}"), stage("evaluate", name):
                evaluation = evaluate_dataset(dataset, year=year,
                                              sets={m: chosen[m] for m in tables},
                                              taken=taken.get(name))
            with bar.stage(f"{label}: {words['roll-up']}"), stage("roll-up", name):
                communities = evaluation.results.get("community")
                own = hierarchy(area_list, None,
                                None if communities is None else scored_table(communities))
                unlisted = own.filter(~pl.col("_listed"))
                villages.append(unlisted)
                parts.append(count_by_area(evaluation, own,
                                           extend_closure(closure, unlisted)))
                workers.append(not _no_worker_values(evaluation))
            with bar.stage(f"{label}: {words['write']}"), stage("write", name):
                if out is not None:
                    _write_partition(out / "results" / name, evaluation, indicators)
            summaries.append(_summary(name, evaluation, before, seconds))
            errors += evaluation.errors
            model_of.update({t.file: m for m, t in tables.items()})
            del evaluation, dataset, tables
        with bar.stage(words["roll-up"]), stage("roll-up", None):
            whole = pl.concat([listed, *villages]).unique("code", keep="first",
                                                          maintain_order=True)
            if any(workers):  # see `_no_worker_values`
                parts = [p if known else _without_household_share(p)
                         for p, known in zip(parts, workers, strict=True)]
            counts = add_counts(parts)
            result = assemble_rollup(year, targets, whole, counts, levels=rollup_levels)
            result = replace(result, quality=assess_quality(errors, whole, result.areas,
                                                            files=model_of))
            table = rollup_table(year, targets, whole, counts)
        with bar.stage(words["write"]), stage("write", None):
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                write_text(out / "errors.csv", _errors_csv(errors, lang))
                table.write_parquet(out / "rollup.parquet")
                # compact: the indented form (`Rollup.to_json`) takes Python's slow encoder
                write_text(out / "rollup.json", json.dumps(
                    result.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return PartitionedEvaluation(year, result, table, tuple(summaries), tuple(errors),
                                 seconds, out, ignored)


def _stage_words(lang: Lang) -> dict[str, str]:
    """What the progress line calls each stage (and the reading of the ids), in `lang`."""
    return {stage: say(f"partition-stage-{stage}").render(lang) for stage in (*STAGES, "ids")}


def _no_worker_values(evaluation: DatasetEvaluation) -> bool:
    """Whether no evaluated citizen of the partition says whether they are a worker.

    The roll-up counts every citizen as a worker when the dataset says of nobody whether
    they are one. That is a property of the whole dataset: a partition that says nothing
    is counted as "everyone" and, when another partition turns out to say something, its
    share of citizens in learning households is dropped (nobody there is a known worker)
    — as a run over the whole dataset counts it."""
    results = evaluation.results.get("citizen")
    if results is None:
        return True
    frame = scored_table(results)
    return "worker" not in frame.columns or frame["worker"].null_count() == frame.height


def _without_household_share(counts: AreaCounts) -> AreaCounts:
    measure = "citizens_in_learning_households"
    if measure not in counts.shares:
        return counts
    basis, frame = counts.shares[measure]
    zero = frame.with_columns(pl.lit(0, dtype=pl.Int64).alias("citizens"),
                              pl.lit(0, dtype=pl.Int64).alias("learning"))
    return AreaCounts(counts.models, {**counts.shares, measure: (basis, zero)})


def _read_areas(areas: str | os.PathLike[str] | pl.DataFrame) -> pl.DataFrame:
    frame = areas if isinstance(areas, pl.DataFrame) else read_evidence(areas)[0]
    typed, problems = type_areas(frame, "areas" if isinstance(areas, pl.DataFrame)
                                  else Path(areas).name)
    if problems:
        raise EvidenceError([Problem.of("invalid-record", e) for e in problems[:20]])
    return typed


def _summary(name: str, evaluation: DatasetEvaluation, before: Mapping[str, float],
             seconds: Mapping[str, float]) -> PartitionSummary:
    rejected: dict[str, set[int]] = {}
    files = {t.file: m for m, t in evaluation.dataset.tables.items()}
    for error in evaluation.errors:
        model = files.get(error.file or "")
        if model is not None:
            rejected.setdefault(model, set()).add(error.row)
    # a reader's refusals (e.g. a CSV row with the wrong number of fields) never became rows
    unread: dict[str, set[int]] = {}
    for error in evaluation.dataset.errors:
        unread.setdefault(error.file or "", set()).add(error.row)
    read = {m: t.frame.height + len(unread.get(t.file, ()))
            for m, t in evaluation.dataset.tables.items()}
    return PartitionSummary(
        name, read, {m: len(r) for m, r in evaluation.results.items()},
        {m: len(rejected.get(m, ())) for m in evaluation.dataset.tables},
        {s: seconds[s] - before[s] for s in STAGES})


def results_frame(results: Evaluations, *, indicators: bool = False) -> pl.DataFrame:
    """One row per evaluated subject, as written: id, area, total, max_total, status, grade
    and, with `indicators`, every indicator's points (``points[C1.1]``; empty when its
    evidence is missing)."""
    if len(parts_of(results)) > 1:   # a model routed to several sets: each its indicators
        return pl.concat([results_frame(p, indicators=indicators) for p in parts_of(results)],
                         how="diagonal_relaxed")
    frame = scored_table(results)
    inds = results.program.indicators if indicators else ()
    area = pl.col("area").cast(pl.String) if "area" in frame.columns \
        else pl.lit(None, dtype=pl.String)
    return frame.select(
        "id", area.alias("area"), "total", "max_total", pl.col("status").cast(pl.String),
        pl.col("grade").cast(pl.String),
        *(pl.col(points_column(k)).alias(f"points[{i.id}]") for k, i in enumerate(inds)))


def _write_partition(folder: Path, evaluation: DatasetEvaluation, indicators: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for model, results in evaluation.results.items():
        results_frame(results, indicators=indicators).write_parquet(
            folder / f"{model}.parquet", compression="lz4")


def _errors_csv(errors: Sequence[RecordError], lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    for error in sorted(errors, key=lambda e: (e.file or "", e.row, e.field or "")):
        data = error.to_dict(lang)
        writer.writerow(safe_row("" if data[c] is None else data[c] for c in ERROR_COLUMNS))
    return buffer.getvalue()
