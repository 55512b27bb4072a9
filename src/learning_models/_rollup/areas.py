"""The areas of a roll-up: the hierarchy (area list, or the codes the subjects carry, and
the villages that are community subjects), each area's ancestors, the totals used as
denominators (own, else summed over the children), and old area codes mapped through the
crosswalks onto this year's."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from .._evidence import AREA_LEVELS
from .._scoring import DatasetEvaluation, scored_table
from .types import ALL, TOTALS

__all__ = ["area_closure", "code_mapping", "effective_totals", "evaluation_hierarchy",
           "extend_closure", "hierarchy", "previous_totals", "remap_codes"]


def evaluation_hierarchy(evaluation: DatasetEvaluation) -> pl.DataFrame:
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
                "_listed": pl.Boolean, **dict.fromkeys(TOTALS, pl.Int64)}


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
              else pl.lit(None, dtype=pl.Int64).alias(t) for t in TOTALS))
    else:
        codes = pl.concat(seen).drop_nulls().unique() if seen else pl.DataFrame(
            schema={"area": pl.String})
        frame = codes.select(
            pl.col("area").alias("code"), pl.col("area").alias("name"),
            pl.lit("commune").alias("level"), pl.lit(None, dtype=pl.String).alias("parent"),
            pl.lit(True).alias("_listed"),
            *(pl.lit(None, dtype=pl.Int64).alias(t) for t in TOTALS))
    frame = frame.cast(schema)  # type: ignore[arg-type]
    if communities is not None:
        name = pl.col("name").cast(pl.String) if "name" in communities.columns \
            else pl.lit(None, dtype=pl.String)
        villages = communities.select(
            pl.col("id").alias("code"), pl.coalesce(name, pl.col("id")).alias("name"),
            pl.lit("village").alias("level"), pl.col("area").cast(pl.String).alias("parent"),
            pl.lit(False).alias("_listed"),
            *(pl.lit(None, dtype=pl.Int64).alias(t) for t in TOTALS),
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


def effective_totals(areas: pl.DataFrame, own: pl.DataFrame) -> pl.DataFrame:
    """Per area (and ``*``) the totals used as denominators: its own, else the sum over its
    listed children when every one of them has a total."""
    base = areas.select("code", "parent", "_listed").join(
        own.select("code", *(pl.col(t).alias(f"_own_{t}") for t in TOTALS)),
        on="code", how="left")
    frame = base.with_columns(*(pl.col(f"_own_{t}").alias(t) for t in TOTALS))
    for _ in range(len(AREA_LEVELS)):
        sums = frame.filter(pl.col("_listed") & pl.col("parent").is_not_null()) \
            .group_by("parent").agg(
                *(pl.col(t).sum().alias(f"_s_{t}") for t in TOTALS),
                *(pl.col(t).null_count().alias(f"_n_{t}") for t in TOTALS)) \
            .rename({"parent": "code"})
        frame = base.join(sums, on="code", how="left").select(
            "code", "parent", "_listed",
            *(pl.coalesce(pl.col(f"_own_{t}"),
                          pl.when(pl.col(f"_n_{t}") == 0).then(pl.col(f"_s_{t}"))).alias(t)
              for t in TOTALS))
    roots = frame.filter(pl.col("_listed") & pl.col("parent").is_null())
    whole = roots.select(
        pl.lit(ALL).alias("code"),
        *(pl.when((pl.col(t).null_count() == 0) & (pl.len() > 0)).then(pl.col(t).sum())
          .cast(pl.Int64).alias(t) for t in TOTALS))
    return pl.concat([frame.select("code", *TOTALS), whole])


def code_mapping(current: DatasetEvaluation, before: DatasetEvaluation,
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


def remap_codes(codes: pl.Expr, mapping: pl.DataFrame | None, known: pl.Series) -> pl.Expr:
    """Map codes through the crosswalk (unlisted codes stay) and keep those now known."""
    if mapping is not None and not mapping.is_empty():
        codes = codes.replace(mapping["old"], mapping["new"])
    return pl.when(codes.is_in(known.implode())).then(codes)


def previous_totals(before: DatasetEvaluation, areas: pl.DataFrame,
                     mapping: pl.DataFrame, touched: list[str]) -> pl.DataFrame:
    """The earlier year's own totals on this year's codes: the old areas that map onto one
    new area (at the same level) summed, unknown when any of them lacks the total or when
    part of a split old area went to it."""
    old = before.dataset.areas
    if old is None:
        return pl.DataFrame(schema={"code": pl.String, **dict.fromkeys(TOTALS, pl.Int64)})
    mapped = old.select(
        remap_codes(pl.col("code"), mapping, areas["code"]).alias("code"),
        pl.col("level").cast(pl.String).alias("_old_level"),
        *(pl.col(t).cast(pl.Int64) if t in old.columns else pl.lit(None, dtype=pl.Int64)
          .alias(t) for t in TOTALS)).drop_nulls("code")
    mapped = mapped.join(areas.select("code", "level"), on="code") \
        .filter(pl.col("level") == pl.col("_old_level"))
    return mapped.group_by("code").agg(
        *(pl.when(pl.col(t).null_count() == 0).then(pl.col(t).sum()).alias(t)
          for t in TOTALS)).with_columns(
        *(pl.when(~pl.col("code").is_in(touched)).then(pl.col(t)).alias(t) for t in TOTALS))
