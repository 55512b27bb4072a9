"""A legacy Excel workbook (.xls, BIFF) read whole by xlrd: each sheet's cells as text (as
fastexcel writes them, `excel.cells_xls`), its merged ranges and its error cells (`Marks`).

fastexcel never reads an .xls: its reader trusts the sizes a damaged file declares, and one
wrong byte can make it ask for hundreds of gigabytes — the process is ended by the system,
where no error can be caught. xlrd reads the BIFF records in Python, each checked, and the
file is read once, whole (an .xls is at most 65,536 rows by 256 columns a sheet), after a
size check.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import polars as pl
import xlrd

from ..._documents import say
from ...errors import EvidenceError, Problem
from .cells_xls import cell_text
from .marks import MAX_UNCOMPRESSED, Marks, workbook_too_large
from .sheets import SheetGrid

__all__ = ["read_xls"]

#: The kinds of cell that hold nothing.
_EMPTY = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)


def read_xls(file: Path, shown: str) -> tuple[dict[str, Marks], list[SheetGrid]]:
    """Sheet name → its merged ranges and error cells; and the sheets, in their order."""
    if file.stat().st_size > MAX_UNCOMPRESSED:
        raise workbook_too_large(shown, MAX_UNCOMPRESSED, unpacked=False)
    try:
        # xlrd writes its warnings (in English) to standard output unless told where
        # (ragged rows: a row holds its cells up to its last one, not the widest row's)
        book = xlrd.open_workbook(str(file), formatting_info=True, on_demand=True,
                                  ragged_rows=True, logfile=io.StringIO())
        try:   # (on demand: a sheet's records are read, and may be damaged, here)
            sheets = [book.sheet_by_index(k) for k in range(book.nsheets)]
            return ({sheet.name: _sheet_marks(sheet) for sheet in sheets},
                    [_sheet_grid(sheet, book.datemode) for sheet in sheets])
        finally:
            book.release_resources()
    except _DAMAGED as exc:
        raise EvidenceError([Problem.of("unreadable-evidence", say("not-xls", name=shown),
                                        hint=say("workbook-save-xlsx"))]) from exc


#: What xlrd raises for a file that is not a whole legacy workbook: its own errors, those
#: of the compound document around the workbook, and those of the records it unpacks (a
#: record cut short, an index or a code page that does not exist, a sector chain that
#: leads nowhere: TypeError, a number out of range: OverflowError).
_DAMAGED = (xlrd.XLRDError, xlrd.compdoc.CompDocError, struct.error, LookupError, OSError,
            EOFError, ValueError, AssertionError, TypeError, ArithmeticError)


def _sheet_marks(sheet: xlrd.sheet.Sheet) -> Marks:
    marks = Marks()
    for r1, r2, c1, c2 in sheet.merged_cells:   # 0-based, the ends excluded
        if r2 - r1 > 1 or c2 - c1 > 1:
            marks.merges.append((r1 + 1, c1 + 1, r2, c2))
    for r in range(sheet.nrows):
        for c, kind in enumerate(sheet.row_types(r)):
            if kind == xlrd.XL_CELL_ERROR:
                code = sheet.cell_value(r, c)
                marks.errors[(r + 1, c + 1)] = xlrd.error_text_from_code.get(code, "")
    return marks


def _sheet_grid(sheet: xlrd.sheet.Sheet, datemode: int) -> SheetGrid:
    """The sheet's cells as text, from its first row to its last filled one and from its
    first filled column to its last (as fastexcel gives a sheet); only the filled cells
    are held in Python (a sheet with one cell in IV65536 is 16 million cells)."""
    filled: dict[int, tuple[list[int], list[str | None]]] = {}
    height = 0
    for r in range(sheet.nrows):
        for c, (kind, value) in enumerate(zip(sheet.row_types(r), sheet.row_values(r),
                                              strict=True)):
            if kind not in _EMPTY:
                rows, texts = filled.setdefault(c, ([], []))
                rows.append(r)
                texts.append(str(value) if kind == xlrd.XL_CELL_TEXT
                             else cell_text(kind, value, datemode))
                height = r + 1
    visible = sheet.visibility == 0
    if not filled:
        return SheetGrid(sheet.name, pl.DataFrame(), 0, visible)
    first = min(filled)
    columns = []
    for k in range(max(filled) + 1 - first):
        empty = pl.repeat(None, height, dtype=pl.String, eager=True).alias(f"column_{k}")
        rows, texts = filled.get(first + k, ([], []))
        columns.append(empty.scatter(rows, pl.Series(texts, dtype=pl.String)) if rows
                       else empty)
    return SheetGrid(sheet.name, pl.DataFrame(columns), first, visible)
