"""The impact of a criteria change: the same year's data evaluated under the set in force
and under a proposed one, every model (a family set changes which families are learning
families, so clans and communities change too), compared subject by subject and rolled up
by area against the plan's targets.

The data are the same for both evaluations except that a column only the *other* set reads
is left out (it is that set's evidence, not a mistake in the record): an input the proposed
set needs and the data lack is missing evidence, and the subjects it decides are
``incomplete`` under the proposed set — which is what the association must know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import polars as pl

from .._catalog import Catalog
from .._criteria import CriteriaSet
from .._documents import say
from .._evidence import Dataset
from .._rollup import (
    AreaRollup,
    ModelFigures,
    Rollup,
    TargetCheck,
    TargetsLike,
    area_closure,
    ordered_models,
    rollup,
)
from .._scoring import Evaluations, evaluate_dataset, parts_of
from ..errors import LearningModelsError
from .impact_model import (
    DIRECTIONS,
    AreaImpact,
    Impact,
    SetSide,
    SubjectChange,
    TargetShift,
    direction_of,
)

__all__ = ["impact"]

#: The levels an impact reports on (villages are too many to be worth a row each).
IMPACT_LEVELS = ("all", "country", "province", "district", "commune")


def impact(dataset: Dataset, *, year: int, before: CriteriaSet, after: CriteriaSet,
           targets: TargetsLike | None = None, catalog: Catalog | None = None) -> Impact:
    """How replacing `before` by `after` changes `year`'s results of `dataset`: per subject,
    per area and model, and per target (the other models' sets: those in force in `year`)."""
    if before.model != after.model:
        raise LearningModelsError.saying(say("sets-other-models", before=before.id,
                                             before_model=before.model, after=after.id,
                                             after_model=after.model))
    evaluations = [evaluate_dataset(_for_set(dataset, mine, other), year=year,
                                    catalog=catalog, sets={before.model: mine})
                   for mine, other in ((before, after), (after, before))]
    rolled = [rollup(e, targets) for e in evaluations]
    changes = tuple(c for m in evaluations[0].results
                    for c in _changes(m, *(e.results[m] for e in evaluations)))
    return Impact(year, before.model, _side(before), _side(after),
                  None if targets is None else targets.id, changes,
                  _areas(changes, *rolled, models=tuple(evaluations[0].results)))


def _side(spec: CriteriaSet) -> SetSide:
    return SetSide(spec.id, spec.content_hash(), spec.title)


def _for_set(dataset: Dataset, mine: CriteriaSet, other: CriteriaSet) -> Dataset:
    """`dataset` without the columns of `mine`'s model that only `other` reads."""
    table = dataset.tables.get(mine.model)
    if table is None:
        return dataset
    foreign = [c for c in table.frame.columns if c in other.inputs and c not in mine.inputs]
    if not foreign:
        return dataset
    return replace(dataset, tables={**dataset.tables,
                                    mine.model: replace(table, frame=table.frame.drop(foreign))})


def _outcomes(results: Evaluations) -> pl.DataFrame:
    """id, area, status, grade and each indicator's points and status; a rejected record
    with the status ``rejected``."""
    scored = results.scored
    frame = results.to_frame().drop("total", "max_total").with_columns(
        scored["area"].cast(pl.String).alias("area") if "area" in scored.columns
        else pl.lit(None, dtype=pl.String).alias("area"))
    rejected = sorted({e.record.strip() for e in results.errors if e.record} -
                      set(frame["id"].cast(pl.String).to_list()))
    refused = pl.DataFrame({"id": rejected, "status": ["rejected"] * len(rejected)},
                           schema={"id": pl.String, "status": pl.String})
    return pl.concat([frame.with_columns(pl.col("id").cast(pl.String),
                                         pl.col("status").cast(pl.String)), refused],
                     how="diagonal_relaxed")


def _changes(model: str, before: Evaluations, after: Evaluations) -> list[SubjectChange]:
    """The subjects of `model` whose status or grade differs, with the indicators whose
    points or status differ for them."""
    later = _outcomes(after)
    later = later.rename({c: f"{c}_after" for c in later.columns if c != "id"})
    joined = _outcomes(before).join(later, on="id", how="full", coalesce=True)
    joined = joined.with_columns(pl.col("status").fill_null("rejected"),
                                 pl.col("status_after").fill_null("rejected"))
    changed = joined.filter((pl.col("status") != pl.col("status_after"))
                            | pl.col("grade").ne_missing(pl.col("grade_after")))
    causes = _cause_columns(before, after)
    changed = changed.with_columns(
        pl.concat_list([pl.when(d).then(pl.lit(i)) for i, d in causes.items()])
        .list.drop_nulls().alias("_causes") if causes
        else pl.lit([], dtype=pl.List(pl.String)).alias("_causes"))
    return [SubjectChange(model, r["id"], r["area"] or r["area_after"], r["status"],
                          r["status_after"], r["grade"], r["grade_after"],
                          direction_of(r["status"], r["status_after"]),
                          tuple(r["_causes"]) if "rejected" not in
                          (r["status"], r["status_after"]) else ())
            for r in changed.sort("id").iter_rows(named=True)]


def _cause_columns(before: Evaluations, after: Evaluations) -> dict[str, pl.Expr]:
    """Per indicator of either set, whether it is behind a subject's change: the points it
    falls short of its maximum differ (an indicator only one set has falls short by nothing
    in the other), or its status differs where both sets have it."""
    maxima = [{i.id: float(i.points) for p in parts_of(e) for i in p.program.spec.indicators}
              for e in (before, after)]
    causes: dict[str, pl.Expr] = {}
    for ident in dict.fromkeys([*maxima[0], *maxima[1]]):
        short = [pl.lit(m[ident]) - pl.col(f"points[{ident}]{suffix}").fill_null(0.0)
                 if ident in m else pl.lit(0.0)
                 for m, suffix in zip(maxima, ("", "_after"), strict=True)]
        differs = short[0] != short[1]
        if all(ident in m for m in maxima):
            differs = differs | pl.col(f"status[{ident}]").ne_missing(
                pl.col(f"status[{ident}]_after"))
        causes[ident] = differs
    return causes


def _areas(changes: Sequence[SubjectChange], before: Rollup, after: Rollup, *,
           models: Sequence[str]) -> tuple[AreaImpact, ...]:
    """Per area (of `IMPACT_LEVELS`) and model: the counts of each roll-up, the changes of
    the subjects of the area and below, by direction and cause."""
    areas = pl.DataFrame([(a.code, a.parent) for a in after.areas if a.code != "*"],
                         schema={"code": pl.String, "parent": pl.String}, orient="row")
    closure = area_closure(areas) if areas.height else pl.DataFrame(
        schema={"code": pl.String, "anc": pl.String})
    ancestors: dict[str, list[str]] = {}
    for code, anc in closure.iter_rows():
        ancestors.setdefault(code, []).append(anc)
    tallies: dict[tuple[str, str], list[SubjectChange]] = {}
    for change in changes:
        for code in ["*", *ancestors.get(change.area or "", [])]:
            tallies.setdefault((code, change.model), []).append(change)
    found: list[AreaImpact] = []
    shown = [(a, _area_or_none(before, a.code)) for a in after.areas
             if a.level in IMPACT_LEVELS]
    for model in ordered_models(dict.fromkeys(models)):
        for area, earlier in shown:
            found.append(_area_impact(area, earlier, model, tallies.get((area.code, model), [])))
    return tuple(found)


def _area_or_none(rolled: Rollup, code: str) -> AreaRollup | None:
    try:
        return rolled.area(code)
    except KeyError:
        return None


def _area_impact(area: AreaRollup, earlier: AreaRollup | None, model: str,
                 changes: Sequence[SubjectChange]) -> AreaImpact:
    now = area.models.get(model)
    then = None if earlier is None else earlier.models.get(model)
    directions: dict[str, int] = {d: sum(1 for c in changes if c.direction == d)
                                  for d in DIRECTIONS}
    causes: dict[str, int] = {}
    for change in changes:
        for indicator in change.indicators:
            causes[indicator] = causes.get(indicator, 0) + 1
    return AreaImpact(area.code, area.name, area.level, model,
                      0 if then is None else then.recognised,
                      0 if now is None else now.recognised, directions,
                      tuple(sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))),
                      _shifts(then, now))


def _shifts(then: ModelFigures | None, now: ModelFigures | None,
            ) -> tuple[TargetShift, ...]:
    """Each target of the model under both sets (as the two roll-ups checked it), its rate
    the one the target is measured on (a target that names its sets: those sets' only)."""
    if then is None or now is None:
        return ()
    old = {t.target: t for t in then.targets}
    return tuple(TargetShift(new.target, new.title, _measured(then, old[new.target]),
                             _measured(now, new), old[new.target].met,
                             new.met, old[new.target].gap, new.gap)
                 for new in now.targets if new.target in old)


def _measured(figures: ModelFigures, check: TargetCheck) -> float | None:
    """The rate `check` was measured on: its own count's, else the model's."""
    return figures.rate if check.counted is None else check.counted.rate
