"""A 200 MB CSV file through ``learning-models evaluate``, against Polars by hand.

Writes the seeded households of ``evaluate.py`` (set ``family-10.yaml``, about 1% of the
cells empty) as a CSV file of about ``--megabytes`` MB, then runs, each in a process of its
own and in the same run:

* ``learning-models evaluate --criteria family-10.yaml --input FILE --format csv`` (the
  file read, typed, scored and written a piece at a time), results to a file;
* *hand*: ``pl.read_csv`` (every column as text) and the hand-written scoring of
  ``evaluate.py`` (parsing included), ``write_csv`` to a file;
* with ``--whole``, the public API at once: ``lm.read_evidence`` of the whole file,
  ``lm.evaluate``, ``to_frame().write_csv`` (how ``evaluate`` ran before it went a piece at a
  time).

Before any figure is printed, the command's ids, totals and statuses are checked against
the hand-written ones (the run stops if one differs). Each line gives the wall time, the
records and megabytes a second, the peak memory of the process (``ru_maxrss`` from
``wait4``) and the ratio of its time to the hand-written one.

    python benchmarks/big_csv.py                     # about 200 MB
    python benchmarks/big_csv.py --megabytes 50 --whole
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from evaluate import SET_FILE, as_text, households

import learning_models as lm

HERE = Path(__file__).resolve().parent

HAND = """
import sys
import polars as pl
sys.path.insert(0, sys.argv[1])
from evaluate import handwritten
frame = pl.read_csv(sys.argv[2], infer_schema=False)
handwritten(frame, text=True).write_csv(sys.argv[3])
"""

WRITE = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from big_csv import write_households
print(write_households(Path(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])))
"""

WHOLE = """
import sys
import learning_models as lm
frame, errors = lm.read_evidence(sys.argv[2])
results = lm.evaluate(lm.load_criteria(sys.argv[1]), frame, file=sys.argv[2])
results.to_frame().write_csv(sys.argv[3])
"""


def write_households(path: Path, megabytes: float, seed: int) -> int:
    """Households as a CSV file of about `megabytes` MB; how many were written."""
    sample = as_text(households(10_000, seed)).write_csv()
    n = int(megabytes * 1e6 / (len(sample.encode()) / 10_000))
    as_text(households(n, seed)).write_csv(path)
    return n


def run(argv: list[str], out: Path) -> tuple[float, float]:
    """Seconds and peak MiB of a child process writing its standard output to `out`."""
    with open(out, "wb") as sink:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode() if child.stderr else ""
    if child.returncode not in (0,):
        raise SystemExit(f"{argv[:4]} exited {child.returncode}: {error[-500:]}")
    return took, usage.ru_maxrss / 1024


def check(ours: Path, hand: Path) -> None:
    """Fail unless the command's ids, totals and statuses are the hand-written ones."""
    columns = ["id", "total", "status"]
    got = pl.read_csv(ours, columns=columns, schema_overrides={"total": pl.Float64})
    want = pl.read_csv(hand, columns=columns, schema_overrides={"total": pl.Float64})
    if not got.equals(want):
        raise SystemExit("benchmark check failed: the command's results differ from the "
                         "hand-written ones")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=200)
    parser.add_argument("--seed", type=int, default=387)
    parser.add_argument("--whole", action="store_true",
                        help="also time the whole file through the API at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lm-big-csv-") as folder:
        data = Path(folder) / "households.csv"
        # Written by a process of its own: a child forked from a process that holds the
        # households would count their memory in its own peak (until it runs the command).
        written = subprocess.run(
            [sys.executable, "-c", WRITE, str(HERE), str(data), str(args.megabytes),
             str(args.seed)], check=True, capture_output=True, text=True)
        n = int(written.stdout)
        size = data.stat().st_size / 1e6
        print(f"learning-models {lm.__version__}, Polars {pl.__version__}, "
              f"{os.cpu_count()} CPUs; {n:,} households, {size:,.0f} MB; set {SET_FILE.name}")
        runs = {
            "evaluate --format csv": [sys.executable, "-m", "learning_models", "evaluate",
                                      "--criteria", str(SET_FILE), "--input", str(data),
                                      "--format", "csv"],
            "hand (read_csv + Polars)": [sys.executable, "-c", HAND, str(HERE), str(data)],
        }
        if args.whole:
            runs["API at once"] = [sys.executable, "-c", WHOLE, str(SET_FILE), str(data)]
        figures = {}
        for name, argv in runs.items():
            out = Path(folder) / f"{len(figures)}.csv"
            if argv[1] == "-c":
                argv = [*argv, str(out)]
            figures[name] = run(argv, out if argv[1] != "-c" else Path(os.devnull))
        check(Path(folder) / "0.csv", Path(folder) / "1.csv")
    hand = figures["hand (read_csv + Polars)"][0]
    print(f"{'':<26}{'seconds':>9}{'records/s':>13}{'MB/s':>8}{'peak MiB':>10}{'ratio':>8}")
    for name, (took, peak) in figures.items():
        print(f"{name:<26}{took:>9.2f}{n / took:>13,.0f}{size / took:>8.1f}{peak:>10,.0f}"
              f"{took / hand:>7.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
