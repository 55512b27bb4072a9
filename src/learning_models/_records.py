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

#: A reason to reject records: condition, field, code, message (all but field column-wise;
#: the message row-wise, as it is only computed for the rows some condition flags).
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
        record = self.record
        if record is not None and not record.isprintable():  # e.g. a line break in an id
            record = repr(record)
        who = f" {record}:" if record is not None else ""
        return f"{where}:{who} {self.message} [{self.code}]"


def records_to_frame(records: Iterable[object], *, file: str | None = None,
                     lines: Sequence[int | None] | None = None,
                     ) -> tuple[pl.DataFrame, list[RecordError]]:
    """Mappings → a table of text columns (typed later, column-wise, by `type_frame`).

    Linear in the number of values: a key first seen at the k-th kept record starts its
    column with k nulls, once. A record carrying a key the table uses for positions
    (``_row``, ``_line``) is rejected as an unknown column, never silently overwritten.
    """
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
        reserved = [key for key in (ROW, LINE) if key in record]
        if reserved:
            errors += [RecordError(_id_of(record), n, "unknown-column",
                                   f"unknown column {key!r}; the set declares no such input",
                                   key, file, line) for key in reserved]
            continue
        kept = len(positions)
        for key, value in record.items():
            column = rows.get(key)
            if column is None:
                column = rows[key] = [None] * kept
            column.append(_as_text(value))
        positions.append(n)
        line_of.append(line)
        for column in rows.values():  # keys this record does not have
            if len(column) == kept:
                column.append(None)
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

    Each input is converted once: its cleaned raw value and its typed value are staged as
    columns (under names no column of `frame` can take), and every check reads those
    columns, so no conversion is computed twice.
    """
    if ROW not in frame.columns:
        frame = frame.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
    if LINE not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.Int64).alias(LINE))
    frame = frame.with_columns(_id_column(frame))
    every: list[Check] = list(checks)
    every += _column_checks(frame.columns, inputs, keep)
    prefix = _fresh_prefix(frame.columns)
    staged = [_Staged(frame, name, spec, f"{prefix}{k}")
              for k, (name, spec) in enumerate(inputs.items())]
    for stage in range(3):
        exprs = [expr for s in staged for expr in s.stage(stage)]
        if exprs:
            frame = frame.with_columns(exprs)
    for s in staged:
        every += s.checks()
    every += _id_checks(frame)
    errors = _collect_errors(frame, every, file)
    rejected = {e.row for e in errors}
    kept = frame.filter(~pl.col(ROW).is_in(sorted(rejected))) if rejected else frame
    typed: list[pl.Expr] = [pl.col("id")]
    if "name" in frame.columns:
        typed.append(pl.col("name").cast(pl.String))
    typed += [pl.col(c) for c in keep if c in frame.columns]
    typed += [s.typed() for s in staged]
    return kept.select(typed), errors


def _fresh_prefix(columns: Sequence[str]) -> str:
    """A prefix that starts no column of `columns`, for the staged columns."""
    prefix = "__lm_"
    while any(column.startswith(prefix) for column in columns):
        prefix = "_" + prefix
    return prefix


def _id_column(frame: pl.DataFrame) -> pl.Expr:
    if "id" not in frame.columns:
        return pl.lit(None, dtype=pl.String).alias("id")
    return pl.col("id").cast(pl.String).str.strip_chars().alias("id")


def _column_checks(columns: Sequence[str], inputs: Mapping[str, InputSpec],
                   keep: Sequence[str]) -> list[Check]:
    known = {*META_COLUMNS, *keep, *inputs, ROW, LINE}
    checks: list[Check] = []
    for column in columns:
        if column in known:
            continue
        close = difflib.get_close_matches(column, list(inputs), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        message = pl.lit(f"unknown column {column!r}{hint}; the set declares no such input")
        checks.append((pl.lit(True), column, "unknown-column", message))
    return checks


def _id_checks(frame: pl.DataFrame) -> list[Check]:
    ids = pl.col("id")
    missing = ids.is_null() | (ids == "")
    checks: list[Check] = [(missing, "id", "missing-id", pl.lit("the record has no 'id'"))]
    # Proving the ids unique costs one pass; only when they are not is each row tested.
    # A row that is not the first of its value is necessarily a duplicate.
    if not _unique(frame["id"]):
        checks.append((~missing & ~ids.is_first_distinct(), "id", "duplicate-record",
                       pl.format("id '{}' is used by an earlier record", ids)))
    return checks


def _unique(ids: pl.Series) -> bool:
    """Whether no two of `ids` are equal (nulls included)."""
    n = ids.len()
    if n < 2:
        return True
    # Ids often arrive sorted (a registry export, a Parquet file): strictly increasing
    # proves them unique with one comparison pass, far cheaper than hashing them. A short
    # head is tried first, so ids in no order pay (almost) nothing for the attempt.
    head = ids.head(1024)
    if _increasing(head) and _increasing(ids):
        return True
    return ids.n_unique() == n


def _increasing(values: pl.Series) -> bool:
    pairs = values.slice(1) > values.slice(0, values.len() - 1)
    return pairs.all(ignore_nulls=False) is True  # a null (unknown) order proves nothing


_TARGETS: dict[str, Any] = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}
_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}


class _Staged:
    """One declared input: the columns it is converted through, and its checks.

    Stage 0 adds the cleaned raw value (text stripped, blank → null; a typed column is
    read as it is), stage 1 the value converted from it, stage 2 a correction of that value
    when one is needed (a whole number written "2.0", a number that is not finite).
    """

    def __init__(self, frame: pl.DataFrame, name: str, spec: InputSpec, base: str) -> None:
        self.name, self.spec = name, spec
        self.target = _TARGETS.get(spec.type, pl.String)
        self.present_in_frame = name in frame.columns
        dtype = frame.schema[name] if self.present_in_frame else pl.Null()
        self.text = dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum)
        self.dtype = dtype
        self.clean = f"{base}_raw" if self.text else name
        self.value = f"{base}_value"

    def stage(self, stage: int) -> list[pl.Expr]:
        if not self.present_in_frame:
            return []
        if stage == 0:
            if not self.text:
                return []
            raw = pl.col(self.name)
            if self.dtype != pl.String:
                raw = raw.cast(pl.String)  # Categorical / Enum: their values as text
            return [raw.str.strip_chars().replace("", None).alias(self.clean)]
        if stage == 1:
            return [_convert(pl.col(self.clean), self.dtype, self.text, self.spec)
                    .alias(self.value)]
        fix = _correct(pl.col(self.clean), pl.col(self.value), self.dtype, self.text, self.spec)
        return [] if fix is None else [fix.alias(self.value)]

    def checks(self) -> list[Check]:
        name, spec = self.name, self.spec
        if self.present_in_frame:
            present = pl.col(self.clean).is_not_null()
            value = pl.col(self.value)
            shown = pl.col(name).cast(pl.String)
        else:
            present, value, shown = pl.lit(False), pl.lit(None, dtype=self.target), pl.lit("")
        checks: list[Check] = [
            (present & value.is_null(), name, "invalid-record",
             pl.format(f"{name!r} must be {_expected(spec)}, found '{{}}'", shown))]
        if spec.minimum is not None:
            checks.append((value < spec.minimum, name, "out-of-bounds",
                           pl.format(f"{name!r} is {{}}, below the minimum {spec.minimum:g}",
                                     shown)))
        if spec.maximum is not None:
            checks.append((value > spec.maximum, name, "out-of-bounds",
                           pl.format(f"{name!r} is {{}}, above the maximum {spec.maximum:g}",
                                     shown)))
        if spec.required:
            checks.append((~present, name, "invalid-record",
                           pl.lit(f"required input {name!r} is missing")))
        return checks

    def typed(self) -> pl.Expr:
        if not self.present_in_frame:
            return pl.lit(None, dtype=self.target).alias(self.name)
        return pl.col(self.value).alias(self.name)


def _expected(spec: InputSpec) -> str:
    if spec.type == "enum":
        return "one of " + ", ".join(repr(v) for v in spec.values or ())
    return {"integer": "a whole number", "number": "a number",
            "boolean": "yes/no (có/không, true/false, 1/0)"}.get(spec.type, "text")


def _convert(raw: pl.Expr, dtype: pl.DataType, text: bool, spec: InputSpec) -> pl.Expr:
    """The typed value of the cleaned column `raw` (null where it does not convert)."""
    if spec.type == "integer":
        if text:  # exact: a whole number beyond 2**53 is not read through a float
            return raw.str.to_integer(base=10, strict=False)
        if dtype.is_float():
            return pl.when(raw.round(0) == raw).then(raw).cast(pl.Int64, strict=False)
        return raw.cast(pl.Int64, strict=False) if dtype.is_integer() else _nulls(pl.Int64)
    if spec.type == "number":
        if text or dtype.is_numeric():
            return raw.cast(pl.Float64, strict=False)
        return _nulls(pl.Float64)
    if spec.type == "boolean":
        if text:
            return raw.str.to_lowercase().replace_strict(_WORDS, default=None,
                                                         return_dtype=pl.Boolean)
        return raw if dtype == pl.Boolean else _nulls(pl.Boolean)
    value = raw.cast(pl.String) if text or dtype.is_numeric() else _nulls(pl.String)
    if spec.type == "enum":
        return pl.when(value.is_in(list(spec.values or ()))).then(value)
    return value


def _correct(raw: pl.Expr, value: pl.Expr, dtype: pl.DataType, text: bool,
             spec: InputSpec) -> pl.Expr | None:
    """A second pass over the converted `value`, where the type needs one."""
    if spec.type == "integer" and text:
        # "2.0" or "1e1": a whole number written as a number. Parsed only where the exact
        # integer reading failed, so the float pass touches (almost) no rows.
        number = pl.when(value.is_null()).then(raw).cast(pl.Float64, strict=False)
        whole = pl.when(number.round(0) == number).then(number).cast(pl.Int64, strict=False)
        return pl.coalesce(value, whole)
    if spec.type == "number" and (text or dtype.is_numeric()):
        return pl.when(value.is_finite()).then(value)
    return None


def _nulls(dtype: Any) -> pl.Expr:
    return pl.lit(None, dtype=dtype)


def _collect_errors(frame: pl.DataFrame,
                    checks: list[Check],
                    file: str | None) -> list[RecordError]:
    """Every check's hits, as errors sorted by row then field.

    The conditions run over the whole table; the messages only over the rows that some
    condition flags (so a check's message must be row-wise: no window or aggregate).
    """
    if not checks:
        return []
    flags = frame.select(pl.col(ROW), *(cond.fill_null(False).alias(f"_c{k}")
                                        for k, (cond, _, _, _) in enumerate(checks))).drop(ROW)
    hit = flags.select(pl.any_horizontal(pl.all())).to_series()
    if not hit.any():
        return []
    flagged = flags.filter(hit)
    messages = frame.filter(hit).select(
        pl.col(ROW), pl.col(LINE), pl.col("id"),
        *(pl.when(flagged[f"_c{k}"]).then(msg).alias(f"_e{k}")
          for k, (_, _, _, msg) in enumerate(checks)),
    )
    errors: list[RecordError] = []
    for k, (_, field, code, _) in enumerate(checks):
        hits = messages.filter(pl.col(f"_e{k}").is_not_null())
        for row, line, ident, message in hits.select(ROW, LINE, "id", f"_e{k}").iter_rows():
            errors.append(RecordError(ident or None, row, code, message, field, file, line))
    errors.sort(key=lambda e: (e.row, e.field or ""))
    return errors
