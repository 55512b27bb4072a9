"""The annual report of a whole province: the example city copied N times, through
``learning-models report``, writer by writer, and the per-subject ``results.json`` written a
subject at a time against the whole text at once.

The province: the Bắc Kạn city dataset of 2024 (``examples/bac-kan-city/2024``: 11,008
households, 22,736 citizens, 107 villages, 107 clans, 57 units) copied ``--copies`` times
(default 10), each copy's ids and area codes prefixed with its number, every copy a city of
one province ``06``; the targets are the city's, set on the province. At 90 copies the
province has about a million households, the size issue 15 names.

Each run is a process of its own; each line gives its wall time, the households a second and
its peak memory (``ru_maxrss`` from ``wait4``):

* ``report --format html``, ``--format xlsx``, ``--format results``: the writers one by one;
* *results.json, whole*: the evaluation, then ``results_json`` (the whole text in memory)
  written by ``write_text`` — how the report wrote it before;
* *results.json, a subject at a time*: the same file by ``write_pieces`` of
  ``results_json_pieces``; the ratio is its time and memory against the whole text's, and
  both files must be identical (the run stops otherwise).

    python benchmarks/report_scale.py                 # 10 copies: 110,080 households
    python benchmarks/report_scale.py --copies 30
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
CITY = ROOT / "examples" / "bac-kan-city" / "2024"
TARGETS = ROOT / "criteria" / "targets" / "bac-kan-city.yaml"
#: The columns of each file that hold an id or an area code, copied with a prefix.
KEYS = {"areas": ("code", "parent"), "family": ("id", "community", "clan"),
        "citizen": ("id", "family", "unit"), "unit": ("id", "area"),
        "community": ("id", "area"), "clan": ("id", "area")}
WRITE = """
import sys
import learning_models as lm
from learning_models._documents import write_pieces, write_text
from learning_models._report.files import results_json, results_json_pieces
evaluation = lm.evaluate_dataset(lm.read_dataset(sys.argv[1]), year=2024)
if sys.argv[3] == "whole":
    write_text(sys.argv[2], results_json(evaluation, "vi"))
else:
    write_pieces(sys.argv[2], results_json_pieces(evaluation, "vi"))
"""


def province(folder: Path, copies: int) -> int:
    """Write the province of `copies` cities into `folder`; its households."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, keys in KEYS.items():
        city = pl.read_csv(CITY / f"{name}.csv", infer_schema_length=0)
        top = city.filter(pl.col("level") == "province") if name == "areas" else None
        rows = city.filter(pl.col("level") != "province") if name == "areas" else city
        parts = [rows.with_columns(
            pl.when(pl.col(c).is_null() | (pl.col(c) == "") | (pl.col(c) == "06"))
            .then(pl.col(c)).otherwise(pl.lit(f"k{k:02d}") + pl.col(c)).alias(c)
            for c in keys) for k in range(copies)]
        frame = pl.concat(([top] if top is not None else []) + parts)
        frame.write_csv(folder / f"{name}.csv")
    return copies * (pl.read_csv(CITY / "family.csv", columns=["id"]).height)


def targets(folder: Path) -> Path:
    """The city's targets, set on the province."""
    text = TARGETS.read_text("utf-8")
    start, end = text.index("\narea:"), text.index("\nletterhead:")
    path = folder / "province.yaml"
    path.write_text(text[:start] + '\narea: {level: province, code: "06", name: {vi: Tỉnh '
                    'thử, en: Test province}}' + text[end:], encoding="utf-8")
    return path


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (MiB) of `command`, in a process of its own."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")  # type: ignore[union-attr]
    return elapsed, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "province"
        households = province(folder, args.copies)
        plan = targets(Path(tmp))
        print(f"province: {args.copies} copies of the city, {households:,} households")
        for writer in ("html", "xlsx", "results"):
            seconds, mib = timed([sys.executable, "-m", "learning_models", "report",
                                  str(folder), "--year", "2024", "--targets", str(plan),
                                  "--out", str(Path(tmp) / writer), "--quiet", "--format",
                                  writer])
            print(f"report --format {writer:8} {seconds:7.1f} s  "
                  f"{households / seconds:9,.0f} households/s  peak {mib:6,} MiB")
        runs = {}
        for way in ("whole", "pieces"):
            out = Path(tmp) / f"results-{way}.json"
            runs[way] = timed([sys.executable, "-c", WRITE, str(folder), str(out), way])
            print(f"results.json, {way:6}        {runs[way][0]:7.1f} s  "
                  f"{households / runs[way][0]:9,.0f} households/s  peak {runs[way][1]:6,} MiB"
                  f"  ({out.stat().st_size / 2**20:,.0f} MiB written)")
        if not filecmp.cmp(Path(tmp) / "results-whole.json", Path(tmp) / "results-pieces.json",
                           shallow=False):
            sys.exit("check failed: the two results.json differ")
        print(f"check: identical files; a subject at a time / whole: time "
              f"{runs['pieces'][0] / runs['whole'][0]:.2f}×, peak memory "
              f"{runs['pieces'][1] / runs['whole'][1]:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
