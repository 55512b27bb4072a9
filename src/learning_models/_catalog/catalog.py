"""The catalogue: every criteria set known, by id, and the set in force for a model and year.

Sets come in layers: the shipped sets first, then each directory (or in-memory document, for
plugins) added after. Within one layer an id may appear once; a later layer's set replaces an
earlier one with the same id (that is how a province puts its corrected copy in force).

Periods: for a model and a year exactly one set must apply. Two sets of one model whose
periods overlap are an error — unless one extends the other, in which case the extending
(more local) set supersedes its base for the years they share, or unless both say which
subjects they are for (``applies_to``, format 1.1) and say it differently: then both are in
force (the model's *variants* that year) and each record goes to the one whose
``applies_to`` holds for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pluggy

from .._criteria import (
    CRITERIA_FORMATS,
    Change,
    CriteriaSet,
    Overlay,
    Program,
    Text,
    apply_overlays,
    check_document,
    order_overlays,
    period_years,
    program_of,
    resolve_extension,
    validate_criteria,
)
from .._documents import RawDocument, SourceMap, load_yaml, say, suggestion
from .._expressions import BUILTIN_FUNCTIONS, FunctionRegistry
from ..errors import CriteriaError, LearningModelsError, Problem, ProblemCode, Span
from .plugin_sources import collect_criteria_sources, collect_functions, collect_overlays

__all__ = ["Catalog", "CatalogEntry", "shipped_criteria_dir", "told_apart"]


def shipped_criteria_dir() -> Path:
    """Where the shipped criteria data lives (inside the installed package, or the repo)."""
    packaged = Path(str(resources.files("learning_models"))) / "_data" / "criteria"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "criteria"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One set in the catalogue, as `learning-models list` shows it."""

    id: str
    model: str
    period: str
    title: Text
    file: str
    extends: str | None
    verified_share: float   # share of indicators whose source is verified
    applies_to: str | None = None   # format 1.1: the subjects the set is for
    rule_verified_share: float = 0.0   # share of the recognition rule verified

    @property
    def years(self) -> range:
        return period_years(self.period)

    def to_dict(self) -> dict[str, Any]:
        """The entry as ``learning-models list --format json`` (and the service) give it."""
        return {"id": self.id, "model": self.model, "period": self.period,
                "title": {"vi": self.title.vi, "en": self.title.en}, "file": self.file,
                "extends": self.extends, "verified_share": round(self.verified_share, 4),
                "rule_verified_share": round(self.rule_verified_share, 4),
                "applies_to": self.applies_to}


@dataclass(frozen=True, slots=True)
class _Doc:
    raw: RawDocument
    layer: int


class Catalog:
    """All criteria sets known, resolved (``extends``) and compiled on first use."""

    def __init__(self, *, functions: FunctionRegistry = BUILTIN_FUNCTIONS,
                 overlays: Sequence[Overlay] = ()) -> None:
        self._docs: dict[str, _Doc] = {}
        self._layers = 0
        self._problems: list[Problem] = []
        self._resolved: dict[str, CriteriaSet] = {}
        self._changes: dict[str, tuple[Change, ...]] = {}
        self.functions = functions
        self.overlays: tuple[Overlay, ...] = tuple(order_overlays(overlays))

    @classmethod
    def default(cls, directories: Iterable[str | os.PathLike[str]] = (), *,
                shipped: bool = True, plugins: pluggy.PluginManager | None = None,
                overlays: Sequence[str | os.PathLike[str]] = ()) -> Catalog:
        """The shipped sets, plugins' sets, then each directory given (later ones override
        by id); with `overlays` (names offered by plugins, or overlay files) applied."""
        functions = collect_functions(plugins) if plugins is not None else BUILTIN_FUNCTIONS
        catalog = cls(functions=functions, overlays=_overlays(plugins, overlays))
        if plugins is None:
            if shipped:
                catalog.add_directory(shipped_criteria_dir(), display_root="criteria")
        else:
            for plugin, sources in collect_criteria_sources(plugins):
                if plugin == "builtin-criteria" and not shipped:
                    continue
                catalog._add_plugin_sources(plugin, sources)
        for directory in directories:
            catalog.add_directory(directory)
        return catalog

    def _add_plugin_sources(self, plugin: str, sources: Sequence[Path | Mapping[str, Any]],
                            ) -> None:
        for source in sources:
            if isinstance(source, Path):
                root = "criteria" if plugin == "builtin-criteria" else f"<{plugin}>"
                self.add_directory(source, display_root=root)
            else:
                self.add_documents([RawDocument(dict(source), SourceMap(f"<{plugin}>"))])

    # --- filling -----------------------------------------------------------------------

    def add_directory(self, path: str | os.PathLike[str], *,
                      display_root: str | None = None) -> list[str]:
        """Add every criteria-set file below `path` as one layer; returns the ids added."""
        root = Path(path)
        if not root.is_dir():
            files = [root]
        else:
            files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml"))
        docs = []
        for file in files:
            shown = str(file) if display_root is None or not root.is_dir() \
                else f"{display_root}/{file.relative_to(root).as_posix()}"
            if not _looks_like_criteria(file):
                continue  # test cases, targets, evidence: not sets
            try:
                raw = load_yaml(file, display_name=shown)
            except CriteriaError as exc:
                self._problems.extend(exc.problems)
                continue
            if isinstance(raw.data, dict) and raw.data.get("format") in CRITERIA_FORMATS:
                docs.append(raw)
        return self.add_documents(docs)

    def add_documents(self, docs: Sequence[RawDocument]) -> list[str]:
        """Add documents (e.g. a plugin's in-memory sets) as one layer."""
        self._layers += 1
        added: dict[str, RawDocument] = {}
        for raw in docs:
            ident = raw.data.get("id")
            if not isinstance(ident, str):
                try:
                    check_document(raw)
                except CriteriaError as exc:
                    self._problems.extend(exc.problems)
                continue
            if ident in added:
                first = added[ident].source.locate(("id",))
                self._problems.append(Problem.of(
                    "duplicate-id", say("set-id-twice", id=ident), raw.source.locate(("id",)),
                    hint=say("first-used-at", where=first)))
                continue
            added[ident] = raw
            self._docs[ident] = _Doc(raw, self._layers)
        self._resolved.clear()  # an override may change every set that extends it
        self._changes.clear()
        return list(added)

    # --- reading -----------------------------------------------------------------------

    def ids(self) -> list[str]:
        return sorted(self._docs)

    def __contains__(self, ident: object) -> bool:
        return ident in self._docs

    def file_of(self, ident: str) -> str:
        return self._docs[ident].raw.source.file

    def get(self, ident: str) -> CriteriaSet:
        """The set with this id, resolved and compiled; `CriteriaError` if it is broken."""
        return self._get(ident, ())

    def program(self, ident: str) -> Program:
        """The set `ident` compiled with the catalogue's functions (what `evaluate` runs)."""
        return program_of(self.get(ident))

    def changes(self, ident: str) -> tuple[Change, ...]:
        """What the set changes in the set it extends (empty for a complete set)."""
        self.get(ident)
        return self._changes.get(ident, ())

    def _get(self, ident: str, trail: tuple[str, ...]) -> CriteriaSet:
        if ident in self._resolved:
            return self._resolved[ident]
        if ident not in self._docs:
            raise CriteriaError([self._unknown(ident, None)])
        raw = self._docs[ident].raw
        check_document(raw)
        base_id = raw.data.get("extends")
        inherited: tuple[Any, ...] = ()
        if base_id is not None:
            raw = self._extend(raw, base_id, (*trail, ident))
            inherited = self._resolved[base_id].overlays
        spec = validate_criteria(raw)
        spec, applied = apply_overlays(spec, self.overlays)
        spec = spec.model_copy(update={"overlays": (*inherited, *applied),
                                       "functions": self.functions})
        program_of(spec)   # every problem surfaces now, with the catalogue's functions
        self._resolved[ident] = spec
        return spec

    def _extend(self, raw: RawDocument, base_id: str, trail: tuple[str, ...]) -> RawDocument:
        at = raw.source.locate(("extends",))
        if base_id in trail:
            cycle = " → ".join((*trail[trail.index(base_id):], base_id))
            raise CriteriaError([Problem.of("extends-cycle", say("sets-extend-cycle",
                                                                 cycle=cycle), at)])
        if base_id not in self._docs:
            raise CriteriaError([self._unknown(base_id, at)])
        base = self._get(base_id, trail)
        merged, changes = resolve_extension(raw, base)
        self._changes[trail[-1]] = changes
        return merged

    def _unknown(self, ident: str, at: Span | None) -> Problem:
        hint = suggestion(ident, self.ids()) or \
            say("known-sets", ids=", ".join(self.ids()) or say("word-none"))
        code: ProblemCode = "unknown-base" if at is not None else "unknown-set"
        return Problem.of(code, say("no-set-with-id", id=ident), at, hint=hint)

    def entries(self) -> list[CatalogEntry]:
        """Every set that resolves, sorted by model and period (broken ones: `problems`)."""
        found = []
        for ident in self.ids():
            try:
                spec = self.get(ident)
            except CriteriaError:
                continue
            found.append(CatalogEntry(ident, spec.model, spec.period, spec.title,
                                      self.file_of(ident),
                                      self._docs[ident].raw.data.get("extends"),
                                      _verified_share(spec), spec.applies_to,
                                      spec.recognition_verified_share))
        return sorted(found, key=lambda e: (e.model, e.period, e.id))

    def problems(self) -> list[Problem]:
        """Problems of the catalogue as a whole: unreadable files, duplicate ids, overlaps."""
        problems = list(self._problems)
        entries = self.entries()
        for k, a in enumerate(entries):
            for b in entries[k + 1:]:
                if a.model == b.model and set(a.years) & set(b.years) \
                        and not self._related(a.id, b.id) and not told_apart(a, b):
                    problems.append(Problem.of(
                        "overlapping-periods",
                        say("sets-overlap", a=a.id, b=b.id, model=a.model,
                            years=_years(set(a.years) & set(b.years))),
                        self._docs[b.id].raw.source.locate(("period",)),
                        hint=say("sets-overlap-hint")))
        return problems

    def _related(self, a: str, b: str) -> bool:
        return a in self._ancestors(b) or b in self._ancestors(a)

    def _ancestors(self, ident: str) -> set[str]:
        found: set[str] = set()
        while ident in self._docs:
            base = self._docs[ident].raw.data.get("extends")
            if not isinstance(base, str) or base in found:
                break
            found.add(base)
            ident = base
        return found

    def for_year(self, model: str, year: int) -> CriteriaSet:
        """The set in force for `model` in `year` (an error naming them when several sets,
        told apart by ``applies_to``, are: see `variants`)."""
        found = self.variants(model, year)
        if len(found) > 1:
            raise LearningModelsError.saying(say(
                "sets-in-force-several", model=model, year=year,
                sets=", ".join(f"{s.id} ({s.applies_to})" for s in found)))
        return found[0]

    def variants(self, model: str, year: int) -> list[CriteriaSet]:
        """The sets in force for `model` in `year`: one, or several told apart by
        ``applies_to`` (sorted by id); an error when none is, or when several are that
        ``applies_to`` does not tell apart."""
        entries = self.entries()
        of_model = [e for e in entries if e.model == model]
        if not of_model:
            models = sorted({e.model for e in entries})
            raise LearningModelsError.saying(say("no-set-for-model", model=model,
                                                 models=", ".join(models) or say("word-none")))
        hits = [e for e in of_model if year in e.years]
        hits = [e for e in hits if not any(e.id in self._ancestors(o.id) for o in hits)]
        if not hits:
            periods = ", ".join(f"{e.period} ({e.id})" for e in of_model)
            raise LearningModelsError.saying(say("no-set-covers", model=model, year=year,
                                                 periods=periods))
        if len(hits) > 1 and not all(told_apart(a, b) for k, a in enumerate(hits)
                                     for b in hits[k + 1:]):
            raise LearningModelsError.saying(say(
                "sets-cover-several", model=model, year=year, ids=", ".join(e.id for e in hits)))
        return [self.get(e.id) for e in hits]



def told_apart(a: CatalogEntry, b: CatalogEntry) -> bool:
    """Whether two sets of one model may be in force in the same year: both say which
    subjects they are for, and say it differently."""
    return a.applies_to is not None and b.applies_to is not None and \
        " ".join(a.applies_to.split()) != " ".join(b.applies_to.split())


def _overlays(plugins: pluggy.PluginManager | None,
              wanted: Sequence[str | os.PathLike[str]]) -> list[Overlay]:
    offered = collect_overlays(plugins) if plugins is not None else {}
    chosen = []
    for item in wanted:
        if isinstance(item, str) and item in offered:
            chosen.append(offered[item])
        elif Path(item).is_file():
            chosen.append(Overlay.from_yaml(item))
        else:
            names = ", ".join(sorted(offered)) or say("overlays-none")
            raise LearningModelsError.saying(say("no-overlay-named", name=str(item),
                                                 names=names))
    return chosen


def _years(years: set[int]) -> str:
    return f"{min(years)}" if len(years) == 1 else f"{min(years)}–{max(years)}"


def _verified_share(spec: CriteriaSet) -> float:
    indicators = len(spec.indicators)
    return spec.verified_indicators / indicators if indicators else 0.0


def _looks_like_criteria(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096].decode("utf-8", "replace")
    except OSError:
        return False
    return "learning-models/criteria-set/" in head
