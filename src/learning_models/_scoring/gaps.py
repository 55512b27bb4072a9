"""Gap advice: the smallest set of unmet indicators whose fulfilment would make a subject pass.

The search runs the set's own pass rule (through `score.outcome_pass`) over a table of
"what if" scenarios, one row per candidate set of indicators, smallest sets first. Among the
sets of the smallest size it prefers those with more mandatory indicators, then more points
gained, then document order. When there are too many combinations to try, it falls back to a
greedy choice (mandatory first, then the largest gains), which is exact for a pass rule that
is a threshold on the total.

`find_gaps_many` does this for many subjects at once: each size of candidate set is tried for
every subject still open in one table (at most `CHUNK` scenarios a run), so a batch costs a
few Polars runs, not one per subject; each subject's answer is the one `find_gaps` gives it.

An indicator that does not apply to a subject (format 1.1 ``applies``) is never advised: it
is left out of the candidates and of the scenarios' maximum. One whose applicability is
open is advised like a missing one (its evidence would settle it).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence

import polars as pl

from .._criteria import Program
from .._expressions import NotScalar
from .score import outcome_pass
from .score_rows import outcome_passes

__all__ = ["find_gaps", "find_gaps_many", "gaps_exhaustive"]

#: Above this many combinations of one size, a subject's gaps are chosen greedily.
MAX_SCENARIOS = 20_000
#: ... and above this many cells (combinations × indicators): the work of a search is
#: bounded whatever the size of the set (2,000 indicators: sizes of one are still tried).
MAX_CELLS = 4_000_000
#: At most this many scenarios go through the pass rule in one table, and at most
#: `CHUNK_CELLS` cells (scenarios × indicators): this bounds the memory.
CHUNK = 250_000
CHUNK_CELLS = 2_000_000
#: Above this many candidates, the greedy choice finds its shortest passing prefix by
#: bisection (a pass rule that fulfilling more indicators cannot break) instead of trying
#: every prefix.
BISECT_FROM = 64
#: Up to this many scenarios at once, the pass rule runs row by row in Python when the set
#: allows it (`score_rows.outcome_passes`): about 2.5 µs a scenario, against a query's
#: 1–2 ms planning (the two meet at about 500).
FEW_SCENARIOS = 500

Gaps = tuple[int, ...] | None
Scenario = tuple[int, tuple[int, ...]]          # (subject, indicators fulfilled)
#: Per subject, whether each indicator applies to it (None: every one does).
Applies = Sequence[Sequence[bool]] | None


def find_gaps(program: Program, points: Sequence[float | None],
              applies: Sequence[bool] | None = None) -> Gaps:
    """Indexes of the indicators to fulfil, or None when even all of them would not pass.

    `points` are one subject's indicator points (None for missing evidence); `applies`
    says which indicators count for it (default: all).
    """
    return find_gaps_many(program, [points], None if applies is None else [applies])[0]


def find_gaps_many(program: Program, rows: Sequence[Sequence[float | None]],
                   applies: Applies = None, *, chunk: int = CHUNK) -> list[Gaps]:
    """`find_gaps` for each of `rows` (one subject's points each), computed together."""
    inds = program.indicators
    chunk = max(1, min(chunk, CHUNK_CELLS // max(1, len(inds))))
    table = _Scenarios(program, [[p or 0.0 for p in points] for points in rows], chunk,
                       None if applies is None else [list(a) for a in applies])
    candidates = [_candidates(program, points, None if applies is None else applies[s])
                  for s, points in enumerate(rows)]
    found: list[Gaps] = [None] * len(rows)
    open_ = []
    for (s, _), ok in table.passes((s, ()) for s in range(len(rows))):
        if ok:
            found[s] = ()
        else:
            open_.append(s)
    size = 1
    while open_:
        live = [s for s in open_ if size <= len(candidates[s])]
        greedy = [s for s in live if not _exhaustive(len(candidates[s]), size, len(inds))]
        for s, gaps in _greedy(table, candidates, greedy).items():
            found[s] = gaps
        exhaustive = [s for s in live if _exhaustive(len(candidates[s]), size, len(inds))]
        passing: dict[int, list[tuple[int, ...]]] = {}
        for (subject, combo), ok in table.passes(
                (s, c) for s in exhaustive for c in itertools.combinations(candidates[s], size)):
            if ok:
                passing.setdefault(subject, []).append(combo)
        for s, combos in passing.items():
            base = table.bases[s]
            best = max(combos, key=lambda c, b=base: (  # type: ignore[misc]
                sum(inds[k].mandatory for k in c), sum(inds[k].points - b[k] for k in c),
                [-k for k in c]))
            found[s] = _ordered(program, best)
        open_ = [s for s in exhaustive if s not in passing]
        size += 1
    return found


def _candidates(program: Program, points: Sequence[float | None],
                applies: Sequence[bool] | None) -> list[int]:
    """The indicators that could gain points: not fully met, and applying."""
    inds = program.indicators
    return [k for k, p in enumerate(points) if (p is None or p < inds[k].points)
            and (applies is None or applies[k])]


def gaps_exhaustive(program: Program, points: Sequence[float | None], gaps: Gaps,
                    applies: Sequence[bool] | None = None) -> bool:
    """Whether `gaps` (what `find_gaps` gave for `points`) come from trying every
    combination up to their size — the smallest there is — or from the greedy choice the
    search falls back to beyond its budget (short, not always the shortest)."""
    if not gaps:
        return True
    candidates = len(_candidates(program, points, applies))
    return all(_exhaustive(candidates, size, len(program.indicators))
               for size in range(1, len(gaps) + 1))


def _exhaustive(candidates: int, size: int, indicators: int) -> bool:
    combinations = math.comb(candidates, size)
    return combinations <= MAX_SCENARIOS and combinations * indicators <= MAX_CELLS


def _greedy(table: _Scenarios, candidates: Sequence[list[int]], subjects: Sequence[int],
            ) -> dict[int, Gaps]:
    """For each subject: the shortest prefix of its candidates, mandatory first and then the
    largest gains, that passes (None when none does)."""
    inds = table.program.indicators
    orders = {s: sorted(candidates[s], key=lambda k, b=table.bases[s]: (  # type: ignore[misc]
        not inds[k].mandatory, b[k] - inds[k].points, k)) for s in subjects}
    chosen: dict[int, Gaps] = dict.fromkeys(subjects)
    short = {s: o for s, o in orders.items() if len(o) < BISECT_FROM}
    prefixes = ((s, tuple(order[:n])) for s, order in short.items()
                for n in range(1, len(order) + 1))
    for (s, prefix), ok in table.passes(prefixes):
        if ok and chosen[s] is None:
            chosen[s] = _ordered(table.program, prefix)
    for s, order in orders.items():
        if s not in short:
            chosen[s] = _bisect(table, s, order)
    return chosen


def _bisect(table: _Scenarios, subject: int, order: list[int]) -> Gaps:
    """The shortest passing prefix of `order`, by bisection (about log2(n) runs)."""
    def ok(n: int) -> bool:
        return next(iter(table.passes([(subject, tuple(order[:n]))])))[1]

    if not ok(len(order)):
        return None
    low, high = 0, len(order)  # the prefix of `high` passes, that of `low` does not
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if ok(middle) else (middle, high)
    return _ordered(table.program, order[:high])


def _ordered(program: Program, chosen: Sequence[int]) -> tuple[int, ...]:
    inds = program.indicators
    return tuple(sorted(chosen, key=lambda k: (not inds[k].mandatory, k)))


class _Scenarios:
    """Runs the pass rule over (subject, indicators fulfilled) scenarios, in chunks."""

    def __init__(self, program: Program, bases: list[list[float]], chunk: int,
                 applies: list[list[bool]] | None = None) -> None:
        self.program = program
        self.bases = bases
        self.applies = applies
        self.chunk = max(chunk, 1)
        self._row_rule = outcome_passes(program)
        self._table: tuple[pl.DataFrame, pl.Expr] | None = None   # built on first use

    def passes(self, scenarios: Iterable[Scenario]) -> Iterator[tuple[Scenario, bool]]:
        """Each scenario with whether the pass rule holds for it."""
        it = iter(scenarios)
        while batch := list(itertools.islice(it, self.chunk)):
            yield from zip(batch, self._run(batch), strict=True)

    def _run(self, batch: Sequence[Scenario]) -> list[bool]:
        if self._row_rule is not None and len(batch) <= FEW_SCENARIOS:
            try:
                return [self._row_rule(self._fulfilled(s, combo),
                                       None if self.applies is None else self.applies[s])
                        for s, combo in batch]
            except NotScalar:  # values the two engines could read apart: the table decides
                pass
        return self._run_table(batch)

    def _fulfilled(self, subject: int, combo: tuple[int, ...]) -> list[float]:
        """Subject's points with the indicators of `combo` at their maximum."""
        points = list(self.bases[subject])
        for k in combo:
            points[k] = float(self.program.indicators[k].points)
        return points

    def _base_table(self) -> tuple[pl.DataFrame, pl.Expr]:
        """Each subject's points (``p{k}``) and, when some indicator applies to some
        subjects only, whether each applies (``a{k}``); the pass rule over them."""
        inds = self.program.indicators
        columns = [f"p{k}" for k in range(len(inds))]
        data = {c: [b[k] for b in self.bases] for k, c in enumerate(columns)}
        schema: dict[str, pl.DataType] = dict.fromkeys(columns, pl.Float64())
        applies: list[pl.Expr | None] = [None] * len(inds)
        if self.applies is not None:
            for k, ind in enumerate(inds):
                if ind.applicability is not None:
                    data[f"a{k}"] = [a[k] for a in self.applies]
                    schema[f"a{k}"] = pl.Boolean()
                    applies[k] = pl.col(f"a{k}")
        return (pl.DataFrame(data, schema=schema),
                outcome_pass(self.program, [pl.col(c) for c in columns], applies))

    def _run_table(self, batch: Sequence[Scenario]) -> list[bool]:
        inds = self.program.indicators
        if self._table is None:
            self._table = self._base_table()
        base, rule = self._table
        hits: list[list[int]] = [[] for _ in inds]  # per indicator: the scenarios fulfilling it
        for row, (_, combo) in enumerate(batch):
            for k in combo:
                hits[k].append(row)
        subjects = pl.Series("s", [s for s, _ in batch], dtype=pl.Int64)
        frame = base.select(pl.all().gather(subjects)) if inds else \
            pl.DataFrame({"_": [0] * len(batch)})
        scenario = pl.int_range(pl.len(), dtype=pl.Int64)
        frame = frame.with_columns(
            pl.when(scenario.is_in(pl.Series(hits[k], dtype=pl.Int64).implode()))
            .then(pl.lit(float(ind.points))).otherwise(pl.col(f"p{k}")).alias(f"p{k}")
            for k, ind in enumerate(inds) if hits[k])
        ok: list[bool] = frame.select(rule.alias("ok"))["ok"].to_list()
        return ok
