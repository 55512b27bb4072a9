"""Type checking of the expression IR: names resolved, functions and types checked.

Types are inferred bottom-up (``integer``, ``number``, ``boolean``, ``string``; integers
mix with numbers), and every problem is collected rather than stopping at the first, each
located at the node it is about, with a did-you-mean hint where one helps.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._documents import Message, say, suggestion, verbatim
from ..errors import Problem, ProblemCode, Span
from .functions import (
    BUILTIN_FUNCTIONS,
    Function,
    FunctionRegistry,
    LiteralValue,
    ValueType,
    accepts,
    common_type,
)
from .ir import (
    NONE_HINT,
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
    expression_problem,
    type_said,
)

__all__ = ["check_expression"]


_ORDERING = frozenset({"<", "<=", ">", ">="})
_WORD_HINTS = {"true": "hint-true-false", "false": "hint-true-false", "null": NONE_HINT,
               "none": NONE_HINT}


def _const_type(value: LiteralValue) -> ValueType:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return "number" if isinstance(value, float) else "string"


def _numeric(kind: ValueType) -> bool:
    return kind in ("integer", "number")


def _quoted_list(values: tuple[str, ...], limit: int = 12) -> Message:
    shown = ", ".join(repr(value) for value in values[:limit])
    if len(values) > limit:
        return say("list-and-more", shown=shown, more=len(values) - limit)
    return verbatim(shown)


def _arity(function: Function) -> Message:
    """``1 argument``, ``1 to 2 arguments``, ``at least 2 arguments``."""
    low, high = function.min_args, function.max_args
    if high is None:
        return say("arity-at-least-1" if low == 1 else "arity-at-least", n=low)
    if low == high:
        return say("arity-exactly-1" if low == 1 else "arity-exactly", n=low)
    return say("arity-range", low=low, high=high)


class _Checker:
    """Infers types bottom-up, collecting every problem instead of stopping at the first."""

    def __init__(
        self, names: Mapping[str, NameInfo], functions: FunctionRegistry, span: Span | None
    ) -> None:
        self.names, self.functions, self.span = names, functions, span
        self.problems: list[Problem] = []

    def report(self, code: ProblemCode, message: Message, at: Expr,
               hint: Message | None = None) -> None:
        problem = expression_problem(code, message, self.span, (at.line, at.col), hint)
        if problem not in self.problems:
            self.problems.append(problem)

    def expect(self, node: Expr, found: ValueType | None, wanted: str,
               what: str | Message) -> bool:
        """Report unless `found` is unknown or satisfies `wanted` ("boolean" or "numeric")."""
        ok = found is None or (_numeric(found) if wanted == "numeric" else found == wanted)
        if not ok:
            self.report("type-mismatch", say("needs-operands", what=what,
                                             wanted=type_said(wanted), found=type_said(found)),
                        node)
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
        word = _WORD_HINTS.get(expr.id.lower())
        hint = say(word) if word is not None else None
        if expr.id in self.functions:
            hint = say("hint-call-function", name=expr.id)
        hint = hint or suggestion(expr.id, self.names, most=3)
        self.report("unknown-name", say("unknown-name", name=expr.id), expr, hint)
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
                message = say("compares-one-type", op=op, first=type_said(first),
                              second=type_said(second))
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
            message = say("not-enum-value", value=other.value, name=name.id,
                          allowed=_quoted_list(info.values))
            hint = suggestion(other.value, info.values, most=3)
            self.report("unknown-enum-value", message, other, hint)

    def if_exp(self, expr: IfExp) -> ValueType | None:
        self.expect(expr.test, self.check(expr.test), "boolean", say("what-if-condition"))
        body, orelse = self.check(expr.body), self.check(expr.orelse)
        if body is None or orelse is None:
            return None
        common = common_type(body, orelse)
        if common is None:
            message = say("if-branches", body=type_said(body), orelse=type_said(orelse))
            self.report("type-mismatch", message, expr)
        return common

    def membership(self, expr: In) -> ValueType:
        found = self.check(expr.value)
        for option in expr.options:
            kind = _const_type(option.value)
            if found is not None and common_type(found, kind) is None:
                message = say("in-items", wanted=type_said(found), kind=type_said(kind),
                              value=option.value)
                self.report("type-mismatch", message, option)
            self.enum_value(expr.value, option)
        return "boolean"

    def call(self, expr: Call) -> ValueType | None:
        kinds = [self.check(arg) for arg in expr.args]
        function = self.functions.get(expr.func)
        if function is None:
            hint = suggestion(expr.func, self.functions, most=3)
            self.report("unknown-function", say("unknown-function", name=expr.func), expr, hint)
            return None
        count, high = len(expr.args), function.max_args
        if count < function.min_args or (high is not None and count > high):
            message = say("function-arity", name=expr.func, arity=_arity(function), count=count)
            self.report("wrong-arguments", message, expr)
            return None
        ok = self.arguments(expr, function, kinds)
        if not ok or any(kind is None for kind in kinds):
            return function.returns if isinstance(function.returns, str) else None
        known = [kind for kind in kinds if kind is not None]
        result = function.result_type(known)
        if result is None:
            message = say("arguments-misfit", name=expr.func, kinds=", ".join(known))
            self.report("wrong-arguments", message, expr)
        return result

    def arguments(self, expr: Call, function: Function, kinds: list[ValueType | None]) -> bool:
        ok = True
        for index, (arg, kind) in enumerate(zip(expr.args, kinds, strict=True)):
            wanted = function.param_type(index)
            if kind is not None and not accepts(wanted, kind):
                message = say("argument-type", number=index + 1, name=expr.func,
                              wanted=type_said(wanted), found=type_said(kind))
                self.report("wrong-arguments", message, arg)
                ok = False
            if index in function.literal_params and not isinstance(arg, Const):
                message = say("argument-literal", number=index + 1, name=expr.func)
                self.report("wrong-arguments", message, arg)
                ok = False
        if ok and function.check_literals is not None:
            literals = [arg.value if isinstance(arg, Const) else None for arg in expr.args]
            error = function.check_literals(literals)
            if error is not None:
                # plain text, or a text that says itself in either language
                self.report("wrong-arguments", say("verbatim", text=error), expr)
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
