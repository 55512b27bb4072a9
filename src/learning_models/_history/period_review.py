"""Review a period from a history: for each area and model, the year-by-year series of the
current runs against every milestone of the plan, what was reached and when, the remaining
gap; the subjects recognised every year and those that lost recognition.

The figures are those each annual report printed (the roll-up a run keeps). A target that
names its sets (``sets:``) is measured, as the annual report measured it, on the subjects
of those sets over their census (the run's target figures); a run recorded before the
history kept them has none, and its year's target is measured on the model's figure —
each year says which (`YearFigure.measured_on`). Areas follow
the latest year's list: an earlier year's commune is carried onto the commune it became
through the crosswalks the later runs' data carried, and an area the earlier year did not
have is the sum of the communes that became it (counts and denominators add up; a rate is
recomputed from them). The whole dataset (``*``) is each year's own row.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import polars as pl

from .._criteria import period_years
from .._documents import say
from .._rollup import TargetLike, TargetsLike, ordered_models
from ..errors import HistoryError
from .review_model import Lost, Review, Series, YearFigure
from .store import History

__all__ = ["review"]

#: The levels a review shows (villages are too many for a series each).
REVIEW_LEVELS = ("all", "country", "province", "district", "commune")


def review(history: History, period: str, targets: TargetsLike | None = None) -> Review:
    """The review of `period` (``"2021-2025"``) from `history`'s current runs."""
    span = period_years(period)
    years = tuple(y for y in history.current() if y in span)
    if not years:
        raise HistoryError.saying(say("history-period-empty", place=history.place,
                                      period=period,
                                      years=", ".join(map(str, history.years()))
                                      or say("cli-none")))
    figures = history.figures(years=years)
    places = _places(figures, years[-1])
    below = _hierarchy(figures.filter(pl.col("year") == years[-1]))
    mappings = _mappings(history, years)
    by_target = {t.model: t for t in (targets.targets if targets else ()) if t.model}
    narrowed = _narrowed(history, years, figures)
    series = []
    for model in ordered_models(dict.fromkeys(figures["model"].unique().to_list())):
        target = by_target.get(model)
        measured = {y: _measured(figures, narrowed, model, target, y) for y in years}
        for code, name, level in places:
            points = tuple(_year(measured[y][0], code, mappings[y], below.get(code, []),
                                 target, y, measured[y][1])
                           for y in years)
            series.append(_series(code, name, level, model, points, target, span[-1]))
    results = history.results(years=years)
    carried = tuple((y, old, new) for y in years for old, new in sorted(mappings[y].items()))
    return Review(history.place, period, years, None if targets is None else targets.id,
                  tuple(series), _every_year(results, years), _lost(results, years), carried,
                  _kind(span[-1], years[-1], targets))


def _kind(end: int, last: int, targets: TargetsLike | None) -> str:
    """"final" (tổng kết) when the figures reach the period's end and the period ends the
    plan (its last milestone; without targets, the period itself); else "interim" (sơ
    kết): a review part way, or of a phase inside the plan (2021–2025 of 2021–2030)."""
    plan_end = max((y for t in (targets.targets if targets else ()) for y in t.milestones),
                   default=end)
    return "final" if last >= end >= plan_end else "interim"


def _places(figures: pl.DataFrame, last: int) -> list[tuple[str, str, str]]:
    """The areas of the last year (levels of `REVIEW_LEVELS`), top down."""
    areas = figures.filter(pl.col("year") == last,
                           pl.col("level").is_in(REVIEW_LEVELS)) \
        .unique("code", keep="first", maintain_order=True)
    order = {level: n for n, level in enumerate(REVIEW_LEVELS)}
    rows = sorted(areas.select("code", "name", "level").iter_rows(),
                  key=lambda r: (order[r[2]], r[0]))
    return [(str(c), str(n), str(lv)) for c, n, lv in rows]


def _mappings(history: History, years: Sequence[int]) -> dict[int, dict[str, str]]:
    """Per year, old code → the code it became by the crosswalks of the later years' data
    (chains followed: A→B in one year, B→C later); empty for the last year."""
    crosswalks = history.crosswalks(years=years)
    run_year = {r.id: y for y, r in history.current().items()}
    found: dict[int, dict[str, str]] = {}
    for year in years:
        later = crosswalks.filter(pl.col("run").replace_strict(run_year, default=0) > year)
        found[year] = _chained(dict(zip(later["old_code"].to_list(),
                                        later["new_code"].to_list(), strict=True)))
    return found


def _chained(step: Mapping[str, str]) -> dict[str, str]:
    final: dict[str, str] = {}
    for old, code in step.items():
        seen = {old}
        while code in step and step[code] != code and step[code] not in seen:
            seen.add(code)
            code = step[code]
        final[old] = code
    return final


def _hierarchy(figures: pl.DataFrame) -> dict[str, list[str]]:
    """Per area of `figures` (one year's), every area below it."""
    children: dict[str, list[str]] = {}
    for code, parent in figures.select("code", "parent").unique().iter_rows():
        if parent is not None:
            children.setdefault(parent, []).append(code)
    def below(code: str) -> list[str]:
        return [c for child in children.get(code, []) for c in (child, *below(child))]
    return {code: below(code) for code in figures["code"].unique().to_list()}


def _narrowed(history: History, years: Sequence[int], figures: pl.DataFrame) -> pl.DataFrame:
    """The runs' target figures, each with its area's level (from the run's figures)."""
    levels = figures.select("year", "code", "model", "level").unique(("year", "code", "model"))
    return history.target_figures(years=years).join(levels, on=("year", "code", "model"),
                                                     how="left")


def _measured(figures: pl.DataFrame, narrowed: pl.DataFrame, model: str,
              target: TargetLike | None, year: int) -> tuple[pl.DataFrame, str | None]:
    """The rows `model`'s target is measured on in `year`, and on what: ``"sets"``, the
    figures the annual report measured a target that names its sets on; ``"model"``, the
    model's figure, for such a target whose run kept none (recorded before the history kept
    them); None, the model's figure, for a target that names no sets (or no target)."""
    rows = figures.filter(pl.col("model") == model, pl.col("year") == year)
    if target is None or not getattr(target, "sets", None):
        return rows, None
    own = narrowed.filter(pl.col("model") == model, pl.col("target") == target.id,
                          pl.col("year") == year)
    return (own, "sets") if not own.is_empty() else (rows, "model")


def _year(rows: pl.DataFrame, code: str, mapping: Mapping[str, str], below: Sequence[str],
          target: TargetLike | None, year: int, measured_on: str | None) -> YearFigure:
    """The figure of area `code` in `year` (`rows`: that year's rows of one model, or of
    its target's sets, `_measured`): the year's own row when the areas have not changed
    since, else the sum of the year's communes that became `code` or an area below it."""
    own = rows.filter(pl.col("code") == code)
    if code != "*" and (mapping or own.is_empty()):
        carried = rows.filter(pl.col("level") == "commune").with_columns(
            pl.col("code").replace(dict(mapping)).alias("now"))
        own = carried.filter(pl.col("now").is_in([code, *below]))
    recognised = int(own["recognised"].sum())
    denominator = int(own["denominator"].sum())
    kinds = set(own["denominator_kind"].to_list())
    kind = "area_total" if kinds == {"area_total"} else "subjects"
    rate = recognised / denominator if denominator else None
    milestone_year, milestone = target.milestone_for(year) if target else (None, None)
    met = None if milestone is None or rate is None else rate >= milestone
    sets = tuple(sorted({s for joined in own["sets"].to_list() for s in joined.split(",")
                         if s})) if "sets" in own.columns else ()
    return YearFigure(year, recognised, denominator, kind, rate, milestone_year, milestone,
                      met, measured_on, sets)


def _series(code: str, name: str, level: str, model: str, points: Sequence[YearFigure],
            target: TargetLike | None, end: int) -> Series:
    goal_year, goal = target.milestone_for(end) if target else (None, None)
    reached = next((p.year for p in points if goal is not None and p.rate is not None
                    and p.rate >= goal), None)
    last = points[-1]
    gap = None if goal is None else max(0, math.ceil(round(goal * last.denominator, 9))
                                        - last.recognised)
    return Series(code, name, level, model, None if target is None else target.id,
                  None if target is None else target.title,
                  goal_year, goal, tuple(points), reached, gap,
                  tuple(getattr(target, "sets", None) or ()))


def _every_year(results: pl.DataFrame, years: Sequence[int]) -> dict[str, int]:
    """Per model, how many subjects were recognised in every year of the review."""
    recognised = results.filter(pl.col("status") == "recognised") \
        .group_by("model", "subject").agg(pl.col("year").n_unique().alias("n")) \
        .filter(pl.col("n") == len(years)).group_by("model").len()
    counts = dict.fromkeys(results["model"].unique().to_list(), 0)
    counts.update(dict(recognised.iter_rows()))
    return counts


def _lost(results: pl.DataFrame, years: Sequence[int]) -> tuple[Lost, ...]:
    """Subjects recognised in a year and not in the next year of the review they appear in."""
    ordered = results.select("model", "subject", "area", "year", "status") \
        .sort("model", "subject", "year")
    step = ordered.with_columns(
        pl.col("status").shift(1).over("model", "subject").alias("before"),
        pl.col("year").shift(1).over("model", "subject").alias("before_year"))
    lost = step.filter(pl.col("before") == "recognised", pl.col("status") != "recognised")
    return tuple(Lost(m, s, a, int(by), int(y), st) for m, s, a, y, st, _, by in
                 lost.select("model", "subject", "area", "year", "status", "before",
                             "before_year").iter_rows())
