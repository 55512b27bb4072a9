"""Values a document can spell but that are not data: text with a lone surrogate escape,
integers too long to convert, numbers that are not finite.

Criteria sets, overlays, targets and test cases refuse such a value as a located problem.
Evidence keeps it in its record as a `BadValue`, so that the record is rejected with the
reason and the other records of the file are still read (`_records.record_shape_problem`).
"""

from __future__ import annotations

import math

from .texts import Message, say

#: Integers longer than this are not read: every number of a document must convert to a
#: float (below 1.8e308) and to text (Python refuses beyond 4,300 digits); no count or
#: score of this domain comes near it.
MAX_INT_DIGITS = 300


class BadValue:
    """A value kept in place of one that cannot be read; `reason` says why (lower case,
    no position: the reader knows where it is)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str | Message) -> None:
        self.reason = reason

    def __repr__(self) -> str:
        return f"BadValue({self.reason!r})"


def text_problem(text: str) -> Message | None:
    """Why `text` cannot be written out as UTF-8 (an escaped lone surrogate such as
    ``"\\ud800"``), or None."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        return say("lone-surrogate", code=f"{ord(bad):04x}")
    return None


def safe_text(text: str) -> str:
    """`text` with each lone surrogate written as its escape (for messages and files)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def int_from_text(text: str) -> int | BadValue:
    """An integer written in decimal digits (a sign and underscores allowed), or a
    `BadValue` when it is longer than `MAX_INT_DIGITS` digits."""
    digits = sum(ch.isdigit() for ch in text)
    if digits > MAX_INT_DIGITS:
        return BadValue(too_long(digits))
    return int(text)


def int_problem(value: int) -> Message | None:
    """Why an integer is too large to be read (more than `MAX_INT_DIGITS` digits), or None."""
    if value.bit_length() <= MAX_INT_DIGITS * 3:  # < 10**903: short enough whatever it is
        return None
    digits = math.floor(value.bit_length() * math.log10(2)) + 1
    return None if digits <= MAX_INT_DIGITS else too_long(digits)


def shown(text: str, width: int = 40) -> str:
    """`text` quoted for a message, cut after `width` characters."""
    return repr(text if len(text) <= width else text[:width] + "…")


def too_long(digits: int) -> Message:
    return say("number-too-long", digits=digits, limit=MAX_INT_DIGITS)
