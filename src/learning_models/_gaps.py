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

__all__ = ["find_gaps", "find_gaps_many"]

MAX_SCENARIOS = 20_000

Gaps = tuple[int, ...] | None


def find_gaps(program: Program, points: Sequence[float | None]) -> Gaps:
    """Indexes of the indicators to fulfil, or None when even all of them would not pass.

    `points` are one subject's indicator points (None for missing evidence).
    """
    return find_gaps_many(program, [points])[0]


def find_gaps_many(program: Program, rows: Sequence[Sequence[float | None]]) -> list[Gaps]:
    """`find_gaps` for many subjects at once: each size of candidate set is tried for every
    subject still open in one table, so a batch costs a few Polars runs, not one per subject.
    """
    inds = program.indicators
    bases = [[p or 0.0 for p in points] for points in rows]
    candidates = [[k for k, p in enumerate(points) if p is None or p < inds[k].points]
                  for points in rows]
    found: list[Gaps] = [None] * len(rows)
    passes = _passes(program, [(s, ()) for s in range(len(rows))], bases)
    open_ = [s for s, ok in enumerate(passes) if not ok]
    for s, ok in enumerate(passes):
        if ok:
            found[s] = ()
    size = 1
    while open_:
        live = [s for s in open_ if size <= len(candidates[s])]
        greedy = [s for s in live if math.comb(len(candidates[s]), size) > MAX_SCENARIOS]
        for s in greedy:
            found[s] = _greedy(program, bases[s], candidates[s], s)
        scenarios = [(s, c) for s in live if s not in greedy
                     for c in itertools.combinations(candidates[s], size)]
        passing: dict[int, list[tuple[int, ...]]] = {}
        for (s, combo), ok in zip(scenarios, _passes(program, scenarios, bases), strict=True):
            if ok:
                passing.setdefault(s, []).append(combo)
        for s, combos in passing.items():
            best = max(combos, key=lambda c, b=bases[s]: (  # type: ignore[misc]
                sum(inds[k].mandatory for k in c), sum(inds[k].points - b[k] for k in c),
                [-k for k in c]))
            found[s] = _ordered(program, best)
        open_ = [s for s in live if s not in greedy and s not in passing]
        size += 1
    return found


def _greedy(program: Program, base: list[float], candidates: list[int], s: int) -> Gaps:
    inds = program.indicators
    order = sorted(candidates, key=lambda k: (not inds[k].mandatory, base[k] - inds[k].points, k))
    prefixes = [(s, tuple(order[:n])) for n in range(1, len(order) + 1)]
    bases = {s: base}
    for (_, prefix), ok in zip(prefixes, _passes(program, prefixes, bases), strict=True):
        if ok:
            return _ordered(program, prefix)
    return None


def _ordered(program: Program, chosen: Sequence[int]) -> tuple[int, ...]:
    inds = program.indicators
    return tuple(sorted(chosen, key=lambda k: (not inds[k].mandatory, k)))


def _passes(program: Program, scenarios: Sequence[tuple[int, Sequence[int]]],
            bases: Sequence[list[float]] | dict[int, list[float]]) -> list[bool]:
    """Whether the pass rule holds for each (subject, indicators fulfilled) scenario."""
    if not scenarios:
        return []
    inds = program.indicators
    columns = {f"p{k}": [ind.points if k in combo else bases[s][k] for s, combo in scenarios]
               for k, ind in enumerate(inds)}
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.Float64))
    rule = outcome_pass(program, [pl.col(f"p{k}") for k in range(len(inds))])
    return frame.select(rule.alias("ok"))["ok"].to_list()
