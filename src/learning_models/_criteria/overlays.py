"""Overlays: named changes to a resolved criteria set, offered by plugins or YAML files.

An overlay says, like ``extends``, what it adds, replaces or removes in one set — but it
keeps the set's id: it is how a province adapts a national set in place. Overlays apply
only when asked for by name, in the order their ``after`` lists require; two overlays that
change the same item without an order between them are an error. The overlays applied are
recorded on the set and in every evaluation's provenance.

YAML form (``format: learning-models/overlay/1``)::

    format: learning-models/overlay/1
    name: bac-kan/reading-culture
    target: vn/2021-2025/family
    after: []                      # overlays that must apply first (optional)
    source: {verified: false, note: ...}
    add: {...}                     # as in a set that extends another
    replace: {...}
    remove: {...}
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._documents import RawDocument, SourceMap, load_yaml, say
from ..errors import CriteriaError, Problem
from .model import CriteriaSet, Lang
from .resolve import Change, part_said, resolve_extension
from .validate import check_document, validate_criteria

__all__ = ["AppliedOverlay", "Overlay", "apply_overlays", "order_overlays"]

OVERLAY_FORMAT = "learning-models/overlay/1"
OPERATIONS = ("add", "replace", "remove")


@dataclass(frozen=True)
class Overlay:
    """A named change to one set, in the same terms as ``extends``."""

    name: str
    target: str
    changes: Mapping[str, Any]                     # {"add": ..., "replace": ..., "remove": ...}
    after: tuple[str, ...] = ()
    source: Mapping[str, Any] = field(default_factory=lambda: {"verified": False})
    plugin: str | None = None                      # filled in by the plugin manager
    raw: RawDocument | None = None                 # where it was written, for positions

    @classmethod
    def from_yaml(cls, path: str | os.PathLike[str], *, display_name: str | None = None,
                  ) -> Overlay:
        """Read an overlay file; `CriteriaError` with located problems when it is wrong."""
        raw = load_yaml(path, display_name=display_name)
        data = raw.data
        problems = _overlay_problems(data, raw.source)
        if problems:
            raise CriteriaError(problems)
        return cls(data["name"], data["target"], {k: data[k] for k in OPERATIONS if k in data},
                   tuple(data.get("after", ())), data.get("source", {"verified": False}),
                   raw=raw)


@dataclass(frozen=True, slots=True)
class AppliedOverlay:
    """An overlay as recorded on a set it changed."""

    name: str
    plugin: str | None
    changes: tuple[Change, ...]

    def to_dict(self) -> dict[str, Any]:
        """As provenance records it (``results.json``): the changes in English words."""
        return {"name": self.name, "plugin": self.plugin,
                "changes": list(self.describe("en"))}

    def describe(self, lang: Lang = "vi") -> tuple[str, ...]:
        """What the overlay changed, one text per change, in `lang`: ``thêm tiêu chí C5``
        (vi), ``add criteria C5`` (en: the same texts as `to_dict`)."""
        return tuple(change.describe(lang) for change in self.changes)


def _overlay_problems(data: Any, source: SourceMap) -> list[Problem]:
    if not isinstance(data, dict) or data.get("format") != OVERLAY_FORMAT:
        return [Problem.of("unknown-format", say("overlay-format", format=OVERLAY_FORMAT),
                           source.locate(("format",)))]
    problems = []
    allowed = {"format", "name", "target", "after", "source", *OPERATIONS}
    for key in data:
        if key not in allowed:
            problems.append(Problem.of("unknown-key", say("overlay-unknown-key", key=key),
                                       source.locate((key,), key=True),
                                       hint=say("allowed-keys", keys=", ".join(sorted(allowed)))))
    for key in ("name", "target"):
        if not isinstance(data.get(key), str):
            problems.append(Problem.of("missing-key", say("overlay-needs", key=key),
                                       source.locate((key,))))
    after = data.get("after", [])
    if not isinstance(after, list) or not all(isinstance(a, str) for a in after):
        problems.append(Problem.of("wrong-type", say("overlay-after-list"),
                                   source.locate(("after",))))
    return problems


def order_overlays(overlays: Sequence[Overlay]) -> list[Overlay]:
    """Overlays in an order that respects every ``after``; conflicts are `CriteriaError`."""
    by_name = {o.name: o for o in overlays}
    problems: list[Problem] = []
    for overlay in overlays:
        for name in overlay.after:
            if name not in by_name:
                problems.append(Problem.of("unknown-reference", say(
                    "overlay-after-absent", name=overlay.name, after=name)))
    ordered: list[Overlay] = []
    state: dict[str, str] = {}

    def visit(overlay: Overlay, trail: tuple[str, ...]) -> None:
        if state.get(overlay.name) == "done":
            return
        if state.get(overlay.name) == "active":
            problems.append(Problem.of("extends-cycle", say(
                "overlay-cycle", trail=" → ".join((*trail, overlay.name)))))
            return
        state[overlay.name] = "active"
        for name in sorted(overlay.after):
            if name in by_name:
                visit(by_name[name], (*trail, overlay.name))
        state[overlay.name] = "done"
        ordered.append(overlay)

    for overlay in sorted(overlays, key=lambda o: o.name):
        visit(overlay, ())
    problems += _conflicts(ordered)
    if problems:
        raise CriteriaError(problems)
    return ordered


def _touched(overlay: Overlay) -> set[tuple[str, str]]:
    touched: set[tuple[str, str]] = set()
    for op in OPERATIONS:
        for kind, items in (overlay.changes.get(op) or {}).items():
            if kind == "recognition":
                touched.add((kind, kind))
            elif isinstance(items, Mapping):
                touched |= {(kind, str(name)) for name in items}
            elif isinstance(items, list):
                touched |= {(kind, str(i["id"] if isinstance(i, Mapping) else i)) for i in items}
    return touched


def _conflicts(ordered: Sequence[Overlay]) -> list[Problem]:
    """Two overlays of one target changing one item, with no order between them."""
    problems = []
    before = {o.name: _predecessors(o, ordered) for o in ordered}
    for k, a in enumerate(ordered):
        for b in ordered[k + 1:]:
            if a.target != b.target or a.name in before[b.name] or b.name in before[a.name]:
                continue
            for kind, item in sorted(_touched(a) & _touched(b)):
                problems.append(Problem.of(
                    "already-defined", say("overlay-conflict", a=a.name, b=b.name,
                                           part=part_said(kind), item=item, target=a.target),
                    hint=say("overlay-conflict-hint", a=a.name, b=b.name)))
    return problems


def _predecessors(overlay: Overlay, ordered: Sequence[Overlay]) -> set[str]:
    by_name = {o.name: o for o in ordered}
    found: set[str] = set()
    queue = list(overlay.after)
    while queue:
        name = queue.pop()
        if name not in found and name in by_name:
            found.add(name)
            queue.extend(by_name[name].after)
    return found


def apply_overlays(spec: CriteriaSet, overlays: Sequence[Overlay],
                   ) -> tuple[CriteriaSet, tuple[AppliedOverlay, ...]]:
    """`spec` changed by each overlay that targets it, in order; and what each changed."""
    applied: list[AppliedOverlay] = []
    for overlay in overlays:
        if overlay.target != spec.id:
            continue
        raw = _as_extension(overlay, spec)
        check_document(raw)
        merged, changes = resolve_extension(raw, spec)
        spec = validate_criteria(merged)
        applied.append(AppliedOverlay(overlay.name, overlay.plugin, changes))
    return spec, tuple(applied)


def _as_extension(overlay: Overlay, spec: CriteriaSet) -> RawDocument:
    """The overlay written as a set that extends `spec` and keeps its id and period."""
    data: dict[str, Any] = {"format": spec.format, "id": spec.id, "extends": spec.id,
                            "period": spec.period, "source": spec.canonical()["source"]}
    data.update({k: v for k, v in overlay.changes.items() if k in OPERATIONS})
    if overlay.raw is not None:
        source = SourceMap(overlay.raw.source.file)
        for op in OPERATIONS:
            source.graft((op,), overlay.raw.source, (op,))
    else:
        source = SourceMap(f"<overlay {overlay.name}>")
    return RawDocument(data, source)
