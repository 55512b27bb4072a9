"""What the impact of a criteria change is made of, as plain frozen data with its JSON form:
each subject whose status or grade changes, and per area and model the counts, the
indicators causing the changes and what happens to each target."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .._criteria import Text

__all__ = ["AreaImpact", "Direction", "Impact", "SetSide", "SubjectChange", "TargetShift",
           "direction_of", "mirror_direction"]

#: gained / lost: recognised after and not before / before and not after; changed: another
#: status change (e.g. not recognised → incomplete, or a record rejected by one set);
#: regraded: the same status, another grade.
Direction = Literal["gained", "lost", "changed", "regraded"]
DIRECTIONS: tuple[Direction, ...] = ("gained", "lost", "changed", "regraded")
_MIRROR: dict[Direction, Direction] = {"gained": "lost", "lost": "gained",
                                       "changed": "changed", "regraded": "regraded"}


def direction_of(before: str, after: str) -> Direction:
    """The direction of a change from status `before` to `after` (grades: `regraded`)."""
    if before == after:
        return "regraded"
    if after == "recognised":
        return "gained"
    if before == "recognised":
        return "lost"
    return "changed"


def mirror_direction(direction: Direction) -> Direction:
    return _MIRROR[direction]


@dataclass(frozen=True, slots=True)
class SetSide:
    """One side of the comparison: the set of the changed model, by id and content."""

    id: str
    content_hash: str
    title: Text

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "content_hash": self.content_hash,
                "title": {"vi": self.title.vi, "en": self.title.en}}


@dataclass(frozen=True, slots=True)
class SubjectChange:
    """One subject whose status or grade is not the same under the two sets. A status is
    one of an evaluation's, or ``rejected`` (the set refused the record)."""

    model: str
    subject: str
    area: str | None
    before: str
    after: str
    grade_before: str | None
    grade_after: str | None
    direction: Direction
    indicators: tuple[str, ...]      # whose points or status differ (in the set's order)

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "subject": self.subject, "area": self.area,
                "before": self.before, "after": self.after,
                "grade_before": self.grade_before, "grade_after": self.grade_after,
                "direction": self.direction, "indicators": list(self.indicators)}


@dataclass(frozen=True, slots=True)
class TargetShift:
    """One target in one area under each set: the rate, met or not, and the gap."""

    target: str
    title: Text
    rate_before: float | None
    rate_after: float | None
    met_before: bool
    met_after: bool
    gap_before: int
    gap_after: int

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "title": {"vi": self.title.vi, "en": self.title.en},
                "rate_before": self.rate_before, "rate_after": self.rate_after,
                "met_before": self.met_before, "met_after": self.met_after,
                "gap_before": self.gap_before, "gap_after": self.gap_after}


@dataclass(frozen=True, slots=True)
class AreaImpact:
    """One model in one area: recognised under each set, the changes by direction, the
    indicators behind them (how many changed subjects each touches, most first)."""

    code: str
    name: str
    level: str
    model: str
    recognised_before: int
    recognised_after: int
    directions: Mapping[str, int]
    causes: tuple[tuple[str, int], ...]
    targets: tuple[TargetShift, ...]

    @property
    def changed(self) -> int:
        return sum(self.directions.values())

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level,
                "model": self.model, "recognised_before": self.recognised_before,
                "recognised_after": self.recognised_after,
                "directions": dict(self.directions),
                "causes": [{"indicator": i, "subjects": n} for i, n in self.causes],
                "targets": [t.to_dict() for t in self.targets]}


@dataclass(frozen=True)
class Impact:
    """The impact of replacing one set by another on one year's data."""

    year: int
    model: str
    before: SetSide
    after: SetSide
    targets: str | None
    changes: tuple[SubjectChange, ...]
    areas: tuple[AreaImpact, ...]

    def __bool__(self) -> bool:
        """Whether anything changes."""
        return bool(self.changes)

    def area(self, code: str, model: str) -> AreaImpact:
        for area in self.areas:
            if area.code == code and area.model == model:
                return area
        raise KeyError((code, model))

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "model": self.model, "before": self.before.to_dict(),
                "after": self.after.to_dict(), "targets": self.targets,
                "areas": [a.to_dict() for a in self.areas],
                "changes": [c.to_dict() for c in self.changes]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
