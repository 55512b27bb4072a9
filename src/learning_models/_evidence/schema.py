"""The JSON Schema of the evidence a criteria set needs: what an integrator must send.

The schema is strict: typed values (true/false, numbers) and, for an enum input, its values
(``higher``), never the labels officials may type into a CSV file or a workbook (``tăng``):
labels are words for people and may be reworded, values are what expressions compare with.
The labels are listed in the input's description, so an integrator can map them.
"""

from __future__ import annotations

from typing import Any

from .._criteria import CriteriaSet, InputSpec

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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Evidence for {spec.id} ({spec.title.en} / {spec.title.vi})",
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


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
