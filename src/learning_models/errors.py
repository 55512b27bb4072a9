"""Errors and located problems: the one vocabulary every stage uses to say what is wrong.

A `Problem` is data: a stable `code` (documented in ``docs/errors.md``), a message, the
`Span` where it is, and an optional hint. The message and the hint are kept as texts of the
message catalogue (`Problem.said`, `Problem.hint_said`), so that each output shows them in
the language it is asked for: `Problem.text(lang)`; `message` and `hint` are their English
renderings (what ``str()`` of an error shows). Stages collect problems and raise one
`CriteriaError` (or `EvidenceError`) carrying all of them, sorted by position, so a user
fixes every mistake in one pass. Dependency exceptions (PyYAML, jsonschema, pydantic) are
wrapped at the stage boundary; a user never sees their tracebacks for bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol, Self

from ._publish import publish_stage

__all__ = [
    "ArgumentError",
    "CriteriaError",
    "EvidenceError",
    "HistoryError",
    "LearningModelsError",
    "PluginError",
    "Problem",
    "ProblemCode",
    "Said",
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


class Said(Protocol):
    """A message that can be rendered in Vietnamese or English (a text of the catalogue)."""

    def render(self, lang: Literal["vi", "en"] = ...) -> str: ...


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
    """One thing wrong with an input, located where possible.

    `message` and `hint` are English; `text(lang)` and `hint_text(lang)` give them in
    either language (from `said` and `hint_said`, the texts of the message catalogue, when
    the problem has them; a problem built from plain strings shows them in both). Two
    problems are equal when their code, English texts, span and severity are.
    """

    code: ProblemCode
    message: str
    span: Span | None = None
    hint: str | None = None
    severity: Severity = "error"
    said: Said | None = field(default=None, compare=False, repr=False)
    hint_said: Said | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, code: ProblemCode, said: Said, span: Span | None = None,
           hint: Said | str | None = None, severity: Severity = "error") -> Problem:
        """The problem saying `said` (a text of the catalogue), with its English message."""
        if hint is None or isinstance(hint, str):
            return cls(code, said.render("en"), span, hint, severity, said)
        return cls(code, said.render("en"), span, hint.render("en"), severity, said, hint)

    def text(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The message in `lang`."""
        return self.said.render(lang) if self.said is not None else self.message

    def hint_text(self, lang: Literal["vi", "en"] = "vi") -> str | None:
        """The hint in `lang`, or None."""
        return self.hint_said.render(lang) if self.hint_said is not None else self.hint

    def place(self, default_file: str | None = None) -> str:
        """``FILE:LINE:COL: `` (or ``FILE: ``, or nothing): how a line about it starts."""
        if self.span is not None:
            return f"{self.span}: "
        return f"{default_file}: " if default_file is not None else ""

    def format(self, default_file: str | None = None) -> str:
        """``FILE:LINE:COL: message [code]`` and, on the next line, ``  hint: ...``, in
        English (the command line shows it in the asked language)."""
        where = self.place(default_file)
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
    """Base class for every error this package raises on purpose.

    ``str()`` of it is English; `text(lang)` says it in either language when it was raised
    with a text of the message catalogue (`saying`).
    """

    said: Said | None = None

    @classmethod
    def saying(cls, said: Said) -> Self:
        """The error saying `said` (its English rendering is the exception's message)."""
        error = cls(said.render("en"))
        error.said = said
        return error

    def text(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The message in `lang` (the English message when it has no catalogue text)."""
        return self.said.render(lang) if self.said is not None else str(self)


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


publish_stage(globals())
