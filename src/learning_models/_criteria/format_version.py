"""Stage 2: what a criteria set may say in the format version it declares.

Format 1.1 adds keys to format 1 (``awarded``, ``applies`` and ``items`` on an indicator,
named documents in its ``evidence``, ``applies`` on a criterion, ``when`` on a grade); a
file that says ``format: learning-models/criteria-set/1`` and uses one is told, at the key,
to declare 1.1 — a format-1 file keeps exactly the meaning it always had, so an older
reader and this one never read it apart. (What 1.1 adds to expressions — indicator
functions, inputs and the year in pass rules — is reported by the compiler as an unknown
name or function in a format-1 file.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .._documents import Message, SourceMap, say
from ..errors import Problem

__all__ = ["FORMAT_1", "FORMAT_1_1", "version_problems"]

FORMAT_1 = "learning-models/criteria-set/1"
FORMAT_1_1 = "learning-models/criteria-set/1.1"

Path = tuple[str | int, ...]


def _needs_1_1(what: Message, source: SourceMap, path: Path, *, key: bool = True) -> Problem:
    """`what` (a key of format 1.1, at `path`) in a file that says format 1."""
    return Problem.of("invalid-value", say("needs-1-1", what=what), source.locate(path, key=key),
                      hint=say("needs-1-1-hint", format=FORMAT_1_1))


def version_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    """A problem for each format-1.1 key of a document that declares format 1."""
    if data.get("format") != FORMAT_1:
        return
    for name, spec in (data.get("inputs") or {}).items():
        if isinstance(spec, dict) and isinstance(spec.get("from"), dict) \
                and "when" in spec["from"]:
            yield _needs_1_1(say("needs-1-1-when-from", name=name), source,
                             ("inputs", name, "from", "when"))
    if "applies_to" in data:
        yield _needs_1_1(say("needs-1-1-applies-to"), source, ("applies_to",))
    for c, criterion in enumerate(data.get("criteria", [])):
        if "applies" in criterion:
            yield _needs_1_1(say("needs-1-1-criterion-applies", id=criterion["id"]), source,
                             ("criteria", c, "applies"))
        for i, ind in enumerate(criterion.get("indicators", [])):
            yield from _indicator_problems(ind, ("criteria", c, "indicators", i), source)
    added = data.get("add")
    for i, ind in enumerate(added.get("indicators") or () if isinstance(added, dict) else ()):
        if isinstance(ind, dict):
            yield from _indicator_problems(ind, ("add", "indicators", i), source)
    if "source" in data.get("recognition", {}):
        yield _needs_1_1(say("needs-1-1-recognition-source"), source, ("recognition", "source"))
    for k, grade in enumerate(data.get("recognition", {}).get("grades", [])):
        at: Path = ("recognition", "grades", k)
        if "source" in grade:
            yield _needs_1_1(say("needs-1-1-grade-source", id=grade["id"]), source,
                             (*at, "source"))
        if "when" in grade:
            yield _needs_1_1(say("needs-1-1-grade-when", id=grade["id"]), source, (*at, "when"))


#: The format-1.1 keys of an indicator.
_INDICATOR_KEYS = ("awarded", "applies", "items")


def _indicator_problems(ind: dict[str, Any], at: Path, source: SourceMap,
                        ) -> Iterator[Problem]:
    for key in _INDICATOR_KEYS:
        if key in ind:
            yield _needs_1_1(say("needs-1-1-indicator-key", id=ind["id"], key=key), source,
                             (*at, key))
    for j, entry in enumerate(ind.get("evidence") or ()):
        if isinstance(entry, dict):
            yield _needs_1_1(say("needs-1-1-named-evidence", id=ind["id"]), source,
                             (*at, "evidence", j), key=False)
