"""Dates a person types: a date cell of a spreadsheet or ``dd/mm/yyyy`` text, as ISO text.

A crosswalk's ``since`` (when an old area became a new one) is the one date the evidence
holds. A spreadsheet gives a date cell as ``2025-07-01`` (or ``2025-07-01 00:00:00``); a
clerk types ``01/07/2025`` or ``1/7/2025``. Both become ``2025-07-01``; anything else is
refused with where it is, never read as "no date" (which would apply the change to every
year).
"""

from __future__ import annotations

import re
from datetime import date

import polars as pl

from .._documents import Message, say
from ..errors import EvidenceError, Problem
from .records import LINE, ROW

__all__ = ["iso_date", "iso_dates"]

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def iso_date(text: str) -> str | None:
    """``01/07/2025`` or ``2025-07-01 00:00:00`` → ``2025-07-01``; None when `text` is not a
    real date in either form."""
    text = text.strip()
    iso, dmy = _ISO.match(text), _DMY.match(text)
    if iso is not None:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif dmy is not None:
        year, month, day = int(dmy[3]), int(dmy[2]), int(dmy[1])
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_dates(frame: pl.DataFrame, column: str, where: str,
              place: Message | None = None) -> pl.DataFrame:
    """`frame` with its text `column` as ISO dates (empty cells stay empty); a value that is
    not a date raises `EvidenceError` naming each (`where`: the file or sheet; `place`: the
    column as the user sees it, e.g. ``column C 'Từ ngày'``)."""
    if column not in frame.columns:
        return frame
    values = frame[column].cast(pl.String).to_list()
    dates = [None if v is None or not v.strip() else iso_date(v) for v in values]
    bad = [k for k, (v, d) in enumerate(zip(values, dates, strict=True))
           if d is None and v is not None and v.strip()]
    if bad:
        at = LINE if LINE in frame.columns else ROW if ROW in frame.columns else None
        shown = say("in-place", place=place) if place else None
        raise EvidenceError([Problem.of(
            "invalid-value",
            say("not-a-date", where=where, at=frame[at][k] if at else k + 1, value=values[k],
                column=column, place=shown), hint=say("not-a-date-hint"))
            for k in bad])
    return frame.with_columns(pl.Series(column, dates, dtype=pl.String))
