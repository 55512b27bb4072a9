"""Errors and located problems: the one vocabulary every stage uses to say what is wrong.

A `Problem` is data: a stable `code` (documented in ``docs/errors.md``), a message, the
`Span` where it is, and an optional hint. Stages collect problems and raise one
`CriteriaError` (or `EvidenceError`) carrying all of them, sorted by position, so a user
fixes every mistake in one pass. Dependency exceptions (PyYAML, jsonschema, pydantic) are
wrapped at the stage boundary; a user never sees their tracebacks for bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ArgumentError",
    "CriteriaError",
    "EvidenceError",
    "HistoryError",
    "LearningModelsError",
    "PluginError",
    "Problem",
    "ProblemCode",
    "Severity",
    "Span",
]

ProblemCode = Literal[
    # reading a YAML / JSON file
    "file-not-found",
    "not-utf8",
    "yaml-syntax",
    "yaml-tag",
    "duplicate-key",
    "too-large",
    "too-deep",
    "too-many-aliases",
    "non-string-key",
    # the format (JSON Schema + pydantic)
    "unknown-format",
    "unknown-key",
    "missing-key",
    "wrong-type",
    "invalid-value",
    "duplicate-id",
    "levels-exceed-points",
    "grades-order",
    "duplicate-case",
    "duplicate-target",
    # expressions
    "expression-syntax",
    "forbidden-syntax",
    "expression-too-long",
    "expression-too-deep",
    "unknown-name",
    "unknown-function",
    "wrong-arguments",
    "type-mismatch",
    "unknown-enum-value",
    "derived-cycle",
    "name-clash",
    # extends, catalogue
    "unknown-base",
    "extends-cycle",
    "unknown-reference",
    "already-defined",
    "unknown-set",
    "overlapping-periods",
    "no-set-for-year",
    "no-set-applies",
    "unknown-indicator",
    "unknown-input",
    "year-outside-period",
    # evidence records
    "unknown-column",
    "missing-id",
    "duplicate-record",
    "invalid-record",
    "out-of-bounds",
    "unreadable-evidence",
    # lint
    "levels-order",
    "unreachable-level",
    "zero-points-level",
    "never-passes",
    "always-passes",
    "threshold-above-max",
    "unreachable-mandatory",
    "never-met",
    "comparison-out-of-bounds",
    "division-by-zero",
    "integer-overflow",
    "unused-input",
    "unused-derived",
    "untested-indicator",
    "missing-diacritics",
    "unverified-without-note",
    "verified-without-reference",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A 1-based position in a file: where a problem is, for editors and CI to jump to."""

    file: str
    line: int
    column: int

    def shifted(self, columns: int) -> Span:
        """The span `columns` characters further along the same line."""
        return Span(self.file, self.line, self.column + columns)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located where possible."""

    code: ProblemCode
    message: str
    span: Span | None = None
    hint: str | None = None
    severity: Severity = "error"

    def format(self, default_file: str | None = None) -> str:
        """``FILE:LINE:COL: message [code]`` and, on the next line, ``  hint: ...``."""
        if self.span is not None:
            where = f"{self.span}: "
        elif default_file is not None:
            where = f"{default_file}: "
        else:
            where = ""
        kind = "" if self.severity == "error" else f"{self.severity}: "
        text = f"{where}{kind}{self.message} [{self.code}]"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.span is None:
            return ("", 0, 0, self.message)
        return (self.span.file, self.span.line, self.span.column, self.message)


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in file order, duplicates removed (two layers may report the same thing)."""
    unique = dict.fromkeys(problems)
    return tuple(sorted(unique, key=Problem.sort_key))


class LearningModelsError(Exception):
    """Base class for every error this package raises on purpose."""


class _ProblemsError(LearningModelsError):
    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = sort_problems(problems)
        super().__init__("\n".join(p.format() for p in self.problems) or "unknown problem")


class CriteriaError(_ProblemsError):
    """A criteria set (or targets file) could not be loaded, validated or compiled.

    ``problems`` holds every problem found, sorted by position.
    """


class EvidenceError(_ProblemsError):
    """Evidence that cannot be read at all (a missing file, a CSV that is not CSV).

    Bad *records* inside readable evidence never raise: they end up in the error list of
    the evaluation, with their reason.
    """


class PluginError(LearningModelsError):
    """A plugin broke its hook's contract; the message names the plugin."""


class ArgumentError(LearningModelsError, TypeError, ValueError):
    """A function of the Python API was called with an argument of the wrong kind or value
    (``explain(lang="fr")``, a LazyFrame where a table is expected, a path where records
    are expected); the message names the argument and what it accepts. It is also a
    `TypeError` and a `ValueError`, so code that catches those still does."""


class HistoryError(LearningModelsError):
    """A history of results that cannot be opened, read or written: a place that is not a
    history, one written by a newer version, a run that is not there, a server that cannot
    be reached. The message names the place and what was expected."""
