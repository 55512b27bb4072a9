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
    verbatim,
)
from ..errors import EvidenceError, Problem, Span
from .csv_file import check_width, csv_pieces
from .frame_columns import plain_columns
from .records import LINE, ROW, RecordError, records_to_frame
from .text_lines import check_text, text_lines

__all__ = ["EVIDENCE_SUFFIXES", "parquet_unreadable", "read_evidence", "read_evidence_pieces"]

EVIDENCE_SUFFIXES = (".csv", ".json", ".yaml", ".yml", ".parquet")
MAX_TEXT_BYTES = 512 * 1024 * 1024
#: A JSON document is parsed whole (its objects take several times its size in memory).
MAX_JSON_BYTES = 64 * 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: YAML evidence is read by a parser written in Python (≈ 20–50 µs a value): it is for
#: small files; large ones are CSV or Parquet (docs/limits.md).
_YAML_LIMITS = YamlLimits(max_bytes=16 * 1024 * 1024, max_nodes=500_000)


def read_evidence(path: str | os.PathLike[str], *, display_name: str | None = None,
                  ) -> tuple[pl.DataFrame, list[RecordError]]:
    """The records of an evidence file as text columns (plus ``_row``/``_line``); problems
    name it `display_name` when given (``<stdin>``), else by its path."""
    parts: list[pl.DataFrame] = []
    errors: list[RecordError] = []
    for part, wrong in read_evidence_pieces(path, display_name=display_name):
        parts.append(part)
        errors += wrong
    return parts[0] if len(parts) == 1 else pl.concat(parts, rechunk=False), errors


def read_evidence_pieces(path: str | os.PathLike[str], *, display_name: str | None = None,
                         rows: int = 0) -> Iterator[tuple[pl.DataFrame, list[RecordError]]]:
    """The records of an evidence file as `read_evidence` reads them, a piece at a time:
    a CSV file `rows` lines (default `CSV_CHUNK_ROWS`) at a time, any other kind whole.
    A file that cannot be read at all raises before the first piece."""
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
    if suffix == ".csv":  # read a piece at a time (its width is checked at its header)
        _check_size(file, name, MAX_TEXT_BYTES)
        check_text(file, name, _refuse)
        pieces = csv_pieces(text_lines(file, name, _refuse), name, rows)
        return itertools.chain([next(pieces)], pieces)
    if suffix == ".parquet":
        frame, errors = _read_parquet(file, name)
    elif suffix == ".json":  # one document, held whole while it is read
        _check_size(file, name, MAX_JSON_BYTES)
        frame, errors = _read_json(_decode(file.read_bytes(), name), name)
    else:
        _check_size(file, name, _YAML_LIMITS.max_bytes)
        frame, errors = _read_yaml(file.read_bytes(), name)
    check_width(len([c for c in frame.columns if c not in (ROW, LINE)]), name)
    return iter([(frame, errors)])


def _check_size(file: Path, name: str, limit: int) -> None:
    if file.stat().st_size > limit:
        raise EvidenceError([Problem.of("too-large", say("evidence-too-large", name=name,
                                                         mib=limit // 2**20),
                                        Span(name, 1, 1))])


def _refuse(data: bytes, name: str) -> None:
    """Raise the located problem of a CSV file that is not text."""
    _decode(data, name, utf16=True)


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


def _records_of(data: Any, name: str, span: Span) -> list[Any]:
    if isinstance(data, dict) and set(data) == {"records"}:
        data = data["records"]
    if not isinstance(data, list):
        raise EvidenceError([Problem.of("unreadable-evidence", say("records-not-list"), span)])
    return data


def _read_json(text: str, name: str) -> tuple[pl.DataFrame, list[RecordError]]:
    try:
        data = json.loads(text, object_pairs_hook=_json_object, parse_int=int_from_text)
    except json.JSONDecodeError as exc:
        raise EvidenceError([Problem.of(
            "unreadable-evidence", say("not-json", reason=_json_reason(exc.msg)),
            Span(name, exc.lineno, exc.colno))]) from exc
    except RecursionError as exc:
        raise EvidenceError([Problem.of("too-deep", say("json-too-deep"),
                                        Span(name, 1, 1))]) from exc
    if isinstance(data, _Twice):  # e.g. "records" twice: not one record's problem
        raise EvidenceError([Problem.of("duplicate-key", say("json-key-twice", key=data.twice[0]),
                                        Span(name, 1, 1), hint=say("keep-one"))])
    records = _records_of(data, name, Span(name, 1, 1))
    twice = {k: record.twice for k, record in enumerate(records) if isinstance(record, _Twice)}
    frame, errors = records_to_frame(records, file=name)
    if not twice:
        return frame, errors
    lines = _json_lines(text, len(records))
    found = [(k, key, lines[k], None) for k, keys in twice.items() for key in keys]
    return _without_duplicates(frame, errors, records, found, name)


#: The messages of the `json` module (each its own text, none with a parameter), as the
#: catalogue says them; another text is shown as it is.
_JSON_REASONS = {
    "Expecting value": "json-expecting-value",
    "Expecting property name enclosed in double quotes": "json-expecting-name",
    "Expecting ':' delimiter": "json-expecting-colon",
    "Expecting ',' delimiter": "json-expecting-comma",
    "Unterminated string starting at": "json-unterminated",
    "Invalid control character at": "json-control",
    "Invalid \\escape": "json-escape",
    "Invalid \\uXXXX escape": "json-unicode-escape",
    "Extra data": "json-extra",
    "Illegal trailing comma before end of object": "json-comma-object",
    "Illegal trailing comma before end of array": "json-comma-array",
}


def _json_reason(text: str) -> Message:
    """Why a text is not JSON, from the message of `json.JSONDecodeError`."""
    known = _JSON_REASONS.get(text)
    return say(known) if known is not None else verbatim(text.lower())


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
        raise parquet_unreadable(name, exc) from exc
    return plain_columns(frame, name)


def parquet_unreadable(name: str, exc: Exception) -> EvidenceError:
    """The refusal of Parquet file `name`, which the reader could not read (`exc`)."""
    return EvidenceError([Problem.of("unreadable-evidence", say(
        "parquet-unreadable", name=name, reason=verbatim(str(exc))))])
