"""The figures of a roll-up, area by area, and their JSON form; what a plan's targets must
offer (structurally) to be checked; the names every part of the roll-up shares."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from .._criteria import MODELS as BASE_MODELS
from .._criteria import Text
from .._evidence import AREA_LEVELS
from .quality import DataQuality

__all__ = [
    "ALL",
    "EXTRA_TOTALS",
    "LEVELS",
    "MODELS",
    "SHARES",
    "STATUSES",
    "TOTALS",
    "TOTAL_OF",
    "UNLOCATED",
    "AreaRollup",
    "CountedFigures",
    "Denominator",
    "ModelFigures",
    "RateChange",
    "Rollup",
    "SetFigures",
    "ShareFigures",
    "TargetCheck",
    "TargetLike",
    "TargetsLike",
    "TextLike",
    "ordered_models",
]

#: The code of the whole-dataset row.
ALL = "*"
#: The code of the line of subjects whose area is not known ("Chưa xác định địa bàn"): with
#: the top areas, it adds up to the whole dataset.
UNLOCATED = "?"
#: Levels from the top down; ``all`` is the whole dataset.
LEVELS: tuple[str, ...] = ("all", *AREA_LEVELS)
#: Models in the order reports show them.
#: The models in the order reports show them: the recognised titles first, then the share of
#: learning citizens.
MODELS = (*BASE_MODELS[1:], BASE_MODELS[0])
#: The area-list column that holds each model's denominator.
TOTAL_OF: dict[str, str] = {"family": "households", "clan": "clans",
                            "community": "communities", "unit": "units"}
#: Area-list columns a model's census adds to its own column: the units above the
#: communes (district and provincial units, Circulars 22/2020 and 24/2023), counted apart
#: from the commune-level units the plans' targets are about (``units``).
EXTRA_TOTALS: dict[str, tuple[str, ...]] = {"unit": ("higher_units",)}
TOTALS = tuple(sorted({*TOTAL_OF.values(), *(c for cs in EXTRA_TOTALS.values() for c in cs)}))
SHARES = ("citizens_in_learning_households", "citizens_in_learning_units")
STATUSES = ("recognised", "not_recognised", "incomplete", "rejected")

Denominator = Literal["area_total", "subjects"]


def ordered_models(models: Mapping[str, object]) -> list[str]:
    """The models of `models` in the order reports show them (unknown ones last, by name)."""
    return sorted(models, key=lambda m: (MODELS.index(m) if m in MODELS else len(MODELS), m))


# --- the targets interface (structural: any object with these attributes will do) -----------


class TextLike(Protocol):
    @property
    def vi(self) -> str: ...
    @property
    def en(self) -> str: ...


class TargetLike(Protocol):
    """One target of a plan, as `load_targets` gives it."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> TextLike: ...
    @property
    def measure(self) -> str: ...
    @property
    def model(self) -> str | None: ...
    @property
    def milestones(self) -> Mapping[int, float]: ...
    def milestone_for(self, year: int) -> tuple[int, float]: ...


class TargetsLike(Protocol):
    """A plan's targets, as `load_targets` gives them."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> TextLike: ...
    @property
    def targets(self) -> Sequence[TargetLike]: ...


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountedFigures:
    """What a target that names its sets (``sets:``) is measured on, in one area: the
    subjects of those sets only — recognised, evaluated — over the census of exactly those
    subjects (the area list's ``census`` column, else the evaluated subjects)."""

    sets: tuple[str, ...]       # the sets counted (ids as evaluated)
    evaluated: int
    recognised: int
    denominator: int
    denominator_kind: Denominator
    rate: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"sets": list(self.sets), "evaluated": self.evaluated,
                "recognised": self.recognised, "denominator": self.denominator,
                "denominator_kind": self.denominator_kind, "rate": self.rate}


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """One target applied to one figure: the milestone in force and the gap to it."""

    target: str
    title: Text
    measure: str
    milestone_year: int
    value: float               # the share to reach, 0..1
    required: int              # ceil(value × denominator)
    gap: int                   # how many more are needed (0 when met)
    met: bool
    sentence: Text
    #: For a target that names its sets: what it counts (None: the model's figure).
    counted: CountedFigures | None = None

    def to_dict(self) -> dict[str, Any]:
        counted = {} if self.counted is None else {"counted": self.counted.to_dict()}
        return {"target": self.target, "title": _text(self.title), "measure": self.measure,
                "milestone_year": self.milestone_year, "value": self.value,
                "required": self.required, "gap": self.gap, "met": self.met,
                "sentence": _text(self.sentence), **counted}


@dataclass(frozen=True, slots=True)
class RateChange:
    """The same figure in an earlier year (rolled up onto this year's areas) and the change."""

    year: int | None
    recognised: int
    denominator: int
    denominator_kind: Denominator
    rate: float | None
    recognised_change: int          # this year − that year
    rate_change: float | None       # in percentage points; None unless both rates rest
                                    # on the same kind of denominator

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "recognised": self.recognised,
                "denominator": self.denominator, "denominator_kind": self.denominator_kind,
                "rate": self.rate, "recognised_change": self.recognised_change,
                "rate_change_points": self.rate_change}


@dataclass(frozen=True, slots=True)
class SetFigures:
    """The subjects of a model one of its sets evaluated, in one area: when several sets of
    the model are in force (format 1.1, ``applies_to``), the model's figures counted per
    set. They add up to the model's: every evaluated subject is in one set's figures (the
    rejected records are in none)."""

    criteria_set: str
    evaluated: int
    recognised: int
    not_recognised: int
    incomplete: int

    def to_dict(self) -> dict[str, Any]:
        return {"criteria_set": self.criteria_set, "evaluated": self.evaluated,
                "recognised": self.recognised, "not_recognised": self.not_recognised,
                "incomplete": self.incomplete}


@dataclass(frozen=True, slots=True)
class ModelFigures:
    """One model in one area."""

    model: str
    subjects: int              # records in the data: evaluated + rejected
    evaluated: int
    recognised: int
    not_recognised: int
    incomplete: int
    rejected: int
    area_total: int | None     # the total from the area list (own, or summed over children)
    denominator: int
    denominator_kind: Denominator
    rate: float | None
    targets: tuple[TargetCheck, ...] = ()
    changes: tuple[RateChange, ...] = ()
    #: Why the figure cannot be published as it is (``over_total``: more records than the
    #: area's total; its rate is then None and no target is checked), or None.
    data_problem: str | None = None
    #: Per set, when the model's records went to several sets in force (else empty).
    by_set: tuple[SetFigures, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        by_set = {"by_set": [f.to_dict() for f in self.by_set]} if self.by_set else {}
        return {"subjects": self.subjects, "data_problem": self.data_problem,
                "evaluated": self.evaluated,
                "recognised": self.recognised, "not_recognised": self.not_recognised,
                "incomplete": self.incomplete, "rejected": self.rejected,
                "area_total": self.area_total, "denominator": self.denominator,
                "denominator_kind": self.denominator_kind, "rate": self.rate,
                "targets": [t.to_dict() for t in self.targets],
                "changes": [c.to_dict() for c in self.changes], **by_set}


@dataclass(frozen=True, slots=True)
class ShareFigures:
    """A learning-citizen share in one area: ``learning`` of ``citizens`` (see `counts`)."""

    measure: str
    citizens: int              # workers in learning households / staff of learning units
    learning: int              # of whom recognised learning citizens
    rate: float | None
    basis: tuple[str, ...]     # the models whose recognition puts a citizen in the count
    targets: tuple[TargetCheck, ...] = ()
    changes: tuple[RateChange, ...] = ()

    @property
    def denominator_kind(self) -> Denominator:
        return "subjects"

    def to_dict(self) -> dict[str, Any]:
        return {"citizens": self.citizens, "learning": self.learning, "rate": self.rate,
                "basis": list(self.basis), "denominator_kind": self.denominator_kind,
                "targets": [t.to_dict() for t in self.targets],
                "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True, slots=True)
class AreaRollup:
    """Every figure of one area."""

    code: str
    name: str
    level: str
    parent: str | None
    models: Mapping[str, ModelFigures]
    shares: Mapping[str, ShareFigures]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level,
                "parent": self.parent,
                "models": {m: f.to_dict() for m, f in sorted(self.models.items())},
                "shares": {m: f.to_dict() for m, f in sorted(self.shares.items())}}


@dataclass(frozen=True)
class Rollup:
    """The roll-up of one evaluation year, area by area."""

    year: int | None
    targets_id: str | None
    targets_title: Text | None
    areas: tuple[AreaRollup, ...]             # by level (top first), then code
    previous_years: tuple[int | None, ...] = ()
    unmeasured: tuple[tuple[str, Text], ...] = ()   # targets the data cannot measure
    notes: tuple[Text, ...] = ()
    quality: DataQuality = field(default_factory=DataQuality)

    def area(self, code: str) -> AreaRollup:
        """The area with this code (``*`` for the whole dataset); KeyError when unknown."""
        for area in self.areas:
            if area.code == code:
                return area
        raise KeyError(code)

    def at_level(self, level: str) -> tuple[AreaRollup, ...]:
        return tuple(a for a in self.areas if a.level == level)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready and deterministic: same evaluation and targets, same data."""
        return {"year": self.year, "targets": self.targets_id,
                "targets_title": None if self.targets_title is None
                else _text(self.targets_title),
                "previous_years": list(self.previous_years),
                "areas": [a.to_dict() for a in self.areas],
                "unmeasured_targets": [{"target": t, "title": _text(title)}
                                       for t, title in self.unmeasured],
                "notes": [_text(n) for n in self.notes],
                "data_quality": self.quality.to_dict()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _text(text: TextLike) -> dict[str, str]:
    return {"en": text.en, "vi": text.vi}
