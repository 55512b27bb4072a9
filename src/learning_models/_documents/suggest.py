"""The "did you mean …?" hint for a name that is not known: the closest known names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .texts import Message, say

__all__ = ["did_you_mean", "suggestion"]


def did_you_mean(word: str, choices: Iterable[str], *, most: int = 1) -> str | None:
    """``did you mean 'x'?`` with up to `most` of `choices` closest to `word` (``'a', 'b'
    or 'c'``), best first; None when none is close."""
    matches = difflib.get_close_matches(word, list(choices), n=most)
    if not matches:
        return None
    quoted = [repr(match) for match in matches]
    spoken = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"did you mean {spoken}?"


def suggestion(word: str, choices: Iterable[str], *, most: int = 1) -> Message | None:
    """`did_you_mean` as a text of the message catalogue (``có phải là 'x'?``)."""
    matches = difflib.get_close_matches(word, list(choices), n=most)
    if not matches:
        return None
    if len(matches) == 1:
        return say("hint-did-you-mean", name=matches[0])
    return say("hint-did-you-mean-many", names=", ".join(map(repr, matches[:-1])),
               last=matches[-1])
