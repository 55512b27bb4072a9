"""Inputs derived from a subject's own results of earlier years (``from: {history: …}``).

The results come from anything that offers `PastResults` (a history: `open_history`); this
module only reads them. The missing-evidence rule holds across years: a year that was not
recorded at all leaves the value unknown (null: the indicators reading it are *missing*),
never false; a year that was recorded without the subject says that the subject did not
exist (or was not evaluated) then, which ends a streak as a year without recognition does.
An incomplete year leaves a streak that reaches it unknown. A value the history leaves
unknown is taken from the data when the data give it (e.g. the years before the history).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import polars as pl

from .._criteria import HistoryDerivation

__all__ = ["NO_GRADE", "PastResults", "history_values"]

#: The grade of a subject that had none that year (or did not exist): a known value.
NO_GRADE = "none"
_ABSENT = "absent"

Year = Mapping[str, tuple[str, str | None]]     # subject → (status, grade) of one year


class PastResults(Protocol):
    """Earlier results, as a history gives them."""

    def years(self) -> tuple[int, ...]:
        """The years recorded (each with a current run)."""
        ...

    def statuses(self, model: str, years: Sequence[int]) -> pl.DataFrame:
        """The results of `model` in `years`: subject, year, status, grade."""
        ...


def history_values(how: HistoryDerivation, ids: Sequence[str | None], past: PastResults,
                   model: str, year: int) -> tuple[list[int | str | None], list[str]]:
    """For each subject id, the derived value (None: unknown) and what was read for it."""
    earlier = sorted((y for y in past.years() if y < year), reverse=True)
    frame = past.statuses(model, earlier)
    by_year: dict[int, dict[str, tuple[str, str | None]]] = {y: {} for y in earlier}
    for subject, y, status, grade in frame.select("subject", "year", "status", "grade") \
            .iter_rows():
        by_year[y][subject] = (status, grade)
    values: list[int | str | None] = []
    sources: list[str] = []
    for ident in ids:
        value, read = _one(how, (ident or "").strip(), by_year, year)
        values.append(value)
        sources.append("history: " + (", ".join(read) or "no earlier year recorded"))
    return values, sources


def _one(how: HistoryDerivation, subject: str, by_year: Mapping[int, Year], year: int,
         ) -> tuple[int | str | None, list[str]]:
    if how.history in ("status", "grade"):
        y = year + how.year
        if y not in by_year:
            return None, [f"{y} not recorded"]
        status, grade = by_year[y].get(subject, (_ABSENT, None))
        value = status if how.history == "status" else (grade or NO_GRADE)
        return value, [f"{y} {status}"]
    streak, read, known = _streak(subject, by_year, year, how.limit)
    if not known:
        return None, read
    if how.history == "recognised":
        return streak, read
    return year - streak, read      # recognised_since: the first year of the streak


def _streak(subject: str, by_year: Mapping[int, Year], year: int, limit: int | None,
            ) -> tuple[int, list[str], bool]:
    """Years in a row recognised up to the year before, what was read, and whether the
    count is known (it is not when an unrecorded or incomplete year interrupts it)."""
    streak, read, y = 0, [], year - 1
    while limit is None or streak < limit:
        if y not in by_year:
            read.append(f"{y} not recorded")
            return streak, read, False
        status = by_year[y].get(subject, (_ABSENT, None))[0]
        read.append(f"{y} {status}")
        if status == "incomplete":
            return streak, read, False
        if status != "recognised":
            break
        streak, y = streak + 1, y - 1
    return streak, read, True
