"""Every error of this package a person meets is said from the message catalogue: raised with
``SomeError.saying(say("id", ...))``, never built from a bare English string, so that it
reads in Vietnamese by default and in English with ``--lang en``."""

from __future__ import annotations

import re
from pathlib import Path

SOURCE = Path(__file__).parents[2] / "src" / "learning_models"

#: Files that still build an error of this package from a bare string (``SomeError("…")`` or
#: ``SomeError(f"…")``), with how many such places each has. The list only shrinks: a file
#: converted to ``.saying(say(...))`` leaves it, and a new bare error fails.
STILL_ENGLISH = {
    # ArgumentError: a function of the Python API called with the wrong kind of argument;
    # the programmer reads it, in the language of the API (English)
    "_documents/arguments.py": 6,
}


def _sources() -> dict[str, str]:
    return {path.relative_to(SOURCE).as_posix(): path.read_text("utf-8")
            for path in sorted(SOURCE.rglob("*.py"))}


def _error_classes(texts: dict[str, str]) -> set[str]:
    """`LearningModelsError` and every class of the package that derives from it, directly
    or through another (read from the source: ``class X(Base, ...)``)."""
    names = {"LearningModelsError"}
    while True:
        more = {found.group(1) for text in texts.values()
                for found in re.finditer(r"^class (\w+)\(([^)]*)\)", text, re.MULTILINE)
                if names & set(re.findall(r"\w+", found.group(2)))}
        if more <= names:
            return names
        names |= more


def _bare(texts: dict[str, str]) -> dict[str, int]:
    classes = "|".join(sorted(_error_classes(texts)))
    built = re.compile(rf"(?<![\w.])(?:{classes})\(\s*[rbfuRBFU]{{0,2}}[\"']")
    counts = {name: len(built.findall(text)) for name, text in texts.items()}
    return {name: n for name, n in counts.items() if n}


def test_the_error_classes_are_found_in_the_source() -> None:
    assert {"LearningModelsError", "HistoryError", "PluginError", "CriteriaError",
            "UsageError", "ArgumentError"} <= _error_classes(_sources())


def test_the_guard_sees_a_bare_error_across_lines_and_as_an_f_string() -> None:
    texts = {"a.py": "class UsageError(LearningModelsError): ...\n"
                     "class HistoryError(UsageError): ...\n"
                     "raise UsageError(\n    f'no {x}')\nraise HistoryError('x')\n"
                     "raise HistoryError.saying(say('x'))\nargparse.ArgumentError('x')\n"}
    assert _bare(texts) == {"a.py": 2}


def test_no_new_error_is_built_from_a_bare_english_string() -> None:
    found = _bare(_sources())
    grown = {name: n for name, n in found.items() if n > STILL_ENGLISH.get(name, 0)}
    assert grown == {}, "say it with SomeError.saying(say(...)): add the message to " \
        "_words.MESSAGES in Vietnamese and English"
    shrunk = {name: found.get(name, 0) for name, n in STILL_ENGLISH.items()
              if found.get(name, 0) < n}
    assert shrunk == {}, "fewer bare errors: lower STILL_ENGLISH to these counts"
