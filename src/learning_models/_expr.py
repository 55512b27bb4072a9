"""Indicator conditions: a small, safe expression language parsed into a frozen IR.

Conditions use a subset of Python expression syntax. A text is parsed once, when a
criteria set is loaded (`parse_expression`), into the frozen nodes below; names, function
calls and types are checked (`check_expression`) before anything runs; the IR is then
compiled to a Polars expression (``_expr_polars.to_polars``). Python never evaluates the
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
Missing evidence is null at run time; see ``_expr_polars`` for the null semantics.

Positions: every node has ``line`` (0-based line of the text) and ``col`` (0-based
character column in that line). They are not part of node equality: two nodes with the
same structure are equal wherever they were written.
"""

from __future__ import annotations

import ast
import difflib
import io
import math
import re
import tokenize
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ._functions import (
    BUILTIN_FUNCTIONS,
    Function,
    FunctionRegistry,
    LiteralValue,
    ValueType,
    accepts,
    common_type,
)
from .errors import CriteriaError, Problem, ProblemCode, Span

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
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
    "check_expression",
    "children",
    "expression_names",
    "node_span",
    "parse_expression",
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
    """What an expression may know about a name: its type and, for an enum, its values."""

    type: ValueType
    values: tuple[str, ...] | None = None


# --------------------------------------------------------------------------- positions


def _locate(span: Span | None, line: int, col: int) -> Span | None:
    if span is None:
        return None
    if line == 0:
        return span.shifted(col)
    return Span(span.file, span.line + line, col + 1)


def node_span(node: Expr, span: Span | None) -> Span | None:
    """Where `node` is in the file, given that column 0 of its text is at `span`."""
    return _locate(span, node.line, node.col)


def _problem(
    code: ProblemCode,
    message: str,
    span: Span | None,
    where: tuple[int, int],
    hint: str | None = None,
) -> Problem:
    line, col = where
    if span is None:
        at = f"column {col + 1}" if line == 0 else f"line {line + 1}, column {col + 1}"
        message = f"{message} (at {at})"
    return Problem(code, message, _locate(span, line, col), hint)


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=3)
    if not matches:
        return None
    quoted = [repr(match) for match in matches]
    spoken = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {spoken}?"


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class _Source:
    """The text being parsed and the mapping from Python's positions to ours."""

    def __init__(self, text: str) -> None:
        self.lead = len(text) - len(text.lstrip(" \t\f"))
        self.stripped = text[self.lead :]
        self.lines = _LINE_BREAK.split(text)

    def where(self, line: int, col: int) -> tuple[int, int]:
        """Our (line, col), clamped to the text."""
        line = min(max(line, 0), len(self.lines) - 1)
        return line, min(max(col, 0), len(self.lines[line]))

    def index_where(self, index: int) -> tuple[int, int]:
        """Our (line, col) of the character at `index` in the stripped text."""
        before = _LINE_BREAK.split(self.stripped[:index])
        return self.char_where(len(before), len(before[-1]))

    def char_where(self, lineno: int | None, col: int | None) -> tuple[int, int]:
        """A 1-based line and 0-based character column of the stripped text, as ours."""
        line = (lineno or 1) - 1
        return self.where(line, (col or 0) + (self.lead if line == 0 else 0))

    def byte_where(self, lineno: int, byte_col: int) -> tuple[int, int]:
        line, _ = self.where(lineno - 1, 0)
        text = self.lines[line][self.lead :] if line == 0 else self.lines[line]
        col = len(text.encode("utf-8")[:byte_col].decode("utf-8", "ignore"))
        return self.char_where(lineno, col)

    def position(self, node: ast.expr | ast.keyword) -> tuple[int, int]:
        return self.byte_where(node.lineno, node.col_offset)

    def end(self, node: ast.expr | ast.keyword) -> tuple[int, int]:
        return self.byte_where(node.end_lineno or node.lineno, node.end_col_offset or 0)

    def snippet(self, node: ast.expr | ast.keyword) -> str:
        """The node's text (its first line), quoted and shortened, for messages."""
        (line, start), (end_line, stop) = self.position(node), self.end(node)
        text = self.lines[line][start : stop if end_line == line else None]
        return repr(text if len(text) <= 40 else text[:37] + "...")

    def operator(self, left: ast.expr, right: ast.expr, symbol: str) -> tuple[int, int]:
        """Where `symbol` is between `left` and `right` (else where `left` starts)."""
        (line, start), (right_line, stop) = self.end(left), self.position(right)
        gap = self.lines[line][start : stop if right_line == line else None]
        found = gap.find(symbol)
        return (line, start + found) if found >= 0 else self.position(left)


# --------------------------------------------------------------------------- parsing

_BINARY: dict[type[ast.operator], BinaryOperator] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
}
_BAD_BINARY: dict[type[ast.operator], tuple[str, str | None]] = {
    ast.Pow: ("**", "multiply explicitly, e.g. x * x"),
    ast.FloorDiv: ("//", "use round() or ratio()"),
    ast.Mod: ("%", None),
    ast.MatMult: ("@", None),
    ast.LShift: ("<<", None),
    ast.RShift: (">>", None),
    ast.BitAnd: ("&", "use 'and'"),
    ast.BitOr: ("|", "use 'or'"),
    ast.BitXor: ("^", None),
}
_COMPARE: dict[type[ast.cmpop], CompareOperator] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
}
_FORBIDDEN: dict[type[ast.expr], tuple[str, str | None]] = {
    ast.Attribute: ("attribute access", "names are plain words; there are no attributes"),
    ast.Subscript: ("subscript", None),
    ast.Slice: ("slice", None),
    ast.Lambda: ("lambda", None),
    ast.ListComp: ("list comprehension", None),
    ast.SetComp: ("set comprehension", None),
    ast.DictComp: ("dict comprehension", None),
    ast.GeneratorExp: ("generator expression", None),
    ast.JoinedStr: ("f-string", "write a plain string"),
    ast.NamedExpr: ("assignment expression", None),
    ast.Dict: ("dict literal", None),
    ast.Set: ("set literal", None),
    ast.Tuple: ("tuple literal", None),
    ast.List: ("list literal", "lists may only follow 'in', as in x in [1, 2]"),
    ast.Starred: ("starred expression", None),
    ast.Await: ("await", None),
    ast.Yield: ("yield", None),
    ast.YieldFrom: ("yield from", None),
}
_NONE_HINT = "missing evidence is already null; use default(x, fallback) to replace it"


class _TooDeep(Exception):
    def __init__(self, where: tuple[int, int]) -> None:
        self.where = where


def _too_deep(span: Span | None, where: tuple[int, int]) -> CriteriaError:
    message = f"the expression is nested more than {MAX_DEPTH} levels deep"
    return CriteriaError([_problem("expression-too-deep", message, span, where)])


class _Converter:
    """Turns a Python AST into our IR, collecting every forbidden construct."""

    def __init__(self, source: _Source, span: Span | None) -> None:
        self.source = source
        self.span = span
        self.problems: list[Problem] = []

    def forbid(self, where: tuple[int, int], what: str, hint: str | None = None) -> None:
        message = f"{what} is not allowed in an expression"
        self.problems.append(_problem("forbidden-syntax", message, self.span, where, hint))

    def convert(self, node: ast.expr, depth: int) -> Expr | None:
        where = self.source.position(node)
        if depth > MAX_DEPTH:
            raise _TooDeep(where)
        line, col = where
        if isinstance(node, ast.Name):
            return Name(node.id, line=line, col=col)
        if isinstance(node, ast.Constant):
            return self.constant(node.value, where)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node, depth, where)
        if isinstance(node, ast.BinOp):
            return self.binary(node, depth, where)
        if isinstance(node, ast.Compare):
            return self.compare(node, depth, where)
        if isinstance(node, ast.BoolOp):
            values = self.convert_all(node.values, depth)
            op: BoolOperator = "and" if isinstance(node.op, ast.And) else "or"
            return None if values is None else BoolOp(op, values, line=line, col=col)
        if isinstance(node, ast.IfExp):
            parts = self.convert_all([node.test, node.body, node.orelse], depth)
            return None if parts is None else IfExp(*parts, line=line, col=col)
        if isinstance(node, ast.Call):
            return self.call(node, depth, where)
        what, hint = _FORBIDDEN.get(type(node), ("this construct", None))
        self.forbid(where, f"{what} {self.source.snippet(node)}", hint)
        return None

    def convert_all(self, nodes: list[ast.expr], depth: int) -> tuple[Expr, ...] | None:
        converted = [self.convert(node, depth + 1) for node in nodes]
        if any(part is None for part in converted):
            return None
        return tuple(part for part in converted if part is not None)

    def constant(self, value: object, where: tuple[int, int]) -> Const | None:
        line, col = where
        if isinstance(value, bool | str):
            return Const(value, line=line, col=col)
        if isinstance(value, int) and abs(value) < 2**63:
            return Const(value, line=line, col=col)
        if isinstance(value, float) and math.isfinite(value):
            return Const(value, line=line, col=col)
        if isinstance(value, int | float):
            self.forbid(where, "a number this large")
        elif value is None:
            self.forbid(where, "None", _NONE_HINT)
        else:
            self.forbid(where, f"the literal {value!r}")
        return None

    def unary(self, node: ast.UnaryOp, depth: int, where: tuple[int, int]) -> Expr | None:
        operand = node.operand
        if isinstance(node.op, ast.USub) and isinstance(operand, ast.Constant):
            value = operand.value
            if isinstance(value, int | float) and not isinstance(value, bool):
                return self.constant(-value, where)
        if isinstance(node.op, ast.Invert):
            self.forbid(where, "the bitwise operator '~'", "use 'not'")
            self.convert(operand, depth + 1)
            return None
        op: UnaryOperator = "-" if isinstance(node.op, ast.USub) else "+"
        if isinstance(node.op, ast.Not):
            op = "not"
        converted = self.convert(operand, depth + 1)
        return None if converted is None else Unary(op, converted, line=where[0], col=where[1])

    def binary(self, node: ast.BinOp, depth: int, where: tuple[int, int]) -> Expr | None:
        parts = self.convert_all([node.left, node.right], depth)
        op = _BINARY.get(type(node.op))
        if op is None:
            symbol, hint = _BAD_BINARY[type(node.op)]
            at = self.source.operator(node.left, node.right, symbol)
            self.forbid(at, f"the operator '{symbol}'", hint)
            return None
        return None if parts is None else Binary(op, *parts, line=where[0], col=where[1])

    def compare(self, node: ast.Compare, depth: int, where: tuple[int, int]) -> Expr | None:
        if any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            if len(node.ops) == 1:
                return self.membership(node, depth, where)
            self.forbid(where, "chaining 'in' with other comparisons", "join them with 'and'")
            return None
        operands = [node.left, *node.comparators]
        ops: list[CompareOperator] = []
        for index, op in enumerate(node.ops):
            symbol = _COMPARE.get(type(op))
            if symbol is None:
                at = self.source.operator(operands[index], operands[index + 1], "is")
                self.forbid(at, "the operator 'is'", "use '==' or '!='")
            else:
                ops.append(symbol)
        parts = self.convert_all(operands, depth)
        if parts is None or len(ops) != len(node.ops):
            return None
        return Compare(tuple(ops), parts, line=where[0], col=where[1])

    def membership(self, node: ast.Compare, depth: int, where: tuple[int, int]) -> Expr | None:
        value = self.convert(node.left, depth + 1)
        listed = node.comparators[0]
        if not isinstance(listed, ast.List):
            hint = "write the values as a list, as in x in [1, 2]"
            self.forbid(self.source.position(listed), "'in' without a literal list", hint)
            return None
        options = [self.convert(item, depth + 2) for item in listed.elts]
        for item, option in zip(listed.elts, options, strict=True):
            if option is not None and not isinstance(option, Const):
                self.forbid(self.source.position(item), "a non-literal 'in' list item")
        if value is None or not all(isinstance(option, Const) for option in options):
            return None
        consts = tuple(option for option in options if isinstance(option, Const))
        negated = isinstance(node.ops[0], ast.NotIn)
        return In(value, consts, negated, line=where[0], col=where[1])

    def call(self, node: ast.Call, depth: int, where: tuple[int, int]) -> Expr | None:
        func = node.func
        if not isinstance(func, ast.Name):
            hint = "only functions such as ratio() or min() can be called"
            self.forbid(self.source.position(func), f"calling {self.source.snippet(func)}", hint)
        for keyword in node.keywords:
            what = f"the keyword argument {self.source.snippet(keyword)}"
            self.forbid(self.source.position(keyword), what, "pass arguments by position")
        args = self.convert_all(node.args, depth)
        if args is None or node.keywords or not isinstance(func, ast.Name):
            return None
        return Call(func.id, args, line=where[0], col=where[1])


_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")
_PREFIXES = frozenset({"not", "-", "+", "~"})
_SCAN_LIMIT = 100_000


def _nesting_limit(text: str) -> tuple[int, int] | None:
    """Where brackets plus a run of prefix operators first nest deeper than MAX_DEPTH.

    A linear token scan, so texts Python's parser would choke on are caught before it runs.
    """
    depth = run = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text[:_SCAN_LIMIT]).readline):
            if token.type == tokenize.OP and token.string in _OPENERS:
                depth += 1
            elif token.type == tokenize.OP and token.string in _CLOSERS:
                depth, run = max(depth - 1, 0), 0
            elif token.string in _PREFIXES and token.type in (tokenize.OP, tokenize.NAME):
                run += 1
            else:
                run = 0
            if depth + run > MAX_DEPTH:
                return token.start[0] - 1, token.start[1]
    except (tokenize.TokenError, SyntaxError):
        pass
    return None


def _syntax_problem(error: SyntaxError, source: _Source, span: Span | None) -> Problem:
    where = source.char_where(error.lineno, (error.offset or 1) - 1)
    message = f"invalid expression: {error.msg}"
    return _problem("expression-syntax", message, span, where)


def _parse_tree(text: str, span: Span | None) -> tuple[ast.Expression, _Source]:
    """Python's AST for `text`, once the limits hold (raises CriteriaError otherwise)."""
    source, problems = _Source(text), []
    if len(text) > MAX_LENGTH:
        message = f"the expression is {len(text)} characters long; the limit is {MAX_LENGTH}"
        problems.append(_problem("expression-too-long", message, span, (0, 0)))
    deep = _nesting_limit(text)
    if deep is not None:
        problems.extend(_too_deep(span, source.where(*deep)).problems)
    if not text.strip():
        problems.append(_problem("expression-syntax", "the expression is empty", span, (0, 0)))
    if problems:
        raise CriteriaError(problems)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source.stripped + "\n", mode="eval"), source
    except SyntaxError as error:
        raise CriteriaError([_syntax_problem(error, source, span)]) from None
    except (RecursionError, MemoryError):
        raise _too_deep(span, (0, 0)) from None
    except ValueError as error:  # e.g. a lone surrogate that cannot be encoded
        where = source.index_where(getattr(error, "start", 0))
        message = "invalid expression: the text is not valid Unicode"
        raise CriteriaError([_problem("expression-syntax", message, span, where)]) from None


def parse_expression(text: str, span: Span | None) -> Expr:
    """Parse `text` into the IR; raises CriteriaError listing every problem found.

    `span` is where column 0 of the text is in its file (None when unknown: messages
    then say the column).
    """
    tree, source = _parse_tree(text, span)
    converter = _Converter(source, span)
    try:
        expr = converter.convert(tree.body, 1)
    except _TooDeep as deep:
        raise _too_deep(span, deep.where) from None
    if expr is None or converter.problems:
        raise CriteriaError(converter.problems)
    return expr


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


# --------------------------------------------------------------------------- checking

_ORDERING = frozenset({"<", "<=", ">", ">="})
_WORD_HINTS = {
    "true": "booleans are written True and False",
    "false": "booleans are written True and False",
    "null": _NONE_HINT,
    "none": _NONE_HINT,
}


def _const_type(value: LiteralValue) -> ValueType:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return "number" if isinstance(value, float) else "string"


def _numeric(kind: ValueType) -> bool:
    return kind in ("integer", "number")


def _quoted_list(values: tuple[str, ...], limit: int = 12) -> str:
    shown = ", ".join(repr(value) for value in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


class _Checker:
    """Infers types bottom-up, collecting every problem instead of stopping at the first."""

    def __init__(
        self, names: Mapping[str, NameInfo], functions: FunctionRegistry, span: Span | None
    ) -> None:
        self.names, self.functions, self.span = names, functions, span
        self.problems: list[Problem] = []

    def report(self, code: ProblemCode, message: str, at: Expr, hint: str | None = None) -> None:
        problem = _problem(code, message, self.span, (at.line, at.col), hint)
        if problem not in self.problems:
            self.problems.append(problem)

    def expect(self, node: Expr, found: ValueType | None, wanted: str, what: str) -> bool:
        """Report unless `found` is unknown or satisfies `wanted` ("boolean" or "numeric")."""
        ok = found is None or (_numeric(found) if wanted == "numeric" else found == wanted)
        if not ok:
            self.report("type-mismatch", f"{what} needs {wanted} operands, found {found}", node)
        return ok

    def check(self, expr: Expr) -> ValueType | None:
        if isinstance(expr, Const):
            return _const_type(expr.value)
        if isinstance(expr, Name):
            return self.name(expr)
        if isinstance(expr, Unary):
            found = self.check(expr.operand)
            if expr.op == "not":
                self.expect(expr.operand, found, "boolean", "'not'")
                return "boolean"
            return found if self.expect(expr.operand, found, "numeric", f"'{expr.op}'") else None
        if isinstance(expr, Binary):
            return self.binary(expr)
        if isinstance(expr, Compare):
            return self.compare(expr)
        if isinstance(expr, BoolOp):
            for value in expr.values:
                self.expect(value, self.check(value), "boolean", f"'{expr.op}'")
            return "boolean"
        if isinstance(expr, IfExp):
            return self.if_exp(expr)
        if isinstance(expr, In):
            return self.membership(expr)
        return self.call(expr)

    def name(self, expr: Name) -> ValueType | None:
        info = self.names.get(expr.id)
        if info is not None:
            return info.type
        hint = _WORD_HINTS.get(expr.id.lower())
        if expr.id in self.functions:
            hint = f"{expr.id} is a function: call it, as in {expr.id}(...)"
        hint = hint or _did_you_mean(expr.id, list(self.names))
        self.report("unknown-name", f"unknown name {expr.id!r}", expr, hint)
        return None

    def binary(self, expr: Binary) -> ValueType | None:
        left, right = self.check(expr.left), self.check(expr.right)
        ok_left = self.expect(expr.left, left, "numeric", f"'{expr.op}'")
        ok_right = self.expect(expr.right, right, "numeric", f"'{expr.op}'")
        if left is None or right is None or not (ok_left and ok_right):
            return None
        both_integer = left == right == "integer"
        return "integer" if both_integer and expr.op != "/" else "number"

    def compare(self, expr: Compare) -> ValueType:
        kinds = [self.check(operand) for operand in expr.operands]
        for index, op in enumerate(expr.ops):
            left, right = expr.operands[index], expr.operands[index + 1]
            if op in _ORDERING:
                self.expect(left, kinds[index], "numeric", f"'{op}'")
                self.expect(right, kinds[index + 1], "numeric", f"'{op}'")
                continue
            first, second = kinds[index], kinds[index + 1]
            if first is not None and second is not None and common_type(first, second) is None:
                message = f"'{op}' compares values of one type, found {first} and {second}"
                self.report("type-mismatch", message, left)
            self.enum_value(left, right)
            self.enum_value(right, left)
        return "boolean"

    def enum_value(self, name: Expr, other: Expr) -> None:
        """Report `other` if it is a string literal that the enum input `name` never takes."""
        if not isinstance(name, Name) or not isinstance(other, Const):
            return
        info = self.names.get(name.id)
        if info is None or info.values is None or not isinstance(other.value, str):
            return
        if other.value not in info.values:
            message = f"{other.value!r} is not a value of {name.id!r}"
            allowed = f"allowed values: {_quoted_list(info.values)}"
            hint = _did_you_mean(other.value, list(info.values))
            self.report("unknown-enum-value", f"{message}; {allowed}", other, hint)

    def if_exp(self, expr: IfExp) -> ValueType | None:
        self.expect(expr.test, self.check(expr.test), "boolean", "the condition of 'if'")
        body, orelse = self.check(expr.body), self.check(expr.orelse)
        if body is None or orelse is None:
            return None
        common = common_type(body, orelse)
        if common is None:
            message = f"both branches of 'if' need one type, found {body} and {orelse}"
            self.report("type-mismatch", message, expr)
        return common

    def membership(self, expr: In) -> ValueType:
        found = self.check(expr.value)
        for option in expr.options:
            kind = _const_type(option.value)
            if found is not None and common_type(found, kind) is None:
                message = f"'in' needs {found} list items, found {kind} {option.value!r}"
                self.report("type-mismatch", message, option)
            self.enum_value(expr.value, option)
        return "boolean"

    def call(self, expr: Call) -> ValueType | None:
        kinds = [self.check(arg) for arg in expr.args]
        function = self.functions.get(expr.func)
        if function is None:
            hint = _did_you_mean(expr.func, list(self.functions))
            self.report("unknown-function", f"unknown function {expr.func!r}", expr, hint)
            return None
        count, high = len(expr.args), function.max_args
        if count < function.min_args or (high is not None and count > high):
            message = f"{expr.func}() takes {function.arity_text()}, found {count}"
            self.report("wrong-arguments", message, expr)
            return None
        ok = self.arguments(expr, function, kinds)
        if not ok or any(kind is None for kind in kinds):
            return function.returns if isinstance(function.returns, str) else None
        known = [kind for kind in kinds if kind is not None]
        result = function.result_type(known)
        if result is None:
            message = f"the arguments of {expr.func}() do not fit together: {', '.join(known)}"
            self.report("wrong-arguments", message, expr)
        return result

    def arguments(self, expr: Call, function: Function, kinds: list[ValueType | None]) -> bool:
        ok = True
        for index, (arg, kind) in enumerate(zip(expr.args, kinds, strict=True)):
            wanted = function.param_type(index)
            if kind is not None and not accepts(wanted, kind):
                message = f"argument {index + 1} of {expr.func}() must be {wanted}, found {kind}"
                self.report("wrong-arguments", message, arg)
                ok = False
            if index in function.literal_params and not isinstance(arg, Const):
                message = f"argument {index + 1} of {expr.func}() must be a literal value"
                self.report("wrong-arguments", message, arg)
                ok = False
        if ok and function.check_literals is not None:
            literals = [arg.value if isinstance(arg, Const) else None for arg in expr.args]
            error = function.check_literals(literals)
            if error is not None:
                self.report("wrong-arguments", error, expr)
                ok = False
        return ok


def check_expression(
    expr: Expr,
    names: Mapping[str, NameInfo],
    span: Span | None,
    functions: FunctionRegistry = BUILTIN_FUNCTIONS,
) -> tuple[ValueType | None, list[Problem]]:
    """The type of `expr` (None if it cannot be known) and every problem with it.

    `names` maps each readable name to its type (and enum values); `span` is where
    column 0 of the expression's text is.
    """
    checker = _Checker(names, functions, span)
    result = checker.check(expr)
    return result, checker.problems
