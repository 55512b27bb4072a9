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

from .._documents import SourceMap
from ..errors import Problem

__all__ = ["FORMAT_1", "FORMAT_1_1", "version_problems"]

FORMAT_1 = "learning-models/criteria-set/1"
FORMAT_1_1 = "learning-models/criteria-set/1.1"
_HINT = f"write 'format: {FORMAT_1_1}' as the first line: the key is new in format 1.1"


def version_problems(data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    """A problem for each format-1.1 key of a document that declares format 1."""
    if data.get("format") != FORMAT_1:
        return
    for name, spec in (data.get("inputs") or {}).items():
        if isinstance(spec, dict) and isinstance(spec.get("from"), dict) \
                and "when" in spec["from"]:
            yield Problem("invalid-value", f"input {name!r}: a 'when' in 'from' needs format "
                          "1.1, and this file says format 1",
                          source.locate(("inputs", name, "from", "when"), key=True), hint=_HINT)
    if "applies_to" in data:
        yield Problem("invalid-value", "'applies_to' needs format 1.1, and this file says "
                      "format 1", source.locate(("applies_to",), key=True), hint=_HINT)
    for c, criterion in enumerate(data.get("criteria", [])):
        if "applies" in criterion:
            yield Problem("invalid-value", f"criterion {criterion['id']!r}: 'applies' needs "
                          "format 1.1, and this file says format 1",
                          source.locate(("criteria", c, "applies"), key=True), hint=_HINT)
        for i, ind in enumerate(criterion.get("indicators", [])):
            yield from _indicator_problems(ind, ("criteria", c, "indicators", i), source)
    added = data.get("add")
    for i, ind in enumerate(added.get("indicators") or () if isinstance(added, dict) else ()):
        if isinstance(ind, dict):
            yield from _indicator_problems(ind, ("add", "indicators", i), source)
    if "source" in data.get("recognition", {}):
        yield Problem("invalid-value", "the recognition's 'source' needs format 1.1, and this "
                      "file says format 1", source.locate(("recognition", "source"), key=True),
                      hint=_HINT)
    for k, grade in enumerate(data.get("recognition", {}).get("grades", [])):
        if "source" in grade:
            yield Problem("invalid-value", f"grade {grade['id']!r}: a grade's 'source' needs "
                          "format 1.1, and this file says format 1",
                          source.locate(("recognition", "grades", k, "source"), key=True),
                          hint=_HINT)
        if "when" in grade:
            yield Problem("invalid-value", f"grade {grade['id']!r}: a grade's 'when' needs "
                          "format 1.1, and this file says format 1",
                          source.locate(("recognition", "grades", k, "when"), key=True),
                          hint=_HINT)


#: The format-1.1 keys of an indicator.
_INDICATOR_KEYS = ("awarded", "applies", "items")


def _indicator_problems(ind: dict[str, Any], at: tuple[str | int, ...], source: SourceMap,
                        ) -> Iterator[Problem]:
    for key in _INDICATOR_KEYS:
        if key in ind:
            yield Problem("invalid-value", f"indicator {ind['id']!r}: {key!r} needs "
                          "format 1.1, and this file says format 1",
                          source.locate((*at, key), key=True), hint=_HINT)
    for j, entry in enumerate(ind.get("evidence") or ()):
        if isinstance(entry, dict):
            yield Problem("invalid-value", f"indicator {ind['id']!r}: a named evidence "
                          "document ({id, title, required}) needs format 1.1, and this file "
                          "says format 1", source.locate((*at, "evidence", j)), hint=_HINT)
