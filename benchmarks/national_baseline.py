"""The national computation written by hand with Polars: the baseline of `national.py`.

The five shipped sets in force in 2024 (``criteria/vn/2021-2025``, the citizens'
``criteria/vn/2021-2030``) scored without the library, in dependency order (citizens →
families → clans and communities; citizens → units), with the derived counts the sets
declare (``from:``; a family's learning citizens are its members aged 19–60), the exempted
members counted out of a family's shares, the missing-evidence rule (recognised when the
worst case passes, not recognised when the best case fails, otherwise incomplete), the
citizens' floor (no indicator below 5), the unit grades, then the roll-up: per commune and
model how many recognised / not recognised / incomplete, the two learning-citizen shares,
province and country sums, and the gap to each national target of ``vn-387``. Units are
commune-level ones only (the unit set's ``applies_to``), as `national_data` generates them;
given another level, the run stops rather than score it with the wrong set.

It does none of the library's validation (types, bounds, relations, duplicate ids), so it is
only run on the clean nation, and `national.py` checks, before timing anything, that it gives
exactly the library's counts in every commune, so a wrong baseline cannot flatter the library.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

MODELS = ("citizen", "family", "clan", "community", "unit")
STATUSES = ("recognised", "not_recognised", "incomplete")
# The 2025 milestones of vn-387 (the year evaluated is 2024, so 2025 is the one in force).
TARGETS = {"family": 0.70, "clan": 0.65, "community": 0.65, "unit": 0.80,
           "citizens_in_learning_households": 0.40, "citizens_in_learning_units": 0.60}
TOTAL_OF = {"family": "households", "clan": "clans", "community": "communities",
            "unit": "units"}

# --- the columns each model needs (the projection) -------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {
    "citizen": ("id", "family", "unit", "worker", "group", "age", "plan_points",
                "new_learning_points", "reading_points", "applying_points", "language_points",
                "digital_use_points", "information_points", "online_learning_points",
                "relations_points", "community_points"),
    "family": ("id", "community", "clan", "school_age_children", "children_in_school",
               "children_exempted", "children_results_ok", "children_conduct_ok", "adults",
               "adults_exempted", "adults_literate", "adults_learning", "study_corner",
               "study_fund", "internet_device", "income", "cultural_family"),
    "clan": ("id", "name", "area", "households", "members", "learning_citizens",
             "school_age_children", "children_in_school", "has_board", "has_fund",
             "rules_encourage_learning", "awards_held", "review_held"),
    "community": ("id", "name", "area", "households", "members", "learning_citizens",
                  "school_age_children", "children_in_school", "yearly_plan", "communication",
                  "lifelong_learning_week", "study_fund", "coordination", "centre_classes",
                  "cultural_house_learning"),
    "unit": ("id", "name", "area", "level", "study_plan", "learning_rules", "learning_resources",
             "staff", "staff_with_plan", "staff_disciplined", "staff_trained",
             "staff_advanced_workers", "tasks_completed_well", "initiatives"),
}
#: The points a citizen gives themself on the form, one input per indicator (at most 10).
AWARDED = COLUMNS["citizen"][6:]
#: The citizens counted in their family's learning citizens (an age not given counts).
OF_WORKING_AGE = ((pl.col("age") >= 19) & (pl.col("age") <= 60)).fill_null(True)


# --- scoring helpers --------------------------------------------------------------------------


def _ratio(part: str, whole: str) -> pl.Expr:
    """ratio(part, whole): part / whole (exact), 1.0 when whole is 0, null when missing."""
    a, b = pl.col(part), pl.col(whole)
    return pl.when(b != 0).then(a / b).when((b == 0) & a.is_not_null()).then(1.0)


def _when(condition: pl.Expr, points: float) -> pl.Expr:
    """All-or-nothing: null condition → null points (missing evidence)."""
    return pl.when(condition.is_null()).then(None).when(condition).then(points).otherwise(0.0)


def _levels(value: pl.Expr, *steps: tuple[pl.Expr, float]) -> pl.Expr:
    """First level that holds; a value that cannot be compared (null) gives null."""
    result: pl.Expr = pl.lit(0.0)
    for condition, points in reversed(steps):
        result = pl.when(condition).then(points).otherwise(result)
    return pl.when(value.is_null()).then(None).otherwise(result)


def _null_if_any_null(result: pl.Expr, *args: pl.Expr) -> pl.Expr:
    return pl.when(pl.all_horizontal(a.is_not_null() for a in args)).then(result)


def _min(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    """min(a, b): null when either is (a missing value might have been the smaller)."""
    return _null_if_any_null(pl.min_horizontal(a, b), a, b)


def _max(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    return _null_if_any_null(pl.max_horizontal(a, b), a, b)


def _holds(points: Mapping[str, float], mandatory: Sequence[str], floor: float | None,
           pass_mark: float, *, best: bool) -> pl.Expr:
    """The pass rule in the worst case (a missing indicator scores 0) or the best (its
    maximum): the total, the mandatory indicators met, no indicator below `floor`."""
    filled = {k: pl.col(k).fill_null(v if best else 0.0) for k, v in points.items()}
    rule = pl.sum_horizontal(filled.values()) >= pass_mark
    for k in mandatory:
        rule = rule & (filled[k] >= points[k])
    if floor is not None:
        rule = rule & (pl.min_horizontal(filled.values()) >= floor)
    return rule


def _decide(lf: pl.LazyFrame, points: Mapping[str, float], mandatory: Sequence[str],
            pass_mark: float, grades: Sequence[tuple[str, float]] = (),
            floor: float | None = None) -> pl.LazyFrame:
    """Total, status (worst case / best case) and grade from the indicator columns; `floor`:
    the lowest points any indicator may score (``min_points() >= floor``)."""
    lf = lf.with_columns(pl.sum_horizontal(pl.col(k).fill_null(0.0) for k in points)
                         .alias("total"))
    lf = lf.with_columns(
        pl.when(_holds(points, mandatory, floor, pass_mark, best=False))
        .then(pl.lit("recognised"))
        .when(~_holds(points, mandatory, floor, pass_mark, best=True))
        .then(pl.lit("not_recognised"))
        .otherwise(pl.lit("incomplete")).alias("status"))
    grade: pl.Expr = pl.lit(None, dtype=pl.String)
    for name, minimum in reversed(grades):
        grade = pl.when((pl.col("status") == "recognised") & (pl.col("total") >= minimum)) \
            .then(pl.lit(name)).otherwise(grade)
    return lf.with_columns(grade.alias("grade"))


def link(values: pl.Series, ids: pl.Series) -> pl.Series:
    """For each value, the row of `ids` it names (null when none): one join per relation,
    then everything else works on row numbers."""
    rows = pl.DataFrame({"_key": ids, "_at": pl.int_range(len(ids), dtype=pl.UInt32,
                                                           eager=True)})
    return pl.DataFrame({"_key": values}).join(rows, on="_key", how="left",
                                               maintain_order="left")["_at"]


def count(links: pl.Series, n: int, where: pl.Series | None = None) -> pl.Series:
    """How many rows (where `where`) point at each of `n` rows."""
    chosen = links if where is None else links.filter(where)
    counts = pl.DataFrame({"_at": chosen}).drop_nulls().group_by("_at").len()
    return pl.zeros(n, dtype=pl.Int64, eager=True).scatter(counts["_at"],
                                                            counts["len"].cast(pl.Int64))


# --- the five sets ----------------------------------------------------------------------------

CITIZEN_POINTS = {f"G{g}": 10.0 for g in (
    "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2")}


def citizens(frame: pl.DataFrame) -> pl.DataFrame:
    """Ten indicators, each the points given on the form (clipped to 0–10; none given:
    missing); recognised at 80 points with no indicator below 5."""
    lf = frame.lazy().with_columns(
        pl.col(given).cast(pl.Float64).clip(0.0, 10.0).alias(k)
        for k, given in zip(CITIZEN_POINTS, AWARDED, strict=True))
    return _decide(lf, CITIZEN_POINTS, (), 80, floor=5).collect()


_FAMILY_SHARES = (("schooling_share", "children_in_school", "children_expected"),
                  ("literacy_share", "adults_literate", "adults_expected"),
                  ("learning_share", "adults_learning", "adults_expected"),
                  ("citizen_share", "learning_citizens", "adults_expected"))
FAMILY_POINTS = {"C1.1": 10.0, "C1.2": 10.0, "C1.3": 10.0, "C2.1": 10.0, "C2.2": 10.0,
                 "C2.3": 10.0, "C3.1": 10.0, "C3.2": 5.0, "C3.3": 5.0, "C4.1": 10.0,
                 "C4.2": 10.0}


def families(frame: pl.DataFrame, learning_citizens: pl.Series) -> pl.DataFrame:
    """Families, with the learning citizens each counts (from the citizens' scores)."""
    lf = frame.lazy().with_columns(learning_citizens.alias("learning_citizens"))
    none = pl.col("school_age_children") == 0
    # members exempted (Decision 448) are counted out of the shares; none given: none
    lf = lf.with_columns(
        _max(pl.col("school_age_children") - pl.col("children_exempted").fill_null(0),
             pl.lit(0)).alias("children_expected"),
        _max(pl.col("adults") - pl.col("adults_exempted").fill_null(0), pl.lit(0))
        .alias("adults_expected"))
    lf = lf.with_columns(
        _min(pl.col(part), pl.col(whole)).alias(f"_{name}")
        for name, part, whole in _FAMILY_SHARES).with_columns(
        _ratio(f"_{name}", whole).alias(name) for name, _, whole in _FAMILY_SHARES)
    learn, cit = pl.col("learning_share"), pl.col("citizen_share")
    lf = lf.with_columns(
        _when(pl.col("schooling_share") >= 1, 10).alias("C1.1"),
        _when(pl.col("children_results_ok") | none, 10).alias("C1.2"),
        _when(pl.col("children_conduct_ok") | none, 10).alias("C1.3"),
        _when(pl.col("literacy_share") >= 1, 10).alias("C2.1"),
        _levels(learn, (learn >= 1, 10.0), (learn >= 0.5, 5.0)).alias("C2.2"),
        _levels(cit, (cit >= 0.4, 10.0), (cit > 0, 5.0)).alias("C2.3"),
        _when(pl.col("study_corner"), 10).alias("C3.1"),
        _when(pl.col("study_fund"), 5).alias("C3.2"),
        _when(pl.col("internet_device"), 5).alias("C3.3"),
        _when(pl.col("income").is_in(["stable", "higher"]), 10).alias("C4.1"),
        _when(pl.col("cultural_family"), 10).alias("C4.2"))
    return _decide(lf, FAMILY_POINTS, ("C1.1",), 80).collect()


def _group_shares(lf: pl.LazyFrame) -> pl.LazyFrame:
    lfs, cit, sch = pl.col("learning_family_share"), pl.col("citizen_share"), \
        pl.col("schooling_share")
    return lf.with_columns(
        _levels(lfs, (lfs >= 0.7, 25.0), (lfs >= 0.5, 15.0)).alias("_families"),
        _levels(cit, (cit >= 0.4, 15.0), (cit >= 0.2, 8.0)).alias("_citizens"),
        _levels(sch, (sch >= 1, 15.0), (sch >= 0.9, 8.0)).alias("_schooling"))


def _with_family_counts(frame: pl.DataFrame, households: pl.Series,
                        learning_families: pl.Series) -> pl.LazyFrame:
    """A clan's or village's households (its own figure, else the families counted) and
    learning families, and the three shares."""
    return frame.lazy().with_columns(
        pl.coalesce("households", households).alias("households"),
        learning_families.alias("learning_families")).with_columns(
        _ratio("learning_families", "households").alias("learning_family_share"),
        _ratio("learning_citizens", "members").alias("citizen_share"),
        _ratio("children_in_school", "school_age_children").alias("schooling_share"))


CLAN_POINTS = {"K1.1": 10.0, "K1.2": 10.0, "K1.3": 5.0, "K2.1": 25.0, "K2.2": 15.0,
               "K2.3": 15.0, "K3.1": 10.0, "K3.2": 10.0}


def clans(frame: pl.DataFrame, households: pl.Series,
          learning_families: pl.Series) -> pl.DataFrame:
    lf = _group_shares(_with_family_counts(frame, households, learning_families)).with_columns(
        _when(pl.col("has_board"), 10).alias("K1.1"),
        _when(pl.col("has_fund"), 10).alias("K1.2"),
        _when(pl.col("rules_encourage_learning"), 5).alias("K1.3"),
        pl.col("_families").alias("K2.1"), pl.col("_citizens").alias("K2.2"),
        pl.col("_schooling").alias("K2.3"),
        _when(pl.col("awards_held"), 10).alias("K3.1"),
        _when(pl.col("review_held"), 10).alias("K3.2"))
    return _decide(lf, CLAN_POINTS, ("K2.1",), 80).collect()


COMMUNITY_POINTS = {"P1.1": 10.0, "P1.2": 5.0, "P1.3": 5.0, "P2.1": 10.0, "P2.2": 5.0,
                    "P3.1": 25.0, "P3.2": 15.0, "P3.3": 15.0, "P4.1": 5.0, "P4.2": 5.0}


def communities(frame: pl.DataFrame, households: pl.Series,
                learning_families: pl.Series) -> pl.DataFrame:
    lf = _group_shares(_with_family_counts(frame, households, learning_families)).with_columns(
        _when(pl.col("yearly_plan"), 10).alias("P1.1"),
        _when(pl.col("communication"), 5).alias("P1.2"),
        _when(pl.col("lifelong_learning_week"), 5).alias("P1.3"),
        _when(pl.col("study_fund"), 10).alias("P2.1"),
        _when(pl.col("coordination"), 5).alias("P2.2"),
        pl.col("_families").alias("P3.1"), pl.col("_citizens").alias("P3.2"),
        pl.col("_schooling").alias("P3.3"),
        _when(pl.col("centre_classes"), 5).alias("P4.1"),
        _when(pl.col("cultural_house_learning"), 5).alias("P4.2"))
    return _decide(lf, COMMUNITY_POINTS, ("P3.1",), 80).collect()


UNIT_POINTS = {"U1.1": 10.0, "U1.2": 10.0, "U1.3": 10.0, "U2.1": 10.0, "U2.2": 5.0,
               "U2.3": 10.0, "U2.4": 5.0, "U3.1": 25.0, "U3.2": 10.0, "U3.3": 5.0}


def units(frame: pl.DataFrame, staff: pl.Series, learning: pl.Series) -> pl.DataFrame:
    """Commune-level units (the set's ``applies_to``): recognised at 50 points, on the
    total alone. A unit of another level has a set of its own, not written here."""
    if not (frame["level"] == "commune").all():
        raise ValueError("the hand-written run scores commune-level units only")
    lf = frame.lazy().with_columns(pl.coalesce("staff", staff).alias("staff"),
                                   learning.alias("staff_learning_citizens")) \
        .with_columns(_ratio("staff_with_plan", "staff").alias("plan_share"),
                      _ratio("staff_trained", "staff").alias("trained_share"),
                      _ratio("staff_advanced_workers", "staff").alias("advanced_share"),
                      _ratio("staff_learning_citizens", "staff").alias("citizen_share")) \
        .with_columns(
            _when(pl.col("study_plan"), 10).alias("U1.1"),
            _when(pl.col("learning_rules"), 10).alias("U1.2"),
            _when(pl.col("learning_resources"), 10).alias("U1.3"),
            _when(pl.col("plan_share") >= 1, 10).alias("U2.1"),
            _when(pl.col("staff_disciplined") == 0, 5).alias("U2.2"),
            _when(pl.col("trained_share") >= 1, 10).alias("U2.3"),
            _when(pl.col("advanced_share") >= 1, 5).alias("U2.4"),
            _when(pl.col("citizen_share") >= 1, 25).alias("U3.1"),
            _when(pl.col("tasks_completed_well"), 10).alias("U3.2"),
            _when(pl.col("initiatives"), 5).alias("U3.3"))
    return _decide(lf, UNIT_POINTS, (), 50,
                   (("good", 85.0), ("fair", 70.0), ("average", 50.0))).collect()


POINTS = {"citizen": CITIZEN_POINTS, "family": FAMILY_POINTS, "clan": CLAN_POINTS,
          "community": COMMUNITY_POINTS, "unit": UNIT_POINTS}


# --- one partition ------------------------------------------------------------------------


def read(folder: Path) -> dict[str, pl.DataFrame]:
    """The columns the sets need, from each model's Parquet file of one province."""
    return {m: pl.read_parquet(folder / f"{m}.parquet", columns=list(COLUMNS[m]))
            for m in MODELS if (folder / f"{m}.parquet").exists()}


def evaluate(tables: Mapping[str, pl.DataFrame],
             ) -> tuple[dict[str, pl.DataFrame], dict[str, pl.Series]]:
    """Every model of one province, in dependency order; and the relations as row numbers
    (``citizen.family`` → the family's row, …), for the roll-up."""
    c, f, cl, co, u = (tables[m] for m in ("citizen", "family", "clan", "community", "unit"))
    links = {"citizen.family": link(c["family"], f["id"]),
             "citizen.unit": link(c["unit"], u["id"]),
             "family.community": link(f["community"], co["id"]),
             "family.clan": link(f["clan"], cl["id"])}
    scored = {"citizen": citizens(c)}
    learning = scored["citizen"]["status"] == "recognised"
    counted = learning & c.select(OF_WORKING_AGE).to_series()
    scored["family"] = families(f, count(links["citizen.family"], f.height, counted))
    learning = scored["family"]["status"] == "recognised"
    for model, frame, score in (("clan", cl, clans), ("community", co, communities)):
        via = links[f"family.{model}"]
        scored[model] = score(frame, count(via, frame.height),
                              count(via, frame.height, learning))
    via = links["citizen.unit"]
    scored["unit"] = units(u, count(via, u.height),
                           count(via, u.height, scored["citizen"]["status"] == "recognised"))
    return scored, links


def results_frame(model: str, scored: pl.DataFrame, area: pl.Series | None) -> pl.DataFrame:
    """What is written per subject, as the library writes it: id, area, total, max_total,
    status, grade."""
    points = POINTS[model]
    return scored.select(
        "id", (pl.lit(None, dtype=pl.String) if area is None else pl.lit(area)).alias("area"),
        "total", pl.lit(sum(points.values())).alias("max_total"), "status", "grade")


def areas_of(scored: Mapping[str, pl.DataFrame],
             links: Mapping[str, pl.Series]) -> dict[str, pl.Series]:
    """Each subject's area, as the library places it: communities their own village, families
    their community's, citizens their family's (else their unit's), clans and units their
    own commune."""
    family = scored["community"]["area"].gather(links["family.community"])
    citizen = pl.DataFrame([family.gather(links["citizen.family"]).alias("a"),
                            scored["unit"]["area"].gather(links["citizen.unit"]).alias("b")]) \
        .select(pl.coalesce("a", "b")).to_series()
    return {"citizen": citizen, "family": family,
            "clan": scored["clan"]["area"], "community": scored["community"]["area"],
            "unit": scored["unit"]["area"]}


def write(folder: Path, scored: Mapping[str, pl.DataFrame],
          areas: Mapping[str, pl.Series]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for model, frame in scored.items():
        results_frame(model, frame, areas.get(model)).write_parquet(
            folder / f"{model}.parquet", compression="lz4")


def commune_counts(scored: Mapping[str, pl.DataFrame], links: Mapping[str, pl.Series],
                   areas: Mapping[str, pl.Series], parent: pl.DataFrame) -> pl.DataFrame:
    """Per commune: each model's counts per status and the two learning-citizen shares
    (citizens counted, of whom learning). `parent` maps village codes to their commune."""
    to_commune = parent.select(pl.col("code").alias("_at"), pl.col("commune"))

    def per_commune(frame: pl.DataFrame, sums: dict[str, pl.Expr]) -> pl.DataFrame:
        # sum per area first (few), then per commune: an area is a village or a commune
        by_area = frame.group_by("_at").agg(**sums)
        return by_area.join(to_commune, on="_at", how="left").group_by("commune").agg(
            pl.col(k).sum() for k in sums)

    parts = []
    for model, frame in scored.items():
        status = frame["status"]
        parts.append(per_commune(pl.DataFrame({"_at": areas[model], "status": status}), {
            f"{model}.{s}": (pl.col("status") == s).sum().cast(pl.Int64) for s in STATUSES}))
    recognised = {m: scored[m]["status"] == "recognised" for m in scored}
    learning_family = recognised["family"] \
        | recognised["clan"].gather(links["family.clan"]).fill_null(False) \
        | recognised["community"].gather(links["family.community"]).fill_null(False)
    counted = scored["citizen"]["worker"].fill_null(False) \
        & learning_family.gather(links["citizen.family"]).fill_null(False)
    households = per_commune(pl.DataFrame({
        "_at": areas["citizen"], "c": counted, "l": counted & recognised["citizen"]}), {
        "citizens_in_learning_households.citizens": pl.col("c").sum().cast(pl.Int64),
        "citizens_in_learning_households.learning": pl.col("l").sum().cast(pl.Int64)})
    unit_of = links["citizen.unit"]
    staff = pl.DataFrame({"_u": unit_of, "_rec": recognised["citizen"]}).drop_nulls("_u")
    unit_learning = recognised["unit"].gather(staff["_u"])
    in_units = per_commune(pl.DataFrame({
        "_at": scored["unit"]["area"].gather(staff["_u"]), "c": unit_learning,
        "l": unit_learning & staff["_rec"]}), {
        "citizens_in_learning_units.citizens": pl.col("c").sum().cast(pl.Int64),
        "citizens_in_learning_units.learning": pl.col("l").sum().cast(pl.Int64)})
    out = parts[0]
    for part in [*parts[1:], households, in_units]:
        out = out.join(part, on="commune", how="full", coalesce=True)
    return out.fill_null(0)


def rollup(per_commune: pl.DataFrame, areas: pl.DataFrame) -> pl.DataFrame:
    """Communes, provinces and the country: counts summed, rates over the area totals (or
    the subjects when no total), the 2025 target of vn-387 and the gap to it."""
    communes = areas.filter(pl.col("level") == "commune").select(
        pl.col("code").alias("commune"), pl.col("parent").alias("province"),
        *(pl.col(t) for t in TOTAL_OF.values()))
    table = communes.join(per_commune, on="commune", how="left").fill_null(0)
    numbers = [c for c in table.columns if "." in c or c in TOTAL_OF.values()]
    provinces = table.group_by(pl.col("province").alias("commune")).agg(
        pl.col(c).sum() for c in numbers)
    country = table.select(pl.lit("VN").alias("commune"), *(pl.col(c).sum() for c in numbers))
    levels = pl.concat([table.drop("province"), provinces, country], how="vertical_relaxed")
    checks = []
    for model, total in TOTAL_OF.items():
        recognised = pl.col(f"{model}.recognised")
        denominator = pl.col(total)
        required = (denominator * TARGETS[model] - 1e-9).ceil().cast(pl.Int64)
        checks += [(recognised / denominator).alias(f"{model}.rate"),
                   (required - recognised).clip(0).alias(f"{model}.gap")]
    for share in ("citizens_in_learning_households", "citizens_in_learning_units"):
        citizens_, learning = pl.col(f"{share}.citizens"), pl.col(f"{share}.learning")
        required = (citizens_ * TARGETS[share] - 1e-9).ceil().cast(pl.Int64)
        checks += [(learning / citizens_).alias(f"{share}.rate"),
                   (required - learning).clip(0).alias(f"{share}.gap")]
    return levels.with_columns(checks)
