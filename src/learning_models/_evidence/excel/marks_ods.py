"""Merged ranges and error cells of an OpenDocument spreadsheet (.ods), as `Marks`.

fastexcel reads an .ods's values like an .xlsx's; what it does not say, as for an .xlsx, is
where cells are merged and which hold an error. In ``content.xml`` a merged range is a cell
with ``table:number-rows-spanned`` / ``table:number-columns-spanned`` (the cells it covers are
``table:covered-table-cell``), and a formula that failed has ``calcext:value-type="error"``
with the error's text (``#DIV/0!``, ``Err:502``). Rows and cells may stand for many
(``number-rows-repeated``, ``number-columns-repeated``), so positions are counted, not
listed. The part is read as a stream, with the same size limit as an .xlsx.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from ..._documents import say
from ...errors import EvidenceError, Problem
from .marks import Marks, check_archive

__all__ = ["ods_marks"]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_CALC = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")


def ods_marks(file: Path, shown: str) -> dict[str, Marks]:
    """Sheet name → its merged ranges and error cells, read from ``content.xml``."""
    try:
        with zipfile.ZipFile(file) as archive:
            check_archive(archive, file, shown)
            with archive.open("content.xml") as content:
                return _scan(content)
    # What zipfile raises for a damaged or unusual archive: NotImplementedError for a
    # compression method it lacks, RuntimeError for a password, zlib.error for a damaged
    # compressed part; KeyError when there is no content.xml; UnicodeDecodeError (a
    # ValueError) for a member name marked UTF-8 that is not.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError,
            NotImplementedError, RuntimeError, zlib.error, ElementTree.ParseError,
            ValueError) as exc:
        raise EvidenceError([Problem.of("unreadable-evidence", say("not-ods", name=shown),
                                        hint=say("ods-save-xlsx"))]) from exc


def _scan(content: IO[bytes]) -> dict[str, Marks]:
    marks: dict[str, Marks] = {}
    sheet: Marks | None = None
    row = 0                                  # rows before the current one (0-based)
    col = 0
    for event, element in ElementTree.iterparse(content, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{{{_TABLE}}}table":
                sheet = marks.setdefault(element.get(f"{{{_TABLE}}}name", ""), Marks())
                row = 0
            elif tag == f"{{{_TABLE}}}table-row":
                col = 0
            continue
        if sheet is None:
            continue
        if tag in _CELLS:
            _cell(sheet, element, row + 1, col + 1)
            col += int(element.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
            element.clear()
        elif tag == f"{{{_TABLE}}}table-row":
            row += int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
            element.clear()
        elif tag == f"{{{_TABLE}}}table":
            sheet = None
    return marks


def _cell(sheet: Marks, cell: ElementTree.Element, row: int, col: int) -> None:
    """Record a cell's merge (a range of more than one cell) and its error, if any."""
    rows = int(cell.get(f"{{{_TABLE}}}number-rows-spanned", "1"))
    cols = int(cell.get(f"{{{_TABLE}}}number-columns-spanned", "1"))
    if rows > 1 or cols > 1:
        sheet.merges.append((row, col, row + rows - 1, col + cols - 1))
    if cell.get(f"{{{_CALC}}}value-type") == "error":
        text = "".join(p.text or "" for p in cell.iter(f"{{{_TEXT}}}p"))
        sheet.errors[(row, col)] = text[:40]
