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

Learning-citizen shares. ``citizens_in_learning_households``: among workers (citizens whose
``worker`` column is true; every citizen when the column is absent or empty) who belong to a
recognised family — or to a family of a recognised clan or community — the share recognised as
learning citizens. ``citizens_in_learning_units``: among staff (citizens with ``unit`` set) of
recognised units, the share recognised; counted in the unit's area.

Everything is computed column-wise (group-bys and joins over the scored tables); Python loops
run over areas and targets only, never over subjects.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, Protocol

import polars as pl

from ._dataset import AREA_LEVELS, RELATIONS
from ._model import Lang, Text
from ._pipeline import gather_by_link, scored_table
from ._records import LINE, ROW, TRUE_WORDS
from .errors import LearningModelsError

if TYPE_CHECKING:
    from ._pipeline import DatasetEvaluation

__all__ = [
    "ALL",
    "LEVELS",
    "MODELS",
    "AreaRollup",
    "Change",
    "ModelFigures",
    "Rollup",
    "ShareFigures",
    "TargetCheck",
    "TargetLike",
    "TargetsLike",
    "format_percent",
    "rollup",
]

#: The code of the whole-dataset row.
ALL = "*"
#: Levels from the top down; ``all`` is the whole dataset.
LEVELS: tuple[str, ...] = ("all", *AREA_LEVELS)
#: Models in the order reports show them.
MODELS = ("family", "clan", "community", "unit", "citizen")
#: The area-list column that holds each model's denominator.
TOTAL_OF: dict[str, str] = {"family": "households", "clan": "clans",
                            "community": "communities", "unit": "units"}
_TOTALS = tuple(sorted(set(TOTAL_OF.values())))
SHARES = ("citizens_in_learning_households", "citizens_in_learning_units")
_STATUSES = ("recognised", "not_recognised", "incomplete", "rejected")

Denominator = Literal["area_total", "subjects"]

#: What a target counts, for the gap sentence: singular and plural, vi and en.
NOUNS: dict[str, dict[Lang, tuple[str, str]]] = {
    "family": {"vi": ("gia đình học tập",) * 2, "en": ("learning family", "learning families")},
    "clan": {"vi": ("dòng họ học tập",) * 2, "en": ("learning clan", "learning clans")},
    "community": {"vi": ("cộng đồng học tập",) * 2,
                  "en": ("learning community", "learning communities")},
    "unit": {"vi": ("đơn vị học tập",) * 2, "en": ("learning unit", "learning units")},
    "citizen": {"vi": ("công dân học tập",) * 2,
                "en": ("learning citizen", "learning citizens")},
}


# --- the targets interface (structural: any object with these attributes will do) -----------


class _TextLike(Protocol):
    @property
    def vi(self) -> str: ...
    @property
    def en(self) -> str: ...


class TargetLike(Protocol):
    """One target of a plan, as `load_targets` gives it."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> _TextLike: ...
    @property
    def measure(self) -> str: ...
    @property
    def model(self) -> str | None: ...
    @property
    def milestones(self) -> Mapping[int, float]: ...
    def milestone_for(self, year: int) -> tuple[int, float]: ...


class TargetsLike(Protocol):
    """A plan's targets, as `load_targets` gives them."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> _TextLike: ...
    @property
    def targets(self) -> Sequence[TargetLike]: ...


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """One target applied to one figure: the milestone in force and the gap to it."""

    target: str
    title: Text
    measure: str
    milestone_year: int
    value: float               # the share to reach, 0..1
    required: int              # ceil(value × denominator)
    gap: int                   # how many more are needed (0 when met)
    met: bool
    sentence: Text

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "title": _text(self.title), "measure": self.measure,
                "milestone_year": self.milestone_year, "value": self.value,
                "required": self.required, "gap": self.gap, "met": self.met,
                "sentence": _text(self.sentence)}


@dataclass(frozen=True, slots=True)
class Change:
    """The same figure in an earlier year (rolled up onto this year's areas) and the change."""

    year: int | None
    recognised: int
    denominator: int
    denominator_kind: Denominator
    rate: float | None
    recognised_change: int          # this year − that year
    rate_change: float | None       # in percentage points; None unless both rates rest
                                    # on the same kind of denominator

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "recognised": self.recognised,
                "denominator": self.denominator, "denominator_kind": self.denominator_kind,
                "rate": self.rate, "recognised_change": self.recognised_change,
                "rate_change_points": self.rate_change}


@dataclass(frozen=True, slots=True)
class ModelFigures:
    """One model in one area."""

    model: str
    subjects: int              # records in the data: evaluated + rejected
    evaluated: int
    recognised: int
    not_recognised: int
    incomplete: int
    rejected: int
    area_total: int | None     # the total from the area list (own, or summed over children)
    denominator: int
    denominator_kind: Denominator
    rate: float | None
    targets: tuple[TargetCheck, ...] = ()
    changes: tuple[Change, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"subjects": self.subjects, "evaluated": self.evaluated,
                "recognised": self.recognised, "not_recognised": self.not_recognised,
                "incomplete": self.incomplete, "rejected": self.rejected,
                "area_total": self.area_total, "denominator": self.denominator,
                "denominator_kind": self.denominator_kind, "rate": self.rate,
                "targets": [t.to_dict() for t in self.targets],
                "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True, slots=True)
class ShareFigures:
    """A learning-citizen share in one area: ``learning`` of ``citizens`` (see the module)."""

    measure: str
    citizens: int              # workers in learning households / staff of learning units
    learning: int              # of whom recognised learning citizens
    rate: float | None
    basis: tuple[str, ...]     # the models whose recognition puts a citizen in the count
    targets: tuple[TargetCheck, ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def denominator_kind(self) -> Denominator:
        return "subjects"

    def to_dict(self) -> dict[str, Any]:
        return {"citizens": self.citizens, "learning": self.learning, "rate": self.rate,
                "basis": list(self.basis), "denominator_kind": self.denominator_kind,
                "targets": [t.to_dict() for t in self.targets],
                "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True, slots=True)
class AreaRollup:
    """Every figure of one area."""

    code: str
    name: str
    level: str
    parent: str | None
    models: Mapping[str, ModelFigures]
    shares: Mapping[str, ShareFigures]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level,
                "parent": self.parent,
                "models": {m: f.to_dict() for m, f in sorted(self.models.items())},
                "shares": {m: f.to_dict() for m, f in sorted(self.shares.items())}}


@dataclass(frozen=True)
class Rollup:
    """The roll-up of one evaluation year, area by area."""

    year: int | None
    targets_id: str | None
    targets_title: Text | None
    areas: tuple[AreaRollup, ...]             # by level (top first), then code
    previous_years: tuple[int | None, ...] = ()
    unmeasured: tuple[tuple[str, Text], ...] = ()   # targets the data cannot measure
    notes: tuple[Text, ...] = ()

    def area(self, code: str) -> AreaRollup:
        """The area with this code (``*`` for the whole dataset); KeyError when unknown."""
        for area in self.areas:
            if area.code == code:
                return area
        raise KeyError(code)

    def at_level(self, level: str) -> tuple[AreaRollup, ...]:
        return tuple(a for a in self.areas if a.level == level)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready and deterministic: same evaluation and targets, same data."""
        return {"year": self.year, "targets": self.targets_id,
                "targets_title": None if self.targets_title is None
                else _text(self.targets_title),
                "previous_years": list(self.previous_years),
                "areas": [a.to_dict() for a in self.areas],
                "unmeasured_targets": [{"target": t, "title": _text(title)}
                                       for t, title in self.unmeasured],
                "notes": [_text(n) for n in self.notes]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _text(text: _TextLike) -> dict[str, str]:
    return {"en": text.en, "vi": text.vi}


def format_percent(value: float, lang: Lang = "vi", *, decimals: int = 1) -> str:
    """``0.555`` → ``55,5%`` (vi) / ``55.5%`` (en); whole numbers lose their decimals."""
    shown = f"{value * 100:.{decimals}f}"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return (shown.replace(".", ",") if lang == "vi" else shown) + "%"


# --- the roll-up --------------------------------------------------------------------------


def rollup(evaluation: DatasetEvaluation, targets: TargetsLike | None = None, *,
           previous: Sequence[DatasetEvaluation] = ()) -> Rollup:
    """Roll `evaluation` up by area; compare with `targets`; compare with `previous` years."""
    if targets is not None and evaluation.year is None:
        raise LearningModelsError("targets need the evaluation year; evaluate with a year")
    notes: list[Text] = []
    areas = _hierarchy(evaluation)
    closure = area_closure(areas)
    counts = count_by_area(evaluation, areas, closure)
    earlier: list[Earlier] = []
    for before in previous:
        mapping, split, touched = _code_mapping(evaluation, before)
        notes += [Text(vi=f"Mã địa bàn cũ {old} ứng với nhiều địa bàn mới; hồ sơ năm "
                          f"{before.year} của địa bàn này không được so sánh theo địa bàn.",
                       en=f"Old area code {old} maps to several new areas; its {before.year} "
                          "records are not compared area by area.") for old in split]
        earlier.append(Earlier(before.year, count_by_area(before, areas, closure, mapping),
                               _effective_totals(areas, _previous_totals(before, areas,
                                                                         mapping, touched))))
    return assemble_rollup(evaluation.year, targets, areas, counts, earlier=earlier,
                           notes=notes)


@dataclass(frozen=True)
class AreaCounts:
    """The additive part of a roll-up: per model, how many subjects of each status in every
    area (``code`` and one column per status); per learning-citizen share, the models it
    rests on and its ``citizens`` and ``learning`` in every area.

    A subject counts once in each area it belongs to, so the counts of two sets of subjects
    that share none add up (`add_counts`): a dataset can be counted part by part (e.g. one
    province at a time) and the parts summed. Rates, denominators and targets are not
    additive; `assemble_rollup` computes them from the sums.
    """

    models: Mapping[str, pl.DataFrame]
    shares: Mapping[str, tuple[tuple[str, ...], pl.DataFrame]]


@dataclass(frozen=True)
class Earlier:
    """An earlier year counted on this year's areas, for the changes."""

    year: int | None
    counts: AreaCounts
    totals: pl.DataFrame


def count_by_area(evaluation: DatasetEvaluation, areas: pl.DataFrame, closure: pl.DataFrame,
                  mapping: pl.DataFrame | None = None) -> AreaCounts:
    """Count `evaluation`'s subjects and rejected records in every area of `areas` (the
    hierarchy, see `hierarchy`) and its `closure` (`area_closure`), old codes mapped through
    `mapping` (see `_code_mapping`)."""
    families = _families_of_citizens(evaluation)
    located = {m: _located(evaluation, m, areas, families) for m in evaluation.results}
    return AreaCounts(_model_counts(located, areas, closure, mapping),
                      _shares(evaluation, located, families, areas, closure, mapping))


def _families_of_citizens(evaluation: DatasetEvaluation) -> pl.DataFrame | None:
    """For every evaluated citizen (in order), its family's village (``_village``) and
    whether the family counts as learning (``_learning``: recognised, or in a recognised
    clan or community): by the positions `evaluate_dataset` resolved the relations to."""
    results = evaluation.results
    if "citizen" not in results or "family" not in results:
        return None
    citizens = scored_table(results["citizen"])
    if "family" not in citizens.columns:
        return None
    heights = {m: t.frame.height for m, t in evaluation.dataset.tables.items()}
    table = scored_table(results["family"])
    recognised = pl.col("status") == "recognised"
    families = table.with_columns(
        (pl.col("community").cast(pl.String) if "community" in table.columns
         else pl.lit(None, dtype=pl.String)).alias("_village"),
        recognised.alias("_learning"))
    for column in ("clan", "community"):
        if column in families.columns and column in results:
            groups = scored_table(results[column]).with_columns(recognised.alias("_group"))
            group = gather_by_link(families, column, groups, "_group", heights.get(column, 0))
            families = families.with_columns(
                (pl.col("_learning") | group.fill_null(False)).alias("_learning"))
    height = heights.get("family", 0)
    return pl.DataFrame([
        gather_by_link(citizens, "family", families, "_village", height).alias("_village"),
        gather_by_link(citizens, "family", families, "_learning", height).alias("_learning")])


_BASIS_ORDER = ("family", "clan", "community", "unit")


def add_counts(parts: Sequence[AreaCounts]) -> AreaCounts:
    """The counts of disjoint sets of subjects, summed area by area."""
    models: dict[str, list[pl.DataFrame]] = {}
    shares: dict[str, tuple[set[str], list[pl.DataFrame]]] = {}
    for part in parts:
        for model, frame in part.models.items():
            models.setdefault(model, []).append(frame)
        for measure, (basis, frame) in part.shares.items():
            seen, frames = shares.setdefault(measure, (set(), []))
            seen.update(basis)
            frames.append(frame)

    def total(frames: list[pl.DataFrame]) -> pl.DataFrame:
        values = [c for c in frames[0].columns if c != "code"]
        return pl.concat(frames).group_by("code").agg(
            pl.col(v).sum().cast(pl.Int64) for v in values).sort("code")

    return AreaCounts(
        {m: total(f) for m, f in models.items()},
        {m: (tuple(sorted(basis, key=lambda b: (_BASIS_ORDER.index(b)
                                                if b in _BASIS_ORDER else 99, b))),
             total(frames)) for m, (basis, frames) in shares.items()})


def assemble_rollup(year: int | None, targets: TargetsLike | None, areas: pl.DataFrame,
                    counts: AreaCounts, *, earlier: Sequence[Earlier] = (),
                    notes: Sequence[Text] = (), levels: Sequence[str] | None = None,
                    ) -> Rollup:
    """The roll-up from the counts per area: denominators, rates, targets and changes; only
    the areas at `levels` (e.g. not the 100 k villages of a national run) when given."""
    if targets is not None and year is None:
        raise LearningModelsError("targets need the evaluation year; evaluate with a year")
    notes = list(notes)
    totals = _effective_totals(areas, areas.select("code", *_TOTALS))
    checks = _Checker(targets, year)
    built: list[AreaRollup] = []
    chosen = areas if levels is None else areas.filter(pl.col("level").is_in(list(levels)))
    rows = chosen.select("code", "name", "level", "parent").sort("code").to_dicts()
    if levels is None or "all" in levels:
        rows.append({"code": ALL, "name": "", "level": "all", "parent": None})
    tables = {m: _index(c) for m, c in counts.models.items()}
    total_rows = _index(totals)
    shares = counts.shares
    share_rows = {m: _index(s) for m, (_, s) in shares.items()}
    old = [(e.year, {m: _index(c) for m, c in e.counts.models.items()}, _index(e.totals),
            {m: _index(s) for m, (_, s) in e.counts.shares.items()}) for e in earlier]
    for row in rows:
        code = row["code"]
        models: dict[str, ModelFigures] = {}
        for model in _ordered(counts.models):
            figures = _figures(model, tables[model].get(code), total_rows.get(code))
            if figures is None:
                continue
            if figures.area_total is not None and figures.evaluated + figures.rejected \
                    > figures.area_total:
                notes.append(_too_many(row, model, figures))
            changes = tuple(
                _change(figures.recognised, figures.rate, figures.denominator_kind,
                        _figures(model, cs[model].get(code), ts.get(code)), y)
                for y, cs, ts, _ in old if model in cs)
            models[model] = _with(figures, checks.model(model, figures.denominator,
                                                        figures.recognised), changes)
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


#: The columns of `rollup_table`.
TABLE_COLUMNS = ("code", "name", "level", "parent", "measure", "subjects", "evaluated",
                 "recognised", "not_recognised", "incomplete", "rejected", "area_total",
                 "denominator", "denominator_kind", "rate", "target", "milestone_year",
                 "target_value", "required", "gap", "met")


def rollup_table(year: int | None, targets: TargetsLike | None, areas: pl.DataFrame,
                 counts: AreaCounts) -> pl.DataFrame:
    """The roll-up as one table, computed column-wise: a row per area, measure (a model, or
    a learning-citizen share) and target — the figures `assemble_rollup` gives as objects.

    For a share, ``denominator`` is the citizens counted and ``recognised`` those of them
    recognised (``subjects`` … ``area_total`` are empty). A measure without a target has one
    row with empty target columns. Rows come by level (top first), area code, measure."""
    if targets is not None and year is None:
        raise LearningModelsError("targets need the evaluation year; evaluate with a year")
    totals = _effective_totals(areas, areas.select("code", *_TOTALS))
    base = pl.concat([
        areas.select("code", pl.coalesce(pl.col("name"), pl.col("code")).alias("name"),
                     "level", "parent"),
        pl.DataFrame({"code": [ALL], "name": [""], "level": ["all"], "parent": [None]},
                     schema={"code": pl.String, "name": pl.String, "level": pl.String,
                             "parent": pl.String})])
    checker = _Checker(targets, year)
    frames = []
    order = [*_ordered(counts.models), *counts.shares]
    for rank, measure in enumerate(order):
        if measure in counts.models:
            column = TOTAL_OF.get(measure)
            frame = base.join(counts.models[measure], on="code", how="left").join(
                totals.select("code", (pl.col(column) if column else
                                       pl.lit(None, dtype=pl.Int64)).alias("area_total")),
                on="code", how="left").with_columns(pl.col(s).fill_null(0) for s in _STATUSES)
            evaluated = pl.col("recognised") + pl.col("not_recognised") + pl.col("incomplete")
            frame = frame.with_columns(evaluated.alias("evaluated")).with_columns(
                (pl.col("evaluated") + pl.col("rejected")).alias("subjects"))
            frame = frame.filter((pl.col("subjects") > 0) | pl.col("area_total").is_not_null())
            frame = frame.with_columns(
                pl.coalesce("area_total", "subjects").alias("denominator"),
                pl.when(pl.col("area_total").is_not_null()).then(pl.lit("area_total"))
                .otherwise(pl.lit("subjects")).alias("denominator_kind"))
            chosen = checker.targets_of_model(measure)
            noun = measure
        else:
            frame = base.join(counts.shares[measure][1], on="code", how="inner").filter(
                pl.col("citizens") > 0).select(
                "code", "name", "level", "parent", pl.col("citizens").alias("denominator"),
                pl.col("learning").alias("recognised"),
                pl.lit("subjects").alias("denominator_kind"))
            chosen = checker.targets_of_measure(measure)
            noun = "citizen"
        frame = frame.with_columns(
            pl.lit(measure).alias("measure"), pl.lit(rank).alias("_rank"),
            pl.when(pl.col("denominator") != 0)
            .then(pl.col("recognised") / pl.col("denominator")).alias("rate"))
        if not chosen:
            frames.append(frame)
            continue
        for target in chosen:
            frames.append(_with_target(frame, checker, target, noun))
    schema = {"code": pl.String, "name": pl.String, "level": pl.String, "parent": pl.String,
              "measure": pl.String, **dict.fromkeys(TABLE_COLUMNS[5:12], pl.Int64),
              "denominator": pl.Int64, "denominator_kind": pl.String, "rate": pl.Float64,
              "target": pl.String, "milestone_year": pl.Int64, "target_value": pl.Float64,
              "required": pl.Int64, "gap": pl.Int64, "met": pl.Boolean, "_rank": pl.Int64}
    if not frames:
        return pl.DataFrame(schema={c: schema[c] for c in TABLE_COLUMNS})
    table = pl.concat([f.select(pl.col(c).cast(t) if c in f.columns else
                                pl.lit(None, dtype=t).alias(c) for c, t in schema.items())
                       for f in frames])
    level_rank = pl.col("level").replace_strict(
        {level: k for k, level in enumerate(LEVELS)}, default=len(LEVELS),
        return_dtype=pl.Int64)
    return table.sort(level_rank, "code", "_rank", maintain_order=True).select(TABLE_COLUMNS)


def _with_target(frame: pl.DataFrame, checker: _Checker, target: TargetLike,
                 noun: str) -> pl.DataFrame:
    """`frame` with `target` checked on every row: ``required`` exactly as `_Checker` does
    (once per distinct denominator), the gap and whether it is met."""
    denominators = frame["denominator"].unique().drop_nulls().to_list()
    required = {d: checker.check(target, d, 0, noun).required for d in denominators}
    _, year, value, _ = checker.fixed(target)
    frame = frame.with_columns(
        pl.lit(target.id).alias("target"), pl.lit(year).alias("milestone_year"),
        pl.lit(value).alias("target_value"),
        pl.col("denominator").replace_strict(required, default=None, return_dtype=pl.Int64)
        .alias("required"))
    gap = (pl.col("required") - pl.col("recognised")).clip(lower_bound=0)
    return frame.with_columns(gap.alias("gap")).with_columns(
        (pl.col("gap") == 0).alias("met"))


# --- areas --------------------------------------------------------------------------------


def _ordered(models: Mapping[str, object]) -> list[str]:
    return sorted(models, key=lambda m: (MODELS.index(m) if m in MODELS else len(MODELS), m))


def _hierarchy(evaluation: DatasetEvaluation) -> pl.DataFrame:
    """code, name, level, parent, _listed (from the area list) and the own totals; villages
    that are community subjects are added (unlisted) below their commune."""
    listed = evaluation.dataset.areas
    seen = None
    if listed is None:  # no area list: the commune codes the subjects carry
        seen = [scored_table(r).select(pl.col("area").cast(pl.String)) for r in
                evaluation.results.values() if "area" in scored_table(r).columns]
    communities = scored_table(evaluation.results["community"]) \
        if "community" in evaluation.results else None
    return hierarchy(listed, seen, communities)


_AREA_SCHEMA = {"code": pl.String, "name": pl.String, "level": pl.String, "parent": pl.String,
                "_listed": pl.Boolean, **dict.fromkeys(_TOTALS, pl.Int64)}


def hierarchy(listed: pl.DataFrame | None, seen: Sequence[pl.DataFrame] | None = None,
              communities: pl.DataFrame | None = None) -> pl.DataFrame:
    """The areas a roll-up reports on: the area list (`listed`, typed as `read_dataset`
    gives it) or, without one, the codes the subjects carry (`seen`: frames with an
    ``area`` column) as communes; then the villages that are community subjects
    (`communities`: scored, with ``id``, ``area`` and maybe ``name``) and not listed."""
    schema = _AREA_SCHEMA
    if listed is not None:
        frame = listed.select(
            "code", pl.col("name").cast(pl.String), pl.col("level").cast(pl.String),
            pl.col("parent").cast(pl.String), pl.lit(True).alias("_listed"),
            *(pl.col(t).cast(pl.Int64) if t in listed.columns
              else pl.lit(None, dtype=pl.Int64).alias(t) for t in _TOTALS))
    else:
        codes = pl.concat(seen).drop_nulls().unique() if seen else pl.DataFrame(
            schema={"area": pl.String})
        frame = codes.select(
            pl.col("area").alias("code"), pl.col("area").alias("name"),
            pl.lit("commune").alias("level"), pl.lit(None, dtype=pl.String).alias("parent"),
            pl.lit(True).alias("_listed"),
            *(pl.lit(None, dtype=pl.Int64).alias(t) for t in _TOTALS))
    frame = frame.cast(schema)  # type: ignore[arg-type]
    if communities is not None:
        name = pl.col("name").cast(pl.String) if "name" in communities.columns \
            else pl.lit(None, dtype=pl.String)
        villages = communities.select(
            pl.col("id").alias("code"), pl.coalesce(name, pl.col("id")).alias("name"),
            pl.lit("village").alias("level"), pl.col("area").cast(pl.String).alias("parent"),
            pl.lit(False).alias("_listed"),
            *(pl.lit(None, dtype=pl.Int64).alias(t) for t in _TOTALS),
        ).filter(~pl.col("code").is_in(frame["code"].implode()))
        # a community whose commune is unknown hangs from nothing
        villages = villages.with_columns(
            pl.when(pl.col("parent").is_in(frame["code"].implode())).then(pl.col("parent")))
        frame = pl.concat([frame, villages.cast(schema)])  # type: ignore[arg-type]
    return frame


def extend_closure(closure: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """`closure` with the rows of `areas` it lacks, whose parents it already holds."""
    new = areas.filter(~pl.col("code").is_in(closure["code"].implode()))
    if new.is_empty():
        return closure
    up = new.select("code", "parent").join(closure.rename({"code": "parent"}), on="parent") \
        .select("code", "anc")
    return pl.concat([closure,
                      pl.concat([new.select("code", pl.col("code").alias("anc")), up]).unique()])


def area_closure(areas: pl.DataFrame) -> pl.DataFrame:
    """Every (code, anc) with anc the area itself or one of its ancestors."""
    links = areas.select(pl.col("code").alias("anc"), pl.col("parent").alias("_next"))
    found = [areas.select("code", pl.col("code").alias("anc"))]
    frontier = areas.select("code", pl.col("parent").alias("anc")).drop_nulls("anc")
    for _ in range(len(AREA_LEVELS)):
        if frontier.is_empty():
            break
        found.append(frontier)
        frontier = frontier.join(links, on="anc").select("code", pl.col("_next").alias("anc")) \
            .drop_nulls("anc")
    return pl.concat(found).unique()


def _effective_totals(areas: pl.DataFrame, own: pl.DataFrame) -> pl.DataFrame:
    """Per area (and ``*``) the totals used as denominators: its own, else the sum over its
    listed children when every one of them has a total."""
    base = areas.select("code", "parent", "_listed").join(
        own.select("code", *(pl.col(t).alias(f"_own_{t}") for t in _TOTALS)),
        on="code", how="left")
    frame = base.with_columns(*(pl.col(f"_own_{t}").alias(t) for t in _TOTALS))
    for _ in range(len(AREA_LEVELS)):
        sums = frame.filter(pl.col("_listed") & pl.col("parent").is_not_null()) \
            .group_by("parent").agg(
                *(pl.col(t).sum().alias(f"_s_{t}") for t in _TOTALS),
                *(pl.col(t).null_count().alias(f"_n_{t}") for t in _TOTALS)) \
            .rename({"parent": "code"})
        frame = base.join(sums, on="code", how="left").select(
            "code", "parent", "_listed",
            *(pl.coalesce(pl.col(f"_own_{t}"),
                          pl.when(pl.col(f"_n_{t}") == 0).then(pl.col(f"_s_{t}"))).alias(t)
              for t in _TOTALS))
    roots = frame.filter(pl.col("_listed") & pl.col("parent").is_null())
    whole = roots.select(
        pl.lit(ALL).alias("code"),
        *(pl.when((pl.col(t).null_count() == 0) & (pl.len() > 0)).then(pl.col(t).sum())
          .cast(pl.Int64).alias(t) for t in _TOTALS))
    return pl.concat([frame.select("code", *_TOTALS), whole])


def _code_mapping(current: DatasetEvaluation, before: DatasetEvaluation,
                  ) -> tuple[pl.DataFrame, list[str], list[str]]:
    """old_code → new_code for `before`'s records, from both crosswalks: steps applied in
    order of their date, each only to years before it. A code split over several new areas
    maps to nothing (its records count only in the whole dataset); it is returned, with the
    new areas it touches (whose earlier totals are then unknown)."""
    frames = [d.crosswalk for d in (current.dataset, before.dataset) if d.crosswalk is not None]
    schema = {"old": pl.String, "new": pl.String}
    if not frames:
        return pl.DataFrame(schema=schema), [], []
    walk = pl.concat([f.select(
        pl.col("old_code").cast(pl.String).str.strip_chars().alias("old"),
        pl.col("new_code").cast(pl.String).str.strip_chars().alias("new"),
        (pl.col("since").cast(pl.String).str.slice(0, 4).cast(pl.Int64, strict=False)
         if "since" in f.columns else pl.lit(None, dtype=pl.Int64)).alias("since"))
        for f in frames]).drop_nulls(["old", "new"]).unique()
    if before.year is not None:
        walk = walk.filter(pl.col("since").is_null() | (pl.col("since") > before.year))
    split = walk.group_by("old", "since").agg(pl.col("new").n_unique().alias("n")) \
        .filter(pl.col("n") > 1)["old"].unique().sort().to_list()
    touched = walk.filter(pl.col("old").is_in(split))["new"].unique().sort().to_list()
    walk = walk.filter(~pl.col("old").is_in(split))
    mapping = pl.DataFrame(schema=schema)
    for since in sorted(walk["since"].unique().to_list(), key=lambda s: (s is None, s)):
        step = walk.filter(pl.col("since").is_null() if since is None
                           else pl.col("since") == since).select("old", "new")
        # compose: codes already mapped move on; codes not yet mapped start here
        moved = mapping.join(step.rename({"old": "new", "new": "_then"}), on="new", how="left") \
            .select("old", pl.coalesce("_then", "new").alias("new"))
        fresh = step.filter(~pl.col("old").is_in(mapping["old"].implode()))
        mapping = pl.concat([moved, fresh])
    dropped = pl.DataFrame({"old": split, "new": [None] * len(split)}, schema=schema)
    return pl.concat([mapping, dropped]), split, touched


def _remap(codes: pl.Expr, mapping: pl.DataFrame | None, known: pl.Series) -> pl.Expr:
    """Map codes through the crosswalk (unlisted codes stay) and keep those now known."""
    if mapping is not None and not mapping.is_empty():
        codes = codes.replace(mapping["old"], mapping["new"])
    return pl.when(codes.is_in(known.implode())).then(codes)


def _previous_totals(before: DatasetEvaluation, areas: pl.DataFrame,
                     mapping: pl.DataFrame, touched: list[str]) -> pl.DataFrame:
    """The earlier year's own totals on this year's codes: the old areas that map onto one
    new area (at the same level) summed, unknown when any of them lacks the total or when
    part of a split old area went to it."""
    old = before.dataset.areas
    if old is None:
        return pl.DataFrame(schema={"code": pl.String, **dict.fromkeys(_TOTALS, pl.Int64)})
    mapped = old.select(
        _remap(pl.col("code"), mapping, areas["code"]).alias("code"),
        pl.col("level").cast(pl.String).alias("_old_level"),
        *(pl.col(t).cast(pl.Int64) if t in old.columns else pl.lit(None, dtype=pl.Int64)
          .alias(t) for t in _TOTALS)).drop_nulls("code")
    mapped = mapped.join(areas.select("code", "level"), on="code") \
        .filter(pl.col("level") == pl.col("_old_level"))
    return mapped.group_by("code").agg(
        *(pl.when(pl.col(t).null_count() == 0).then(pl.col(t).sum()).alias(t)
          for t in _TOTALS)).with_columns(
        *(pl.when(~pl.col("code").is_in(touched)).then(pl.col(t)).alias(t) for t in _TOTALS))


# --- counting -----------------------------------------------------------------------------


def _located(evaluation: DatasetEvaluation, model: str, areas: pl.DataFrame,
             families: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """status, area, village of every evaluated subject of a model (in the order of its
    scored table), and of every rejected record; codes as the data gives them (`_aggregate`
    maps them onto the areas).

    The area is the subject's own (already filled through relations); a rejected record
    gets its own area when valid, else that of the subject it points at."""
    results = evaluation.results
    scored = scored_table(results[model])
    cols = scored.columns
    subjects = scored.select(
        pl.col("status").cast(pl.String),
        pl.col("area").cast(pl.String) if "area" in cols else pl.lit(None, dtype=pl.String)
        .alias("area")).with_columns(
        (families["_village"] if model == "citizen" and families is not None
         else _village_of(evaluation, model, scored)).alias("village"))
    table = evaluation.dataset.tables.get(model)
    rows = sorted({e.row for e in evaluation.errors
                   if table is not None and e.file == table.file})
    if table is None or not rows:
        return subjects, subjects.clear()
    raw = table.frame
    if ROW not in raw.columns:  # e.g. Parquet: rows are numbered as `type_frame` numbers them
        raw = raw.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
    raw = raw.filter(pl.col(ROW).is_in(rows)).drop(LINE, strict=False)
    raw = raw.with_columns(*(pl.col(c).cast(pl.String).str.strip_chars()
                             for c in raw.columns if c != ROW))
    if "area" not in raw.columns:
        raw = raw.with_columns(pl.lit(None, dtype=pl.String).alias("area"))
    raw = raw.with_columns(pl.when(pl.col("area").is_in(areas["code"].implode()))
                           .then(pl.col("area")))
    for column, target in RELATIONS.get(model, {}).items():
        if column in raw.columns and target in results:
            parents = scored_table(results[target]).select(
                pl.col("id").alias(column), pl.col("area").cast(pl.String).alias("_up"))
            raw = raw.join(parents, on=column, how="left") \
                .with_columns(pl.coalesce("area", "_up").alias("area")).drop("_up")
    unread = pl.DataFrame({ROW: [r for r in rows if r not in set(raw[ROW].to_list())]},
                          schema={ROW: pl.Int64})
    raw = pl.concat([raw, unread], how="diagonal")
    rejected = raw.select(pl.lit("rejected").alias("status"), pl.col("area")) \
        .with_columns(_village_of(evaluation, model, raw).alias("village"))
    return subjects, rejected


def _village_of(evaluation: DatasetEvaluation, model: str, frame: pl.DataFrame) -> pl.Series:
    """The village (community id) each row of `frame` belongs to."""
    none = pl.repeat(None, frame.height, dtype=pl.String, eager=True)
    if model == "community":
        return frame["id"].cast(pl.String) if "id" in frame.columns else none
    if model == "family":
        return frame["community"].cast(pl.String) if "community" in frame.columns else none
    if model == "citizen" and "family" in frame.columns and "family" in evaluation.results:
        families = scored_table(evaluation.results["family"])
        if "community" not in families.columns:
            return none
        # a join, not replace_strict: with millions of families the mapping is slow to build
        return frame.select(pl.col("family").cast(pl.String)).join(
            families.select(pl.col("id").cast(pl.String).alias("family"),
                            pl.col("community").cast(pl.String).alias("_village")),
            on="family", how="left", maintain_order="left")["_village"]
    return none


def _aggregate(frame: pl.DataFrame, values: Sequence[str], areas: pl.DataFrame,
               mapping: pl.DataFrame | None) -> pl.DataFrame:
    """`values` summed per (area, village) pair, the codes mapped through `mapping` (the
    area) and kept when they are areas of the roll-up. Subjects with the same pair belong
    to the same areas, so `_spread` can work on these few rows instead of every subject."""
    known = areas["code"]
    groups = frame.group_by("area", "village").agg(pl.col(v).sum() for v in values)
    return groups.with_columns(_remap(pl.col("area"), mapping, known).alias("area"),
                               _remap(pl.col("village"), None, known).alias("village"))


def _spread(groups: pl.DataFrame, closure: pl.DataFrame, values: Sequence[str],
            ) -> pl.DataFrame:
    """Sum `values` over every area a group of subjects belongs to — its area, its village,
    and their ancestors, each once — and over the whole dataset (``*``)."""
    groups = groups.with_row_index("_g")
    at = pl.concat([groups.select("_g", pl.col("area").alias("_at")),
                    groups.select("_g", pl.col("village").alias("_at"))]).drop_nulls("_at")
    within = at.join(closure, left_on="_at", right_on="code") \
        .select("_g", pl.col("anc").alias("code")).unique() \
        .join(groups.select("_g", *values), on="_g")
    whole = groups.select("_g", *values, pl.lit(ALL).alias("code"))
    return pl.concat([within.select("code", *values), whole.select("code", *values)]) \
        .group_by("code").agg(*(pl.col(v).sum().cast(pl.Int64) for v in values))


def _model_counts(located: Mapping[str, tuple[pl.DataFrame, pl.DataFrame]],
                  areas: pl.DataFrame, closure: pl.DataFrame,
                  mapping: pl.DataFrame | None) -> dict[str, pl.DataFrame]:
    counts = {}
    for model, parts in located.items():
        every = pl.concat(parts).with_columns(
            *((pl.col("status") == s).cast(pl.Int64).alias(s) for s in _STATUSES))
        counts[model] = _spread(_aggregate(every, _STATUSES, areas, mapping), closure,
                                _STATUSES)
    return counts


def _shares(evaluation: DatasetEvaluation,
            located: Mapping[str, tuple[pl.DataFrame, pl.DataFrame]],
            families: pl.DataFrame | None, areas: pl.DataFrame, closure: pl.DataFrame,
            mapping: pl.DataFrame | None) -> dict[str, tuple[tuple[str, ...], pl.DataFrame]]:
    """Per share measure: the models it rests on and, per area, citizens and learning."""
    results = evaluation.results
    if "citizen" not in results:
        return {}
    citizens = scored_table(results["citizen"])
    out: dict[str, tuple[tuple[str, ...], pl.DataFrame]] = {}
    recognised = (pl.col("status") == "recognised")
    values = ("citizens", "learning")
    if families is not None:
        family_columns = scored_table(results["family"]).columns
        basis = ["family", *(c for c in ("clan", "community")
                             if c in family_columns and c in results)]
        subjects = located["citizen"][0]
        people = citizens.select(_worker(citizens), recognised.alias("_recognised")) \
            .with_columns(subjects["area"], subjects["village"], families["_learning"])
        counted = (pl.col("_worker") & pl.col("_learning").fill_null(False))
        people = people.select("area", "village", counted.cast(pl.Int64).alias("citizens"),
                               (counted & pl.col("_recognised")).cast(pl.Int64)
                               .alias("learning"))
        out["citizens_in_learning_households"] = (
            tuple(basis), _spread(_aggregate(people, values, areas, mapping), closure, values))
    if "unit" in results and "unit" in citizens.columns:
        units = scored_table(results["unit"]).select(
            pl.col("id").alias("unit"), recognised.alias("_learning"),
            pl.col("area").cast(pl.String).alias("area"))
        staff = citizens.select(
            "unit", recognised.alias("_recognised"),
        ).join(units, on="unit", how="inner").select(
            "area", pl.lit(None, dtype=pl.String).alias("village"),
            pl.col("_learning").cast(pl.Int64).alias("citizens"),
            (pl.col("_learning") & pl.col("_recognised")).cast(pl.Int64).alias("learning"))
        out["citizens_in_learning_units"] = (
            ("unit",), _spread(_aggregate(staff, values, areas, mapping), closure, values))
    return out


def _worker(citizens: pl.DataFrame) -> pl.Expr:
    """Whether each citizen counts as a worker: the ``worker`` column read as yes/no, or
    everyone when there is no such column (or it is empty)."""
    if "worker" not in citizens.columns or citizens["worker"].null_count() == citizens.height:
        return pl.lit(True).alias("_worker")
    if citizens.schema["worker"] == pl.Boolean:  # typed (Parquet): "true" is a yes word
        return pl.col("worker").fill_null(False).alias("_worker")
    text = pl.col("worker").cast(pl.String).str.strip_chars().str.to_lowercase()
    return text.is_in(TRUE_WORDS).fill_null(False).alias("_worker")


# --- from frames to figures ---------------------------------------------------------------


def _index(frame: pl.DataFrame) -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in frame.to_dicts()}


def _figures(model: str, counts: Mapping[str, Any] | None,
             totals: Mapping[str, Any] | None) -> ModelFigures | None:
    numbers = {s: int(counts[s]) if counts else 0 for s in _STATUSES}
    column = TOTAL_OF.get(model)
    total = None if totals is None or column is None else totals.get(column)
    evaluated = numbers["recognised"] + numbers["not_recognised"] + numbers["incomplete"]
    subjects = evaluated + numbers["rejected"]
    if subjects == 0 and total is None:
        return None
    denominator, kind = (int(total), "area_total") if total is not None else \
        (subjects, "subjects")
    rate = numbers["recognised"] / denominator if denominator else None
    return ModelFigures(model, subjects, evaluated, numbers["recognised"],
                        numbers["not_recognised"], numbers["incomplete"], numbers["rejected"],
                        None if total is None else int(total), denominator,
                        kind,  # type: ignore[arg-type]
                        rate)


def _share(measure: str, basis: tuple[str, ...],
           counts: Mapping[str, Any] | None) -> ShareFigures | None:
    if counts is None:
        return None
    citizens, learning = int(counts["citizens"]), int(counts["learning"])
    if citizens == 0:
        return None
    return ShareFigures(measure, citizens, learning, learning / citizens, basis)


def _with(figures: ModelFigures, targets: tuple[TargetCheck, ...],
          changes: tuple[Change, ...]) -> ModelFigures:
    return ModelFigures(figures.model, figures.subjects, figures.evaluated, figures.recognised,
                        figures.not_recognised, figures.incomplete, figures.rejected,
                        figures.area_total, figures.denominator, figures.denominator_kind,
                        figures.rate, targets, changes)


def _change(recognised: int, rate: float | None, now_kind: Denominator,
            before: ModelFigures | ShareFigures | None, year: int | None) -> Change:
    if before is None:
        return Change(year, 0, 0, "subjects", None, recognised, None)
    if isinstance(before, ShareFigures):
        then, denominator, kind = before.learning, before.citizens, before.denominator_kind
    else:
        then, denominator, kind = before.recognised, before.denominator, \
            before.denominator_kind
    # rates over different kinds of denominator (an area total, records) are not compared
    points = None if rate is None or before.rate is None or kind != now_kind else \
        round((rate - before.rate) * 100, 6)
    return Change(year, then, denominator, kind, before.rate, recognised - then, points)


def _too_many(row: Mapping[str, Any], model: str, figures: ModelFigures) -> Text:
    return Text(
        vi=f"{row['name'] or row['code']} ({row['code']}): có {figures.subjects} hồ sơ "
           f"{NOUNS[model]['vi'][0].removesuffix(' học tập')} nhưng tổng số theo danh mục "
           f"địa bàn chỉ là {figures.area_total}; cần kiểm tra lại số liệu.",
        en=f"{row['name'] or row['code']} ({row['code']}): {figures.subjects} "
           f"{model} records but the area list gives a total of {figures.area_total}; "
           "check the figures.")


class _Checker:
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
