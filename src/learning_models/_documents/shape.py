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
from pydantic_core import ErrorDetails

from .._words import MESSAGES
from ..errors import CriteriaError, Problem, ProblemCode
from .formats import (
    READ_FORMATS,
    FormatKind,
    describe_kind_said,
    format_problem,
    schema,
    schema_validator,
)
from .suggest import suggestion
from .texts import Message, say, verbatim
from .yaml import RawDocument, SourceMap

if TYPE_CHECKING:  # jsonschema is imported when a document is checked, not with the package
    import jsonschema

__all__ = ["build_located", "check_shape", "describe_path", "extends_only_problem",
           "require_format", "schema_problem", "where_said"]

Path = Sequence[str | int]
Model = TypeVar("Model", bound=pydantic.BaseModel)
#: A schema error as a located problem; None: a consequence of another problem.
ToProblem = Callable[["jsonschema.ValidationError", SourceMap], "Problem | None"]


def require_format(raw: RawDocument, kind: FormatKind) -> dict[str, Any]:
    """The data of `raw`, a mapping with the ``format:`` of `kind`; else `CriteriaError`
    with the problem."""
    data = raw.data
    if not isinstance(data, dict) or data.get("format") not in READ_FORMATS[kind]:
        raise CriteriaError([format_problem(data, raw.source, kind)])
    return data


def check_shape(raw: RawDocument, kind: FormatKind,
                to_problem: ToProblem) -> dict[str, Any]:
    """The data of `raw` once it has the format and the shape of `kind`; else
    `CriteriaError` with every problem, each schema error worded by `to_problem`."""
    data = require_format(raw, kind)
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
            Problem.of("invalid-value", _validator_said(e), source.locate(e["loc"]))
            for e in exc.errors()
        ) from exc


def _validator_said(error: ErrorDetails) -> Message:
    """What a model's validator found: the catalogue's message when the validator named one
    (``PydanticCustomError(message id, English, parameters)``), else pydantic's English; in
    lower case, as these messages have always been shown."""
    if error["type"] in MESSAGES:
        params = {name: value.lower() if isinstance(value, str) else value
                  for name, value in error.get("ctx", {}).items()}
        return say(error["type"], **params)
    return verbatim(error["msg"].lower())


_SCHEMA_CODES: dict[str, ProblemCode] = {
    "type": "wrong-type", "required": "missing-key", "additionalProperties": "unknown-key",
    "const": "invalid-value", "enum": "invalid-value",
}


def extends_only_problem(key: str | int | None, source: SourceMap, path: Path = ()) -> Problem:
    """The problem of `key` (at `path`), which only a set that ``extends`` another may have."""
    if key is None:
        message, at = say("extends-only-here"), path
    else:
        message, at = say("extends-only", key=key), (*path, key)
    return Problem.of("unknown-key", message, source.locate(at, key=True),
                      hint=say("extends-only-hint"))


def _is_expression(value: object) -> bool:
    """Whether `value` is the format's schema of an expression (``$defs/expression``)."""
    expression: object = schema("criteria-set")["$defs"]["expression"]
    return value == expression


def schema_problem(error: jsonschema.ValidationError, source: SourceMap, *,
                   document: Message | None = None,
                   pattern_hints: Mapping[str, Message] | None = None) -> Problem:
    """One JSON Schema error as a located problem; `document` names the root in messages
    ("the criteria set"), `pattern_hints` the hint for a bad value by its key."""
    path = tuple(error.absolute_path)
    kind = str(error.validator)
    instance: Any = error.instance
    expected: Any = error.validator_value
    code = _SCHEMA_CODES.get(kind, "invalid-value")
    where = where_said(path, document or say("doc-criteria-set"))
    if error.schema is False:  # add / replace / remove without extends
        return extends_only_problem(path[-1] if path else None, source, path[:-1])
    if kind == "maxLength" and isinstance(instance, str) and _is_expression(error.schema):
        # Not quoted: the text is what is too long. The same code as parsing would give.
        return Problem.of("expression-too-long", say(
            "expression-too-long-at", where=where, length=len(instance), limit=expected),
            source.locate(path), hint=say("hint-split-derived"))
    if kind == "additionalProperties":
        return _unknown_key(error, source, path, where)
    if kind == "required":
        missing = [k for k in expected if k not in instance]
        return Problem.of(code, say("missing-key-in", key=missing[0], where=where),
                          source.locate(path))
    if kind == "type":
        return Problem.of(code, say("must-be-kind", where=where, expected=_article(expected),
                                    kind=describe_kind_said(instance), value=instance),
                          source.locate(path))
    return _value_problem(error, source, path, where, pattern_hints)


def _unknown_key(error: jsonschema.ValidationError, source: SourceMap, path: Path,
                 where: Message) -> Problem:
    properties: Any = error.schema
    allowed = sorted(properties.get("properties", {}))
    instance: Any = error.instance
    key = sorted(set(instance) - set(allowed))[0]
    hint = suggestion(key, allowed) or say("allowed-keys", keys=", ".join(allowed))
    return Problem.of("unknown-key", say("unknown-key-in", key=key, where=where),
                      source.locate((*path, key), key=True), hint=hint)


def _value_problem(error: jsonschema.ValidationError, source: SourceMap, path: Path,
                   where: Message, pattern_hints: Mapping[str, Message] | None) -> Problem:
    kind = str(error.validator)
    instance: Any = error.instance
    expected: Any = error.validator_value
    code = _SCHEMA_CODES.get(kind, "invalid-value")
    if error.schema_path and "propertyNames" in error.schema_path:
        return Problem.of("invalid-value", say("not-a-name", value=instance, where=where),
                          source.locate((*path, instance), key=True), hint=say("hint-name"))
    if kind == "maximum" and path[-1:] == ("points",):
        return Problem.of(code, say("points-too-many", where=where, points=instance,
                                    most=expected),
                          source.locate(path), hint=say("hint-points"))
    if kind == "pattern":
        return Problem.of(code, say("invalid-value-in", where=where, value=instance),
                          source.locate(path), hint=_pattern_hint(path, pattern_hints))
    if kind in ("const", "enum"):
        options = [expected] if kind == "const" else expected
        return Problem.of(code, say("must-be-one-of", where=where,
                                    options=", ".join(map(repr, options)), value=instance),
                          source.locate(path))
    return Problem.of(code, say("schema-other", where=where, text=_lower(error.message)),
                      source.locate(path))


def where_said(path: Path, document: Message) -> Message:
    """`describe_path` as a text: the place, or `document` (in either language) for the
    root."""
    return verbatim(describe_path(path, "")) if path else document


def describe_path(path: Path, document: str) -> str:
    """How a place in a document is named in messages: ``'criteria[0].id'``, or `document`
    for the root."""
    if not path:
        return document
    return "'" + ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path) \
        .replace(".[", "[") + "'"


def _article(expected: object) -> Message:
    names = {"object": "expected-mapping", "array": "kind-list", "string": "expected-string",
             "number": "expected-number", "integer": "expected-integer-kind",
             "boolean": "expected-true-false"}
    key = names.get(str(expected))
    return say(key) if key is not None else verbatim(str(expected))


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


_PATTERN_HINTS = {"id": "hint-pattern-id", "model": "hint-pattern-model",
                  "period": "hint-pattern-period"}


def _pattern_hint(path: Path, hints: Mapping[str, Message] | None = None) -> Message | None:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    if hints is not None:
        return hints.get(last)
    key = _PATTERN_HINTS.get(last)
    return say(key) if key is not None else None
