"""Merged ranges and error cells of a legacy Excel workbook (.xls, BIFF), as `Marks`.

fastexcel reads an .xls's values; the merged ranges and the cells holding an error come
from xlrd, which reads the BIFF records that say them (``MERGEDCELLS``, error cells). The
file is read once, whole (an .xls is at most 65,536 rows a sheet), after a size check.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import xlrd

from ..._documents import say
from ...errors import EvidenceError, Problem
from .marks import MAX_UNCOMPRESSED, Marks, workbook_too_large

__all__ = ["xls_marks"]


def xls_marks(file: Path, shown: str) -> dict[str, Marks]:
    """Sheet name → its merged ranges and error cells."""
    if file.stat().st_size > MAX_UNCOMPRESSED:
        raise workbook_too_large(shown, MAX_UNCOMPRESSED, unpacked=False)
    try:
        # xlrd writes its warnings (in English) to standard output unless told where
        book = xlrd.open_workbook(str(file), formatting_info=True, on_demand=True,
                                  logfile=io.StringIO())
        try:   # (on demand: a sheet's records are read, and may be damaged, here)
            return {name: _sheet_marks(book.sheet_by_name(name))
                    for name in book.sheet_names()}
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
