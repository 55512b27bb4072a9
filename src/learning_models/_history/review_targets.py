"""What the review says about a target that names its criteria sets (``sets:``): on what
each year's figure was measured, in the annual report's words (`TARGET_WORDS`)."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from .._criteria import Lang
from .._rollup import format_percent, gap_sentence
from .._words import REVIEW_WORDS, TARGET_WORDS
from .impact_table import model_word
from .review_model import Review, Series, YearFigure

__all__ = ["measured_word", "target_notes", "target_notes_by_model"]


def measured_word(figure: YearFigure, lang: Lang) -> str | None:
    """The cell "target measured on": the sets counted, the model's figure, or nothing (a
    target that names no sets)."""
    if figure.measured_on == "sets":
        return ", ".join(figure.sets)
    if figure.measured_on == "model":
        return REVIEW_WORDS["model_figure"][lang]
    return None


def target_notes(found: Review, lang: Lang) -> tuple[str, ...]:
    """Per model whose target names its sets, per year: the whole area's figure the target
    was measured on, in the sentence the annual report prints (or, for a year whose run
    kept no figures of the sets, that the model's figure was used, and why)."""
    return tuple(note for notes in target_notes_by_model(found, lang).values()
                 for note in notes)


def target_notes_by_model(found: Review, lang: Lang) -> dict[str, tuple[str, ...]]:
    """`target_notes`, by model (models whose target names no sets: none)."""
    found_notes = {series.model: tuple(_note(series, point, lang) for point in series.years
                                       if point.measured_on is not None)
                   for series in _whole(found)}
    return {model: notes for model, notes in found_notes.items() if notes}


def _whole(found: Review) -> list[Series]:
    """Each model's widest series (the whole dataset's when the review shows one)."""
    first: dict[str, Series] = {}
    for series in found.series:
        first.setdefault(series.model, series)
    return list(first.values())


def _note(series: Series, point: YearFigure, lang: Lang) -> str:
    share = "—" if point.rate is None else format_percent(point.rate, lang)
    gap = "" if point.milestone is None else gap_sentence(_gap(point), point.milestone,
                                                          series.model).get(lang)
    words = TARGET_WORDS["counted" if point.measured_on == "sets" else "model_figure"][lang]
    sentence = words.format(sets=", ".join(point.sets or series.target_sets),
                            reached=point.recognised, denominator=point.denominator,
                            share=share, gap=gap)
    area = REVIEW_WORDS["whole"][lang] if series.code == "*" else series.name
    return REVIEW_WORDS["target_note"][lang].format(
        year=point.year, area=area, model=model_word(series.model, lang), sentence=sentence)


def _gap(point: YearFigure) -> int:
    """How many more the year needed for its milestone, as the annual report counts it."""
    assert point.milestone is not None
    exact = Decimal(repr(float(point.milestone))) * point.denominator
    return max(int(exact.to_integral_value(rounding=ROUND_CEILING)) - point.recognised, 0)
