"""Integer arithmetic that can leave 64 bits: what ``lint`` says about it (``integer-overflow``).

Evaluation never decides on a wrapped number: an integer ``+``, ``-`` or ``*`` whose result
does not fit in 64 bits is unknown (`_expressions.exact`), so the indicator that reads it is
*missing* for that subject. A set whose arithmetic can get there deserves a word before any
evidence is read, and `integer_overflows` finds it from the declared bounds alone.

The range of every integer subexpression is computed bottom-up: an integer input's from its
``minimum`` and ``maximum`` (open on a side without one), an integer literal's its value, a
derived value's that of its expression, a ``+``, ``-``, ``*`` or negation of integers the
interval of its results, a conditional the union of its branches. Anything else (a division,
a number, a function) is not integer arithmetic: the analysis stops there, so a finding is
always real. Two findings:

* the bounds allow a result beyond ±2**63 (``adults * 10**18`` with ``maximum: 30``);
* a product reads a value with no bound on a side (its result has none either), unless the
  other factor is a literal from -1 to 1.

A subexpression reported once is not reported again through the expressions around it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .._criteria import InputSpec
from .._documents import Message, Number, say
from .._expressions import (
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
    render,
)

__all__ = ["Overflow", "Range", "integer_overflows"]

#: The integers a 64-bit signed integer holds.
LOWEST, HIGHEST = -(2**63), 2**63 - 1

#: An integer range; None on a side means no bound.
Range = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class Overflow:
    """A subexpression whose integer result can leave 64 bits, and why."""

    node: Binary
    message: Message
    hint: Message


def integer_overflows(expr: Expr, inputs: Mapping[str, InputSpec],
                      derived: Mapping[str, Range | None]) -> tuple[Range | None, list[Overflow]]:
    """The integer range of `expr` (None: not integer arithmetic, or already reported) and
    what in it can leave 64 bits; `derived` gives the ranges of derived values."""
    found: list[Overflow] = []
    return _range(expr, inputs, derived, found), found


def _range(expr: Expr, inputs: Mapping[str, InputSpec], derived: Mapping[str, Range | None],
           found: list[Overflow]) -> Range | None:
    if isinstance(expr, Const):
        value = expr.value
        return (value, value) if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(expr, Name):
        return _name_range(expr.id, inputs, derived)
    parts = [_range(child, inputs, derived, found) for child in _children(expr)]
    if isinstance(expr, Unary):
        inner = parts[0]
        return None if inner is None or expr.op == "not" else \
            inner if expr.op == "+" else (_neg(inner[1]), _neg(inner[0]))
    if isinstance(expr, IfExp):
        body, orelse = parts[1], parts[2]
        if body is None or orelse is None:
            return None
        return (_lowest(body[0], orelse[0]), _highest(body[1], orelse[1]))
    if isinstance(expr, Binary) and expr.op != "/" and None not in parts:
        left, right = parts[0], parts[1]
        assert left is not None and right is not None
        return _arithmetic(expr, left, right, found)
    return None


def _children(expr: Expr) -> list[Expr]:
    if isinstance(expr, Unary):
        return [expr.operand]
    if isinstance(expr, Binary):
        return [expr.left, expr.right]
    if isinstance(expr, IfExp):
        return [expr.test, expr.body, expr.orelse]
    if isinstance(expr, Compare):
        return list(expr.operands)
    if isinstance(expr, BoolOp):
        return list(expr.values)
    if isinstance(expr, In):
        return [expr.value]
    if isinstance(expr, Call):
        return list(expr.args)
    return []


def _name_range(name: str, inputs: Mapping[str, InputSpec],
                derived: Mapping[str, Range | None]) -> Range | None:
    if name in derived:
        return derived[name]
    spec = inputs.get(name)
    if spec is None or spec.type != "integer":
        return None
    low = None if spec.minimum is None else math.ceil(spec.minimum)
    high = None if spec.maximum is None else math.floor(spec.maximum)
    return (low, high)


def _arithmetic(node: Binary, left: Range, right: Range, found: list[Overflow]) -> Range | None:
    if node.op == "+":
        result = (_add(left[0], right[0]), _add(left[1], right[1]))
    elif node.op == "-":
        result = (_add(left[0], _neg(right[1])), _add(left[1], _neg(right[0])))
    else:
        unbounded = [side for side in (left, right) if None in side]
        small = [side for side in (left, right) if None not in side
                 and -1 <= side[0] <= side[1] <= 1]  # type: ignore[operator]
        if unbounded and not small:
            found.append(Overflow(node, say("lint-overflow-unbounded", expr=render(node),
                                            missing=_missing_bound(unbounded)),
                                  say("lint-overflow-unbounded-hint")))
            return None
        if unbounded:
            return (None, None)
        corners = [a * b for a in left for b in right]  # type: ignore[operator]
        result = (min(corners), max(corners))
    low, high = result
    if (low is not None and low < LOWEST) or (high is not None and high > HIGHEST):
        reach = high if high is not None and high > HIGHEST else low
        assert reach is not None  # the bound that left 64 bits
        found.append(Overflow(node, say("lint-overflow-reach", expr=render(node),
                                        reach=Number(reach)),
                              say("lint-overflow-reach-hint")))
        return None
    return result


def _missing_bound(ranges: list[Range]) -> Message:
    lows = any(r[0] is None for r in ranges)
    highs = any(r[1] is None for r in ranges)
    return say("lint-missing-both") if lows and highs else \
        say("lint-missing-min") if lows else say("lint-missing-max")


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _neg(a: int | None) -> int | None:
    return None if a is None else -a


def _lowest(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else min(a, b)


def _highest(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else max(a, b)
