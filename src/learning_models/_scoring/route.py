"""Records of one model routed to the set, among several in force, whose ``applies_to`` holds.

Format 1.1 lets several sets of one model be in force in one year, each saying which
subjects it is for (``applies_to: "level == 'commune'"``). Each record goes to the one set
whose ``applies_to`` holds for it; a record for which none holds, or several do, is
rejected with a message naming the candidate sets. The conditions read only inputs (and the
year), typed as each set declares them, column-wise: one query per set, never a loop over
records. A column one set declares and another does not belongs to the first: the records
routed to the second are evaluated without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from .._criteria import CriteriaSet, Program, program_of
from .._documents import say
from .._evidence import LINE, ROW, RecordError, records_to_frame, type_frame
from .._expressions import expression_names, to_polars
from ..errors import LearningModelsError
from .evaluator import evaluate
from .results import Evaluations

__all__ = ["Routed", "evaluate_routed", "route"]


@dataclass(frozen=True)
class Routed:
    """The evaluations of one model's records, one part per set in force (in the order of
    the sets given), and the records that no set, or several, applied to."""

    parts: tuple[Evaluations, ...]
    errors: tuple[RecordError, ...]

    def counts(self) -> dict[str, int]:
        """Statuses counted over every part (the model across its variants); records
        rejected by routing counted as rejected."""
        total: dict[str, int] = {}
        for part in self.parts:
            for key, value in part.counts().items():
                total[key] = total.get(key, 0) + value
        total["rejected"] = total.get("rejected", 0) + len(self.errors)
        return total

    def counts_by_set(self) -> dict[str, dict[str, int]]:
        """Statuses counted per set (set id → counts)."""
        return {part.program.spec.id: part.counts() for part in self.parts}


def _candidates(programs: Sequence[Program]) -> str:
    return ", ".join(f"{p.spec.id} (applies_to: {p.spec.applies_to})" for p in programs)


def route(programs: Sequence[Program], raw: pl.DataFrame, *, year: int | None = None,
          file: str | None = None) -> tuple[list[pl.DataFrame], list[RecordError]]:
    """`raw` split into one frame per program (the records its ``applies_to`` holds for)
    and the errors of the records that none, or several, hold for.

    A program without ``applies_to`` takes every record (so one set alone takes all)."""
    if ROW not in raw.columns:
        raw = raw.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias(ROW))
    hits = []
    for program in programs:
        expr = program.applies_to
        if expr is None:
            hits.append(pl.Series(ROW, raw[ROW]))
            continue
        reads = sorted(expression_names(expr) - {"year"})
        inputs = {n: program.spec.inputs[n] for n in reads}
        present = [c for c in (ROW, LINE, *reads) if c in raw.columns]
        # Typed as the set declares them; a record whose value it cannot read is not its.
        # (Its position stands in for its id: a repeated or missing id is the evaluation's
        # to report, not a reason to route the record nowhere.)
        typed, _ = type_frame(raw.select(pl.col(ROW).cast(pl.String).alias("id"), *present),
                              inputs, file=file, keep=[ROW])
        if typed.height == 0:
            hits.append(pl.Series(ROW, [], dtype=pl.Int64))
            continue
        holds = to_polars(expr, lambda n: pl.lit(year) if n == "year" else pl.col(n),
                          program.functions)
        hits.append(typed.filter(holds.fill_null(False))[ROW])
    counts = pl.concat([h.to_frame() for h in hits]).group_by(ROW).len() if hits else None
    taken = set() if counts is None else set(counts.filter(pl.col("len") == 1)[ROW])
    parts = [raw.filter(pl.col(ROW).is_in(sorted(taken & set(h)))) for h in hits]
    errors: list[RecordError] = []
    several = {} if counts is None else dict(counts.filter(pl.col("len") > 1).iter_rows())
    which = {row: [p for p, h in zip(programs, hits, strict=True) if row in set(h)]
             for row in several}
    lines = raw.select(ROW, "id" if "id" in raw.columns else pl.lit(None).alias("id"),
                       LINE if LINE in raw.columns else pl.lit(None).alias(LINE))
    for row, ident, line in lines.filter(~pl.col(ROW).is_in(sorted(taken))).iter_rows():
        if row in which:
            message = say("sets-several", sets=_candidates(which[row]))
        else:
            message = say("sets-none", sets=_candidates(programs))
        errors.append(RecordError.of(None if ident is None else str(ident), row,
                                     "no-set-applies", message, file=file, line=line))
    return parts, errors


def evaluate_routed(sets: Sequence[CriteriaSet | Program],
                    records: Iterable[Mapping[str, object]] | pl.DataFrame, *,
                    year: int | None = None, file: str | None = None) -> Routed:
    """Evaluate each record with the one set of `sets` whose ``applies_to`` holds for it
    (`Catalog.variants` gives the sets in force for a model and year). A set alone with an
    ``applies_to`` still takes only the records it holds for: the others are rejected."""
    programs = [s if isinstance(s, Program) else program_of(s) for s in sets]
    if not programs:
        raise LearningModelsError.saying(say("no-set-to-evaluate"))
    models = {p.spec.model for p in programs}
    if len(models) > 1:
        raise LearningModelsError.saying(say("sets-several-models",
                                             models=", ".join(sorted(models))))
    errors: list[RecordError] = []
    if isinstance(records, pl.DataFrame):
        raw = records
    else:
        raw, errors = records_to_frame(records, file=file)
    if len(programs) == 1 and programs[0].applies_to is None:
        return Routed((evaluate(programs[0], raw, year=year, file=file).with_errors(errors),),
                      ())
    frames, routing = route(programs, raw, year=year, file=file)
    declared = {n for p in programs for n in p.spec.inputs}
    parts = []
    for program, frame in zip(programs, frames, strict=True):
        others = declared - set(program.spec.inputs)
        parts.append(evaluate(program, frame.drop([c for c in frame.columns if c in others]),
                              year=year, file=file))
    if errors and parts:
        parts[0] = parts[0].with_errors(errors)
    return Routed(tuple(parts), tuple(sorted(routing, key=lambda e: e.row)))
