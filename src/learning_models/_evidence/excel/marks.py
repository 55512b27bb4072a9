"""What a sheet's cell values alone do not tell: merged ranges and cells holding errors.

fastexcel reads values only, so the merged ranges and error cells (``#DIV/0!``, ``#N/A``)
are found by scanning the workbook's XML parts (`workbook_marks`, with limits, since a zip
bomb is not a workbook), then applied to a sheet's grid (`apply_marks`): cells merged down
one column hold their value in every row they cover; rows with cells merged across columns,
or holding an error, are rejected with a reason.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import polars as pl

from ..._documents import Message, Number, say, verbatim
from ...errors import EvidenceError, Problem
from .layout import column_letter

__all__ = ["MAX_MERGED_ROWS", "MAX_PART", "MAX_UNCOMPRESSED", "Marks", "apply_marks",
           "check_archive", "workbook_marks", "workbook_too_large"]

#: Uncompressed size above which a workbook is refused (a zip bomb is not a workbook).
MAX_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_PART = 16 * 1024 * 1024   # workbook.xml and its relations: small parts
MAX_MERGED_ROWS = 2_000_000   # rows covered by merged ranges, summed over the ranges


@dataclass
class Marks:
    """The merged ranges and the error cells of one sheet."""

    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1 c1 r2 c2, 1-based
    errors: dict[tuple[int, int], str] = field(default_factory=dict)      # (row, col) → #N/A


def apply_marks(grid: pl.DataFrame, first_column: int, marks: Marks, top: int, where: str,
                ) -> tuple[pl.DataFrame, dict[int, tuple[int, Message]]]:
    """Fill merged-down cells; rows with cells merged across columns, or holding an Excel
    error, are returned as Excel row → (grid column, reason)."""
    bad: dict[int, tuple[int, Message]] = {}
    problems = []
    patches: dict[int, dict[int, str | None]] = {}
    covered = sum(min(r2, grid.height) - r1 + 1 for r1, _, r2, _ in marks.merges
                  if r1 <= grid.height)
    if covered > MAX_MERGED_ROWS:
        raise EvidenceError([Problem.of(
            "too-large", say("merged-too-many", where=where, most=Number(MAX_MERGED_ROWS)),
            hint=say("merged-too-many-hint"))])
    for r1, c1, r2, c2 in marks.merges:
        ref = f"{column_letter(c1 - 1)}{r1}:{column_letter(c2 - 1)}{r2}"
        k1, k2 = c1 - 1 - first_column, c2 - 1 - first_column
        if r1 > grid.height or k2 < 0 or k1 >= grid.width:
            continue
        if c2 > c1 and r1 <= top + 1 <= r2:
            problems.append(Problem.of("unreadable-evidence",
                                       say("header-merged", where=where, ref=ref),
                                       hint=say("header-merged-hint")))
        elif c2 > c1:
            for row in range(max(r1, top + 2), min(r2, grid.height) + 1):
                bad.setdefault(row, (max(k1, 0), say("cells-merged", ref=ref)))
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
            cell = f"{column_letter(col - 1)}{row}"
            bad.setdefault(row, (k, say("cell-error", cell=cell, value=value or "#VALUE!")))
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


def workbook_marks(file: Path, shown: str) -> dict[str, Marks]:
    """Sheet name → its merged ranges and error cells, read from the workbook's XML parts."""
    try:
        with zipfile.ZipFile(file) as archive:
            check_archive(archive, file, shown)
            names = {i.filename for i in archive.infolist()}
            sheets = _sheet_parts(archive, names)
            marks = {}
            for sheet, part in sheets.items():
                if part in names:
                    marks[sheet] = _scan_sheet(archive.read(part))
            return marks
    # What `zipfile` raises for a file that is not a workbook: a broken archive, a truncated
    # one, a missing part, a compression method it does not support (NotImplementedError),
    # an encrypted member (RuntimeError), a damaged compressed part (zlib.error), a member
    # name marked UTF-8 that is not (UnicodeDecodeError, a ValueError).
    except zlib.error as exc:
        raise EvidenceError([Problem.of(
            "unreadable-evidence", say("workbook-damaged", name=shown, reason=verbatim(str(exc))),
            hint=say("workbook-damaged-hint"))]) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError,
            NotImplementedError, RuntimeError, ValueError) as exc:
        raise EvidenceError([Problem.of("unreadable-evidence", say("not-xlsx", name=shown),
                                        hint=say("workbook-save-xlsx"))]) from exc


def check_archive(archive: zipfile.ZipFile, file: Path, shown: str) -> None:
    """Refuse a workbook whose parts unpack to more than `MAX_UNCOMPRESSED` (too large), or
    one with a part that says it holds more packed bytes than the whole file (damaged, as
    `zipfile.BadZipFile`: a size that was never written, which a reader would believe and
    ask that much memory for)."""
    infos = archive.infolist()
    if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
        raise workbook_too_large(shown, MAX_UNCOMPRESSED)
    size = file.stat().st_size
    if any(i.compress_size > size for i in infos):
        raise zipfile.BadZipFile("a part is larger than the file holding it")


def workbook_too_large(shown: str, limit: int, *, unpacked: bool = True) -> EvidenceError:
    """The refusal of a workbook larger than `limit` bytes: its parts unpacked, or (not
    `unpacked`) the file itself."""
    message = "workbook-unpacks-large" if unpacked else "workbook-larger"
    return EvidenceError([Problem.of("too-large", say(message, name=shown, mib=limit // 2**20),
                                     hint=say("workbook-split"))])


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


def _scan_sheet(xml: bytes) -> Marks:
    marks = Marks()
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

