"""The evaluations of one model whose records went to several sets in force (format 1.1).

When several sets of one model are in force in a year, told apart by ``applies_to``, a
dataset's records of that model are routed each to its set (`route`) and scored by it. The
model is still one model: it is counted across its variants (one row per area, the same
denominators), and also per set. `ModelEvaluations` holds the parts, one `Evaluations` per
set, and is itself an `Evaluations` over their common columns (id, area, relations, total,
status, grade, and `SET_COLUMN`: the id of the set that scored the record), so that what
counts or locates subjects reads it as it reads one set's. What reads a subject's indicators
or its provenance goes through its part: iterating yields each part's evaluations, and
`parts_of` gives the parts of any evaluations (itself, for one set).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import polars as pl

from .._evidence import RecordError
from .results import CARRIED, Evaluation, Evaluations

__all__ = ["SET_COLUMN", "ModelEvaluations", "parts_of", "set_counts"]

#: The column of a model's table naming the set each record was scored by.
SET_COLUMN = "_set"

_STATUSES = ("recognised", "not_recognised", "incomplete")


def _common(part: Evaluations) -> pl.DataFrame:
    """A part's table without its indicators' columns (their meaning is the set's own)."""
    frame = part._frame
    return frame.select(*(c for c in frame.columns if not c.startswith(("_pts_", "_st_"))),
                        pl.lit(part.program.spec.id, dtype=pl.String).alias(SET_COLUMN))


class ModelEvaluations(Evaluations):
    """A model's evaluations, one part per set in force (in the order of the sets), and the
    records that no set, or several, applied to (``routing_errors``, among ``errors``)."""

    def __init__(self, parts: Sequence[Evaluations], routing_errors: Sequence[RecordError],
                 year: int | None) -> None:
        if not parts:
            raise ValueError("a model's evaluations need one part per set")
        self.parts = tuple(parts)
        self.routing_errors = tuple(routing_errors)
        errors = sorted([*routing_errors, *(e for p in parts for e in p.errors)],
                        key=lambda e: (e.file or "", e.row, e.field or ""))
        frame = pl.concat([_common(p) for p in parts], how="diagonal_relaxed")
        super().__init__(parts[0].program, frame, errors, year)
        self._offsets = [0]
        for part in parts:
            self._offsets.append(self._offsets[-1] + len(part))

    def with_scored(self, frame: pl.DataFrame) -> ModelEvaluations:
        """The same evaluations with the columns `frame` adds to the common table (e.g. each
        subject's area), added to every part too."""
        added = [c for c in frame.columns if c not in self._frame.columns]
        parts = [part.with_scored(part._frame.with_columns(
            frame.slice(start, len(part)).select(added)))
            for part, start in zip(self.parts, self._offsets, strict=False)]
        return ModelEvaluations(parts, self.routing_errors, self.year)

    def with_errors(self, errors: Sequence[RecordError]) -> ModelEvaluations:
        if not errors:
            return self
        return ModelEvaluations(self.parts, [*self.routing_errors, *errors], self.year)

    def part(self, offset: int, length: int | None = None) -> ModelEvaluations:
        end = len(self) if length is None else min(len(self), offset + length)
        parts = []
        for part, start in zip(self.parts, self._offsets, strict=False):
            lo, hi = max(offset, start), min(end, start + len(part))
            parts.append(part.part(lo - start, max(0, hi - lo)) if lo < hi
                         else part.part(0, 0))
        return ModelEvaluations(parts, (), self.year)

    def _at(self, index: int) -> Evaluation:
        for part, start in zip(self.parts, self._offsets, strict=False):
            if index < start + len(part):
                return part[index - start]
        raise IndexError(index)   # pragma: no cover - the offsets cover every index

    def __iter__(self) -> Iterator[Evaluation]:
        for part in self.parts:
            yield from part

    def get(self, subject: str) -> Evaluation:
        for part in self.parts:
            try:
                return part.get(subject)
            except KeyError:
                continue
        raise KeyError(subject)

    def to_frame(self, carried: Sequence[str] | None = None) -> pl.DataFrame:
        """One row per subject, as one set's `to_frame`, with the set each was scored by
        (``criteria_set``, after the id); indicators' columns of every set."""
        carried = self.carried() if carried is None else carried
        frames = [p.to_frame(carried).with_columns(
            pl.lit(p.program.spec.id, dtype=pl.String).alias("criteria_set")) for p in self.parts]
        frame = pl.concat(frames, how="diagonal_relaxed")
        first = ["id", "criteria_set", *(c for c in CARRIED if c in frame.columns)]
        return frame.select(*first, *(c for c in frame.columns if c not in first))

    def compute_gaps(self) -> None:
        for part in self.parts:
            part.compute_gaps()

    def subject_dicts(self) -> Iterator[dict[str, Any]]:
        for part in self.parts:
            yield from part.subject_dicts()


def parts_of(results: Evaluations) -> tuple[Evaluations, ...]:
    """The evaluations of each set that scored a model's records: `results` itself for one
    set, each part for a model routed to several."""
    return results.parts if isinstance(results, ModelEvaluations) else (results,)


def set_counts(results: Evaluations) -> dict[str, dict[str, int]]:
    """Per set that scored the model's records (set id → counts): how many subjects it
    evaluated, and of each status. The records no set took are in none."""
    found: dict[str, dict[str, int]] = {}
    for part in parts_of(results):
        counts = dict.fromkeys(_STATUSES, 0)
        for status, n in part._frame["status"].cast(pl.String).value_counts().iter_rows():
            counts[str(status)] = int(n)
        counts["evaluated"] = len(part)
        found[part.program.spec.id] = counts
    return found
