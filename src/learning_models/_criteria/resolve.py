"""Resolve ``extends``: apply a set's ``remove`` / ``replace`` / ``add`` to its base.

The result is a complete document (plain data) with a `SourceMap` in which every value
keeps the position of the file it was written in: an inherited indicator points into the
base file, an added one into the extending file. The merged document is then validated like
any other set, so a clash created by a change is reported by the same rules, at the right
place. What a change breaks in the base is reported here, with the change as its cause: an
expression of the base that reads a removed input, derived value or criterion is an
``unknown-name`` where it is written, with the hint ``removed by FILE:LINE:COL``; a
criterion whose indicators are all removed, and an ``add`` of an id or name that exists,
are reported at the change, naming where the existing item is written.

Order of operations: remove, then replace, then add.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .._documents import Message, RawDocument, SourceMap, say, suggestion, verbatim
from .._expressions import Name, node_span, parse_expression, walk
from ..errors import CriteriaError, Problem, Span
from .model import CriteriaSet, Lang

__all__ = ["Change", "part_said", "resolve_extension"]

Path = tuple[str | int, ...]
KEYED = ("inputs", "derived")


@dataclass(frozen=True, slots=True)
class Change:
    """One change an extending set makes to its base (for diffs and provenance)."""

    operation: str      # "add" | "replace" | "remove"
    kind: str           # "inputs" | "derived" | "criteria" | "indicators" | "recognition"
    target: str         # the name or id changed

    def describe(self, lang: Lang = "vi") -> str:
        """The change in words: ``thay chỉ số C3.1`` (vi), ``replace indicators C3.1`` (en,
        the form provenance records)."""
        op = say(_OPERATIONS[self.operation]) if self.operation in _OPERATIONS \
            else verbatim(self.operation)
        if self.kind == "recognition":
            return say("change-recognition", op=op).render(lang)
        return say("change", op=op, part=part_said(self.kind), target=self.target).render(lang)


@dataclass
class _Item:
    """A piece of the merged document and where it was written."""

    data: Any
    source: SourceMap
    path: Path
    children: list[_Item] = field(default_factory=list)   # indicators of a criterion


def resolve_extension(raw: RawDocument, base: CriteriaSet,
                      ) -> tuple[RawDocument, tuple[Change, ...]]:
    """The complete document `raw` describes by changing `base`, and the changes made."""
    merger = _Merger(raw, base)
    merged = merger.run()
    if merger.problems:
        raise CriteriaError(merger.problems)
    return merged, tuple(merger.changes)


class _Merger:
    def __init__(self, raw: RawDocument, base: CriteriaSet) -> None:
        self.ext, self.ext_source = raw.data, raw.source
        self.base = base
        self.base_data: dict[str, Any] = base.canonical()
        self.base_source = base.source_map or SourceMap(f"<{base.id}>")
        self.problems: list[Problem] = []
        self.changes: list[Change] = []
        # What the extending set removes, by kind and name or id, and where it says so; and
        # the criteria it leaves without indicators, with its last removal among them.
        self.removed: dict[tuple[str, str], Span] = {}
        self.emptied_at: dict[str, Span] = {}

    def problem(self, code: Any, message: Message, path: Path,
                hint: Message | None = None) -> None:
        self.problems.append(Problem.of(code, message, self.ext_source.locate(path), hint=hint))

    def run(self) -> RawDocument:
        if "model" in self.ext and self.ext["model"] != self.base.model:
            self.problem("invalid-value", say("extends-other-model", model=self.ext["model"],
                                              base=self.base.model), ("model",))
        keyed = {kind: self.keyed(kind) for kind in KEYED}
        criteria = self.criteria()
        recognition = self.single("recognition")
        merged = self.assemble(keyed, criteria, recognition)
        self.dangling(merged)
        return merged

    def ops(self, operation: str, kind: str) -> Any:
        return self.ext.get(operation, {}).get(kind)

    def keyed(self, kind: str) -> dict[str, _Item]:
        items = {name: _Item(value, self.base_source, (kind, name))
                 for name, value in self.base_data.get(kind, {}).items()}
        for k, name in enumerate(self.ops("remove", kind) or ()):
            if self.exists(items, name, "remove", kind, ("remove", kind, k)):
                del items[name]
                self.removed[(kind, name)] = self.ext_source.locate(("remove", kind, k))
        for op in ("replace", "add"):
            for name, value in (self.ops(op, kind) or {}).items():
                at: Path = (op, kind, name)
                if op == "add" and name in items:
                    self.already_defined(kind, name, items[name], at)
                    continue
                if op == "replace" and not self.exists(items, name, op, kind, at):
                    continue
                items[name] = _Item(value, self.ext_source, at)
                self.changes.append(Change(op, kind, name))
        return items

    def exists(self, items: dict[str, Any], name: str, op: str, kind: str, at: Path) -> bool:
        if name in items:
            if op == "remove":
                self.changes.append(Change(op, kind, name))
            return True
        self.none_such(op, kind, name, at, items)
        return False

    def none_such(self, op: str, kind: str, name: str, at: Path, known: Iterable[str]) -> None:
        """A ``replace`` or ``remove`` of `name`, which the base does not have."""
        self.problem("unknown-reference", say("extends-none-such", op=say(_OPERATIONS[op]),
                                              part=_singular(kind), name=name, base=self.base.id),
                     at, hint=suggestion(name, known))

    def criteria(self) -> list[_Item]:
        criteria = []
        for c, crit in enumerate(self.base_data["criteria"]):
            item = _Item(crit, self.base_source, ("criteria", c))
            item.children = [_Item(ind, self.base_source, ("criteria", c, "indicators", i))
                             for i, ind in enumerate(crit["indicators"])]
            criteria.append(item)
        self.remove_criteria(criteria)
        self.replace_criteria(criteria)
        self.add_criteria(criteria)
        self.emptied(criteria)
        return criteria

    def remove_criteria(self, criteria: list[_Item]) -> None:
        for k, cid in enumerate(self.ops("remove", "criteria") or ()):
            found = [c for c in criteria if c.data["id"] == cid]
            if self.found(found, cid, "remove", "criteria", ("remove", "criteria", k)):
                criteria.remove(found[0])
                self.removed[("criteria", cid)] = self.ext_source.locate(("remove", "criteria", k))
        for k, iid in enumerate(self.ops("remove", "indicators") or ()):
            owner = [c for c in criteria for i in c.children if i.data["id"] == iid]
            if self.found(owner, iid, "remove", "indicators", ("remove", "indicators", k)):
                owner[0].children = [i for i in owner[0].children if i.data["id"] != iid]
                if not owner[0].children:  # unless one is added to it (see `emptied`)
                    self.emptied_at[owner[0].data["id"]] = \
                        self.ext_source.locate(("remove", "indicators", k))

    def replace_criteria(self, criteria: list[_Item]) -> None:
        for k, crit in enumerate(self.ops("replace", "criteria") or ()):
            at: Path = ("replace", "criteria", k)
            found = [n for n, c in enumerate(criteria) if c.data["id"] == crit["id"]]
            if self.found(found, crit["id"], "replace", "criteria", at):
                criteria[found[0]] = self.new_criterion(crit, at)
        for k, ind in enumerate(self.ops("replace", "indicators") or ()):
            at = ("replace", "indicators", k)
            spots = [(c, n) for c in criteria for n, i in enumerate(c.children)
                     if i.data["id"] == ind["id"]]
            if self.found(spots, ind["id"], "replace", "indicators", at):
                owner, n = spots[0]
                owner.children[n] = _Item(ind, self.ext_source, at)

    def add_criteria(self, criteria: list[_Item]) -> None:
        for k, crit in enumerate(self.ops("add", "criteria") or ()):
            at: Path = ("add", "criteria", k)
            existing = [c for c in criteria if c.data["id"] == crit["id"]]
            if existing:
                self.already_defined("criteria", crit["id"], existing[0], (*at, "id"))
                continue
            criteria.append(self.new_criterion(crit, at))
            self.changes.append(Change("add", "criteria", crit["id"]))
        for k, ind in enumerate(self.ops("add", "indicators") or ()):
            at = ("add", "indicators", k)
            existing = [i for c in criteria for i in c.children if i.data["id"] == ind["id"]]
            if existing:
                self.already_defined("indicators", ind["id"], existing[0], (*at, "id"))
                continue
            owner = [c for c in criteria if c.data["id"] == ind["criterion"]]
            if not owner:
                self.problem("unknown-reference", say("extends-no-criterion", id=ind["id"],
                                                      criterion=ind["criterion"]),
                             (*at, "criterion"),
                             hint=suggestion(ind["criterion"], [c.data["id"] for c in criteria]))
                continue
            data = {k2: v for k2, v in ind.items() if k2 != "criterion"}
            owner[0].children.append(_Item(data, self.ext_source, at))
            self.changes.append(Change("add", "indicators", ind["id"]))

    def already_defined(self, kind: str, name: str, existing: _Item, at: Path) -> None:
        """An ``add`` of `name`, which the base (or this set) has already: said at the add,
        naming the file and position of the existing one."""
        where = existing.source.locate(existing.path, key=True) if kind in KEYED \
            else existing.source.locate((*existing.path, "id"))
        self.problem("already-defined", say("extends-exists", part=_singular(kind), name=name,
                                            base=self.base.id, where=where),
                     at, hint=say("extends-exists-hint"))

    def emptied(self, criteria: list[_Item]) -> None:
        """A criterion whose indicators were all removed: said at the last removal."""
        for crit in criteria:
            at = self.emptied_at.get(crit.data["id"])
            if at is not None and not crit.children:
                self.problems.append(Problem.of(
                    "invalid-value", say("extends-emptied", id=crit.data["id"]), at,
                    hint=say("extends-emptied-hint", id=crit.data["id"])))

    def dangling(self, merged: RawDocument) -> None:
        """Every expression of the merged set that reads an input, derived value or criterion
        this set removed: an unknown name where it is written, caused by the removal."""
        if not self.removed:
            return
        data, source = merged.data, merged.source
        values = set(data["inputs"]) | set(data["derived"])
        readable = {"inputs": values, "derived": values,
                    "criteria": {c["id"] for c in data["criteria"]}}
        for path, text, kinds in _expressions(data):
            try:
                expr = parse_expression(text, None)
            except CriteriaError:
                continue  # compiling the set reports it
            span = source.expression_span(path)
            for node in walk(expr):
                if not isinstance(node, Name):
                    continue
                cause = next(((kind, self.removed[(kind, node.id)]) for kind in kinds
                              if (kind, node.id) in self.removed
                              and node.id not in readable[kind]), None)
                if cause is not None:
                    kind, at = cause
                    self.problems.append(Problem.of(
                        "unknown-name", say("unknown-name", name=node.id), node_span(node, span),
                        hint=say("extends-removed-hint", part=_singular(kind), name=node.id,
                                 at=at)))

    def new_criterion(self, crit: dict[str, Any], at: Path) -> _Item:
        item = _Item(crit, self.ext_source, at)
        item.children = [_Item(ind, self.ext_source, (*at, "indicators", i))
                         for i, ind in enumerate(crit["indicators"])]
        return item

    def found(self, hits: list[Any], ident: str, op: str, kind: str, at: Path) -> bool:
        if hits:
            if op != "add":
                self.changes.append(Change(op, kind, ident))
            return True
        known = [i["id"] for c in self.base_data["criteria"] for i in c["indicators"]] \
            if kind == "indicators" else [c["id"] for c in self.base_data["criteria"]]
        self.none_such(op, kind, ident, at, known)
        return False

    def single(self, kind: str) -> _Item:
        replaced = self.ops("replace", kind)
        if replaced is not None:
            self.changes.append(Change("replace", kind, kind))
            return _Item(replaced, self.ext_source, ("replace", kind))
        return _Item(self.base_data[kind], self.base_source, (kind,))

    def assemble(self, keyed: dict[str, dict[str, _Item]], criteria: list[_Item],
                 recognition: _Item) -> RawDocument:
        source = SourceMap(self.ext_source.file)
        data: dict[str, Any] = {}
        for key in ("format", "id", "model", "period", "title", "source"):
            if key in self.ext:
                data[key] = copy.deepcopy(self.ext[key])
                source.graft((key,), self.ext_source, (key,))
            else:
                data[key] = copy.deepcopy(self.base_data[key])
                source.graft((key,), self.base_source, (key,))
        for key in ("applies_to",):  # optional (format 1.1): the extending set's, else the base's
            if key in self.ext:
                data[key] = copy.deepcopy(self.ext[key])
                source.graft((key,), self.ext_source, (key,))
            elif key in self.base_data:
                data[key] = copy.deepcopy(self.base_data[key])
                source.graft((key,), self.base_source, (key,))
        for kind, items in keyed.items():
            data[kind] = {}
            for name, item in items.items():
                data[kind][name] = copy.deepcopy(item.data)
                source.graft((kind, name), item.source, item.path)
        data["criteria"] = []
        for c, crit in enumerate(criteria):
            entry = {k: copy.deepcopy(v) for k, v in crit.data.items() if k != "indicators"}
            entry["indicators"] = [copy.deepcopy(i.data) for i in crit.children]
            data["criteria"].append(entry)
            source.graft(("criteria", c), crit.source, crit.path)
            for i, ind in enumerate(crit.children):
                source.graft(("criteria", c, "indicators", i), ind.source, ind.path)
        data["recognition"] = copy.deepcopy(recognition.data)
        source.graft(("recognition",), recognition.source, recognition.path)
        return RawDocument(data, source)


def _expressions(data: dict[str, Any]) -> list[tuple[Path, str, tuple[str, ...]]]:
    """Every expression of a complete set: its path, its text, and which kinds of removed
    things it could read (inputs and derived values; in the pass rule, criteria)."""
    values = ("inputs", "derived")
    found: list[tuple[Path, str, tuple[str, ...]]] = [
        (("derived", name), text, values) for name, text in data["derived"].items()]
    for c, crit in enumerate(data["criteria"]):
        for i, ind in enumerate(crit["indicators"]):
            at: Path = ("criteria", c, "indicators", i)
            if "when" in ind:
                found.append(((*at, "when"), ind["when"], values))
            found += [((*at, "levels", k, "when"), level["when"], values)
                      for k, level in enumerate(ind.get("levels") or ())]
    found.append((("recognition", "pass"), data["recognition"]["pass"], ("criteria",)))
    return [(path, text, kinds) for path, text, kinds in found if isinstance(text, str)]


_OPERATIONS = {"add": "op-add", "replace": "op-replace", "remove": "op-remove"}
_SINGULAR = {"inputs": "part-input", "derived": "part-derived-value", "criteria": "part-criterion",
             "indicators": "part-indicator", "recognition": "part-recognition"}
_PLURAL = {"inputs": "part-inputs", "derived": "part-derived", "criteria": "part-criteria",
           "indicators": "part-indicators", "recognition": "part-recognition"}


def _singular(kind: str) -> Message:
    """One item of `kind` in words: ``input`` (``thông tin``)."""
    return say(_SINGULAR[kind])


def part_said(kind: str) -> Message:
    """The part of a set `kind` names (``inputs``, ``criteria``…) in words, its English as
    written in the set (``chỉ số`` for ``indicators``)."""
    return say(_PLURAL[kind]) if kind in _PLURAL else verbatim(kind)

