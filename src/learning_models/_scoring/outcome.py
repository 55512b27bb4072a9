"""What one subject's evaluation is made of, as plain frozen data: the provenance of a
result, each indicator's outcome and each gap, and their JSON forms.

`results` builds these from a row of the scored table; `explain` renders them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .._criteria import AppliedOverlay, Document

__all__ = ["Gap", "IndicatorResult", "IndicatorStatus", "ItemStatus", "Provenance", "Status",
           "gap_dict", "indicator_dict", "item_status"]

IndicatorStatus = Literal["met", "partly_met", "not_met", "missing", "not_applicable"]
#: An item of a checklist (format 1.1 ``items``): met, not met, or its evidence missing.
ItemStatus = Literal["met", "not_met", "missing"]
Status = Literal["recognised", "not_recognised", "incomplete"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """What an evaluation rests on: which set (by content), which engine, which year."""

    criteria_set: str
    period: str
    content_hash: str
    engine: str
    year: int | None
    overlays: tuple[AppliedOverlay, ...] = ()    # local changes to the set

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"criteria_set": self.criteria_set, "period": self.period,
                "content_hash": self.content_hash, "engine": self.engine, "year": self.year}
        if self.overlays:
            data["overlays"] = [o.to_dict() for o in self.overlays]
        return data


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """One indicator's outcome for one subject, with the values it read."""

    indicator: str
    criterion: str
    points: float
    max_points: float
    status: IndicatorStatus
    mandatory: bool
    inputs: Mapping[str, object]
    evidence: tuple[str | Document, ...]    # the set's: names, or named documents (1.1)
    #: Format 1.1: each item of its checklist, (id, status), in the set's order.
    items: tuple[tuple[str, ItemStatus], ...] = ()
    #: Format 1.1: the record's references to the documents it rests on (file names, links).
    documents: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return indicator_dict(self.indicator, self.points, self.max_points, self.status,
                              self.items, self.documents)


@dataclass(frozen=True, slots=True)
class Gap:
    """An indicator whose fulfilment is part of the smallest way to pass."""

    indicator: str
    points: float          # points it would add
    mandatory: bool
    status: IndicatorStatus
    evidence: tuple[str | Document, ...]

    def to_dict(self) -> dict[str, Any]:
        return gap_dict(self.indicator, self.points, self.mandatory, self.status)


def indicator_dict(ident: str, points: float, max_points: float, status: str,
                   items: Sequence[tuple[str, str]] = (), documents: Sequence[str] = (),
                   ) -> dict[str, Any]:
    data: dict[str, Any] = {"id": ident, "points": points, "max_points": max_points,
                            "status": status}
    if items:
        data["items"] = [{"id": item, "status": said} for item, said in items]
    if documents:
        data["documents"] = list(documents)
    return data


def item_status(value: bool | None) -> ItemStatus:
    """How an item's condition reads: met (true), not met (false), missing (null)."""
    return "missing" if value is None else "met" if value else "not_met"


def gap_dict(ident: str, points: float, mandatory: bool, status: str) -> dict[str, Any]:
    return {"id": ident, "points": points, "mandatory": mandatory, "status": status}
