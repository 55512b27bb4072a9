"""Evaluation results: a collection backed by the scored table, and per-subject views.

Nothing is materialised per subject until asked: `Evaluations[i]` is a light view that reads
its row of the table; `to_dict()`, `explain()` and `gaps` are computed from that row (and the
set's own pass rule, for gaps), never recomputed another way. The collection's `to_dict()`,
`to_json()` and `subject_dicts()` find the gaps of every subject not recognised together
(`find_gaps_many`: a few table runs, not one per subject) — the same gaps one by one gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any, overload

import polars as pl

from .._criteria import Lang, Program
from .._evidence import RecordError
from .._version import __version__
from .documents import evidence_column, references
from .explain import render_explanation
from .gaps import Gaps, find_gaps, find_gaps_many, gaps_exhaustive
from .outcome import (
    Gap,
    IndicatorResult,
    ItemStatus,
    Provenance,
    Status,
    gap_dict,
    indicator_dict,
    item_status,
)
from .score import GRADE_BEST, GRADE_WORST, INDICATOR_STATUS, points_column, status_column
from .score_points import item_column

__all__ = ["CARRIED", "Evaluation", "Evaluations"]

#: Prefix of the columns that say where a ``from:`` input's value came from.
SOURCE_PREFIX = "_src_"

#: The dataset format's columns besides inputs (`_dataset`): kept with the results when a
#: record carries them.
CARRIED = ("area", "family", "unit", "community", "clan")



class Evaluation:
    """One subject's evaluation: a view of its row in the scored table."""

    __slots__ = ("__dict__", "_index", "_owner", "_row")

    def __init__(self, owner: Evaluations, row: Mapping[str, Any], index: int | None = None,
                 ) -> None:
        self._owner = owner
        self._row = row
        self._index = index      # the row's position in the owner's table, when known

    def __repr__(self) -> str:
        return (f"Evaluation(subject={self.subject!r}, total={self.total:g}, "
                f"status={self.status!r}, grade={self.grade!r})")

    @property
    def program(self) -> Program:
        return self._owner.program

    @property
    def subject(self) -> str:
        return str(self._row["id"])

    @property
    def name(self) -> str | None:
        name = self._row.get("name")
        return None if name is None else str(name)

    @property
    def total(self) -> float:
        return float(self._row["total"])

    @property
    def max_total(self) -> float:
        return float(self._row["max_total"])

    @property
    def status(self) -> Status:
        status: Status = self._row["status"]
        return status

    @property
    def grade(self) -> str | None:
        grade: str | None = self._row["grade"]
        return grade

    @property
    def grade_range(self) -> tuple[str | None, str | None] | None:
        """When missing evidence could change the grade: (worst, best) — the grade (or
        None: not recognised, no grade) if every missing indicator is unmet, and if every
        one is fully met; None when the grade is decided (`grade`)."""
        low, high = self._row.get(GRADE_WORST), self._row.get(GRADE_BEST)
        return None if low == high else (low, high)

    @property
    def provenance(self) -> Provenance:
        return self._owner.provenance

    @property
    def input_sources(self) -> dict[str, str]:
        """For inputs that may be derived (``from:``): ``"derived"`` or ``"data"``."""
        return {k[len(SOURCE_PREFIX):]: str(v) for k, v in self._row.items()
                if k.startswith(SOURCE_PREFIX)}

    @cached_property
    def indicators(self) -> tuple[IndicatorResult, ...]:
        spec_inds = self.program.spec.indicators
        row = self._row
        return tuple(
            IndicatorResult(ind.id, ind.criterion, float(row[points_column(k)] or 0.0),
                            float(ind.points), row[status_column(k)], ind.mandatory,
                            {name: row.get(name) for name in ind.reads},
                            spec_inds[k].evidence, self._items(k), self._documents(k))
            for k, ind in enumerate(self.program.indicators))

    def _documents(self, k: int) -> tuple[str, ...]:
        """The record's references to indicator `k`'s documents (format 1.1)."""
        return references(self._row.get(evidence_column(self.program.indicators[k].id)))

    def _items(self, k: int) -> tuple[tuple[str, ItemStatus], ...]:
        """Each item of indicator `k`'s checklist (format 1.1) with its status."""
        return tuple((ident, item_status(self._row[item_column(k, j)]))
                     for j, (ident, _) in enumerate(self.program.indicators[k].items))

    @cached_property
    def _gap_indexes(self) -> tuple[int, ...] | None:
        if self.status == "recognised":
            return ()
        batch = self._owner._batch_gaps
        if batch is not None and self._index in batch:
            return batch[self._index]
        points = [self._row[points_column(k)] for k in range(len(self.program.indicators))]
        return find_gaps(self.program, points, self._applies)

    @property
    def _applies(self) -> list[bool] | None:
        """Which indicators apply to the subject (None: all always do)."""
        if not self.program.has_applies:
            return None
        return [self._row[status_column(k)] != "not_applicable"
                for k in range(len(self.program.indicators))]

    @property
    def gaps_exhaustive(self) -> bool:
        """False when the set is too large for every combination to be tried: the gaps
        are then the greedy choice (mandatory first, largest gains), not always the
        fewest indicators (docs/limits.md)."""
        points = [self._row[points_column(k)] for k in range(len(self.program.indicators))]
        return gaps_exhaustive(self.program, points, self._gap_indexes, self._applies)

    @property
    def gaps_reachable(self) -> bool:
        """False when even meeting every indicator would not make the subject pass."""
        return self._gap_indexes is not None

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """The smallest set of indicators whose fulfilment would make the subject pass."""
        results = self.indicators
        return tuple(
            Gap(results[k].indicator, results[k].max_points - results[k].points,
                results[k].mandatory, results[k].status, results[k].evidence)
            for k in (self._gap_indexes or ()))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable form: what ``--format json`` prints per subject (the same
        as its `indicators` and `gaps` give, read straight from the row: no objects)."""
        row, inds = self._row, self.program.indicators
        points = [float(row[points_column(k)] or 0.0) for k in range(len(inds))]
        statuses = [row[status_column(k)] for k in range(len(inds))]
        data: dict[str, Any] = {"subject": self.subject}
        if self.name is not None:
            data["name"] = self.name
        # the dataset's columns the record carried (area, relations), as they were given
        data.update({c: row[c] for c in CARRIED if row.get(c) is not None})
        data.update({
            "criteria_set": self.program.spec.id, "year": self.provenance.year,
            "total": self.total, "max_total": self.max_total, "status": self.status,
            "grade": self.grade,
            **({"grade_range": list(span)} if (span := self.grade_range) else {}),
            "indicators": [indicator_dict(ind.id, points[k], float(ind.points), statuses[k],
                                          self._items(k), self._documents(k))
                           for k, ind in enumerate(inds)],
            "gaps": [gap_dict(inds[k].id, float(inds[k].points) - points[k],
                               inds[k].mandatory, statuses[k])
                     for k in self._gap_indexes or ()],
            "provenance": self.provenance.to_dict(),
        })
        if self.input_sources:
            data["input_sources"] = self.input_sources
        return data

    def explain(self, lang: Lang = "vi") -> str:
        """A readable account of every point, the decision and what is missing."""
        return render_explanation(self, lang)


class Evaluations(Sequence[Evaluation]):
    """The evaluations of a batch and the records it rejected (``errors``)."""

    def __init__(self, program: Program, frame: pl.DataFrame, errors: Sequence[RecordError],
                 year: int | None) -> None:
        self.program = program
        self.errors: tuple[RecordError, ...] = tuple(errors)
        self.year = year
        self._frame = frame
        self._scored: pl.DataFrame | None = None
        self._index: dict[str, int] | None = None
        self._batch_gaps: dict[int, Gaps] | None = None    # row → gaps, once computed
        self.provenance = Provenance(program.spec.id, program.spec.period,
                                     program.content_hash, f"learning-models {__version__}",
                                     year, program.spec.overlays)

    def __len__(self) -> int:
        return self._frame.height

    @property
    def scored(self) -> pl.DataFrame:
        """The whole scored table: ids, pass-through columns (relations, area), typed inputs,
        derived values and each indicator's points and status (internal column names;
        statuses as text)."""
        if self._scored is None:
            self._scored = self._frame.with_columns(_statuses_as_text(self._frame))
        return self._scored

    def with_scored(self, frame: pl.DataFrame) -> Evaluations:
        """The same evaluations over `frame`: the scored table with columns added."""
        return Evaluations(self.program, frame, self.errors, self.year)

    def with_errors(self, errors: Sequence[RecordError]) -> Evaluations:
        """The same evaluations with more rejected records (e.g. rows a reader refused)."""
        if not errors:
            return self
        every = sorted([*errors, *self.errors], key=lambda e: (e.row, e.field or ""))
        return Evaluations(self.program, self._frame, every, self.year)

    def part(self, offset: int, length: int | None = None) -> Evaluations:
        """The evaluations of `length` subjects from `offset` (to the end when None), without
        the rejected records: a part of a large batch to turn into dictionaries (its gaps
        found for that part alone) and write before the next, never the whole at once."""
        return Evaluations(self.program, self._frame.slice(offset, length), (), self.year)

    @overload
    def __getitem__(self, index: int) -> Evaluation: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Evaluation]: ...
    def __getitem__(self, index: int | slice) -> Evaluation | Sequence[Evaluation]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._at(index)

    def _at(self, index: int) -> Evaluation:
        """The subject at `index`, known to be within the results."""
        return Evaluation(self, self._frame.row(index, named=True), index)

    def __iter__(self) -> Iterator[Evaluation]:
        for index, row in enumerate(self._frame.iter_rows(named=True)):
            yield Evaluation(self, row, index)

    def get(self, subject: str) -> Evaluation:
        """The evaluation of the subject with this id; KeyError when there is none."""
        if self._index is None:
            self._index = {s: i for i, s in enumerate(self._frame["id"].to_list())}
        return self[self._index[subject]]

    def carried(self, *, empty: bool = False) -> list[str]:
        """The relation and area columns (`CARRIED`) that some record carries (with
        `empty`, also those the records have but leave empty)."""
        return [c for c in CARRIED if c in self._frame.columns
                and (empty or self._frame[c].null_count() < self._frame.height)]

    def to_frame(self, carried: Sequence[str] | None = None) -> pl.DataFrame:
        """One row per subject: id, the `carried` relation and area columns (default: those
        some record carries), total, max_total, status, grade, and per indicator its points
        (``points[C1.1]``) and status (``status[C1.1]``)."""
        inds = self.program.indicators
        return self._frame.select(
            "id", *(pl.col(c) if c in self._frame.columns else pl.lit(None).alias(c)
                    for c in (self.carried() if carried is None else carried)),
            "total", "max_total", "status", "grade",
            *(pl.col(points_column(k)).fill_null(0.0).alias(f"points[{i.id}]")
              for k, i in enumerate(inds)),
            *(pl.col(status_column(k)).cast(pl.String).alias(f"status[{i.id}]")
              for k, i in enumerate(inds)),
        )

    def counts(self) -> dict[str, int]:
        """How many subjects have each status, and how many records were rejected."""
        counts = dict.fromkeys(("recognised", "not_recognised", "incomplete"), 0)
        for status, n in self._frame["status"].value_counts().iter_rows():
            counts[status] = n
        counts["rejected"] = len({(e.file, e.row) for e in self.errors})
        return counts

    def compute_gaps(self) -> None:
        """Find the gaps of every subject not recognised, all together (a few table runs
        instead of one per subject); evaluations then read theirs. Idempotent."""
        if self._batch_gaps is not None:
            return
        count = len(self.program.indicators)
        columns = [points_column(k) for k in range(count)]
        statuses = [status_column(k) for k in range(count)] if self.program.has_applies else []
        open_ = self._frame.select(pl.int_range(pl.len()).alias("row"), "status", *columns,
                                   *statuses) \
            .filter(pl.col("status").cast(pl.String) != "recognised")
        applies = [[s != "not_applicable" for s in row] for row in
                   open_.select(pl.col(statuses).cast(pl.String)).rows()] if statuses else None
        found = find_gaps_many(self.program, open_.select(columns).rows(), applies)
        self._batch_gaps = dict(zip(open_["row"].to_list(), found, strict=True))

    def subject_dicts(self) -> Iterator[dict[str, Any]]:
        """Each evaluation's `Evaluation.to_dict`, in order, the gaps found all together."""
        self.compute_gaps()
        for evaluation in self:
            yield evaluation.to_dict()

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The evaluations and the rejected records (their messages in `lang`)."""
        return {"evaluations": list(self.subject_dicts()),
                "errors": [e.to_dict(lang) for e in self.errors]}

    def to_json(self, lang: Lang = "en") -> str:
        """Deterministic JSON: same inputs and set, same bytes."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2) + "\n"


def _statuses_as_text(frame: pl.DataFrame) -> list[pl.Expr]:
    """The per-indicator status columns of `frame` (`INDICATOR_STATUS`), cast to text."""
    return [pl.col(name).cast(pl.String) for name, dtype in frame.schema.items()
            if dtype == INDICATOR_STATUS]
