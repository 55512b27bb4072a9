"""Roll evaluation results up by area and compare them with a plan's targets.

For every area at every level — villages (the community subjects, and villages in the area
list), communes, districts where they still exist, provinces, the country, and the whole
dataset (``*``) — and for every model: how many subjects, evaluated, recognised, not
recognised, incomplete, rejected; the recognition rate over the right denominator, and which
one was used; the two learning-citizen shares of Decisions 387/677; the plan's target for the
nearest milestone year and the gap to it, as numbers and as a sentence; and the change since
earlier years, with old area codes mapped through the crosswalk onto the newer ones.

Denominators. The plan's rates are recognised ÷ *all* (all households of the area, not only
those that registered). When the area list gives the total (``households`` for families,
``clans``, ``communities``, ``units``) that is the denominator (``"area_total"``); a higher
area without its own total uses the sum over its children when every child has one. Otherwise
the denominator is the number of subjects in the data (evaluated + rejected records,
``"subjects"``), and the figures say so.

Learning-citizen shares: see `counts`, which counts them.

Invariants, kept where the figures are made. A figure with more records than its area's
total is a data problem (``data_problem: "over_total"``): no rate, no target checked — never
a rate above 100 %, never "đạt chỉ tiêu". Subjects of no known area are counted on their own
line (code ``?``, "Chưa xác định địa bàn"), so the top areas and that line add up to the
whole dataset. An area whose total cannot be read keeps its place and its counts (the area
list keeps it, its total unknown). What the data got wrong is the roll-up's data-quality
section (`_rollup_quality`), the crosswalks' codes checked first (`_area_codes`).

Everything is computed column-wise (group-bys and joins over the scored tables); Python loops
run over areas and targets only, never over subjects.

Modules, each with one job, in the order the data flows: `types` (the figures and
their JSON), `areas` (the hierarchy, ancestors, totals, crosswalks), `counts`
(the counting), `targets` (targets and gap sentences), `table` (the roll-up
as one table); this module puts them together. Every name they had here still imports here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import polars as pl

from .._criteria import Text
from .._documents import say
from .._scoring import DatasetEvaluation, check_evaluation
from ..errors import LearningModelsError
from .area_codes import checked_crosswalks, correction_issues
from .areas import area_closure as area_closure
from .areas import code_mapping, effective_totals, evaluation_hierarchy, previous_totals
from .areas import extend_closure as extend_closure
from .areas import hierarchy as hierarchy
from .counts import SET_SEPARATOR
from .counts import AreaCounts as AreaCounts
from .counts import Earlier as Earlier
from .counts import add_counts as add_counts
from .counts import count_by_area as count_by_area
from .quality_check import assess_quality
from .table import TABLE_COLUMNS as TABLE_COLUMNS
from .table import rollup_table as rollup_table
from .targets import NOUNS as NOUNS
from .targets import TargetChecker, format_percent
from .targets import gap_sentence as gap_sentence
from .types import (
    ALL,
    EXTRA_TOTALS,
    LEVELS,
    MODELS,
    TOTALS,
    UNLOCATED,
    AreaRollup,
    ModelFigures,
    RateChange,
    Rollup,
    SetFigures,
    ShareFigures,
    TargetCheck,
    TargetLike,
    TargetsLike,
    ordered_models,
)
from .types import SHARES as SHARES
from .types import STATUSES as STATUSES
from .types import TOTAL_OF as TOTAL_OF
from .types import Denominator as Denominator

#: The name of the line of subjects whose area is not known.
UNLOCATED_NAME = "Chưa xác định địa bàn"

__all__ = [
    "ALL",
    "LEVELS",
    "MODELS",
    "UNLOCATED",
    "AreaRollup",
    "ModelFigures",
    "RateChange",
    "Rollup",
    "ShareFigures",
    "TargetCheck",
    "TargetLike",
    "TargetsLike",
    "format_percent",
    "rollup",
]


# --- the roll-up --------------------------------------------------------------------------


def rollup(evaluation: DatasetEvaluation, targets: TargetsLike | None = None, *,
           previous: Sequence[DatasetEvaluation] = ()) -> Rollup:
    """Roll `evaluation` up by area; compare with `targets`; compare with `previous` years."""
    check_evaluation(evaluation)
    if targets is not None and evaluation.year is None:
        raise LearningModelsError.saying(say("targets-need-year"))
    notes: list[Text] = []
    evaluation, previous, code_issues = checked_crosswalks(evaluation, previous)
    areas = evaluation_hierarchy(evaluation)
    closure = area_closure(areas)
    counts = count_by_area(evaluation, areas, closure)
    earlier: list[Earlier] = []
    for before in previous:
        mapping, split, touched = code_mapping(evaluation, before)
        notes += [Text(vi=f"Mã địa bàn cũ {old} ứng với nhiều địa bàn mới; hồ sơ năm "
                          f"{before.year} của địa bàn này không được so sánh theo địa bàn.",
                       en=f"Old area code {old} maps to several new areas; its {before.year} "
                          "records are not compared area by area.") for old in split]
        earlier.append(Earlier(before.year, count_by_area(before, areas, closure, mapping),
                               effective_totals(areas, previous_totals(before, areas,
                                                                       mapping, touched))))
    built = assemble_rollup(evaluation.year, targets, areas, counts, earlier=earlier,
                            notes=notes)
    data = evaluation.dataset
    return replace(built, quality=assess_quality(
        evaluation.errors, areas, built.areas, areas_file=data.areas_file,
        files={t.file: m for m, t in data.tables.items()},
        extra=[*correction_issues(data), *code_issues]))


def assemble_rollup(year: int | None, targets: TargetsLike | None, areas: pl.DataFrame,
                    counts: AreaCounts, *, earlier: Sequence[Earlier] = (),
                    notes: Sequence[Text] = (), levels: Sequence[str] | None = None,
                    ) -> Rollup:
    """The roll-up from the counts per area: denominators, rates, targets and changes; only
    the areas at `levels` (e.g. not the 100 k villages of a national run) when given."""
    if targets is not None and year is None:
        raise LearningModelsError.saying(say("targets-need-year"))
    notes = list(notes)
    totals = effective_totals(areas, areas.select("code", *TOTALS))
    checks = TargetChecker(targets, year)
    built: list[AreaRollup] = []
    chosen = areas if levels is None else areas.filter(pl.col("level").is_in(list(levels)))
    rows = chosen.select("code", "name", "level", "parent").sort("code").to_dicts()
    tables = {m: _index(c) for m, c in counts.models.items()}
    if levels is None or "all" in levels:
        rows.append({"code": ALL, "name": "", "level": "all", "parent": None})
        if any(UNLOCATED in t for t in tables.values()):
            rows.append({"code": UNLOCATED, "name": UNLOCATED_NAME, "level": "commune",
                         "parent": None})
    total_rows = _index(totals)
    shares = counts.shares
    share_rows = {m: _index(s) for m, (_, s) in shares.items()}
    old = [(e.year, {m: _index(c) for m, c in e.counts.models.items()}, _index(e.totals),
            {m: _index(s) for m, (_, s) in e.counts.shares.items()}) for e in earlier]
    for row in rows:
        code = row["code"]
        models: dict[str, ModelFigures] = {}
        for model in ordered_models(counts.models):
            figures = _figures(model, tables[model].get(code), total_rows.get(code))
            if figures is None:
                continue
            if figures.data_problem:
                notes.append(_too_many(row, model, figures))
            changes = tuple(
                _change(figures.recognised, figures.rate, figures.denominator_kind,
                        _figures(model, cs[model].get(code), ts.get(code)), y)
                for y, cs, ts, _ in old if model in cs)
            models[model] = _with(figures, () if figures.data_problem else checks.model(
                figures, total_rows.get(code), counts.one_set.get(model)), changes)
        area_shares: dict[str, ShareFigures] = {}
        for measure, (basis, _) in shares.items():
            share = _share(measure, basis, share_rows[measure].get(code))
            if share is None:
                continue
            changes = tuple(
                _change(share.learning, share.rate, share.denominator_kind,
                        _share(measure, basis, ss[measure].get(code)), y)
                for y, _, _, ss in old if measure in ss)
            area_shares[measure] = ShareFigures(
                measure, share.citizens, share.learning, share.rate, basis,
                checks.share(measure, share.citizens, share.learning), changes)
        built.append(AreaRollup(code, row["name"] if row["name"] is not None else code,
                                row["level"], row["parent"],
                                models, area_shares))
    built.sort(key=lambda a: (LEVELS.index(a.level), a.code))
    unmeasured = tuple((t.id, Text(vi=t.title.vi, en=t.title.en)) for t in checks.unmeasured)
    return Rollup(year, None if targets is None else targets.id,
                  None if targets is None else Text(vi=targets.title.vi, en=targets.title.en),
                  tuple(built), tuple(e.year for e in earlier), unmeasured,
                  tuple(dict.fromkeys(notes)))


# --- from frames to figures ---------------------------------------------------------------


def _index(frame: pl.DataFrame) -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in frame.to_dicts()}


def _figures(model: str, counts: Mapping[str, Any] | None,
             totals: Mapping[str, Any] | None) -> ModelFigures | None:
    numbers = {s: int(counts[s]) if counts else 0 for s in STATUSES}
    total = _census(model, totals)
    evaluated = numbers["recognised"] + numbers["not_recognised"] + numbers["incomplete"]
    subjects = evaluated + numbers["rejected"]
    if subjects == 0 and total is None:
        return None
    denominator, kind = (int(total), "area_total") if total is not None else \
        (subjects, "subjects")
    rate = numbers["recognised"] / denominator if denominator else None
    # more records than the area has: never a rate above 100 % nor a target met
    over = total is not None and subjects > int(total)
    return ModelFigures(model, subjects, evaluated, numbers["recognised"],
                        numbers["not_recognised"], numbers["incomplete"], numbers["rejected"],
                        None if total is None else int(total), denominator,
                        kind,  # type: ignore[arg-type]
                        None if over else rate, data_problem="over_total" if over else None,
                        by_set=_by_set(counts))


def _census(model: str, totals: Mapping[str, Any] | None) -> int | None:
    """The model's census in an area: its column (``units``), plus the columns that count
    its other subjects apart (``higher_units``) where the area list gives them."""
    column = TOTAL_OF.get(model)
    own = None if totals is None or column is None else totals.get(column)
    if own is None or totals is None:
        return own
    return int(own) + sum(int(totals.get(c) or 0) for c in EXTRA_TOTALS.get(model, ()))


def _by_set(counts: Mapping[str, Any] | None) -> tuple[SetFigures, ...]:
    """The per-set figures of a model routed to several sets (`SET_SEPARATOR` columns)."""
    found: dict[str, dict[str, int]] = {}
    for key, value in (counts or {}).items():
        status, sep, ident = key.partition(SET_SEPARATOR)
        if sep:
            found.setdefault(ident, {})[status] = int(value or 0)
    return tuple(SetFigures(ident, sum(n.values()), n.get("recognised", 0),
                            n.get("not_recognised", 0), n.get("incomplete", 0))
                 for ident, n in found.items())


def _share(measure: str, basis: tuple[str, ...],
           counts: Mapping[str, Any] | None) -> ShareFigures | None:
    if counts is None:
        return None
    citizens, learning = int(counts["citizens"]), int(counts["learning"])
    if citizens == 0:
        return None
    return ShareFigures(measure, citizens, learning, learning / citizens, basis)


def _with(figures: ModelFigures, targets: tuple[TargetCheck, ...],
          changes: tuple[RateChange, ...]) -> ModelFigures:
    return replace(figures, targets=targets, changes=changes)


def _change(recognised: int, rate: float | None, now_kind: Denominator,
            before: ModelFigures | ShareFigures | None, year: int | None) -> RateChange:
    if before is None:
        return RateChange(year, 0, 0, "subjects", None, recognised, None)
    if isinstance(before, ShareFigures):
        then, denominator, kind = before.learning, before.citizens, before.denominator_kind
    else:
        then, denominator, kind = before.recognised, before.denominator, \
            before.denominator_kind
    # rates over different kinds of denominator (an area total, records) are not compared
    points = None if rate is None or before.rate is None or kind != now_kind else \
        round((rate - before.rate) * 100, 6)
    return RateChange(year, then, denominator, kind, before.rate, recognised - then, points)


def _too_many(row: Mapping[str, Any], model: str, figures: ModelFigures) -> Text:
    return Text(
        vi=f"{row['name'] or row['code']} ({row['code']}): có {figures.subjects} hồ sơ "
           f"{NOUNS[model]['vi'][0].removesuffix(' học tập')} nhưng tổng số theo danh mục "
           f"địa bàn chỉ là {figures.area_total}; cần kiểm tra lại số liệu.",
        en=f"{row['name'] or row['code']} ({row['code']}): {figures.subjects} "
           f"{model} records but the area list gives a total of {figures.area_total}; "
           "check the figures.")
