"""Numbers typed the Vietnamese way, read correctly or refused with how they were read.

Vietnamese writes ``5.930`` for five thousand nine hundred and thirty and ``1.234,5`` for
one thousand two hundred and thirty-four and a half; a spreadsheet in another locale, or a
program, writes ``5930`` and ``1234.5``. A reader that casts text to a number reads
``5.930`` as 5.93 — a count three orders of magnitude off, and no error. So:

- a **whole number** (a count, an area's total) written with dots between groups of three
  digits (``5.930``, ``1.234.567``) or with spaces between them (``1 234``) is read as
  thousands: a count cannot be 5.93;
- a **number** written with a decimal comma (``1,5``; ``1.234,5``) is read the Vietnamese
  way; one whose reading depends on the convention (``5.930``: 5930 or 5.93; ``1,500``:
  1500 or 1.5) is refused, and the message says both readings;
- anything else that is not a plain number (``8 20``: a space that does not separate
  thousands) is refused with what is wrong in it.

`whole_reading` / `number_reading` do it column-wise for evidence; `read_count` for one
cell (an area's total). `reading_hint` is the part of a message that says how a refused
value was read.
"""

from __future__ import annotations

import re

import polars as pl

from .._documents import Message, say
from .column_texts import ColumnText, column_text

__all__ = ["number_reading", "read_count", "reading_hint", "whole_reading"]

_SIGN = r"^[+-]?"
#: 5.930, 1.234.567 — dots between groups of three digits.
DOT_GROUPS = _SIGN + r"\d{1,3}(?:\.\d{3})+$"
#: 1 234 — spaces (or no-break spaces) between groups of three digits.
SPACE_GROUPS = _SIGN + r"\d{1,3}(?:[ \u00a0]\d{3})+$"
#: 1.234,5 — thousands dots and a decimal comma.
DOTS_AND_COMMA = _SIGN + r"\d{1,3}(?:\.\d{3})+,\d+$"
#: 1,5 or 12,25 or 3,14159 — a decimal comma alone (not followed by exactly three digits).
COMMA_DECIMAL = _SIGN + r"\d+,(?:\d{1,2}|\d{4,})$"
#: 1,500 — a comma before three digits: thousands in English, a decimal in Vietnamese.
COMMA_THREE = _SIGN + r"\d{1,3},\d{3}$"
#: 5.930 — a dot before three digits: a decimal in English, thousands in Vietnamese.
DOT_THREE = _SIGN + r"\d{1,3}\.\d{3}$"
_SPACES = r"[ \u00a0]"


def whole_reading(raw: pl.Expr) -> pl.Expr:
    """Whole numbers written with thousands dots or spaces (``5.930``, ``1 234``), read as
    such; null for any other text."""
    digits = raw.str.replace_all(r"[.\u00a0 ]", "")
    grouped = raw.str.contains(DOT_GROUPS) | raw.str.contains(SPACE_GROUPS)
    return pl.when(grouped).then(digits.str.to_integer(base=10, strict=False))


def number_reading(raw: pl.Expr) -> pl.Expr:
    """Numbers written the Vietnamese way without doubt (``1,5``, ``1.234,5``, ``1.234.567``,
    ``1 234``), read; null for any other text."""
    vietnamese = raw.str.contains(DOTS_AND_COMMA) | raw.str.contains(COMMA_DECIMAL) | \
        raw.str.contains(_SIGN + r"\d{1,3}(?:\.\d{3}){2,}$") | raw.str.contains(SPACE_GROUPS)
    plain = raw.str.replace_all(r"[.\u00a0 ]", "").str.replace(",", ".", literal=True)
    return pl.when(vietnamese).then(plain.cast(pl.Float64, strict=False))


def ambiguous(raw: pl.Expr) -> pl.Expr:
    """Whether a number's text reads differently in Vietnamese and English (``5.930``)."""
    return raw.str.contains(DOT_THREE).fill_null(False)


def reading_hint(raw: pl.Expr) -> ColumnText:
    """How a refused number's text was read, for its message (no message when there is
    nothing to say): both readings of an ambiguous value, a space that separates nothing."""
    dots = raw.str.replace_all(".", "", literal=True)
    commas = raw.str.replace_all(",", "", literal=True)
    dot = raw.str.contains(DOT_THREE)
    kind = (pl.when(dot).then(pl.lit("reading-dot"))
            .when(raw.str.contains(COMMA_THREE)).then(pl.lit("reading-comma"))
            .when(raw.str.contains(_SPACES)).then(pl.lit("reading-space")))
    return column_text(kind, vi_way=pl.when(dot).then(dots).otherwise(
                           raw.str.replace(",", ".", literal=True)),
                       en_way=pl.when(dot).then(raw).otherwise(commas),
                       fix=pl.when(dot).then(dots).otherwise(commas))


def read_count(text: object) -> tuple[int | None, Message | None]:
    """One cell read as a whole number >= 0: (the number, None), or (None, why not) with how
    the text was read. An empty cell is (None, None)."""
    if text is None:
        return None, None
    if isinstance(text, bool):
        return None, say("count-yes-no", found=repr(text))
    if isinstance(text, int):
        return (text, None) if text >= 0 else (None, say("count-found", found=str(text)))
    if isinstance(text, float):
        if text.is_integer() and text >= 0:
            return int(text), None
        return None, say("count-found", found=repr(text))
    shown = str(text).strip()
    if not shown:
        return None, None
    if re.fullmatch(r"\d+", shown):
        return int(shown), None
    if re.fullmatch(DOT_GROUPS, shown) or re.fullmatch(SPACE_GROUPS, shown):
        value = int(re.sub(r"[.\u00a0 ]", "", shown))
        if value >= 0:
            return value, None
    if re.fullmatch(r"\d+\.0*", shown):
        return int(shown.split(".")[0]), None
    if re.fullmatch(COMMA_THREE, shown):
        return None, say("count-comma", found=repr(shown), vi_way=shown.replace(",", "."),
                         en_way=shown.replace(",", ""))
    if re.search(_SPACES, shown):
        return None, say("count-space", found=repr(shown),
                         without=repr(re.sub(_SPACES, "", shown)))
    return None, say("count-found", found=repr(shown))
