"""Errors as data: every failure of the service is an RFC 9457 problem document.

A `ServiceProblem` carries an HTTP status, a stable `code` (documented in docs/service.md),
the message in Vietnamese and English, and where the problem is (a field, a record, the
located problems of a criteria set or an evidence file). `problem_body` renders it in the
language a request asked for: ``?lang=en`` or an ``Accept-Language`` starting with ``en``;
Vietnamese otherwise. The ``type`` is a URN built from the code, so it never moves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as default
from typing import Any, Literal

from .._evidence import RecordError
from ..errors import CriteriaError, EvidenceError, LearningModelsError, Problem

__all__ = ["PROBLEM_MEDIA_TYPE", "PROBLEM_SCHEMA", "ServiceCode", "ServiceProblem",
           "error_dict", "from_library_error", "hide_folder", "problem_body", "request_lang"]

PROBLEM_MEDIA_TYPE = "application/problem+json"

ServiceCode = Literal[
    "not-found", "method-not-allowed", "invalid-request", "unsupported-media-type",
    "body-too-large", "too-many-records", "timeout", "busy", "unauthorized", "forbidden",
    "upload-not-allowed", "unknown-overlay", "unknown-targets", "unknown-job", "job-not-done",
    "record-rejected", "invalid-criteria", "unreadable-evidence", "refused", "internal-error",
]

#: The title of each code (vi, en): what went wrong, in words a person reads.
TITLES: dict[str, tuple[str, str]] = {
    "not-found": ("Không tìm thấy", "Not found"),
    "method-not-allowed": ("Phương thức không được phép", "Method not allowed"),
    "invalid-request": ("Yêu cầu không hợp lệ", "Invalid request"),
    "unsupported-media-type": ("Kiểu nội dung không được hỗ trợ", "Unsupported media type"),
    "body-too-large": ("Nội dung yêu cầu quá lớn", "Request body too large"),
    "too-many-records": ("Quá nhiều hồ sơ trong một yêu cầu", "Too many records in one request"),
    "timeout": ("Yêu cầu chạy quá thời gian cho phép", "The request took too long"),
    "busy": ("Máy chủ đang bận", "The server is busy"),
    "unauthorized": ("Cần khoá truy cập (API key)", "An API key is required"),
    "forbidden": ("Khoá truy cập không được dùng chức năng này",
                  "The API key is not allowed this endpoint"),
    "upload-not-allowed": ("Máy chủ không nhận bộ tiêu chí gửi lên",
                           "This server does not accept uploaded criteria sets"),
    "unknown-overlay": ("Không có lớp điều chỉnh (overlay) này", "No such overlay"),
    "unknown-targets": ("Không có bộ chỉ tiêu này", "No such targets"),
    "unknown-job": ("Không có báo cáo (job) này", "No such report job"),
    "job-not-done": ("Báo cáo chưa xong", "The report is not finished"),
    "record-rejected": ("Hồ sơ bị từ chối", "The record was rejected"),
    "invalid-criteria": ("Bộ tiêu chí có lỗi", "The criteria set has problems"),
    "unreadable-evidence": ("Không đọc được dữ liệu minh chứng", "The evidence cannot be read"),
    "refused": ("Yêu cầu bị từ chối", "The request was refused"),
    "internal-error": ("Lỗi nội bộ của máy chủ", "Internal server error"),
}

#: The JSON Schema of a problem document, published in the OpenAPI document.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "code", "detail"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"},
        "status": {"type": "integer"}, "code": {"type": "string"},
        "detail": {"type": "string"}, "instance": {"type": "string"},
        "field": {"type": ["string", "null"]}, "record": {"type": ["string", "null"]},
        "problems": {"type": "array", "items": {"type": "object"}},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}


@dataclass(eq=False)
class ServiceProblem(Exception):
    """A failure to answer with a problem document (the handler renders it)."""

    status: int
    code: ServiceCode | str
    detail: tuple[str, str]                 # (vi, en)
    field: str | None = None
    record: str | None = None
    problems: Sequence[Mapping[str, Any]] = ()
    errors: Sequence[Mapping[str, Any]] = ()
    headers: Mapping[str, str] = default(default_factory=dict)
    lang: Literal["vi", "en"] | None = None  # the body's "lang", when the request gave one


def request_lang(query_lang: str | None, accept_language: str | None) -> Literal["vi", "en"]:
    """``?lang=`` wins; else an ``Accept-Language`` that starts with English; else vi."""
    if query_lang in ("vi", "en"):
        return "en" if query_lang == "en" else "vi"
    first = (accept_language or "").split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "vi"


def problem_body(problem: ServiceProblem, lang: Literal["vi", "en"],
                 instance: str | None = None) -> dict[str, Any]:
    """The problem document in `lang`."""
    pick = 1 if lang == "en" else 0
    title = TITLES.get(problem.code, TITLES["invalid-request"])[pick]
    body: dict[str, Any] = {"type": f"urn:learning-models:problem:{problem.code}",
                            "title": title, "status": problem.status, "code": problem.code,
                            "detail": problem.detail[pick]}
    if instance is not None:
        body["instance"] = instance
    if problem.field is not None:
        body["field"] = problem.field
    if problem.record is not None:
        body["record"] = problem.record
    if problem.problems:
        body["problems"] = [_in_lang(p, pick) for p in problem.problems]
    if problem.errors:
        body["errors"] = [_in_lang(e, pick) for e in problem.errors]
    return body


def _in_lang(entry: Mapping[str, Any], pick: int) -> dict[str, Any]:
    """A located problem or a rejected record with its texts kept as (vi, en) pairs, in the
    language picked."""
    return {k: v[pick] if isinstance(v, tuple) else v for k, v in entry.items()}


def error_dict(error: RecordError) -> dict[str, Any]:
    """A rejected record for a problem document: its message in both languages, one of
    them shown (`problem_body`)."""
    return {**error.to_dict(), "message": (error.text("vi"), error.text("en"))}


def from_library_error(exc: LearningModelsError) -> ServiceProblem:
    """The problem for an error the library raised: a set or evidence with its located
    problems (422; 404 for a set the catalogue does not have), anything else refused (422)."""
    if isinstance(exc, CriteriaError | EvidenceError):
        located = [_problem_dict(p) for p in exc.problems]
        unknown = any(p.code in ("unknown-set", "no-set-for-year") for p in exc.problems)
        vi, en = (exc.problems[0].text("vi"), exc.problems[0].text("en")) if exc.problems \
            else (str(exc), str(exc))
        if isinstance(exc, EvidenceError):
            return ServiceProblem(422, "unreadable-evidence",
                                  (f"không đọc được dữ liệu: {vi}", en), problems=located)
        if unknown:
            return ServiceProblem(404, "not-found", (f"không có bộ tiêu chí: {vi}", en),
                                  field="criteria", problems=located)
        return ServiceProblem(422, "invalid-criteria", (f"bộ tiêu chí có lỗi: {vi}", en),
                              problems=located)
    return ServiceProblem(422, "refused", (f"yêu cầu bị từ chối: {exc}", str(exc)))


def hide_folder(problem: ServiceProblem, folder: str, shown: str) -> ServiceProblem:
    """The problem with the server's own folder (a job's) written as the name the client
    gave its upload: no path of the server leaves it."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(folder + "/upload.xlsx", shown) \
                .replace(folder + "/upload.zip", shown).replace(folder + "/", "")
        if isinstance(value, tuple):   # a text in both languages
            return tuple(clean(v) for v in value)
        if isinstance(value, Mapping):
            return {k: clean(v) for k, v in value.items()}
        return value

    return ServiceProblem(problem.status, problem.code, (clean(problem.detail[0]),
                                                         clean(problem.detail[1])),
                          problem.field, problem.record,
                          [clean(p) for p in problem.problems], problem.errors, problem.headers)


def _problem_dict(problem: Problem) -> dict[str, Any]:
    where = None if problem.span is None else {
        "file": problem.span.file, "line": problem.span.line, "column": problem.span.column}
    hint = problem.hint_text("vi"), problem.hint_text("en")
    return {"code": problem.code, "message": (problem.text("vi"), problem.text("en")),
            "where": where, "hint": None if hint[1] is None else hint}
