"""Excel workbooks: read a filled-in data-entry workbook as a `Dataset`, write the empty one.

A workbook holds one sheet per model — named by the model id or its Vietnamese name
(Công dân, Gia đình, Dòng họ, Cộng đồng, Đơn vị) — plus ``Địa bàn`` (the areas) and,
optionally, ``Chuyển đổi địa bàn`` (the crosswalk of area codes). Every cell is read as
text, so typing happens in one place (`_records.type_frame`), exactly as for CSV files.

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
(``#DIV/0!``, ``#N/A``), reject their rows with a reason. A workbook that cannot be read at
all raises `EvidenceError`.

The reader calls fastexcel (the Rust reader behind ``polars.read_excel``) directly: it needs
the absolute position of each column and row, which ``polars.read_excel`` does not return,
to name Excel rows and to apply merged ranges. The template is written with XlsxWriter.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

import fastexcel
import polars as pl

from ._catalog import Catalog
from ._dataset import AREA_TOTALS, RELATIONS, Dataset, Table, _type_areas
from ._evidence import MAX_COLUMNS
from ._model import CriteriaSet, InputSpec
from ._records import LINE, ROW, RecordError
from .errors import EvidenceError, LearningModelsError, Problem

__all__ = [
    "MODEL_SHEETS",
    "WORKBOOK_SUFFIXES",
    "read_workbook",
    "rename_headers",
    "template_sets",
    "write_template",
]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: The Vietnamese sheet name of each model (also accepted: the model id, and either
#: without diacritics, e.g. "Gia dinh", "gia-dinh").
MODEL_SHEETS: dict[str, str] = {
    "citizen": "Công dân", "family": "Gia đình", "clan": "Dòng họ",
    "community": "Cộng đồng", "unit": "Đơn vị",
}
AREAS_SHEET = "Địa bàn"
CROSSWALK_SHEET = "Chuyển đổi địa bàn"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "_danh-muc"
#: A row right below the header whose first cell starts with this is an explanation.
MARKER = "#"
#: Uncompressed size above which a workbook is refused (a zip bomb is not a workbook).
MAX_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_PART = 16 * 1024 * 1024   # workbook.xml and its relations: small parts
MAX_MERGED_ROWS = 2_000_000   # rows covered by merged ranges, summed over the ranges

#: The Vietnamese headers of the relation columns (and their model-independent names).
RELATION_HEADERS: dict[str, str] = {
    "id": "Mã", "name": "Tên", "family": "Gia đình", "unit": "Đơn vị",
    "community": "Cộng đồng", "clan": "Dòng họ", "area": "Địa bàn", "worker": "Người lao động",
}
AREA_HEADERS: dict[str, str] = {
    "code": "Mã", "name": "Tên", "level": "Cấp", "parent": "Thuộc",
    "households": "Số hộ gia đình", "clans": "Số dòng họ", "communities": "Số cộng đồng",
    "units": "Số đơn vị", "workers": "Số người lao động", "staff": "Số cán bộ, nhân viên",
}
_AREA_ALIASES = {"mã cấp trên": "parent", "số hộ": "households",
                 "số thôn, tổ dân phố": "communities", "số cán bộ": "staff"}
CROSSWALK_HEADERS: dict[str, str] = {
    "old_code": "Mã cũ", "new_code": "Mã mới", "since": "Từ ngày",
}
#: Vietnamese words for the area levels (the template offers the first of each).
LEVEL_WORDS: dict[str, str] = {
    "quốc gia": "country", "tỉnh": "province", "thành phố trực thuộc trung ương": "province",
    "huyện": "district", "quận": "district", "thị xã": "district",
    "thành phố thuộc tỉnh": "district", "xã": "commune", "phường": "commune",
    "thị trấn": "commune", "đặc khu": "commune", "thôn": "village", "tổ dân phố": "village",
    "bản": "village", "ấp": "village", "xóm": "village", "làng": "village", "buôn": "village",
}
_TEMPLATE_LEVELS = ("quốc gia", "tỉnh", "huyện", "xã", "phường", "thị trấn", "thôn",
                    "tổ dân phố")
_IGNORED_SHEETS = ("huong dan", "instructions", "readme", "ghi chu", "notes")


# --- names ------------------------------------------------------------------------------

def _fold(text: str) -> str:
    """Compare headers trimmed, case-insensitively, in one Unicode form, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _plain(text: str) -> str:
    """A sheet name without diacritics, case or separators ("Gia đình" → "gia dinh")."""
    decomposed = unicodedata.normalize("NFD", _fold(text).replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-_.]", " ", bare).split())


_SHEET_KINDS: dict[str, str] = {
    **{_plain(m): m for m in MODEL_SHEETS}, **{_plain(v): m for m, v in MODEL_SHEETS.items()},
    _plain(AREAS_SHEET): "areas", "areas": "areas",
    _plain(CROSSWALK_SHEET): "crosswalk", "crosswalk": "crosswalk",
}


def _sheet_kind(name: str) -> str | None:
    return _SHEET_KINDS.get(_plain(name))


def rename_headers(frame: pl.DataFrame, spec: CriteriaSet | None = None, *,
                   file: str | None = None) -> pl.DataFrame:
    """Headers given as labels → input names, Vietnamese relation headers → column names.

    A header equal (trimmed, case-insensitive) to an input's name, ``label.vi`` or
    ``label.en`` becomes that input's name; ``Mã``, ``Tên``, ``Gia đình``, ``Đơn vị``,
    ``Cộng đồng``, ``Dòng họ``, ``Địa bàn``, ``Người lao động`` become ``id``, ``name``,
    ``family``, ``unit``, ``community``, ``clan``, ``area``, ``worker``. A label shared by two
    inputs maps to neither. Two headers that end up with one name raise `EvidenceError`
    (naming `file`, where the table came from, when given).
    """
    names: dict[str, str | None] = {}
    for name, header in RELATION_HEADERS.items():
        names[_fold(header)] = name
    if spec is not None:
        labelled: dict[str, str | None] = {}
        for name, given in spec.inputs.items():
            for text in (given.label.vi, given.label.en) if given.label else ():
                key = _fold(text)
                labelled[key] = name if labelled.get(key, name) == name else None
        names.update(labelled)
        names.update({_fold(name): name for name in spec.inputs})
    names.update({name: name for name in RELATION_HEADERS})
    return _rename(frame, names, file)


def _rename(frame: pl.DataFrame, names: Mapping[str, str | None],
            file: str | None) -> pl.DataFrame:
    mapping: dict[str, str] = {}
    for column in frame.columns:
        if column in (ROW, LINE):
            continue
        target = names.get(column) or names.get(_fold(column))
        if target is not None and target != column:
            mapping[column] = target
    if not mapping:
        return frame
    final: dict[str, str] = {}
    problems = []
    for column in frame.columns:
        name = mapping.get(column, column)
        if name in final:
            problems.append(Problem(
                "unreadable-evidence",
                (f"{file}: " if file else "")
                + f"columns {final[name]!r} and {column!r} both give {name!r}",
                hint="keep one of the two columns"))
        final[name] = column
    if problems:
        raise EvidenceError(problems)
    return frame.rename(mapping)


# --- reading ----------------------------------------------------------------------------

@dataclass
class _Marks:
    """What the cell values alone do not tell: merged ranges and cells holding errors."""

    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1 c1 r2 c2, 1-based
    errors: dict[tuple[int, int], str] = field(default_factory=dict)      # (row, col) → #N/A


def read_workbook(path: str | os.PathLike[str]) -> Dataset:
    """Read a data-entry workbook (.xlsx): unreadable workbooks raise `EvidenceError`, bad
    rows are kept as `RecordError`s (with their Excel row) for the evaluation to report."""
    file = Path(path)
    shown = str(path)
    if not file.is_file():
        raise EvidenceError([Problem("file-not-found", f"no such workbook: {shown!r}")])
    if file.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise EvidenceError([Problem(
            "unreadable-evidence", f"cannot read {shown!r} as a workbook",
            hint="save it as an Excel workbook (.xlsx)")])
    marks = _workbook_marks(file, shown)
    try:
        reader = fastexcel.read_excel(file)
        sheet_names = list(reader.sheet_names)
    except (fastexcel.FastExcelError, OSError, ValueError) as exc:
        raise _unreadable(shown, exc) from exc
    tables: dict[str, Table] = {}
    frames: dict[str, tuple[pl.DataFrame, dict[str, str]]] = {}
    errors: list[RecordError] = []
    problems: list[Problem] = []
    taken: dict[str, str] = {}
    for sheet_name in sheet_names:
        kind = _sheet_kind(sheet_name)
        where = f"{shown} [{sheet_name}]"
        try:
            sheet = reader.load_sheet(sheet_name, header_row=None, skip_rows=0,
                                      dtypes="string")
            grid = sheet.to_polars()
            first_column = min((c.absolute_index for c in sheet.available_columns()),
                               default=0)
            visible = sheet.visible == "visible"
        except (fastexcel.FastExcelError, ValueError) as exc:
            raise _unreadable(where, exc) from exc
        if kind is None:
            if visible and not _ignorable(sheet_name) and _has_cells(grid):
                problems.append(Problem(
                    "unreadable-evidence", f"{where}: unknown sheet",
                    hint="name sheets after the model they hold: "
                         f"{', '.join(MODEL_SHEETS.values())}, {AREAS_SHEET}, "
                         f"{CROSSWALK_SHEET} (or citizen, family, clan, community, unit, "
                         "areas, crosswalk); notes go in sheets whose name starts with _"))
            continue
        if kind in taken:
            problems.append(Problem("unreadable-evidence",
                                    f"{where}: a second sheet for {kind!r} (first: "
                                    f"{taken[kind]!r})"))
            continue
        taken[kind] = sheet_name
        headers = _headers_for(kind)
        try:
            read = _read_grid(grid, first_column, marks.get(sheet_name, _Marks()), where,
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
        raise EvidenceError([Problem(
            "unreadable-evidence", f"no subject records in {shown!r}",
            hint=f"fill in at least one of the sheets {', '.join(MODEL_SHEETS.values())}")])
    areas = areas_file = None
    if "areas" in frames:
        areas_file = f"{shown} [{taken['areas']}]"
        areas, area_errors = _type_areas(_area_levels(frames["areas"][0]), areas_file,
                                         frames["areas"][1])
        errors += area_errors
    crosswalk = _crosswalk(frames["crosswalk"][0]) if "crosswalk" in frames else None
    return Dataset(tables, areas, crosswalk, tuple(errors), areas_file)


def _unreadable(where: str, exc: Exception) -> EvidenceError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return EvidenceError([Problem("unreadable-evidence",
                                  f"cannot read {where!r} as an Excel workbook: {reason}",
                                  hint="open it in Excel or LibreOffice and save it as .xlsx")])


def _ignorable(sheet_name: str) -> bool:
    return sheet_name.startswith(("_", MARKER)) or _plain(sheet_name) in _IGNORED_SHEETS


def _has_cells(grid: pl.DataFrame) -> bool:
    return grid.height > 0 and grid.width > 0 and \
        bool(grid.select(pl.any_horizontal(pl.all().is_not_null()).any()).item())


def _headers_for(kind: str) -> dict[str, str | None]:
    """Folded header → column name, for the sheets whose columns are fixed."""
    pairs = {"areas": AREA_HEADERS, "crosswalk": CROSSWALK_HEADERS}.get(kind, RELATION_HEADERS)
    names: dict[str, str | None] = dict(_AREA_ALIASES) if kind == "areas" else {}
    names.update({_fold(header): name for name, header in pairs.items()})
    names.update({name: name for name in pairs})
    return names


def _read_grid(grid: pl.DataFrame, first_column: int, marks: _Marks, where: str,
               headers: Mapping[str, str | None],
               ) -> tuple[pl.DataFrame, list[RecordError], dict[str, str]] | None:
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
    grid, bad_rows = _apply_marks(grid, first_column, marks, top, where)
    header = [grid[c][top] for c in grid.columns]
    keep, names = _header_columns(grid, header, top, first_column, where, headers)
    if not keep:
        return None
    if len(keep) > MAX_COLUMNS:
        raise EvidenceError([Problem(
            "too-large", f"{where}: the header has {len(keep):,} columns; at most "
            f"{MAX_COLUMNS:,} are read", hint="a sheet has one column per input of the "
            "criteria set; check that this is the right sheet")])
    places = {name: f"column {_letter(first_column + k)} {' '.join(str(header[k]).split())!r}"
              for k, name in zip(keep, names, strict=True)}
    start = top + 1
    lead = grid.columns[keep[0]]
    while start < grid.height and (grid[lead][start] or "").startswith(MARKER):
        start += 1                               # the explanation row(s)
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
            message += f" ({places[name]})"
        errors.append(RecordError(ident, row, "invalid-record", message, name, where, row))
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
        cell = f"{_letter(first_column + k)}{top + 1}"
        if text is None:
            if grid.slice(top + 1)[grid.columns[k]].is_not_null().any():
                problems.append(Problem("unreadable-evidence",
                                        f"{where}: column {_letter(first_column + k)} has "
                                        f"values but no header (cell {cell} is empty)"))
            continue
        title = " ".join(text.split())
        name = headers.get(title) or headers.get(_fold(title)) or title
        if name in (ROW, LINE):
            problems.append(Problem("unreadable-evidence",
                                    f"{where}: the header {title!r} (cell {cell}) is reserved"))
            continue
        key = _fold(name)
        if key in seen:
            problems.append(Problem("unreadable-evidence",
                                    f"{where}: column {title!r} (cell {cell}) appears twice "
                                    f"in the header (first in {seen[key]})",
                                    hint="give every column its own header"))
            continue
        seen[key] = cell
        keep.append(k)
        names.append(name)
    if problems:
        raise EvidenceError(problems)
    return keep, names


def _apply_marks(grid: pl.DataFrame, first_column: int, marks: _Marks, top: int, where: str,
                 ) -> tuple[pl.DataFrame, dict[int, tuple[int, str]]]:
    """Fill merged-down cells; rows with cells merged across columns, or holding an Excel
    error, are returned as Excel row → (grid column, reason)."""
    bad: dict[int, tuple[int, str]] = {}
    problems = []
    patches: dict[int, dict[int, str | None]] = {}
    covered = sum(min(r2, grid.height) - r1 + 1 for r1, _, r2, _ in marks.merges
                  if r1 <= grid.height)
    if covered > MAX_MERGED_ROWS:
        raise EvidenceError([Problem(
            "too-large", f"{where}: merged cells cover more than {MAX_MERGED_ROWS:,} rows",
            hint="unmerge the cells (select all, then Merge & Center → Unmerge Cells)")])
    for r1, c1, r2, c2 in marks.merges:
        ref = f"{_letter(c1 - 1)}{r1}:{_letter(c2 - 1)}{r2}"
        k1, k2 = c1 - 1 - first_column, c2 - 1 - first_column
        if r1 > grid.height or k2 < 0 or k1 >= grid.width:
            continue
        if c2 > c1 and r1 <= top + 1 <= r2:
            problems.append(Problem("unreadable-evidence",
                                    f"{where}: the header cells {ref} are merged",
                                    hint="unmerge them and give every column its own header"))
        elif c2 > c1:
            for row in range(max(r1, top + 2), min(r2, grid.height) + 1):
                bad.setdefault(row, (max(k1, 0), f"cells {ref} are merged across columns; "
                                                 "unmerge them and fill in every cell"))
        elif r2 > r1 and r1 > top + 1:
            value = grid[grid.columns[k1]][r1 - 1]
            column = patches.setdefault(k1, {})
            for row in range(r1 + 1, min(r2, grid.height) + 1):
                column[row - 1] = value
    if problems:
        raise EvidenceError(problems)
    for (row, col), value in sorted(marks.errors.items()):
        k = col - 1 - first_column
        if 0 <= k < grid.width and row <= grid.height:
            bad.setdefault(row, (k, f"cell {_letter(col - 1)}{row} holds the Excel error "
                                    f"{value or '#VALUE!'}; correct the formula or the value"))
    if patches:
        columns = []
        for k, name in enumerate(grid.columns):
            if k not in patches:
                columns.append(grid[name])
                continue
            values = grid[name].to_list()
            for index, value in patches[k].items():
                values[index] = value
            columns.append(pl.Series(name, values, dtype=pl.String))
        grid = pl.DataFrame(columns)
    return grid, bad


def _letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})'
                    rb'(\d+))?"')
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\bt="e"[^>]*>')
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_VALUE = re.compile(rb'<(?:\w+:)?v>([^<]{0,40})</')


def _workbook_marks(file: Path, shown: str) -> dict[str, _Marks]:
    """Merged ranges and error cells of every sheet, read from the workbook's XML parts."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
                raise EvidenceError([Problem(
                    "too-large", f"{shown!r} unpacks to more than "
                    f"{MAX_UNCOMPRESSED // 2**20} MiB", hint="split the workbook")])
            names = {i.filename for i in infos}
            sheets = _sheet_parts(archive, names)
            marks = {}
            for sheet, part in sheets.items():
                if part in names:
                    marks[sheet] = _scan_sheet(archive.read(part))
            return marks
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError,
            NotImplementedError, RuntimeError) as exc:
        raise EvidenceError([Problem(
            "unreadable-evidence", f"cannot read {shown!r}: not an Excel workbook (.xlsx)",
            hint="open it in Excel or LibreOffice and save it as .xlsx")]) from exc


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → the zip member holding its cells."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        raise KeyError("xl/workbook.xml")
    workbook = _parse_part(archive, "xl/workbook.xml")
    rels = _parse_part(archive, "xl/_rels/workbook.xml.rels")
    targets = {}
    for rel in rels.iter():
        if _local(rel.tag) == "Relationship":
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else \
                str(PurePosixPath("xl", target))
            targets[rel.get("Id", "")] = _normalise_part(path)
    parts = {}
    for sheet in workbook.iter():
        if _local(sheet.tag) == "sheet":
            rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), "")
            if sheet.get("name") is not None and rid in targets:
                parts[str(sheet.get("name"))] = targets[rid]
    return parts


def _parse_part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    if archive.getinfo(name).file_size > MAX_PART:
        raise RuntimeError(f"{name} is too large")
    try:
        return ElementTree.fromstring(archive.read(name))
    except ElementTree.ParseError as exc:
        raise RuntimeError(f"{name}: {exc}") from exc


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _normalise_part(path: str) -> str:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _scan_sheet(xml: bytes) -> _Marks:
    marks = _Marks()
    for m in _MERGE.finditer(xml):
        c1, r1 = _column_number(m[1].decode()), int(m[2])
        c2, r2 = (_column_number(m[3].decode()), int(m[4])) if m[3] else (c1, r1)
        if (r1, c1) != (r2, c2):
            marks.merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    if b't="e"' in xml:
        for m in _ERROR_CELL.finditer(xml):
            ref = _REF.search(m[0])
            if ref is None:
                continue
            value = _VALUE.search(xml, m.end(), m.end() + 400)
            marks.errors[(int(ref[2]), _column_number(ref[1].decode()))] = \
                value[1].decode("utf-8", "replace") if value else ""
    return marks


def _area_levels(frame: pl.DataFrame) -> pl.DataFrame:
    """Vietnamese level words (tỉnh, xã, phường, thôn, tổ dân phố, …) → level ids."""
    if "level" not in frame.columns:
        return frame
    words = {**LEVEL_WORDS, **{v: v for v in LEVEL_WORDS.values()}}
    folded = pl.col("level").str.strip_chars().str.to_lowercase()
    return frame.with_columns(folded.replace_strict(words, default=pl.col("level"))
                              .alias("level"))


def _crosswalk(frame: pl.DataFrame) -> pl.DataFrame:
    """Trim codes; a date cell reads as 'YYYY-MM-DD 00:00:00' — keep the date."""
    trimmed = [pl.col(c).str.strip_chars() for c in ("old_code", "new_code", "since")
               if c in frame.columns]
    frame = frame.with_columns(trimmed)
    if "since" in frame.columns:
        frame = frame.with_columns(
            pl.col("since").str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00$", "$1"))
    return frame


# --- the template -----------------------------------------------------------------------

def template_sets(catalog: Catalog, year: int) -> dict[str, CriteriaSet]:
    """The set in force in `year` for every model that has one, in the usual model order."""
    models = sorted({e.model for e in catalog.entries() if year in e.years},
                    key=lambda m: (list(MODEL_SHEETS).index(m) if m in MODEL_SHEETS else 99, m))
    if not models:
        raise LearningModelsError(f"no criteria set is in force in {year}")
    return {model: catalog.for_year(model, year) for model in models}


_TYPE_WORDS = {"integer": "Số nguyên", "number": "Số", "boolean": "Có/Không",
               "string": "Văn bản", "enum": "Chọn một"}
_WHERE_WORDS = {"any": "", "evaluated": " đã đánh giá", "recognised": " được công nhận",
                "not_recognised": " không được công nhận",
                "incomplete": " chưa đủ minh chứng"}
_COUNTED = {"citizen": "công dân", "family": "gia đình", "clan": "dòng họ",
            "community": "cộng đồng", "unit": "đơn vị"}
_RELATION_NOTES = {
    "id": "Mã định danh, bắt buộc, không trùng",
    "name": "Tên (không bắt buộc)",
    "family": "Mã gia đình (sheet Gia đình)",
    "unit": "Mã đơn vị nơi làm việc (sheet Đơn vị)",
    "community": "Mã thôn, tổ dân phố (sheet Cộng đồng)",
    "clan": "Mã dòng họ (sheet Dòng họ)",
    "area": "Mã địa bàn (sheet Địa bàn)",
    "worker": "Người lao động: Có/Không",
}
_AREA_NOTES = {
    "code": "Mã địa bàn, không trùng (ví dụ mã thống kê 01840)",
    "name": "Tên địa bàn",
    "level": "Cấp: quốc gia, tỉnh, huyện, xã (cả phường, thị trấn), thôn (cả tổ dân phố)",
    "parent": "Mã địa bàn cấp trên",
    **{t: "Tổng số (mẫu số của tỷ lệ), số nguyên ≥ 0" for t in AREA_TOTALS},
}


@dataclass(frozen=True)
class _Column:
    name: str
    header: str
    note: str
    kind: str                    # text, boolean, integer, number, enum, level
    spec: InputSpec | None = None
    prompt: str | None = None    # shown when a cell of the column is selected


def write_template(path: str | os.PathLike[str], sets: Mapping[str, CriteriaSet] |
                   Iterable[CriteriaSet], *, year: int | None = None) -> Path:
    """Write the empty data-entry workbook for `sets`: one sheet per model, Địa bàn, and a
    guide; Vietnamese headers, an explanation row, drop-downs and bounds checks."""
    import xlsxwriter  # the writer is needed only here

    chosen = list(sets.values()) if isinstance(sets, Mapping) else list(sets)
    target = Path(path)
    book = xlsxwriter.Workbook(str(target))
    styles = _styles(book)
    lists = _Lists(book)
    _write_guide(book, styles, chosen, year)
    for spec in chosen:
        sheet = book.add_worksheet(MODEL_SHEETS.get(spec.model, spec.model)[:31])
        _write_sheet(sheet, styles, lists, _model_columns(spec))
    areas = book.add_worksheet(AREAS_SHEET)
    _write_sheet(areas, styles, lists, _area_columns())
    try:
        book.close()
    except Exception as exc:  # XlsxWriter's FileCreateError and OS errors
        raise LearningModelsError(f"cannot write {str(path)!r}: {exc}") from exc
    return target


def _styles(book: Any) -> dict[str, Any]:
    return {
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "vcenter",
                                   "bg_color": "#DDEBF7", "border": 1}),
        "note": book.add_format({"italic": True, "font_color": "#595959", "text_wrap": True,
                                 "valign": "top", "bg_color": "#F2F2F2", "border": 1}),
        "text": book.add_format({"num_format": "@"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
        "bold": book.add_format({"bold": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }


class _Lists:
    """Drop-down values that cannot be written inline (Excel allows 255 characters)."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._sheet: Any = None
        self._column = 0

    def source(self, values: Sequence[str]) -> str | list[str]:
        """The list inline, or a range of the hidden sheet when it is too long or a value
        holds a comma or a quote (an inline list is comma-separated)."""
        if len(",".join(values)) <= 250 and not any("," in v or '"' in v for v in values):
            return list(values)
        if self._sheet is None:
            self._sheet = self._book.add_worksheet(LISTS_SHEET)
            self._sheet.hide()
        for row, value in enumerate(values):
            self._sheet.write_string(row, self._column, value)
        letter = _letter(self._column)
        self._column += 1
        return f"='{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"


def _model_columns(spec: CriteriaSet) -> list[_Column]:
    columns = [_Column("id", RELATION_HEADERS["id"], _RELATION_NOTES["id"], "text"),
               _Column("name", RELATION_HEADERS["name"], _RELATION_NOTES["name"], "text")]
    for name in (*RELATIONS.get(spec.model, {}), "area"):
        columns.append(_Column(name, RELATION_HEADERS[name], _RELATION_NOTES[name], "text"))
    if spec.model == "citizen":
        columns.append(_Column("worker", RELATION_HEADERS["worker"], _RELATION_NOTES["worker"],
                               "boolean"))
    taken = {_fold(c.header) for c in columns}
    labels = [_fold(s.label.vi) for s in spec.inputs.values() if s.label]
    for name, given in spec.inputs.items():
        header = given.label.vi if given.label else name
        if _fold(header) in taken or labels.count(_fold(header)) > 1:
            header = name  # a label that would be ambiguous: the name is always understood
        taken.add(_fold(header))
        columns.append(_Column(name, header, _input_note(given), given.type, given,
                               _prompt(given)))
    return columns


def _area_columns() -> list[_Column]:
    return [_Column(name, header, _AREA_NOTES[name],
                    "level" if name == "level" else "integer" if name in AREA_TOTALS
                    else "text")
            for name, header in AREA_HEADERS.items()]


def _prompt(spec: InputSpec) -> str:
    text = (spec.description or "").strip()
    note = _input_note(spec, description=False)
    return f"{text}\n{note}" if text and not _looks_vietnamese(text) else _input_note(spec)


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _looks_vietnamese(text: str) -> bool:
    """Whether a set's free-text description is Vietnamese (it has letters with marks)."""
    return any(unicodedata.combining(ch) or ch in "đĐ"
               for ch in unicodedata.normalize("NFD", text))


def _input_note(spec: InputSpec, *, description: bool = True) -> str:
    """Type, bounds and derivation in Vietnamese; the set's description first when it is
    in Vietnamese (the row is Vietnamese; other descriptions go in the cell prompt)."""
    text = (spec.description or "").strip().rstrip(".")
    parts = [text] if text and description and _looks_vietnamese(text) else []
    kind = _TYPE_WORDS[spec.type]
    if spec.type == "enum":  # the Vietnamese labels, as the drop-down offers them
        kind += ": " + ", ".join(spec.value_labels("vi"))
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None:
        kind += f" từ {_number(low)} đến {_number(high)}"
    elif low is not None:
        kind += f" ≥ {_number(low)}"
    elif high is not None:
        kind += f" ≤ {_number(high)}"
    parts.append(kind)
    if spec.required:
        parts.append("bắt buộc")
    if spec.from_ is not None:
        what = _COUNTED.get(spec.from_.count, spec.from_.count)
        sheet = MODEL_SHEETS.get(spec.from_.count, spec.from_.count)
        parts.append(f"tự đếm số {what}{_WHERE_WORDS[spec.from_.where]} từ sheet {sheet} "
                     + ("(số ghi ở đây được ưu tiên)" if spec.from_.prefer == "data"
                        else "khi sheet đó có dữ liệu"))
    return "; ".join(parts)


def _write_sheet(sheet: Any, styles: Mapping[str, Any], lists: _Lists,
                 columns: Sequence[_Column]) -> None:
    last_row = 1_048_575
    lines = {0: 2, 1: 3}
    for k, column in enumerate(columns):
        note = column.note if k else f"{MARKER} {column.note}"
        width = min(max(len(column.header) + 3, 12, min(len(note) // 3, 30)), 40)
        lines[0] = max(lines[0], math.ceil(len(column.header) * 1.1 / width))
        lines[1] = max(lines[1], math.ceil(len(note) * 1.1 / width))
        text = column.kind in ("text", "enum", "string", "level")
        sheet.set_column(k, k, width, styles["text"] if text else None)
        sheet.write_string(0, k, column.header, styles["header"])
        sheet.write_string(1, k, note, styles["note"])
        rule = _validation(column, lists)
        if rule is not None:
            rule["input_title"] = column.header[:32]
            rule["input_message"] = (column.prompt or column.note)[:255]
            sheet.data_validation(2, k, last_row, k, rule)
    sheet.set_row(0, 15 * min(lines[0], 6))
    sheet.set_row(1, 15 * min(lines[1], 8))
    sheet.freeze_panes(2, 1)


def _validation(column: _Column, lists: _Lists) -> dict[str, Any] | None:
    spec = column.spec
    if column.kind == "boolean":
        return {"validate": "list", "source": ["Có", "Không"],
                "error_title": "Có hoặc Không", "error_message": "Chọn Có hoặc Không."}
    if column.kind == "level":
        return {"validate": "list", "source": list(_TEMPLATE_LEVELS),
                "error_title": "Cấp địa bàn", "error_message": "Chọn một cấp trong danh sách."}
    if column.kind == "enum" and spec is not None and spec.values:
        labels = spec.value_labels("vi")
        return {"validate": "list", "source": lists.source(labels),
                "error_title": "Giá trị không hợp lệ",
                "error_message": ("Chọn một giá trị: " + ", ".join(labels))[:255]}
    if column.kind not in ("integer", "number"):
        return None
    whole = column.kind == "integer"
    low = spec.minimum if spec is not None else 0.0
    high = spec.maximum if spec is not None else None
    rule: dict[str, Any] = {"validate": "integer" if whole else "decimal",
                            "error_title": "Số không hợp lệ"}
    def bound(value: float, up: bool) -> float | int:
        if not whole:
            return int(value) if float(value).is_integer() else value
        return math.ceil(value) if up else math.floor(value)

    if low is not None and high is not None:
        rule.update(criteria="between", minimum=bound(low, True), maximum=bound(high, False))
        words = f"từ {_number(low)} đến {_number(high)}"
    elif low is not None:
        rule.update(criteria=">=", value=bound(low, True))
        words = f"≥ {_number(low)}"
    elif high is not None:
        rule.update(criteria="<=", value=bound(high, False))
        words = f"≤ {_number(high)}"
    else:
        rule.update(criteria="between", minimum=-10**12, maximum=10**12)
        words = ""
    kind = "một số nguyên" if whole else "một số"
    rule["error_message"] = f"Nhập {kind} {words}".strip() + "."
    return rule


def _write_guide(book: Any, styles: Mapping[str, Any], sets: Sequence[CriteriaSet],
                 year: int | None) -> None:
    sheet = book.add_worksheet(GUIDE_SHEET)
    sheet.set_column(0, 0, 110, styles["wrap"])
    title = "Mẫu nhập liệu minh chứng — mô hình học tập (Chương trình 387)"
    sheet.write_string(0, 0, title + (f", năm {year}" if year else ""), styles["title"])
    lines = [
        "Mỗi sheet là một loại đối tượng: "
        + ", ".join(MODEL_SHEETS.get(s.model, s.model) for s in sets)
        + f"; sheet {AREAS_SHEET} là danh sách địa bàn (tỉnh, xã, thôn…) và tổng số hộ.",
        "Dòng 1 là tên cột; dòng 2 (bắt đầu bằng #) giải thích cột — đừng xóa hai dòng này. "
        "Nhập dữ liệu từ dòng 3, mỗi đối tượng một dòng.",
        "Cột Mã: mỗi đối tượng một mã không trùng. Quan hệ ghi bằng mã: cột Gia đình của "
        "công dân ghi mã gia đình, cột Cộng đồng của gia đình ghi mã thôn, tổ dân phố…",
        "Cột Có/Không: chọn trong danh sách. Cột số: chỉ nhập số trong giới hạn đã ghi.",
        "Ô để trống nghĩa là chưa có minh chứng: đối tượng đó được xếp “chưa đủ minh chứng”, "
        "không bị coi là không đạt.",
        "Sheet không dùng có thể để trống. Ghi chú riêng đặt trong sheet có tên bắt đầu "
        "bằng dấu _ .",
        "",
        "Bộ tiêu chí áp dụng:",
    ]
    lines += [f"• {s.title.vi} — mã bộ tiêu chí {s.id}" for s in sets]
    for row, line in enumerate(lines, start=2):
        sheet.write_string(row, 0, line, styles["bold"] if line.endswith(":") else None)
