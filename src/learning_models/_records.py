"""Evidence records → a typed table the scorer can run, and an error per rejected record.

Records arrive as Python mappings (from YAML, JSON or an integrator) or as a Polars table
(from CSV, Parquet or an integrator). Both meet here as one table of raw columns that is
typed column-wise against the set's declared inputs. A record with a wrong type, a value
out of bounds, a missing id or required input, an unknown column, or a duplicate id is
rejected with its reason; every other record is kept. Nothing is dropped silently: each
input record ends up in the returned table or in the error list.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from ._model import InputSpec
from .errors import ProblemCode

#: A reason to reject records: condition, field, code, message (all but field column-wise).
Check = tuple[pl.Expr, str | None, ProblemCode, pl.Expr]

__all__ = ["META_COLUMNS", "Check", "RecordError", "records_to_frame", "type_frame"]

#: Columns a record may carry besides its inputs.
META_COLUMNS = ("id", "name")
ROW = "_row"          # 1-based position of the record in its input
LINE = "_line"        # line in the file, where known
TRUE_WORDS = ("true", "yes", "có", "1", "x")
FALSE_WORDS = ("false", "no", "không", "0")


@dataclass(frozen=True, slots=True)
class RecordError:
    """Why one input record was rejected (a record may have several)."""

    record: str | None          # the subject id, when it could be read
    row: int                    # 1-based position of the record in its input
    code: ProblemCode
    message: str
    field: str | None = None
    file: str | None = None
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"record": self.record, "row": self.row, "file": self.file, "line": self.line,
                "field": self.field, "code": self.code, "message": self.message}

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.file and self.line else \
            f"{self.file or 'record'} #{self.row}"
        who = f" {self.record}:" if self.record is not None else ""
        return f"{where}:{who} {self.message} [{self.code}]"


def records_to_frame(records: Iterable[object], *, file: str | None = None,
                     lines: Sequence[int | None] | None = None,
                     ) -> tuple[pl.DataFrame, list[RecordError]]:
    """Mappings → a table of text columns (typed later, column-wise, by `type_frame`)."""
    rows: dict[str, list[str | None]] = {}
    positions: list[int] = []
    line_of: list[int | None] = []
    errors: list[RecordError] = []
    for n, record in enumerate(records, start=1):
        line = lines[n - 1] if lines is not None and n - 1 < len(lines) else None
        problem = _record_shape_problem(record)
        if problem is not None:
            errors.append(RecordError(_id_of(record), n, "invalid-record", problem, None,
                                      file, line))
            continue
        assert isinstance(record, Mapping)
        for key in record:
            rows.setdefault(str(key), [None] * len(positions))
        for key, column in rows.items():
            column.append(_as_text(record.get(key)))
        positions.append(n)
        line_of.append(line)
    frame = pl.DataFrame({**rows, ROW: positions, LINE: line_of},
                         schema={**dict.fromkeys(rows, pl.String), ROW: pl.Int64, LINE: pl.Int64})
    return frame, errors


def _id_of(record: object) -> str | None:
    if isinstance(record, Mapping) and isinstance(record.get("id"), str | int):
        return str(record["id"])
    return None


def _record_shape_problem(record: object) -> str | None:
    if not isinstance(record, Mapping):
        return f"a record must be a mapping of input names to values, found {record!r:.60}"
    for key, value in record.items():
        if not isinstance(key, str):
            return f"column names must be text, found {key!r}"
        if isinstance(value, Mapping | list | tuple | set):
            return f"{key!r} must be a single value, found {type(value).__name__}"
        if isinstance(value, float) and not math.isfinite(value):
            return f"{key!r} must be a finite number, found {value!r}"
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def type_frame(frame: pl.DataFrame, inputs: Mapping[str, InputSpec], *,
               file: str | None = None, keep: Sequence[str] = (),
               checks: Sequence[Check] = ()) -> tuple[pl.DataFrame, list[RecordError]]:
    """Type every input column, check bounds and ids; split kept rows from rejected ones.

    `frame` may hold text columns (from files) or typed ones (from an integrator). Columns
    `_row`/`_line`, when present, give each record's position for messages. The result has
    ``id``, ``name`` (when given), the `keep` columns as they are, and one column per
    declared input, in the declared type. `checks` are further reasons to reject a record
    (e.g. a relation to a subject that does not exist), evaluated on the raw columns.
    """
    if ROW not in frame.columns:
        frame = frame.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
    if LINE not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.Int64).alias(LINE))
    frame = frame.with_columns(_id_column(frame))
    every: list[Check] = list(checks)
    typed: list[pl.Expr] = [pl.col("id")]
    if "name" in frame.columns:
        typed.append(pl.col("name").cast(pl.String))
    typed += [pl.col(c) for c in keep if c in frame.columns]
    every += _column_checks(frame, inputs, keep)
    for name, spec in inputs.items():
        expr, spec_checks = _typed_input(frame, name, spec)
        typed.append(expr.alias(name))
        every += spec_checks
    every += _id_checks()
    errors = _collect_errors(frame, every, file)
    rejected = {e.row for e in errors}
    kept = frame.filter(~pl.col(ROW).is_in(sorted(rejected))) if rejected else frame
    return kept.select(typed), errors


def _id_column(frame: pl.DataFrame) -> pl.Expr:
    if "id" not in frame.columns:
        return pl.lit(None, dtype=pl.String).alias("id")
    return pl.col("id").cast(pl.String).str.strip_chars().alias("id")


def _column_checks(frame: pl.DataFrame, inputs: Mapping[str, InputSpec],
                   keep: Sequence[str]) -> list[Check]:
    known = [*META_COLUMNS, *keep, *inputs]
    checks: list[Check] = []
    for column in frame.columns:
        if column in known or column in (ROW, LINE):
            continue
        close = difflib.get_close_matches(column, list(inputs), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        message = pl.lit(f"unknown column {column!r}{hint}; the set declares no such input")
        checks.append((pl.lit(True), column, "unknown-column", message))
    return checks


def _id_checks() -> list[Check]:
    missing = pl.col("id").is_null() | (pl.col("id") == "")
    duplicate = ~missing & pl.col("id").is_duplicated() & ~pl.col("id").is_first_distinct()
    return [
        (missing, "id", "missing-id", pl.lit("the record has no 'id'")),
        (duplicate, "id", "duplicate-record",
         pl.format("id '{}' is used by an earlier record", pl.col("id"))),
    ]


def _typed_input(frame: pl.DataFrame, name: str, spec: InputSpec,
                 ) -> tuple[pl.Expr, list[Check]]:
    target = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}.get(
        spec.type, pl.String)
    if name not in frame.columns:
        present = pl.lit(False)
        value = pl.lit(None, dtype=target)
    else:
        raw = pl.col(name)
        dtype = frame.schema[name]
        if dtype == pl.String:
            raw = raw.str.strip_chars()
            present = raw.is_not_null() & (raw != "")
            raw = pl.when(present).then(raw)
        else:
            present = raw.is_not_null()
        value = _convert(raw, dtype, spec)
    checks: list[Check] = []
    shown = pl.col(name).cast(pl.String) if name in frame.columns else pl.lit("")
    checks.append((present & value.is_null(), name, "invalid-record",
                   pl.format(f"{name!r} must be {_expected(spec)}, found '{{}}'", shown)))
    if spec.minimum is not None:
        checks.append((value < spec.minimum, name, "out-of-bounds",
                       pl.format(f"{name!r} is {{}}, below the minimum {spec.minimum:g}", shown)))
    if spec.maximum is not None:
        checks.append((value > spec.maximum, name, "out-of-bounds",
                       pl.format(f"{name!r} is {{}}, above the maximum {spec.maximum:g}", shown)))
    if spec.required:
        checks.append((~present, name, "invalid-record",
                       pl.lit(f"required input {name!r} is missing")))
    return value, checks


def _expected(spec: InputSpec) -> str:
    if spec.type == "enum":
        return "one of " + ", ".join(repr(v) for v in spec.values or ())
    return {"integer": "a whole number", "number": "a number",
            "boolean": "yes/no (có/không, true/false, 1/0)"}.get(spec.type, "text")


def _convert(raw: pl.Expr, dtype: pl.DataType, spec: InputSpec) -> pl.Expr:
    text = dtype == pl.String
    if spec.type == "integer":
        if text:
            as_float = raw.cast(pl.Float64, strict=False)
            return pl.when(as_float.round(0) == as_float).then(as_float).cast(pl.Int64,
                                                                              strict=False)
        if dtype.is_float():
            return pl.when(raw.round(0) == raw).then(raw).cast(pl.Int64, strict=False)
        return raw.cast(pl.Int64, strict=False) if dtype.is_integer() else _nulls(pl.Int64)
    if spec.type == "number":
        if text or dtype.is_numeric():
            number = raw.cast(pl.Float64, strict=False)
            return pl.when(number.is_finite()).then(number)
        return _nulls(pl.Float64)
    if spec.type == "boolean":
        if text:
            lower = raw.str.to_lowercase()
            return pl.when(lower.is_in(TRUE_WORDS)).then(pl.lit(True)) \
                .when(lower.is_in(FALSE_WORDS)).then(pl.lit(False)) \
                .otherwise(pl.lit(None, dtype=pl.Boolean))
        return raw if dtype == pl.Boolean else _nulls(pl.Boolean)
    value = raw.cast(pl.String) if text or dtype.is_numeric() else _nulls(pl.String)
    if spec.type == "enum":
        return pl.when(value.is_in(list(spec.values or ()))).then(value)
    return value


def _nulls(dtype: Any) -> pl.Expr:
    return pl.lit(None, dtype=dtype)


def _collect_errors(frame: pl.DataFrame,
                    checks: list[Check],
                    file: str | None) -> list[RecordError]:
    if not checks:
        return []
    flags = frame.select(
        pl.col(ROW), pl.col(LINE), pl.col("id"),
        *(pl.when(cond.fill_null(False)).then(msg).alias(f"_e{k}")
          for k, (cond, _, _, msg) in enumerate(checks)),
    )
    errors: list[RecordError] = []
    for k, (_, field, code, _) in enumerate(checks):
        hit = flags.filter(pl.col(f"_e{k}").is_not_null())
        for row, line, ident, message in hit.select(ROW, LINE, "id", f"_e{k}").iter_rows():
            errors.append(RecordError(ident or None, row, code, message, field, file, line))
    errors.sort(key=lambda e: (e.row, e.field or ""))
    return errors
