"""A plan's targets applied to roll-up figures: the milestone in force, the number required,
the gap, and the sentence that says it (``cần thêm 37 gia đình học tập để đạt 90%``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from typing import Any

from .._catalog import counted_by
from .._criteria import Lang, Text
from .._words import TARGET_NOUNS as NOUNS
from .._words import TARGET_WORDS
from .types import (
    SHARES,
    TOTAL_OF,
    CountedFigures,
    ModelFigures,
    SetFigures,
    TargetCheck,
    TargetLike,
    TargetsLike,
)

__all__ = ["NOUNS", "TargetChecker", "counted_sentence", "format_percent", "gap_sentence"]



def format_percent(value: float, lang: Lang = "vi", *, decimals: int = 1) -> str:
    """``0.555`` → ``55,5%`` (vi) / ``55.5%`` (en); whole numbers lose their decimals."""
    shown = f"{value * 100:.{decimals}f}"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return (shown.replace(".", ",") if lang == "vi" else shown) + "%"


class TargetChecker:
    """Applies a plan's targets (milestone in force for the year) to figures.

    What does not depend on the figures (the milestone, the title) is worked out once per
    target, and gap sentences once per (gap, share, noun): a national roll-up checks
    hundreds of thousands of figures against the same few targets."""

    def __init__(self, targets: TargetsLike | None, year: int | None) -> None:
        self.year = year
        self.all: tuple[TargetLike, ...] = () if targets is None else tuple(targets.targets)
        self.unmeasured = tuple(t for t in self.all
                                if t.measure not in ("recognised_share", *SHARES))
        self._fixed: dict[int, tuple[Text, int, float, Decimal]] = {}
        self._by_model: dict[str, tuple[TargetLike, ...]] = {}
        self._by_measure: dict[str, tuple[TargetLike, ...]] = {}

    def targets_of_model(self, model: str) -> tuple[TargetLike, ...]:
        chosen = self._by_model.get(model)
        if chosen is None:
            chosen = self._by_model[model] = tuple(
                t for t in self.all if t.measure == "recognised_share" and t.model == model)
        return chosen

    def targets_of_measure(self, measure: str) -> tuple[TargetLike, ...]:
        chosen = self._by_measure.get(measure)
        if chosen is None:
            chosen = self._by_measure[measure] = tuple(
                t for t in self.all if t.measure == measure)
        return chosen

    def model(self, figures: ModelFigures, totals: Mapping[str, Any] | None = None,
              one_set: str | None = None) -> tuple[TargetCheck, ...]:
        """The targets of `figures`' model: on the model's figure, or — a target that names
        its sets — on the subjects of those sets over their census (`totals`, the area's);
        `one_set`: the set that evaluated every subject when there are no per-set figures."""
        found = (self.check(t, figures.denominator, figures.recognised, figures.model)
                 if not getattr(t, "sets", None) else self.narrowed(t, figures, totals, one_set)
                 for t in self.targets_of_model(figures.model))
        return tuple(c for c in found if c is not None)

    def narrowed(self, target: TargetLike, figures: ModelFigures,
                 totals: Mapping[str, Any] | None, one_set: str | None) -> TargetCheck | None:
        """`target` measured on the subjects of its sets only; None when they are more than
        their census (a data problem: no share above 100 %, no target met)."""
        names: tuple[str, ...] = getattr(target, "sets", None) or ()
        per_set = figures.by_set or ((SetFigures(
            one_set, figures.evaluated, figures.recognised, figures.not_recognised,
            figures.incomplete),) if one_set is not None else ())
        chosen = [f for f in per_set if counted_by(names, f.criteria_set)]
        evaluated = sum(f.evaluated for f in chosen)
        recognised = sum(f.recognised for f in chosen)
        column = getattr(target, "census", None) or TOTAL_OF.get(figures.model, "")
        census = None if totals is None else totals.get(column)
        if census is not None and evaluated > int(census):
            return None
        denominator, kind = (int(census), "area_total") if census is not None else \
            (evaluated, "subjects")
        rate = recognised / denominator if denominator else None
        counted = CountedFigures(tuple(f.criteria_set for f in chosen), evaluated, recognised,
                          denominator, kind, rate)  # type: ignore[arg-type]
        check = self.check(target, denominator, recognised, figures.model)
        return replace(check, counted=counted,
                       sentence=counted_sentence(names, counted, check.sentence))

    def share(self, measure: str, denominator: int, learning: int) -> tuple[TargetCheck, ...]:
        return tuple(self.check(t, denominator, learning, "citizen")
                     for t in self.targets_of_measure(measure))

    def fixed(self, target: TargetLike) -> tuple[Text, int, float, Decimal]:
        """The title, milestone year, share and exact share of `target` for the year."""
        fixed = self._fixed.get(id(target))
        if fixed is None:
            assert self.year is not None
            year, value = target.milestone_for(self.year)
            fixed = self._fixed[id(target)] = (
                Text(vi=target.title.vi, en=target.title.en), year, float(value),
                Decimal(repr(float(value))))
        return fixed

    def check(self, target: TargetLike, denominator: int, reached: int,
              noun: str) -> TargetCheck:
        title, year, value, exact = self.fixed(target)
        required = int((exact * denominator).to_integral_value(rounding=ROUND_CEILING))
        gap = max(required - reached, 0)
        return TargetCheck(target.id, title, target.measure, year, value, required, gap,
                           gap == 0, gap_sentence(gap, value, noun))


@lru_cache(maxsize=65_536)
def gap_sentence(gap: int, value: float, noun: str) -> Text:
    """``cần thêm 37 gia đình học tập để đạt 90%`` / ``needs 37 more learning families to
    reach 90%``; or that the target is met."""
    vi_share, en_share = format_percent(value, "vi"), format_percent(value, "en")
    if gap <= 0:
        return Text(vi=f"đã đạt chỉ tiêu {vi_share}", en=f"target of {en_share} reached")
    words = NOUNS.get(noun, NOUNS["citizen"])
    return Text(vi=f"cần thêm {gap} {words['vi'][0]} để đạt {vi_share}",
                en=f"needs {gap} more {words['en'][gap != 1]} to reach {en_share}")


def counted_sentence(names: tuple[str, ...], counted: CountedFigures, gap: Text) -> Text:
    """The gap sentence of a target that names its sets, saying what it counts:
    ``chỉ tiêu chỉ tính đối tượng của bộ tiêu chí vn/2021-2025/unit: 54/58 (93,1%); cần
    thêm …`` (the sets counted, else the names the target gives)."""
    def worded(lang: Lang) -> str:
        share = "—" if counted.rate is None else format_percent(counted.rate, lang)
        return TARGET_WORDS["counted"][lang].format(
            sets=", ".join(counted.sets or names), reached=counted.recognised,
            denominator=counted.denominator, share=share, gap=gap.get(lang))
    return Text(vi=worded("vi"), en=worded("en"))
