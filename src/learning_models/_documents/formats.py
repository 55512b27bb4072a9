"""The file formats besides criteria sets, and how a file says which one it is.

Every YAML file of the package starts with ``format: learning-models/<kind>/<version>``:
criteria sets, their test cases and plans' targets. This module knows the three kinds, finds
a file's kind from its first lines (cheaply, for scanning folders), loads the shipped JSON
Schemas of the two newer formats, and words the problem of a missing or unknown format the
same way for each (and names a value's kind in messages, `describe_kind`).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import Problem
from .texts import Message, say, verbatim
from .yaml import SourceMap

if TYPE_CHECKING:  # jsonschema is imported when a document is checked, not with the package
    import jsonschema

__all__ = ["FORMATS", "READ_FORMATS", "TARGETS", "TEST_CASES", "FormatKind", "describe_kind",
           "describe_kind_said", "format_kind", "format_problem", "schema", "schema_validator",
           "sniff_format"]

FormatKind = Literal["criteria-set", "test-cases", "targets"]

TEST_CASES = "learning-models/test-cases/1"
TARGETS = "learning-models/targets/1"

#: The format each kind is read in, by this version of the package.
FORMATS: dict[FormatKind, str] = {
    "criteria-set": "learning-models/criteria-set/1",
    "test-cases": TEST_CASES,
    "targets": TARGETS,
}

#: Every version of each kind this package reads: a criteria set may say 1 or 1.1 (1.1 adds
#: keys and pass-rule functions; a format-1 file means what it always meant).
READ_FORMATS: dict[FormatKind, tuple[str, ...]] = {
    "criteria-set": ("learning-models/criteria-set/1", "learning-models/criteria-set/1.1"),
    "test-cases": (TEST_CASES,),
    "targets": (TARGETS,),
}

_SCHEMA_FILES: dict[FormatKind, str] = {
    "criteria-set": "criteria-set-1.schema.json",
    "test-cases": "test-cases-1.schema.json",
    "targets": "targets-1.schema.json",
}

_KIND = re.compile(r"learning-models/(criteria-set|test-cases|targets)/")
_FORMAT_LINE = re.compile(
    r"""^format:[ \t]*["']?learning-models/(criteria-set|test-cases|targets)/""", re.MULTILINE)


def format_kind(value: object) -> FormatKind | None:
    """The kind a ``format:`` value names (any version), or None."""
    if not isinstance(value, str):
        return None
    match = _KIND.match(value)
    kind: FormatKind | None = match.group(1) if match else None  # type: ignore[assignment]
    return kind


def sniff_format(path: Path) -> FormatKind | None:
    """A file's kind from its first 4 KiB: its ``format:`` line, else the first mention."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    match = _FORMAT_LINE.search(head) or _KIND.search(head)
    kind: FormatKind | None = match.group(1) if match else None  # type: ignore[assignment]
    return kind


@cache
def _schema_text(kind: FormatKind) -> str:
    resource = resources.files("learning_models").joinpath(f"schemas/{_SCHEMA_FILES[kind]}")
    return resource.read_text("utf-8")


def schema(kind: FormatKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a format, as shipped (a fresh copy)."""
    loaded: dict[str, Any] = json.loads(_schema_text(kind))
    return loaded


@cache
def schema_validator(kind: FormatKind) -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(schema(kind))


def format_problem(data: object, source: SourceMap, kind: FormatKind) -> Problem:
    """The problem of a document that is not a mapping with ``format:`` of `kind`."""
    expected = FORMATS[kind]
    if not isinstance(data, dict):
        found = say("found-empty-file") if data is None else say(
            "found-a-kind", kind=describe_kind_said(data))
        return Problem.of("wrong-type", say("document-not-mapping", document=say(
            _DOCUMENT_WORDS[kind]), found=found), source.locate(()),
            hint=say("hint-start-format", format=expected))
    if "format" not in data:
        return Problem.of("unknown-format", say("format-missing"), source.locate(()),
                          hint=say("hint-add-format", format=expected))
    return Problem.of("unknown-format", say("format-unknown", found=data["format"],
                                            expected=expected), source.locate(("format",)))


_DOCUMENT_WORDS: dict[FormatKind, str] = {
    "criteria-set": "doc-a-criteria-set", "test-cases": "doc-a-test-cases",
    "targets": "doc-a-targets"}
_KIND_WORDS = {dict: "noun-mapping", list: "noun-list", str: "noun-string", int: "noun-integer",
               float: "noun-number"}


def describe_kind(value: object) -> str:
    """How a value's kind is named in messages: mapping, list, string, integer, …"""
    if isinstance(value, bool):
        return "boolean"
    return {dict: "mapping", list: "list", str: "string", int: "integer",
            float: "number"}.get(type(value), type(value).__name__)


def describe_kind_said(value: object) -> Message:
    """`describe_kind` as a text of the message catalogue."""
    if isinstance(value, bool):
        return say("noun-boolean")
    key = _KIND_WORDS.get(type(value))
    return say(key) if key is not None else verbatim(type(value).__name__)
