"""A national run: every household, adult, clan, village and unit of Vietnam, evaluated with
the shipped sets in force in 2024 (2021–2025; the citizens' 2021–2030) and rolled up against
the national targets of Programme 387.

    python benchmarks/national.py --scale 0.1                   # ≈ 2.7 M households, 7 M adults
    python benchmarks/national.py --scale 1.0                   # ≈ 27 M households, 70 M adults
    python benchmarks/national.py --scale 0.1 --corrupt 0.001   # 0.1% of the rows spoiled

The synthetic nation (`national_data`: seeded, Parquet files partitioned by province, cached
under ``benchmarks/.cache/``) is run twice, each time in a fresh child process so that one
run's memory cannot inflate the other's:

* **library** — `learning_models._runs.partitioned.evaluate_partitioned`: per province, read
  (lazy Parquet scans of the columns the sets know), evaluate all five models in dependency
  order (`evaluate_dataset`), count by area, write the results as Parquet; then the roll-up
  of every village, commune, province and the country against ``vn-387``, written as Parquet
  and JSON, and every rejected record in ``errors.csv``;
* **hand-written** — `national_baseline`: the same computation in plain Polars, with the
  same projections, the same outputs and the same province-by-province streaming, without
  the library's validation.

For each stage (read, evaluate, roll-up, write) and in total it prints the wall time, the
rows per second (input records of all five models / seconds), the peak memory (the highest
VmHWM of the stage, reset through ``/proc/self/clear_refs`` as each stage starts) and the
ratio library / hand-written. Before printing, it checks that both give identical counts in
every commune, province and the country (each model's recognised / not recognised /
incomplete, both learning-citizen shares), so a wrong baseline cannot flatter the library.
It then times one subject evaluated and explained through the public API (``lm.evaluate``
with one record, then ``.explain()``): p50 and p90 over repeated calls, for each model.

With ``--corrupt`` the hand-written run is skipped (it does not validate); the run checks
instead that every spoiled row (``corrupted.parquet``) is in ``errors.csv`` with its file and
a reason, that nothing else is, and that input rows = evaluated + rejected for each model.

Progress (per stage and province) is drawn on standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
try:
    import learning_models as lm
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT / "src"))
    import learning_models as lm

import national_baseline as hand  # noqa: E402
import national_data  # noqa: E402
import single  # noqa: E402

from learning_models._catalog.catalog import Catalog  # noqa: E402
from learning_models._runs.partitioned import STAGES, evaluate_partitioned  # noqa: E402
from learning_models._runs.progress import Progress  # noqa: E402

YEAR = 2024
TARGETS = ROOT / "criteria" / "targets" / "vn-387.yaml"
MODELS = national_data.MODELS


# --- memory ---------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0); False when not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


class Meter:
    """Wall time and peak RSS per stage, summed (time) and maxed (memory) over partitions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.peak_kb: dict[str, int] = {}
        self.resettable = _reset_peak()

    @contextmanager
    def __call__(self, stage: str, partition: str | None = None) -> Iterator[None]:
        if self.resettable:
            _reset_peak()
        started = time.perf_counter()
        yield
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started
        self.peak_kb[stage] = max(self.peak_kb.get(stage, 0), _status_kb("VmHWM"))

    def report(self, total: float) -> dict[str, Any]:
        whole = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {"seconds": self.seconds, "peak_kb": self.peak_kb, "total": total,
                "process_peak_kb": whole, "resettable": self.resettable}


# --- the two runs (each in a child process) -------------------------------------------------


def run_library(nation: national_data.Nation, out: Path) -> dict[str, Any]:
    meter = Meter()
    targets = lm.load_targets(TARGETS)
    started = time.perf_counter()
    result = evaluate_partitioned(
        {f"province={p}": nation.partition(p) for p in nation.provinces},
        areas=nation.areas, year=YEAR, catalog=Catalog.default(), targets=targets,
        out_dir=out, observe=meter)
    total = time.perf_counter() - started
    return {**meter.report(total), "counts": result.counts(), "errors": len(result.errors),
            "ignored": dict(result.ignored_columns)}


def run_hand(nation: national_data.Nation, out: Path) -> dict[str, Any]:
    meter = Meter()
    areas = pl.read_parquet(nation.areas)
    parent = areas.filter(pl.col("level") == "village").select(
        "code", pl.col("parent").alias("commune"))
    parent = pl.concat([parent, areas.filter(pl.col("level") == "commune").select(
        "code", pl.col("code").alias("commune"))])
    per_commune = []
    counts = {m: 0 for m in MODELS}
    started = time.perf_counter()
    with Progress(len(nation.provinces) * 4 + 1) as bar:
        for k, p in enumerate(nation.provinces, start=1):
            label = f"province={p} ({k}/{len(nation.provinces)})"
            with bar.stage(f"{label}: read"), meter("read", p):
                tables = hand.read(nation.partition(p))
            with bar.stage(f"{label}: evaluate"), meter("evaluate", p):
                scored, links = hand.evaluate(tables)
            with bar.stage(f"{label}: roll-up"), meter("roll-up", p):
                located = hand.areas_of(scored, links)
                per_commune.append(hand.commune_counts(scored, links, located, parent))
            with bar.stage(f"{label}: write"), meter("write", p):
                hand.write(out / "results" / f"province={p}", scored, located)
            for m, t in tables.items():
                counts[m] += t.height
            del tables, scored, located, links
        with bar.stage("roll-up"), meter("roll-up"):
            table = hand.rollup(pl.concat(per_commune, how="diagonal_relaxed")
                                .group_by("commune").agg(pl.all().sum()), areas)
        with bar.stage("write"), meter("write"):
            table.write_parquet(out / "rollup.parquet")
    total = time.perf_counter() - started
    return {**meter.report(total), "counts": counts}


def child(argv: Sequence[str]) -> int:
    """``national.py --child library|hand ROOT OUT``: one run, figures as JSON on stdout."""
    which, root, out = argv
    manifest = json.loads((Path(root) / "nation.json").read_text())
    nation = national_data.Nation(Path(root), manifest["scale"], manifest["seed"],
                                  manifest["corrupt"], tuple(manifest["provinces"]))
    figures = (run_library if which == "library" else run_hand)(nation, Path(out))
    print(json.dumps(figures))
    return 0


def spawn(which: str, nation: national_data.Nation, out: Path) -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", which, str(nation.root), str(out)],
        stdout=subprocess.PIPE, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])})
    if done.returncode != 0:
        raise SystemExit(f"the {which} run failed (exit {done.returncode})")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process"] = time.perf_counter() - started
    return figures


# --- checks ---------------------------------------------------------------------------------


def _require(condition: bool, message: str) -> None:
    if not condition:  # not `assert`: the check must also run under python -O
        raise SystemExit(f"benchmark check failed: {message}")


SHARES = ("citizens_in_learning_households", "citizens_in_learning_units")


def check_same_counts(library_out: Path, hand_out: Path) -> int:
    """Every commune, province and the country: the library's roll-up table against the
    hand-written one, count by count. Returns the number of areas compared."""
    ours = pl.read_parquet(library_out / "rollup.parquet").filter(
        pl.col("level").is_in(["commune", "province", "country"]))
    values = []
    for model in MODELS:
        for s in hand.STATUSES:
            values.append(ours.filter(pl.col("measure") == model).select(
                "code", pl.lit(f"{model}.{s}").alias("what"), pl.col(s).alias("n")))
    for share in SHARES:
        rows = ours.filter(pl.col("measure") == share)
        values.append(rows.select("code", pl.lit(f"{share}.citizens").alias("what"),
                                  pl.col("denominator").alias("n")))
        values.append(rows.select("code", pl.lit(f"{share}.learning").alias("what"),
                                  pl.col("recognised").alias("n")))
    mine = pl.concat(values).unique()
    theirs = pl.read_parquet(hand_out / "rollup.parquet")
    columns = [c for c in theirs.columns if c.endswith(
        (".recognised", ".not_recognised", ".incomplete", ".citizens", ".learning"))]
    theirs = theirs.unpivot(columns, index="commune", variable_name="what", value_name="n") \
        .rename({"commune": "code"})
    joined = theirs.join(mine, on=["code", "what"], how="full", coalesce=True,
                         suffix="_lib").with_columns(
        pl.col("n").fill_null(0), pl.col("n_lib").fill_null(0))
    wrong = joined.filter(pl.col("n") != pl.col("n_lib"))
    _require(wrong.is_empty(), f"hand-written and library counts differ in "
             f"{wrong['code'].n_unique()} areas, e.g. {wrong.head(5).to_dicts()}")
    return int(joined["code"].n_unique())


def check_corrupted(nation: national_data.Nation, library_out: Path,
                    figures: dict[str, Any]) -> dict[str, Any]:
    """Every spoiled row rejected with its file and a reason, nothing else rejected, and
    input rows = evaluated + rejected for each model."""
    spoiled = pl.read_parquet(nation.root / "corrupted.parquet")
    errors = pl.read_csv(library_out / "errors.csv", infer_schema=False).with_columns(
        pl.col("row").cast(pl.Int64))
    _require(errors.filter(pl.col("message").is_null() | (pl.col("message") == "")).is_empty(),
             "an error without a reason")
    rejected = errors.select("file", "row").unique()
    missing = spoiled.join(rejected, on=["file", "row"], how="anti")
    extra = rejected.join(spoiled, on=["file", "row"], how="anti")
    _require(missing.is_empty(), f"{missing.height} spoiled rows were not rejected, e.g. "
             f"{missing.head(5).to_dicts()}")
    _require(extra.is_empty(), f"{extra.height} clean rows were rejected, e.g. "
             f"{errors.join(extra, on=['file', 'row']).head(5).to_dicts()}")
    rows = nation.rows()
    for model, c in figures["counts"].items():
        _require(c["read"] == rows[model] == c["evaluated"] + c["rejected"],
                 f"{model}: {rows[model]} rows in the files, {c['read']} read, "
                 f"{c['evaluated']} evaluated + {c['rejected']} rejected")
    by_kind = spoiled.group_by("kind").len().sort("kind")
    by_code = errors.unique(["file", "row", "code"]).group_by("code").len().sort("code")
    return {"spoiled": spoiled.height, "errors": errors.height,
            "rejected_rows": rejected.height,
            "by_kind": dict(by_kind.iter_rows()), "by_code": dict(by_code.iter_rows())}


# --- one subject through the public API --------------------------------------------------------


def single_subject(nation: national_data.Nation, repeat: int) -> dict[str, tuple[float, float]]:
    """p50 and p90 (ms) of ``lm.evaluate(set, [record])`` + ``.explain()`` per model, on a
    record of the generated nation (derived inputs given as data, as outside a dataset);
    ``benchmarks/single.py`` times the same calls against a hand-written baseline."""
    out: dict[str, tuple[float, float]] = {}
    for model, (spec, record) in single.subjects(nation).items():
        times = single.time_calls({model: partial(single.library, spec, record)},
                                  repeat, 20)  # the first calls warm caches up
        out[model] = single.percentiles(times[model])
    return out


# --- printing ---------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = _meminfo_gib()
    return (f"{cpu}, {os.cpu_count()} logical CPUs, {mem:.1f} GiB RAM; Python "
            f"{platform.python_version()}, Polars {pl.__version__} "
            f"({pl.thread_pool_size()} threads), learning-models {lm.__version__}")


def _meminfo_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return 0.0


def _mib(kb: int | None) -> str:
    return "—" if not kb else f"{kb / 1024:,.0f} MiB"


def _peak(figures: dict[str, Any]) -> int:
    """The whole run's peak: the highest stage peak (the stages cover the run; resetting
    VmHWM per stage also resets what getrusage reports, so that is only the fallback)."""
    return max([*figures["peak_kb"].values(), 0]) or int(figures["process_peak_kb"])


def print_table(rows: int, lib: dict[str, Any], base: dict[str, Any] | None) -> None:
    header = (f"{'stage':<9} {'library s':>10} {'rows/s':>13} {'peak RSS':>11}"
              + (f" {'hand s':>8} {'rows/s':>13} {'peak RSS':>11} {'ratio':>6}" if base else ""))
    print(header)
    print("-" * len(header))
    for stage in (*STAGES, "total"):
        ls = lib["total"] if stage == "total" else lib["seconds"].get(stage, 0.0)
        lk = _peak(lib) if stage == "total" else lib["peak_kb"].get(stage)
        line = f"{stage:<9} {ls:>10.2f} {rows / ls if ls else 0:>13,.0f} {_mib(lk):>11}"
        if base:
            hs = base["total"] if stage == "total" else base["seconds"].get(stage, 0.0)
            hk = _peak(base) if stage == "total" else base["peak_kb"].get(stage)
            line += (f" {hs:>8.2f} {rows / hs if hs else 0:>13,.0f} {_mib(hk):>11}"
                     f" {ls / hs if hs else 0:>5.1f}×")
        print(line)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--child"]:
        return child(args_list[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=float, default=0.1,
                        help="1.0 = the real sizes (default: 0.1)")
    parser.add_argument("--seed", type=int, default=387)
    parser.add_argument("--corrupt", type=float, default=0.0, metavar="SHARE",
                        help="spoil this share of the rows (e.g. 0.001)")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the hand-written run")
    parser.add_argument("--repeat", type=int, default=300,
                        help="calls per model for the single-subject p50 (default: 300)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="write the outputs here and keep them (default: a temporary "
                             "folder, removed at the end)")
    args = parser.parse_args(args_list)

    log: Callable[[str], None] | None = (
        (lambda m: print(m, file=sys.stderr)) if sys.stderr.isatty() else None)
    cached = (national_data.cache_dir(args.scale, args.seed, args.corrupt)
              / "nation.json").exists()
    nation = national_data.generate(args.scale, args.seed, args.corrupt, log=log)
    rows = sum(nation.rows().values())
    manifest = nation.manifest
    print(f"national run, scale {args.scale:g} (seed {args.seed}"
          + (f", {args.corrupt:.1%} of the rows spoiled" if args.corrupt else "") + ")")
    print(f"machine: {machine()}")
    print(f"nation: {len(nation.provinces)} provinces; "
          + ", ".join(f"{n:,} {m}" for m, n in nation.rows().items())
          + f" = {rows:,} records; generated in {manifest['seconds']}s"
          + (" (read from the cache)" if cached else ""))
    sizes = {p: sum(pl.scan_parquet(f).select(pl.len()).collect().item()
                    for f in nation.files(p).values()) for p in nation.provinces}
    largest = max(sizes, key=lambda p: sizes[p])
    print(f"largest province: {largest}, {sizes[largest]:,} records "
          f"({sizes[largest] / rows:.1%} of the nation)")
    print(f"sets: the shipped sets in force in {YEAR} (2021–2025; citizens 2021–2030); "
          "targets vn-387")
    print()
    work = args.keep or Path(tempfile.mkdtemp(prefix="national-"))
    try:
        lib = spawn("library", nation, work / "library")
        base = None
        if not args.corrupt and not args.no_baseline:
            base = spawn("hand", nation, work / "hand")
        print_table(rows, lib, base)
        print(f"{'':<9} (rows = input records of all five models; peak RSS = the highest "
              f"VmHWM of the stage{'' if lib['resettable'] else ' (not resettable here)'}; "
              f"total = whole run)")
        print(f"child processes (with interpreter start and imports): library "
              f"{lib['process']:.1f}s"
              + (f", hand-written {base['process']:.1f}s" if base else ""))
        if base:
            areas = check_same_counts(work / "library", work / "hand")
            print(f"check: identical counts in all {areas:,} communes, provinces and the "
                  "country (every model's statuses, both learning-citizen shares)")
        counts = lib["counts"]
        read = sum(c["read"] for c in counts.values())
        evaluated = sum(c["evaluated"] for c in counts.values())
        rejected = sum(c["rejected"] for c in counts.values())
        print()
        print(f"input rows {read:,} = evaluated {evaluated:,} + rejected {rejected:,}"
              + (" ✓" if read == evaluated + rejected else " ✗"))
        for model, c in counts.items():
            print(f"  {model:<10} {c['read']:>12,} = {c['evaluated']:>12,} + {c['rejected']:>7,}")
        _require(read == evaluated + rejected == rows, "the counts do not add up")
        if args.corrupt:
            found = check_corrupted(nation, work / "library", lib)
            print(f"corrupted: {found['spoiled']:,} spoiled rows, all rejected with their "
                  f"file and a reason ({found['errors']:,} errors), no other row rejected")
            print(f"  by kind: {found['by_kind']}")
            print(f"  by code: {found['by_code']}")
        print()
        p50 = single_subject(nation, args.repeat)
        print(f"one subject evaluated and explained through the public API "
              f"(lm.evaluate + explain, {args.repeat} calls):")
        for model, (median, p90) in p50.items():
            print(f"  {model:<10} p50 {median:6.2f} ms   p90 {p90:6.2f} ms")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
