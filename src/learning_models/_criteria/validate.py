"""Stage 2: validate a loaded YAML document into a frozen `CriteriaSet`.

Two layers, each rule in one place: the shipped JSON Schema (the published contract, also
usable by editors) checks shape; `_meaning_problems` checks what a schema cannot say inside
one document (unique ids, grade order, level points, name clashes). Every problem is located
through the document's `SourceMap`; all of them are raised together as one `CriteriaError`.
Checks across documents (extends, references between models) belong to compile.
"""

from __future__ import annotations

import itertools
import keyword
from collections.abc import Iterator, Sequence
from typing import Any

from .._documents import (
    Message,
    RawDocument,
    SourceMap,
    build_located,
    extends_only_problem,
    require_format,
    say,
    schema,
    schema_problem,
    schema_validator,
)
from .._expressions import type_said
from ..errors import CriteriaError, Problem, Span
from .format_version import version_problems
from .hints import improve
from .model import FORMAT, CriteriaSet, period_years

__all__ = ["RESERVED_NAMES", "check_document", "criteria_set_schema",
           "schema_problem", "validate_criteria"]

Path = Sequence[str | int]

#: Names the recognition expression defines; inputs and derived values may not take them.
#: Names an input, derived value or criterion may not take: the pass rule's own names, and
#: the columns a record or a scored table already has (a subject's ``name``, ``status``,
#: ``grade``).
RESERVED_NAMES = frozenset({"total", "max_total", "mandatory_met", "id", "year", "name",
                            "status", "grade"})
#: Format 1.1 reserves the share of the applicable points a pass rule reads as well (a
#: format-1 set may still name an input so: it means what it always meant there).
RESERVED_NAMES_1_1 = RESERVED_NAMES | {"total_share", "items_met", "items_total"}


def criteria_set_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the criteria-set format, version 1."""
    return schema("criteria-set")


def check_document(raw: RawDocument) -> None:
    """Check a document's shape against the format (a complete set or one that extends)."""
    data = require_format(raw, "criteria-set")
    problems = _schema_problems(data, raw.source)
    if problems:
        raise CriteriaError(problems)


def validate_criteria(raw: RawDocument) -> CriteriaSet:
    """Check a complete set against the format and build the frozen `CriteriaSet`.

    A set that ``extends`` another is resolved first (`Catalog` does it). Raises
    `CriteriaError` with every problem found, each located in the file.
    """
    check_document(raw)
    source, data = raw.source, raw.data
    if "extends" in data:
        raise CriteriaError([Problem.of(
            "unknown-base", say("extends-needs-catalog", base=data["extends"]),
            source.locate(("extends",)), hint=say("extends-needs-catalog-hint"))])
    spec = build_located(CriteriaSet, data, source, _meaning_problems(data, source))
    return spec.model_copy(update={"source_map": source})


#: Keys only a set that ``extends`` another may have (the schema gives them ``false``).
_EXTENDS_ONLY = ("add", "replace", "remove")


def _schema_problems(data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """Every JSON Schema error of the document `data`, as located problems."""
    problems: list[Problem] = []
    extends_only = False
    for error in schema_validator("criteria-set").iter_errors(data):
        if error.schema is False and not error.absolute_path:
            # jsonschema reports a `false` property schema with an empty path, so which of
            # add / replace / remove it refused is read from the document: one problem each.
            if not extends_only:
                problems += [extends_only_problem(key, source)
                             for key in _EXTENDS_ONLY if key in data]
                extends_only = True
            continue
        problems.append(improve(schema_problem(error, source), error, data))
    return problems


def _meaning_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    yield from version_problems(data, source)
    yield from _period_problems(data, source)
    yield from _input_problems(data["inputs"], source)
    yield from _name_problems(data, source)
    yield from _id_problems(data["criteria"], source)
    for c, criterion in enumerate(data["criteria"]):
        for i, indicator in enumerate(criterion["indicators"]):
            yield from _indicator_problems(indicator, ("criteria", c, "indicators", i), source)
    yield from _grade_problems(data["recognition"].get("grades", []), source)


def _period_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    if not period_years(data["period"]):
        yield Problem.of("invalid-value", say("period-backwards", period=data["period"]),
                         source.locate(("period",)))


def _input_problems(inputs: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    for name, spec in inputs.items():
        at = ("inputs", name)
        kind = spec["type"]
        if kind == "enum" and "values" not in spec:
            yield Problem.of("missing-key", say("enum-needs-values", name=name),
                             source.locate(at))
        if kind != "enum" and "values" in spec:
            yield Problem.of("invalid-value", say("values-only-enum", name=name,
                                                  kind=type_said(kind)),
                             source.locate((*at, "values"), key=True))
        for bound in ("minimum", "maximum"):
            if bound in spec and kind not in ("integer", "number"):
                yield Problem.of("invalid-value", say("bound-only-numbers", bound=bound,
                                                      name=name, kind=type_said(kind)),
                                 source.locate((*at, bound), key=True))
        yield from _derivation_type_problems(name, spec, at, source)
        if spec.get("minimum", float("-inf")) > spec.get("maximum", float("inf")):
            yield Problem.of("invalid-value", say("minimum-above-maximum", name=name),
                             source.locate((*at, "minimum")))


def _name_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    reserved = RESERVED_NAMES if data["format"] == FORMAT else RESERVED_NAMES_1_1
    for section in ("inputs", "derived"):
        for name in data.get(section, {}):
            if keyword.iskeyword(name):
                yield _keyword_problem(say(_SECTION_WORD[section]), name,
                                       source.locate((section, name), key=True))
            elif name in reserved:
                yield Problem.of("name-clash", say("reserved-name", name=name),
                                 source.locate((section, name), key=True),
                                 hint=say("reserved-names", names=", ".join(sorted(reserved))))
    for name in data.get("derived", {}):
        if name in data["inputs"]:
            yield Problem.of("name-clash", say("derived-named-like-input", name=name),
                             source.locate(("derived", name), key=True))
    for c, criterion in enumerate(data["criteria"]):
        if keyword.iskeyword(criterion["id"]):
            yield _keyword_problem(say("word-criterion-id"), criterion["id"],
                                   source.locate(("criteria", c, "id")))
        elif criterion["id"] in reserved:
            yield Problem.of("name-clash", say("reserved-criterion-id", id=criterion["id"]),
                             source.locate(("criteria", c, "id")))


_SECTION_WORD = {"inputs": "word-input-name", "derived": "word-derived-name"}


def _keyword_problem(what: Message, name: str, at: Span) -> Problem:
    """A name expressions could never read: Python's grammar takes it as a keyword."""
    return Problem.of("invalid-value", say("keyword-name", what=what, name=name), at,
                      hint=say("keyword-name-hint", renamed=name + "_"))


def _id_problems(criteria: list[dict[str, Any]], source: SourceMap) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    places: list[tuple[str, Path]] = []
    for c, criterion in enumerate(criteria):
        places.append((criterion["id"], ("criteria", c, "id")))
        places += [(ind["id"], ("criteria", c, "indicators", i, "id"))
                   for i, ind in enumerate(criterion["indicators"])]
    for ident, path in places:
        if ident in seen:
            first, here = source.locate(seen[ident]), source.locate(path)
            if first.file == here.file:
                yield Problem.of("duplicate-id", say("id-twice", id=ident), here,
                                 hint=say("first-used-line", line=first.line))
                continue
            # A set that extends another: said in the file being checked (the one that
            # made the second), naming where the other is.
            if first.file == source.file:
                yield Problem.of("duplicate-id", say("id-twice", id=ident), first,
                                 hint=say("also-used-at", where=str(here)))
            else:
                yield Problem.of("duplicate-id", say("id-twice", id=ident), here,
                                 hint=say("first-used-at", where=str(first)))
        else:
            seen[ident] = path


def _keys_said(keys: Sequence[str]) -> Message:
    """``'when' and 'levels'`` (``'when' và 'levels'``)."""
    said = say("found-keys", keys=repr(keys[0]))
    for key in keys[1:]:
        said = say("keys-and", keys=said, last=key)
    return said


def _indicator_problems(ind: dict[str, Any], at: Path, source: SourceMap) -> Iterator[Problem]:
    given = [key for key in ("when", "levels", "awarded") if key in ind]
    if len(given) != 1:
        found = _keys_said(given) if given else say("found-none")
        yield Problem.of("invalid-value", say("scoring-one-of", id=ind["id"], found=found),
                         source.locate(at), hint=say("scoring-one-of-hint"))
    for key, what in (("items", "word-item"), ("evidence", "word-evidence-document")):
        seen: set[str] = set()
        for j, entry in enumerate(ind.get(key, [])):
            if not isinstance(entry, dict):
                continue
            if entry["id"] in seen:
                yield Problem.of("duplicate-id", say("listed-twice", what=say(what),
                                                     id=entry["id"], owner=ind["id"]),
                                 source.locate((*at, key, j, "id")))
            seen.add(entry["id"])
    for k, level in enumerate(ind.get("levels", [])):
        if level["points"] > ind["points"]:
            yield Problem.of("levels-exceed-points",
                             say("level-above-points", number=k + 1, id=ind["id"],
                                 points=level["points"], most=ind["points"]),
                             source.locate((*at, "levels", k, "points")))


def _grade_problems(grades: list[dict[str, Any]], source: SourceMap) -> Iterator[Problem]:
    # Grades with a condition (format 1.1) take no part in the order of minima: two levels
    # may need the same total and differ by what else they need.
    with_min = [(k, g) for k, g in enumerate(grades) if "min" in g and "when" not in g]
    for (_, higher), (k, grade) in itertools.pairwise(with_min):
        if grade["min"] >= higher["min"]:
            yield Problem.of("grades-order",
                             say("grade-order", id=grade["id"], min=grade["min"],
                                 higher=higher["id"], higher_min=higher["min"]),
                             source.locate(("recognition", "grades", k, "min")),
                             hint=say("grade-order-hint"))


def _derivation_type_problems(name: str, spec: dict[str, Any], at: tuple[str | int, ...],
                              source: SourceMap) -> Iterator[Problem]:
    """A ``from:`` input's type must hold what is derived: a count or a year is a number,
    an earlier year's status or grade is text (string or enum)."""
    how, kind = spec.get("from"), spec.get("type")
    if not isinstance(how, dict):
        return
    if how.get("history") in ("status", "grade"):
        if kind not in ("string", "enum"):
            yield Problem.of("invalid-value", say("history-type", name=name,
                                                  history=how["history"], kind=type_said(kind)),
                             source.locate((*at, "type")))
    elif kind not in ("integer", "number"):
        what = say("counts-subjects" if "history" not in how else "counts-years")
        yield Problem.of("invalid-value", say("count-type", name=name, what=what,
                                              kind=type_said(kind)),
                         source.locate((*at, "type")))
