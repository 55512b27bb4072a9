"""A plan's targets (chỉ tiêu), format ``learning-models/targets/1``.

A targets file says, for one area (the country, a province, a city …), which shares a plan
asks for by which milestone year: the share of families recognised as learning families by
2025, of learning citizens among workers by 2030, and so on. It is read like a criteria set:
YAML with positions, the shipped JSON Schema for shape, then the checks a schema cannot say
(unique target ids, ``model`` exactly with ``recognised_share``, a ``model`` that exists),
every problem located.

Which models exist: by default the five of Programme 387 (`MODELS`) — what ``validate``
checks; a caller that knows more (the ``report`` command: the built-in five and every model
a set of its catalogue governs, plugins' included) passes them as ``models``. A model no
criteria set governs would only leave its target silently unmeasured, so it is an error,
with the nearest known model as a hint (``clann`` → ``clan``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, PrivateAttr

from .._criteria import MODELS, Source, Text
from .._documents import (
    RawDocument,
    SourceMap,
    build_located,
    check_shape,
    load_yaml,
    say,
    schema,
    schema_problem,
    suggestion,
    where_said,
)
from ..errors import CriteriaError, Problem
from .catalog import Catalog, shipped_criteria_dir
from .targets_sets import local_versions, set_problems

if TYPE_CHECKING:  # jsonschema is imported when a document is checked, not with the package
    import jsonschema
from .._documents import check_path

__all__ = ["MODELS", "Area", "Letterhead", "Measure", "Target", "Targets", "load_targets",
           "shipped_targets", "targets_schema", "validate_targets"]

#: The models of Programme 387, which a target may always name.

Measure = Literal["recognised_share", "citizens_in_learning_households",
                  "citizens_in_learning_units", "reported_share"]
AreaLevel = Literal["country", "province", "city", "district", "commune"]

#: The measure that counts a model's recognised subjects, and so names the model.
MODEL_MEASURE = "recognised_share"

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*$")
_HINTS = {"id": "hint-target-id", "code": "hint-area-code", "model": "hint-pattern-model"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Area(_Frozen):
    """The area a plan covers: its level, administrative code (if any) and name."""

    level: AreaLevel
    code: str | None = None
    name: Text


class Letterhead(_Frozen):
    """Who issues the written report and whom it goes to (Decree 30/2020/NĐ-CP); a missing
    value takes the default drawn from the area."""

    superior: Text | None = None
    issuer: Text | None = None
    symbol: str | None = None
    place: Text | None = None
    recipients: tuple[Text, ...] = ()


class Target(_Frozen):
    """One target: a measure and the share to reach by each milestone year."""

    id: str
    title: Text
    measure: Measure
    model: str | None = None
    milestones: dict[int, float]
    #: The sets whose subjects it counts (ids, or ids without their period); None: all.
    sets: tuple[str, ...] | None = None
    #: The area-list column holding the census of those subjects (default: the model's).
    census: str | None = None
    source: Source | None = None

    def milestone_for(self, year: int) -> tuple[int, float]:
        """The milestone in force in `year`: the nearest milestone year at or after it (the
        last milestone when the year is past them all), as (milestone year, share)."""
        years = sorted(self.milestones)
        chosen = next((y for y in years if y >= year), years[-1])
        return chosen, self.milestones[chosen]


class Targets(_Frozen):
    """A plan's targets for one area (a targets file)."""

    format: Literal["learning-models/targets/1"]
    id: str
    title: Text
    source: Source
    area: Area
    targets: tuple[Target, ...]
    letterhead: Letterhead | None = None
    _source: SourceMap | None = PrivateAttr(default=None)

    @property
    def source_map(self) -> SourceMap | None:
        """Where each value was written (None for targets built in memory)."""
        return self._source

    @property
    def file(self) -> str | None:
        return None if self._source is None else self._source.file

    def get(self, ident: str) -> Target:
        """The target with this id; KeyError when there is none."""
        for target in self.targets:
            if target.id == ident:
                return target
        raise KeyError(ident)

    def source_of(self, target: Target) -> Source:
        """Where a target comes from: its own source, else the file's."""
        return target.source or self.source


def targets_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the targets format, version 1."""
    return schema("targets")


def shipped_targets() -> dict[str, Path]:
    """The shipped targets files by id (the file name without ``.yaml``)."""
    folder = shipped_criteria_dir() / "targets"
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def load_targets(path_or_id: str | os.PathLike[str], *,
                 display_name: str | None = None,
                 models: Collection[str] | None = None,
                 sets: Mapping[str, str] | None = None,
                 catalog: Catalog | None = None) -> Targets:
    """Load a targets file, or the shipped targets with this id (``vn-387``).

    An existing file wins over an id. A target's ``model`` must be one of `models` (default:
    the five of Programme 387, `MODELS`; give the models of your catalogue when plugins add
    some); a target's ``sets`` must name sets of `sets` (id → model; default: the shipped
    catalogue's) of its model. Given `catalog`, both default to its sets' (plugins' and
    folders' included), and a target also counts the sets of the catalogue that extend a set
    it names within their period (`local_versions`). Raises `CriteriaError` with every
    problem found, each as FILE:LINE:COLUMN.
    """
    check_path(path_or_id, "path_or_id")
    path = Path(path_or_id)
    if not path.is_file() and isinstance(path_or_id, str) and _ID.match(path_or_id):
        shipped = shipped_targets()
        if path_or_id in shipped:
            name = display_name or f"criteria/targets/{path_or_id}.yaml"
            return validate_targets(load_yaml(shipped[path_or_id], display_name=name),
                                    models=models, sets=sets, catalog=catalog)
        if not path.suffix:
            hint = suggestion(path_or_id, shipped) or \
                say("shipped-targets", ids=", ".join(shipped) or "—")
            raise CriteriaError([Problem.of(
                "file-not-found", say("no-targets", id=path_or_id), hint=hint)])
    return validate_targets(load_yaml(path, display_name=display_name), models=models,
                            sets=sets, catalog=catalog)


def validate_targets(raw: RawDocument, *, models: Collection[str] | None = None,
                     sets: Mapping[str, str] | None = None,
                     catalog: Catalog | None = None) -> Targets:
    """Check a loaded document against the targets format and build the frozen `Targets`;
    a target's ``model`` must be one of `models` (default: `MODELS`), its ``sets`` sets of
    `sets` (id → model; default: the shipped catalogue's) that govern its model. Given
    `catalog`, `models` and `sets` default to its own, and each target's ``sets`` gains the
    catalogue's local versions of the sets it names (`local_versions`).

    Raises `CriteriaError` with every problem found, each located in the file.
    """
    data = check_shape(raw, "targets", _schema_problem)
    source = raw.source
    entries = catalog.entries() if catalog is not None else None
    if entries is not None:
        models = {e.model for e in entries} if models is None else models
        sets = {e.id: e.model for e in entries} if sets is None else sets
    known = MODELS if models is None else tuple(dict.fromkeys((*MODELS, *sorted(models))))
    problems = [*_meaning_problems(data, source, known), *_sets_problems(data, source, sets)]
    targets = build_located(Targets, data, source, problems)
    if entries is not None:
        targets = targets.model_copy(update={"targets": tuple(
            t if t.sets is None else t.model_copy(update={"sets": local_versions(t.sets, entries)})
            for t in targets.targets)})
    targets._source = source
    return targets


def _schema_problem(error: jsonschema.ValidationError, source: SourceMap) -> Problem | None:
    """A schema error as a located problem (None: a consequence of another problem)."""
    path = tuple(error.absolute_path)
    kind = str(error.validator)
    instance: Any = error.instance
    expected: Any = error.validator_value
    where = where_said(path, say("doc-targets"))
    if kind == "not" and len(path) == 2 and path[0] == "targets":  # model without its measure
        measure = instance.get("measure")
        if measure not in get_args(Measure):  # the measure itself is reported
            return None
        model_at = where_said((*path, "model"), say("doc-targets"))
        return Problem.of("invalid-value", say("target-model-measure", where=model_at,
                                               allowed=MODEL_MEASURE, measure=measure),
                          source.locate((*path, "model"), key=True),
                          hint=say("target-model-measure-hint"))
    if kind == "required" and len(path) == 2 and path[0] == "targets" \
            and "model" in expected and instance.get("measure") == MODEL_MEASURE:
        return Problem.of("missing-key", say("missing-key-in", key="model", where=where),
                          source.locate(path), hint=say("target-model-missing-hint"))
    if error.schema_path and "propertyNames" in error.schema_path:
        return Problem.of("invalid-value", say("not-a-milestone", value=instance, where=where),
                          source.locate((*path, instance), key=True),
                          hint=say("milestone-hint"))
    return schema_problem(error, source, document=say("doc-targets"),
                          pattern_hints={key: say(id_) for key, id_ in _HINTS.items()})


def _meaning_problems(data: dict[str, Any], source: SourceMap, models: Collection[str],
                      ) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for k, target in enumerate(data["targets"]):
        model = target.get("model")
        if model is not None and model not in models:
            plugins = None if set(models) - set(MODELS) else say("plugin-models-later")
            yield Problem.of("invalid-value", say("target-unknown-model", model=model, where=(
                             where_said(("targets", k), say("doc-targets")))),
                             source.locate(("targets", k, "model")),
                             hint=suggestion(model, models)
                             or say("known-models", models=", ".join(models), more=plugins))
        ident = target["id"]
        if ident in seen:
            first = source.locate(("targets", seen[ident], "id"))
            yield Problem.of("duplicate-target", say("target-id-twice", id=ident),
                             source.locate(("targets", k, "id")),
                             hint=say("first-used-line", line=first.line))
        else:
            seen[ident] = k


def _sets_problems(data: dict[str, Any], source: SourceMap,
                   sets: Mapping[str, str] | None) -> Iterator[Problem]:
    """The problems of the targets' ``sets`` (the shipped catalogue read only when needed)."""
    narrowed = [(k, t) for k, t in enumerate(data["targets"]) if "sets" in t]
    for k, target in enumerate(data["targets"]):
        if "census" in target and "sets" not in target:
            yield Problem.of("invalid-value",
                             say("census-without-sets",
                                 where=where_said(("targets", k), say("doc-targets"))),
                             source.locate(("targets", k, "census"), key=True),
                             hint=say("census-without-sets-hint"))
    if narrowed and sets is None:
        sets = {e.id: e.model for e in Catalog.default().entries()}
    for k, target in narrowed:
        yield from set_problems(target, k, source, sets or {})
