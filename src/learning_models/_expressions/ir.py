"""Indicator conditions: a small, safe expression language parsed into a frozen IR.

Conditions use a subset of Python expression syntax. A text is parsed once, when a
criteria set is loaded (`parse_expression`), into the frozen nodes below; names, function
calls and types are checked (`check_expression`) before anything runs; the IR is then
compiled to a Polars expression (``to_polars``). Python never evaluates the
text.

Grammar (lowest precedence first, as in Python)::

    expr     := or_expr "if" or_expr "else" expr | or_expr
    or_expr  := and_expr ("or" and_expr)*
    and_expr := not_expr ("and" not_expr)*
    not_expr := "not" not_expr | compare
    compare  := sum (cmp_op sum)*              chained: 0 < x <= 5
              | sum ["not"] "in" "[" [literal ("," literal)*] "]"
    cmp_op   := "==" | "!=" | "<" | "<=" | ">" | ">="
    sum      := sum ("+" | "-") term | term
    term     := term ("*" | "/") factor | factor
    factor   := ("-" | "+") factor | atom
    atom     := NAME | literal | NAME "(" [expr ("," expr)*] ")" | "(" expr ")"
    literal  := INTEGER | FLOAT | STRING | True | False | "-" (INTEGER | FLOAT)

A minus sign directly before a number is part of the literal (``Const(-1)``). Comments
(``#``) and line breaks inside brackets are allowed. Everything else Python accepts is
rejected with ``forbidden-syntax`` at its position: attribute access, subscripts, lambda,
comprehensions, ``**``, ``//``, ``%``, bitwise operators, ``is``, f-strings, ``:=``,
dict/set/tuple literals (and lists outside ``in``), starred and keyword arguments,
``None``, and calling anything but a plain function name. Texts longer than
`MAX_LENGTH` characters are ``expression-too-long``; nesting deeper than `MAX_DEPTH`
levels (IR nodes, brackets and runs of prefix operators) is ``expression-too-deep``.

Types are ``integer``, ``number``, ``boolean`` and ``string``; integers mix with numbers.
Missing evidence is null at run time; see ``to_polars`` for the null semantics.

Positions: every node has ``line`` (0-based line of the text) and ``col`` (0-based
character column in that line). They are not part of node equality: two nodes with the
same structure are equal wherever they were written. `node_span` maps them to the file,
also for a text YAML wrote over several lines (a `TextSpan`).

This module holds the IR, positions, traversal and rendering; parsing lives in
``parse`` and type checking in ``check`` (both build on the IR; the package re-exports
`parse_expression` and `check_expression`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from .._documents import Message, TextSpan, say, verbatim
from .._words import MESSAGES
from ..errors import Problem, ProblemCode, Span
from .functions import LiteralValue, ValueType

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Binary",
    "BoolOp",
    "Call",
    "Compare",
    "Const",
    "Expr",
    "IfExp",
    "In",
    "Name",
    "NameInfo",
    "Unary",
    "ValueType",
    "children",
    "expression_names",
    "node_span",
    "render",
    "walk",
]

MAX_LENGTH = 1000
MAX_DEPTH = 40

UnaryOperator = Literal["-", "+", "not"]
BinaryOperator = Literal["+", "-", "*", "/"]
CompareOperator = Literal["==", "!=", "<", "<=", ">", ">="]
BoolOperator = Literal["and", "or"]


@dataclass(frozen=True, slots=True)
class _Node:
    """Where a node starts: 0-based line of the text, 0-based character column."""

    line: int = field(default=0, compare=False, kw_only=True, repr=False)
    col: int = field(default=0, compare=False, kw_only=True, repr=False)


@dataclass(frozen=True, slots=True, eq=False)
class Const(_Node):
    """A literal. Equality also compares the Python type: ``Const(1) != Const(True)``."""

    value: LiteralValue

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Const):
            return NotImplemented
        return type(self.value) is type(other.value) and self.value == other.value

    def __hash__(self) -> int:
        return hash((type(self.value).__name__, self.value))


@dataclass(frozen=True, slots=True)
class Name(_Node):
    id: str


@dataclass(frozen=True, slots=True)
class Unary(_Node):
    op: UnaryOperator
    operand: Expr


@dataclass(frozen=True, slots=True)
class Binary(_Node):
    op: BinaryOperator
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Compare(_Node):
    """``operands[0] ops[0] operands[1] ops[1] operands[2] ...`` (one more operand than ops)."""

    ops: tuple[CompareOperator, ...]
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class BoolOp(_Node):
    op: BoolOperator
    values: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class IfExp(_Node):
    """``body if test else orelse``."""

    test: Expr
    body: Expr
    orelse: Expr


@dataclass(frozen=True, slots=True)
class In(_Node):
    """``value in [options]`` (or ``not in`` when negated)."""

    value: Expr
    options: tuple[Const, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Call(_Node):
    func: str
    args: tuple[Expr, ...]


Expr = Const | Name | Unary | Binary | Compare | BoolOp | IfExp | In | Call


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What an expression may know about a name: its type and, for an enum, its values.

    A type of None declares the name without knowing its type yet (a derived value not yet
    checked): reading it is no error, and its uses are not type-checked.
    """

    type: ValueType | None
    values: tuple[str, ...] | None = None


# --------------------------------------------------------------------------- positions


def _locate(span: Span | None, line: int, col: int) -> Span | None:
    if span is None:
        return None
    if isinstance(span, TextSpan):  # written over several lines: each piece where it is
        return span.at(line, col)
    if line == 0:
        return span.shifted(col)
    return Span(span.file, span.line + line, col + 1)


def node_span(node: Expr, span: Span | None) -> Span | None:
    """Where `node` is in the file, given that column 0 of its text is at `span`."""
    return _locate(span, node.line, node.col)


def expression_problem(
    code: ProblemCode,
    message: Message,
    span: Span | None,
    where: tuple[int, int],
    hint: Message | None = None,
) -> Problem:
    """A problem at `where` (line, col) of an expression's text whose column 0 is at `span`
    (without a span, the message says the position)."""
    line, col = where
    if span is None:
        message = message.plus(say("at-column", column=col + 1) if line == 0 else
                               say("at-line-column", line=line + 1, column=col + 1))
    return Problem.of(code, message, _locate(span, line, col), hint=hint)


def type_said(kind: str | None) -> Message:
    """A value type (``boolean``, ``number``, …) as a text of the message catalogue (the
    English word as it is; a plugin's own type name in both languages)."""
    key = f"type-{kind}"
    return say(key) if key in MESSAGES else verbatim(str(kind))


#: The hint for ``None`` / ``null`` in an expression (the parser and the checker give it):
#: the id of its message.
NONE_HINT = "hint-none"


# --------------------------------------------------------------------------- traversal


def children(expr: Expr) -> tuple[Expr, ...]:
    """The direct sub-expressions of `expr`, left to right."""
    if isinstance(expr, Unary):
        return (expr.operand,)
    if isinstance(expr, Binary):
        return (expr.left, expr.right)
    if isinstance(expr, Compare):
        return expr.operands
    if isinstance(expr, BoolOp):
        return expr.values
    if isinstance(expr, IfExp):
        return (expr.body, expr.test, expr.orelse)
    if isinstance(expr, In):
        return (expr.value, *expr.options)
    if isinstance(expr, Call):
        return expr.args
    return ()


def walk(expr: Expr) -> Iterator[Expr]:
    """Every node of `expr`, parents before children (no recursion)."""
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def expression_names(expr: Expr) -> frozenset[str]:
    """The names `expr` reads (function names excluded)."""
    return frozenset(node.id for node in walk(expr) if isinstance(node, Name))


# --------------------------------------------------------------------------- rendering

_PRECEDENCE: dict[str, int] = {"if": 1, "or": 2, "and": 3, "not": 4, "cmp": 5, "+": 6}
_PRECEDENCE.update({"-": 6, "*": 7, "/": 7, "unary": 8, "atom": 9})


def _precedence(expr: Expr) -> int:
    if isinstance(expr, IfExp):
        return _PRECEDENCE["if"]
    if isinstance(expr, BoolOp):
        return _PRECEDENCE[expr.op]
    if isinstance(expr, Compare | In):
        return _PRECEDENCE["cmp"]
    if isinstance(expr, Binary):
        return _PRECEDENCE[expr.op]
    if isinstance(expr, Unary):
        return _PRECEDENCE["not" if expr.op == "not" else "unary"]
    if isinstance(expr, Const) and _is_negative_number(expr.value):
        return _PRECEDENCE["unary"]
    return _PRECEDENCE["atom"]


def _is_negative_number(value: LiteralValue) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and (math.copysign(1.0, value) < 0)
    )


def _wrap(expr: Expr, minimum: int) -> str:
    text = render(expr)
    return f"({text})" if _precedence(expr) < minimum else text


def render(expr: Expr) -> str:
    """Canonical text for `expr`: ``parse_expression(render(e), None) == e``."""
    if isinstance(expr, Const):
        return repr(expr.value)
    if isinstance(expr, Name):
        return expr.id
    if isinstance(expr, Unary):
        if expr.op == "not":
            return f"not {_wrap(expr.operand, _PRECEDENCE['not'])}"
        return f"{expr.op}{_wrap(expr.operand, _PRECEDENCE['unary'])}"
    if isinstance(expr, Binary):
        level = _PRECEDENCE[expr.op]
        return f"{_wrap(expr.left, level)} {expr.op} {_wrap(expr.right, level + 1)}"
    if isinstance(expr, Compare):
        parts = [_wrap(expr.operands[0], _PRECEDENCE["cmp"] + 1)]
        for op, operand in zip(expr.ops, expr.operands[1:], strict=True):
            parts += [op, _wrap(operand, _PRECEDENCE["cmp"] + 1)]
        return " ".join(parts)
    if isinstance(expr, BoolOp):
        return f" {expr.op} ".join(_wrap(v, _PRECEDENCE[expr.op] + 1) for v in expr.values)
    if isinstance(expr, IfExp):
        body, test = _wrap(expr.body, 2), _wrap(expr.test, 2)
        return f"{body} if {test} else {_wrap(expr.orelse, 1)}"
    if isinstance(expr, In):
        options = ", ".join(repr(option.value) for option in expr.options)
        word = "not in" if expr.negated else "in"
        return f"{_wrap(expr.value, _PRECEDENCE['cmp'] + 1)} {word} [{options}]"
    return f"{expr.func}({', '.join(render(arg) for arg in expr.args)})"

