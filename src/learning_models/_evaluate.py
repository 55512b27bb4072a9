"""The evaluation entry point: records (or a table) × a criteria set → `Evaluations`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from ._arguments import check_kind, check_records
from ._compile import Program, compile_criteria
from ._expr_polars import collect_plain
from ._frame_columns import plain_columns
from ._model import CriteriaSet
from ._records import RecordError, records_to_frame, type_query
from ._records_few import type_few
from ._results import Evaluations
from ._score import score_table
from ._score_rows import FEW, score_rows, score_typed
from .errors import LearningModelsError

__all__ = ["evaluate"]


def evaluate(criteria: CriteriaSet | Program,
             records: Iterable[Mapping[str, object]] | pl.DataFrame,
             *, year: int | None = None, file: str | None = None) -> Evaluations:
    """Score every record against `criteria`; rejected records go to ``.errors``.

    `records` is an iterable of mappings (``id`` plus input values) or a Polars table with
    an ``id`` column and input columns. `year` is the evaluation year; it must lie in the
    set's period and is recorded in the provenance. `file` names the source in errors.
    """
    check_kind(criteria, (CriteriaSet, Program), "criteria", "load a set with load_criteria")
    check_records(records)
    program = criteria if isinstance(criteria, Program) else _program(criteria)
    spec = program.spec
    if year is not None and year not in spec.years:
        raise LearningModelsError(
            f"year {year} is outside the period {spec.period} of criteria set {spec.id!r}")
    if isinstance(records, Sequence):   # a few plain records: typed and scored in Python
        few = type_few(records, spec.inputs)
        scored = score_typed(program, *few) if few is not None else None
        if scored is not None:
            return Evaluations(program, scored, (), year)
    errors: list[RecordError] = []
    if isinstance(records, pl.DataFrame):
        raw, errors = plain_columns(records, file)
    else:
        raw, errors = records_to_frame(records, file=file)
    typed, type_errors = type_query(raw, spec.inputs, file=file)
    # A few subjects are scored row by row: a query's planning would cost more than they.
    scored = score_rows(program, collect_plain(typed)) if raw.height <= FEW else \
        score_table(program, typed)
    every = sorted([*errors, *type_errors], key=lambda e: (e.row, e.field or ""))
    return Evaluations(program, scored, every, year)


def _program(spec: CriteriaSet) -> Program:
    # The stage that built the set compiled it, with the functions it knew (plugins').
    program = spec._program
    if not isinstance(program, Program):
        program = compile_criteria(spec)
        spec._program = program
    return program
