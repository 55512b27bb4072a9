"""The long fuzz campaign: ``python -m tests.fuzz --minutes 30`` (from the repository root).

Runs every family of hostile inputs in turn (one round: a few hundred inputs of each, new
random ones each round) until the time is up, and prints per family the inputs tried, the
failures (a broken promise, or an input that took more than ``--limit`` seconds of CPU),
the slowest input (wall clock), the one that used the most CPU and the process's peak
memory. A failure's input is printed in full, as
hypothesis shrinks it; the exit status is 1 when there was one. Figures of the last long
run are in README.md.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .checks import DOCUMENT_CHECKS, EVIDENCE_CHECKS
from .strategies import mutated_document, records


@dataclass
class Tally:
    tried: int = 0
    failures: int = 0
    slowest: float = 0.0    # wall clock, seconds
    most_cpu: float = 0.0   # CPU seconds


def _family(kind: str) -> tuple[Callable[[Any, Path], None], st.SearchStrategy[Any]]:
    if kind in DOCUMENT_CHECKS:
        return DOCUMENT_CHECKS[kind], mutated_document(kind)
    return EVIDENCE_CHECKS[kind], records(max_size=5 if kind == "report" else 12)


def _round(check: Callable[[Any, Path], None], strategy: st.SearchStrategy[Any], tally: Tally,
           examples: int, limit: float) -> None:
    """`examples` inputs of one family, each checked and timed: an input fails when it
    takes more than `limit` seconds of CPU. (CPU, not the wall clock: on a shared machine
    the wall clock measures the other work too, and an input slowed by it is not slow.)"""

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(value=strategy)
    def run(value: Any) -> None:
        tally.tried += 1
        started, cpu = time.perf_counter(), time.process_time()
        with tempfile.TemporaryDirectory() as folder:
            check(value, Path(folder))
        took, used = time.perf_counter() - started, time.process_time() - cpu
        tally.slowest = max(tally.slowest, took)
        tally.most_cpu = max(tally.most_cpu, used)
        assert used <= limit, f"{used:.1f} s of CPU for one input (limit {limit} s)"

    try:
        run()
    except Exception:  # hypothesis re-raises the shrunk failure: report it, go on
        tally.failures += 1
        traceback.print_exc(limit=-8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--examples", type=int, default=200,
                        help="inputs of each family per round (default: 200)")
    parser.add_argument("--limit", type=float, default=10.0,
                        help="seconds of CPU one input may take (default: 10)")
    parser.add_argument("--only", action="append", default=[], metavar="FAMILY")
    args = parser.parse_args(argv)
    kinds = args.only or [*DOCUMENT_CHECKS, *EVIDENCE_CHECKS]
    tallies = {kind: Tally() for kind in kinds}
    end = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < end:
        rounds += 1
        for kind in kinds:
            if time.monotonic() >= end:
                break
            examples = max(1, args.examples // (10 if kind == "report" else 1))
            _round(*_family(kind), tallies[kind], examples, args.limit)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{args.minutes:g} minutes, {rounds} rounds, peak memory {peak:.0f} MiB")
    print(f"{'family':<14}{'inputs':>8}{'failures':>10}{'slowest (s)':>13}{'most CPU (s)':>14}")
    for kind, t in tallies.items():
        print(f"{kind:<14}{t.tried:>8}{t.failures:>10}{t.slowest:>13.2f}{t.most_cpu:>14.2f}")
    total = sum(t.tried for t in tallies.values())
    failures = sum(t.failures for t in tallies.values())
    print(f"{'all':<14}{total:>8}{failures:>10}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
