"""The period review (sơ kết / tổng kết) as plain frozen data with its JSON form: per area
and model the year-by-year series against the plan's milestones, and the subjects that kept
or lost recognition."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .._rollup import TextLike

__all__ = ["Lost", "Review", "Series", "YearFigure"]


@dataclass(frozen=True, slots=True)
class YearFigure:
    """One year of a series: the figure as that year's annual report printed it (mapped
    onto the review's areas when the areas changed), and the milestone in force."""

    year: int
    recognised: int
    denominator: int
    denominator_kind: str
    rate: float | None
    milestone_year: int | None
    milestone: float | None
    met: bool | None
    #: For a target that names its sets: ``"sets"``, measured on the subjects of those sets
    #: over their census as the annual report measured it (``sets``: the ids counted);
    #: ``"model"``, on the model's figure (the year's run kept no figures of the sets).
    #: None: the target names no sets, the figure is the model's.
    measured_on: str | None = None
    sets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "recognised": self.recognised,
                "denominator": self.denominator, "denominator_kind": self.denominator_kind,
                "rate": self.rate, "milestone_year": self.milestone_year,
                "milestone": self.milestone, "met": self.met,
                "measured_on": self.measured_on, "sets": list(self.sets)}


@dataclass(frozen=True, slots=True)
class Series:
    """One model in one area over the years of the period, against its target."""

    code: str
    name: str
    level: str
    model: str
    target: str | None
    target_title: TextLike | None
    goal_year: int | None          # the milestone the period ends on
    goal: float | None
    years: tuple[YearFigure, ...]
    reached_in: int | None         # the first year the goal was reached
    gap: int | None                # how many more were needed in the last year for the goal
    target_sets: tuple[str, ...] = ()   # the sets the target names (its ``sets:``), if any

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level,
                "model": self.model, "target": self.target,
                "target_title": None if self.target_title is None
                else {"vi": self.target_title.vi, "en": self.target_title.en},
                "goal_year": self.goal_year, "goal": self.goal,
                "years": [y.to_dict() for y in self.years], "reached_in": self.reached_in,
                "gap": self.gap, "target_sets": list(self.target_sets)}


@dataclass(frozen=True, slots=True)
class Lost:
    """A subject recognised in one year and not in the next year it was evaluated."""

    model: str
    subject: str
    area: str | None
    recognised_in: int
    lost_in: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "subject": self.subject, "area": self.area,
                "recognised_in": self.recognised_in, "lost_in": self.lost_in,
                "status": self.status}


@dataclass(frozen=True)
class Review:
    """The review of a period from a history: its years, series, and continuity."""

    place: str
    period: str
    years: tuple[int, ...]
    targets: str | None
    series: tuple[Series, ...]
    every_year: dict[str, int]            # model → subjects recognised every year
    lost: tuple[Lost, ...]
    carried: tuple[tuple[int, str, str], ...] = ()   # (year, old code, code it became)
    #: "interim" (sơ kết: part way, or a phase inside the plan) or "final" (tổng kết: the
    #: figures reach the end of a period that ends the plan)
    kind: str = "interim"

    def series_of(self, code: str, model: str) -> Series:
        for series in self.series:
            if series.code == code and series.model == model:
                return series
        raise KeyError((code, model))

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "period": self.period, "kind": self.kind,
                "years": list(self.years),
                "targets": self.targets, "series": [s.to_dict() for s in self.series],
                "recognised_every_year": dict(sorted(self.every_year.items())),
                "lost": [x.to_dict() for x in self.lost],
                "carried": [{"year": y, "old_code": old, "new_code": new}
                            for y, old, new in self.carried]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
