"""Which criteria sets a target counts (its ``sets:``), and the checks of those names.

A target of measure ``recognised_share`` counts, by default, every subject of its model,
whichever set of the model evaluated it. ``sets:`` narrows it to the subjects of the sets it
names: each entry a set id (``vn/2021-2025/unit``) or a set id without its period
(``vn/unit``), which names that set in every period, so that one target spans 2021–2030. The
census the share is measured on is the area list's column ``census`` (default: the model's
own column, ``units`` for units), which must count exactly those subjects.

A set that ``extends`` a named set within the same period (a province's own version of the
national set) governs the same subjects, so the target counts it too: `local_versions` adds
it to the names. A set of a later period that extends one of an earlier period replaces it
under new rules, and is counted only when the target names it (or names the set without its
period).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from .._documents import SourceMap, say, suggestion, where_said
from ..errors import Problem

__all__ = ["CENSUS_COLUMNS", "counted_by", "local_versions", "set_problems",
           "without_period"]

#: The area-list columns a target may name as its census.
CENSUS_COLUMNS = ("households", "clans", "communities", "units", "higher_units")
_PERIOD = re.compile(r"^[0-9]{4}-[0-9]{4}$")


def without_period(set_id: str) -> str:
    """``vn/2021-2025/unit`` → ``vn/unit``: the id with its period segment left out."""
    return "/".join(part for part in set_id.split("/") if not _PERIOD.match(part))


def counted_by(names: Iterable[str], set_id: str) -> bool:
    """Whether a target naming `names` (its ``sets:``) counts the subjects of `set_id`."""
    plain = without_period(set_id)
    return any(name in (set_id, plain) for name in names)


class SetEntry(Protocol):
    """What `local_versions` reads of a catalogue entry."""

    @property
    def id(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def extends(self) -> str | None: ...


def local_versions(names: tuple[str, ...], entries: Iterable[SetEntry]) -> tuple[str, ...]:
    """`names`, then the id of every set of `entries` that extends — directly or through sets
    of its own period — a set that `names` counts, within that same period."""
    by_id = {e.id: e for e in entries}
    found = list(names)
    for entry in by_id.values():
        if counted_by(names, entry.id):
            continue
        base, seen = by_id.get(entry.extends or ""), {entry.id}
        while base is not None and base.period == entry.period and base.id not in seen:
            if counted_by(names, base.id):
                found.append(entry.id)
                break
            seen.add(base.id)
            base = by_id.get(base.extends or "")
    return tuple(dict.fromkeys(found))


def set_problems(target: Mapping[str, Any], k: int, source: SourceMap,
                 sets: Mapping[str, str]) -> Iterator[Problem]:
    """The problems of target `k`'s ``sets:`` against the known sets (id → model)."""
    names = target.get("sets")
    if names is None:
        return
    model = target.get("model")
    if model is None:
        yield Problem.of("invalid-value",
                         say("sets-without-model",
                             where=where_said(("targets", k), say("doc-targets"))),
                         source.locate(("targets", k, "sets"), key=True),
                         hint=say("sets-without-model-hint"))
        return
    known = dict(sets) | {without_period(i): m for i, m in sets.items()}
    for j, name in enumerate(names):
        at = source.locate(("targets", k, "sets", j))
        where = where_said(("targets", k, "sets", j), say("doc-targets"))
        if name not in known:
            of_model = sorted(i for i, m in known.items() if m == model)
            yield Problem.of("invalid-value", say("target-unknown-set", name=name, where=where),
                             at, hint=suggestion(name, of_model) or
                             say("target-sets-of-model", model=model,
                                 ids=", ".join(of_model) or "—"))
        elif known[name] != model:
            yield Problem.of("invalid-value",
                             say("target-set-other-model", name=name, where=where,
                                 other=known[name], model=model),
                             at, hint=say("target-set-other-model-hint"))
