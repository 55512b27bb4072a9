"""Read evidence files (CSV, JSON, YAML, Parquet) into a table of raw records.

A file that cannot be read at all (missing, not UTF-8, not CSV/JSON/YAML) raises
`EvidenceError` with its position. A readable file with bad *records* never raises: each
bad record comes back as a `RecordError` and the rest are kept. Typing the values against a
criteria set happens later, in `_records`.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

from ._records import LINE, ROW, RecordError, records_to_frame
from ._yaml import YamlLimits, parse_yaml
from .errors import EvidenceError, Problem, Span

__all__ = ["EVIDENCE_SUFFIXES", "read_evidence"]

EVIDENCE_SUFFIXES = (".csv", ".json", ".yaml", ".yml", ".parquet")
MAX_TEXT_BYTES = 512 * 1024 * 1024
_YAML_LIMITS = YamlLimits(max_bytes=64 * 1024 * 1024, max_nodes=20_000_000)


def read_evidence(path: str | os.PathLike[str]) -> tuple[pl.DataFrame, list[RecordError]]:
    """The records of an evidence file as text columns (plus ``_row``/``_line``)."""
    file = Path(path)
    name = str(path)
    suffix = file.suffix.lower()
    if suffix not in EVIDENCE_SUFFIXES:
        raise EvidenceError([Problem(
            "unreadable-evidence", f"cannot read {name!r}: unknown kind of file {suffix!r}",
            hint="use .csv, .json, .yaml or .parquet")])
    if not file.is_file():
        raise EvidenceError([Problem("file-not-found", f"no such evidence file: {name!r}")])
    if suffix == ".parquet":
        return _read_parquet(file, name)
    data = file.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise EvidenceError([Problem("too-large", f"{name!r} is larger than "
                                     f"{MAX_TEXT_BYTES // 2**20} MiB; use Parquet",
                                     Span(name, 1, 1))])
    if suffix == ".csv":
        return _read_csv(_decode(data, name), name)
    if suffix == ".json":
        return _read_json(_decode(data, name), name)
    return _read_yaml(data, name)


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise EvidenceError([Problem(
            "not-utf8", f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
            Span(name, line, column), hint="save the file as UTF-8 (CSV UTF-8 in Excel)")]) \
            from exc


def _read_csv(text: str, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, None)
    except csv.Error as exc:
        raise EvidenceError([Problem("unreadable-evidence", f"not CSV: {exc}",
                                     Span(name, 1, 1))]) from exc
    if not header:
        raise EvidenceError([Problem("unreadable-evidence", "the CSV file has no header row",
                                     Span(name, 1, 1))])
    _check_header(header, name)
    columns: list[list[str | None]] = [[] for _ in header]
    positions: list[int] = []
    lines: list[int] = []
    errors: list[RecordError] = []
    n = 0
    while True:
        line = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            n += 1
            errors.append(RecordError(None, n, "invalid-record", f"not CSV: {exc}", None,
                                      name, line))
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank lines are layout, not records
        n += 1
        if len(row) != len(header):
            message = f"the row has {len(row)} fields, the header {len(header)}"
            if rows.line_num > line:  # a quote left open swallows the lines after it
                message += f"; it runs on to line {rows.line_num}: is a quote not closed?"
            errors.append(RecordError(_first_line(row[0]) if row else None, n,
                                      "invalid-record", message, None, name, line))
            continue
        for column, cell in zip(columns, row, strict=True):
            column.append(cell if cell.strip() else None)
        positions.append(n)
        lines.append(line)
    frame = pl.DataFrame({**dict(zip(header, columns, strict=True)), ROW: positions,
                          LINE: lines},
                         schema={**dict.fromkeys(header, pl.String), ROW: pl.Int64,
                                 LINE: pl.Int64})
    return frame, errors


def _first_line(cell: str) -> str:
    """A cell as an id in a message: its first line only (a quote left open can make a
    cell of many lines)."""
    lines = cell.splitlines()
    return lines[0] + "…" if lines and lines[0] != cell else cell


def _check_header(header: Sequence[str], name: str) -> None:
    problems = []
    seen: set[str] = set()
    for k, column in enumerate(header, start=1):
        if not column.strip():
            problems.append(Problem("unreadable-evidence", f"column {k} has no name",
                                    Span(name, 1, 1)))
        elif column in seen or column in (ROW, LINE):
            problems.append(Problem("unreadable-evidence",
                                    f"column {column!r} appears twice in the header",
                                    Span(name, 1, 1)))
        seen.add(column)
    if problems:
        raise EvidenceError(problems)


def _records_of(data: Any, name: str, span: Span) -> list[Any]:
    if isinstance(data, dict) and set(data) == {"records"}:
        data = data["records"]
    if not isinstance(data, list):
        raise EvidenceError([Problem("unreadable-evidence",
                                     "expected a list of records (or 'records: [...]')", span)])
    return data


def _read_json(text: str, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvidenceError([Problem("unreadable-evidence", f"not JSON: {exc.msg.lower()}",
                                     Span(name, exc.lineno, exc.colno))]) from exc
    except RecursionError as exc:
        raise EvidenceError([Problem("too-deep", "the JSON is nested too deeply",
                                     Span(name, 1, 1))]) from exc
    return records_to_frame(_records_of(data, name, Span(name, 1, 1)), file=name)


def _read_yaml(data: bytes, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    raw = parse_yaml(data, name, limits=_YAML_LIMITS, error=EvidenceError)
    records = _records_of(raw.data, name, Span(name, 1, 1))
    prefix: tuple[str | int, ...] = ("records",) if isinstance(raw.data, dict) else ()
    lines = [raw.source.locate((*prefix, k)).line for k in range(len(records))]
    return records_to_frame(records, file=name, lines=lines)


def _read_parquet(file: Path, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    try:
        frame = pl.read_parquet(file)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise EvidenceError([Problem("unreadable-evidence",
                                     f"cannot read Parquet file {name!r}: {exc}")]) from exc
    return frame, []
