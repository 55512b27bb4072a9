"""Resolve ``extends``: apply a set's ``remove`` / ``replace`` / ``add`` to its base.

The result is a complete document (plain data) with a `SourceMap` in which every value
keeps the position of the file it was written in: an inherited indicator points into the
base file, an added one into the extending file. The merged document is then validated like
any other set, so a clash created by a change (an added id that exists, an expression that
reads a removed input) is reported by the same rules, at the right place.

Order of operations: remove, then replace, then add.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ._model import CriteriaSet
from ._suggest import did_you_mean
from ._yaml import RawDocument, SourceMap
from .errors import CriteriaError, Problem

__all__ = ["Change", "resolve_extension"]

Path = tuple[str | int, ...]
KEYED = ("inputs", "derived")


@dataclass(frozen=True, slots=True)
class Change:
    """One change an extending set makes to its base (for diffs and provenance)."""

    operation: str      # "add" | "replace" | "remove"
    kind: str           # "inputs" | "derived" | "criteria" | "indicators" | "recognition"
    target: str         # the name or id changed


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

    def problem(self, code: Any, message: str, path: Path, hint: str | None = None) -> None:
        self.problems.append(Problem(code, message, self.ext_source.locate(path), hint))

    def run(self) -> RawDocument:
        if "model" in self.ext and self.ext["model"] != self.base.model:
            self.problem("invalid-value", f"model {self.ext['model']!r} differs from the base's "
                         f"{self.base.model!r}", ("model",))
        keyed = {kind: self.keyed(kind) for kind in KEYED}
        criteria = self.criteria()
        recognition = self.single("recognition")
        return self.assemble(keyed, criteria, recognition)

    def ops(self, operation: str, kind: str) -> Any:
        return self.ext.get(operation, {}).get(kind)

    def keyed(self, kind: str) -> dict[str, _Item]:
        items = {name: _Item(value, self.base_source, (kind, name))
                 for name, value in self.base_data.get(kind, {}).items()}
        for k, name in enumerate(self.ops("remove", kind) or ()):
            if self.exists(items, name, "remove", kind, ("remove", kind, k)):
                del items[name]
        for op in ("replace", "add"):
            for name, value in (self.ops(op, kind) or {}).items():
                at: Path = (op, kind, name)
                if op == "add" and name in items:
                    self.problem("already-defined", f"{_singular(kind)} {name!r} already exists "
                                 f"in {self.base.id!r}", at, hint="use 'replace' to change it")
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
        self.problem("unknown-reference", f"cannot {op} {_singular(kind)} {name!r}: "
                     f"{self.base.id!r} has none", at,
                     hint=did_you_mean(name, items))
        return False

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
        return criteria

    def remove_criteria(self, criteria: list[_Item]) -> None:
        for k, cid in enumerate(self.ops("remove", "criteria") or ()):
            found = [c for c in criteria if c.data["id"] == cid]
            if self.found(found, cid, "remove", "criteria", ("remove", "criteria", k)):
                criteria.remove(found[0])
        for k, iid in enumerate(self.ops("remove", "indicators") or ()):
            owner = [c for c in criteria for i in c.children if i.data["id"] == iid]
            if self.found(owner, iid, "remove", "indicators", ("remove", "indicators", k)):
                owner[0].children = [i for i in owner[0].children if i.data["id"] != iid]

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
            criteria.append(self.new_criterion(crit, ("add", "criteria", k)))
            self.changes.append(Change("add", "criteria", crit["id"]))
        for k, ind in enumerate(self.ops("add", "indicators") or ()):
            at: Path = ("add", "indicators", k)
            owner = [c for c in criteria if c.data["id"] == ind["criterion"]]
            if not owner:
                self.problem("unknown-reference", f"cannot add indicator {ind['id']!r} to "
                             f"criterion {ind['criterion']!r}: there is no such criterion",
                             (*at, "criterion"),
                             hint=did_you_mean(ind["criterion"], [c.data["id"] for c in criteria]))
                continue
            data = {k2: v for k2, v in ind.items() if k2 != "criterion"}
            owner[0].children.append(_Item(data, self.ext_source, at))
            self.changes.append(Change("add", "indicators", ind["id"]))

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
        self.problem("unknown-reference", f"cannot {op} {_singular(kind)} {ident!r}: "
                     f"{self.base.id!r} has none", at, hint=did_you_mean(ident, known))
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


def _singular(kind: str) -> str:
    return {"inputs": "input", "derived": "derived value", "criteria": "criterion",
            "indicators": "indicator", "recognition": "recognition"}[kind]

