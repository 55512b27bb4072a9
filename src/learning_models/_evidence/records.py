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
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from typing import Any

import polars as pl

from .._criteria import EVIDENCE_PREFIX, InputSpec
from .._documents import BadValue, Message, int_problem, safe_text, say, shown, text_problem
from .._expressions import collect_plain
from .._words import MESSAGES, Lang
from ..errors import ProblemCode, Said
from .column_texts import ColumnText, column_text, text_columns, text_of
from .numbers import ambiguous, number_reading, reading_hint, whole_reading

#: A reason to reject records: condition, field, code, message (all but field column-wise;
#: the message's parameters row-wise, as they are only computed for the rows some condition
#: flags).
Check = tuple[pl.Expr, str | None, ProblemCode, ColumnText]

__all__ = ["META_COLUMNS", "Check", "RecordError", "earlier_id_check", "record_shape_problem",
           "records_to_frame",
           "strictly_increasing", "type_frame", "type_query", "value_as_text"]

#: Columns a record may carry besides its inputs.
META_COLUMNS = ("id", "name")
ROW = "_row"          # 1-based position of the record in its input
LINE = "_line"        # line in the file, where known
TRUE_WORDS = ("true", "yes", "có", "1", "x")
FALSE_WORDS = ("false", "no", "không", "0")


@dataclass(frozen=True, slots=True)
class RecordError:
    """Why one input record was rejected (a record may have several).

    `message` is English; `text(lang)` says it in either language (from `said`, the
    catalogue's text, when the error has one). `to_dict` and `format` take the language.
    """

    record: str | None          # the subject id, when it could be read
    row: int                    # 1-based position of the record in its input
    code: ProblemCode
    message: str
    field: str | None = None
    file: str | None = None
    line: int | None = None
    said: Said | None = dataclass_field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, record: str | None, row: int, code: ProblemCode, said: Said,
           field: str | None = None, file: str | None = None,
           line: int | None = None) -> RecordError:
        """The error saying `said`, with its English `message`."""
        return cls(record, row, code, said.render("en"), field, file, line, said)

    def text(self, lang: Lang = "vi") -> str:
        """The message in `lang`."""
        return self.said.render(lang) if self.said is not None else self.message

    def followed_by(self, *more: Said) -> RecordError:
        """The error with `more` said after its message."""
        said = say("verbatim", text=self.said or self.message).plus(*more)
        return replace(self, message=said.render("en"), said=said)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        return {"record": self.record, "row": self.row, "file": self.file, "line": self.line,
                "field": self.field, "code": self.code, "message": self.text(lang)}

    def format(self, lang: Lang = "en") -> str:
        where = f"{self.file}:{self.line}" if self.file and self.line else \
            f"{self.file or MESSAGES['label-record'][lang]} #{self.row}"
        record = self.record
        if record is not None and not record.isprintable():  # e.g. a line break in an id
            record = repr(record)
        who = f" {record}:" if record is not None else ""
        return f"{where}:{who} {self.text(lang)} [{self.code}]"

    def render(self, lang: Lang = "vi") -> str:
        """`format` in `lang` (so that a problem can say it: `Problem.of`)."""
        return self.format(lang)


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
        problem = record_shape_problem(record)
        if problem is not None:
            errors.append(RecordError.of(_id_of(record), n, "invalid-record", problem, None,
                                         file, line))
            continue
        assert isinstance(record, Mapping)
        reserved = [key for key in (ROW, LINE) if key in record]
        if reserved:
            errors += [RecordError.of(_id_of(record), n, "unknown-column",
                                      say("unknown-column", column=key, suggestion=None),
                                      key, file, line) for key in reserved]
            continue
        kept = len(positions)
        for key, value in record.items():
            column = rows.get(key)
            if column is None:
                column = rows[key] = [None] * kept
            column.append(value_as_text(value))
        positions.append(n)
        line_of.append(line)
        for column in rows.values():  # keys this record does not have
            if len(column) == kept:
                column.append(None)
    schema = {**dict.fromkeys(rows, pl.String), ROW: pl.Int64, LINE: pl.Int64}
    columns = [*rows.values(), positions, line_of]
    if len(positions) <= _FEW_RECORDS:  # the same table, built row by row: cheaper for a few
        frame = pl.DataFrame(list(zip(*columns, strict=True)), schema=schema, orient="row")
    else:
        frame = pl.DataFrame(dict(zip(schema, columns, strict=True)), schema=schema)
    return frame, errors


#: Up to this many records, `records_to_frame` builds its table row by row (a few tens of
#: microseconds instead of about a hundred); beyond, column by column (linear, faster).
_FEW_RECORDS = 16


def _id_of(record: object) -> str | None:
    ident = record.get("id") if isinstance(record, Mapping) else None
    if isinstance(ident, str):
        return safe_text(ident)
    if isinstance(ident, int) and int_problem(ident) is None:
        return str(ident)
    return None


def record_shape_problem(record: object) -> Message | None:
    """Why `record` cannot be a record (not a mapping, a key that is not text, a value
    that is a collection or a number that is not finite, text that is not text, a value
    its file could not read), or None."""
    if not isinstance(record, Mapping):
        return say("record-not-mapping", found=f"{record!r:.60}")
    for key, value in record.items():
        if not isinstance(key, str):
            return say("column-name-not-text", found=f"{key!r:.60}")
        if (reason := text_problem(key)) is not None:
            return say("column-name-bad", name=shown(key), reason=reason)
        if (reason := _value_problem(key, value)) is not None:
            return reason
    return None


def _value_problem(key: str, value: object) -> Message | None:
    if isinstance(value, BadValue):
        return say("value-bad", field=key, reason=value.reason)
    if _is_references(key, value):
        return None
    if isinstance(value, Mapping | list | tuple | set):
        return say("value-not-single", field=key,
                   kind=say("kind-python", kind=type(value).__name__))
    if isinstance(value, float) and not math.isfinite(value):
        return say("value-not-finite", field=key, value=repr(value))
    if isinstance(value, int) and (reason := int_problem(value)) is not None:
        return say("value-too-long", field=key, reason=reason)
    if isinstance(value, str) and (reason := text_problem(value)) is not None:
        return say("text-bad", field=key, value=shown(value), reason=reason)
    return None


def _is_references(key: str, value: object) -> bool:
    """Whether `value` is a list of evidence references (format 1.1) given as a list, as
    JSON and YAML records may: text entries under an ``evidence.<indicator>`` key."""
    return key.startswith(EVIDENCE_PREFIX) and isinstance(value, list | tuple) and all(
        isinstance(v, str) and text_problem(v) is None for v in value)


def value_as_text(value: object) -> str | None:
    """A record's value as the text a file would hold (``true``/``false`` for booleans; a
    list of evidence references joined by ``;``, as a spreadsheet cell holds them)."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
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
    typed, errors = type_query(frame, inputs, file=file, keep=keep, checks=checks)
    return collect_plain(typed), errors


def type_query(frame: pl.DataFrame, inputs: Mapping[str, InputSpec], *,
               file: str | None = None, keep: Sequence[str] = (),
               checks: Sequence[Check] = ()) -> tuple[pl.LazyFrame, list[RecordError]]:
    """`type_frame` with the typed table left as a query, to be run with what reads it.

    Each input is converted once: its cleaned raw value and its typed value are staged as
    columns (under names no column of `frame` can take), and every check reads those
    columns, so no conversion is computed twice. The expressions depend only on `inputs`,
    `keep` and the frame's schema, so they are built once for each (`_typing`). The
    conversions and every check's condition run as one query; messages are only built
    when some condition holds.
    """
    plan = _typing(inputs, frame.schema, tuple(keep))
    if frame.height > 1:  # the ids' uniqueness is known before the checks are chosen
        frame = frame.with_columns(plan.prelude)
        staged = frame.lazy()
    else:
        staged = frame.lazy().with_columns(plan.prelude)
    # Proving the ids unique costs one pass; only when they are not is each row tested.
    duplicates = frame.height > 1 and not _unique(frame["id"])
    every = [*checks, *plan.checks, *((plan.duplicate,) if duplicates else ())]
    for layer in plan.layers:
        staged = staged.with_columns(layer)
    # The conditions are added last, so they are the frame's last columns; the typed
    # result selects only its own columns and leaves them behind.
    frame = collect_plain(staged.with_columns(
        *(cond.alias(f"{plan.prefix}x{k}") for k, (cond, _, _, _) in enumerate(checks)),
        *plan.conditions, *((plan.duplicate[0].alias(f"{plan.prefix}d"),) if duplicates else ())))
    hits = [frame.to_series(k) for k in range(frame.width - len(every), frame.width)]
    errors: list[RecordError] = []
    if any(hit.any() for hit in hits):
        flags = pl.DataFrame(hits)
        # A whole number written as a number ("2.0"), an enum label in capitals, fails the
        # exact reading and is flagged invalid; it is read again, and its input checked
        # again, only then.
        offset = len(checks)
        fixes = [s for s in plan.staged
                 if s.fallback is not None and flags.to_series(offset + s.first_check).any()]
        if fixes:
            frame = frame.with_columns(s.fallback for s in fixes if s.fallback is not None)
            redo = [k for s in fixes for k in range(s.first_check, s.first_check + len(s.checks))]
            flags = flags.with_columns(frame.select(plan.conditions[k] for k in redo)
                                       .get_columns())
        errors = _collect_errors(frame, every, flags, file)
    rejected = {e.row for e in errors}
    kept = frame.filter(~pl.col(ROW).is_in(sorted(rejected))) if rejected else frame
    return kept.lazy().select(plan.typed), errors


@dataclass(frozen=True, slots=True)
class _Typing:
    """How one frame schema is typed against `inputs`: `prelude` (positions and id), the
    `layers` of staged columns, the checks of the columns and inputs, the typed result.
    Staged columns take names starting with `prefix`, which starts no column of the frame."""

    prefix: str
    prelude: tuple[pl.Expr, ...]
    layers: tuple[tuple[pl.Expr, ...], ...]
    staged: tuple[_Staged, ...]
    checks: tuple[Check, ...]           # unknown columns, each input's, the missing id
    conditions: tuple[pl.Expr, ...]     # the checks' conditions, as columns to add
    duplicate: Check                    # for ids not known to be unique
    typed: tuple[pl.Expr, ...]


_TYPINGS: OrderedDict[tuple[int, tuple[tuple[str, pl.DataType], ...], tuple[str, ...]],
                      tuple[Mapping[str, InputSpec], _Typing]] = OrderedDict()
_TYPINGS_KEPT = 64
_TYPINGS_LOCK = threading.Lock()


def _typing(inputs: Mapping[str, InputSpec], schema: pl.Schema,
            keep: tuple[str, ...]) -> _Typing:
    """The typing of `schema` against `inputs`, built once and kept for the next calls.

    Kept by the identity of `inputs` (a set's declared inputs: a frozen set keeps the same
    mapping, an overlaid set has its own), which the entry holds, so the identity cannot
    be reused by another mapping while it is kept; the last `_TYPINGS_KEPT` are kept.
    """
    key = (id(inputs), tuple(schema.items()), keep)
    with _TYPINGS_LOCK:
        entry = _TYPINGS.get(key)
        if entry is not None and entry[0] is inputs:
            _TYPINGS.move_to_end(key)
            return entry[1]
    typing = _build_typing(inputs, schema, keep)
    with _TYPINGS_LOCK:
        _TYPINGS[key] = (inputs, typing)
        while len(_TYPINGS) > _TYPINGS_KEPT:
            _TYPINGS.popitem(last=False)
    return typing


def _build_typing(inputs: Mapping[str, InputSpec], schema: pl.Schema,
                  keep: tuple[str, ...]) -> _Typing:
    columns = list(schema)
    prelude: list[pl.Expr] = []
    if ROW not in schema:
        prelude.append(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias(ROW))
    if LINE not in schema:
        prelude.append(pl.lit(None, dtype=pl.Int64).alias(LINE))
    prelude.append(_id_column(columns))
    checks = _column_checks(columns, inputs, keep)
    prefix = _fresh_prefix(columns)
    staged: list[_Staged] = []
    for k, (name, spec) in enumerate(inputs.items()):
        staged.append(_Staged(schema, name, spec, f"{prefix}{k}", len(checks)))
        checks += staged[-1].checks
    layers = tuple(layer for layer in ([e for s in staged for e in s.stage(stage)]
                                       for stage in range(3)) if layer)
    typed: list[pl.Expr] = [pl.col("id")]
    if "name" in schema:
        typed.append(pl.col("name").cast(pl.String))
    typed += [pl.col(c) for c in keep if c in schema]
    typed += [s.typed() for s in staged]
    checks.append((_MISSING_ID, "id", "missing-id", column_text("no-id")))
    # A row that is not the first of its value is necessarily a duplicate.
    duplicate: Check = (~_MISSING_ID & ~pl.col("id").is_first_distinct(), "id",
                        "duplicate-record", _REPEATED)
    conditions = tuple(cond.alias(f"{prefix}c{k}") for k, (cond, _, _, _) in enumerate(checks))
    return _Typing(prefix, tuple(prelude), tuple(tuple(layer) for layer in layers),
                   tuple(staged), tuple(checks), conditions, duplicate, tuple(typed))


_MISSING_ID = pl.col("id").is_null() | (pl.col("id") == "")
_REPEATED = column_text("id-used-before", id=pl.col("id"))


def earlier_id_check(earlier: Sequence[str]) -> Check:
    """The check that rejects a record whose id is one of `earlier` (ids of records read
    before this table, e.g. in an earlier piece of the same file), as a repeated id within
    the table is rejected: same code and message, one error for the record."""
    ids = pl.col("id")
    return (~_MISSING_ID & ids.is_in(pl.lit(pl.Series(earlier, dtype=pl.String)).implode())
            & ids.is_first_distinct(), "id", "duplicate-record", _REPEATED)


def _fresh_prefix(columns: Sequence[str]) -> str:
    """A prefix that starts no column of `columns`, for the staged columns."""
    prefix = "__lm_"
    while any(column.startswith(prefix) for column in columns):
        prefix = "_" + prefix
    return prefix


def _id_column(columns: Sequence[str]) -> pl.Expr:
    if "id" not in columns:
        return pl.lit(None, dtype=pl.String).alias("id")
    return pl.col("id").cast(pl.String).str.strip_chars().alias("id")


def _column_checks(columns: Sequence[str], inputs: Mapping[str, InputSpec],
                   keep: Sequence[str]) -> list[Check]:
    known = {*META_COLUMNS, *keep, *inputs, ROW, LINE}
    checks: list[Check] = []
    for column in columns:
        if column in known:
            continue
        if column.startswith(EVIDENCE_PREFIX):  # references for an indicator (format 1.1)
            close = difflib.get_close_matches(column, [c for c in keep if c in columns
                                                       or c.startswith(EVIDENCE_PREFIX)], n=1)
            hint = say("did-you-mean", name=close[0]) if close else None
            message = column_text("unknown-evidence-column", column=column,
                                  indicator=column.removeprefix(EVIDENCE_PREFIX),
                                  suggestion=hint)
        else:
            close = difflib.get_close_matches(column, list(inputs), n=1)
            hint = say("did-you-mean", name=close[0]) if close else None
            message = column_text("unknown-column", column=column, suggestion=hint)
        checks.append((pl.lit(True), column, "unknown-column", message))
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
    if strictly_increasing(head) and strictly_increasing(ids):
        return True
    return ids.n_unique() == n


def strictly_increasing(values: pl.Series) -> bool:
    """Whether each of `values` is greater than the one before (so no two are equal)."""
    if values.len() < 2:
        return True
    pairs = values.slice(1) > values.slice(0, values.len() - 1)
    return pairs.all(ignore_nulls=False) is True  # a null (unknown) order proves nothing


_TARGETS: dict[str, Any] = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}
_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}


class _Staged:
    """One declared input: the columns it is converted through, and its checks.

    Stage 0 adds the cleaned raw value (text stripped; a typed column is read as it is),
    stage 1 the value converted from it, stage 2 a correction of that value
    when one is needed (a number that is not finite). A whole number written as a number
    ("2.0"), or an enum label in capitals, fails the exact reading of stage 1, so its row is
    flagged invalid; `fallback` reads such values again, and is only run when some row of
    the input is flagged.
    `first_check` is the position of the input's first check among the typing's checks.

    Blank text is no value: it is turned into null only for a text input (whose value is
    the text); every other type reads "" as null anyway, so there the cleaned column keeps
    it and `present` (given, not blank) says ``clean != ""`` (null when absent).
    """

    def __init__(self, schema: pl.Schema, name: str, spec: InputSpec, base: str,
                 first_check: int) -> None:
        self.name, self.spec = name, spec
        self.target = _TARGETS.get(spec.type, pl.String)
        self.present_in_frame = name in schema
        dtype = schema[name] if self.present_in_frame else pl.Null()
        self.text = dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum)
        self.dtype = dtype
        self.clean = f"{base}_raw" if self.text else name
        self.value = f"{base}_value"
        self.first_check = first_check
        self.checks = self._checks()
        fallback = _reread(pl.col(self.clean), pl.col(self.value), dtype, self.text, spec) \
            if self.present_in_frame else None
        self.fallback = None if fallback is None else fallback.alias(self.value)

    def stage(self, stage: int) -> list[pl.Expr]:
        if not self.present_in_frame:
            return []
        if stage == 0:
            if not self.text:
                return []
            raw = pl.col(self.name)
            if self.dtype != pl.String:
                raw = raw.cast(pl.String)  # Categorical / Enum: their values as text
            clean = raw.str.strip_chars()
            if self.spec.type == "string":
                clean = clean.replace("", None)
            return [clean.alias(self.clean)]
        if stage == 1:
            return [_convert(pl.col(self.clean), self.dtype, self.text, self.spec)
                    .alias(self.value)]
        fix = _correct(pl.col(self.value), self.dtype, self.text, self.spec)
        return [] if fix is None else [fix.alias(self.value)]

    def _checks(self) -> list[Check]:
        name, spec = self.name, self.spec
        if self.present_in_frame:
            clean = pl.col(self.clean)
            present = clean.ne("") if self.text else clean.is_not_null()
            value = pl.col(self.value)
            shown = pl.col(name).cast(pl.String)
        else:
            present, value, shown = pl.lit(False), pl.lit(None, dtype=self.target), pl.lit("")
        hint = reading_hint(pl.col(self.clean)) if self.text and \
            spec.type in ("integer", "number") else None
        checks: list[Check] = [
            (present & value.is_null(), name, "invalid-record",
             column_text("value-invalid", field=name, expected=_expected(spec), value=shown,
                         reading=hint))]
        if spec.minimum is not None:
            checks.append((value < spec.minimum, name, "out-of-bounds",
                           column_text("below-minimum", field=name, value=shown,
                                       minimum=spec.minimum)))
        if spec.maximum is not None:
            checks.append((value > spec.maximum, name, "out-of-bounds",
                           column_text("above-maximum", field=name, value=shown,
                                       maximum=spec.maximum)))
        if spec.required:
            checks.append((~present.fill_null(False), name, "invalid-record",
                           column_text("required-missing", field=name)))
        return checks

    def typed(self) -> pl.Expr:
        if not self.present_in_frame:
            return pl.lit(None, dtype=self.target).alias(self.name)
        return pl.col(self.value).alias(self.name)


def _expected(spec: InputSpec) -> Message:
    if spec.type == "enum":  # the words officials write first (the labels), then values
        words = spec.value_labels("vi")
        listed = ", ".join(repr(w) for w in words)
        if tuple(words) != spec.values:
            return say("expected-enum-values", words=listed, values=", ".join(spec.values or ()))
        return say("expected-enum", words=listed)
    return say(f"expected-{spec.type}" if spec.type in ("integer", "number", "boolean")
               else "expected-text")


def _convert(raw: pl.Expr, dtype: pl.DataType, text: bool, spec: InputSpec) -> pl.Expr:
    """The typed value of the cleaned column `raw` (null where it does not convert)."""
    if spec.type == "integer":
        if text:  # exact: a whole number beyond 2**53 is not read through a float
            return raw.str.to_integer(base=10, strict=False)
        if dtype.is_float():
            return pl.when(raw.round(0) == raw).then(raw).cast(pl.Int64, strict=False)
        return raw.cast(pl.Int64, strict=False) if dtype.is_integer() else _nulls(pl.Int64)
    if spec.type == "number":
        if text:  # "5.930" is 5930 the Vietnamese way, 5.93 the English way: refused
            return pl.when(~ambiguous(raw)).then(raw.cast(pl.Float64, strict=False))
        if dtype.is_numeric():
            return raw.cast(pl.Float64, strict=False)
        return _nulls(pl.Float64)
    if spec.type == "boolean":
        if text:
            return _enum_lookup(_WORDS, raw.str.to_lowercase(), pl.Boolean)
        if dtype.is_integer():  # 1/0, as a CSV file may write them
            return pl.when(raw == 1).then(True).when(raw == 0).then(False)
        return raw if dtype == pl.Boolean else _nulls(pl.Boolean)
    value = raw.cast(pl.String) if text or dtype.is_numeric() else _nulls(pl.String)
    if spec.type == "enum":  # a value or either label as written; in any case: `_reread`
        return _enum_lookup(spec.spellings(), value)
    return value


def _enum_lookup(words: Mapping[str, object], text: pl.Expr,
                 dtype: Any = pl.String) -> pl.Expr:
    """The value each row of `text` spells (`words`: spelling → value of `dtype`), null
    for none.

    Looked up as an Enum of the spellings, then each spelling's value taken by position:
    far cheaper than ``replace_strict``, which builds its table of strings on every run.
    """
    position = text.cast(pl.Enum(list(words)), strict=False).to_physical()
    return pl.lit(pl.Series(list(words.values()), dtype=dtype)).gather(position)


def _correct(value: pl.Expr, dtype: pl.DataType, text: bool,
             spec: InputSpec) -> pl.Expr | None:
    """A second pass over the converted `value`, where the type needs one."""
    if spec.type == "number" and (text or dtype.is_numeric()):
        return pl.when(value.is_finite()).then(value)
    return None


def _reread(raw: pl.Expr, value: pl.Expr, dtype: pl.DataType, text: bool,
            spec: InputSpec) -> pl.Expr | None:
    """The value read again where the exact reading failed, for the types that allow it.

    An integer from text: "2.0" or "1e1" is a whole number written as a number. An enum:
    a value or label in another case or Unicode form (compared as `fold_word` does, less
    the trimming already done). It changes only rows whose `value` is null while `raw` is
    not: rows the invalid check flags; the other rows are null in the second reading.
    """
    missed = pl.when(value.is_null()).then(raw)
    if spec.type == "integer" and text:
        number = missed.cast(pl.Float64, strict=False)
        whole = pl.when(number.round(0) == number).then(number).cast(pl.Int64, strict=False)
        # a count typed the Vietnamese way ("5.930", "1 234") is thousands, not 5.93
        return pl.coalesce(value, whole_reading(missed), whole)
    if spec.type == "number" and text:
        return pl.coalesce(value, number_reading(missed))
    if spec.type == "enum" and (text or dtype.is_numeric()):
        words = spec.spellings()
        keys = pl.Series(list(words), dtype=pl.String).str.normalize("NFC").str.to_lowercase()
        folded = dict(zip(keys.to_list(), words.values(), strict=True))
        return pl.coalesce(value, _enum_lookup(
            folded, missed.cast(pl.String).str.normalize("NFC").str.to_lowercase()))
    return None


def _nulls(dtype: Any) -> pl.Expr:
    return pl.lit(None, dtype=dtype)


def _collect_errors(frame: pl.DataFrame, checks: Sequence[Check], flags: pl.DataFrame,
                    file: str | None) -> list[RecordError]:
    """Every check's hits (`flags`: the k-th column holds the k-th check's condition over
    `frame`), as errors sorted by row then field.

    The messages are only computed over the rows that some condition flags (so a check's
    message must be row-wise: no window or aggregate).
    """
    hit = flags.select(pl.any_horizontal(pl.all()).fill_null(False)).to_series()
    flagged = flags.filter(hit).get_columns()
    rows = frame.filter(hit).with_columns(
        pl.Series(f"_f{k}", column) for k, column in enumerate(flagged))
    errors: list[RecordError] = []
    for k, (_, column, code, text) in enumerate(checks):
        hits = rows.filter(pl.col(f"_f{k}").fill_null(False))
        if hits.height == 0:
            continue
        values = hits.select(ROW, LINE, "id", *text_columns(text, f"_e{k}"))
        for row in values.iter_rows(named=True):
            said = text_of(text, row, f"_e{k}")
            if said is not None:
                errors.append(RecordError.of(row["id"] or None, row[ROW], code, said,
                                             column, file, row[LINE]))
    errors.sort(key=lambda e: (e.row, e.field or ""))
    return errors
