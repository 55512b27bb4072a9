"""The resource limits of docs/limits.md, measured: each hostile input of issue 18's list,
run through the command line in a process of its own, with its time and peak memory.

```sh
PYTHONPATH=src python benchmarks/limits.py            # every case
PYTHONPATH=src python benchmarks/limits.py --only csv-200mb --only gaps-2000
```

Each case builds its input in a temporary folder (the 200 MB CSV takes a while to write),
runs one command and prints: the case, the exit status, seconds, peak memory (MiB) and the
first line of standard error. A case passes when the exit status is the documented one
(0 or 1, never a traceback) within 10 s and 1 GiB; the script exits 1 when one does not.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "examples" / "family" / "family-set.yaml"
CITY = ROOT / "examples" / "bac-kan-city" / "2024"
HEADER = ("id,name,school_age_children,children_in_school,children_results_ok,"
          "children_conduct_ok,adults,adults_literate,adults_learning,learning_citizens,"
          "study_corner,study_fund,internet_device,income,cultural_family\n")
ROW = ",Hộ ông Lý Văn Nam,2,2,có,có,2,2,2,2,có,có,có,higher,có\n"
EVALUATE = ["evaluate", "--criteria", str(FAMILY), "--year", "2024", "--input"]

Case = Callable[[Path], list[str]]


def rejected_rows(folder: Path) -> list[str]:
    """Case 1: 40,000 records, each with an undeclared column, through `report`."""
    data = folder / "data"
    data.mkdir()
    (data / "areas.csv").write_bytes((CITY / "areas.csv").read_bytes())
    records = [{"id": f"H{k}", "community": "0183401", "adults": 1, "bogus": 1}
               for k in range(40_000)]
    (data / "family.json").write_text(json.dumps(records), encoding="utf-8")
    return ["report", str(data), "--year", "2024", "--targets", "bac-kan-city", "--out",
            str(folder / "out"), "--quiet"]


def gaps_2000(folder: Path) -> list[str]:
    """Case 2: a valid set of 2,000 indicators, `evaluate --format json` (gap advice)."""
    text = FAMILY.read_text(encoding="utf-8")
    start = text.index("criteria:")
    indicators = "".join(
        f"      - id: G.{k}\n        title: {{vi: Chỉ số {k}, en: Indicator {k}}}\n"
        f"        points: 1\n        when: adults >= {k % 5}\n" for k in range(2000))
    criteria = ("criteria:\n  - id: G\n    title: {vi: Nhóm, en: Group}\n    indicators:\n"
                + indicators)
    rest = text[text.index("recognition:"):]
    rest = re.sub(r"pass: .*", "pass: total >= max_total * 0.9", rest, count=1)
    rest = re.sub(r"\n  grades:(\n    .*)*", "", rest)
    path = folder / "set.yaml"
    path.write_text(text[:start] + criteria + rest, encoding="utf-8")
    (folder / "h.csv").write_text(HEADER + "H1" + ROW.replace(",2,2,2,2,", ",2,2,2,1,"),
                                  encoding="utf-8")
    return ["evaluate", "--criteria", str(path), "--year", "2024", "--input",
            str(folder / "h.csv"), "--format", "json"]


def csv_200mb(folder: Path) -> list[str]:
    """Case 3: a 200 MB CSV file (about 2.6 million households)."""
    path = folder / "h.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        size, k = len(HEADER), 0
        while size < 200_000_000:
            line = f"HH-{k}{ROW}"
            out.write(line)
            size += len(line.encode())
            k += 1
    return [*EVALUATE, str(path), "--format", "csv"]


def yaml_4mb(folder: Path) -> list[str]:
    """Case 4: a 4.8 MB YAML document without aliases."""
    path = folder / "set.yaml"
    path.write_text("format: learning-models/criteria-set/1\nx: ["
                    + ",".join(["1"] * 2_400_000) + "]\n", encoding="utf-8")
    return ["validate", str(path)]


def _evidence(name: str, text: str) -> Case:
    def case(folder: Path) -> list[str]:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return [*EVALUATE, str(path)]
    return case


CASES: dict[str, Case] = {
    "rejected-rows": rejected_rows,
    "gaps-2000": gaps_2000,
    "csv-200mb": csv_200mb,
    "yaml-4mb": yaml_4mb,
    "json-5000-digits": _evidence("h.json", '[{"id": "A", "adults": ' + "9" * 5000
                                  + '}, {"id": "B", "adults": 2}]'),
    "json-surrogate": _evidence("h.json", '[{"id": "A", "name": "\\ud800"}, {"id": "B"}]'),
    "yaml-nan": _evidence("h.yaml", "- {id: A, adults: .nan}\n- {id: B, adults: 2}\n"),
}

RUN = """
import resource, sys, time
from learning_models._cli import main
started = time.perf_counter()
status = main(sys.argv[1:])
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"@@ {status} {took:.2f} {peak:.0f}", file=sys.stderr)
"""


def measure(name: str) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        argv = CASES[name](Path(folder))
        started = time.perf_counter()
        # The output is not kept: held by this process, a large one would be counted in
        # the peak memory of the next case's process, forked from this one.
        done = subprocess.run([sys.executable, "-c", RUN, *argv], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, check=False, cwd=folder)
    figures = [line for line in done.stderr.splitlines() if line.startswith("@@ ")]
    other = [line for line in done.stderr.splitlines() if not line.startswith("@@ ")]
    if not figures:
        print(f"{name:<18} crashed after {time.perf_counter() - started:.1f} s: "
              f"{(other or ['?'])[-1]}")
        return False
    _, status, took, peak = figures[-1].split()
    ok = status in ("0", "1") and float(took) <= 10 and float(peak) <= 1024 \
        and "Traceback" not in done.stderr
    print(f"{name:<18} exit {status}  {float(took):6.2f} s  {float(peak):6.0f} MiB  "
          f"{'ok' if ok else 'OVER'}  {(other or [''])[0][:70]}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(CASES), default=[])
    args = parser.parse_args()
    results = [measure(name) for name in (args.only or CASES)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
