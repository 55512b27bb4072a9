"""Request bodies of ``POST /v1/evaluations`` and ``/v1/explanations``.

A JSON body names the set (an id, ``{model, year}``, or — only when the server allows it —
an uploaded ``{document}``), the year, the records and how to answer. A table body (CSV,
Parquet, Arrow IPC stream) carries the records alone; the set and year come in the query.
A table is saved in the request's own temporary folder under a fixed name and read as an
evidence file, so it is checked exactly as ``evaluate --input`` checks a file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

import learning_models as lm

from .problems import ServiceProblem

__all__ = ["TABLE_NAME", "TABLE_TYPES", "EvaluationRequest", "ExplanationRequest", "SetByModel",
           "UploadedSet", "read_table"]

#: How problems name a table body.
TABLE_NAME = "<body>"
#: Table media types and the evidence suffix each is read as.
TABLE_TYPES = {"text/csv": ".csv", "application/vnd.apache.parquet": ".parquet",
               "application/vnd.apache.arrow.stream": ".arrow"}


class SetByModel(BaseModel):
    """The set in force for a model in a year."""

    model_config = ConfigDict(extra="forbid")
    model: str = Field(min_length=1, max_length=100, examples=["family"])
    year: int = Field(ge=1900, le=2200, examples=[2024])


class UploadedSet(BaseModel):
    """A criteria-set document (as JSON): only when the server allows uploads."""

    model_config = ConfigDict(extra="forbid")
    document: dict[str, Any]


class EvaluationRequest(BaseModel):
    """Records to score against one set."""

    model_config = ConfigDict(extra="forbid")
    criteria: str | SetByModel | UploadedSet = Field(
        description="a set's id, {model, year}, or {document} (uploads allowed only)",
        examples=["vn/2021-2025/family"])
    year: int | None = Field(None, ge=1900, le=2200, description="the evaluation year")
    records: list[dict[str, Any]] = Field(description="each with an 'id' and input values")
    lang: Literal["vi", "en"] = "vi"
    explain: bool = Field(False, description="add each subject's explanation")
    overlays: list[str] = Field(default_factory=list, max_length=20,
                                description="overlays offered by the server's plugins, by name")


class ExplanationRequest(BaseModel):
    """One subject to explain."""

    model_config = ConfigDict(extra="forbid")
    criteria: str | SetByModel | UploadedSet
    year: int | None = Field(None, ge=1900, le=2200)
    record: dict[str, Any]
    lang: Literal["vi", "en"] = "vi"
    format: Literal["text", "structured"] = "text"
    overlays: list[str] = Field(default_factory=list, max_length=20)


def read_table(body: bytes, media_type: str) -> tuple[pl.DataFrame, list[lm.RecordError]]:
    """The records of a table body, read as the evidence file it is."""
    suffix = TABLE_TYPES[media_type]
    with tempfile.TemporaryDirectory(prefix="lm-table-") as folder:
        path = Path(folder) / f"records{suffix}"
        if suffix == ".arrow":
            path = path.with_suffix(".parquet")
            try:
                pl.read_ipc_stream(body).write_parquet(path)
            except Exception as exc:  # polars raises several kinds for a bad stream
                raise _unreadable("Arrow IPC", exc) from exc
        else:
            path.write_bytes(body)
        return lm.read_evidence(path, display_name=TABLE_NAME)


def _unreadable(kind: str, exc: Exception) -> ServiceProblem:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ServiceProblem(422, "unreadable-evidence", (
        f"nội dung không phải {kind} đọc được: {reason}",
        f"the body is not readable {kind}: {reason}"), field="body")


def choose_lang(value: str | None) -> Literal["vi", "en"]:
    return "en" if value == "en" else "vi"


Criteria = str | dict[str, Any]


def criteria_of(request: EvaluationRequest | ExplanationRequest) -> Criteria:
    """The set a request names, as `Service.choose_set` takes it."""
    chosen = request.criteria
    if isinstance(chosen, str):
        return chosen
    return chosen.model_dump()
