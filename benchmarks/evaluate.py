"""Throughput of `learning_models.evaluate` against a hand-written Polars baseline.

Generates N seeded households for the 10-indicator, 100-point set in ``family-10.yaml``,
then times, in the same run and on the same frames:

* ``lm.evaluate(cs, frame)`` with typed columns (as an integrator or Parquet gives them)
  and with text columns (as CSV gives them);
* a hand-written Polars implementation of the same scoring: points per indicator, total,
  the mandatory check, pass/status with the missing-evidence rule (worst case passes →
  recognised, best case fails → not recognised, otherwise incomplete) and the grade.
  For text input it also parses the columns.

About 1% of every input cell is missing (null). Before timing, the benchmark checks that
the baseline gives exactly the library's points, totals, statuses and grades, so a wrong
baseline cannot flatter the library. Each figure is the best of ``--repeat`` runs
(``time.perf_counter``). The ratio is library time / hand-written time (lower is better).

    python benchmarks/evaluate.py                       # N = 100,000 and 1,000,000
    python benchmarks/evaluate.py --sizes 10000 --seed 7
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import polars as pl

import learning_models as lm

SET_FILE = Path(__file__).with_name("family-10.yaml")
NULL_SHARE = 0.01
TRUE_WORDS = ("true", "yes", "có", "1", "x")
FALSE_WORDS = ("false", "no", "không", "0")

INTEGERS = ("school_age_children", "children_in_school", "adults", "adults_literate",
            "adults_learning", "learning_citizens")
BOOLEANS = ("children_results_ok", "study_corner", "study_fund", "internet_device",
            "cultural_family")
ENUMS = ("income",)
INPUTS = (*INTEGERS, *BOOLEANS, *ENUMS)


# --- data ------------------------------------------------------------------------------

def _uniform(rng: random.Random, n: int) -> pl.Series:
    return pl.Series([rng.random() for _ in range(n)], dtype=pl.Float64)


def _pick(u: pl.Series, values: Sequence[object], weights: Sequence[float],
          dtype: pl.DataType) -> pl.Expr:
    """A column drawing `values` with `weights` from the uniform draws `u`."""
    total = float(sum(weights))
    edges: list[float] = []
    acc = 0.0
    for w in weights[:-1]:
        acc += w / total
        edges.append(acc)
    u_lit = pl.lit(u)
    expr: pl.Expr = pl.lit(values[-1], dtype=dtype)
    for value, edge in reversed(list(zip(values[:-1], edges, strict=True))):
        expr = pl.when(u_lit < edge).then(pl.lit(value, dtype=dtype)).otherwise(expr)
    return expr


def households(n: int, seed: int) -> pl.DataFrame:
    """N households with typed columns, ~1% of every input cell null, ids unique."""
    rng = random.Random(seed)

    def pick(values: Sequence[object], weights: Sequence[float],
             dtype: pl.DataType) -> pl.Expr:
        return _pick(_uniform(rng, n), values, weights, dtype)

    i64, boolean = pl.Int64(), pl.Boolean()
    base = pl.select(
        pl.format("HH-{}", pl.int_range(1, n + 1).cast(pl.String).str.zfill(7)).alias("id"),
        pick(range(5), (30, 30, 25, 10, 5), i64).alias("school_age_children"),
        pick((0, 1), (92, 8), i64).alias("_out_of_school"),
        pick((True, False), (85, 15), boolean).alias("children_results_ok"),
        pick(range(6), (2, 10, 50, 20, 12, 6), i64).alias("adults"),
        pick((0, 1), (95, 5), i64).alias("_illiterate"),
        pick((0, 1, 2), (70, 20, 10), i64).alias("_not_learning"),
        pick((0, 1, 2, 3), (30, 30, 25, 15), i64).alias("_not_citizens"),
        pick((True, False), (90, 10), boolean).alias("study_corner"),
        pick((True, False), (60, 40), boolean).alias("study_fund"),
        pick((True, False), (80, 20), boolean).alias("internet_device"),
        pick(("lower", "stable", "higher"), (15, 50, 35), pl.String()).alias("income"),
        pick((True, False), (85, 15), boolean).alias("cultural_family"),
    )
    frame = base.select(
        "id", "school_age_children",
        (pl.col("school_age_children") - pl.col("_out_of_school")).clip(0)
        .alias("children_in_school"),
        "children_results_ok", "adults",
        (pl.col("adults") - pl.col("_illiterate")).clip(0).alias("adults_literate"),
        (pl.col("adults") - pl.col("_not_learning")).clip(0).alias("adults_learning"),
        (pl.col("adults") - pl.col("_not_citizens")).clip(0).alias("learning_citizens"),
        "study_corner", "study_fund", "internet_device", "income", "cultural_family",
    )
    return frame.with_columns(
        pl.when(pl.lit(_uniform(rng, n)) >= NULL_SHARE).then(pl.col(name)).alias(name)
        for name in INPUTS
    )


def as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """The same households as text columns, the way a CSV file arrives (empty → null)."""
    return frame.with_columns(
        *(pl.col(name).cast(pl.String) for name in INTEGERS),
        *(pl.col(name).replace_strict({True: "có", False: "không"}, return_dtype=pl.String)
          for name in BOOLEANS),
    )


# --- the hand-written baseline ------------------------------------------------------------

POINTS = {"C1.1": 10.0, "C1.2": 10.0, "C2.1": 10.0, "C2.2": 15.0, "C2.3": 10.0,
          "C3.1": 10.0, "C3.2": 5.0, "C3.3": 10.0, "C4.1": 10.0, "C4.2": 10.0}
MANDATORY = ("C1.1",)


def _parse_text(frame: pl.DataFrame) -> pl.DataFrame:
    words = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}
    return frame.with_columns(
        *(pl.col(name).str.strip_chars().cast(pl.Int64, strict=False) for name in INTEGERS),
        *(pl.col(name).str.strip_chars().str.to_lowercase()
          .replace_strict(words, default=None, return_dtype=pl.Boolean) for name in BOOLEANS),
        *(pl.col(name).str.strip_chars() for name in ENUMS),
    )


def _share(part: str, whole: str) -> pl.Expr:
    """ratio(part, whole): part / whole; 1.0 when whole is 0; null when either is missing."""
    a, b = pl.col(part), pl.col(whole)
    return pl.when(b != 0).then(a / b).when((b == 0) & a.is_not_null()).then(1.0)


def _all_or_nothing(condition: pl.Expr, points: float) -> pl.Expr:
    return condition.cast(pl.Float64) * points        # null condition → null (missing)


def handwritten(frame: pl.DataFrame, *, text: bool) -> pl.DataFrame:
    """The set in family-10.yaml, scored by hand with Polars."""
    lf = (_parse_text(frame) if text else frame).lazy()
    lf = lf.with_columns(
        _share("children_in_school", "school_age_children").alias("schooling_share"),
        _share("adults_literate", "adults").alias("literacy_share"),
        _share("adults_learning", "adults").alias("learning_share"),
        _share("learning_citizens", "adults").alias("citizen_share"),
    )
    learning, citizens = pl.col("learning_share"), pl.col("citizen_share")
    lf = lf.with_columns(
        _all_or_nothing(pl.col("schooling_share") >= 1, 10).alias("C1.1"),
        _all_or_nothing(pl.col("children_results_ok") | (pl.col("school_age_children") == 0),
                        10).alias("C1.2"),
        _all_or_nothing(pl.col("literacy_share") >= 1, 10).alias("C2.1"),
        pl.when(learning >= 1).then(15.0).when(learning >= 0.5).then(8.0)
        .when(learning.is_not_null()).then(0.0).alias("C2.2"),
        pl.when(citizens >= 0.5).then(10.0).when(citizens > 0).then(5.0)
        .when(citizens.is_not_null()).then(0.0).alias("C2.3"),
        _all_or_nothing(pl.col("study_corner"), 10).alias("C3.1"),
        _all_or_nothing(pl.col("study_fund"), 5).alias("C3.2"),
        _all_or_nothing(pl.col("internet_device"), 10).alias("C3.3"),
        _all_or_nothing(pl.col("income").is_in(["stable", "higher"]), 10).alias("C4.1"),
        _all_or_nothing(pl.col("cultural_family"), 10).alias("C4.2"),
    )
    points = [pl.col(k) for k in POINTS]
    best_total = pl.sum_horizontal(pl.col(k).fill_null(v) for k, v in POINTS.items())
    worst = (pl.col("total") >= 80) & pl.all_horizontal(
        (pl.col(k) >= POINTS[k]).fill_null(False) for k in MANDATORY)
    best = (best_total >= 80) & pl.all_horizontal(
        (pl.col(k) >= POINTS[k]).fill_null(True) for k in MANDATORY)
    lf = lf.with_columns(pl.sum_horizontal(points).alias("total"))
    lf = lf.with_columns(
        pl.when(worst).then(pl.lit("recognised"))
        .when(~best).then(pl.lit("not_recognised"))
        .otherwise(pl.lit("incomplete")).alias("status"))
    # A grade is given only when every filling of the missing evidence gives the same one
    # (the worst case's grade on the total, the best case's on the best total).
    recognised, total = pl.col("status") == "recognised", pl.col("total")
    lf = lf.with_columns(
        pl.when(recognised & (total >= 90)).then(pl.lit("good"))
        .when(recognised & (best_total < 90)).then(pl.lit("fair")).alias("grade"))
    return lf.select("id", *POINTS, "total", "status", "grade").collect()


# --- checking and timing ------------------------------------------------------------------

def library(cs: lm.CriteriaSet, frame: pl.DataFrame) -> lm.Evaluations:
    return lm.evaluate(cs, frame)


def _require(condition: bool, message: str) -> None:
    if not condition:  # not `assert`: the check must also run under python -O
        raise SystemExit(f"benchmark check failed: {message}")


def check_same(cs: lm.CriteriaSet, frame: pl.DataFrame, *, text: bool) -> dict[str, int]:
    """Fail unless the baseline scores every household exactly like the library."""
    results = library(cs, frame)
    _require(not results.errors, f"the library rejected records: {results.errors[:3]}")
    ours = results.to_frame()
    mine = handwritten(frame, text=text)
    _require(ours.height == mine.height == frame.height, "row counts differ")
    expected = ours.select(
        "id", *(pl.col(f"points[{k}]").alias(k) for k in POINTS), "total", "status", "grade")
    got = mine.with_columns(pl.col(k).fill_null(0.0) for k in POINTS)
    for column in expected.columns:
        _require(expected[column].equals(got[column]),
                 f"hand-written {column!r} differs from the library's")
    # A missing indicator is missing in both, not 0 in one of them.
    for key in POINTS:
        lib_missing = ours[f"status[{key}]"] == "missing"
        _require(lib_missing.equals(mine[key].is_null()), f"{key}: missing evidence differs")
    return results.counts()


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000],
                        metavar="N", help="numbers of households (default: 100000 1000000)")
    parser.add_argument("--seed", type=int, default=387, help="generator seed (default: 387)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept")
    args = parser.parse_args(argv)

    cs = lm.load_criteria(SET_FILE)
    print(f"learning-models {lm.__version__}, Polars {pl.__version__}, "
          f"Python {platform.python_version()}, {pl.thread_pool_size()} Polars threads")
    print(f"set {cs.id}: {len(cs.indicators)} indicators, {cs.max_total:g} points; "
          f"seed {args.seed}; best of {args.repeat}; ratio = library time / hand-written time")
    print()
    header = (f"{'N':>10}  {'input':<6}  {'library rec/s':>14}  {'hand rec/s':>14}  "
              f"{'library s':>9}  {'hand s':>7}  {'ratio':>6}")
    print(header)
    print("-" * len(header))
    for n in args.sizes:
        typed = households(n, args.seed)
        counts = []
        for label, frame, text in (("typed", typed, False), ("text", as_text(typed), True)):
            counts.append(check_same(cs, frame, text=text))
            lib_s = best_of(args.repeat, lambda f=frame: library(cs, f))
            hand_s = best_of(args.repeat, lambda f=frame, t=text: handwritten(f, text=t))
            print(f"{n:>10,}  {label:<6}  {n / lib_s:>14,.0f}  {n / hand_s:>14,.0f}  "
                  f"{lib_s:>9.3f}  {hand_s:>7.3f}  {lib_s / hand_s:>5.1f}×", flush=True)
        _require(counts[0] == counts[1], f"typed and text inputs disagree: {counts}")
        print(f"{'':>10}  statuses: {counts[0]}")


if __name__ == "__main__":
    main()
