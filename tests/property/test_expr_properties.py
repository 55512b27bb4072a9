"""Properties of the expression language: Polars agrees with a plain-Python reference,
rendering round-trips through the parser, and no text makes the parser crash."""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import DTYPES, KINDS, SCHEMA, TYPED_NAMES, expressions, rows

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
    Unary,
    ValueType,
    check_expression,
    parse_expression,
    render,
)
from learning_models._expressions.polars_engine import to_polars
from learning_models.errors import CriteriaError, Span

# --------------------------------------------------------------------------- reference


class Overflow(Exception):
    """An integer left the 64-bit range: Polars and Python would legitimately differ."""


def kleene_and(values: Sequence[bool | None]) -> bool | None:
    if any(value is False for value in values):
        return False
    return None if any(value is None for value in values) else True


def kleene_or(values: Sequence[bool | None]) -> bool | None:
    if any(value is True for value in values):
        return True
    return None if any(value is None for value in values) else False


def round_half_away(x: float, ndigits: int) -> float:
    scale = 10.0**ndigits
    scaled = abs(x * scale)
    whole = math.floor(scaled)
    if scaled - whole >= 0.5:
        whole += 1
    return math.copysign(whole / scale, x)


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}


def call(name: str, args: list[Any]) -> Any:
    if name == "default":
        return args[0] if args[0] is not None else args[1]
    if name == "ratio":
        a, b = args[0], args[1]
        fallback = args[2] if len(args) > 2 else 1.0
        if a is None or b is None:
            return None
        if b == 0:
            return None if fallback is None else float(fallback)
        return a / b
    if any(arg is None for arg in args):
        return None
    if name in ("min", "max"):
        return min(args) if name == "min" else max(args)
    if name == "abs":
        return abs(args[0])
    assert name == "round"
    x, ndigits = args[0], args[1] if len(args) > 1 else 0
    return x if isinstance(x, int) else round_half_away(x, ndigits)


def evaluate(expr: Expr, row: Mapping[str, Any]) -> Any:
    """The meaning of `expr` for one row, in plain Python (None is null)."""
    if isinstance(expr, Const):
        return expr.value
    if isinstance(expr, Name):
        return row[expr.id]
    if isinstance(expr, Unary):
        value = evaluate(expr.operand, row)
        if value is None:
            return None
        return (not value) if expr.op == "not" else (-value if expr.op == "-" else value)
    if isinstance(expr, Binary):
        return binary(expr.op, evaluate(expr.left, row), evaluate(expr.right, row))
    if isinstance(expr, Compare):
        values = [evaluate(operand, row) for operand in expr.operands]
        pairs = [
            None if a is None or b is None else COMPARE[op](a, b)
            for op, a, b in zip(expr.ops, values, values[1:], strict=False)
        ]
        return kleene_and(pairs)
    if isinstance(expr, BoolOp):
        values = [evaluate(value, row) for value in expr.values]
        return kleene_and(values) if expr.op == "and" else kleene_or(values)
    if isinstance(expr, IfExp):
        test = evaluate(expr.test, row)
        if test is None:
            return None
        return evaluate(expr.body if test else expr.orelse, row)
    if isinstance(expr, In):
        value = evaluate(expr.value, row)
        if value is None:
            return None
        return any(value == option.value for option in expr.options) != expr.negated
    assert isinstance(expr, Call)
    return call(expr.func, [evaluate(arg, row) for arg in expr.args])


def binary(op: str, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return None
    if op == "/":
        return None if right == 0 else left / right
    result = ARITHMETIC[op](left, right)
    if isinstance(result, int) and abs(result) >= 2**62:
        raise Overflow
    return result


# --------------------------------------------------------------------------- helpers


def same(actual: Any, expected: Any) -> bool:
    if actual is None or expected is None:
        return actual is None and expected is None
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(actual, float) and math.isnan(actual)
    return bool(actual == expected)


def run(expr: Expr, frame: pl.DataFrame) -> pl.Series:
    return frame.select(to_polars(expr, pl.col).alias("result"))["result"]


kinds = st.sampled_from(KINDS)

# --------------------------------------------------------------------------- (a) semantics


@given(data=st.data(), kind=kinds)
def test_polars_agrees_with_the_reference(data: st.DataObject, kind: ValueType) -> None:
    expr = data.draw(expressions(kind), label="expr")
    found, problems = check_expression(expr, TYPED_NAMES, None)
    assert problems == []
    assert found == kind
    subjects = data.draw(st.lists(rows(), max_size=6), label="rows")
    try:
        expected = [evaluate(expr, row) for row in subjects]
    except Overflow:
        assume(False)
    frame = pl.DataFrame(subjects, schema=SCHEMA)
    result = run(expr, frame)
    assert result.dtype == DTYPES[found]
    assert len(result) == len(subjects)
    for index, (actual, wanted) in enumerate(zip(result.to_list(), expected, strict=True)):
        assert same(actual, wanted), (render(expr), subjects[index], actual, wanted)
    for index, subject in enumerate(subjects):  # a frame of one row gives the same answer
        alone = run(expr, pl.DataFrame([subject], schema=SCHEMA))
        assert alone.dtype == result.dtype
        assert same(alone.item(), result[index])


# --------------------------------------------------------------------------- (b) render


@given(data=st.data(), kind=kinds)
def test_render_round_trips(data: st.DataObject, kind: ValueType) -> None:
    expr = data.draw(expressions(kind, depth=4), label="expr")
    text = render(expr)
    assert parse_expression(text, None) == expr, text
    assert render(parse_expression(text, None)) == text


TOKENS = [
    "a", "b", "x1", "1", "2.5", "-", "+", "*", "/", "(", ")", "[", "]", ",", "<", "<=",
    "==", "!=", ">", "not", "and", "or", "if", "else", "in", "True", "'s'", "min", "ratio",
    ".", "**", "%", "is", "None", "lambda", ":", "=", "{", "}", "@", "\n", "#", "\\", "'",
]  # fmt: skip
token_soup = st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join)


@given(text=token_soup)
def test_whatever_parses_round_trips(text: str) -> None:
    try:
        expr = parse_expression(text, None)
    except CriteriaError:
        return
    assert parse_expression(render(expr), None) == expr


# --------------------------------------------------------------------------- (c) robustness

LINE_BREAK = re.compile(r"\r\n|\r|\n")
ORIGIN = Span("criteria.yaml", 7, 15)


def check_never_crashes(text: str) -> None:
    try:
        parse_expression(text, ORIGIN)
    except CriteriaError as error:
        assert error.problems
        lines = LINE_BREAK.split(text)
        for problem in error.problems:
            assert problem.span is not None
            offset = problem.span.line - ORIGIN.line
            assert 0 <= offset < len(lines), problem
            column = problem.span.column - (ORIGIN.column if offset == 0 else 1)
            assert 0 <= column <= len(lines[offset]), problem


@given(text=st.text())
def test_arbitrary_text_only_raises_criteria_error(text: str) -> None:
    check_never_crashes(text)


@given(text=token_soup)
def test_token_soup_only_raises_criteria_error(text: str) -> None:
    check_never_crashes(text)


@pytest.mark.parametrize("unit", ["(", "not ", "-", "[", "f(", "a if b else ", "1 + "])
@pytest.mark.parametrize("count", [39, 41, 250, 5000])
def test_deep_or_long_text_only_raises_criteria_error(unit: str, count: int) -> None:
    check_never_crashes(unit * count + "x")
