"""Static checks for authoring mistakes that a valid criteria set can still contain.

A set that loads is well-formed: every name exists, every type fits. `lint_set` looks for
what is legal but almost certainly not meant, and returns located `Problem`s, each an
``error`` (the set cannot work as written) or a ``warning`` (it probably does not say what
its author meant):

* graded levels out of order (a later level worth more, or one that can never be reached
  because an earlier level already matches whenever it holds), and levels worth 0 points;
* a pass rule that fails even when every indicator is fully met, or holds when none is
  (evaluated with the compiled program, exactly as decisions are made); a threshold on
  ``total`` or on a criterion's subtotal, or a grade's ``min``, above what can be scored;
* conditions that can never hold or always hold: comparisons of an input with a constant
  given its declared ``minimum`` / ``maximum`` (``x >= 0`` with ``minimum: 0``),
  contradictions such as ``x > 5 and x < 3`` — an error when the indicator is mandatory (no
  subject could ever be recognised);
* integer arithmetic that the declared bounds let leave 64 bits, or a product of a value
  without bounds (`int_range`): where it does, the value is missing;
* inputs and derived values that nothing reads;
* indicators no test case covers (when the covering cases are given);
* Vietnamese titles without any Vietnamese diacritic (probably stripped somewhere);
* unverified sources without a note saying what they rest on, and verified ones that name
  no url and no document.

Conditions are analysed over the ranges of the names they compare with literal numbers
(and the values of booleans and enums), through ``and``, ``or`` and ``not``; anything else
(arithmetic, functions, comparisons of two names) is taken as possibly true, so a reported
contradiction is always a real one.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

import polars as pl

from .._criteria import (
    ITEMS_MET,
    ITEMS_TOTAL,
    CompiledIndicator,
    CriteriaSet,
    InputSpec,
    Program,
    compile_criteria,
)
from .._documents import Message, say
from .._expressions import (
    BUILTIN_FUNCTIONS,
    Binary,
    BoolOp,
    Compare,
    Const,
    Expr,
    FunctionRegistry,
    In,
    Name,
    Unary,
    expression_names,
    node_span,
    render,
    walk,
)
from .._scoring import outcome_pass
from ..errors import CriteriaError, Problem, ProblemCode, Severity, Span, sort_problems
from .int_range import Range, integer_overflows

__all__ = ["lint_set"]

Path = tuple[str | int, ...]


def lint_set(spec: CriteriaSet, *, cases_covering: set[str] | None = None,
             functions: FunctionRegistry = BUILTIN_FUNCTIONS) -> list[Problem]:
    """Every authoring problem found in `spec`, sorted by position.

    `cases_covering` is the set of indicator ids that some test case checks; when given,
    every other indicator is reported as untested. A set that does not compile gives its
    compile problems (errors) and nothing else.
    """
    try:
        program = compile_criteria(spec, functions)
    except CriteriaError as exc:
        return list(exc.problems)
    return list(sort_problems(_Linter(program, cases_covering).run()))


# --------------------------------------------------------------------------- ranges


@dataclass(frozen=True, slots=True)
class _Range:
    """The values a number may take: an interval, open or closed at each end."""

    lo: float = -math.inf
    hi: float = math.inf
    lo_open: bool = False
    hi_open: bool = False
    integer: bool = False

    def normal(self) -> _Range:
        if not self.integer:
            return self
        lo = self.lo if math.isinf(self.lo) else \
            (math.floor(self.lo) + 1 if self.lo_open else math.ceil(self.lo))
        hi = self.hi if math.isinf(self.hi) else \
            (math.ceil(self.hi) - 1 if self.hi_open else math.floor(self.hi))
        return _Range(lo, hi, False, False, True)

    @property
    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))

    def meet(self, op: str, k: float) -> _Range:
        """The part of the range where ``value op k`` holds."""
        r = self
        if op in (">", ">=") and (k > r.lo or (k == r.lo and op == ">")):
            r = replace(r, lo=k, lo_open=op == ">")
        elif op in ("<", "<=") and (k < r.hi or (k == r.hi and op == "<")):
            r = replace(r, hi=k, hi_open=op == "<")
        elif op == "==":
            r = r.meet(">=", k).meet("<=", k)
        elif op == "!=" and r.lo == r.hi == k:
            r = replace(r, lo_open=True)
        return r.normal()


_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

Domain = _Range | frozenset[str | bool]
Env = dict[str, Domain]
_LIMIT = 64   # alternatives followed before an expression is taken as possibly true


def _number(node: Expr) -> float | None:
    if isinstance(node, Const) and isinstance(node.value, int | float) \
            and not isinstance(node.value, bool):
        return float(node.value)
    return None


def _atom(left: Expr, op: str, right: Expr) -> tuple[Name, str, Const] | None:
    """``name op literal`` (a literal on the left is flipped to the right)."""
    if isinstance(left, Name) and isinstance(right, Const):
        return left, op, right
    if isinstance(right, Name) and isinstance(left, Const):
        return right, _FLIPPED[op], left
    return None


class _Conditions:
    """Which value ranges make a condition true, over the declared bounds of the inputs."""

    def __init__(self, inputs: Mapping[str, InputSpec]) -> None:
        self.inputs = inputs

    def domain(self, name: str, kind: str) -> Domain | None:
        spec = self.inputs.get(name)
        if kind == "number":
            if spec is None:
                return _Range()
            if spec.type not in ("integer", "number"):
                return None
            lo = -math.inf if spec.minimum is None else spec.minimum
            hi = math.inf if spec.maximum is None else spec.maximum
            return _Range(lo, hi, integer=spec.type == "integer").normal()
        if kind == "boolean":
            return frozenset({True, False}) if spec is None or spec.type == "boolean" else None
        if spec is not None and spec.type == "enum" and spec.values is not None:
            return frozenset(spec.values)
        return None  # a string with no list of values: nothing to reason with

    def constrain(self, env: Env, name: Name, op: str, const: Const) -> list[Env] | None:
        """`env` where ``name op const`` holds ([] if nowhere; None if not understood)."""
        k = _number(const)
        kind = "number" if k is not None else \
            "boolean" if isinstance(const.value, bool) else "enum"
        current = env.get(name.id)
        if current is None:
            current = self.domain(name.id, kind)
        if current is None:
            return None
        narrowed: Domain
        if isinstance(current, _Range):
            if k is None:
                return None
            narrowed = current.meet(op, k)
            empty = narrowed.empty
        else:
            if k is not None or op not in ("==", "!="):
                return None
            narrowed = frozenset(v for v in current if (v == const.value) == (op == "=="))
            empty = not narrowed
        return [] if empty else [{**env, name.id: narrowed}]

    def holds(self, expr: Expr, env: Env | None = None, *, negate: bool = False) -> list[Env]:
        """The environments (refinements of `env`) in which `expr` (or its negation) holds.

        An empty list means it never holds; a part not understood holds anywhere.
        """
        env = {} if env is None else env
        if isinstance(expr, Unary) and expr.op == "not":
            return self.holds(expr.operand, env, negate=not negate)
        if isinstance(expr, BoolOp):
            parts = list(expr.values)
            if (expr.op == "and") != negate:
                return self.all_of(parts, env, negate)
            found: list[Env] = []
            for part in parts:
                found += self.holds(part, env, negate=negate)
                if len(found) > _LIMIT:
                    return [env]
            return found
        if isinstance(expr, Const) and isinstance(expr.value, bool):
            return [env] if expr.value != negate else []
        if isinstance(expr, Name):  # a boolean: true (or, negated, false)
            result = self.constrain(env, expr, "==", Const(not negate))
            return [env] if result is None else result
        if isinstance(expr, Compare):
            return self.compare(expr, env, negate)
        if isinstance(expr, In):
            return self.membership(expr, env, negate)
        return [env]

    def all_of(self, parts: Sequence[Expr], env: Env, negate: bool) -> list[Env]:
        envs = [env]
        for part in parts:
            envs = [found for e in envs for found in self.holds(part, e, negate=negate)]
            if not envs:
                return []
            if len(envs) > _LIMIT:
                return [env]
        return envs

    def compare(self, expr: Compare, env: Env, negate: bool) -> list[Env]:
        steps = [(expr.operands[k], op, expr.operands[k + 1]) for k, op in enumerate(expr.ops)]
        if not negate:  # a chain is the conjunction of its steps
            envs = [env]
            for left, op, right in steps:
                envs = [found for e in envs for found in self.step(e, left, op, right)]
                if not envs:
                    return []
                if len(envs) > _LIMIT:
                    return [env]
            return envs
        found: list[Env] = []  # not (a and b): either step fails
        for left, op, right in steps:
            found += self.step(env, left, _NEGATED[op], right)
        return found

    def step(self, env: Env, left: Expr, op: str, right: Expr) -> list[Env]:
        atom = _atom(left, op, right)
        if atom is None:
            return [env]
        result = self.constrain(env, *atom)
        return [env] if result is None else result

    def membership(self, expr: In, env: Env, negate: bool) -> list[Env]:
        if not isinstance(expr.value, Name):
            return [env]
        found: list[Env] = []
        if expr.negated == negate:  # in: one of the options
            for option in expr.options:
                found += self.constrain(env, expr.value, "==", option) or []
            return found
        envs = [env]  # not in: none of the options
        for option in expr.options:
            step = []
            for e in envs:
                result = self.constrain(e, expr.value, "!=", option)
                step += [e] if result is None else result
            envs = step
        return envs


# --------------------------------------------------------------------------- the checks


def _is_vietnamese(text: str) -> bool:
    """Whether `text` has a Vietnamese letter with a diacritic (or no words to judge)."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if len(words) < 2:
        return True
    decomposed = unicodedata.normalize("NFD", text)
    return any(ch in "đĐ" or unicodedata.combining(ch) for ch in decomposed)


class _Linter:
    def __init__(self, program: Program, cases_covering: set[str] | None) -> None:
        self.program = program
        self.spec = program.spec
        self.source = self.spec.source_map
        self.cases = cases_covering
        self.conditions = _Conditions(self.spec.inputs)
        self.problems: list[Problem] = []

    # --- reporting

    def report(self, severity: Severity, code: ProblemCode, message: Message, span: Span | None,
               hint: Message | None = None) -> None:
        self.problems.append(Problem.of(code, message, span, hint=hint, severity=severity))

    def at(self, path: Path, *, key: bool = False) -> Span | None:
        return None if self.source is None else self.source.locate(path, key=key)

    def at_expr(self, path: Path, node: Expr | None = None) -> Span | None:
        if self.source is None:
            return None
        span = self.source.expression_span(path)
        return span if node is None else node_span(node, span)

    # --- driving

    def run(self) -> list[Problem]:
        self.pass_rule()
        self.grades()
        self.names_used()
        self.sources()
        for path, ind in self.indicators():
            # a checklist's ladder reads items_met, from 0 to its number of items
            self.conditions = _Conditions(_with_counts(self.spec.inputs, ind))
            self.levels(path, ind)
            self.reachable(path, ind)
        self.conditions = _Conditions(self.spec.inputs)
        for path, expr in self.expressions():
            self.bounds(path, expr)
        ranges: dict[str, Range | None] = {}
        for path, expr in (*self.expressions(), (("recognition", "pass"), self.program.pass_expr)):
            self.divisions(path, expr)
            self.overflows(path, expr, ranges)
        self.titles()
        self.coverage()
        return self.problems

    def indicators(self) -> Iterator[tuple[Path, CompiledIndicator]]:
        compiled = iter(self.program.indicators)
        for c, criterion in enumerate(self.spec.criteria):
            for i, _ in enumerate(criterion.indicators):
                yield ("criteria", c, "indicators", i), next(compiled)

    def expressions(self) -> Iterator[tuple[Path, Expr]]:
        """Every expression over inputs, with the path of its text."""
        for name, expr in self.program.derived:
            yield ("derived", name), expr
        for path, ind in self.indicators():
            if ind.criterion_applies is not None and path[3] == 0:  # once per criterion
                yield (*path[:2], "applies"), ind.criterion_applies
            if ind.applies is not None:
                yield (*path, "applies"), ind.applies
            for j, (_, expr) in enumerate(ind.items):
                yield (*path, "items", j, "when"), expr
            if ind.when is not None:
                yield (*path, "when"), ind.when
            for k, (expr, _) in enumerate(ind.levels):
                yield (*path, "levels", k, "when"), expr
            if ind.awarded is not None:
                yield (*path, "awarded"), ind.awarded

    # --- the pass rule and grades

    def passes(self, points: Sequence[float]) -> bool:
        columns = [pl.lit(float(p), dtype=pl.Float64) for p in points]
        frame = pl.DataFrame({"row": [0]})
        result = frame.select(outcome_pass(self.program, columns).alias("pass"))
        return bool(result["pass"][0])

    def pass_rule(self) -> None:
        path: Path = ("recognition", "pass")
        inds, top = self.program.indicators, self.program.max_total
        row = {*self.spec.inputs, *self.spec.derived, "year"}
        # A rule that reads a row's values (format 1.1) is not decided by points alone.
        by_points = not expression_names(self.program.pass_expr) & row
        if by_points and not self.passes([i.points for i in inds]):
            self.report("error", "never-passes", say("lint-never-passes", top=top),
                        self.at_expr(path))
        elif by_points and self.passes([0.0 for _ in inds]):
            self.report("error", "always-passes", say("lint-always-passes"), self.at_expr(path))
        limits = {"total": top, "total_share": 1.0}
        for criterion in self.spec.criteria:
            limits[criterion.id] = sum(i.points for i in criterion.indicators)
        for node in walk(self.program.pass_expr):
            if not isinstance(node, Compare):
                continue
            for k, op in enumerate(node.ops):
                atom = _atom(node.operands[k], op, node.operands[k + 1])
                if atom is None or atom[0].id not in limits:
                    continue
                name, at_least, const = atom
                value, limit = _number(const), limits[name.id]
                if value is None or at_least not in (">", ">=", "==") \
                        or not (value > limit or (at_least == ">" and value == limit)):
                    continue
                what = say("lint-what-total") if name.id == "total" else \
                    say("lint-what-share") if name.id == "total_share" else \
                    say("lint-what-criterion", id=name.id)
                self.report("error", "threshold-above-max",
                            say("lint-threshold-above-max", name=name.id, op=at_least,
                                value=value, what=what, limit=limit),
                            self.at_expr(path, const))

    def grades(self) -> None:
        top = self.program.max_total
        for k, grade in enumerate(self.spec.recognition.grades):
            if grade.min is not None and grade.min > top:
                self.report("error", "threshold-above-max",
                            say("lint-grade-above-max", id=grade.id, min=grade.min, top=top),
                            self.at(("recognition", "grades", k, "min")))

    # --- levels and reachability

    def levels(self, path: Path, ind: CompiledIndicator) -> None:
        earlier: list[Expr] = []
        for k, (expr, points) in enumerate(ind.levels):
            where = self.at_expr((*path, "levels", k, "when"))
            if points == 0:
                self.report("warning", "zero-points-level",
                            say("lint-zero-level", n=k + 1, id=ind.id),
                            self.at((*path, "levels", k, "points")),
                            hint=say("lint-remove-level"))
            if k and points > ind.levels[k - 1][1]:
                self.report("warning", "levels-order",
                            say("lint-levels-order", n=k + 1, id=ind.id, points=points,
                                before=k, before_points=ind.levels[k - 1][1]),
                            self.at((*path, "levels", k, "points")),
                            hint=say("lint-levels-order-hint"))
            alone = self.conditions.holds(expr)
            if not alone:
                self.report("warning", "unreachable-level",
                            say("lint-level-never", n=k + 1, id=ind.id, expr=render(expr)),
                            where)
            elif earlier and not self.after(expr, earlier):
                self.report("warning", "unreachable-level",
                            say("lint-level-shadowed", n=k + 1, id=ind.id, expr=render(expr)),
                            where, hint=say("lint-levels-order-hint"))
            earlier.append(expr)

    def after(self, expr: Expr, earlier: Sequence[Expr]) -> list[Env]:
        """Where `expr` holds and none of `earlier` does."""
        envs = self.conditions.holds(expr)
        for prior in earlier:
            envs = [e for env in envs for e in self.conditions.holds(prior, env, negate=True)]
            if len(envs) > _LIMIT:
                return [{}]  # too many alternatives to follow: take it as reachable
        return envs

    def reachable(self, path: Path, ind: CompiledIndicator) -> None:
        if ind.when is not None:
            if self.conditions.holds(ind.when):
                return
            if ind.mandatory:
                self.report("error", "unreachable-mandatory",
                            say("lint-mandatory-never", id=ind.id), self.at_expr((*path, "when")))
            else:
                self.report("warning", "never-met", say("lint-never-met", id=ind.id),
                            self.at_expr((*path, "when")))
            return
        if not ind.mandatory or ind.awarded is not None:
            return  # each unreachable level is reported on its own; awarded points vary
        full = [k for k, (_, points) in enumerate(ind.levels) if points >= ind.points]
        exprs = [e for e, _ in ind.levels]
        if not any(self.after(exprs[k], exprs[:k]) for k in full):
            why = say("lint-no-full-level") if not full else say("lint-full-level-unreached")
            self.report("error", "unreachable-mandatory",
                        say("lint-mandatory-not-full", id=ind.id, why=why),
                        self.at((*path, "mandatory")))

    def bounds(self, path: Path, expr: Expr) -> None:
        for node in walk(expr):
            if not isinstance(node, Compare):
                continue
            for k, op in enumerate(node.ops):
                atom = _atom(node.operands[k], op, node.operands[k + 1])
                if atom is None:
                    continue
                name, rel, const = atom
                value, spec = _number(const), self.spec.inputs.get(name.id)
                if value is None or spec is None or spec.type not in ("integer", "number") \
                        or (spec.minimum is None and spec.maximum is None):
                    continue
                declared = self.conditions.domain(name.id, "number")
                assert isinstance(declared, _Range)
                if declared.meet(rel, value).empty:
                    verdict = say("lint-never-holds")
                elif declared.meet(_NEGATED[rel], value).empty:  # x >= 0 with minimum 0
                    verdict = say("lint-always-holds")
                else:
                    continue
                self.report("warning", "comparison-out-of-bounds",
                            say("lint-comparison-bounds", name=name.id, op=rel, value=value,
                                verdict=verdict, bounds=_bounds_text(name.id, spec)),
                            self.at_expr(path, const), hint=say("lint-bounds-hint"))

    def divisions(self, path: Path, expr: Expr) -> None:
        """A ``/`` whose divisor is a literal zero (or arithmetic of literals giving zero):
        the value is missing for every subject. ``ratio(a, 0)`` is defined (its default)."""
        for node in walk(expr):
            if not isinstance(node, Binary) or node.op != "/" \
                    or _constant_value(node.right) != 0:
                continue
            self.report("warning", "division-by-zero",
                        say("lint-divides-by-zero", expr=render(node)),
                        self.at_expr(path, node.right), hint=say("lint-divides-by-zero-hint"))

    def overflows(self, path: Path, expr: Expr, ranges: dict[str, Range | None]) -> None:
        """Integer arithmetic that the declared bounds let leave 64 bits (`int_range`);
        `ranges` collects the derived values' ranges (derived values come first)."""
        result, found = integer_overflows(expr, self.spec.inputs, ranges)
        if path[0] == "derived":
            ranges[str(path[1])] = result
        for overflow in found:
            self.report("warning", "integer-overflow", overflow.message,
                        self.at_expr(path, overflow.node), hint=overflow.hint)

    # --- names, sources, titles, tests

    def names_used(self) -> None:
        derived = dict(self.program.derived)
        used: set[str] = set()
        queue = [n for _, ind in self.indicators() for n in ind.reads]
        queue += expression_names(self.program.pass_expr)   # format 1.1 reads inputs there
        queue += [n for g in self.program.grades if g.when is not None
                  for n in expression_names(g.when)]
        if self.program.applies_to is not None:     # the subjects the set is for
            queue += expression_names(self.program.applies_to)
        while queue:
            name = queue.pop()
            if name not in used:
                used.add(name)
                if name in derived:
                    queue.extend(expression_names(derived[name]))
        by_unused = {n for name, e in derived.items() if name not in used
                     for n in expression_names(e)}
        for name in self.spec.inputs:
            if name in used:
                continue
            why = say("lint-read-by-unused") if name in by_unused else say("lint-read-by-none")
            self.report("warning", "unused-input", say("lint-unused-input", name=name, why=why),
                        self.at(("inputs", name), key=True), hint=say("lint-unused-hint"))
        for name in self.spec.derived:
            if name not in used:
                self.report("warning", "unused-derived", say("lint-unused-derived", name=name),
                            self.at(("derived", name), key=True), hint=say("lint-unused-hint"))

    def sources(self) -> None:
        hint = say("lint-unverified-hint")
        if not self.spec.source.verified and not self.spec.source.note:
            self.report("warning", "unverified-without-note", say("lint-set-unverified"),
                        self.at(("source", "verified")), hint=hint)
        for path, ind in self.indicators():
            source = self.spec.criteria[_int(path[1])].indicators[_int(path[3])].source
            if source is not None and not source.verified and not source.note:
                self.report("warning", "unverified-without-note",
                            say("lint-indicator-unverified", id=ind.id),
                            self.at((*path, "source", "verified")), hint=hint)
        # A source said to be verified names what it was checked against.
        cite = say("lint-reference-hint")
        if self.spec.source.verified and not self.spec.source.url \
                and not self.spec.source.document:
            self.report("warning", "verified-without-reference", say("lint-set-no-reference"),
                        self.at(("source", "verified")), hint=cite)
        for path, ind in self.indicators():
            source = self.spec.criteria[_int(path[1])].indicators[_int(path[3])].source
            if source is not None and source.verified and not source.url \
                    and not source.document:
                self.report("warning", "verified-without-reference",
                            say("lint-indicator-no-reference", id=ind.id),
                            self.at((*path, "source", "verified")), hint=cite)

    def titles(self) -> None:
        hint = say("lint-no-diacritics-hint")
        for c, criterion in enumerate(self.spec.criteria):
            items: list[tuple[Path, Message, str]] = [
                (("criteria", c), say("part-criterion"), criterion.id)]
            items += [(("criteria", c, "indicators", i), say("part-indicator"), ind.id)
                      for i, ind in enumerate(criterion.indicators)]
            titles = [criterion.title.vi, *(ind.title.vi for ind in criterion.indicators)]
            for (path, kind, ident), title in zip(items, titles, strict=True):
                if not _is_vietnamese(title):
                    self.report("warning", "missing-diacritics",
                                say("lint-no-diacritics", part=kind, id=ident, title=title),
                                self.at((*path, "title", "vi")), hint=hint)

    def coverage(self) -> None:
        if self.cases is None:
            return
        for path, ind in self.indicators():
            if ind.id not in self.cases:
                self.report("warning", "untested-indicator", say("lint-untested", id=ind.id),
                            self.at((*path, "id")), hint=say("lint-untested-hint"))


def _constant_value(node: Expr) -> float | None:
    """The number `node` always is, when it is built from numeric literals with ``+ - * /``
    and signs only (``0``, ``-0.0``, ``(1 - 1)``); else None."""
    if isinstance(node, Const):
        return _number(node)
    if isinstance(node, Unary) and node.op in ("-", "+"):
        value = _constant_value(node.operand)
        return None if value is None else (-value if node.op == "-" else value)
    if isinstance(node, Binary):
        left, right = _constant_value(node.left), _constant_value(node.right)
        if left is None or right is None:
            return None
        if node.op == "/":
            return None if right == 0 else left / right
        return left + right if node.op == "+" else left - right if node.op == "-" \
            else left * right
    return None


def _int(step: str | int) -> int:
    assert isinstance(step, int)
    return step


def _bounds_text(name: str, spec: InputSpec) -> Message:
    if spec.minimum is not None and spec.maximum is not None:
        return say("lint-bounds-both", name=name, low=spec.minimum, high=spec.maximum)
    if spec.maximum is not None:
        return say("lint-bounds-most", name=name, high=spec.maximum)
    return say("lint-bounds-least", name=name, low=spec.minimum)


def _with_counts(inputs: Mapping[str, InputSpec], ind: CompiledIndicator,
                 ) -> Mapping[str, InputSpec]:
    """`inputs`, with the counts an indicator with a checklist reads (format 1.1): a level
    that needs more items than there are can never hold."""
    if not ind.items:
        return inputs
    size = float(len(ind.items))
    return {**inputs, ITEMS_MET: InputSpec(type="integer", minimum=0, maximum=size),
            ITEMS_TOTAL: InputSpec(type="integer", minimum=size, maximum=size)}
