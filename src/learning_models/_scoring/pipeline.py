"""Evaluate a whole dataset: every model, in the order their ``from:`` inputs require.

A set's input may count related subjects of another model (``from: {count: citizen, where:
recognised}``); so citizens are evaluated before families, families before clans and
communities, citizens before units. Each step is column-wise: a group-by over the related
model's results joined onto the subjects — never a loop over subjects. Relations are
checked on the way (a family pointing at a community that does not exist is rejected with
its row and reason); the rest of the dataset is still evaluated.

A related record that was rejected is never taken for one that does not count: a count that
depends on its status (``where: recognised``…) is unknown (null) for the subject it names,
so the indicators that read it are missing, as for any missing evidence. A record rejected
for repeating an earlier record's id is that earlier record again and is never counted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from .._catalog import Catalog
from .._criteria import CriteriaSet, Derivation, HistoryDerivation, Program, program_of
from .._documents import Message, check_kind, say
from .._evidence import (
    LINE,
    RELATIONS,
    ROW,
    Check,
    ColumnText,
    Dataset,
    RecordError,
    Table,
    column_places,
    column_text,
    rename_headers,
    strictly_increasing,
    type_frame,
)
from .._expressions import check_expression, expression_names, parse_expression, to_polars
from ..errors import CriteriaError, LearningModelsError, Problem
from .past import PastResults, history_values
from .results import SOURCE_PREFIX, Evaluations
from .route import route
from .score import score_table
from .variants import ModelEvaluations, parts_of

__all__ = ["DatasetEvaluation", "check_evaluation", "evaluate_dataset", "link_column",
           "model_order"]

#: Hidden columns of the tables a dataset evaluation works on (they are carried into the
#: scored tables): a record's position in its model's table (``_pos``, for models other
#: records point at) and, per relation column, the position of the record it names — the
#: first record with that id — or null (``_link_family``…). Relations are resolved by one
#: join each; counting related subjects, placing subjects in areas and the roll-up then
#: work on positions (a gather, a group-by on integers) instead of joining ids again.
POSITION = "_pos"
_LINK = "_link_"
_DANGLING = "_dangling_"


def link_column(column: str) -> str:
    """The hidden column with the position of the record that relation `column` names."""
    return _LINK + column


@dataclass(frozen=True)
class DatasetEvaluation:
    """The evaluations of every model of a dataset, and every record rejected.

    A model with several sets in force (format 1.1, told apart by ``applies_to``) has its
    records routed each to its set: its evaluations are then a `ModelEvaluations` (one part
    per set, see `parts_of`), `variants` names its sets and `sets` gives the first."""

    year: int | None
    results: Mapping[str, Evaluations]     # model → evaluations (frames carry 'area')
    sets: Mapping[str, CriteriaSet]
    dataset: Dataset
    errors: tuple[RecordError, ...]
    variants: Mapping[str, tuple[CriteriaSet, ...]] = field(default_factory=dict)

    @property
    def models(self) -> tuple[str, ...]:
        return tuple(self.results)

    def sets_of(self, model: str) -> tuple[CriteriaSet, ...]:
        """The sets that evaluated `model`'s records: one, or its variants."""
        if model in self.variants:
            return self.variants[model]
        return (self.sets[model],) if model in self.sets else ()


#: Sets given to `evaluate_dataset` per model: one, or the variants in force (format 1.1).
GivenSets = Mapping[str, CriteriaSet | Sequence[CriteriaSet]]


def evaluate_dataset(dataset: Dataset, *, year: int | None = None,
                     catalog: Catalog | None = None,
                     sets: GivenSets | None = None,
                     taken: Mapping[str, Mapping[str, str]] | None = None,
                     past: PastResults | None = None,
                     on_model: Callable[[str], object] | None = None,
                     ) -> DatasetEvaluation:
    """Evaluate every model of `dataset` with the sets given, or those in force in `year`
    (`on_model` is told each model as its evaluation starts: a progress display).

    When several sets of a model are given, or in force (told apart by ``applies_to``),
    each record goes to the one set whose ``applies_to`` holds for it; a record for which
    none or several hold is rejected (``no-set-applies``, naming the candidate sets).

    `past` (a history) gives the inputs derived from earlier years (``from: {history:
    …}``); without it they come from the data.

    `taken` gives, per model, ids that records outside the dataset already use (id →
    where the record that keeps it is): as in one run over both, the records here with
    such an id are rejected as repeating an earlier one (a partitioned run passes the ids
    of earlier partitions)."""
    check_kind(dataset, Dataset, "dataset", "read one with read_dataset or read_workbook")
    chosen = _chosen(dataset, year, catalog, sets)
    # Each set compiled once, with the functions it was built with (plugins' too).
    programs = {m: tuple(program_of(s) for s in chosen[m]) for m in dataset.tables}
    # Headers written as labels (a workbook's) → input names, before anything reads columns.
    dataset = replace(dataset, tables={m: _renamed(t, [p.spec for p in programs[m]])
                                       for m, t in dataset.tables.items()})
    results: dict[str, Evaluations] = {}
    errors: list[RecordError] = list(dataset.errors)
    linked = _linked(dataset)
    step = _Step(dataset, linked, _refused(dataset), results, {}, year, past, taken or {})
    for model in model_order(programs):
        if on_model is not None:
            on_model(model)
        if len(programs[model]) == 1:
            found, rejected = step.evaluate(model, programs[model][0])
        else:
            found, rejected = step.evaluate_routed(model, programs[model])
        errors += rejected
        results[model] = found
    _locate(results, linked)
    ordered = {m: results[m] for m in dataset.tables if m in results}
    return DatasetEvaluation(year, ordered, {m: v[0] for m, v in chosen.items()}, dataset,
                             tuple(sorted(errors, key=lambda e: (e.file or "", e.row))),
                             {m: v for m, v in chosen.items() if len(v) > 1})


def _chosen(dataset: Dataset, year: int | None, catalog: Catalog | None,
            sets: GivenSets | None) -> dict[str, tuple[CriteriaSet, ...]]:
    """Per model of `dataset`, the sets given, else those the catalogue has in force."""
    chosen: dict[str, tuple[CriteriaSet, ...]] = {}
    for model in dataset.tables:
        given = (sets or {}).get(model)
        if given is not None:
            chosen[model] = (given,) if isinstance(given, CriteriaSet) else tuple(given)
            if not chosen[model]:
                raise LearningModelsError.saying(say("no-set-given", model=model))
            continue
        if year is None:
            raise LearningModelsError.saying(say("no-set-given-year", model=model))
        catalog = catalog or Catalog.default()   # loaded once, not once per model
        chosen[model] = tuple(catalog.variants(model, year))
    return chosen


@dataclass
class _Step:
    """What evaluating one model of a dataset reads: the linked tables, the records its
    readers refused, the models evaluated so far and their rejected records."""

    dataset: Dataset
    linked: _Linked
    refused: Mapping[str, Mapping[str, str]]
    results: Mapping[str, Evaluations]
    rejections: dict[str, _Rejected]
    year: int | None
    past: PastResults | None
    taken: Mapping[str, Mapping[str, str]]

    def _typed(self, model: str, program: Program, rows: pl.Expr | None = None,
               drop: Sequence[str] = ()) -> tuple[pl.DataFrame, list[RecordError]]:
        """The model's table (only `rows` of it, without the columns `drop`) with its
        derived inputs, typed as `program` declares them, and the records it rejects."""
        table = self.dataset.tables[model]
        frame = _with_derived(program, self.linked, model, self.results, self.rejections)
        frame = _with_history(program, frame, model, self.past, self.year)
        if rows is not None:
            if ROW not in frame.columns:   # as `route` and `type_frame` number them
                frame = frame.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64)
                                           .alias(ROW))
            frame = frame.filter(rows).drop([c for c in drop if c in frame.columns])
        keep = [*self.dataset.relation_columns(model),
                *(c for c in frame.columns if c.startswith((SOURCE_PREFIX, POSITION, _LINK,
                                                            _DANGLING))),
                *(c for c in program.evidence_columns if c in frame.columns)]
        checks = [*_relation_checks(self.linked, model, self.refused),
                  *_taken_checks(self.taken.get(model, {}))]
        if rows is None:
            checks += _applies_checks(program, frame, self.year, table.file)
        typed, rejected = type_frame(frame, program.spec.inputs, file=table.file,
                                     keep=keep, checks=checks)
        return typed, _placed(rejected, table, self.taken.get(model, {}))

    def _scored(self, program: Program, typed: pl.DataFrame,
                rejected: Sequence[RecordError]) -> Evaluations:
        # One chunk per column: the streaming engine gives computed columns many chunks and
        # literal ones one, and every later eager step (adding the area, a join) would
        # realign the whole table, each time. The in-memory engine (`score_table`) keeps the
        # chunks of its input (one, when the reader gave one); rechunk() is then free.
        scored = score_table(program, typed, year=self.year).rechunk()
        return Evaluations(program, scored, rejected, self.year)

    def evaluate(self, model: str, program: Program,
                 ) -> tuple[Evaluations, list[RecordError]]:
        """`model`'s records evaluated with its one set."""
        typed, rejected = self._typed(model, program)
        if rejected:
            self.rejections[model] = _rejected(self.dataset.tables[model].frame, rejected)
        return self._scored(program, typed, rejected), rejected

    def evaluate_routed(self, model: str, programs: Sequence[Program],
                        ) -> tuple[Evaluations, list[RecordError]]:
        """`model`'s records evaluated each with the one of `programs` whose ``applies_to``
        holds for it (a column one set declares and another does not is left out of the
        records routed to the other); the others rejected, naming the sets."""
        table = self.dataset.tables[model]
        parts, routing = route(programs, self.linked.tables[model].frame, year=self.year,
                               file=table.file)
        declared = {n for p in programs for n in (*p.spec.inputs, *p.evidence_columns)}
        every: list[RecordError] = _placed(routing, table, self.taken.get(model, {}))
        typed_parts = []
        for program, part in zip(programs, parts, strict=True):
            others = sorted(declared - {*program.spec.inputs, *program.evidence_columns})
            typed_parts.append(self._typed(model, program, pl.col(ROW).is_in(part[ROW].implode()),
                                           others))
            every += typed_parts[-1][1]
        if every:
            self.rejections[model] = _rejected(table.frame, every)
        found = [self._scored(p, typed, rejected)
                 for p, (typed, rejected) in zip(programs, typed_parts, strict=True)]
        return ModelEvaluations(found, routing, self.year), every


def _renamed(table: Table, spec: Sequence[CriteriaSet]) -> Table:
    """`table` with its headers written as labels renamed to input names, and the place of
    each column in the file (for messages) under its new name."""
    frame = rename_headers(table.frame, spec, file=table.file)
    places = table.columns or column_places(table.frame, table.file)
    names = dict(zip(table.frame.columns, frame.columns, strict=True))
    return replace(table, frame=frame,
                   columns={names[c]: place for c, place in places.items() if c in names})


def _placed(errors: Sequence[RecordError], table: Table,
            taken: Mapping[str, str] | None = None) -> list[RecordError]:
    """Each error about a column, with the column's place in the file ("column F 'Thu
    nhập'", "column 12 'income'") added to its message; a duplicate id with where the
    record that keeps it is: the first here, or the one of an earlier partition that
    `taken` (id → where) names."""
    firsts: dict[str, tuple[int, str]] = {}
    duplicates = {e.record for e in errors if e.code == "duplicate-record" and e.record}
    if duplicates and {"id", ROW, LINE} <= set(table.frame.columns):
        ids = _trimmed("id").alias("id")
        rows = table.frame.select(ids, ROW, LINE).filter(pl.col("id").is_in(list(duplicates)))
        for ident, row, line in rows.unique("id", keep="first").iter_rows():
            firsts[ident] = (row, _shown(table.file, row, line))
    placed = []
    for e in errors:
        more: list[Message] = []
        # (the first record of an id is rejected only when an earlier partition has it:
        # its message says where that is)
        if e.code == "duplicate-record" and e.record in firsts and \
                firsts[e.record][0] != e.row:
            more.append(say("at-place",
                            where=(taken or {}).get(e.record) or firsts[e.record][1]))
        if e.field is not None and e.field in table.columns:
            more.append(say("in-place", place=table.columns[e.field]))
        placed.append(e.followed_by(*more) if more else e)
    return placed


def _shown(file: str | None, row: int, line: int | None) -> str:
    """Where a record is, short: ``family.csv:12``, ``book.xlsx [Gia đình], row 7``."""
    name = Path(file or "").name
    if name.endswith("]"):  # a sheet of a workbook
        return f"{name}, row {row}"
    return f"{name}:{line}" if line else f"{name}, record {row}"


def _refused(dataset: Dataset) -> dict[str, dict[str, str]]:
    """For each model (and ``areas``), the ids of the records its reader rejected, each with
    where it is: a relation naming one of them says so rather than "does not exist"."""
    files = {t.file: m for m, t in dataset.tables.items()}
    if dataset.areas_file is not None:
        files[dataset.areas_file] = "areas"
    refused: dict[str, dict[str, str]] = {}
    for error in dataset.errors:
        model = files.get(error.file or "")
        if model is not None and error.record is not None and error.record.strip():
            refused.setdefault(model, {}).setdefault(error.record.strip(),
                                                     _shown(error.file, error.row, error.line))
    return refused


def _derivations(program: Program) -> dict[str, Derivation]:
    return {name: spec.from_ for name, spec in program.spec.inputs.items()
            if isinstance(spec.from_, Derivation)}


def model_order(given: Mapping[str, Program | Sequence[Program]]) -> list[str]:
    """Models in dependency order (a model's variants need what any of them needs); a cycle
    is a `CriteriaError` located at a ``from:``."""
    every = {m: (p,) if isinstance(p, Program) else tuple(p) for m, p in given.items()}
    needs = {m: sorted({d.count for p in ps for d in _derivations(p).values()}
                       & every.keys()) for m, ps in every.items()}
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(model: str, trail: tuple[str, ...]) -> None:
        if state.get(model) == "done":
            return
        if state.get(model) == "active":
            cycle = " → ".join((*trail[trail.index(model):], model))
            program, name = next((p, n) for p in every[trail[-1]]
                                 for n, d in _derivations(p).items() if d.count == model)
            spec = program.spec
            at = spec.source_map.locate(("inputs", name, "from")) if spec.source_map else None
            raise CriteriaError([Problem.of("derived-cycle", say("models-cycle", cycle=cycle),
                                            at)])
        state[model] = "active"
        for dep in needs[model]:
            visit(dep, (*trail, model))
        state[model] = "done"
        order.append(model)

    for model in every:
        visit(model, ())
    return order


def _with_derived(program: Program, dataset: _Linked, model: str,
                  results: Mapping[str, Evaluations],
                  rejections: Mapping[str, _Rejected]) -> pl.DataFrame:
    """The model's raw table with each ``from:`` input filled in, and where it came from.

    The filled-in column is whole numbers (Int64) when the data's own column is missing or
    holds whole numbers, else text (the data's values as text, counts written out), so
    that typing it checks the data's values as it would have without the derivation. A
    count that rejected related records leave unknown is null (missing), and stays the
    derived value: a value given in the data stands in for it only with ``prefer: data``."""
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
        count = _counts(dataset, how, model, results, rejections.get(how.count))
        derived = pl.col("_count").cast(target)
        present = given.is_not_null() if numeric else \
            given.is_not_null() & (given.str.strip_chars() != "")
        data_wins = present if how.prefer == "data" else pl.lit(False)
        frame = frame.with_columns(count.alias("_count")) \
            .with_columns(pl.when(data_wins).then(given).otherwise(derived).alias(name),
                          pl.when(data_wins).then(pl.lit("data")).otherwise(pl.lit("derived"))
                          .alias(SOURCE_PREFIX + name)) \
            .drop("_count")
    return frame


def _with_history(program: Program, frame: pl.DataFrame, model: str,
                  past: PastResults | None, year: int | None) -> pl.DataFrame:
    """`frame` with each ``from: {history: …}`` input filled in from `past` (see `past`):
    a value the history leaves unknown is the data's, when given."""
    for name, spec in program.spec.inputs.items():
        how = spec.from_
        if not isinstance(how, HistoryDerivation):
            continue
        dtype = frame.schema.get(name)
        numeric = how.history in ("recognised", "recognised_since") and \
            (dtype is None or dtype.is_integer() or dtype == pl.Null)
        target = pl.Int64 if numeric else pl.String
        given = pl.col(name).cast(target) if name in frame.columns \
            else pl.lit(None, dtype=target)
        if past is None or year is None or "id" not in frame.columns:
            frame = frame.with_columns(given.alias(name),
                                       pl.lit("data").alias(SOURCE_PREFIX + name))
            continue
        ids = frame["id"].cast(pl.String).to_list()
        values, read = history_values(how, ids, past, model, year)
        found = pl.Series(values, dtype=pl.Int64 if numeric or (how.history != "status"
                          and how.history != "grade") else pl.String).cast(target)
        frame = frame.with_columns(found.alias("_history"), pl.Series(read).alias("_read")) \
            .with_columns(pl.coalesce(pl.col("_history"), given).alias(name),
                          pl.when(pl.col("_history").is_null() & given.is_not_null())
                          .then(pl.lit("data")).otherwise(pl.col("_read"))
                          .alias(SOURCE_PREFIX + name)) \
            .drop("_history", "_read")
    return frame


@dataclass(frozen=True)
class _Rejected:
    """The records of one model its evaluation rejected, as counting them needs: positions
    in the model's table (UInt32) of those rejected for repeating an earlier record's id
    (`repeated`: that earlier record again, never counted), of the others (`unsure`: they
    exist, but their status is unknown) and, among those, of the ones without an id
    (`nameless`: whether they are another record, or one more, is unknown too)."""

    repeated: pl.Series
    unsure: pl.Series
    nameless: pl.Series


def _rejected(frame: pl.DataFrame, errors: Sequence[RecordError]) -> _Rejected:
    """Where the records `errors` reject are in `frame` (a model's raw table), by kind."""
    repeated = {e.row for e in errors if e.code == "duplicate-record"}
    nameless = {e.row for e in errors if e.code == "missing-id"}
    every = sorted({e.row for e in errors})
    # rows as `type_frame` numbers them: the reader's, else from 1 in the table's order
    if ROW in frame.columns:   # one pass over the table; the rest works on the few found
        at = frame[ROW].is_in(every).arg_true().cast(pl.UInt32)
        found = frame[ROW].gather(at).to_list()
    else:
        at, found = pl.Series([r - 1 for r in every], dtype=pl.UInt32), every

    def where(keep: Callable[[int], bool]) -> pl.Series:
        return at.filter(pl.Series([keep(r) for r in found], dtype=pl.Boolean))

    return _Rejected(where(lambda r: r in repeated), where(lambda r: r not in repeated),
                     where(lambda r: r in nameless))


def _related_condition(how: Derivation, parts: Sequence[Evaluations]) -> pl.Expr:
    """A derivation's ``when``, over the counted model's inputs (those of each of its sets),
    as a filter (null: not counted). A problem with it is a `CriteriaError` naming it."""
    assert how.when is not None
    expr = parse_expression(how.when, None)
    counted = parts[0].program
    names = {k: v for p in reversed(parts) for k, v in p.program.inputs.items()}
    found, problems = check_expression(expr, names, None, counted.functions)
    if not problems and found != "boolean":
        problems = [Problem.of("type-mismatch", say("from-when-condition", when=how.when,
                                                    model=how.count, found=found))]
    if problems:
        raise CriteriaError(problems)
    return to_polars(expr, pl.col, counted.functions).fill_null(False)


def _counts(dataset: _Linked, how: Derivation, model: str,
            results: Mapping[str, Evaluations], rejected: _Rejected | None) -> pl.Series:
    """For every record of `model`, how many related records `how` counts; null when that
    is unknown because a related record naming it was rejected.

    With ``where: any`` every related record counts once: a rejected one too (it exists),
    but not one that repeats an earlier record's id; one without an id leaves the count
    unknown. With a status, a rejected record (other than a repeat) leaves it unknown."""
    via = how.via or model
    raw = dataset.tables[how.count].frame
    if how.when is not None and how.where == "any":
        raise CriteriaError([Problem.of("invalid-value", say("from-when-any", model=how.count),
                                        hint=say("from-when-any-hint"))])
    if how.where == "any":
        related = raw
        skipped = None if rejected is None else pl.concat([rejected.repeated,
                                                           rejected.nameless])
        unsure = None if rejected is None else rejected.nameless
    else:
        related = scored_table(results[how.count])
        skipped = None
        unsure = None if rejected is None else rejected.unsure
    frame = dataset.tables[model].frame
    if via not in related.columns:   # no record names one of `model`'s
        return pl.repeat(0, frame.height, dtype=pl.UInt32, eager=True)
    lf = related.lazy()      # lazily, so that only the columns read are touched
    if how.where not in ("any", "evaluated"):
        lf = lf.filter(pl.col("status") == how.where)
    if how.when is not None:     # format 1.1: only the related subjects it holds for
        lf = lf.filter(_related_condition(how, parts_of(results[how.count])))
    link = link_column(via)
    if link in related.columns and RELATIONS.get(how.count, {}).get(via) == model:
        # by position: count per record named, then each record takes its id's count
        height = dataset.heights.get(model, frame.height)
        dense = _dense(lf.select(link).collect()[link], height)
        if skipped is not None and skipped.len():
            dense = dense - _dense(raw[link].gather(skipped), height)
        if unsure is not None and unsure.len():
            named = raw[link].gather(unsure).drop_nulls().unique()
            dense = dense.scatter(named, None)
        first = dataset.first_of[model]
        counts = dense.gather(first)
        if first.null_count():   # a record without an id (rejected): nothing names it
            counts = counts.zip_with(first.is_not_null(),
                                     pl.repeat(0, first.len(), dtype=pl.UInt32, eager=True))
        return counts
    keyed = _keyed(lf.select(pl.col(via)).collect()[via])
    if skipped is not None and skipped.len():
        keyed = keyed.join(_keyed(raw[via].gather(skipped)), on="_key", how="left") \
            .select("_key", pl.col("_count") - pl.col("_count_right").fill_null(0))
    unknown = pl.Series("_key", [], dtype=pl.String)
    if unsure is not None and unsure.len() and via in raw.columns:
        unknown = _keyed(raw[via].gather(unsure))["_key"]
    # the join reads the ids only: joining the whole (wide) table would copy every column
    return frame.select(_trimmed("id").alias("_key")) \
        .join(keyed, on="_key", how="left", maintain_order="left") \
        .select(pl.when(pl.col("_key").is_in(unknown.implode())).then(None)
                .otherwise(pl.col("_count").fill_null(0)).alias("_count"))["_count"]


def _dense(links: pl.Series, height: int) -> pl.Series:
    """How many of `links` (positions, null: none) name each position below `height`.

    Counted as run lengths of the sorted positions: records usually come grouped by what
    they name (a household's people one after the other), so the positions are often in
    order already, and sorting integers is far cheaper than hashing them into groups."""
    named = links.drop_nulls()
    if not _nondecreasing(named):
        named = named.sort()
    runs = named.rle()
    return pl.repeat(0, height, dtype=pl.UInt32, eager=True) \
        .scatter(runs.struct.field("value"), runs.struct.field("len").cast(pl.UInt32))


def _nondecreasing(values: pl.Series) -> bool:
    """Whether no value of `values` (without nulls) is smaller than the one before."""
    if values.len() < 2:
        return True
    return bool((values.slice(1) >= values.slice(0, values.len() - 1)).all())


def _keyed(values: pl.Series) -> pl.DataFrame:
    """How many of `values` (ids, trimmed; empty or null: none) there are of each."""
    keys = values.cast(pl.String).str.strip_chars()
    return pl.DataFrame({"_key": keys}).filter(pl.col("_key").is_not_null()
                                               & (pl.col("_key") != "")) \
        .group_by("_key").agg(pl.len().cast(pl.UInt32).alias("_count"))


@dataclass(frozen=True)
class _Linked:
    """The dataset's tables with the hidden position and link columns (see `POSITION`),
    and for each model pointed at, the position of the first record of each record's id
    (null for a record without an id)."""

    tables: Mapping[str, Table]
    first_of: Mapping[str, pl.Series]
    areas: pl.DataFrame | None
    heights: Mapping[str, int] = field(default_factory=dict)
    areas_file: str | None = None


def _linked(dataset: Dataset) -> _Linked:
    """Resolve every relation once: each relation column's value (trimmed) is looked up
    among the trimmed ids of the model it names; the first record with that id is the one
    it points at. A value that names no record is dangling (rejected by the checks)."""
    targets = {t for m in dataset.tables for c, t in RELATIONS.get(m, {}).items()
               if c in dataset.tables[m].frame.columns and t in dataset.tables}
    firsts: dict[str, pl.DataFrame] = {}
    first_of: dict[str, pl.Series] = {}
    for target in targets:
        frame = dataset.tables[target].frame
        keys = frame.select(_trimmed("id").alias("_key")) if "id" in frame.columns else \
            pl.DataFrame({"_key": pl.repeat(None, frame.height, dtype=pl.String,
                                            eager=True)})
        keys = keys.with_columns(pl.when(pl.col("_key") != "").then(pl.col("_key")))
        numbered = keys.with_columns(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"))
        first = numbered.drop_nulls("_key")
        if not strictly_increasing(first["_key"]):  # strictly increasing ids are unique: no hashing
            first = first.unique("_key", keep="first")
        firsts[target] = first
        if first.height == frame.height:   # every record has its own id: itself
            first_of[target] = numbered["_at"]
        else:
            first_of[target] = keys.join(first, on="_key", how="left",
                                         maintain_order="left")["_at"]
    tables: dict[str, Table] = {}
    for model, table in dataset.tables.items():
        frame = table.frame
        added: list[pl.Series] = []
        if model in targets:
            added.append(pl.int_range(frame.height, dtype=pl.UInt32, eager=True)
                         .alias(POSITION))
        for column, target in RELATIONS.get(model, {}).items():
            if column not in frame.columns or target not in firsts:
                continue
            at, named = _resolve(frame[column], firsts[target])
            added += [at.alias(link_column(column)),
                      (named & at.is_null()).alias(_DANGLING + column)]
        tables[model] = replace(table, frame=frame.with_columns(added)) if added else table
    return _Linked(tables, first_of, dataset.areas,
                   {m: t.frame.height for m, t in dataset.tables.items()}, dataset.areas_file)


def _resolve(values: pl.Series, first: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """The position each value names (`first`: trimmed ids → position) and whether it names
    anything at all (not empty once trimmed).

    Values are looked up as they are first; only those that match nothing are trimmed and
    looked up again. The ids are trimmed, so an untrimmed value that matches one would have
    matched trimmed too, and one that does not is trimmed before concluding: the same
    positions as trimming every value, without trimming millions of clean ones."""
    keys = values.cast(pl.String)
    at = _lookup(keys, first)
    named = keys.is_not_null()
    missed = (at.is_null() & named).arg_true()
    if missed.is_empty():
        return at, named
    trimmed = keys.gather(missed).str.strip_chars()
    again = pl.DataFrame({"_key": trimmed}).join(first, on="_key", how="left",
                                                 maintain_order="left")["_at"]
    return at.scatter(missed, again), named.scatter(missed, trimmed != "")


def _lookup(keys: pl.Series, first: pl.DataFrame) -> pl.Series:
    """The position (`first`: ids → position) of each of `keys`, null when none.

    Records naming the same subject usually come one after the other (a household's
    people, a village's households): a run of equal values is looked up once, by its
    first value, and the position repeated along the run. When the runs are so many that
    this would save little, every value is looked up."""
    head = keys.ne_missing(keys.shift(1))     # the first value of each run
    if keys.len():
        head = head.scatter(0, True)           # a run of nulls may start the column
    runs = head.sum()
    if runs > keys.len() * 0.8:
        return pl.DataFrame({"_key": keys}).join(first, on="_key", how="left",
                                                 maintain_order="left")["_at"]
    at = pl.DataFrame({"_key": keys.filter(head)}).join(first, on="_key", how="left",
                                                        maintain_order="left")["_at"]
    return at.gather(head.cum_sum() - 1)


def _trimmed(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.String).str.strip_chars()


def scored_table(results: Evaluations) -> pl.DataFrame:
    """The scored table as the evaluation left it (indicator statuses not yet cast to
    text, as `Evaluations.scored` does for users), for the columns this module reads."""
    return results._frame


def _applies_checks(program: Program, frame: pl.DataFrame, year: int | None,
                    file: str | None) -> list[Check]:
    """A record the set's ``applies_to`` (format 1.1) does not hold for is rejected: the set
    is not for it (a dataset evaluates each model with one set)."""
    if program.applies_to is None:
        return []
    _, outside = route([program], frame, year=year, file=file)
    if not outside:
        return []
    names = sorted(expression_names(program.applies_to) - {"year"})
    message = column_text("set-not-for-record", set=program.spec.id,
                          applies=program.spec.applies_to)
    return [(pl.col(ROW).is_in(sorted(e.row for e in outside)), names[0] if names else None,
             "no-set-applies", message)]


def _taken_checks(taken: Mapping[str, str]) -> list[Check]:
    """The first record here of an id in `taken` (id → where the record that keeps it
    is) repeats that record; a later one here repeats the first, as any repeated id."""
    if not taken:
        return []
    ids = _trimmed("id")
    where = ids.replace_strict(dict(taken), default=None, return_dtype=pl.String)
    return [(ids.is_in(list(taken)) & ids.is_first_distinct(), "id", "duplicate-record",
             column_text("id-used-in-partition", id=ids, where=where))]


def _relation_checks(dataset: _Linked, model: str,
                     refused: Mapping[str, Mapping[str, str]]) -> list[Check]:
    """A record naming a subject (or an area) that is not there is rejected: the subject
    "does not exist", or, when its reader rejected it, "was rejected (family.csv:12)" —
    the record to correct first."""
    checks: list[Check] = []
    frame = dataset.tables[model].frame
    for column, target in RELATIONS.get(model, {}).items():
        if _DANGLING + column not in frame.columns:
            continue
        checks.append((pl.col(_DANGLING + column), column, "invalid-record",
                       _missing(target, _trimmed(column), refused.get(target, {}),
                                column_text("relation-absent", what=target,
                                            value=_trimmed(column),
                                            file=Path(dataset.tables[target].file).name))))
    if dataset.areas is not None and "area" in frame.columns:
        value = _trimmed("area")
        dangling = value.is_not_null() & (value != "") & \
            ~value.is_in(dataset.areas["code"].implode())
        listed = f" ({Path(dataset.areas_file).name})" if dataset.areas_file else ""
        checks.append((dangling, "area", "invalid-record",
                       _missing("area", value, refused.get("areas", {}),
                                column_text("area-absent", value=value, listed=listed))))
    return checks


def _missing(what: str, value: pl.Expr, refused: Mapping[str, str], absent: ColumnText,
             ) -> ColumnText:
    """The message for a relation `value` naming nothing: rejected (and where), or
    `absent`."""
    if not refused:
        return absent
    where = value.replace_strict(dict(refused), default=None, return_dtype=pl.String)
    kind = pl.when(where.is_not_null()).then(pl.lit("relation-rejected")) \
        .otherwise(pl.lit(absent.id))
    return column_text(kind, **{**absent.params, "what": what, "where": where})


def _locate(results: dict[str, Evaluations], dataset: _Linked) -> None:
    """Give every subject an 'area': its own, else that of the subject it belongs to."""
    order = ("community", "clan", "unit", "family", "citizen")
    for model in sorted(results, key=lambda m: order.index(m) if m in order else -1):
        frame = scored_table(results[model])
        area = frame["area"].cast(pl.String) if "area" in frame.columns \
            else pl.repeat(None, frame.height, dtype=pl.String, eager=True)
        for column, target in RELATIONS.get(model, {}).items():
            if column in frame.columns and target in results and area.null_count():
                # only the subjects still without an area take their parent's
                parents = scored_table(results[target])
                height = dataset.heights.get(target, 0)
                if area.null_count() == area.len():
                    area = gather_by_link(frame, column, parents, "area", height) \
                        .cast(pl.String)
                    continue
                rows = area.is_null().arg_true()
                named = frame.select(c for c in (column, link_column(column))
                                     if c in frame.columns)[rows]
                area = area.scatter(rows, gather_by_link(named, column, parents, "area",
                                                         height).cast(pl.String))
        results[model] = results[model].with_scored(frame.with_columns(area.alias("area")))


def gather_by_link(frame: pl.DataFrame, column: str, parents: pl.DataFrame, value: str,
                   height: int) -> pl.Series:
    """For every row of `frame`, `value` of the subject its relation `column` names (null
    when it names none, or one that was rejected): `parents` is the named model's scored
    table, `height` the number of records of its table."""
    link = link_column(column)
    if link in frame.columns and POSITION in parents.columns:
        dense = pl.repeat(None, height, dtype=parents.schema[value], eager=True) \
            .scatter(parents[POSITION], parents[value])
        return dense.gather(frame[link]).alias(value)
    # without positions (tables not linked by `evaluate_dataset`): join the ids
    return frame.select(pl.col(column).cast(pl.String)).join(
        parents.select(pl.col("id").cast(pl.String).alias(column), pl.col(value)),
        on=column, how="left", maintain_order="left")[value]


def check_evaluation(value: object) -> None:
    """`value` is what `evaluate_dataset` returns (else an `ArgumentError`)."""
    check_kind(value, DatasetEvaluation, "evaluation", "give what evaluate_dataset returns")
