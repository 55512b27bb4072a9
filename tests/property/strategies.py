"""Hypothesis builders shared by the property tests.

`expressions(kind)` draws a well-typed expression of `kind` over `TYPED_NAMES`, in the
canonical form the parser produces (a minus sign before a number is part of the literal),
so ``parse_expression(render(e)) == e``. `rows()` draws one subject's values, with nulls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
from hypothesis import strategies as st

from learning_models._expressions import (
    Binary,
    BoolOp,
    Call,
    Compare,
    Const,
    Expr,
    IfExp,
    In,
    Name,
    NameInfo,
    Unary,
    ValueType,
)

ENUM_VALUES = ("low", "mid", "high")

TYPED_NAMES: dict[str, NameInfo] = {
    "i1": NameInfo("integer"),
    "i2": NameInfo("integer"),
    "n1": NameInfo("number"),
    "n2": NameInfo("number"),
    "b1": NameInfo("boolean"),
    "b2": NameInfo("boolean"),
    "level": NameInfo("string", ENUM_VALUES),
    "s1": NameInfo("string"),
}

DTYPES: dict[ValueType, pl.DataType] = {
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "string": pl.String(),
}

SCHEMA: dict[str, pl.DataType] = {name: DTYPES[info.type] for name, info in TYPED_NAMES.items()}

KINDS: tuple[ValueType, ...] = ("integer", "number", "boolean", "string")

Draw = Callable[[st.SearchStrategy[Any]], Any]

small_ints = st.integers(-20, 20)
# Numbers far from 0 or exactly 0, so chains of divisions stay finite.
small_floats = st.one_of(
    st.integers(-800, 800).map(lambda k: k / 8),
    st.floats(-100, 100, allow_nan=False).map(lambda x: round(x, 3)),
)
short_texts = st.one_of(st.sampled_from(["", "a", "b", "low"]), st.text(max_size=4))


def _names(kind: ValueType) -> list[str]:
    return [name for name, info in TYPED_NAMES.items() if info.type == kind]


def _strings_for(value: Expr) -> st.SearchStrategy[str]:
    """String literals that may be compared with `value` (enum inputs take their values)."""
    if isinstance(value, Name) and TYPED_NAMES[value.id].values is not None:
        return st.sampled_from(ENUM_VALUES)
    return short_texts


def _literals(kind: ValueType) -> st.SearchStrategy[Any]:
    return {
        "integer": small_ints,
        "number": small_floats,
        "boolean": st.booleans(),
        "string": short_texts,
    }[kind]


@st.composite
def leaves(draw: Draw, kind: ValueType) -> Expr:
    if draw(st.booleans()):
        return Name(draw(st.sampled_from(_names(kind))))
    return Const(draw(_literals(kind)))


def _negate(operand: Expr) -> Expr:
    if isinstance(operand, Const) and not isinstance(operand.value, bool | str):
        return Const(-operand.value)
    return Unary("-", operand)


@st.composite
def _numeric(draw: Draw, kind: ValueType, depth: int) -> Expr:
    """An expression of `kind` ("integer" or "number") built from arithmetic or a call."""
    first = draw(expressions(kind, depth))
    partner: ValueType = "integer" if kind == "integer" else draw(st.sampled_from(KINDS[:2]))
    second = draw(expressions(partner, depth))
    pair = (first, second) if draw(st.booleans()) else (second, first)
    choice = draw(st.integers(0, 9))
    if choice <= 2:
        return Binary(draw(st.sampled_from(["+", "-", "*"])), *pair)
    if choice == 3 and kind == "number":  # integer / integer is a number too
        ints = (draw(expressions("integer", depth)), draw(expressions("integer", depth)))
        return Binary("/", *(ints if draw(st.booleans()) else pair))
    if choice == 4:
        return _negate(first)
    if choice == 5:
        return Unary("+", first)
    if choice == 6:
        extra = draw(st.lists(expressions(partner, depth), max_size=2))
        return Call(draw(st.sampled_from(["min", "max"])), (*pair, *extra))
    if choice == 7:
        if draw(st.booleans()):
            return Call("round", (first, Const(draw(st.integers(0, 3)))))
        return Call(draw(st.sampled_from(["abs", "round"])), (first,))
    if choice == 8 and kind == "number":
        third = (draw(expressions(partner, depth)),) if draw(st.booleans()) else ()
        return Call("ratio", (*pair, *third))
    return Call("default", (first, draw(leaves(partner))))


def _fix_enum(left: Expr, right: Expr, draw: Draw) -> tuple[Expr, Expr]:
    """Replace a string literal compared with an enum input by one of its values."""
    if isinstance(right, Const) and isinstance(right.value, str):
        right = Const(draw(_strings_for(left)))
    if isinstance(left, Const) and isinstance(left.value, str):
        left = Const(draw(_strings_for(right)))
    return left, right


@st.composite
def _comparison(draw: Draw, depth: int) -> Expr:
    kind: ValueType = draw(st.sampled_from(KINDS))
    numeric = kind in ("integer", "number")
    ops = ["==", "!=", "<", "<=", ">", ">="] if numeric else ["==", "!="]
    count = draw(st.integers(1, 3 if numeric else 1))
    kinds = [kind] + [draw(st.sampled_from(KINDS[:2])) if numeric else kind for _ in range(count)]
    operands = [draw(expressions(k, depth)) for k in kinds]
    if kind == "string":
        operands = list(_fix_enum(operands[0], operands[1], draw))
    chosen = tuple(draw(st.sampled_from(ops)) for _ in range(count))
    return Compare(chosen, tuple(operands))


@st.composite
def _membership(draw: Draw, depth: int) -> Expr:
    kind: ValueType = draw(st.sampled_from(KINDS))
    value = draw(expressions(kind, depth))
    if kind == "string":
        literals = _strings_for(value)
    elif kind == "number":
        literals = st.one_of(small_floats, small_ints)
    else:
        literals = _literals(kind)
    options = tuple(Const(v) for v in draw(st.lists(literals, max_size=3)))
    return In(value, options, draw(st.booleans()))


@st.composite
def _boolean(draw: Draw, depth: int) -> Expr:
    choice = draw(st.integers(0, 4))
    if choice == 0:
        return draw(_comparison(depth))
    if choice == 1:
        values = draw(st.lists(expressions("boolean", depth), min_size=2, max_size=3))
        return BoolOp(draw(st.sampled_from(["and", "or"])), tuple(values))
    if choice == 2:
        return Unary("not", draw(expressions("boolean", depth)))
    if choice == 3:
        return draw(_membership(depth))
    return Call("default", (draw(expressions("boolean", depth)), draw(leaves("boolean"))))


@st.composite
def expressions(draw: Draw, kind: ValueType = "boolean", depth: int = 3) -> Expr:
    """A well-typed expression of `kind`, nested at most about `depth` levels."""
    if depth <= 0 or draw(st.integers(0, 3)) == 0:
        return draw(leaves(kind))
    if draw(st.integers(0, 5)) == 0:  # a conditional, whatever the kind
        test = draw(expressions("boolean", depth - 1))
        other: ValueType = kind
        if kind in ("integer", "number"):
            other = "number" if kind == "number" and draw(st.booleans()) else "integer"
        body, orelse = draw(expressions(kind, depth - 1)), draw(expressions(other, depth - 1))
        return IfExp(test, *((body, orelse) if draw(st.booleans()) else (orelse, body)))
    if kind == "boolean":
        return draw(_boolean(depth - 1))
    if kind == "string":
        first, second = draw(expressions("string", depth - 1)), draw(leaves("string"))
        return Call("default", (first, second))
    return draw(_numeric(kind, depth - 1))


@st.composite
def rows(draw: Draw) -> dict[str, Any]:
    """One subject's values; any of them may be missing (None)."""
    row: dict[str, Any] = {}
    for name, info in TYPED_NAMES.items():
        values = st.sampled_from(ENUM_VALUES) if info.values else _literals(info.type)
        row[name] = draw(st.one_of(st.none(), values))
    return row
