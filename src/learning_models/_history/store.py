"""The history of results: what every back end offers, and what they share.

A history is append-only. Recording an evaluation adds a *run* (one year's results, each
subject's row with its provenance, `rows`) and never changes an earlier one: re-running a
year adds another run. Which run of a year is *current* is explicit: a decision ("run R is
the current run of year Y"), itself appended, never overwritten; the latest decision of a
year wins (recording a run decides it by default). Reading gives the current runs' rows
unless runs are named.

Back ends implement five small operations (`_append`, `_decide`, `runs`, `_decisions`,
`_read`); everything else is here, once.
"""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import polars as pl

from .._documents import say
from .._rollup import Rollup, TargetsLike, rollup
from .._scoring import DatasetEvaluation
from .._version import __version__
from ..errors import HistoryError
from .rows import TABLES, crosswalk_rows, figure_rows, history_rows, target_figure_rows

__all__ = ["Decision", "History", "HistoryRun", "new_run_id", "now"]


@dataclass(frozen=True, slots=True)
class HistoryRun:
    """One recorded run: one year's results, when they were recorded, by which engine."""

    id: str
    year: int
    recorded_at: str     # ISO 8601, UTC, to the microsecond
    engine: str
    subjects: int        # rows recorded (evaluated subjects of every model)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "year": self.year, "recorded_at": self.recorded_at,
                "engine": self.engine, "subjects": self.subjects, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HistoryRun:
        return cls(str(data["id"]), int(data["year"]), str(data["recorded_at"]),
                   str(data["engine"]), int(data["subjects"]), str(data.get("note") or ""))


@dataclass(frozen=True, slots=True, order=True)
class Decision:
    """"Run `run` is the current run of `year`", decided at `decided_at` (`order` breaks
    ties between decisions of the same instant, the same way every time)."""

    decided_at: str
    order: str
    year: int
    run: str


def now() -> str:
    """The time now, UTC, ISO 8601 to the microsecond (sorts as text)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_run_id(year: int, at: str) -> str:
    """A run id that sorts by year and time and never repeats (two runs at once included)."""
    stamp = at.replace("-", "").replace(":", "").replace(".", "")
    return f"{year}-{stamp}-{uuid.uuid4().hex[:12]}"


class History(ABC):
    """A history of results (see the module's docstring); `open_history` opens one."""

    place: str

    def __enter__(self) -> History:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:  # noqa: B027 - a folder holds nothing open
        """Release what the back end holds open (a database connection pool)."""

    def record(self, evaluation: DatasetEvaluation, *, rolled: Rollup | None = None,
               note: str = "", current: bool = True,
               targets: TargetsLike | None = None) -> HistoryRun:
        """Add `evaluation`'s results (and its roll-up by area, `rolled` or computed, with
        what it measured each target that names its sets on) as a new run of its year; make
        it the year's current run unless `current` is False. `targets`: those `rolled` was
        checked against, to record the census each narrowed target names."""
        if evaluation.year is None:
            raise HistoryError.saying(say("history-needs-year", place=self.place))
        at = now()
        run_id = new_run_id(evaluation.year, at)
        rows = history_rows(evaluation, run_id)
        rolled = rolled or rollup(evaluation, targets)
        tables = {"results": rows,
                  "figures": figure_rows(rolled, run_id),
                  "crosswalk": crosswalk_rows(evaluation.dataset, run_id),
                  "target_figures": target_figure_rows(rolled, run_id, _censuses(targets))}
        run = HistoryRun(run_id, evaluation.year, at, f"learning-models {__version__}",
                         rows.height, note)
        self._append(run, tables, Decision(at, run_id, run.year, run_id) if current else None)
        return run

    def set_current(self, run_id: str) -> HistoryRun:
        """Make run `run_id` the current run of its year (appended as a decision)."""
        run = self.run(run_id)
        at = now()
        self._decide(Decision(at, new_run_id(run.year, at), run.year, run.id))
        return run

    def run(self, run_id: str) -> HistoryRun:
        """The run with this id; a `HistoryError` naming the runs there are when none."""
        runs = {r.id: r for r in self.runs()}
        if run_id not in runs:
            known = ", ".join(sorted(runs)[-5:]) or say("cli-none")
            raise HistoryError.saying(say("history-no-run", place=self.place, run=run_id,
                                          known=known))
        return runs[run_id]

    def current(self) -> dict[int, HistoryRun]:
        """Each recorded year's current run, by year (years without a decision: none)."""
        runs = {r.id: r for r in self.runs()}
        chosen: dict[int, HistoryRun] = {}
        for decision in sorted(self._decisions()):
            if decision.run in runs:
                chosen[decision.year] = runs[decision.run]
        return dict(sorted(chosen.items()))

    def years(self) -> tuple[int, ...]:
        return tuple(self.current())

    def results(self, *, years: Iterable[int] | None = None,
                runs: Sequence[str] | None = None) -> pl.DataFrame:
        """The rows of the named runs, or of the current run of each year (of `years`
        when given): one row per subject and year (`rows.RESULT_SCHEMA`)."""
        return self._table("results", years, runs).sort("year", "model", "subject")

    def statuses(self, model: str, years: Sequence[int]) -> pl.DataFrame:
        """The current results of `model` in `years`: subject, year, status, grade (what
        inputs derived from earlier years read: the store is a `PastResults`)."""
        return self.results(years=years).filter(pl.col("model") == model) \
            .select("subject", "year", "status", "grade")

    def figures(self, *, years: Iterable[int] | None = None,
                runs: Sequence[str] | None = None) -> pl.DataFrame:
        """The roll-up of those runs by area and model, as each annual report printed it
        (`rows.FIGURE_SCHEMA`)."""
        return self._table("figures", years, runs).sort("year", "model", "code")

    def target_figures(self, *, years: Iterable[int] | None = None,
                       runs: Sequence[str] | None = None) -> pl.DataFrame:
        """What those runs' annual reports measured each target that names its sets on, by
        area and model (`rows.TARGET_FIGURE_SCHEMA`; none for a run recorded before the
        history kept them)."""
        return self._table("target_figures", years, runs).sort("year", "model", "target",
                                                               "code")

    def crosswalks(self, *, years: Iterable[int] | None = None,
                   runs: Sequence[str] | None = None) -> pl.DataFrame:
        """The crosswalks those runs' data carried (`rows.CROSSWALK_SCHEMA`)."""
        return self._table("crosswalk", years, runs)

    def _table(self, table: str, years: Iterable[int] | None,
               runs: Sequence[str] | None) -> pl.DataFrame:
        if runs is None:
            wanted = None if years is None else set(years)
            runs = [r.id for y, r in self.current().items() if wanted is None or y in wanted]
        else:
            for run_id in runs:
                self.run(run_id)
        if not runs:
            return pl.DataFrame(schema=TABLES[table])
        return self._read(table, list(runs))

    # --- what a back end implements -----------------------------------------------------

    @abstractmethod
    def runs(self) -> tuple[HistoryRun, ...]:
        """Every run recorded, oldest first."""

    @abstractmethod
    def _append(self, run: HistoryRun, tables: Mapping[str, pl.DataFrame],
                decision: Decision | None) -> None:
        """Store a new run with its rows in each table of `rows.TABLES` (and the decision
        making it current), all or nothing: a run is visible once all its rows are."""

    @abstractmethod
    def _decide(self, decision: Decision) -> None:
        """Append a decision on the current run of a year."""

    @abstractmethod
    def _decisions(self) -> list[Decision]:
        """Every decision appended, in any order."""

    @abstractmethod
    def _read(self, table: str, runs: Sequence[str]) -> pl.DataFrame:
        """The rows of these runs (all exist) in `table`, in its schema (`rows.TABLES`)."""


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _censuses(targets: TargetsLike | None) -> dict[str, str | None]:
    """Target id → the census column it names (None: the model's own)."""
    return {t.id: getattr(t, "census", None) for t in (targets.targets if targets else ())}
