"""A synthetic nation for `national.py`: every household, adult, clan, village and unit of
Vietnam at a given scale, as Parquet files partitioned by province.

Scale 1.0 is the real size: ≈ 27.8 M census households of which ≈ 27 M registered (family
records), ≈ 70 M adults (citizen records), ≈ 100 k villages and residential groups (community
records), ≈ 70 k clans and ≈ 27 k commune-level units, in 34 provinces and 3,321 communes
(the two-tier map since 1 July 2025). Province sizes are skewed like the real ones (the
largest holds about a seventh of the country, the smallest about half a percent), but the
codes and names are invented (``01``…``34``, communes ``PPCCC``); nothing here is real data.

Generation is column-wise Polars: one frame per province, rows from ``pl.int_ranges`` and
pseudo-random draws from hashing each row's key with a seeded hash (``Expr.hash``), so the
same seed gives the same nation. Evidence follows the Bắc Kạn city example
(``examples/bac-kan-city/generate.py``): a village's "quality" drives every yes/no, an adult
who learns rates themself high, unit staff are nearly all learners. Counts that other models
derive (``from:``) are left for the evaluation; the counts a village or clan reports itself
(members, learning citizens, children) are summed from its households, the learning citizens
as the hand-written scorer of `national_baseline` recognises them.

``corrupt=True`` then spoils a share of the rows of every file (default 0.1%): wrong types
(words in number and yes/no columns, unknown enum values), values out of bounds, dangling
relations (a household in a village that does not exist, a person in an unknown unit, …),
duplicate ids (a copy of an existing record appended to the file) and people registered in
two provinces (a person given the id of the previous province's first person). The columns
that receive words are stored as text in every province, as a text export gives them. Every
spoiled row is listed in ``corrupted.parquet`` (file, row, kind) so the run can check it was
rejected, and nothing else.

The nation is written under ``benchmarks/.cache/`` (git-ignored), keyed by scale, seed,
variant, generator version (and, for a corrupted one, spoiling version) and Polars version
(its hash decides the draws), and reused.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import national_baseline as hand
import polars as pl

GENERATOR_VERSION = 3
#: The version of the spoiling (`corrupt_table`), in the corrupted variants' cache names only:
#: the clean nation does not change with it.
CORRUPTION_VERSION = 2
CACHE = Path(__file__).resolve().parent / ".cache" / "national"
MODELS = ("citizen", "family", "clan", "community", "unit")

CENSUS_HOUSEHOLDS = 27_800_000       # every household at scale 1.0
REGISTERED = 0.97                    # share of households that are in the data
COMMUNES = 3_321
VILLAGE_HOUSEHOLDS = 278             # → ≈ 100 k villages at scale 1.0
CLAN_HOUSEHOLDS = 400                # clans per commune ≈ households / 400
IN_CLAN = 0.7                        # share of households that belong to a registered clan
UNIT_HOUSEHOLDS = 1_000              # units per commune ≈ households / 1,000
STAFF = 0.012                        # share of workers on the staff of a commune unit
# Relative province sizes: roughly the populations (millions) of the 34 provinces.
PROVINCE_WEIGHTS = (
    8.7, 0.57, 1.86, 0.64, 0.51, 1.30, 1.78, 1.80, 0.88, 1.40, 3.60, 4.00, 4.70, 3.60, 4.40,
    4.30, 3.80, 1.60, 1.90, 1.43, 3.07, 2.20, 3.60, 2.20, 3.30, 3.90, 4.50, 14.0, 3.25, 4.40,
    4.30, 4.95, 4.20, 2.60)
YES_WORDS = ("có", "không")
# Columns stored as text in the corrupted nation (they receive words).
TEXT_COLUMNS = {"citizen": ("new_learning_rating", "has_learning_plan"),
                "family": ("adults", "study_corner"),
                "clan": ("members",), "community": ("households",), "unit": ("staff_trained",)}


@dataclass(frozen=True)
class Nation:
    """A generated nation on disk."""

    root: Path
    scale: float
    seed: int
    corrupt: float
    provinces: tuple[str, ...]

    def partition(self, province: str) -> Path:
        return self.root / f"province={province}"

    def files(self, province: str) -> dict[str, Path]:
        folder = self.partition(province)
        return {m: folder / f"{m}.parquet" for m in MODELS}

    @property
    def areas(self) -> Path:
        return self.root / "areas.parquet"

    @property
    def manifest(self) -> dict[str, object]:
        data: dict[str, object] = json.loads((self.root / "nation.json").read_text())
        return data

    def rows(self) -> dict[str, int]:
        """Records per model in the files (corrupted ones included)."""
        counts: dict[str, int] = json.loads((self.root / "nation.json").read_text())["rows"]
        return counts


# --- pseudo-random draws ----------------------------------------------------------------------


class Draws:
    """Uniform draws in [0, 1) from hashing a UInt64 key column: one stream per `salt`."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def u(self, key: pl.Expr, salt: int) -> pl.Expr:
        hashed = key.hash(seed=self.seed * 7_919 + salt * 104_729)
        return (hashed // 2048).cast(pl.Float64) * (1.0 / 2**53)

    def pick(self, key: pl.Expr, salt: int, values: tuple[int, ...],
             weights: tuple[float, ...]) -> pl.Expr:
        u = self.u(key, salt)
        total = sum(weights)
        edges = []
        acc = 0.0
        for weight in weights[:-1]:
            acc += weight / total
            edges.append(acc)
        expr: pl.Expr = pl.lit(values[-1])
        for value, edge in reversed(list(zip(values[:-1], edges, strict=True))):
            expr = pl.when(u < edge).then(pl.lit(value)).otherwise(expr)
        return expr

    def yes(self, key: pl.Expr, salt: int, p: pl.Expr | float) -> pl.Expr:
        return self.u(key, salt) < p


# --- the map ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    index: int
    code: str
    households: int
    communes: pl.DataFrame     # code, households, villages, clans, units, quality


def _largest_remainder(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    scale = sum(weights)
    raw = [total * w / scale for w in weights]
    counts = [max(minimum, int(r)) for r in raw]
    rest = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda k: raw[k] - int(raw[k]), reverse=True)
    for k in order[:max(rest, 0)]:
        counts[k] += 1
    return counts


def provinces(scale: float, seed: int) -> list[Province]:
    """Provinces with their communes: sizes, numbers of villages, clans and units, quality."""
    rng = random.Random(seed)
    households = _largest_remainder(round(CENSUS_HOUSEHOLDS * scale), list(PROVINCE_WEIGHTS))
    communes = _largest_remainder(COMMUNES, list(PROVINCE_WEIGHTS), minimum=1)
    out = []
    for index, (total, n) in enumerate(zip(households, communes, strict=True)):
        quality = rng.uniform(0.80, 0.96)
        sizes = _largest_remainder(total, [rng.uniform(0.5, 1.5) for _ in range(n)], minimum=1)
        code = f"{index + 1:02d}"
        frame = pl.DataFrame({
            "commune": [f"{code}{k + 1:03d}" for k in range(n)],
            "c_households": sizes,
            "villages": [max(1, round(s / VILLAGE_HOUSEHOLDS)) for s in sizes],
            "clans": [max(1, round(s / CLAN_HOUSEHOLDS)) for s in sizes],
            "units": [max(1, round(s / UNIT_HOUSEHOLDS)) for s in sizes],
            "c_quality": [min(0.99, max(0.55, rng.gauss(quality, 0.04))) for _ in range(n)],
            "c_index": list(range(n)),
        }, schema_overrides={"c_households": pl.Int64, "villages": pl.Int64,
                             "clans": pl.Int64, "units": pl.Int64})
        out.append(Province(index, code, total, frame))
    return out


def _villages(p: Province, d: Draws) -> pl.DataFrame:
    """village code, commune, census households, quality."""
    key0 = pl.lit(p.index + 1, dtype=pl.UInt64) * (2**40)
    frame = p.communes.with_columns(pl.int_ranges(1, pl.col("villages") + 1).alias("v")) \
        .explode("v").with_columns(
            (key0 + pl.col("c_index").cast(pl.UInt64) * 4096 + pl.col("v").cast(pl.UInt64))
            .alias("_key"))
    frame = frame.with_columns((0.6 + 0.8 * d.u(pl.col("_key"), 1)).alias("_w"))
    share = pl.col("_w") / pl.col("_w").sum().over("commune")
    frame = frame.with_columns((pl.col("c_households") * share).floor().cast(pl.Int64)
                               .alias("households"))
    rest = pl.col("c_households") - pl.col("households").sum().over("commune")
    frame = frame.with_columns(pl.when(pl.col("v") == 1).then(pl.col("households") + rest)
                               .otherwise(pl.col("households")).clip(1).alias("households"))
    return frame.select(
        (pl.col("commune") + pl.col("v").cast(pl.String).str.zfill(3)).alias("village"),
        "commune", "v", "households", "c_index", "clans", "units", "_key",
        (pl.col("c_quality") + 0.06 * (d.u(pl.col("_key"), 2) - 0.5)).clip(0.5, 0.995)
        .alias("quality"))


def _families(villages: pl.DataFrame, d: Draws) -> pl.DataFrame:
    """Registered households with their evidence (adults' counts filled in later)."""
    f = villages.select("village", "commune", "c_index", "clans", "units", "quality", "_key",
                        pl.int_ranges(1, pl.col("households") + 1).alias("n")).explode("n")
    f = f.with_columns((pl.col("_key") * 8192 + pl.col("n").cast(pl.UInt64)).alias("_key"))
    key = pl.col("_key")
    f = f.filter(d.u(key, 10) < REGISTERED)
    q = pl.col("quality")
    adults = d.pick(key, 11, (0, 1, 2, 3, 4), (2, 7, 38, 31, 22)).cast(pl.Int8)
    f = f.with_columns(adults.alias("adults"))
    children = pl.when(pl.col("adults") > 0).then(
        d.pick(key, 12, (0, 1, 2, 3), (42, 31, 23, 4))).otherwise(0).cast(pl.Int8)
    f = f.with_columns(children.alias("school_age_children"))
    has_children = pl.col("school_age_children") > 0
    dropout = has_children & (d.u(key, 13) < (1 - q) * 0.25)
    u_income = d.u(key, 20)
    blank = d.u(key, 21) < 0.006
    which = (d.u(key, 22) * 3).floor()
    in_clan = d.u(key, 23) < IN_CLAN
    clan_no = (d.u(key, 24) * pl.col("clans")).floor().cast(pl.Int64) + 1
    f = f.with_columns(
        ("H" + pl.col("village") + pl.col("n").cast(pl.String).str.zfill(4)).alias("id"),
        pl.col("village").alias("community"),
        pl.when(in_clan).then("DH-" + pl.col("commune") + "-"
                              + clan_no.cast(pl.String).str.zfill(3)).alias("clan"),
        (pl.col("school_age_children") - dropout.cast(pl.Int8)).alias("children_in_school"),
        pl.when(has_children).then(d.yes(key, 14, 0.6 + 0.4 * q)).alias("children_results_ok"),
        pl.when(has_children).then(d.yes(key, 15, 0.7 + 0.3 * q)).alias("children_conduct_ok"),
        d.yes(key, 16, 0.25 + 0.75 * q).alias("study_corner"),
        pl.when(~(blank & (which == 1))).then(d.yes(key, 17, 0.1 + 0.75 * q))
        .alias("study_fund"),
        d.yes(key, 18, 0.75 + 0.2 * q).alias("internet_device"),
        pl.when(blank & (which == 2)).then(None)
        .when(u_income < 0.25 - 0.2 * q).then(pl.lit("lower"))
        .when(u_income < 0.75 - 0.2 * q).then(pl.lit("stable"))
        .otherwise(pl.lit("higher")).alias("income"),
        pl.when(~(blank & (which == 0))).then(d.yes(key, 19, 0.35 + 0.65 * q))
        .alias("cultural_family"),
    )
    return f


def _citizens(families: pl.DataFrame, d: Draws) -> pl.DataFrame:
    """The adults (19–60) of every household: one self-assessment each."""
    c = families.select("id", "commune", "units", "quality", "_key",
                        pl.int_ranges(1, pl.col("adults").cast(pl.Int64) + 1).alias("m")) \
        .explode("m").drop_nulls("m")
    c = c.with_columns((pl.col("_key") * 8 + pl.col("m").cast(pl.UInt64)).alias("_key"),
                       pl.col("id").alias("family"))
    key, q = pl.col("_key"), pl.col("quality")
    worker = d.yes(key, 30, 0.85)
    staff = worker & (d.u(key, 31) < STAFF)
    unit_no = (d.u(key, 32) * pl.col("units")).floor().cast(pl.Int64) + 1
    c = c.with_columns(
        (pl.col("id") + "-" + pl.col("m").cast(pl.String)).alias("id"),
        worker.alias("worker"),
        pl.when(staff).then("DV-" + pl.col("commune") + "-"
                            + unit_no.cast(pl.String).str.zfill(3)).alias("unit"))
    weak = d.u(pl.col("unit").hash(seed=d.seed), 33) < 0.08
    learner_p = pl.when(pl.col("unit").is_not_null()) \
        .then(pl.when(weak).then(0.85).otherwise(0.9995)).otherwise(0.12 + 0.55 * q)
    learner = d.u(key, 34) < learner_p
    drive = pl.when(learner & pl.col("unit").is_not_null()).then(0.88 + 0.11 * d.u(key, 35)) \
        .when(learner).then(0.7 + 0.25 * d.u(key, 35)) \
        .otherwise(0.15 + 0.3 * d.u(key, 35))
    c = c.with_columns(drive.alias("_drive"), learner.alias("_learner"))
    blank_at = pl.when(d.u(key, 36) < 0.004).then((d.u(key, 37) * 9).floor().cast(pl.Int8))
    ratings = []
    for k, name in enumerate(hand.RATINGS):
        x = d.u(key, 40 + k)
        drive_ = pl.col("_drive")
        value = pl.when(x < drive_).then(2).when(x < drive_ + (1 - drive_) * 0.75).then(1) \
            .otherwise(0)
        if name == "language_rating":
            value = pl.when(d.u(key, 50) > 0.03 * (1.2 - q)).then(pl.max_horizontal(value, 1)) \
                .otherwise(0)
        ratings.append(pl.when(blank_at.fill_null(-1) != k).then(value).cast(pl.Int8)
                       .alias(name))
    c = c.with_columns(
        (pl.col("_learner") | (d.u(key, 38) < 0.35)).alias("has_learning_plan"), *ratings)
    return c


def _group(frame: pl.DataFrame, by: str, values: dict[str, pl.Expr]) -> pl.DataFrame:
    return frame.group_by(by).agg(**values)


def province_tables(p: Province, d: Draws) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The five models' records of one province, and its areas (communes and villages)."""
    villages = _villages(p, d)
    families = _families(villages, d)
    citizens = _citizens(families, d)
    recognised = hand.citizens(citizens.select(hand.COLUMNS["citizen"]))["status"] \
        == "recognised"
    citizens = citizens.with_columns(recognised.alias("_recognised"))
    per_family = _group(citizens, "family", {
        "adults_literate": (pl.col("language_rating") != 0).fill_null(True).sum()
        .cast(pl.Int8),
        "adults_learning": (pl.col("new_learning_rating") != 0).fill_null(True).sum()
        .cast(pl.Int8),
        "_learning_citizens": pl.col("_recognised").sum().cast(pl.Int32)})
    families = families.join(per_family.rename({"family": "id"}), on="id", how="left",
                             maintain_order="left").with_columns(
        pl.col("adults_literate").fill_null(0), pl.col("adults_learning").fill_null(0),
        pl.col("_learning_citizens").fill_null(0))

    sums = {"members": pl.col("adults").cast(pl.Int32).sum(),
            "learning_citizens": pl.col("_learning_citizens").sum(),
            "school_age_children": pl.col("school_age_children").cast(pl.Int32).sum(),
            "children_in_school": pl.col("children_in_school").cast(pl.Int32).sum()}
    per_village = _group(families, "community", sums)
    q = pl.col("quality")
    key = pl.col("_key")
    communities = villages.join(per_village.rename({"community": "village"}), on="village",
                                how="left", maintain_order="left").with_columns(
        pl.col(c).fill_null(0) for c in sums)
    communities = communities.select(
        pl.col("village").alias("id"), ("Thôn " + pl.col("v").cast(pl.String)).alias("name"),
        pl.col("village").alias("area"), pl.col("households").cast(pl.Int32), *sums,
        d.yes(key, 60, 0.2 + 0.8 * q).alias("yearly_plan"),
        d.yes(key, 61, 0.3 + 0.7 * q).alias("communication"),
        d.yes(key, 62, 0.2 + 0.8 * q).alias("lifelong_learning_week"),
        pl.when(d.u(key, 63) >= 0.02).then(d.yes(key, 64, 0.1 + 0.9 * q)).alias("study_fund"),
        d.yes(key, 65, 0.3 + 0.7 * q).alias("coordination"),
        d.yes(key, 66, 0.2 + 0.8 * q).alias("centre_classes"),
        d.yes(key, 67, 0.2 + 0.8 * q).alias("cultural_house_learning"))

    clan_rows = _group(families.drop_nulls("clan"), "clan", {
        "households": pl.len().cast(pl.Int32), **sums, "area": pl.col("commune").first(),
        "quality": pl.col("quality").mean()}).sort("clan")
    ckey = pl.col("clan").hash(seed=d.seed)
    cq = (q + 0.08 * (d.u(ckey, 70) - 0.5)).clip(0.5, 0.995)
    clans = clan_rows.with_columns(cq.alias("quality")).select(
        pl.col("clan").alias("id"), ("Dòng họ " + pl.col("clan").str.slice(9)).alias("name"),
        "area", "households", *sums,
        d.yes(ckey, 71, 0.5 + 0.5 * q).alias("has_board"),
        d.yes(ckey, 72, 0.4 + 0.6 * q).alias("has_fund"),
        d.yes(ckey, 73, 0.5 + 0.5 * q).alias("rules_encourage_learning"),
        d.yes(ckey, 74, 0.4 + 0.6 * q).alias("awards_held"),
        d.yes(ckey, 75, 0.4 + 0.6 * q).alias("review_held"))

    staff = citizens.drop_nulls("unit")
    unit_rows = _group(staff, "unit", {
        "staff": pl.len().cast(pl.Int32),
        "staff_with_plan": pl.col("has_learning_plan").sum().cast(pl.Int32),
        "area": pl.col("commune").first()}).sort("unit")
    ukey = pl.col("unit").hash(seed=d.seed + 1)
    n = pl.col("staff")
    units = unit_rows.select(
        pl.col("unit").alias("id"), ("Đơn vị " + pl.col("unit").str.slice(3)).alias("name"),
        "area", pl.lit("commune").alias("level"),      # commune-level units (applies_to)
        d.yes(ukey, 80, 0.97).alias("study_plan"),
        d.yes(ukey, 81, 0.9).alias("learning_rules"),
        d.yes(ukey, 82, 0.85).alias("learning_resources"),
        "staff", "staff_with_plan",
        (d.u(ukey, 83) < 0.05).cast(pl.Int32).alias("staff_disciplined"),
        (n - (d.u(ukey, 84) < 0.2).cast(pl.Int32)).alias("staff_trained"),
        (n - d.pick(ukey, 85, (0, 1, 2), (2, 1, 1)).cast(pl.Int32)).clip(0)
        .alias("staff_advanced_workers"),
        d.yes(ukey, 86, 0.92).alias("tasks_completed_well"),
        d.yes(ukey, 87, 0.6).alias("initiatives"))

    tables = {
        "citizen": citizens.select(hand.COLUMNS["citizen"]),
        "family": families.select(hand.COLUMNS["family"]),
        "clan": clans, "community": communities, "unit": units,
    }
    # areas: the province's communes (with their totals) and villages
    extra = p.communes.select("commune", "c_index", (pl.lit(p.index + 1, dtype=pl.UInt64)
                                                     * 1000 + pl.col("c_index")
                                                     .cast(pl.UInt64)).alias("_k"))
    counted = p.communes.select("commune", "c_households", "villages").join(
        clans.group_by(pl.col("area").alias("commune")).agg(pl.len().alias("_clans")),
        on="commune", how="left").join(
        units.group_by(pl.col("area").alias("commune")).agg(pl.len().alias("_units")),
        on="commune", how="left").join(extra, on="commune")
    commune_areas = counted.select(
        pl.col("commune").alias("code"), ("Xã " + pl.col("commune")).alias("name"),
        pl.lit("commune").alias("level"), pl.lit(p.code).alias("parent"),
        pl.col("c_households").cast(pl.Int64).alias("households"),
        (pl.col("_clans").fill_null(0) + d.pick(pl.col("_k"), 90, (0, 1, 2), (1, 2, 1)))
        .cast(pl.Int64).alias("clans"),
        pl.col("villages").cast(pl.Int64).alias("communities"),
        (pl.col("_units").fill_null(0) + (d.u(pl.col("_k"), 91) < 0.5).cast(pl.Int64))
        .cast(pl.Int64).alias("units"))
    village_areas = villages.select(
        pl.col("village").alias("code"), ("Thôn " + pl.col("v").cast(pl.String)).alias("name"),
        pl.lit("village").alias("level"), pl.col("commune").alias("parent"),
        pl.col("households").cast(pl.Int64).alias("households"),
        *(pl.lit(None, dtype=pl.Int64).alias(c) for c in ("clans", "communities", "units")))
    return tables, pl.concat([commune_areas, village_areas])


# --- corruption -------------------------------------------------------------------------------

#: For each model, the kinds of damage and how to do it: (kind, column, bad value).
DAMAGE: dict[str, tuple[tuple[str, str, str | int], ...]] = {
    "citizen": (("wrong type", "new_learning_rating", "hai"),
                ("wrong type", "has_learning_plan", "có lẽ"),
                ("out of bounds", "reading_rating", 3),
                ("dangling relation", "family", "HX"),
                ("dangling relation", "unit", "DV-X"),
                ("duplicate id", "", ""),
                ("id of another province", "id", "")),
    "family": (("wrong type", "adults", "ba"),
               ("wrong type", "study_corner", "có lẽ"),
               ("wrong type", "income", "tăng nhẹ"),
               ("out of bounds", "children_in_school", 25),
               ("dangling relation", "community", "X"),
               ("dangling relation", "clan", "DH-X"),
               ("duplicate id", "", "")),
    "clan": (("wrong type", "members", "nhiều"), ("dangling relation", "area", "X"),
             ("duplicate id", "", "")),
    "community": (("wrong type", "households", "khoảng 300"),
                  ("dangling relation", "area", "X"), ("duplicate id", "", "")),
    "unit": (("wrong type", "staff_trained", "đủ"), ("out of bounds", "staff", 0),
             ("dangling relation", "area", "X"), ("duplicate id", "", "")),
}


def _as_text(frame: pl.DataFrame, model: str) -> pl.DataFrame:
    out = []
    for column in TEXT_COLUMNS[model]:
        if frame.schema[column] == pl.Boolean:
            out.append(pl.col(column).replace_strict({True: YES_WORDS[0], False: YES_WORDS[1]},
                                                     return_dtype=pl.String))
        else:
            out.append(pl.col(column).cast(pl.String))
    return frame.with_columns(out)


def corrupt_table(frame: pl.DataFrame, model: str, share: float, d: Draws, salt: int,
                  borrowed: str | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Spoil about `share` of the rows; returns the table and the spoiled rows (row, kind,
    column), rows numbered from 1 as the file holds them. `borrowed` is the id a row
    spoiled as "id of another province" takes (without it, those rows are left alone)."""
    frame = _as_text(frame, model)
    damage = DAMAGE[model]
    key = pl.col("_i").cast(pl.UInt64) + pl.lit(salt, dtype=pl.UInt64) * 2**40
    marked = frame.with_row_index("_i").with_columns(
        pl.when(d.u(key, 100) < share).then((d.u(key, 101) * len(damage)).floor()
                                            .cast(pl.Int32)).alias("_kind"))
    changes = []
    for k, (kind, column, bad) in enumerate(damage):
        if kind == "duplicate id":
            continue
        if kind == "id of another province":
            if borrowed is None:   # the first province: nobody to be registered twice with
                marked = marked.with_columns(pl.when(pl.col("_kind") != k)
                                             .then(pl.col("_kind")).alias("_kind"))
            else:
                changes.append((column, pl.col("_kind") == k, pl.lit(borrowed)))
            continue
        hit = pl.col("_kind") == k
        if kind == "dangling relation":
            value = pl.col(column).cast(pl.String) + f"-{bad}" if column != "area" else \
                pl.lit(f"{bad}") + pl.col(column).cast(pl.String)
            # a household with no clan gets one that does not exist
            value = pl.coalesce(value, pl.lit(f"{bad}-0"))
            changes.append((column, hit, value))
        else:
            changes.append((column, hit, pl.lit(bad)))
    by_column: dict[str, pl.Expr] = {}
    for column, hit, value in changes:
        base = by_column.get(column, pl.col(column))
        if isinstance(value, pl.Expr) and frame.schema[column] == pl.String:
            value = value.cast(pl.String)
        by_column[column] = pl.when(hit).then(value).otherwise(base)
    spoiled = marked.with_columns(
        expr.cast(frame.schema[c]).alias(c) for c, expr in by_column.items())
    duplicate = next(k for k, (kind, _, _) in enumerate(damage) if kind == "duplicate id")
    copies = spoiled.filter(pl.col("_kind") == duplicate)
    out = pl.concat([spoiled.with_columns(
        pl.when(pl.col("_kind") == duplicate).then(None).otherwise(pl.col("_kind"))
        .alias("_kind")), copies])
    out = out.with_row_index("_row", offset=1)
    report = out.filter(pl.col("_kind").is_not_null()).select(
        pl.col("_row").cast(pl.Int64).alias("row"),
        pl.col("_kind").replace_strict({k: kind for k, (kind, _, _) in enumerate(damage)},
                                       return_dtype=pl.String).alias("kind"),
        pl.col("_kind").replace_strict({k: column for k, (_, column, _) in enumerate(damage)},
                                       return_dtype=pl.String).alias("column"))
    return out.drop("_i", "_kind", "_row"), report


# --- the whole nation ---------------------------------------------------------------------


def cache_dir(scale: float, seed: int, corrupt: float) -> Path:
    variant = "clean" if not corrupt else f"corrupt{corrupt:g}-c{CORRUPTION_VERSION}"
    return CACHE / (f"s{scale:g}-seed{seed}-{variant}-g{GENERATOR_VERSION}"
                    f"-pl{pl.__version__}")


def generate(scale: float, seed: int = 387, corrupt: float = 0.0, *,
             log: Callable[[str], None] | None = None) -> Nation:
    """The nation at `scale`, from the cache when it is there, else generated into it."""
    root = cache_dir(scale, seed, corrupt)
    if (root / "nation.json").exists():
        manifest = json.loads((root / "nation.json").read_text())
        return Nation(root, scale, seed, corrupt, tuple(manifest["provinces"]))
    if root.exists():
        shutil.rmtree(root)
    work = root.with_name(root.name + ".part")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    d = Draws(seed)
    started = time.perf_counter()
    rows = dict.fromkeys(MODELS, 0)
    areas = [pl.DataFrame({
        "code": ["VN"], "name": ["Việt Nam (tổng hợp)"], "level": ["country"],
        "parent": [None]}, schema={"code": pl.String, "name": pl.String, "level": pl.String,
                                   "parent": pl.String})]
    reports = []
    plan = provinces(scale, seed)
    first_person: str | None = None   # the previous province's, as its file holds it
    for p in plan:
        tables, province_areas = province_tables(p, d)
        folder = work / f"province={p.code}"
        folder.mkdir()
        for n, model in enumerate(MODELS):
            table = tables[model]
            if corrupt:
                table, report = corrupt_table(table, model, corrupt, d, p.index * 8 + n,
                                              first_person if model == "citizen" else None)
                if model == "citizen" and table.height:
                    first_person = table["id"][0]
                reports.append(report.select(
                    pl.lit(f"province={p.code}/{model}.parquet").alias("file"), "row", "kind",
                    "column"))
            table.write_parquet(folder / f"{model}.parquet")
            rows[model] += table.height
        areas.append(pl.DataFrame({"code": [p.code], "name": [f"Tỉnh {p.code} (tổng hợp)"],
                                   "level": ["province"], "parent": ["VN"]}))
        areas.append(province_areas)
        if log:
            log(f"generated province {p.code}: {tables['family'].height:,} households, "
                f"{tables['citizen'].height:,} adults ({time.perf_counter() - started:.1f}s)")
    pl.concat(areas, how="diagonal_relaxed").write_parquet(work / "areas.parquet")
    if corrupt:
        pl.concat(reports).write_parquet(work / "corrupted.parquet")
    manifest = {"scale": scale, "seed": seed, "corrupt": corrupt, "rows": rows,
                "provinces": [p.code for p in plan],
                "generator": GENERATOR_VERSION, "polars": pl.__version__,
                "seconds": round(time.perf_counter() - started, 1)}
    (work / "nation.json").write_text(json.dumps(manifest, indent=2) + "\n")
    work.rename(root)
    return Nation(root, scale, seed, corrupt, tuple(manifest["provinces"]))
