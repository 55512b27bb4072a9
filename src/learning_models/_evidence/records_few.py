"""A few well-formed records typed in Python, without a Polars query.

`type_frame` types records column-wise: for one record, planning its query is most of the
cost of an evaluation. `type_few` types a few mappings directly, but only in the plain
case, where nothing can be read two ways: every id present, unique and already trimmed;
no unknown key; every value absent, empty, or written exactly as the column-wise reading
reads it without a second look — an integer as digits with an optional sign, a number as
digits with an optional sign and decimal point, a yes/no word, an enum value or label as
written, any text — inside its bounds, and every required input given. For anything else
(and so for every record that would be rejected) it returns None, and the records are
typed column-wise: its messages and rules stay the only ones.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from .._criteria import InputSpec
from .numbers import DOT_THREE
from .records import FALSE_WORDS, META_COLUMNS, TRUE_WORDS, record_shape_problem, value_as_text

__all__ = ["FEW_RECORDS", "type_few"]

#: At most this many records are typed here.
FEW_RECORDS = 16

_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_AMBIGUOUS = re.compile(DOT_THREE)
_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}
_LIMIT = 2**63
_DTYPES: dict[str, pl.DataType] = {"integer": pl.Int64(), "number": pl.Float64(),
                                   "boolean": pl.Boolean()}


class _Declined(Exception):
    """These records are typed column-wise (a signal, never shown)."""


def type_few(records: Sequence[object], inputs: Mapping[str, InputSpec],
             ) -> tuple[list[dict[str, Any]], pl.Schema] | None:
    """The records typed (id, name when some record has one, each input in its type) and
    the schema `type_frame` gives them; None when they must be typed column-wise."""
    if len(records) > FEW_RECORDS:
        return None
    try:
        rows = [_row(record, inputs) for record in records]
    except _Declined:
        return None
    if len({row["id"] for row in rows}) < len(rows):
        return None   # a repeated id: the column-wise typing says which, and where
    named = any("name" in row for row in rows)
    schema = pl.Schema({"id": pl.String(), **({"name": pl.String()} if named else {}),
                        **{k: _DTYPES.get(spec.type, pl.String()) for k, spec in inputs.items()}})
    if named:
        for row in rows:
            row.setdefault("name", None)
    return rows, schema


def _row(record: object, inputs: Mapping[str, InputSpec]) -> dict[str, Any]:
    if record_shape_problem(record) is not None:
        raise _Declined
    assert isinstance(record, Mapping)
    row: dict[str, Any] = {}
    for key in record:
        if key not in inputs and key not in META_COLUMNS:
            raise _Declined
    ident = value_as_text(record.get("id"))
    if not ident or ident != ident.strip():
        raise _Declined
    row["id"] = ident
    if "name" in record:
        row["name"] = value_as_text(record["name"])
    for name, spec in inputs.items():
        row[name] = _value(value_as_text(record.get(name)), spec)
    return row


def _value(text: str | None, spec: InputSpec) -> Any:
    if text is None or text == "":
        if spec.required:
            raise _Declined
        return None
    if text != text.strip():   # the column-wise typing trims it: left to it
        raise _Declined
    value: Any
    if spec.type == "integer":
        if len(text) > 20 or not _INTEGER.fullmatch(text):   # 64 bits take 19 digits
            raise _Declined
        value = int(text)
        if not -_LIMIT <= value < _LIMIT:
            raise _Declined
    elif spec.type == "number":
        if _AMBIGUOUS.fullmatch(text):   # 5930 or 5.93: the column-wise typing says so
            raise _Declined
        value = float(text) if len(text) <= 60 and _NUMBER.fullmatch(text) else math.inf
        if not math.isfinite(value):
            raise _Declined
    elif spec.type == "boolean":
        value = _WORDS.get(text.lower())
        if value is None:
            raise _Declined
    elif spec.type == "enum":
        value = spec.spellings().get(text)
        if value is None:
            raise _Declined
    else:
        value = text
    if spec.minimum is None and spec.maximum is None:
        return value
    if spec.type not in ("integer", "number") or \
            (spec.minimum is not None and value < spec.minimum) or \
            (spec.maximum is not None and value > spec.maximum):
        raise _Declined
    return value
