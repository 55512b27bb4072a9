"""Test cases beside the criteria (format ``learning-models/test-cases/1``) and their runner.

A test file pins down what a set means: for a subject described by its inputs, the total,
decision, grade, indicator outcomes and gaps expected. The loader reads it like a criteria
set (YAML with positions, the shipped JSON Schema, then the checks a schema cannot say:
unique case names, indicators and inputs the set really has, years in the set's period),
every problem located. The runner evaluates every case through the public `evaluate` — so a
case tests exactly what a user gets — and reports each failure at its ``FILE:LINE`` with one
line per field that differs and, when the total or the decision is wrong, the explanation of
the indicators concerned.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from .._catalog import Catalog, shipped_criteria_dir
from .._criteria import EVIDENCE_PREFIX, FORMAT, CriteriaSet, Lang
from .._documents import (
    RawDocument,
    SourceMap,
    check_shape,
    describe_kind_said,
    format_problem,
    load_yaml,
    say,
    schema,
    schema_problem,
    suggestion,
    verbatim,
    where_said,
)
from .._evidence import RecordError, records_to_frame, type_frame
from .._scoring import Evaluation, evaluate
from ..errors import (
    CriteriaError,
    EvidenceError,
    LearningModelsError,
    Problem,
    ProblemCode,
    Said,
    sort_problems,
)

if TYPE_CHECKING:  # jsonschema is imported when a document is checked, not with the package
    import jsonschema

__all__ = [
    "Case",
    "CaseFile",
    "CaseReport",
    "CaseResult",
    "Expectation",
    "Mismatch",
    "case_catalog",
    "cases_schema",
    "check_case",
    "find_case_files",
    "load_cases",
    "run_case_file",
    "run_cases",
    "validate_cases",
]

CaseStatus = Literal["recognised", "not_recognised", "incomplete"]
IndicatorWord = Literal["met", "partly_met", "not_met", "missing", "not_applicable"]

#: How test files are named, so that a folder can be searched for them.
SUFFIXES = (".test.yaml", ".test.yml")

_TOLERANCE = 1e-9
_HINTS = {"criteria": "hint-pattern-set-id", "model": "hint-pattern-model"}
_EXPECT_KEYS = "total, status, grade, indicators, gaps"


# --- the cases ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expectation:
    """What a case expects; only the fields given are checked."""

    total: float | None = None
    status: CaseStatus | None = None
    grade: str | None = None
    checks_grade: bool = False                   # True when `grade` was given (even null)
    indicators: Mapping[str, IndicatorWord | float] = field(default_factory=dict)
    gaps: frozenset[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The expectation as it would be written under ``expect:``."""
        data: dict[str, Any] = {}
        if self.total is not None:
            data["total"] = self.total
        if self.status is not None:
            data["status"] = self.status
        if self.checks_grade:
            data["grade"] = self.grade
        if self.indicators:
            data["indicators"] = dict(self.indicators)
        if self.gaps is not None:
            data["gaps"] = sorted(self.gaps)
        return data


@dataclass(frozen=True, slots=True)
class Case:
    """One test case, resolved: the set it tests, the year, the merged inputs."""

    name: str
    file: str
    line: int                       # the line of its ``- name:``
    criteria: str                   # the id of the set
    year: int | None
    inputs: Mapping[str, object]    # defaults merged with the case's own; None: missing
    expect: Expectation
    spec: CriteriaSet = field(repr=False, compare=False)

    @property
    def where(self) -> str:
        """``FILE:LINE`` of the case."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class CaseFile:
    """The cases of one test file."""

    file: str
    cases: tuple[Case, ...]


def cases_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the test-cases format, version 1."""
    return schema("test-cases")


def load_cases(path: str | os.PathLike[str], *, catalog: Catalog | None = None,
               display_name: str | None = None) -> CaseFile:
    """Load a test file; the sets it names are looked up in `catalog`.

    Without a catalogue: the shipped sets and the sets in the file's folder. Raises
    `CriteriaError` with every problem found, each as FILE:LINE:COLUMN.
    """
    raw = load_yaml(path, display_name=display_name)
    if catalog is None:
        catalog = Catalog.default([Path(path).parent])
    return validate_cases(raw, catalog)


def validate_cases(raw: RawDocument, catalog: Catalog) -> CaseFile:
    """Check a loaded test file against the format and the sets it tests."""
    data = check_shape(raw, "test-cases", _schema_problem)
    source = raw.source
    builder = _Builder(data, source, catalog)
    cases = builder.build()
    if builder.problems:
        raise CriteriaError(builder.problems)
    return CaseFile(source.file, tuple(cases))


def _schema_problem(error: jsonschema.ValidationError, source: SourceMap) -> Problem:
    path = tuple(error.absolute_path)
    kind = str(error.validator)
    where = where_said(path, say("doc-test-cases"))
    if not path and kind == "anyOf":
        return Problem.of("missing-key", say("cases-no-set"), source.locate(()),
                          hint=say("cases-no-set-hint"))
    if not path and kind == "not":
        return Problem.of("invalid-value", say("cases-set-twice"),
                          source.locate(("model",), key=True))
    if kind == "dependentRequired":
        return Problem.of("missing-key", say("cases-model-year"),
                          source.locate(("model",), key=True))
    if kind == "minProperties" and path[-1:] == ("expect",):
        return Problem.of("missing-key", say("cases-expects-nothing", where=where),
                          source.locate(path, key=True),
                          hint=say("cases-expect-keys", keys=_EXPECT_KEYS))
    if kind == "anyOf" and path[-2:-1] == ("indicators",):
        return Problem.of("invalid-value", say("cases-indicator-status", where=where,
                                               value=error.instance), source.locate(path))
    if kind == "type" and isinstance(error.validator_value, list) and "inputs" in path:
        return Problem.of("wrong-type", say("cases-single-value", where=where,
                                            kind=describe_kind_said(error.instance)),
                          source.locate(path))
    return schema_problem(error, source, document=say("doc-test-cases"),
                          pattern_hints={key: say(id_) for key, id_ in _HINTS.items()})


class _Builder:
    """Resolves each case's set, checks what the cases name against it, builds the cases."""

    def __init__(self, data: dict[str, Any], source: SourceMap, catalog: Catalog) -> None:
        self.data, self.source, self.catalog = data, source, catalog
        self.problems: list[Problem] = []
        self._sets: dict[str, CriteriaSet | None] = {}
        self._reported: set[tuple[object, ...]] = set()

    def problem(self, code: ProblemCode, message: Said, path: Sequence[str | int], *,
                key: bool = False, hint: Said | None = None) -> None:
        self.problems.append(Problem.of(code, message, self.source.locate(path, key=key),
                                        hint=hint))

    def once(self, *what: object) -> bool:
        """True the first time `what` is seen: a shared value is reported once."""
        if what in self._reported:
            return False
        self._reported.add(what)
        return True

    def resolve(self, ident: str, at: Sequence[str | int]) -> CriteriaSet | None:
        if ident not in self.catalog:
            close = suggestion(ident, self.catalog.ids())
            self.problem("unknown-set", say("no-set-with-id", id=ident), at,
                         hint=close or say("known-sets", ids=", ".join(self.catalog.ids())
                                           or "—"))
            return None
        if ident not in self._sets:
            try:
                self._sets[ident] = self.catalog.get(ident)
            except CriteriaError as exc:
                self._sets[ident] = None
                self.problem("unknown-set", say("set-has-problems", id=ident), at,
                             hint=say("set-has-problems-hint"))
                self.problems.extend(exc.problems)
        return self._sets[ident]

    def file_set(self) -> CriteriaSet | None:
        data = self.data
        if "criteria" in data:
            return self.resolve(data["criteria"], ("criteria",))
        try:
            spec = self.catalog.for_year(data["model"], data["year"])
        except CriteriaError as exc:
            self.problems.extend(exc.problems)
            return None
        except LearningModelsError as exc:
            self.problem("no-set-for-year", exc.said or verbatim(str(exc)), ("model",))
            return None
        self._sets.setdefault(spec.id, spec)
        return spec

    def build(self) -> list[Case]:
        data = self.data
        self.check_names()
        default_spec = self.file_set()
        defaults: dict[str, Any] = data.get("defaults", {}).get("inputs", {})
        cases: list[tuple[int, Case]] = []   # each with its place in the file's cases
        for i, raw_case in enumerate(data["cases"]):
            at: tuple[str | int, ...] = ("cases", i)
            if "criteria" in raw_case:
                spec = self.resolve(raw_case["criteria"], (*at, "criteria"))
            else:
                spec = default_spec
            if spec is None:
                continue
            case = self.case(raw_case, at, spec, defaults)
            if case is not None:
                cases.append((i, case))
        self.check_values(cases, defaults)
        return [case for _, case in cases]

    def check_values(self, cases: Sequence[tuple[int, Case]],
                     defaults: Mapping[str, Any]) -> None:
        """The cases' input values, read as `test` reads them (each case's inputs as one
        evidence record of its set, all of a set's cases at once): a value the set would
        reject is a problem at the value — in ``defaults`` once for each set — and a
        required input that a case does not give is one at the case."""
        by_set: dict[int, list[tuple[int, Case]]] = {}
        for item in cases:
            by_set.setdefault(id(item[1].spec), []).append(item)
        for members in by_set.values():
            spec = members[0][1].spec
            given = {name: value for name, value in defaults.items() if name in spec.inputs}
            records: list[dict[str, object]] = [{**given, "id": "defaults"}]
            records += [{**case.inputs, "id": str(i)} for i, case in members]
            _, errors = type_frame(records_to_frame(records)[0], spec.inputs)
            for error in errors:
                if error.field in spec.inputs:
                    self.value_problem(error, spec)

    def value_problem(self, error: RecordError, spec: CriteriaSet) -> None:
        """One rejected value of a case (or of the defaults), located at it."""
        name = error.field or ""
        required = error.message.startswith("required input")
        if error.record == "defaults":
            if not required and self.once("value", name, spec.id):  # not all: the cases'
                self.problem("invalid-value", _said(error), ("defaults", "inputs", name))
            return
        at: tuple[str | int, ...] = ("cases", int(error.record or 0))
        raw = self.data["cases"][int(error.record or 0)]
        if required:
            self.problem("invalid-value", say("case-input-required", text=_said(error),
                                              id=spec.id),
                         (*at, "inputs") if "inputs" in raw else (*at, "name"), key=True,
                         hint=say("case-input-required-hint"))
        elif name in raw.get("inputs", {}):
            self.problem("invalid-value", _said(error), (*at, "inputs", name))

    def check_names(self) -> None:
        first: dict[str, int] = {}
        for i, raw_case in enumerate(self.data["cases"]):
            name = raw_case["name"]
            if name in first:
                line = self.source.locate(("cases", first[name], "name")).line
                self.problem("duplicate-case", say("case-name-twice", name=name),
                             ("cases", i, "name"), hint=say("first-used-line", line=line))
            else:
                first[name] = i

    def case(self, raw: dict[str, Any], at: tuple[str | int, ...], spec: CriteriaSet,
             defaults: dict[str, Any]) -> Case | None:
        before = len(self.problems)
        year: int | None = raw.get("year", self.data.get("year"))
        year_at = (*at, "year") if "year" in raw else ("year",)
        if year is not None and year not in spec.years and (
                "year" in raw or self.once("year", spec.id)):
            self.problem("year-outside-period", say("case-year-outside", year=year,
                                                    period=spec.period, id=spec.id), year_at,
                         hint=say("use-year-from", first=spec.years[0], last=spec.years[-1]))
        known = {*spec.inputs, *_evidence_keys(spec)}
        for name in defaults:
            if name not in known and self.once("default", name, spec.id):
                self.unknown_input(name, ("defaults", "inputs", name), spec)
        own: dict[str, Any] = raw.get("inputs", {})
        for name in own:
            if name not in known:
                self.unknown_input(name, (*at, "inputs", name), spec)
        expect = self.expectation(raw["expect"], (*at, "expect"), spec)
        if len(self.problems) > before or expect is None:
            return None
        line = self.source.locate((*at, "name")).line
        return Case(raw["name"], self.source.file, line, spec.id, year, {**defaults, **own},
                    expect, spec)

    def unknown_input(self, name: str, at: Sequence[str | int], spec: CriteriaSet) -> None:
        """A case's input the set does not declare (nor, in format 1.1, an indicator's
        evidence references, ``evidence.<id>``)."""
        self.problem("unknown-input", say("set-has-no-input", id=spec.id, name=name), at,
                     key=True, hint=suggestion(name, spec.inputs))

    def expectation(self, raw: dict[str, Any], at: tuple[str | int, ...],
                    spec: CriteriaSet) -> Expectation | None:
        before = len(self.problems)
        points = {i.id: i.points for i in spec.indicators}
        for ident, value in raw.get("indicators", {}).items():
            if ident not in points:
                self.unknown_indicator(ident, (*at, "indicators", ident), spec, key=True)
            elif not isinstance(value, str) and value > points[ident]:
                self.problem("invalid-value", say("indicator-at-most", id=ident,
                                                  most=points[ident], value=value),
                             (*at, "indicators", ident))
        for k, ident in enumerate(raw.get("gaps", [])):
            if ident not in points:
                self.unknown_indicator(ident, (*at, "gaps", k), spec)
        grades = [g.id for g in spec.recognition.grades]
        grade = raw.get("grade")
        if grade is not None and grade not in grades:
            hint = suggestion(grade, grades) or (
                say("its-grades", grades=", ".join(grades)) if grades else say("no-grades"))
            self.problem("invalid-value", say("set-has-no-grade", id=spec.id, grade=grade),
                         (*at, "grade"), hint=hint)
        total = raw.get("total")
        if total is not None and total > spec.max_total + _TOLERANCE:
            self.problem("invalid-value", say("total-above-max", total=total,
                                              most=spec.max_total, id=spec.id), (*at, "total"))
        if len(self.problems) > before:
            return None
        gaps = raw.get("gaps")
        indicators: dict[str, IndicatorWord | float] = {  # the schema allows only the words
            k: cast(IndicatorWord, v) if isinstance(v, str) else float(v)
            for k, v in raw.get("indicators", {}).items()}
        return Expectation(
            total=None if total is None else float(total), status=raw.get("status"),
            grade=grade, checks_grade="grade" in raw,
            indicators=indicators,
            gaps=None if gaps is None else frozenset(gaps))

    def unknown_indicator(self, ident: str, at: Sequence[str | int], spec: CriteriaSet, *,
                          key: bool = False) -> None:
        self.problem("unknown-indicator", say("set-has-no-indicator", id=spec.id, ident=ident),
                     at, key=key, hint=suggestion(ident, (i.id for i in spec.indicators)))


# --- running --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One expected value that the evaluation does not give."""

    field: str                  # total, status, grade, gaps, or indicators.<id>
    expected: object
    actual: object
    note: str | Said = ""       # e.g. the indicator's points and status

    def format(self, lang: Lang = "en") -> str:
        """``FIELD: expected X, got Y (NOTE)`` in `lang`."""
        text = say("case-mismatch", field=self.field, expected=_show(self.expected),
                   actual=_show(self.actual)).render(lang)
        note = self.note if isinstance(self.note, str) else self.note.render(lang)
        return f"{text} ({note})" if note else text


@dataclass(frozen=True, slots=True)
class _SaidBy:
    """A text said in either language by a function of the language."""

    render_in: Callable[[Lang], str]

    def render(self, lang: Lang = "vi") -> str:
        return self.render_in(lang)


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The outcome of one case: passed, or what differs (or why it could not run)."""

    case: Case
    mismatches: tuple[Mismatch, ...] = ()
    error: str | Said | None = None       # the case could not be evaluated (inputs rejected)
    explanation: tuple[str, ...] = ()     # explanation lines of the indicators concerned

    @property
    def passed(self) -> bool:
        return not self.mismatches and self.error is None

    def diff(self, lang: Lang = "en") -> str:
        """Expected against actual, one line per field that differs, then the explanation
        of the indicators concerned (in the language the cases were run in); empty for a
        case that passed."""
        if self.passed:
            return ""
        lines = [f"{self.case.where}: {self.case.name}"]
        if self.error is not None:
            error = self.error if isinstance(self.error, str) else self.error.render(lang)
            lines.append(f"  {error}")
        lines += [f"  {m.format(lang)}" for m in self.mismatches]
        lines += [f"  {line}" for line in self.explanation]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class CaseReport:
    """The outcome of running test files: each case's result and each file's problems."""

    results: tuple[CaseResult, ...]
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed

    @property
    def failures(self) -> tuple[CaseResult, ...]:
        return tuple(r for r in self.results if not r.passed)

    @property
    def ok(self) -> bool:
        """True when every case passed and every file could be read."""
        return not self.failed and not self.problems

    def summary(self, lang: Lang = "en") -> str:
        """``N passed, M failed`` in `lang`."""
        return say("case-summary", passed=self.passed, failed=self.failed).render(lang)

    def format(self, lang: Lang = "en") -> str:
        """The problems, each failure's diff, and the summary line, as the command prints."""
        parts = [format_problem(p, lang) for p in self.problems]
        parts += [r.diff(lang) for r in self.failures]
        parts.append(self.summary(lang))
        return "\n".join(parts) + "\n"


def find_case_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The test files named, and the ``*.test.yaml`` files below the folders named."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.test.y*ml")
                            if p.name.endswith(SUFFIXES) and p.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def run_cases(paths: Iterable[str | os.PathLike[str]], catalog: Catalog | None = None, *,
              lang: Lang = "vi", display_root: str | None = None) -> CaseReport:
    """Run every case of the test files named or found below the folders named.

    Sets are looked up in `catalog` (default: the shipped sets and the folders of the test
    files). With `display_root`, files found below a folder are named ``display_root/…``
    in messages (as the catalogue names shipped files ``criteria/…``).
    """
    paths = list(paths)
    named: dict[Path, str] = {}
    for item in paths:
        path = Path(item)
        for file in find_case_files([path]):
            if display_root is not None and path.is_dir():
                named[file] = f"{display_root}/{file.relative_to(path).as_posix()}"
            else:
                named.setdefault(file, str(file))
    problems: list[Problem] = []
    if not named:
        where = ", ".join(display_root if display_root is not None and Path(p).is_dir()
                          else str(Path(p)) for p in paths) or "—"
        problems.append(Problem.of("file-not-found", say("no-test-files", where=where)))
    if catalog is None:
        catalog = case_catalog(named)
    results: list[CaseResult] = []
    for file, name in named.items():
        try:
            case_file = load_cases(file, catalog=catalog, display_name=name)
        except CriteriaError as exc:
            problems.extend(exc.problems)
            continue
        results += run_case_file(case_file, lang=lang)
    return CaseReport(tuple(results), sort_problems(problems), tuple(named.values()))


def case_catalog(files: Iterable[Path], extra_dirs: Sequence[str | os.PathLike[str]] = (),
                 *, make: Callable[[list[Any]], Catalog] = Catalog.default) -> Catalog:
    """The catalogue test files are run against: the shipped sets, `extra_dirs`, then the
    folders of the test files (except those of the shipped data, a layer already); built
    by `make` (the command line's passes its plugins and overlays)."""
    shipped = shipped_criteria_dir().resolve()
    folders = []
    for file in files:
        folder = file.parent.resolve()
        if file.is_file() and folder != shipped and shipped not in folder.parents:
            folders.append(file.parent)
    return make([*extra_dirs, *dict.fromkeys(folders)])


def run_case_file(case_file: CaseFile, *, lang: Lang = "vi") -> list[CaseResult]:
    """Run the cases of one loaded file, each set and year in one evaluation."""
    groups: dict[tuple[int, int | None], list[int]] = {}
    for k, case in enumerate(case_file.cases):
        groups.setdefault((id(case.spec), case.year), []).append(k)
    results: dict[int, CaseResult] = {}
    for members in groups.values():
        first = case_file.cases[members[0]]
        records = [{**case_file.cases[k].inputs, "id": _record_id(k)} for k in members]
        try:
            evaluations = evaluate(first.spec, records, year=first.year, file=case_file.file)
        except LearningModelsError as exc:
            for k in members:
                results[k] = CaseResult(case_file.cases[k],
                                        error=_SaidBy(partial(_error_text, exc)))
            continue
        rejected: dict[str, list[RecordError]] = {}
        for error in evaluations.errors:
            rejected.setdefault(error.record or "", []).append(error)
        for k in members:
            case = case_file.cases[k]
            if _record_id(k) in rejected:
                results[k] = CaseResult(
                    case, error=_SaidBy(partial(_rejected_text, rejected[_record_id(k)])))
            else:
                results[k] = check_case(case, evaluations.get(_record_id(k)), lang=lang)
    return [results[k] for k in range(len(case_file.cases))]


def _error_text(exc: LearningModelsError, lang: Lang) -> str:
    """What stopped a group of cases, in `lang`: its located problems, else its message."""
    if isinstance(exc, CriteriaError | EvidenceError) and exc.problems:
        return "; ".join(format_problem(p, lang) for p in exc.problems)
    return exc.text(lang)


def _rejected_text(errors: Sequence[RecordError], lang: Lang) -> str:
    """Why a case's inputs were rejected, in `lang`."""
    reasons = "; ".join(f"{e.text(lang)} [{e.code}]" for e in errors)
    return say("case-inputs-rejected", reasons=reasons).render(lang)


def _record_id(k: int) -> str:
    return f"case-{k + 1}"


def check_case(case: Case, evaluation: Evaluation, *, lang: Lang = "vi") -> CaseResult:
    """Compare one evaluation with what its case expects."""
    expect = case.expect
    mismatches: list[Mismatch] = []
    if expect.total is not None and not _same(expect.total, evaluation.total):
        mismatches.append(Mismatch("total", expect.total, evaluation.total,
                                   say("case-note-of", most=f"{evaluation.max_total:g}")))
    if expect.status is not None and expect.status != evaluation.status:
        mismatches.append(Mismatch("status", expect.status, evaluation.status))
    if expect.checks_grade and expect.grade != evaluation.grade:
        mismatches.append(Mismatch("grade", expect.grade, evaluation.grade))
    outcomes = {r.indicator: r for r in evaluation.indicators}
    differing: list[str] = []
    for ident, wanted in expect.indicators.items():
        result = outcomes[ident]
        got: object = result.status if isinstance(wanted, str) else result.points
        if (got != wanted) if isinstance(wanted, str) else not _same(wanted, result.points):
            note: str | Said = say("case-note-points", points=f"{result.points:g}",
                                   most=f"{result.max_points:g}") \
                if isinstance(wanted, str) else result.status
            mismatches.append(Mismatch(f"indicators.{ident}", wanted, got, note))
            differing.append(ident)
    if expect.gaps is not None:
        gaps = [g.indicator for g in evaluation.gaps]
        if set(gaps) != expect.gaps:
            order = [i.id for i in case.spec.indicators]
            mismatches.append(Mismatch("gaps", sorted(expect.gaps, key=order.index), gaps))
    explanation: tuple[str, ...] = ()
    if mismatches:
        decisive = any(m.field in ("total", "status") for m in mismatches)
        if decisive and not differing:
            differing = [r.indicator for r in evaluation.indicators
                         if r.points < r.max_points or r.status == "missing"]
        if differing:
            explanation = _explanation_lines(evaluation, differing, lang)
    return CaseResult(case, tuple(mismatches), None, explanation)


def _explanation_lines(evaluation: Evaluation, indicators: Sequence[str],
                       lang: Lang) -> tuple[str, ...]:
    """The lines of `explain()` that concern `indicators`: each one's line and the values
    it read, in the set's order."""
    wanted = set(indicators)
    lines: list[str] = []
    taking = False
    for line in evaluation.explain(lang).splitlines():
        if line.startswith("  ") and not line.startswith("   ") and not line.startswith("  - "):
            ident = line[2:].split(" ", 1)[0]
            taking = ident in wanted
        elif not line.startswith("      "):
            taking = False
        if taking:
            lines.append(line)
    return tuple(lines)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.0, abs_tol=_TOLERANCE)


def _show(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


def _evidence_keys(spec: CriteriaSet) -> tuple[str, ...]:
    """The keys of a record's evidence references (format 1.1): ``evidence.<indicator>``."""
    if spec.format == FORMAT:
        return ()
    return tuple(f"{EVIDENCE_PREFIX}{i.id}" for i in spec.indicators)


def _said(error: RecordError) -> Said:
    """What a rejected value of a case says, in either language."""
    return error.said if error.said is not None else verbatim(error.message)
