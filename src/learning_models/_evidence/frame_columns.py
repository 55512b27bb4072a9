"""Columns of a Polars table (a Parquet file, an integrator's frame) in the kinds the typing
of records reads: text, numbers, booleans, categories, dates.

Anything else is turned into one of those, or rejects the records that hold a value in it:

* a column of the Null type (an enum or text column empty in every row: the most ordinary
  case) is a text column with no values;
* Binary: UTF-8 text; a value that is not UTF-8 rejects its record;
* Decimal: a number;
* Object: its values when each is text, a number or a boolean;
* lists, arrays, structs, durations, times, other objects: every record with a value there
  is rejected ("must be a single value"), the column kept empty for the others.

Records keep their positions (``_row``), so a rejected one is named by its row.
"""

from __future__ import annotations

import polars as pl

from .._documents import Message, say
from .records import LINE, ROW, RecordError, value_as_text

__all__ = ["plain_columns"]

_KINDS = {pl.List: "kind-list", pl.Array: "kind-array", pl.Struct: "kind-struct",
          pl.Duration: "kind-duration", pl.Time: "kind-time"}


def plain_columns(frame: pl.DataFrame, file: str | None = None,
                  ) -> tuple[pl.DataFrame, list[RecordError]]:
    """`frame` with every column in a kind the typing reads, and the records rejected on
    the way (removed from the frame). A frame already so is returned as it is.

    ``_row`` and ``_line`` are positions only when they are whole numbers (``_row`` also
    given in every row, once each), as `read_evidence` gives them; otherwise they are an
    integrator's columns, which no set declares: records with a value there are rejected
    (as a record with such a key is), and the rows numbered 1, 2, …."""
    foreign = [c for c in (ROW, LINE) if c in frame.columns and not _positions(frame[c])]
    odd = [c for c, dtype in frame.schema.items() if c not in (ROW, LINE) and not _plain(dtype)]
    if not odd and not foreign:
        return frame, []
    bad: dict[int, RecordError] = {}
    given = {c: frame[c].is_not_null() for c in foreign}
    frame = frame.drop(foreign)
    if ROW not in frame.columns:
        frame = frame.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
    ids = _ids(frame)
    for column, hit in given.items():
        for k in hit.arg_true().to_list():
            row = frame[ROW][k]
            bad.setdefault(row, RecordError.of(
                ids[k], row, "unknown-column", say("unknown-column", column=column,
                                                   suggestion=None), column, file, None))
    for column in odd:
        values, reasons = _convert(frame[column])
        frame = frame.with_columns(values.alias(column))
        rows, lines = frame[ROW].to_list(), (frame[LINE].to_list() if LINE in frame.columns
                                             else [None] * frame.height)
        for k in reasons.is_not_null().arg_true().to_list():
            reason = reasons[k]
            bad.setdefault(rows[k], RecordError.of(
                ids[k], rows[k], "invalid-record",
                say("not-utf8-text", field=column) if reason == _NOT_UTF8 else
                say("value-not-single", field=column, kind=_kind(reason)), column, file,
                lines[k]))
    if bad:
        frame = frame.filter(~pl.col(ROW).is_in(sorted(bad)))
    return frame, [bad[row] for row in sorted(bad)]


def _positions(column: pl.Series) -> bool:
    if not column.dtype.is_integer():
        return column.dtype == pl.Null and column.name == LINE
    if column.name == LINE:
        return True
    return column.null_count() == 0 and column.n_unique() == column.len()


def _plain(dtype: pl.DataType) -> bool:
    return (dtype == pl.String or dtype == pl.Boolean or (dtype.is_numeric()
            and not isinstance(dtype, pl.Decimal))
            or isinstance(dtype, pl.Categorical | pl.Enum | pl.Date | pl.Datetime))


def _ids(frame: pl.DataFrame) -> list[str | None]:
    if "id" not in frame.columns:
        return [None] * frame.height
    column = frame["id"]
    if _plain(column.dtype):
        return [None if v is None else str(v) for v in column.cast(pl.String).to_list()]
    return [None] * frame.height


#: The reason of a value that is not UTF-8 text; any other reason is the kind of value found
#: where a single value is expected (an id of `_KINDS`, or ``type:`` and a type's name).
_NOT_UTF8 = "not-utf8"


def _kind(reason: str) -> Message:
    if reason.startswith("type:"):
        return say("kind-python", kind=reason.removeprefix("type:"))
    if reason.startswith("dtype:"):
        return say("kind-other", kind=reason.removeprefix("dtype:"))
    return say(reason)


def _convert(column: pl.Series) -> tuple[pl.Series, pl.Series]:
    """The column in a plain kind, and per row why its value is refused (null: it is not;
    see `_kind`)."""
    dtype = column.dtype
    given = column.is_not_null()
    if dtype == pl.Null:
        return column.cast(pl.String), pl.repeat(None, column.len(), dtype=pl.String, eager=True)
    if isinstance(dtype, pl.Decimal):
        return column.cast(pl.Float64), pl.repeat(None, column.len(), dtype=pl.String,
                                                  eager=True)
    if dtype == pl.Binary or dtype == pl.Object:
        return _one_by_one(column)
    kind = next((word for base, word in _KINDS.items() if isinstance(dtype, base)),
                f"dtype:{dtype}")
    refused = pl.Series([None, kind], dtype=pl.String) \
        .gather(given.cast(pl.UInt32))
    return pl.repeat(None, column.len(), dtype=pl.String, eager=True), refused


def _one_by_one(column: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Binary or Object values, read in Python: bytes as UTF-8, objects when plain."""
    texts: list[str | None] = []
    reasons: list[str | None] = []
    for value in column.to_list():
        if isinstance(value, bytes):
            try:
                texts.append(value.decode("utf-8"))
                reasons.append(None)
            except UnicodeDecodeError:
                texts.append(None)
                reasons.append(_NOT_UTF8)
        elif value is None or isinstance(value, str | int | float | bool):
            texts.append(value_as_text(value))
            reasons.append(None)
        else:
            texts.append(None)
            reasons.append(f"type:{type(value).__name__}")
    return pl.Series(texts, dtype=pl.String), pl.Series(reasons, dtype=pl.String)
