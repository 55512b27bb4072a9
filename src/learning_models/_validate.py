"""Stage 2: validate a loaded YAML document into a frozen `CriteriaSet`.

Two layers, each rule in one place: the shipped JSON Schema (the published contract, also
usable by editors) checks shape; `_meaning_problems` checks what a schema cannot say inside
one document (unique ids, grade order, level points, name clashes). Every problem is located
through the document's `SourceMap`; all of them are raised together as one `CriteriaError`.
Checks across documents (extends, references between models) belong to compile.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import pydantic

from ._model import FORMAT, CriteriaSet
from ._yaml import RawDocument, SourceMap
from .errors import CriteriaError, Problem, ProblemCode

__all__ = ["RESERVED_NAMES", "check_document", "criteria_set_schema", "describe_kind",
           "schema_problem", "validate_criteria"]

Path = Sequence[str | int]

#: Names the recognition expression defines; inputs and derived values may not take them.
RESERVED_NAMES = frozenset({"total", "max_total", "mandatory_met", "id", "year"})


@cache
def _schema_text(name: str) -> str:
    return resources.files("learning_models").joinpath(f"schemas/{name}").read_text("utf-8")


def criteria_set_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the criteria-set format, version 1."""
    schema: dict[str, Any] = json.loads(_schema_text("criteria-set-1.schema.json"))
    return schema


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(criteria_set_schema())


def check_document(raw: RawDocument) -> None:
    """Check a document's shape against the format (a complete set or one that extends)."""
    source, data = raw.source, raw.data
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CriteriaError([_format_problem(data, source)])
    problems = _schema_problems(data, source)
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
        raise CriteriaError([Problem(
            "unknown-base", f"the set extends {data['extends']!r}; load it through a catalogue",
            source.locate(("extends",)), hint="use load_criteria() or Catalog.get()")])
    problems = list(_meaning_problems(data, source))
    if problems:
        raise CriteriaError(problems)
    try:
        spec = CriteriaSet.model_validate(data)
    except pydantic.ValidationError as exc:  # the schema should have caught it; stay located
        raise CriteriaError(
            Problem("invalid-value", e["msg"].lower(), source.locate(e["loc"]))
            for e in exc.errors()
        ) from exc
    spec._source = source
    return spec


def _format_problem(data: object, source: SourceMap) -> Problem:
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {_kind(data)}"
        return Problem("wrong-type", f"a criteria set must be a mapping, found {found}",
                       source.locate(()), hint=f"start the file with 'format: {FORMAT}'")
    if "format" not in data:
        return Problem("unknown-format", "missing key 'format'", source.locate(()),
                       hint=f"add 'format: {FORMAT}' as the first line")
    return Problem("unknown-format",
                   f"unknown format {data['format']!r}; expected {FORMAT!r}",
                   source.locate(("format",)))


def describe_kind(value: object) -> str:
    """How a value's kind is named in messages: mapping, list, string, integer, …"""
    return _kind(value)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {dict: "mapping", list: "list", str: "string", int: "integer",
            float: "number"}.get(type(value), type(value).__name__)


_SCHEMA_CODES: dict[str, ProblemCode] = {
    "type": "wrong-type", "required": "missing-key", "additionalProperties": "unknown-key",
    "const": "invalid-value", "enum": "invalid-value",
}


#: Keys only a set that ``extends`` another may have (the schema gives them ``false``).
_EXTENDS_ONLY = ("add", "replace", "remove")


def _schema_problems(data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """Every JSON Schema error of the document `data`, as located problems."""
    problems: list[Problem] = []
    extends_only = False
    for error in _validator().iter_errors(data):
        if error.schema is False and not error.absolute_path:
            # jsonschema reports a `false` property schema with an empty path, so which of
            # add / replace / remove it refused is read from the document: one problem each.
            if not extends_only:
                problems += [_extends_only(key, source) for key in _EXTENDS_ONLY if key in data]
                extends_only = True
            continue
        problems.append(_schema_problem(error, source))
    return problems


def _schema_problem(error: jsonschema.ValidationError, source: SourceMap) -> Problem:
    return schema_problem(error, source)


def _extends_only(key: str | int | None, source: SourceMap, path: Path = ()) -> Problem:
    if key is None:
        message, at = "this key is only allowed in a set that extends another", path
    else:
        message, at = f"{key!r} is only allowed in a set that extends another", (*path, key)
    return Problem("unknown-key", message, source.locate(at, key=True),
                   hint="add 'extends: <set id>' or write the set out in full")


def _is_expression(schema: object) -> bool:
    """Whether `schema` is the format's schema of an expression (``$defs/expression``)."""
    expression: object = criteria_set_schema()["$defs"]["expression"]
    return schema == expression


def schema_problem(error: jsonschema.ValidationError, source: SourceMap, *,
                   document: str = "the criteria set",
                   pattern_hints: Mapping[str, str] | None = None) -> Problem:
    """One JSON Schema error as a located problem; `document` names the root in messages
    ("the criteria set"), `pattern_hints` the hint for a bad value by its key."""
    path = tuple(error.absolute_path)
    kind = str(error.validator)
    instance: Any = error.instance
    expected: Any = error.validator_value
    code = _SCHEMA_CODES.get(kind, "invalid-value")
    where = _describe(path, document)
    if error.schema is False:  # add / replace / remove without extends
        return _extends_only(path[-1] if path else None, source, path[:-1])
    if kind == "maxLength" and isinstance(instance, str) and _is_expression(error.schema):
        # Not quoted: the text is what is too long. The same code as parsing would give.
        return Problem("expression-too-long", f"the expression {where} is {len(instance)} "
                       f"characters long; the limit is {expected}", source.locate(path),
                       hint="move parts of it into derived values")
    if kind == "additionalProperties":
        schema: Any = error.schema
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        key = extra[0]
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"allowed keys: {', '.join(allowed)}"
        return Problem(code, f"unknown key {key!r} in {where}",
                       source.locate((*path, key), key=True), hint=hint)
    if kind == "required":
        missing = [k for k in expected if k not in instance]
        return Problem(code, f"missing key {missing[0]!r} in {where}", source.locate(path))
    if kind == "type":
        return Problem(code, f"{where} must be {_article(expected)}, found "
                       f"{_kind(instance)} {instance!r}", source.locate(path))
    if error.schema_path and "propertyNames" in error.schema_path:
        return Problem("invalid-value", f"{instance!r} is not a valid name in {where}",
                       source.locate((*path, instance), key=True),
                       hint="use lower-case ASCII letters, digits and _, starting with a letter")
    if kind == "pattern":
        return Problem(code, f"{where} has the invalid value {instance!r}",
                       source.locate(path), hint=_pattern_hint(path, pattern_hints))
    if kind in ("const", "enum"):
        options = [expected] if kind == "const" else expected
        return Problem(code, f"{where} must be one of {', '.join(map(repr, options))}, found "
                       f"{instance!r}", source.locate(path))
    return Problem(code, f"{where}: {_lower(error.message)}", source.locate(path))


def _article(expected: object) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "a string",
             "number": "a number", "integer": "an integer", "boolean": "true or false"}
    return names.get(str(expected), str(expected))


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _describe(path: Path, document: str = "the criteria set") -> str:
    if not path:
        return document
    return "'" + ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path) \
        .replace(".[", "[") + "'"


_PATTERN_HINTS = {
    "id": "ids use letters, digits, '.', '_' and '-' (set ids: lower case, '/' between parts)",
    "model": "a model is lower-case ASCII: citizen, family, clan, community, unit",
    "period": "a period is 'YYYY-YYYY' (e.g. '2021-2025') or one year 'YYYY'",
}


def _pattern_hint(path: Path, hints: Mapping[str, str] | None = None) -> str | None:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return (_PATTERN_HINTS if hints is None else hints).get(last)


def _meaning_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    yield from _period_problems(data, source)
    yield from _input_problems(data["inputs"], source)
    yield from _name_problems(data, source)
    yield from _id_problems(data["criteria"], source)
    for c, criterion in enumerate(data["criteria"]):
        for i, indicator in enumerate(criterion["indicators"]):
            yield from _indicator_problems(indicator, ("criteria", c, "indicators", i), source)
    yield from _grade_problems(data["recognition"].get("grades", []), source)


def _period_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    first, _, last = data["period"].partition("-")
    if last and int(last) < int(first):
        yield Problem("invalid-value", f"period {data['period']!r} ends before it starts",
                      source.locate(("period",)))


def _input_problems(inputs: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    for name, spec in inputs.items():
        at = ("inputs", name)
        kind = spec["type"]
        if kind == "enum" and "values" not in spec:
            yield Problem("missing-key", f"enum input {name!r} needs 'values'", source.locate(at))
        if kind != "enum" and "values" in spec:
            yield Problem("invalid-value", f"only enum inputs take 'values'; {name!r} is {kind}",
                          source.locate((*at, "values"), key=True))
        for bound in ("minimum", "maximum"):
            if bound in spec and kind not in ("integer", "number"):
                yield Problem("invalid-value", f"{bound!r} applies to numbers; {name!r} is {kind}",
                              source.locate((*at, bound), key=True))
        if "from" in spec and kind not in ("integer", "number"):
            yield Problem("invalid-value", f"input {name!r} counts related subjects ('from'), "
                          f"so it must be an integer, not {kind}",
                          source.locate((*at, "type")))
        if spec.get("minimum", float("-inf")) > spec.get("maximum", float("inf")):
            yield Problem("invalid-value", f"input {name!r} has minimum above maximum",
                          source.locate((*at, "minimum")))


def _name_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    for section in ("inputs", "derived"):
        for name in data.get(section, {}):
            if name in RESERVED_NAMES:
                yield Problem("name-clash", f"{name!r} is a reserved name",
                              source.locate((section, name), key=True),
                              hint=f"reserved: {', '.join(sorted(RESERVED_NAMES))}")
    for name in data.get("derived", {}):
        if name in data["inputs"]:
            yield Problem("name-clash", f"derived value {name!r} has the name of an input",
                          source.locate(("derived", name), key=True))
    for c, criterion in enumerate(data["criteria"]):
        if criterion["id"] in RESERVED_NAMES:
            yield Problem("name-clash", f"criterion id {criterion['id']!r} is a reserved name",
                          source.locate(("criteria", c, "id")))


def _id_problems(criteria: list[dict[str, Any]], source: SourceMap) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    places: list[tuple[str, Path]] = []
    for c, criterion in enumerate(criteria):
        places.append((criterion["id"], ("criteria", c, "id")))
        places += [(ind["id"], ("criteria", c, "indicators", i, "id"))
                   for i, ind in enumerate(criterion["indicators"])]
    for ident, path in places:
        if ident in seen:
            first = source.locate(seen[ident])
            yield Problem("duplicate-id", f"id {ident!r} is used twice", source.locate(path),
                          hint=f"first used at line {first.line}")
        else:
            seen[ident] = path


def _indicator_problems(ind: dict[str, Any], at: Path, source: SourceMap) -> Iterator[Problem]:
    has_when, has_levels = "when" in ind, "levels" in ind
    if has_when == has_levels:
        found = "both" if has_when else "neither"
        yield Problem("invalid-value",
                      f"indicator {ind['id']!r} needs exactly one of 'when' and 'levels', "
                      f"found {found}", source.locate(at),
                      hint="'when' scores all or nothing; 'levels' grades (first match wins)")
    for k, level in enumerate(ind.get("levels", [])):
        if level["points"] > ind["points"]:
            yield Problem("levels-exceed-points",
                          f"level {k + 1} of {ind['id']!r} gives {level['points']:g} points, "
                          f"more than the indicator's {ind['points']:g}",
                          source.locate((*at, "levels", k, "points")))


def _grade_problems(grades: list[dict[str, Any]], source: SourceMap) -> Iterator[Problem]:
    for k in range(1, len(grades)):
        if grades[k]["min"] >= grades[k - 1]["min"]:
            yield Problem("grades-order",
                          f"grade {grades[k]['id']!r} (min {grades[k]['min']:g}) must be lower "
                          f"than {grades[k - 1]['id']!r} (min {grades[k - 1]['min']:g})",
                          source.locate(("recognition", "grades", k, "min")),
                          hint="list grades highest first")
