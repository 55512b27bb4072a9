"""Compile the expression IR to a Python function of one row, with the meaning of `polars_engine`.

A Polars query costs about a millisecond to plan for a set of thirty indicators, whatever
the number of rows; for a table of one subject that is nearly all of the work. So a table
of a few rows is scored with these functions instead (``_scoring.score_rows``). They follow the
null rules of `polars_engine` exactly: arithmetic and comparisons with a null give null,
``and`` / ``or`` are Kleene logic, a null test gives a null conditional, a null value is
not in (nor out of) any list, ``a / 0`` is null, and functions follow their own rules
(their `Function.scalar`).

Where Polars and Python arithmetic could part — an integer beyond ±2**53 (Polars compares
it with a number as a float, and wraps at 2**63), a number that is not finite (Polars
orders NaN above everything) — the row function raises `NotScalar`, and the caller scores
the table column-wise. So does `to_python` for a function without a scalar form.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .functions import BUILTIN_FUNCTIONS, FunctionRegistry, NotScalar
from .ir import Binary, BoolOp, Call, Compare, Const, Expr, IfExp, In, Name, Unary

__all__ = ["NotScalar", "RowFunction", "kleene_and", "kleene_or", "to_python"]

Row = Mapping[str, Any]
RowFunction = Callable[[Row], Any]

#: Integers up to this size are exact as floats: both engines compare and divide them alike.
EXACT = 2**53


def checked(value: Any) -> Any:
    """`value`, when both engines agree on it; raises `NotScalar` otherwise."""
    if type(value) is int:
        if -EXACT <= value <= EXACT:
            return value
        raise NotScalar
    if type(value) is float and not math.isfinite(value):
        raise NotScalar
    return value


def kleene_and(values: Sequence[bool | None]) -> bool | None:
    """False if any is False, else null if any is null, else True (Polars' ``&``)."""
    if False in values:
        return False
    return None if None in values else True


def kleene_or(values: Sequence[bool | None]) -> bool | None:
    """True if any is True, else null if any is null, else False (Polars' ``|``)."""
    if True in values:
        return True
    return None if None in values else False


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt,
    "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul,
}


def to_python(expr: Expr, functions: FunctionRegistry = BUILTIN_FUNCTIONS) -> RowFunction:
    """A function computing `expr` for one row (a mapping of names to values, None = null).

    `expr` must have passed ``check_expression`` with the same `functions`. Raises
    `NotScalar` when a function it calls has no scalar form.
    """
    return _compile(expr, functions)


def _compile(expr: Expr, functions: FunctionRegistry) -> RowFunction:
    if isinstance(expr, Const):
        value = checked(expr.value)   # a literal beyond the exact range: column-wise
        return lambda row: value
    if isinstance(expr, Name):
        name = expr.id
        return lambda row: checked(row[name])
    if isinstance(expr, Unary):
        return _unary(expr.op, _compile(expr.operand, functions))
    if isinstance(expr, Binary):
        return _binary(expr.op, _compile(expr.left, functions), _compile(expr.right, functions))
    if isinstance(expr, Compare):
        return _compare(expr.ops, [_compile(o, functions) for o in expr.operands])
    if isinstance(expr, BoolOp):
        parts = [_compile(v, functions) for v in expr.values]
        combine = kleene_and if expr.op == "and" else kleene_or
        return lambda row: combine([part(row) for part in parts])
    if isinstance(expr, IfExp):
        test, body = _compile(expr.test, functions), _compile(expr.body, functions)
        orelse = _compile(expr.orelse, functions)

        def conditional(row: Row) -> Any:
            decided = test(row)
            if decided is None:
                return None
            return body(row) if decided else orelse(row)
        return conditional
    if isinstance(expr, In):
        return _membership(expr, _compile(expr.value, functions))
    return _call(expr, functions)


def _unary(op: str, operand: RowFunction) -> RowFunction:
    if op == "not":
        def negation(row: Row) -> Any:
            value = operand(row)
            return None if value is None else not value
        return negation
    if op == "+":
        return operand

    def minus(row: Row) -> Any:
        value = operand(row)
        return None if value is None else -value
    return minus


def _binary(op: str, left: RowFunction, right: RowFunction) -> RowFunction:
    if op == "/":
        def division(row: Row) -> Any:
            a, b = left(row), right(row)
            if a is None or b is None or b == 0:
                return None
            return checked(float(a) / float(b))
        return division
    apply = _ARITHMETIC[op]

    def arithmetic(row: Row) -> Any:
        a, b = left(row), right(row)
        if a is None or b is None:
            return None
        return checked(apply(a, b))
    return arithmetic


def _compare(ops: Sequence[str], operands: Sequence[RowFunction]) -> RowFunction:
    tests = [_COMPARE[op] for op in ops]
    if len(tests) == 1:
        first, left, right = tests[0], operands[0], operands[1]

        def comparison(row: Row) -> Any:
            a, b = left(row), right(row)
            return None if a is None or b is None else first(a, b)
        return comparison

    def chain(row: Row) -> Any:
        values = [operand(row) for operand in operands]
        return kleene_and([None if a is None or b is None else test(a, b)
                           for test, a, b in zip(tests, values, values[1:], strict=False)])
    return chain


def _membership(expr: In, value: RowFunction) -> RowFunction:
    options = [checked(option.value) for option in expr.options]
    negated = expr.negated

    def membership(row: Row) -> Any:
        found = value(row)
        if found is None:
            return None
        return any(found == option for option in options) != negated
    return membership


def _call(expr: Call, functions: FunctionRegistry) -> RowFunction:
    function = functions.get(expr.func)
    if function is None:
        raise ValueError(f"unknown function {expr.func!r}: check the expression first")
    scalar = function.scalar
    if scalar is None:
        raise NotScalar(expr.func)
    args: list[RowFunction] = []
    for index, arg in enumerate(expr.args):
        if index in function.literal_params and isinstance(arg, Const):
            literal = arg.value
            args.append(lambda row, literal=literal: literal)  # type: ignore[misc]
        else:
            args.append(_compile(arg, functions))
    return lambda row: checked(scalar(*(arg(row) for arg in args)))
