"""The first checks of every YAML format: the ``format:`` line and the shape.

A document of a kind (criteria set, test cases, targets) must name its format; its shape is
then checked against the kind's shipped JSON Schema, and every schema error is worded as one
located problem (`schema_problem`) — the same words for each kind, which only names its
document ("the test-cases file") and the hints for its patterns. A document whose shape
passed is built into its frozen model by `build_located`, any problem still located.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import pydantic

from ..errors import CriteriaError, Problem, ProblemCode
from .formats import (
    READ_FORMATS,
    FormatKind,
    describe_kind,
    format_problem,
    schema,
    schema_validator,
)
from .suggest import did_you_mean
from .yaml import RawDocument, SourceMap

if TYPE_CHECKING:  # jsonschema is imported when a document is checked, not with the package
    import jsonschema

__all__ = ["build_located", "check_shape", "describe_path", "extends_only_problem",
           "require_format", "schema_problem"]

Path = Sequence[str | int]
Model = TypeVar("Model", bound=pydantic.BaseModel)
#: A schema error as a located problem; None: a consequence of another problem.
ToProblem = Callable[["jsonschema.ValidationError", SourceMap], "Problem | None"]


def require_format(raw: RawDocument, kind: FormatKind, what: str) -> dict[str, Any]:
    """The data of `raw`, a mapping with the ``format:`` of `kind`; else `CriteriaError`
    with the problem (`what` names the document: "a targets file")."""
    data = raw.data
    if not isinstance(data, dict) or data.get("format") not in READ_FORMATS[kind]:
        raise CriteriaError([format_problem(data, raw.source, kind, what)])
    return data


def check_shape(raw: RawDocument, kind: FormatKind, what: str,
                to_problem: ToProblem) -> dict[str, Any]:
    """The data of `raw` once it has the format and the shape of `kind`; else
    `CriteriaError` with every problem, each schema error worded by `to_problem`."""
    data = require_format(raw, kind, what)
    problems = [p for e in schema_validator(kind).iter_errors(data)
                if (p := to_problem(e, raw.source)) is not None]
    if problems:
        raise CriteriaError(problems)
    return data


def build_located(model: type[Model], data: dict[str, Any], source: SourceMap,
                  problems: Iterable[Problem] = ()) -> Model:
    """`model` built from `data`, whose shape was checked, unless `problems` (what a schema
    cannot say) holds any: then `CriteriaError` with them all. Every problem is located."""
    found = list(problems)
    if found:
        raise CriteriaError(found)
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:  # the schema should have caught it; stay located
        raise CriteriaError(
            Problem("invalid-value", e["msg"].lower(), source.locate(e["loc"]))
            for e in exc.errors()
        ) from exc


_SCHEMA_CODES: dict[str, ProblemCode] = {
    "type": "wrong-type", "required": "missing-key", "additionalProperties": "unknown-key",
    "const": "invalid-value", "enum": "invalid-value",
}


def extends_only_problem(key: str | int | None, source: SourceMap, path: Path = ()) -> Problem:
    """The problem of `key` (at `path`), which only a set that ``extends`` another may have."""
    if key is None:
        message, at = "this key is only allowed in a set that extends another", path
    else:
        message, at = f"{key!r} is only allowed in a set that extends another", (*path, key)
    return Problem("unknown-key", message, source.locate(at, key=True),
                   hint="add 'extends: <set id>' or write the set out in full")


def _is_expression(value: object) -> bool:
    """Whether `value` is the format's schema of an expression (``$defs/expression``)."""
    expression: object = schema("criteria-set")["$defs"]["expression"]
    return value == expression


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
    where = describe_path(path, document)
    if error.schema is False:  # add / replace / remove without extends
        return extends_only_problem(path[-1] if path else None, source, path[:-1])
    if kind == "maxLength" and isinstance(instance, str) and _is_expression(error.schema):
        # Not quoted: the text is what is too long. The same code as parsing would give.
        return Problem("expression-too-long", f"the expression {where} is {len(instance)} "
                       f"characters long; the limit is {expected}", source.locate(path),
                       hint="move parts of it into derived values")
    if kind == "additionalProperties":
        properties: Any = error.schema
        allowed = sorted(properties.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        key = extra[0]
        hint = did_you_mean(key, allowed) or f"allowed keys: {', '.join(allowed)}"
        return Problem(code, f"unknown key {key!r} in {where}",
                       source.locate((*path, key), key=True), hint=hint)
    if kind == "required":
        missing = [k for k in expected if k not in instance]
        return Problem(code, f"missing key {missing[0]!r} in {where}", source.locate(path))
    if kind == "type":
        return Problem(code, f"{where} must be {_article(expected)}, found "
                       f"{describe_kind(instance)} {instance!r}", source.locate(path))
    if error.schema_path and "propertyNames" in error.schema_path:
        return Problem("invalid-value", f"{instance!r} is not a valid name in {where}",
                       source.locate((*path, instance), key=True),
                       hint="use lower-case ASCII letters, digits and _, starting with a letter")
    if kind == "maximum" and path[-1:] == ("points",):
        return Problem(code, f"{where} is {instance:g}; an indicator or a level gives at most "
                       f"{expected:g} points",
                       source.locate(path),
                       hint="write the points the document gives; a set usually scores 100 "
                            "points in all")
    if kind == "pattern":
        return Problem(code, f"{where} has the invalid value {instance!r}",
                       source.locate(path), hint=_pattern_hint(path, pattern_hints))
    if kind in ("const", "enum"):
        options = [expected] if kind == "const" else expected
        return Problem(code, f"{where} must be one of {', '.join(map(repr, options))}, found "
                       f"{instance!r}", source.locate(path))
    return Problem(code, f"{where}: {_lower(error.message)}", source.locate(path))


def describe_path(path: Path, document: str) -> str:
    """How a place in a document is named in messages: ``'criteria[0].id'``, or `document`
    for the root."""
    if not path:
        return document
    return "'" + ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path) \
        .replace(".[", "[") + "'"


def _article(expected: object) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "a string",
             "number": "a number", "integer": "an integer", "boolean": "true or false"}
    return names.get(str(expected), str(expected))


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


_PATTERN_HINTS = {
    "id": "ids use letters, digits, '.', '_' and '-' (set ids: lower case, '/' between parts)",
    "model": "a model is lower-case ASCII: citizen, family, clan, community, unit",
    "period": "a period is 'YYYY-YYYY' (e.g. '2021-2025') or one year 'YYYY'",
}


def _pattern_hint(path: Path, hints: Mapping[str, str] | None = None) -> str | None:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return (_PATTERN_HINTS if hints is None else hints).get(last)
