"""The review as tables a person reads (Vietnamese by default, English with ``lang="en"``),
shared by the HTML page and the workbook so that both show the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from .._criteria import Lang
from .._rollup import format_percent
from .._words import REVIEW_WORDS
from .impact_table import model_word
from .review_model import Review, Series, YearFigure
from .review_targets import measured_word, target_notes

__all__ = ["REVIEW_WORDS", "ReviewTables", "carried_notes", "review_tables", "series_label"]



@dataclass(frozen=True)
class ReviewTables:
    title: str
    subtitle: str
    notes: tuple[str, ...]
    series_headers: tuple[str, ...]
    series_rows: tuple[tuple[str | int | None, ...], ...]
    summary_headers: tuple[str, ...]
    summary_rows: tuple[tuple[str | int | None, ...], ...]
    lost_headers: tuple[str, ...]
    lost_rows: tuple[tuple[str | int | None, ...], ...]


def series_label(series: Series, lang: Lang) -> str:
    return REVIEW_WORDS["whole"][lang] if series.code == "*" else \
        f"{series.name} ({series.code})"


def review_tables(found: Review, lang: Lang = "vi", *, today: int | None = None,
                  ) -> ReviewTables:
    """The series (a row per area, model and year), the summary (a row per area and
    model) and the subjects that lost recognition."""
    w = {k: v[lang] for k, v in REVIEW_WORDS.items()}
    title = w["title"].format(kind=w[found.kind], period=found.period.replace("-", "–"))
    subtitle = w["subtitle"].format(years=", ".join(map(str, found.years)),
                                    targets=found.targets or w["none"])
    series_rows = tuple((series_label(s, lang), model_word(s.model, lang), y.year,
                         y.recognised, y.denominator, _percent(y.rate, lang),
                         _percent(y.milestone, lang), _met(y, lang), measured_word(y, lang))
                        for s in found.series for y in s.years)
    summary_rows = tuple((series_label(s, lang), model_word(s.model, lang),
                          _percent(s.goal, lang), s.reached_in, s.gap)
                         for s in found.series)
    lost_rows = tuple((model_word(x.model, lang), x.subject, x.area, x.recognised_in,
                       x.lost_in, x.status) for x in found.lost)
    return ReviewTables(
        title, subtitle, (*carried_notes(found, lang), *target_notes(found, lang)),
        (w["area"], w["model"], w["year"], w["recognised"], w["denominator"], w["rate"],
         w["milestone_col"], w["met"], w["measured_on"]), series_rows,
        (w["area"], w["model"], w["goal"], w["reached"], w["gap"]), summary_rows,
        (w["model"], w["subject"], w["area"], w["recognised_in"], w["lost_in"], w["status"]),
        lost_rows)


def carried_notes(found: Review, lang: Lang) -> tuple[str, ...]:
    """One sentence per year whose areas were carried through a crosswalk."""
    by_year: dict[int, list[str]] = {}
    for year, old, new in found.carried:
        by_year.setdefault(year, []).append(f"{old} → {new}")
    return tuple(REVIEW_WORDS["carried"][lang].format(year=y, pairs=", ".join(pairs))
                 for y, pairs in sorted(by_year.items()))


def _percent(value: float | None, lang: Lang) -> str | None:
    return None if value is None else format_percent(value, lang)


def _met(figure: YearFigure, lang: Lang) -> str | None:
    if figure.met is None:
        return None
    return REVIEW_WORDS["yes" if figure.met else "no"][lang]
