"""The cells of a legacy Excel workbook (.xls) as text, written as fastexcel writes the
cells of the other workbooks, so that an .xls reads exactly as its .xlsx copy.

`excel.read` reads every cell as text and types it in one place; xlrd gives an .xls's cells
as a kind and a Python value, which are written here the way fastexcel (calamine) writes the
cells of an .xlsx or .ods: a whole number in full (``12``, ``100000000000000000000``),
another number to at most nine decimals with the trailing zeros dropped (``0.333333333``,
``0.0000001``), a date as ``2025-07-01 00:00:00`` (milliseconds when there are any:
``2025-07-01 13:45:30.250``), a boolean as ``true`` / ``false``; an empty or error cell
has no text (an error cell is told by `excel.marks`).
"""

from __future__ import annotations

import functools
import math

import xlrd

__all__ = ["cell_text"]

_DAY_MS = 86_400_000
_UNIX_DAY = 25_569           # 1970-01-01 as a day of the 1900 date system
_DAYS_1904 = 1_462           # the 1904 date system's day 0 as a day of the 1900 system
#: The dates fastexcel can write (chrono's years ±262,143); a date cell beyond is written
#: as its number, which no date column takes.
_LAST_DAY = 95_000_000


def cell_text(kind: int, value: object, datemode: int) -> str | None:
    """An xlrd cell (its kind and value) as the text fastexcel gives the same cell."""
    if kind == xlrd.XL_CELL_TEXT:
        return str(value)
    if kind == xlrd.XL_CELL_NUMBER and isinstance(value, float):
        return number_text(value)
    if kind == xlrd.XL_CELL_DATE and isinstance(value, float):
        return date_text(value + (_DAYS_1904 if datemode == 1 else 0))
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "true" if value else "false"
    return None    # empty, blank, or an error (`excel.marks` tells the errors)


def number_text(number: float) -> str:
    """``12``, ``-0``, ``100000000000000000000``; ``1.1``, ``0.333333333``."""
    if number == 0:     # (kept from the cache: 0.0 and -0.0 are equal keys)
        return "-0" if math.copysign(1.0, number) < 0 else "0"
    return _nonzero_text(number)


@functools.lru_cache(maxsize=4096)      # a sheet's numbers repeat (points, counts)
def _nonzero_text(number: float) -> str:
    if number.is_integer():
        return str(int(number))
    return f"{number:.9f}".rstrip("0").rstrip(".")


def date_text(serial: float) -> str:
    """A day of the 1900 date system as ``YYYY-MM-DD hh:mm:ss[.fff]``: the days before
    1 March 1900 one later, as Excel counts them (it takes 1900 for a leap year)."""
    if not math.isfinite(serial) or abs(serial) > _LAST_DAY:
        return number_text(serial)
    ms = _round_half_away(serial * _DAY_MS) + (_DAY_MS if serial < 60 else 0) \
        - _UNIX_DAY * _DAY_MS
    days, rest = divmod(ms, _DAY_MS)
    year, month, day = _civil(days)
    seconds, milli = divmod(rest, 1000)
    shown = f"{year:04d}" if 0 <= year <= 9999 else f"{year:+05d}"
    text = (f"{shown}-{month:02d}-{day:02d} "
            f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}")
    return f"{text}.{milli:03d}" if milli else text


def _round_half_away(value: float) -> int:
    return math.floor(value + 0.5) if value >= 0 else -math.floor(-value + 0.5)


def _civil(days: int) -> tuple[int, int, int]:
    """Days since 1970-01-01 → year, month, day of the proleptic Gregorian calendar
    (any year: Python's dates end at 9999)."""
    shifted = days + 719_468              # days since 0000-03-01
    era, day_of_era = divmod(shifted, 146_097)
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36_524
                   - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    return year_of_era + era * 400 + (month <= 2), month, day
