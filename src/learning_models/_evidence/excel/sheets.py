"""A workbook's sheets as grids of text, one `SheetGrid` each, as `excel.read` reads them.

An .xlsx, .xlsm or .ods is read by fastexcel (`calamine_sheets`, a sheet at a time); an
.xls by xlrd (`excel.book_xls`), which gives the same text for the same cells: the Rust
reader behind fastexcel trusts the sizes a damaged .xls declares and can ask for hundreds of
gigabytes, which ends the process (and a service with it) where no error can be caught.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import fastexcel
import polars as pl

from ..._documents import say
from ...errors import EvidenceError, Problem

__all__ = ["SheetGrid", "calamine_sheets", "unreadable"]


@dataclass(frozen=True)
class SheetGrid:
    """One sheet: its cells as text (row k is Excel row k + 1; column k is the sheet's
    column `first_column` + k, 0-based), and whether it is shown."""

    name: str
    cells: pl.DataFrame
    first_column: int
    visible: bool


def calamine_sheets(file: Path, shown: str) -> Iterator[SheetGrid]:
    """The sheets of an .xlsx, .xlsm or .ods, read by fastexcel a sheet at a time."""
    try:
        reader = fastexcel.read_excel(file)
        names = list(reader.sheet_names)
    except (fastexcel.FastExcelError, OSError, ValueError) as exc:
        raise unreadable(shown, exc) from exc
    for name in names:
        try:
            sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            cells = sheet.to_polars()
            first_column = min((c.absolute_index for c in sheet.available_columns()),
                               default=0)
        except (fastexcel.FastExcelError, ValueError) as exc:
            raise unreadable(f"{shown} [{name}]", exc) from exc
        yield SheetGrid(name, cells, first_column, sheet.visible == "visible")


def unreadable(where: str, exc: Exception) -> EvidenceError:
    """A workbook (or a sheet) the reader could not read, with the reader's reason."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return EvidenceError([Problem.of("unreadable-evidence",
                                     say("workbook-unreadable", name=where, reason=reason),
                                     hint=say("workbook-save-xlsx"))])
