"""The JSON Schema of the evidence a criteria set needs: what an integrator must send.

The schema is strict: typed values (true/false, numbers) and, for an enum input, its values
(``higher``), never the labels officials may type into a CSV file or a workbook (``tăng``):
labels are words for people and may be reworded, values are what expressions compare with.
The labels are listed in the input's description, so an integrator can map them.
"""

from __future__ import annotations

from typing import Any

from .._criteria import EVIDENCE_PREFIX, FORMAT, CriteriaSet, Document, Indicator, InputSpec

__all__ = ["evidence_schema"]


def evidence_schema(spec: CriteriaSet) -> dict[str, Any]:
    """A draft 2020-12 JSON Schema for one evidence record of `spec` (null = not given)."""
    properties: dict[str, Any] = {
        "id": {"type": "string", "minLength": 1, "description": "The subject's id."},
        "name": {"type": ["string", "null"], "description": "The subject's name (optional)."},
    }
    required = ["id"]
    for name, item in spec.inputs.items():
        properties[name] = _input_schema(item)
        if item.required:
            required.append(name)
    if spec.format != FORMAT:  # format 1.1: each indicator's evidence references
        properties.update({f"{EVIDENCE_PREFIX}{ind.id}": _references_schema(ind)
                           for ind in spec.indicators})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Evidence for {spec.id} ({spec.title.en} / {spec.title.vi})",
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


def _references_schema(ind: Indicator) -> dict[str, Any]:
    """Indicator `ind`'s evidence references: file names or links, a list or one text
    (several separated by ';')."""
    documents = ", ".join(f"{e.id}{' (required)' if e.required else ''}"
                          for e in ind.evidence if isinstance(e, Document))
    return {"type": ["array", "string", "null"], "items": {"type": "string", "minLength": 1},
            "description": f"References (file names or links) to the documents indicator "
                           f"{ind.id} rests on; in one text, separated by ';'"
                           + (f". Documents: {documents}; with several required, each "
                              "reference starts with its document's id ('id: file')"
                              if documents else "")}


def _input_schema(item: InputSpec) -> dict[str, Any]:
    kind = {"integer": "integer", "number": "number", "boolean": "boolean"}.get(item.type,
                                                                                "string")
    schema: dict[str, Any] = {"type": [kind] if item.required else [kind, "null"]}
    if item.type == "enum":
        schema["enum"] = [*(item.values or ()), *([] if item.required else [None])]
    if item.minimum is not None:
        schema["minimum"] = item.minimum
    if item.maximum is not None:
        schema["maximum"] = item.maximum
    if item.label is not None:
        schema["title"] = item.label.vi
        schema["description"] = item.label.en + (f". {item.description}"
                                                 if item.description else "")
    elif item.description:
        schema["description"] = item.description
    words = _labelled_values(item)
    if words:
        schema["description"] = (schema.get("description", "").rstrip(".") + ". " + words) \
            .lstrip(". ")
    return schema


def _labelled_values(item: InputSpec) -> str:
    """``Values (labels people write): lower (giảm / lower), …`` for an enum with labels."""
    if item.type != "enum" or item.values == item.value_labels("vi") == item.value_labels("en"):
        return ""
    parts = [f"{value} ({vi} / {en})" if (vi, en) != (value, value) else value
             for value, vi, en in zip(item.values or (), item.value_labels("vi"),
                                      item.value_labels("en"), strict=True)]
    return "Values (with the labels people write for them): " + ", ".join(parts) + "."
