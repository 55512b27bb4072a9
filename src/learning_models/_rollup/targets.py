"""A plan's targets applied to roll-up figures: the milestone in force, the number required,
the gap, and the sentence that says it (``cần thêm 37 gia đình học tập để đạt 90%``)."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from functools import lru_cache

from .._criteria import Lang, Text
from .._words import TARGET_NOUNS as NOUNS
from .types import SHARES, TargetCheck, TargetLike, TargetsLike

__all__ = ["NOUNS", "TargetChecker", "format_percent", "gap_sentence"]



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

    def model(self, model: str, denominator: int, recognised: int) -> tuple[TargetCheck, ...]:
        return tuple(self.check(t, denominator, recognised, model)
                     for t in self.targets_of_model(model))

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
