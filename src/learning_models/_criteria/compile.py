"""Stage 3: compile a validated `CriteriaSet` into a `Program`.

Every expression is parsed once into the typed IR of `_expressions.ir`, every name is resolved
against the declared inputs and derived values, every type is checked, and derived values
are put in dependency order (a cycle is an error). Nothing is checked again at evaluation
time: a `Program` that exists is a program that can run.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from .._documents import Message, SourceMap, say, verbatim
from .._expressions import (
    BUILTIN_FUNCTIONS,
    BoolOp,
    Expr,
    FunctionRegistry,
    NameInfo,
    ValueType,
    check_expression,
    expression_names,
    parse_expression,
    type_said,
)
from ..errors import CriteriaError, Problem, Span
from .hints import bare_indicator_hint
from .model import EVIDENCE_PREFIX, FORMAT, CriteriaSet, InputSpec, Item
from .recognition import CompiledGrade, rewrite_rule, rule_names, rule_refs

__all__ = ["ITEMS_MET", "ITEMS_TOTAL", "CompiledIndicator", "Program", "compile_criteria",
           "program_of"]

#: What the expressions of an indicator with a checklist read: how many items are met, and
#: how many there are.
ITEMS_MET, ITEMS_TOTAL = "items_met", "items_total"

T = TypeVar("T")
#: Problems of a rule that a bare indicator id (``A.1 >= 5``) causes.
_BARE_CODES = frozenset({"expression-syntax", "forbidden-syntax", "unknown-name"})


@dataclass(frozen=True, slots=True)
class CompiledIndicator:
    """An indicator ready to run: parsed conditions and the names it reads."""

    id: str
    criterion: str
    points: float
    mandatory: bool
    when: Expr | None
    levels: tuple[tuple[Expr, float], ...]
    reads: tuple[str, ...]
    awarded: Expr | None = None     # format 1.1: the points given, clipped to [0, points]
    #: Format 1.1: the indicator's own `applies` and its criterion's (None: always).
    applies: Expr | None = None
    criterion_applies: Expr | None = None
    #: Format 1.1: the checklist, (id, condition) per item; `when`, `levels` and `awarded`
    #: then read `ITEMS_MET` and `ITEMS_TOTAL`.
    items: tuple[tuple[str, Expr], ...] = ()
    #: Format 1.1: the ids of the documents without which the indicator is missing.
    documents: tuple[str, ...] = ()

    @property
    def applicability(self) -> Expr | None:
        """Whether the indicator counts for a subject: its criterion's condition and its
        own, both (None: it always counts). Null where missing evidence leaves it open."""
        parts = tuple(e for e in (self.criterion_applies, self.applies) if e is not None)
        if len(parts) < 2:
            return parts[0] if parts else None
        return BoolOp("and", parts, line=parts[1].line, col=parts[1].col)


@dataclass(frozen=True, slots=True)
class Program:
    """A compiled criteria set: what `evaluate` runs.

    A program is immutable, so what is built from it alone (its Polars expressions) is built
    once, on first use, and kept with it (`cached`). The cache belongs to this object: a
    program compiled again, or with other functions or overlays, starts with its own.
    """

    spec: CriteriaSet
    inputs: Mapping[str, NameInfo]
    derived: tuple[tuple[str, Expr], ...]
    indicators: tuple[CompiledIndicator, ...]
    pass_expr: Expr
    content_hash: str
    functions: FunctionRegistry
    _cache: dict[Any, Any] = field(default_factory=dict, init=False, repr=False,
                                   compare=False, hash=False)
    #: The grades, in the set's order, with their conditions (format 1.1) compiled.
    grades: tuple[CompiledGrade, ...] = ()
    #: Format 1.1: which subjects the set is for (over its inputs and the year); None: all.
    applies_to: Expr | None = None

    def cached(self, key: Any, build: Callable[[], T]) -> T:
        """The value kept under `key`, built by `build()` the first time it is asked for.

        `build` must depend on nothing but this program and `key`. Two threads asking at
        once may both build it; either result is kept, and both are the same.
        """
        try:
            value: T = self._cache[key]
        except KeyError:
            value = self._cache.setdefault(key, build())
        return value

    @property
    def max_total(self) -> float:
        return sum(i.points for i in self.indicators)

    @property
    def evidence_columns(self) -> tuple[str, ...]:
        """The columns (keys) a record may carry with each indicator's evidence references
        (format 1.1: ``evidence.C1.1``); none in format 1."""
        if self.spec.format == FORMAT:
            return ()
        return tuple(f"{EVIDENCE_PREFIX}{i.id}" for i in self.indicators)

    @property
    def has_applies(self) -> bool:
        """Whether some indicator counts for some subjects only (format 1.1 ``applies``):
        ``max_total`` is then the subject's own."""
        return any(i.applicability is not None for i in self.indicators)

    @property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.spec.criteria)

    @property
    def reads_year(self) -> bool:
        """Whether any expression reads the evaluation ``year`` (format 1.1)."""
        return self.cached("reads_year", lambda: "year" in self.names_read())

    def names_read(self) -> frozenset[str]:
        """Every name the program's expressions read (inputs, derived values, the year,
        the pass rule's own names)."""
        exprs = [e for _, e in self.derived]
        for ind in self.indicators:
            exprs += [e for e in (ind.when, ind.awarded, ind.applicability) if e is not None]
            exprs += [e for _, e in ind.items]
            exprs += [e for e, _ in ind.levels]
        exprs += [self.pass_expr, *(g.when for g in self.grades if g.when is not None)]
        return frozenset().union(*(expression_names(e) for e in exprs))


def compile_criteria(spec: CriteriaSet, functions: FunctionRegistry | None = None) -> Program:
    """Parse, resolve and type-check every expression of `spec`, with `functions` (default:
    the set's own, ``spec.functions``, else the built-in ones).

    Raises `CriteriaError` with every problem, located in the set's file when it has one.
    """
    return _Compiler(spec, functions or spec.functions or BUILTIN_FUNCTIONS).run()


#: Programs compiled by `program_of`, most recently used last; a program holds its set, so
#: an id here always names a live set.
_PROGRAMS: OrderedDict[int, Program] = OrderedDict()
_PROGRAMS_KEPT = 256


def program_of(spec: CriteriaSet) -> Program:
    """`spec` compiled with its own functions, once per set object (sets are immutable)."""
    program = _PROGRAMS.get(id(spec))
    if program is not None and program.spec is spec:
        _PROGRAMS.move_to_end(id(spec))
        return program
    program = compile_criteria(spec)
    _PROGRAMS[id(spec)] = program
    while len(_PROGRAMS) > _PROGRAMS_KEPT:
        _PROGRAMS.popitem(last=False)
    return program


def _input_info(spec: InputSpec) -> NameInfo:
    if spec.type == "enum":
        return NameInfo("string", spec.values)
    return NameInfo(spec.type)


class _Compiler:
    def __init__(self, spec: CriteriaSet, functions: FunctionRegistry) -> None:
        self.spec = spec
        self.functions = functions
        self.source: SourceMap | None = spec.source_map
        self.problems: list[Problem] = []

    def span(self, path: Sequence[str | int]) -> Span | None:
        """Where the text at `path` starts (a `TextSpan` when it is written over lines)."""
        return self.source.expression_span(path) if self.source else None

    def at(self, path: Sequence[str | int]) -> Span | None:
        """Where the text at `path` starts, as a plain span for a problem about all of it."""
        span = self.span(path)
        return None if span is None else Span(span.file, span.line, span.column)

    def parse(self, text: str, path: Sequence[str | int]) -> Expr | None:
        try:
            return parse_expression(text, self.span(path))
        except CriteriaError as exc:
            self.problems.extend(exc.problems)
            return None

    def check(self, expr: Expr, names: Mapping[str, NameInfo], path: Sequence[str | int],
              want: ValueType | None, what: Message | None) -> ValueType | None:
        found, problems = check_expression(expr, names, self.span(path), self.functions)
        self.problems.extend(problems)
        if want is not None and found is not None and found != want:
            self.problems.append(Problem.of(
                "type-mismatch", say("must-be-condition", what=what, found=type_said(found)),
                self.at(path), hint=say("hint-compare")))
        return found

    def run(self) -> Program:
        names: dict[str, NameInfo] = {k: _input_info(v) for k, v in self.spec.inputs.items()}
        if self.spec.format != FORMAT:  # format 1.1: the evaluation year (a reserved name)
            names["year"] = NameInfo("integer")
        derived = self.derived(names)
        indicators = tuple(self.indicators(names, dict(derived)))
        pass_expr = self.recognition(names)
        grades = tuple(self.grades(names))
        applies_to = self.applies_to(names)
        if self.problems or pass_expr is None:
            raise CriteriaError(self.problems)
        return Program(self.spec, {k: v for k, v in names.items() if k in self.spec.inputs},
                       derived, indicators, pass_expr, self.spec.content_hash(), self.functions,
                       grades=grades, applies_to=applies_to)

    def applies_to(self, names: Mapping[str, NameInfo]) -> Expr | None:
        """The set's `applies_to`: a condition over its inputs (and the year) only, so that
        a record can be routed before it is typed against any one set."""
        if self.spec.applies_to is None:
            return None
        expr = self.parse(self.spec.applies_to, ("applies_to",))
        if expr is None:
            return None
        scope = {k: v for k, v in names.items() if k in self.spec.inputs or k == "year"}
        self.check(expr, scope, ("applies_to",), "boolean", verbatim("'applies_to'"))
        return expr

    def derived(self, names: dict[str, NameInfo]) -> tuple[tuple[str, Expr], ...]:
        parsed = {name: self.parse(text, ("derived", name))
                  for name, text in self.spec.derived.items()}
        exprs = {name: e for name, e in parsed.items() if e is not None}
        # Every derived name exists before any is checked, its type not yet known: a member
        # of a cycle reads one checked after it, and the cycle is its only problem.
        names.update({name: NameInfo(None) for name in parsed})
        ordered: list[tuple[str, Expr]] = []
        for name in self.topological(exprs):
            found = self.check(exprs[name], names, ("derived", name), None, None)
            names[name] = NameInfo(found or "number")
            ordered.append((name, exprs[name]))
        for name in parsed:  # a derived value that failed to parse still has a name
            if names[name].type is None:
                names[name] = NameInfo("number")
        return tuple(ordered)

    def topological(self, exprs: Mapping[str, Expr]) -> list[str]:
        deps = {n: sorted(expression_names(e) & exprs.keys()) for n, e in exprs.items()}
        order: list[str] = []
        state: dict[str, str] = {}

        def visit(name: str, trail: tuple[str, ...]) -> None:
            if state.get(name) == "done":
                return
            if state.get(name) == "active":
                cycle = " → ".join((*trail[trail.index(name):], name))
                self.problems.append(Problem.of(
                    "derived-cycle", say("derived-cycle", name=name, cycle=cycle),
                    self.at(("derived", name))))
                return
            state[name] = "active"
            for dep in deps[name]:
                visit(dep, (*trail, name))
            state[name] = "done"
            order.append(name)

        for name in exprs:
            visit(name, ())
        return order

    def indicators(self, names: Mapping[str, NameInfo],
                   derived: Mapping[str, Expr]) -> Iterator[CompiledIndicator]:
        for c, criterion in enumerate(self.spec.criteria):
            group = self.applies(criterion.applies, names, ("criteria", c, "applies"),
                                 say("owner-criterion", id=criterion.id))
            for i, ind in enumerate(criterion.indicators):
                at: tuple[str | int, ...] = ("criteria", c, "indicators", i)
                items = tuple(self.items(ind.items or (), names, at, ind.id))
                inner = dict(names)
                if ind.items is not None:  # the checklist's counts, for this indicator only
                    inner.update({ITEMS_MET: NameInfo("integer"),
                                  ITEMS_TOTAL: NameInfo("integer")})
                what = say("what-condition-of", id=ind.id)
                when = self.parse(ind.when, (*at, "when")) if ind.when is not None else None
                if when is not None:
                    self.check(when, inner, (*at, "when"), "boolean", what)
                levels: list[tuple[Expr, float]] = []
                for k, level in enumerate(ind.levels or ()):
                    expr = self.parse(level.when, (*at, "levels", k, "when"))
                    if expr is not None:
                        self.check(expr, inner, (*at, "levels", k, "when"), "boolean", what)
                        levels.append((expr, level.points))
                awarded = self.awarded(ind.awarded, inner, (*at, "awarded"), ind.id)
                applies = self.applies(ind.applies, names, (*at, "applies"),
                                       say("owner-indicator", id=ind.id))
                exprs = [e for e in (group, applies, *(e for _, e in items), when, awarded,
                                     *(e for e, _ in levels)) if e is not None]
                reads = tuple(n for n in _reads(exprs, derived)
                              if n not in ("year", ITEMS_MET, ITEMS_TOTAL))
                yield CompiledIndicator(ind.id, criterion.id, ind.points, ind.mandatory, when,
                                        tuple(levels), reads, awarded, applies, group, items,
                                        tuple(d.id for d in ind.required_documents))

    def items(self, items: Sequence[Item], names: Mapping[str, NameInfo],
              at: tuple[str | int, ...], ident: str) -> Iterator[tuple[str, Expr]]:
        """A checklist's items, each with its condition parsed and checked."""
        for j, item in enumerate(items):
            path = (*at, "items", j, "when")
            expr = self.parse(item.when, path)
            if expr is not None:
                self.check(expr, names, path, "boolean",
                           say("what-item-condition", item=item.id, id=ident))
                yield item.id, expr

    def applies(self, text: str | None, names: Mapping[str, NameInfo],
                path: Sequence[str | int], what: Message) -> Expr | None:
        """For which subjects an indicator (or a criterion's) counts: a condition."""
        expr = self.parse(text, path) if text is not None else None
        if expr is not None:
            self.check(expr, names, path, "boolean", say("what-applies-of", what=what))
        return expr

    def awarded(self, text: str | None, names: Mapping[str, NameInfo],
                path: Sequence[str | int], ident: str) -> Expr | None:
        """The points an assessor awards: an expression whose value is a number."""
        expr = self.parse(text, path) if text is not None else None
        if expr is None:
            return None
        found = self.check(expr, names, path, None, None)
        if found is not None and found not in ("integer", "number"):
            self.problems.append(Problem.of(
                "type-mismatch", say("awarded-not-number", id=ident, found=type_said(found)),
                self.at(path), hint=say("hint-awarded-number")))
        return expr

    def rule(self, text: str, names: Mapping[str, NameInfo], path: Sequence[str | int],
             what: Message) -> Expr | None:
        """A pass rule or grade condition: its indicator functions made names, checked."""
        before = len(self.problems)
        expr = self.rule_expr(text, names, path, what)
        hint = bare_indicator_hint(text, (i.id for i in self.spec.indicators)) \
            if len(self.problems) > before else None
        if hint is not None:  # an indicator named bare: say how to read it
            self.problems[before:] = [replace(p, hint=hint.render("en"), hint_said=hint)
                                      if p.code in _BARE_CODES else p
                                      for p in self.problems[before:]]
        return expr

    def rule_expr(self, text: str, names: Mapping[str, NameInfo], path: Sequence[str | int],
                  what: Message) -> Expr | None:
        expr = self.parse(text, path)
        if expr is None:
            return None
        scope: dict[str, NameInfo] = {}
        if self.spec.format != FORMAT:  # format 1 reads totals, criteria, mandatory_met only
            expr, problems = rewrite_rule(expr, (i.id for i in self.spec.indicators),
                                          (c.id for c in self.spec.criteria), self.span(path))
            self.problems.extend(problems)
            scope = rule_names(names, rule_refs([expr]))
        scope.update({"total": NameInfo("number"), "max_total": NameInfo("number"),
                      "mandatory_met": NameInfo("boolean")})
        if self.spec.format != FORMAT:  # the share of the points that apply (format 1.1)
            scope["total_share"] = NameInfo("number")
        scope.update({c.id: NameInfo("number") for c in self.spec.criteria})
        self.check(expr, scope, path, "boolean", what)
        return expr

    def recognition(self, names: Mapping[str, NameInfo]) -> Expr | None:
        return self.rule(self.spec.recognition.pass_, names, ("recognition", "pass"),
                         say("what-pass-rule"))

    def grades(self, names: Mapping[str, NameInfo]) -> Iterator[CompiledGrade]:
        for k, grade in enumerate(self.spec.recognition.grades):
            when = None if grade.when is None else self.rule(
                grade.when, names, ("recognition", "grades", k, "when"),
                say("what-grade-condition", id=grade.id))
            yield CompiledGrade(grade.id, grade.min, when)


def _reads(exprs: Sequence[Expr], derived: Mapping[str, Expr]) -> tuple[str, ...]:
    """Names read by `exprs`, then the inputs behind the derived ones, in first-seen order."""
    seen: dict[str, None] = {}
    queue = [n for e in exprs for n in sorted(expression_names(e))]
    while queue:
        name = queue.pop(0)
        if name not in seen:
            seen[name] = None
            if name in derived:
                queue.extend(sorted(expression_names(derived[name])))
    return tuple(seen)
