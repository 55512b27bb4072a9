"""Read evidence files (CSV, JSON, YAML, Parquet) into a table of raw records.

A file that cannot be read at all (missing, not UTF-8, not CSV/JSON/YAML) raises
`EvidenceError` with its position. A readable file with bad *records* never raises: each
bad record comes back as a `RecordError` and the rest are kept. Typing the values against a
criteria set happens later, in `records`. A JSON or YAML record that gives a key twice is
such a bad record (``duplicate-key``, with its line): which value was meant cannot be known.

CSV files come as spreadsheets save them: UTF-8 with or without a byte-order mark, or UTF-16
with one (Excel's "Unicode Text"); separated by commas, by semicolons (Excel in a Vietnamese
or European locale) or by tabs — the separator is the one the header line uses most, outside
quotes. Any other encoding is refused once, at its first bad byte, with what to do.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from .._documents import (
    DuplicateKey,
    Message,
    YamlLimits,
    check_path,
    int_from_text,
    parse_yaml,
    say,
)
from ..errors import EvidenceError, Problem, Span
from .frame_columns import plain_columns
from .records import LINE, ROW, RecordError, records_to_frame
from .text_lines import text_lines

__all__ = ["EVIDENCE_SUFFIXES", "read_evidence"]

EVIDENCE_SUFFIXES = (".csv", ".json", ".yaml", ".yml", ".parquet")
MAX_TEXT_BYTES = 512 * 1024 * 1024
#: A JSON document is parsed whole (its objects take several times its size in memory).
MAX_JSON_BYTES = 64 * 1024 * 1024
#: More columns than any set has inputs: a wider table is not evidence (or is turned on its
#: side), and each unknown column would reject every record.
MAX_COLUMNS = 1000
#: Rows of a CSV file turned into a Polars table at a time (bounds Python's share of memory).
CSV_CHUNK_ROWS = 50_000
SEPARATORS = (",", ";", "\t")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: YAML evidence is read by a parser written in Python (≈ 20–50 µs a value): it is for
#: small files; large ones are CSV or Parquet (docs/limits.md).
_YAML_LIMITS = YamlLimits(max_bytes=16 * 1024 * 1024, max_nodes=500_000)


def read_evidence(path: str | os.PathLike[str], *, display_name: str | None = None,
                  ) -> tuple[pl.DataFrame, list[RecordError]]:
    """The records of an evidence file as text columns (plus ``_row``/``_line``); problems
    name it `display_name` when given (``<stdin>``), else by its path."""
    check_path(path, "path")
    file = Path(path)
    name = display_name or str(path)
    suffix = file.suffix.lower()
    if suffix not in EVIDENCE_SUFFIXES:
        raise EvidenceError([Problem.of(
            "unreadable-evidence", say("evidence-kind", name=name, suffix=suffix),
            hint=say("evidence-kind-hint"))])
    if not file.is_file():
        raise EvidenceError([Problem.of("file-not-found", say("evidence-missing", name=name))])
    if suffix == ".parquet":
        frame, errors = _read_parquet(file, name)
    elif suffix == ".csv":  # read a piece at a time
        _check_size(file, name, MAX_TEXT_BYTES)
        frame, errors = _read_csv(text_lines(file, name, _refuse), name)
    elif suffix == ".json":  # one document, held whole while it is read
        _check_size(file, name, MAX_JSON_BYTES)
        frame, errors = _read_json(_decode(file.read_bytes(), name), name)
    else:
        _check_size(file, name, _YAML_LIMITS.max_bytes)
        frame, errors = _read_yaml(file.read_bytes(), name)
    _check_width(len([c for c in frame.columns if c not in (ROW, LINE)]), name)
    return frame, errors


def _check_size(file: Path, name: str, limit: int) -> None:
    if file.stat().st_size > limit:
        raise EvidenceError([Problem.of("too-large", say("evidence-too-large", name=name,
                                                         mib=limit // 2**20),
                                        Span(name, 1, 1))])


def _refuse(data: bytes, name: str) -> None:
    """Raise the located problem of a CSV file that is not text."""
    _decode(data, name, utf16=True)


def _check_width(columns: int, name: str) -> None:
    if columns > MAX_COLUMNS:
        raise EvidenceError([Problem(
            "too-large", f"the records have {columns:,} columns; at most {MAX_COLUMNS:,} are "
            "read", Span(name, 1, 1),
            hint="an evidence file has one column per input of the criteria set; check that "
                 "this is the right file and that rows and columns are not swapped")])


def _decode(data: bytes, name: str, *, utf16: bool = False) -> str:
    """The text of a file: UTF-8 (with or without a byte-order mark), or for CSV, UTF-16 with
    one (Excel's "Unicode Text"). Anything else is refused at its first bad byte."""
    if utf16 and data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EvidenceError([Problem.of(
                "not-utf8", say("utf16-broken", byte=exc.start + 2), Span(name, 1, 1),
                hint=say("save-as-utf8"))]) from exc
    nul = data.find(b"\x00")  # never in UTF-8 text: UTF-16 without its mark, or binary
    if nul >= 0:
        line, column = _position(data, nul)
        raise EvidenceError([Problem.of(
            "not-utf8", say("nul-byte", line=line, column=column), Span(name, line, column),
            hint=say("save-as-utf8"))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise EvidenceError([Problem.of(
            "not-utf8", say("not-utf8-byte", byte=f"{data[exc.start]:02x}", line=line,
                            column=column), Span(name, line, column),
            hint=say("save-as-utf8"))]) from exc


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters, a byte-order mark not counted) of byte
    `offset` of `data`."""
    if data.startswith(codecs.BOM_UTF8):
        data, offset = data[len(codecs.BOM_UTF8):], offset - len(codecs.BOM_UTF8)
    before = data[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def _separator(line: str) -> str:
    """The separator a CSV header line uses: the one of `SEPARATORS` that occurs most often
    outside double quotes (a comma when none does, or on a tie)."""
    outside = "".join(line.split('"')[::2])
    counts = [outside.count(sep) for sep in SEPARATORS]
    return SEPARATORS[counts.index(max(counts))]


def _read_csv(lines: Iterator[str], name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    first = next(lines, "")
    rows = csv.reader(itertools.chain([first], lines), delimiter=_separator(first))
    try:
        header = next(rows, None)
    except csv.Error as exc:
        raise EvidenceError([Problem.of("unreadable-evidence",
                                        say("not-csv", reason=_csv_reason(exc)),
                                        Span(name, 1, 1))]) from exc
    if not header:
        raise EvidenceError([Problem.of("unreadable-evidence", say("csv-no-header"),
                                        Span(name, 1, 1))])
    _check_width(len(header), name)
    _check_header(header, name)
    table = _Chunks(header)
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
            errors.append(RecordError.of(None, n, "invalid-record",
                                         say("not-csv", reason=_csv_reason(exc)), None, name,
                                         line))
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank lines are layout, not records
        n += 1
        if len(row) != len(header):
            message = say("row-width", fields=len(row), header=len(header))
            if rows.line_num > line:  # a quote left open swallows the lines after it
                message = message.plus(say("quote-open", line=rows.line_num))
            errors.append(RecordError.of(_first_line(row[0]) if row else None, n,
                                         "invalid-record", message, None, name, line))
            continue
        table.add(row, n, line)
    return table.frame(), errors


class _Chunks:
    """The records of a CSV file, kept as Polars tables of `CSV_CHUNK_ROWS` rows: Python
    holds the cells of one chunk at a time, not of the whole file."""

    def __init__(self, header: Sequence[str]) -> None:
        self.header = list(header)
        self.schema = {**dict.fromkeys(header, pl.String), ROW: pl.Int64, LINE: pl.Int64}
        self.parts: list[pl.DataFrame] = []
        self._clear()

    def _clear(self) -> None:
        self.columns: list[list[str | None]] = [[] for _ in self.header]
        self.positions: list[int] = []
        self.lines: list[int] = []

    def add(self, row: Sequence[str], position: int, line: int) -> None:
        for column, cell in zip(self.columns, row, strict=True):
            column.append(cell if cell.strip() else None)
        self.positions.append(position)
        self.lines.append(line)
        if len(self.positions) >= CSV_CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        self.parts.append(pl.DataFrame(
            {**dict(zip(self.header, self.columns, strict=True)), ROW: self.positions,
             LINE: self.lines}, schema=self.schema))
        self._clear()

    def frame(self) -> pl.DataFrame:
        if self.positions or not self.parts:
            self._flush()
        return self.parts[0] if len(self.parts) == 1 else pl.concat(self.parts, rechunk=False)


def _csv_reason(exc: csv.Error) -> str:
    reason = str(exc)
    if reason.startswith("field larger than field limit"):
        return (f"a value longer than {csv.field_size_limit():,} characters; is a quote not "
                "closed?")
    return reason


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
            problems.append(Problem.of("unreadable-evidence", say("column-no-name", number=k),
                                       Span(name, 1, 1)))
        elif column in seen or column in (ROW, LINE):
            problems.append(Problem.of("unreadable-evidence", say("column-twice", column=column),
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
        data = json.loads(text, object_pairs_hook=_json_object, parse_int=int_from_text)
    except json.JSONDecodeError as exc:
        raise EvidenceError([Problem("unreadable-evidence", f"not JSON: {exc.msg.lower()}",
                                     Span(name, exc.lineno, exc.colno))]) from exc
    except RecursionError as exc:
        raise EvidenceError([Problem("too-deep", "the JSON is nested too deeply",
                                     Span(name, 1, 1))]) from exc
    if isinstance(data, _Twice):  # e.g. "records" twice: not one record's problem
        raise EvidenceError([Problem("duplicate-key", f"duplicate key {data.twice[0]!r}",
                                     Span(name, 1, 1), hint="keep one")])
    records = _records_of(data, name, Span(name, 1, 1))
    twice = {k: record.twice for k, record in enumerate(records) if isinstance(record, _Twice)}
    frame, errors = records_to_frame(records, file=name)
    if not twice:
        return frame, errors
    lines = _json_lines(text, len(records))
    found = [(k, key, lines[k], None) for k, keys in twice.items() for key in keys]
    return _without_duplicates(frame, errors, records, found, name)


class _Twice(dict[str, Any]):
    """A JSON object with a key written more than once (the last value kept, as `json`
    does); `twice` lists those keys."""

    twice: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) == len(pairs):
        return data
    found = _Twice(data)
    counts: dict[str, int] = {}
    for key, _ in pairs:
        counts[key] = counts.get(key, 0) + 1
    found.twice = tuple(key for key, n in counts.items() if n > 1)
    return found


_BLANK = re.compile(r"[ \t\n\r]*")


def _json_lines(text: str, count: int) -> list[int]:
    """The line on which each of the `count` records of a JSON document starts (the document
    was read: it is a list of records, or ``{"records": [...]}``)."""
    decoder = json.JSONDecoder()

    def skip(at: int) -> int:
        match = _BLANK.match(text, at)
        return at if match is None else match.end()

    at = skip(0)
    if text[at] == "{":
        _, at = decoder.raw_decode(text, skip(at + 1))  # the key "records"
        at = skip(skip(at) + 1)                           # past ':'
    at = skip(at + 1)                                     # past '['
    lines: list[int] = []
    line, last = 1, 0
    for _ in range(count):
        line += text.count("\n", last, at)
        last = at
        lines.append(line)
        _, at = decoder.raw_decode(text, at)
        at = skip(skip(at) + 1)                           # past ',' (or the closing ']')
    return lines


def _without_duplicates(frame: pl.DataFrame, errors: list[RecordError],
                        records: Sequence[Any],
                        found: Sequence[tuple[int, str, int, Message | None]],
                        name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    """`frame` without the records that give a key twice, and `errors` with one
    ``duplicate-key`` error for each such key: (record index, key, line, where the first
    one is)."""
    for k, key, line, first in found:
        record = records[k]
        ident = record.get("id") if isinstance(record, Mapping) else None
        errors.append(RecordError.of(
            str(ident) if isinstance(ident, str | int) else None, k + 1, "duplicate-key",
            say("key-twice", key=key, first=first), key, name, line))
    rows = sorted({k + 1 for k, _, _, _ in found})
    errors.sort(key=lambda e: (e.row, e.field or ""))
    return frame.filter(~pl.col(ROW).is_in(rows)), errors


def _read_yaml(data: bytes, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    raw = parse_yaml(data, name, limits=_YAML_LIMITS, error=EvidenceError, duplicates=True,
                     bad_values=True)
    prefix: tuple[str | int, ...] = ("records",) if isinstance(raw.data, dict) else ()
    in_record = [d for d in raw.duplicates if _record_of(d, prefix) is not None]
    if len(in_record) < len(raw.duplicates):  # e.g. "records:" twice
        raise EvidenceError([d.problem for d in raw.duplicates if d not in in_record])
    records = _records_of(raw.data, name, Span(name, 1, 1))
    lines = [raw.source.locate((*prefix, k)).line for k in range(len(records))]
    frame, errors = records_to_frame(records, file=name, lines=lines)
    if not in_record:
        return frame, errors
    found: dict[tuple[int, str], tuple[int, str, int, Message | None]] = {}
    for duplicate in in_record:  # a key three times: one error, at its second place
        k = _record_of(duplicate, prefix) or 0
        span, hint = duplicate.problem.span, duplicate.problem.hint
        found.setdefault((k, duplicate.key), (
            k, duplicate.key, span.line if span is not None else lines[k],
            say("in-place", place=duplicate.problem.hint_said or hint) if hint else None))
    return _without_duplicates(frame, errors, records, list(found.values()), name)


def _record_of(duplicate: DuplicateKey, prefix: tuple[str | int, ...]) -> int | None:
    """The index of the record a key written twice is in (None: it is not in one)."""
    path = duplicate.path
    if len(path) > len(prefix) and path[:len(prefix)] == prefix \
            and isinstance(path[len(prefix)], int):
        return int(path[len(prefix)])
    return None


def _read_parquet(file: Path, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    try:
        frame = pl.read_parquet(file)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise EvidenceError([Problem("unreadable-evidence",
                                     f"cannot read Parquet file {name!r}: {exc}")]) from exc
    return plain_columns(frame, name)
