"""The JSON Schema of evaluation results: what ``evaluate --format json`` prints and what
the service's ``POST /v1/evaluations`` answers (one schema for both, shipped in the package
as ``schemas/results-1.schema.json``; ``learning-models schema results`` prints it)."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

__all__ = ["results_schema"]


def results_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a results document (a fresh copy)."""
    text = files("learning_models").joinpath("schemas", "results-1.schema.json") \
        .read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
