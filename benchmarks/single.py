"""One subject evaluated and explained through the public API, per model (the sets of 2024).

    python benchmarks/single.py                       # 1,000 calls per model and variant
    python benchmarks/single.py --calls 300 --warmup 30

For each model (citizen, family, clan, community, unit) it takes one record of the synthetic
nation (`national_data`, the first of the first province, cached under ``benchmarks/.cache/``;
derived inputs given as data, as outside a dataset) and times, in the same run:

* **library** — ``lm.evaluate(set, [record], year=2024)[0].explain()``: the record checked
  and typed, scored, its row read back and explained in Vietnamese (a few plain records are
  typed and scored row by row in Python, ``_evidence.records_few`` and
  ``_scoring.score_rows``: no query);
* **hand-written** — the same record as a one-row Polars table (types from the set), scored
  by `national_baseline`'s query for that model (the same points, levels, ratios, decision
  and grade) with the settings the library uses for its own queries (in-memory engine, no
  optimiser: the fastest for one row). No validation, no explanation: the floor of what
  Polars costs for this set, so a slow baseline cannot flatter the library;
* **uncached** — the library call with its caches emptied before each call (what is kept
  on the program: its scoring expressions, its row functions, the schema of its scored
  table; the typing of each table shape): what building them for every call costs.

Before timing, the hand-written total and status must equal the library's. After
``--warmup`` calls of each, the three variants take turns, 25 calls at a time, so load from
other work weighs on all three alike while each call follows calls of its own kind. It prints
p50 and p90 per variant and the ratios of the p50s: library / hand-written and uncached /
library. The load average is printed before and after: on a shared machine, compare runs
only at a similar load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
try:
    import learning_models as lm
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(HERE.parent / "src"))
    import learning_models as lm

import national_baseline as hand  # noqa: E402
import national_data  # noqa: E402

from learning_models._catalog.catalog import Catalog  # noqa: E402
from learning_models._criteria import program_of  # noqa: E402
from learning_models._evidence import records as _records  # noqa: E402

MODELS = ("citizen", "family", "clan", "community", "unit")
YEAR = 2024
DTYPES = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}

#: The hand-written query of each model, given the record as a one-row table: the derived
#: inputs (``from:``) are passed as the series `national_baseline` computes them into.
HAND: dict[str, Callable[[pl.DataFrame], pl.DataFrame]] = {
    "citizen": hand.citizens,
    "family": lambda f: hand.families(f, f["learning_citizens"]),
    "clan": lambda f: hand.clans(f, f["households"], f["learning_families"]),
    "community": lambda f: hand.communities(f, f["households"], f["learning_families"]),
    "unit": lambda f: hand.units(f, f["staff"], f["staff_learning_citizens"]),
}


def subjects(nation: national_data.Nation | None = None,
             ) -> dict[str, tuple[lm.CriteriaSet, dict[str, Any]]]:
    """Each model's set in force in `YEAR` and one record of `nation` (default: the nation
    at scale 0.001) for it: the first of the first province, projected on the set's inputs,
    derived inputs given (1 when the file has none), as an integrator calling the API for
    one subject would pass it."""
    nation = nation or national_data.generate(0.001)
    folder = nation.partition(nation.provinces[0])
    catalog = Catalog.default()
    out = {}
    for model in MODELS:
        row = pl.read_parquet(folder / f"{model}.parquet", n_rows=1).row(0, named=True)
        spec = _set_for(catalog.variants(model, YEAR), row)
        record = {k: v for k, v in row.items() if k == "id" or k in spec.inputs}
        for name, inp in spec.inputs.items():
            if inp.from_ is not None and record.get(name) is None:
                record[name] = 1
        out[model] = (spec, record)
    return out


def _set_for(sets: list[lm.CriteriaSet], row: Mapping[str, Any]) -> lm.CriteriaSet:
    """The one of a model's `sets` in force that the record `row` goes to (its
    ``applies_to``), as ``evaluate --model M --year Y`` routes it."""
    if len(sets) == 1:
        return sets[0]
    routed = lm.evaluate_routed(sets, [row], year=YEAR)
    return next(p.program.spec for p in routed.parts if len(p))


def library(spec: lm.CriteriaSet, record: Mapping[str, Any]) -> lm.Evaluation:
    evaluation = lm.evaluate(spec, [record], year=YEAR)[0]
    evaluation.explain()
    return evaluation


def uncached(spec: lm.CriteriaSet, record: Mapping[str, Any]) -> lm.Evaluation:
    # (getattr: the script also runs against versions of the library without the caches)
    getattr(program_of(spec), "_cache", {}).clear()
    getattr(_records, "_TYPINGS", {}).clear()
    return library(spec, record)


def handwritten(spec: lm.CriteriaSet, record: Mapping[str, Any], model: str) -> pl.DataFrame:
    schema = {"id": pl.String, **{k: DTYPES.get(v.type, pl.String)
                                  for k, v in spec.inputs.items()}}
    frame = pl.DataFrame([record], schema={k: schema[k] for k in record})
    with plain_collect():
        return HAND[model](frame)


@contextmanager
def plain_collect() -> Iterator[None]:
    """`national_baseline` collects its queries itself; for one row, run them as the library
    runs its own (in-memory engine, no optimiser) rather than with the slower defaults."""
    original = pl.LazyFrame.collect

    def collect(self: pl.LazyFrame, *args: Any, **kwargs: Any) -> pl.DataFrame:
        return original(self, engine="in-memory", optimizations=pl.QueryOptFlags.none())

    pl.LazyFrame.collect = collect  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        pl.LazyFrame.collect = original  # type: ignore[method-assign]


def check(model: str, spec: lm.CriteriaSet, record: Mapping[str, Any]) -> str:
    ours = library(spec, record)
    theirs = handwritten(spec, record, model).row(0, named=True)
    if (ours.total, ours.status, ours.grade) != (theirs["total"], theirs["status"],
                                                 theirs["grade"]):
        sys.exit(f"{model}: the hand-written query gives {theirs['total']} "
                 f"{theirs['status']} {theirs['grade']}, the library {ours.total} "
                 f"{ours.status} {ours.grade}")
    return ours.status


def time_calls(variants: Mapping[str, Callable[[], object]], calls: int, warmup: int,
               block: int = 25) -> dict[str, list[float]]:
    """Seconds per call of each variant after `warmup` calls of each: the variants take
    turns, `block` calls at a time, so load from other work weighs on all alike while each
    call still follows one of its own kind (as in use: caches warm, no other's garbage)."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for call in variants.values():
        for _ in range(warmup):
            call()
    for start in range(0, calls, block):
        for name, call in variants.items():
            for _ in range(min(block, calls - start)):
                started = time.perf_counter()
                call()
                times[name].append(time.perf_counter() - started)
    return times


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p90, in milliseconds."""
    return statistics.median(times) * 1e3, statistics.quantiles(times, n=10)[8] * 1e3


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=1000, help="timed calls per variant")
    parser.add_argument("--warmup", type=int, default=50, help="untimed calls first")
    args = parser.parse_args(argv)
    print(f"learning-models {lm.__version__}, Polars {pl.__version__} "
          f"({pl.thread_pool_size()} threads), Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs; load average {_load()}")
    print(f"one subject: lm.evaluate(set, [record], year={YEAR})[0].explain(); "
          f"{args.calls} calls per variant after {args.warmup} warm-up calls, in turns of 25\n")
    print(f"{'model':<10} {'status':<15} {'library p50':>11} {'p90':>6} {'hand p50':>9} "
          f"{'p90':>6} {'ratio':>6} {'uncached p50':>13} {'p90':>6} {'saved':>6}")
    print("-" * 95)
    for model, (spec, record) in subjects().items():
        status = check(model, spec, record)
        times = time_calls({"library": partial(library, spec, record),
                            "hand": partial(handwritten, spec, record, model),
                            "uncached": partial(uncached, spec, record)},
                           args.calls, args.warmup)
        (lib50, lib90), (hand50, hand90), (unc50, unc90) = (
            percentiles(times[k]) for k in ("library", "hand", "uncached"))
        print(f"{model:<10} {status:<15} {lib50:8.2f} ms {lib90:6.2f} {hand50:6.2f} ms "
              f"{hand90:6.2f} {lib50 / hand50:5.1f}× {unc50:10.2f} ms {unc90:6.2f} "
              f"{unc50 / lib50:5.1f}×")
    print(f"\nms per call; ratio = library p50 / hand-written p50; saved = uncached p50 / "
          f"library p50. Load average {_load()}")


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
