"""The evaluation entry point: records (or a table) × a criteria set → `Evaluations`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from .._criteria import CriteriaSet, Program, program_of
from .._documents import check_kind, check_records, say
from .._evidence import (
    MODEL_COLUMNS,
    RELATIONS,
    SUBJECT_COLUMNS,
    Check,
    RecordError,
    plain_columns,
    records_to_frame,
    type_few,
    type_query,
)
from .._expressions import collect_plain
from ..errors import LearningModelsError
from .results import Evaluations
from .score import score_table
from .score_rows import FEW, score_rows, score_typed

__all__ = ["checked_program", "evaluate", "evaluate_table"]


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
    program = checked_program(criteria, year)
    spec = program.spec
    if isinstance(records, Sequence):   # a few plain records: typed and scored in Python
        few = type_few(records, spec.inputs)
        scored = score_typed(program, *few, year=year) if few is not None else None
        if scored is not None:
            return Evaluations(program, scored, (), year)
    errors: list[RecordError] = []
    if isinstance(records, pl.DataFrame):
        raw, errors = plain_columns(records, file)
    else:
        raw, errors = records_to_frame(records, file=file)
    return evaluate_table(program, raw, errors, year=year, file=file)


def checked_program(criteria: CriteriaSet | Program, year: int | None) -> Program:
    """The program of `criteria`, once `year` is known to suit it."""
    check_kind(criteria, (CriteriaSet, Program), "criteria", "load a set with load_criteria")
    program = criteria if isinstance(criteria, Program) else program_of(criteria)
    spec = program.spec
    if year is not None and year not in spec.years:
        raise LearningModelsError.saying(say("case-year-outside", year=year, period=spec.period,
                                             id=spec.id))
    if year is None and program.reads_year:
        raise LearningModelsError.saying(say("set-reads-year", id=spec.id))
    return program


def evaluate_table(program: Program, raw: pl.DataFrame, errors: Sequence[RecordError], *,
                   year: int | None, file: str | None, checks: Sequence[Check] = ()
                   ) -> Evaluations:
    """Evaluate the raw columns `raw` (``errors``: its records already rejected); `checks`
    are further reasons to reject a record (`type_query`)."""
    spec = program.spec
    keep = [*dataset_columns(spec.model, raw.columns, spec.inputs),
            *(c for c in program.evidence_columns if c in raw.columns)]
    typed, type_errors = type_query(raw, spec.inputs, file=file, checks=checks, keep=keep)
    # A few subjects are scored row by row: a query's planning would cost more than they.
    scored = score_rows(program, collect_plain(typed), year=year) if raw.height <= FEW else \
        score_table(program, typed, year=year)
    every = sorted([*errors, *type_errors], key=lambda e: (e.row, e.field or ""))
    return Evaluations(program, scored, every, year)


def dataset_columns(model: str, columns: Iterable[str],
                    inputs: Mapping[str, object]) -> list[str]:
    """The columns of `columns` the dataset format defines for `model` besides its inputs
    (its relations, ``area``, a citizen's ``worker``): known, kept as they are, so that a
    dataset's model file is evaluated on its own as it is in its dataset."""
    defined = {*RELATIONS.get(model, {}), *SUBJECT_COLUMNS, *MODEL_COLUMNS.get(model, ())}
    return [c for c in columns if c in defined and c not in inputs]

