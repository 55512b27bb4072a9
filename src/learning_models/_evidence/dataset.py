"""A dataset: one evaluation year's subjects of the five models, their relations and areas.

Read from a folder with one file per model (``citizen.csv``, ``family.csv``, ``clan.csv``,
``community.csv``, ``unit.csv`` — or their Vietnamese names ``cong-dan``, ``gia-dinh``,
``dong-ho``, ``cong-dong``, ``don-vi``; CSV, JSON, YAML or Parquet), an ``areas`` file (the
hierarchy: code, name, level, parent, optional totals) and an optional ``crosswalk`` file
(old area code → new code from a date, for the 2025 mergers). Records stay raw text here;
they are typed against the criteria sets in `_scoring.pipeline`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from .._documents import Message, check_path, say
from ..errors import EvidenceError, Problem, Said
from .codes import CodeCorrection, pad_area_list, pad_column
from .dates import iso_dates
from .numbers import read_count
from .read import EVIDENCE_SUFFIXES, read_evidence
from .records import LINE, ROW, RecordError

__all__ = ["AREA_LEVELS", "AREA_TOTALS", "RELATIONS", "Dataset", "Table", "column_places",
           "read_dataset"]

#: For each model, the columns that name a related subject, and that subject's model.
RELATIONS: dict[str, dict[str, str]] = {
    "citizen": {"family": "family", "unit": "unit"},
    "family": {"community": "community", "clan": "clan"},
    "clan": {},
    "community": {},
    "unit": {},
}
#: Columns every subject may carry besides its evidence.
SUBJECT_COLUMNS = ("area",)
#: Extra columns of citizens: whether the person is a worker (for the 387 target shares).
MODEL_COLUMNS: dict[str, tuple[str, ...]] = {"citizen": ("worker",)}

FILE_NAMES: dict[str, str] = {
    "citizen": "citizen", "cong-dan": "citizen", "family": "family", "gia-dinh": "family",
    "clan": "clan", "dong-ho": "clan", "community": "community", "cong-dong": "community",
    "unit": "unit", "don-vi": "unit", "areas": "areas", "dia-ban": "areas",
    "crosswalk": "crosswalk", "chuyen-doi-dia-ban": "crosswalk",
}
AREA_LEVELS = ("country", "province", "district", "commune", "village")
#: Optional totals an area may carry: the denominators of recognition rates.
AREA_TOTALS = ("households", "clans", "communities", "units", "higher_units", "workers",
               "staff")


@dataclass(frozen=True, slots=True)
class Table:
    """The raw records of one model, with where they came from."""

    model: str
    frame: pl.DataFrame          # text (or typed) columns plus _row / _line
    file: str
    #: Where each column is in the file, as messages name it ("column F 'Thu nhập'" in a
    #: sheet); empty when it follows from the file (`column_places`).
    columns: Mapping[str, Said] = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """Subjects of one evaluation year, their areas, and every record already rejected."""

    tables: Mapping[str, Table]
    areas: pl.DataFrame | None = None        # code, name, level, parent, totals
    crosswalk: pl.DataFrame | None = None    # old_code, new_code, since
    errors: tuple[RecordError, ...] = field(default=())
    areas_file: str | None = None            # where the areas came from, for messages
    crosswalk_file: str | None = None        # where the crosswalk came from, for messages
    #: Area codes read with the leading zeros their cells lost (`_codes`).
    corrections: tuple[CodeCorrection, ...] = ()

    def relation_columns(self, model: str) -> tuple[str, ...]:
        columns = [*RELATIONS.get(model, {}), *SUBJECT_COLUMNS, *MODEL_COLUMNS.get(model, ())]
        return tuple(c for c in columns if c in self.tables[model].frame.columns)


def read_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Read a dataset folder; unreadable files raise `EvidenceError`, bad rows are kept
    as `RecordError`s for the evaluation to report."""
    check_path(path, "path")
    root = Path(path)
    if not root.is_dir():
        raise EvidenceError([Problem.of("file-not-found", say("dataset-missing", name=str(path)))])
    tables: dict[str, Table] = {}
    errors: list[RecordError] = []
    areas = crosswalk = crosswalk_file = None
    areas_file = str(root / "areas")
    problems: list[Problem] = []
    for file in sorted(root.iterdir()):
        if file.suffix.lower() not in EVIDENCE_SUFFIXES or file.name.startswith("."):
            continue
        kind = FILE_NAMES.get(file.stem.lower())
        if kind is None:
            problems.append(Problem.of(
                "unreadable-evidence", say("dataset-unknown-file", name=file.name),
                hint=say("dataset-unknown-file-hint")))
            continue
        if kind in tables or (kind == "areas" and areas is not None):
            problems.append(Problem.of("unreadable-evidence",
                                       say("dataset-second-file", name=file.name, kind=kind)))
            continue
        frame, read_errors = read_evidence(file)
        errors += read_errors
        shown = str(file)
        if kind == "areas":
            areas, areas_file = frame, shown
        elif kind == "crosswalk":
            crosswalk, crosswalk_file = iso_dates(frame, "since", shown), shown
        else:
            tables[kind] = Table(kind, frame, shown)
    if problems:
        raise EvidenceError(problems)
    if not tables:
        raise EvidenceError([Problem.of("unreadable-evidence",
                                        say("dataset-no-subjects", name=str(path)),
                                        hint=say("dataset-no-subjects-hint"))])
    corrections: list[CodeCorrection] = []
    area_frame: pl.DataFrame | None = None
    area_errors: list[RecordError] = []
    if areas is not None:
        areas, corrections = pad_area_list(areas, areas_file)
        area_frame, area_errors = type_areas(areas, areas_file,
                                              column_places(areas, areas_file))
        tables, found = pad_subject_areas(tables, area_frame)
        corrections += found
    return Dataset(tables, area_frame, crosswalk, (*errors, *area_errors),
                   areas_file if areas is not None else None, crosswalk_file,
                   tuple(corrections))


def pad_subject_areas(tables: Mapping[str, Table], areas: pl.DataFrame,
                      ) -> tuple[dict[str, Table], list[CodeCorrection]]:
    """The subjects' ``area`` codes that name an area once their lost leading zeros are put
    back, corrected (`_codes.pad_column`)."""
    known = set(areas["code"].drop_nulls().to_list())
    fixed: dict[str, Table] = {}
    corrections: list[CodeCorrection] = []
    for model, table in tables.items():
        frame, found = pad_column(table.frame, "area", known, table.file)
        fixed[model] = replace(table, frame=frame) if found else table
        corrections += found
    return fixed, corrections


def column_places(frame: pl.DataFrame, file: str) -> dict[str, Message]:
    """How messages name the place of each column of a table read from `file`: its number
    and header in a CSV file (``column 12 'income'``); nothing for other files, whose
    records name their fields."""
    if not file.lower().endswith(".csv"):
        return {}
    return {name: say("column-number", number=k, name=name)
            for k, name in enumerate((c for c in frame.columns if c not in (ROW, LINE)),
                                     start=1)}


def type_areas(frame: pl.DataFrame, file: str, places: Mapping[str, Message] | None = None,
                ) -> tuple[pl.DataFrame, list[RecordError]]:
    """Check the area list: unique codes, known levels, parents that exist, totals >= 0.
    `places` names where each column is in the file, for the messages."""
    errors: list[RecordError] = []
    missing = [c for c in ("code", "name", "level") if c not in frame.columns]
    if missing:
        raise EvidenceError([Problem.of(
            "unreadable-evidence",
            say("areas-lack-columns", file=file, columns=", ".join(map(repr, missing))),
            hint=say("areas-lack-columns-hint"))])
    if ROW not in frame.columns:
        frame = frame.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
    if LINE not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.Int64).alias(LINE))
    if "parent" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("parent"))
    totals = [c for c in AREA_TOTALS if c in frame.columns]
    frame = frame.with_columns(pl.col("code").cast(pl.String).str.strip_chars(),
                               pl.col("parent").cast(pl.String).str.strip_chars())
    levels = dict(frame.select("code", pl.col("level").cast(pl.String)).drop_nulls("code")
                  .unique("code", keep="first", maintain_order=True).iter_rows())
    seen: set[str] = set()
    bad: set[int] = set()
    read: dict[str, list[int | None]] = {c: [] for c in totals}
    for row in frame.iter_rows(named=True):
        problems = _total_problems(row, totals, read)
        problem = _area_problem(row, levels, seen)
        kept = problem is None
        for column, reason in ([problem] if problem else []) + problems:
            place = (places or {}).get(column)
            if kept:  # a bad total makes the area's total unknown, never the area vanish
                reason = reason.plus(say("area-kept"))
            if place:
                reason = reason.plus(say("in-place", place=place))
            errors.append(RecordError.of(row["code"] or None, row[ROW], "invalid-record",
                                         reason, column, file, row[LINE]))
        if not kept:
            bad.add(row[ROW])
        seen.add(row["code"])
    frame = frame.with_columns(pl.Series(f"_t_{c}", v, dtype=pl.Int64)
                               for c, v in read.items())
    kept_rows = frame.filter(~pl.col(ROW).is_in(sorted(bad)))
    # an area under a rejected one hangs from nothing (its parent is reported), so that
    # it still counts once in the whole dataset
    kept_rows = kept_rows.with_columns(
        pl.when(pl.col("parent").is_in(kept_rows["code"].implode())).then(pl.col("parent"))
        .alias("parent"))
    return kept_rows.select("code", pl.col("name").cast(pl.String),
                            pl.col("level").cast(pl.String), "parent",
                            *(pl.col(f"_t_{c}").alias(c) for c in totals)), errors


def _total_problems(row: Mapping[str, object], totals: list[str],
                    read: dict[str, list[int | None]]) -> list[tuple[str, Message]]:
    """Read the area's totals (`read` gets one value per column, None when unknown); the
    column and the reason of each one that cannot be read as a whole number >= 0."""
    problems = []
    for column in totals:
        value, why = read_count(row[column])
        read[column].append(value)
        if why is not None:
            problems.append((column, say("area-total", column=column, why=why)))
    return problems


def _area_problem(row: Mapping[str, object], levels: Mapping[str, str | None],
                  seen: set[str]) -> tuple[str, Message] | None:
    """The column and the reason an area is rejected, or None."""
    code = row["code"]
    if not code:
        return "code", say("area-no-code")
    if code in seen:
        return "code", say("area-code-twice", code=code)
    if row["level"] not in AREA_LEVELS:
        return "level", say("area-level", level=row["level"], levels=", ".join(AREA_LEVELS))
    parent = row["parent"]
    if parent and parent not in levels:
        return "parent", say("area-parent-absent", parent=parent)
    above = levels.get(str(parent)) if parent else None
    if above in AREA_LEVELS and AREA_LEVELS.index(str(above)) >= \
            AREA_LEVELS.index(str(row["level"])):
        return "parent", say("area-parent-level", parent=parent, above=above,
                             level=row["level"])
    return None
