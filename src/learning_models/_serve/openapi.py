"""The OpenAPI document: the schemas of what the endpoints answer, problem documents for
every error status, and the request bodies FastAPI cannot infer (a JSON or table body on
one endpoint). The results schema is the shipped ``results-1.schema.json``, its ``$defs``
lifted into ``components/schemas``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .._scoring import results_schema
from .bodies import TABLE_TYPES, EvaluationRequest
from .problems import PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA

__all__ = ["evaluation_body", "install_openapi", "responses"]

_REF = "#/components/schemas/"
_ENTRY = {"type": "object", "required": ["id", "model", "period", "title"], "properties": {
    "id": {"type": "string"}, "model": {"type": "string"}, "period": {"type": "string"},
    "title": {"type": "object", "properties": {"vi": {"type": "string"},
                                               "en": {"type": "string"}}},
    "file": {"type": "string"}, "extends": {"type": ["string", "null"]},
    "verified_share": {"type": "number"}, "rule_verified_share": {"type": "number"},
    "applies_to": {"type": ["string", "null"]}}}
_JOB = {"type": "object", "required": ["job", "status", "status_url"], "properties": {
    "job": {"type": "string"}, "status": {"enum": ["running", "done", "failed"]},
    "status_url": {"type": "string"}, "files_url": {"type": "string"},
    "files": {"type": "array", "items": {"type": "string"}},
    "rejected": {"type": "integer"}, "rollup": {"type": "object"},
    "problem": {"$ref": _REF + "Problem"}}}

#: Success bodies by name: (media type, schema).
SUCCESS: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "Health": [("application/json", {"type": "object", "required": ["status", "version"],
                                     "properties": {
        "status": {"const": "ok"}, "version": {"type": "string"},
        "criteria_sets": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "period": {"type": "string"},
            "content_hash": {"type": "string"}}}}}})],
    "CatalogEntries": [("application/json", {"type": "array", "items": _ENTRY})],
    "CriteriaSet": [("application/json", {"type": "object", "required": ["format", "id"]})],
    "JsonSchema": [("application/json", {"type": "object"})],
    "Results": [("application/json", {"$ref": _REF + "Results"}),
                ("application/x-ndjson", {"type": "string"})],
    "Explanation": [("text/plain", {"type": "string"}),
                    ("application/json", {"type": "object",
                                          "required": ["evaluation", "explanation"],
                                          "properties": {
                                              "evaluation": {"$ref": _REF + "Evaluation"},
                                              "explanation": {"type": "string"}}})],
    "ReportJob": [("application/json", _JOB)],
    "Zip": [("application/zip", {"type": "string", "format": "binary"})],
}


def responses(success: int, name: str, *errors: int) -> dict[int | str, dict[str, Any]]:
    """The documented responses of an endpoint: its success body and its problems."""
    found: dict[int | str, dict[str, Any]] = {success: {
        "description": name, "content": {m: {"schema": s} for m, s in SUCCESS[name]}}}
    for status in (*errors, 405, 500):
        found[status] = {"description": "problem (RFC 9457)",
                         "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _REF + "Problem"}}}}
    return found


def evaluation_body() -> dict[str, Any]:
    """``POST /v1/evaluations`` takes a JSON request or a table of records."""
    tables = {media: {"schema": {"type": "string", "format": "binary"}}
              for media in TABLE_TYPES}
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"$ref": _REF + "EvaluationRequest"}}, **tables}}}


def install_openapi(app: FastAPI) -> None:
    """Build the document once, on first request, with the schemas added."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version,
                              description=app.description, routes=app.routes)
            _finish(doc)
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]


def _finish(doc: dict[str, Any]) -> None:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas["ReportJob"] = _JOB
    request = EvaluationRequest.model_json_schema(ref_template=_REF + "{model}")
    schemas.update(request.pop("$defs", {}))
    schemas["EvaluationRequest"] = request
    results = results_schema()
    for key in ("$schema", "$id"):
        results.pop(key, None)
    for name, schema in _lift(results.pop("$defs")).items():
        schemas[name[0].upper() + name[1:]] = schema
    schemas["Results"] = _lift(results)
    for path in doc.get("paths", {}).values():
        for operation in path.values():
            _problems_only(operation)


def _lift(value: Any) -> Any:
    """Rewrite ``#/$defs/name`` references to ``#/components/schemas/Name``."""
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            return {"$ref": _REF + (name[0].upper() + name[1:])}
        return {k: _lift(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lift(v) for v in value]
    return value


def _problems_only(operation: dict[str, Any]) -> None:
    """FastAPI documents 422 as its own validation error; ours is a problem document."""
    answers = operation.get("responses", {})
    if "422" in answers:
        answers["422"] = {"description": "problem (RFC 9457)", "content": {
            PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _REF + "Problem"}}}}
