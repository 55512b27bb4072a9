"""Gap advice: the smallest set of unmet indicators whose fulfilment would make a subject pass.

The search runs the set's own pass rule (through `_score.outcome_pass`) over a small table of
"what if" scenarios, one row per candidate set of indicators, smallest sets first. Among the
sets of the smallest size it prefers those with more mandatory indicators, then more points
gained, then document order. When there are too many combinations to try, it falls back to a
greedy choice (mandatory first, then the largest gains), which is exact for a pass rule that
is a threshold on the total.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import polars as pl

from ._compile import Program
from ._score import outcome_pass

__all__ = ["find_gaps"]

MAX_SCENARIOS = 20_000


def find_gaps(program: Program, points: Sequence[float | None]) -> tuple[int, ...] | None:
    """Indexes of the indicators to fulfil, or None when even all of them would not pass.

    `points` are one subject's indicator points (None for missing evidence).
    """
    inds = program.indicators
    base = [p or 0.0 for p in points]
    candidates = [k for k, p in enumerate(points) if p is None or p < inds[k].points]
    if _passes(program, base, [()])[0]:
        return ()
    for size in range(1, len(candidates) + 1):
        if math.comb(len(candidates), size) > MAX_SCENARIOS:
            return _greedy(program, base, candidates)
        combos = list(itertools.combinations(candidates, size))
        passing = [c for c, ok in zip(combos, _passes(program, base, combos), strict=True) if ok]
        if passing:
            best = max(passing, key=lambda c: (sum(inds[k].mandatory for k in c),
                                               sum(inds[k].points - base[k] for k in c),
                                               [-k for k in c]))
            return _ordered(program, best)
    return None


def _greedy(program: Program, base: list[float], candidates: list[int]) -> tuple[int, ...] | None:
    inds = program.indicators
    order = sorted(candidates, key=lambda k: (not inds[k].mandatory, base[k] - inds[k].points, k))
    prefixes = [tuple(order[:n]) for n in range(1, len(order) + 1)]
    for prefix, ok in zip(prefixes, _passes(program, base, prefixes), strict=True):
        if ok:
            return _ordered(program, prefix)
    return None


def _ordered(program: Program, chosen: Sequence[int]) -> tuple[int, ...]:
    inds = program.indicators
    return tuple(sorted(chosen, key=lambda k: (not inds[k].mandatory, k)))


def _passes(program: Program, base: list[float],
            scenarios: Sequence[Sequence[int]]) -> list[bool]:
    inds = program.indicators
    columns = {}
    for k, ind in enumerate(inds):
        columns[f"p{k}"] = [ind.points if k in s else base[k] for s in scenarios]
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.Float64))
    rule = outcome_pass(program, [pl.col(f"p{k}") for k in range(len(inds))])
    return frame.select(rule.alias("ok"))["ok"].to_list()
