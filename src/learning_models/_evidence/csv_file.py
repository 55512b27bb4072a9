"""The records of a CSV evidence file, a piece at a time.

`csv_pieces` turns the lines of a CSV file (`text_lines`) into Polars tables of text
columns, `CSV_CHUNK_ROWS` lines at a time, each with the errors of its bad rows: neither the
file nor its cells are ever held whole, and a caller may type and score each piece before the
next is read (``evaluate`` does). Each record keeps its position among the file's records
(``_row``, blank lines not counted) and the line it starts on (``_line``).

Most pieces hold no double quote: each line is then one record, and its cells are the text
between separators, so the piece is split column-wise by Polars (≈ 10× faster than Python's
``csv`` over the same lines). A piece with a quote (a cell with a separator or a line break
in it), a character Python counts as blank and Polars does not (``\\x1c``–``\\x1f``), or a
line longer than ``csv``'s field limit goes through ``csv`` row by row; both readings give
the same records and the same errors.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator, Sequence

import polars as pl

from .._documents import Message, Number, say, verbatim
from ..errors import EvidenceError, Problem, Span
from .records import LINE, ROW, RecordError

__all__ = ["CSV_CHUNK_ROWS", "MAX_COLUMNS", "check_width", "csv_pieces"]

#: Lines of a CSV file turned into a Polars table at a time (bounds the memory of a piece).
CSV_CHUNK_ROWS = 50_000
#: More columns than any set has inputs: a wider table is not evidence (or is turned on its
#: side), and each unknown column would reject every record.
MAX_COLUMNS = 1000
SEPARATORS = (",", ";", "\t")
#: What makes a piece need ``csv``: a quote, or characters ``str.strip`` removes and Polars'
#: ``strip_chars`` keeps.
_NOT_PLAIN = ('"', "\x1c", "\x1d", "\x1e", "\x1f")

Piece = tuple[pl.DataFrame, list[RecordError]]


def check_width(columns: int, name: str) -> None:
    """Refuse records with more than `MAX_COLUMNS` columns."""
    if columns > MAX_COLUMNS:
        raise EvidenceError([Problem.of(
            "too-large",
            say("too-many-columns", columns=Number(columns), most=Number(MAX_COLUMNS)),
            Span(name, 1, 1), hint=say("too-many-columns-hint"))])


def csv_pieces(lines: Iterator[str], name: str, rows: int = 0) -> Iterator[Piece]:
    """The records of the CSV file whose lines are `lines`, as text columns (plus ``_row``
    and ``_line``) `rows` lines (default `CSV_CHUNK_ROWS`) at a time, each piece with the
    errors of its rows that are not records (wrong number of fields, not CSV).

    Raises `EvidenceError` at once for a file without a usable header."""
    size = rows or CSV_CHUNK_ROWS
    source = _Lines(lines)
    first = next(source, "")
    source.feed([first])
    separator = _separator(first)
    header = _header(csv.reader(source, delimiter=separator), name)
    reading = _Reading(header, separator, name)
    empty = True
    while True:
        block = source.take(size)
        if not block:
            if empty:  # a header alone: no records
                yield pl.DataFrame(schema=reading.schema), []
            return
        empty = False
        start = source.taken - len(block) + 1
        piece = reading.plain(block, start)
        if piece is None:
            source.feed(block)
            piece = reading.rows(source)
        yield piece


class _Lines:
    """The file's lines, counted as they are taken; lines fed back are taken again first
    (``csv`` reads a piece from them, and on from the file while a quote is open)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.taken = 0
        self.block: list[str] = []
        self.at = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.at < len(self.block):
            line = self.block[self.at]
            self.at += 1
        else:
            line = next(self.lines)
        self.taken += 1
        return line

    def feed(self, block: list[str]) -> None:
        self.block, self.at = block, 0
        self.taken -= len(block)

    def fed(self) -> bool:
        """Whether lines fed back are still to be taken."""
        return self.at < len(self.block)

    def take(self, n: int) -> list[str]:
        block = self.block[self.at:self.at + n]
        self.at += len(block)
        if len(block) < n:
            block.extend(itertools.islice(self.lines, n - len(block)))
        self.taken += len(block)
        return block


def _separator(line: str) -> str:
    """The separator a CSV header line uses: the one of `SEPARATORS` that occurs most often
    outside double quotes (a comma when none does, or on a tie)."""
    outside = "".join(line.split('"')[::2])
    counts = [outside.count(sep) for sep in SEPARATORS]
    return SEPARATORS[counts.index(max(counts))]


def _header(rows: Iterator[list[str]], name: str) -> list[str]:
    try:
        header = next(rows, None)
    except csv.Error as exc:
        raise EvidenceError([Problem.of("unreadable-evidence",
                                        say("not-csv", reason=_csv_reason(exc)),
                                        Span(name, 1, 1))]) from exc
    if not header:
        raise EvidenceError([Problem.of("unreadable-evidence", say("csv-no-header"),
                                        Span(name, 1, 1))])
    check_width(len(header), name)
    _check_header(header, name)
    return header


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


class _Reading:
    """The state of one file's reading: its header and how many records were read."""

    def __init__(self, header: list[str], separator: str, name: str) -> None:
        self.header = header
        self.separator = separator
        self.name = name
        self.count = 0
        self.schema = {**dict.fromkeys(header, pl.String), ROW: pl.Int64, LINE: pl.Int64}

    def _wrong_width(self, first: str | None, fields: int, line: int, last: int) -> RecordError:
        message = say("row-width", fields=fields, header=len(self.header))
        if last > line:  # a quote left open swallows the lines after it
            message = message.plus(say("quote-open", line=last))
        return RecordError.of(first, self.count, "invalid-record", message, None, self.name,
                              line)

    def plain(self, block: list[str], start: int) -> Piece | None:
        """The records of `block` (lines from line `start` on) split column-wise, or None
        when it needs ``csv``."""
        joined = "".join(block)
        if any(c in joined for c in _NOT_PLAIN) or max(map(len, block)) > csv.field_size_limit():
            return None
        sep, width = self.separator, len(self.header)
        text = pl.col("text")
        lines = pl.DataFrame({"text": [line.rstrip("\r\n") for line in block]}).with_columns(
            pl.int_range(start, start + len(block), dtype=pl.Int64).alias(LINE)).filter(
            text.str.replace_all(sep, "", literal=True).str.strip_chars() != "")
        lines = lines.with_columns(
            pl.int_range(self.count + 1, self.count + 1 + lines.height,
                         dtype=pl.Int64).alias(ROW),
            (text.str.count_matches(sep, literal=True) + 1).alias("fields"))
        self.count += lines.height
        fields = pl.col("fields")
        errors = [RecordError.of(line.split(sep, 1)[0], row, "invalid-record",
                                 say("row-width", fields=n, header=width), None, self.name, at)
                  for line, n, row, at in lines.filter(fields != width)
                  .select("text", "fields", ROW, LINE).iter_rows()]
        frame = lines.lazy().filter(fields == width).select(
            text.str.split_exact(sep, width - 1).struct.rename_fields(self.header)
            .alias("cells"), ROW, LINE).unnest("cells").with_columns(
            _blank_as_null(pl.col(column)).alias(column) for column in self.header)
        return frame.collect().cast(self.schema), errors  # type: ignore[arg-type]

    def rows(self, source: _Lines) -> Piece:
        """The records of the lines fed back to `source`, read by ``csv`` (and on while
        the last one's quote is open)."""
        rows = csv.reader(source, delimiter=self.separator)
        columns: list[list[str | None]] = [[] for _ in self.header]
        positions: list[int] = []
        lines: list[int] = []
        errors: list[RecordError] = []
        while source.fed():
            line = source.taken + 1
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                self.count += 1
                errors.append(RecordError.of(None, self.count, "invalid-record",
                                             say("not-csv", reason=_csv_reason(exc)), None,
                                             self.name, line))
                continue
            if not any(cell.strip() for cell in row):
                continue  # blank lines are layout, not records
            self.count += 1
            if len(row) != len(self.header):
                errors.append(self._wrong_width(_first_line(row[0]) if row else None,
                                                len(row), line, source.taken))
                continue
            for column, cell in zip(columns, row, strict=True):
                column.append(cell if cell.strip() else None)
            positions.append(self.count)
            lines.append(line)
        frame = pl.DataFrame({**dict(zip(self.header, columns, strict=True)), ROW: positions,
                              LINE: lines}, schema=self.schema)
        return frame, errors


def _blank_as_null(cell: pl.Expr) -> pl.Expr:
    return pl.when(cell.str.strip_chars() != "").then(cell)


def _csv_reason(exc: csv.Error) -> Message:
    reason = str(exc)
    if reason.startswith("field larger than field limit"):
        return say("csv-value-too-long", most=Number(csv.field_size_limit()))
    return verbatim(reason)


def _first_line(cell: str) -> str:
    """A cell as an id in a message: its first line only (a quote left open can make a
    cell of many lines)."""
    lines = cell.splitlines()
    return lines[0] + "…" if lines and lines[0] != cell else cell
