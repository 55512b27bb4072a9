"""Stage 3, the recognition part: the pass rule and the grades' conditions, compiled.

Format 1.1 lets them read the indicators through four functions — ``points('C1.2')`` (an
indicator's points), ``met('C1.2')`` (fully met), ``min_points()`` (the lowest points of
any indicator) and ``min_points('C1')`` (within a criterion) — as well as every input,
derived value and the evaluation ``year``. Each call is rewritten here, once, into a name of
the rule's scope (`scope_name`: ``points:C1.2``), a name no input can take (input names are
``[a-z][a-z0-9_]*``), so both engines read it like any other name and the scorers give its
value in the worst case (missing indicators at 0) and the best case (at their maximum).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from .._documents import Message, say, suggestion
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
    NameInfo,
    Unary,
    expression_problem,
    walk,
)
from ..errors import Problem, Span

__all__ = [
    "RULE_FUNCTIONS",
    "CompiledGrade",
    "ScopeRef",
    "rewrite_rule",
    "rule_names",
    "rule_refs",
    "scope_name",
]

RefKind = Literal["points", "met", "min_points"]
#: The functions a pass rule or a grade condition may call on the indicators.
RULE_FUNCTIONS: tuple[RefKind, ...] = ("points", "met", "min_points")
_TYPES: dict[RefKind, NameInfo] = {"points": NameInfo("number"), "met": NameInfo("boolean"),
                                   "min_points": NameInfo("number")}


@dataclass(frozen=True, slots=True)
class ScopeRef:
    """What a rewritten call reads: an indicator's points or whether it is met, or the
    lowest points of all indicators (`target` None) or of one criterion."""

    kind: RefKind
    target: str | None


@dataclass(frozen=True, slots=True)
class CompiledGrade:
    """A grade ready to run: reached when the total is at least `min` (when given) and
    `when` holds (when given)."""

    id: str
    min: float | None
    when: Expr | None


def scope_name(ref: ScopeRef) -> str:
    """The name a rewritten call reads in the rule's scope."""
    return f"{ref.kind}:{ref.target or ''}"


def parse_scope_name(name: str) -> ScopeRef | None:
    """The `ScopeRef` behind a name made by `scope_name`, or None for any other name."""
    kind, colon, target = name.partition(":")
    if not colon or kind not in RULE_FUNCTIONS:
        return None
    return ScopeRef(kind, target or None)


def rule_refs(exprs: Iterable[Expr | None]) -> tuple[ScopeRef, ...]:
    """Every indicator reference the rewritten `exprs` read, once each, in order."""
    seen: dict[ScopeRef, None] = {}
    for expr in exprs:
        for node in walk(expr) if expr is not None else ():
            if isinstance(node, Name) and (ref := parse_scope_name(node.id)) is not None:
                seen.setdefault(ref)
    return tuple(seen)


def rule_names(base: Mapping[str, NameInfo], refs: Iterable[ScopeRef]) -> dict[str, NameInfo]:
    """`base` with the rewritten calls' names, each with its type."""
    names = dict(base)
    names.update({scope_name(ref): _TYPES[ref.kind] for ref in refs})
    return names


def rewrite_rule(expr: Expr, indicators: Iterable[str], criteria: Iterable[str],
                 span: Span | None) -> tuple[Expr, list[Problem]]:
    """`expr` with each call of `RULE_FUNCTIONS` made a scope name; the problems of calls
    that name no indicator (or criterion) or are written wrongly."""
    rewriter = _Rewriter(frozenset(indicators), frozenset(criteria), span)
    return rewriter.rewrite(expr), rewriter.problems


class _Rewriter:
    def __init__(self, indicators: frozenset[str], criteria: frozenset[str],
                 span: Span | None) -> None:
        self.indicators = indicators
        self.criteria = criteria
        self.span = span
        self.problems: list[Problem] = []

    def rewrite(self, expr: Expr) -> Expr:
        if isinstance(expr, Call):
            args = tuple(self.rewrite(a) for a in expr.args)
            if expr.func in RULE_FUNCTIONS:
                return self.call(replace(expr, args=args))
            return replace(expr, args=args)
        if isinstance(expr, Unary):
            return replace(expr, operand=self.rewrite(expr.operand))
        if isinstance(expr, Binary):
            return replace(expr, left=self.rewrite(expr.left), right=self.rewrite(expr.right))
        if isinstance(expr, Compare):
            return replace(expr, operands=tuple(self.rewrite(o) for o in expr.operands))
        if isinstance(expr, BoolOp):
            return replace(expr, values=tuple(self.rewrite(v) for v in expr.values))
        if isinstance(expr, IfExp):
            return replace(expr, test=self.rewrite(expr.test), body=self.rewrite(expr.body),
                           orelse=self.rewrite(expr.orelse))
        if isinstance(expr, In):
            return replace(expr, value=self.rewrite(expr.value))
        return expr

    def call(self, call: Call) -> Expr:
        kind: RefKind = call.func  # type: ignore[assignment]
        target = self.target(call, kind)
        if target is False:  # reported: a value of the right type keeps the check going
            return Const(kind != "met" and 0.0, line=call.line, col=call.col)
        return Name(scope_name(ScopeRef(kind, target)), line=call.line, col=call.col)

    def target(self, call: Call, kind: RefKind) -> str | Literal[False] | None:
        """The id the call names (None: every indicator), or False after a problem."""
        if kind == "min_points" and not call.args:
            return None
        usage = "min_points() or min_points('C1')" if kind == "min_points" else \
            f"{kind}('C1.2')"
        if len(call.args) != 1 or not isinstance(call.args[0], Const) \
                or not isinstance(call.args[0].value, str):
            self.report("wrong-arguments", say("ref-one-id", kind=kind), call,
                        say("hint-write", text=usage))
            return False
        ident = call.args[0].value
        known = self.criteria if kind == "min_points" else self.indicators
        if ident not in known:
            what = say("owner-criterion" if kind == "min_points" else "owner-indicator",
                       id=ident)
            self.report("unknown-name", say("ref-unknown", kind=kind, id=ident, what=what),
                        call.args[0], suggestion(ident, sorted(known)))
            return False
        return ident

    def report(self, code: Literal["wrong-arguments", "unknown-name"], message: Message,
               at: Expr, hint: Message | None) -> None:
        self.problems.append(expression_problem(code, message, self.span, (at.line, at.col),
                                                hint))
