"""How long ``import learning_models`` takes, against baselines measured in the same run.

    python benchmarks/import_time.py              # best of 5 fresh interpreters each
    python benchmarks/import_time.py --runs 9

Each variant runs in a fresh interpreter (``python -c``) that times its own import with
`time.perf_counter` and prints it; the variants take turns, so load from other work weighs
on all alike, and the best of ``--runs`` is kept:

* **package** — ``import learning_models``: no stage is loaded (each loads on first use);
* **errors** — ``import learning_models.errors``, what a plugin catching errors needs;
* **polars** — ``import polars`` alone: the baseline the target is read against;
* **all stages** — the package and every public name used once (every stage and its
  dependencies loaded): what ``import learning_models`` cost when it loaded everything.

Then the command line as a user starts it, timed from outside the process (interpreter start
included; ``python -c pass`` is given for scale): ``learning-models --help`` and
``learning-models list`` (the catalogue of shipped sets), by the wall clock and by the CPU
time the process used (user + system, from `resource.getrusage`): on a shared machine the
CPU time varies much less than the wall clock.

Before timing, a fresh ``import learning_models`` must leave Polars, pydantic and every
stage unloaded, or the run stops: a fast import that loaded the wrong things would not count.
It prints the best time of each, and the ratios package / polars and package / all stages.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

TIMED = "import time; t = time.perf_counter(); {body}; print(time.perf_counter() - t)"
IMPORTS = {
    "package": "import learning_models",
    "errors": "import learning_models.errors",
    "polars": "import polars",
    "all stages": "import learning_models as lm; [getattr(lm, n) for n in lm.__all__]",
}
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "learning-models --help": [sys.executable, "-m", "learning_models", "--help"],
    "learning-models list": [sys.executable, "-m", "learning_models", "list"],
}
UNWANTED = ("polars", "pydantic", "learning_models._")
WANTED = ("learning_models._publish", "learning_models._version")  # the name table, the version


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh interpreters per variant")
    args = parser.parse_args(argv)
    check_nothing_heavy_is_loaded()
    imports = best_of(args.runs, {name: lambda b=body: timed_import(b)
                                  for name, body in IMPORTS.items()})
    commands = best_of(args.runs, {name: lambda c=cmd: timed_command(c)
                                   for name, cmd in COMMANDS.items()})
    cpu = best_of(args.runs, {name: lambda c=cmd: command_cpu(c)
                              for name, cmd in COMMANDS.items()})
    print_figures(args.runs, imports, commands, cpu)
    return 0


def check_nothing_heavy_is_loaded() -> None:
    code = ("import json, sys, learning_models; "
            "print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(run([sys.executable, "-c", code]))
    wrong = [m for m in loaded if m.startswith(UNWANTED) and m not in WANTED]
    if wrong:
        sys.exit(f"import learning_models loaded {', '.join(wrong)}: not timed")


def best_of(runs: int, variants: dict[str, Callable[[], float]]) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, measure in variants.items():
            times[name].append(measure())
    return {name: min(values) for name, values in times.items()}


def timed_import(body: str) -> float:
    return float(run([sys.executable, "-c", TIMED.format(body=body)]))


def timed_command(command: list[str]) -> float:
    start = time.perf_counter()
    run(command)
    return time.perf_counter() - start


def command_cpu(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):   # `list` exits 1 when a --criteria-dir set is wrong
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def print_figures(runs: int, imports: dict[str, float], commands: dict[str, float],
                  cpu: dict[str, float]) -> None:
    import learning_models as lm

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"learning-models {lm.__version__}, Python {sys.version.split()[0]}, "
          f"best of {runs} fresh interpreters, 1-minute load {load:.2f}")
    for name, seconds in imports.items():
        print(f"  import {name:<24} {seconds * 1000:8.1f} ms")
    for name, seconds in commands.items():
        print(f"  {name:<31} {seconds * 1000:8.1f} ms   CPU {cpu[name] * 1000:8.1f} ms")
    package = imports["package"]
    print(f"  package / polars      {package / imports['polars']:6.2f}×")
    print(f"  package / all stages  {package / imports['all stages']:6.2f}×")


if __name__ == "__main__":
    sys.exit(main())
