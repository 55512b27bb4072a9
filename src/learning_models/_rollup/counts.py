"""The additive part of a roll-up, computed column-wise: per model how many subjects of each
status, per learning-citizen share how many citizens and learning citizens, in every area.

Learning-citizen shares. ``citizens_in_learning_households``: among workers (citizens whose
``worker`` column is true; every citizen when the column is absent or empty) who belong to a
recognised family — or to a family of a recognised clan or community — the share recognised as
learning citizens. ``citizens_in_learning_units``: among staff (citizens with ``unit`` set) of
recognised units, the share recognised; counted in the unit's area.

Python loops run over models only, never over subjects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from .._evidence import LINE, RELATIONS, ROW, TRUE_WORDS
from .._scoring import SET_COLUMN, DatasetEvaluation, gather_by_link, parts_of, scored_table
from .areas import remap_codes
from .types import ALL, STATUSES, UNLOCATED

__all__ = ["SET_SEPARATOR", "AreaCounts", "Earlier", "add_counts", "count_by_area"]

#: Between a status and a set's id in the names of the per-set count columns of a model
#: routed to several sets (``recognised@vn/2021-2025/unit-tt22``).
SET_SEPARATOR = "@"
_PER_SET = ("recognised", "not_recognised", "incomplete")


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
    #: Per model evaluated by one set only (no per-set columns), that set's id.
    one_set: Mapping[str, str] = field(default_factory=dict)


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
    `mapping` (see `code_mapping`)."""
    families = _families_of_citizens(evaluation)
    located = {m: _located(evaluation, m, areas, families) for m in evaluation.results}
    sets = {m: [p.program.spec.id for p in parts_of(r)]
            for m, r in evaluation.results.items() if len(parts_of(r)) > 1}
    one_set = {m: parts_of(r)[0].program.spec.id
               for m, r in evaluation.results.items() if len(parts_of(r)) == 1}
    return AreaCounts(_model_counts(located, areas, closure, mapping, sets),
                      _shares(evaluation, located, families, areas, closure, mapping),
                      one_set)


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
    one_set: dict[str, set[str]] = {}
    for part in parts:
        for model, ident in part.one_set.items():
            one_set.setdefault(model, set()).add(ident)
        for model, frame in part.models.items():
            models.setdefault(model, []).append(frame)
        for measure, (basis, frame) in part.shares.items():
            seen, frames = shares.setdefault(measure, (set(), []))
            seen.update(basis)
            frames.append(frame)

    def total(frames: list[pl.DataFrame]) -> pl.DataFrame:
        values = list(dict.fromkeys(c for f in frames for c in f.columns if c != "code"))
        return pl.concat(frames, how="diagonal").group_by("code").agg(
            pl.col(v).sum().cast(pl.Int64) for v in values).sort("code")

    return AreaCounts(
        {m: total(f) for m, f in models.items()},
        {m: (tuple(sorted(basis, key=lambda b: (_BASIS_ORDER.index(b)
                                                if b in _BASIS_ORDER else 99, b))),
             total(frames)) for m, (basis, frames) in shares.items()},
        {m: next(iter(ids)) for m, ids in one_set.items() if len(ids) == 1})


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
        *((pl.col(SET_COLUMN),) if SET_COLUMN in cols else ()),
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
    found = set(raw[ROW].to_list())  # once: rebuilt per row, it made the count quadratic
    unread = pl.DataFrame({ROW: [r for r in rows if r not in found]}, schema={ROW: pl.Int64})
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
    return groups.with_columns(remap_codes(pl.col("area"), mapping, known).alias("area"),
                               remap_codes(pl.col("village"), None, known).alias("village"))


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
    # subjects of no known area are counted on their own line, so that the top areas and
    # that line add up to the whole dataset
    lost = groups.filter(pl.col("area").is_null() & pl.col("village").is_null()) \
        .select("_g", *values, pl.lit(UNLOCATED).alias("code"))
    return pl.concat([within.select("code", *values), lost.select("code", *values),
                      whole.select("code", *values)]) \
        .group_by("code").agg(*(pl.col(v).sum().cast(pl.Int64) for v in values))


def _model_counts(located: Mapping[str, tuple[pl.DataFrame, pl.DataFrame]],
                  areas: pl.DataFrame, closure: pl.DataFrame,
                  mapping: pl.DataFrame | None,
                  sets: Mapping[str, Sequence[str]]) -> dict[str, pl.DataFrame]:
    """Per model and area, how many subjects of each status; for a model routed to
    several sets, also per set (`SET_SEPARATOR`: every evaluated subject in one set's
    columns, a rejected record in none)."""
    counts = {}
    for model, parts in located.items():
        every = pl.concat(parts, how="diagonal").with_columns(
            *((pl.col("status") == s).cast(pl.Int64).alias(s) for s in STATUSES))
        values = list(STATUSES)
        for ident in sets.get(model, ()):
            named = [f"{s}{SET_SEPARATOR}{ident}" for s in _PER_SET]
            every = every.with_columns(
                ((pl.col("status") == s) & (pl.col(SET_COLUMN) == ident)).fill_null(False)
                .cast(pl.Int64).alias(n) for s, n in zip(_PER_SET, named, strict=True))
            values += named
        counts[model] = _spread(_aggregate(every, values, areas, mapping), closure, values)
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
