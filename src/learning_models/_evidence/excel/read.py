"""Read a filled-in data-entry workbook (.xlsx; or .ods, .xls) as a `Dataset`.

A workbook holds one sheet per model — named by the model id or its Vietnamese name
(Công dân, Gia đình, Dòng họ, Cộng đồng, Đơn vị) — plus ``Địa bàn`` (the areas) and,
optionally, ``Chuyển đổi địa bàn`` (the crosswalk of area codes); see `excel.layout`.
Every cell is read as text, so typing happens in one place (`records.type_frame`), exactly
as for CSV files.

Layout of a sheet: the first non-empty row is the header; rows right below it whose first
cell starts with ``#`` are explanations (the template writes one) and are skipped; empty
rows are layout. Errors name the sheet, the Excel row and the column's letter and header
(``book.xlsx [Gia đình]:7: … (column F 'Có góc học tập')``). Headers may be input names or
the labels the criteria sets give them (`rename_headers`, applied where the sets are known)
and the Vietnamese names of the relation columns (Mã, Tên, Gia đình, …). The template's
drop-down of an enum input offers the Vietnamese labels of its values; a cell may hold
either label or the value (typing stores the value).

Cells merged down one column hold their value in every row they cover (a village written
once for several households); cells merged across columns, and cells holding an Excel error
(``#DIV/0!``, ``#N/A``), reject their rows with a reason (`excel.marks`). A workbook that
cannot be read at all raises `EvidenceError`.

The reader calls fastexcel (the Rust reader behind ``polars.read_excel``) directly: it needs
the absolute position of each column and row, which ``polars.read_excel`` does not return,
to name Excel rows and to apply merged ranges. An .xls is read by xlrd instead, to the same
text (`excel.book_xls`): a damaged .xls could make fastexcel end the process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import polars as pl

from ..._documents import Message, Number, check_path, say
from ...errors import EvidenceError, Problem
from ..codes import CodeCorrection, pad_area_list
from ..csv_file import MAX_COLUMNS
from ..dataset import Dataset, Table, pad_subject_areas, type_areas
from ..dates import iso_dates
from ..records import LINE, ROW, RecordError
from .book_xls import read_xls
from .headers import fixed_headers
from .layout import (
    AREAS_SHEET,
    CROSSWALK_SHEET,
    LEVEL_WORDS,
    MARKER,
    MODEL_SHEETS,
    WORKBOOK_SUFFIXES,
    column_letter,
    fold,
    is_note_sheet,
    sheet_kind,
)
from .marks import Marks, apply_marks, workbook_marks
from .marks_ods import ods_marks
from .sheets import SheetGrid, calamine_sheets

__all__ = ["read_workbook"]


def read_workbook(path: str | os.PathLike[str]) -> Dataset:
    """Read a data-entry workbook (.xlsx, .xlsm, .ods or .xls, read alike: the same checks,
    the same messages): unreadable workbooks raise `EvidenceError`, bad
    rows are kept as `RecordError`s (with their Excel row) for the evaluation to report."""
    check_path(path, "path")
    file = Path(path)
    shown = str(path)
    if not file.is_file():
        raise EvidenceError([Problem.of("file-not-found", say("workbook-missing", name=shown))])
    if file.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise EvidenceError([Problem.of(
            "unreadable-evidence", say("workbook-kind", name=shown),
            hint=say("workbook-kind-hint"))])
    marks, grids = _sheets(file, shown)
    tables: dict[str, Table] = {}
    frames: dict[str, tuple[pl.DataFrame, dict[str, Message]]] = {}
    errors: list[RecordError] = []
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for sheet in grids:
        sheet_name, grid = sheet.name, sheet.cells
        kind = sheet_kind(sheet_name)
        where = f"{shown} [{sheet_name}]"
        if kind is None:
            if sheet.visible and not is_note_sheet(sheet_name) and _has_cells(grid):
                sheets = ", ".join([*MODEL_SHEETS.values(), AREAS_SHEET, CROSSWALK_SHEET])
                problems.append(Problem.of("unreadable-evidence",
                                           say("sheet-unknown", where=where),
                                           hint=say("sheet-unknown-hint", sheets=sheets)))
            continue
        if kind in taken:
            problems.append(Problem.of("unreadable-evidence", say(
                "sheet-twice", where=where, kind=kind, first=taken[kind])))
            continue
        taken[kind] = sheet_name
        headers = fixed_headers(kind)
        try:
            read = _read_grid(grid, sheet.first_column, marks.get(sheet_name, Marks()), where,
                              headers)
        except EvidenceError as exc:
            problems += exc.problems
            continue
        if read is None:
            continue  # an empty sheet, or a header without records: nothing to evaluate
        frame, rejected, places = read
        errors += rejected
        if kind in MODEL_SHEETS:
            tables[kind] = Table(kind, frame, where, places)
        else:
            frames[kind] = frame, places
    if problems:
        raise EvidenceError(problems)
    if not tables:
        raise EvidenceError([Problem.of(
            "unreadable-evidence", say("workbook-empty", name=shown),
            hint=say("workbook-empty-hint", sheets=", ".join(MODEL_SHEETS.values())))])
    areas = areas_file = None
    corrections: list[CodeCorrection] = []
    if "areas" in frames:
        areas_file = f"{shown} [{taken['areas']}]"
        raw, corrections = pad_area_list(_area_levels(frames["areas"][0]), areas_file)
        areas, area_errors = type_areas(raw, areas_file, frames["areas"][1])
        errors += area_errors
        tables, found = pad_subject_areas(tables, areas)
        corrections += found
    crosswalk = None
    if "crosswalk" in frames:
        walk, places = frames["crosswalk"]
        crosswalk = iso_dates(_crosswalk(walk), "since", f"{shown} [{taken['crosswalk']}]",
                              places.get("since"))
    return Dataset(tables, areas, crosswalk, tuple(errors), areas_file,
                   f"{shown} [{taken['crosswalk']}]" if crosswalk is not None else None,
                   tuple(corrections))


def _sheets(file: Path, shown: str) -> tuple[dict[str, Marks], Iterable[SheetGrid]]:
    """The merged ranges and error cells of each sheet, and the sheets: an .xls read by
    xlrd, the others by fastexcel."""
    suffix = file.suffix.lower()
    if suffix == ".xls":
        return read_xls(file, shown)
    marks = (ods_marks if suffix == ".ods" else workbook_marks)(file, shown)
    return marks, calamine_sheets(file, shown)


def _has_cells(grid: pl.DataFrame) -> bool:
    return grid.height > 0 and grid.width > 0 and \
        bool(grid.select(pl.any_horizontal(pl.all().is_not_null()).any()).item())


def _read_grid(grid: pl.DataFrame, first_column: int, marks: Marks, where: str,
               headers: Mapping[str, str | None],
               ) -> tuple[pl.DataFrame, list[RecordError], dict[str, Message]] | None:
    """A sheet's cells (row k of `grid` is Excel row k + 1) → records, rejected rows, and
    where each column is (its letter and header, as messages name it)."""
    if grid.height == 0 or grid.width == 0:
        return None
    grid = grid.select(_clean(pl.col(c)).alias(f"c{k}") for k, c in enumerate(grid.columns))
    filled = grid.select(pl.any_horizontal(pl.all().is_not_null()).alias("x"))["x"]
    nonempty = filled.arg_true()
    if nonempty.len() == 0:
        return None
    top = int(nonempty[0])                      # 0-based index of the header row
    grid, bad_rows = apply_marks(grid, first_column, marks, top, where)
    header = [grid[c][top] for c in grid.columns]
    keep, names = _header_columns(grid, header, top, first_column, where, headers)
    if not keep:
        return None
    if len(keep) > MAX_COLUMNS:
        raise EvidenceError([Problem.of(
            "too-large", say("sheet-too-wide", where=where, columns=Number(len(keep)),
                             most=Number(MAX_COLUMNS)),
            hint=say("sheet-too-wide-hint"))])
    places = {name: say("column-letter", letter=column_letter(first_column + k),
                        name=" ".join(str(header[k]).split()))
              for k, name in zip(keep, names, strict=True)}
    start = top + 1
    lead = grid.columns[keep[0]]
    # The template's explanation row: the one row right below the header, its first cell
    # "# …" (a hash, then a space). Every other row is data, whatever its first cell holds.
    if start < grid.height and (grid[lead][start] or "").startswith(MARKER + " "):
        start += 1
    excel_row = pl.int_range(1, grid.height + 1, dtype=pl.Int64)
    rows = grid.with_columns(excel_row.alias(ROW), filled.alias("_filled")) \
        .slice(start).filter(pl.col("_filled"))
    if rows.height == 0:
        return None
    id_column = next((grid.columns[k] for k, n in zip(keep, names, strict=True)
                      if n in ("id", "code", "old_code")), None)
    errors = []
    rejected: set[int] = set()
    present = set(rows[ROW].to_list()) if bad_rows else set()
    ids = dict(zip(rows[ROW].to_list(), rows[id_column].to_list(), strict=True)) \
        if bad_rows and id_column else {}
    for row, (column, message) in sorted(bad_rows.items()):
        if row not in present:
            continue  # the header, an explanation or an empty row
        ident = ids.get(row)
        name = names[keep.index(column)] if column in keep else None
        if name is not None:
            message = message.plus(say("in-place", place=places[name]))
        errors.append(RecordError.of(ident, row, "invalid-record", message, name, where, row))
        rejected.add(row)
    if rejected:
        rows = rows.filter(~pl.col(ROW).is_in(sorted(rejected)))
    frame = rows.select(*(pl.col(grid.columns[k]).alias(n) for k, n in zip(keep, names,
                                                                           strict=True)),
                        pl.col(ROW), pl.col(ROW).alias(LINE))
    return frame, errors, places


def _clean(cell: pl.Expr) -> pl.Expr:
    """Text in one Unicode form; a cell of spaces is empty (as in a CSV file)."""
    text = cell.cast(pl.String).str.normalize("NFC")
    return pl.when(text.str.strip_chars() != "").then(text)


def _header_columns(grid: pl.DataFrame, header: Sequence[str | None], top: int,
                    first_column: int, where: str, headers: Mapping[str, str | None],
                    ) -> tuple[list[int], list[str]]:
    """The positions and names of the columns that have a header; problems raise."""
    keep: list[int] = []
    names: list[str] = []
    seen: dict[str, str] = {}
    problems = []
    for k, text in enumerate(header):
        cell = f"{column_letter(first_column + k)}{top + 1}"
        if text is None:
            if grid.slice(top + 1)[grid.columns[k]].is_not_null().any():
                problems.append(Problem.of("unreadable-evidence", say(
                    "header-missing", where=where, letter=column_letter(first_column + k),
                    cell=cell)))
            continue
        title = " ".join(text.split())
        name = headers.get(title) or headers.get(fold(title)) or title
        if name in (ROW, LINE):
            problems.append(Problem.of("unreadable-evidence", say(
                "header-reserved", where=where, title=title, cell=cell)))
            continue
        key = fold(name)
        if key in seen:
            problems.append(Problem.of("unreadable-evidence", say(
                "header-twice", where=where, title=title, cell=cell, first=seen[key]),
                hint=say("header-twice-hint")))
            continue
        seen[key] = cell
        keep.append(k)
        names.append(name)
    if problems:
        raise EvidenceError(problems)
    return keep, names


def _area_levels(frame: pl.DataFrame) -> pl.DataFrame:
    """Vietnamese level words (tỉnh, xã, phường, thôn, tổ dân phố, …) → level ids."""
    if "level" not in frame.columns:
        return frame
    words = {**LEVEL_WORDS, **{v: v for v in LEVEL_WORDS.values()}}
    folded = pl.col("level").str.strip_chars().str.to_lowercase()
    return frame.with_columns(folded.replace_strict(words, default=pl.col("level"))
                              .alias("level"))


def _crosswalk(frame: pl.DataFrame) -> pl.DataFrame:
    """Trim codes (the dates are read by `iso_dates`)."""
    trimmed = [pl.col(c).str.strip_chars() for c in ("old_code", "new_code")
               if c in frame.columns]
    return frame.with_columns(trimmed)
