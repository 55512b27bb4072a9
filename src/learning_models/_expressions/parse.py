"""Parsing: expression text → the frozen IR of `ir`, through Python's own parser.

The text is parsed with ``ast.parse(mode="eval")`` after the limits are checked
(`MAX_LENGTH`, and a linear token scan for `MAX_DEPTH`, so texts Python's parser would
choke on never reach it); the AST is then converted node by node, and everything outside
the grammar described in `ir` is reported as ``forbidden-syntax`` at its position. Every
problem of a text is reported at once.
"""

from __future__ import annotations

import ast
import io
import math
import re
import tokenize
import warnings

from .._documents import Message, Number, say, verbatim
from ..errors import CriteriaError, Problem, Span
from .ir import (
    MAX_DEPTH,
    MAX_LENGTH,
    NONE_HINT,
    Binary,
    BinaryOperator,
    BoolOp,
    BoolOperator,
    Call,
    Compare,
    CompareOperator,
    Const,
    Expr,
    IfExp,
    In,
    Name,
    Unary,
    UnaryOperator,
    expression_problem,
)
from .python_syntax import syntax_reason

__all__ = ["parse_expression"]

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
    ast.Pow: ("**", "hint-power"),
    ast.FloorDiv: ("//", "hint-floor-division"),
    ast.Mod: ("%", None),
    ast.MatMult: ("@", None),
    ast.LShift: ("<<", None),
    ast.RShift: (">>", None),
    ast.BitAnd: ("&", "hint-use-and"),
    ast.BitOr: ("|", "hint-use-or"),
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
    ast.Attribute: ("syntax-attribute-access", "hint-no-attributes"),
    ast.Subscript: ("syntax-subscript", None),
    ast.Slice: ("syntax-slice", None),
    ast.Lambda: ("syntax-lambda", None),
    ast.ListComp: ("syntax-list-comprehension", None),
    ast.SetComp: ("syntax-set-comprehension", None),
    ast.DictComp: ("syntax-dict-comprehension", None),
    ast.GeneratorExp: ("syntax-generator-expression", None),
    ast.JoinedStr: ("syntax-f-string", "hint-plain-string"),
    ast.NamedExpr: ("syntax-assignment-expression", None),
    ast.Dict: ("syntax-dict-literal", None),
    ast.Set: ("syntax-set-literal", None),
    ast.Tuple: ("syntax-tuple-literal", None),
    ast.List: ("syntax-list-literal", "hint-list-after-in"),
    ast.Starred: ("syntax-starred-expression", None),
    ast.Await: ("syntax-await", None),
    ast.Yield: ("syntax-yield", None),
    ast.YieldFrom: ("syntax-yield-from", None),
}


class _TooDeep(Exception):
    def __init__(self, where: tuple[int, int]) -> None:
        self.where = where


def _too_deep(span: Span | None, where: tuple[int, int]) -> CriteriaError:
    message = say("expression-too-deep", depth=MAX_DEPTH)
    return CriteriaError([expression_problem("expression-too-deep", message, span, where)])


class _Converter:
    """Turns a Python AST into our IR, collecting every forbidden construct."""

    def __init__(self, source: _Source, span: Span | None) -> None:
        self.source = source
        self.span = span
        self.problems: list[Problem] = []

    def forbid(self, where: tuple[int, int], what: Message, hint: str | None = None) -> None:
        """Report `what` as not allowed; `hint`: the id of a message that says what to do."""
        message = say("forbidden-syntax", what=what)
        problem = expression_problem("forbidden-syntax", message, self.span, where,
                                     None if hint is None else say(hint))
        self.problems.append(problem)

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
        what, hint = _FORBIDDEN.get(type(node), ("syntax-this-construct", None))
        self.forbid(where, say("syntax-with-text", what=say(what),
                               text=self.source.snippet(node)), hint)
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
            self.forbid(where, say("syntax-large-number"))
        elif value is None:
            self.forbid(where, verbatim("None"), NONE_HINT)
        else:
            self.forbid(where, say("syntax-literal", value=value))
        return None

    def unary(self, node: ast.UnaryOp, depth: int, where: tuple[int, int]) -> Expr | None:
        operand = node.operand
        if isinstance(node.op, ast.USub) and isinstance(operand, ast.Constant):
            value = operand.value
            if isinstance(value, int | float) and not isinstance(value, bool):
                return self.constant(-value, where)
        if isinstance(node.op, ast.Invert):
            self.forbid(where, say("syntax-bitwise-invert"), "hint-use-not")
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
            self.forbid(at, say("syntax-operator", symbol=symbol), hint)
            return None
        return None if parts is None else Binary(op, *parts, line=where[0], col=where[1])

    def compare(self, node: ast.Compare, depth: int, where: tuple[int, int]) -> Expr | None:
        if any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            if len(node.ops) == 1:
                return self.membership(node, depth, where)
            self.forbid(where, say("syntax-chained-in"), "hint-join-and")
            return None
        operands = [node.left, *node.comparators]
        ops: list[CompareOperator] = []
        for index, op in enumerate(node.ops):
            symbol = _COMPARE.get(type(op))
            if symbol is None:
                at = self.source.operator(operands[index], operands[index + 1], "is")
                self.forbid(at, say("syntax-operator", symbol="is"), "hint-use-equals")
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
            self.forbid(self.source.position(listed), say("syntax-in-without-list"),
                        "hint-in-list")
            return None
        options = [self.convert(item, depth + 2) for item in listed.elts]
        for item, option in zip(listed.elts, options, strict=True):
            if option is not None and not isinstance(option, Const):
                self.forbid(self.source.position(item), say("syntax-in-item"))
        if value is None or not all(isinstance(option, Const) for option in options):
            return None
        consts = tuple(option for option in options if isinstance(option, Const))
        negated = isinstance(node.ops[0], ast.NotIn)
        return In(value, consts, negated, line=where[0], col=where[1])

    def call(self, node: ast.Call, depth: int, where: tuple[int, int]) -> Expr | None:
        func = node.func
        if not isinstance(func, ast.Name):
            self.forbid(self.source.position(func),
                        say("syntax-calling", text=self.source.snippet(func)),
                        "hint-only-functions")
        for keyword in node.keywords:
            what = say("syntax-keyword-argument", text=self.source.snippet(keyword))
            self.forbid(self.source.position(keyword), what, "hint-by-position")
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
    message = say("invalid-expression", reason=syntax_reason(error.msg))
    return expression_problem("expression-syntax", message, span, where)


def _parse_tree(text: str, span: Span | None) -> tuple[ast.Expression, _Source]:
    """Python's AST for `text`, once the limits hold (raises CriteriaError otherwise)."""
    source, problems = _Source(text), []
    if len(text) > MAX_LENGTH:
        message = say("expression-too-long", length=Number(len(text)),
                      limit=Number(MAX_LENGTH))
        problems.append(expression_problem("expression-too-long", message, span, (0, 0)))
    deep = _nesting_limit(text)
    if deep is not None:
        problems.extend(_too_deep(span, source.where(*deep)).problems)
    if not text.strip():
        message = say("expression-empty")
        problems.append(expression_problem("expression-syntax", message, span, (0, 0)))
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
        message = say("invalid-expression", reason=say("not-unicode"))
        problem = expression_problem("expression-syntax", message, span, where)
        raise CriteriaError([problem]) from None


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
