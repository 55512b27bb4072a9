"""Who issues the written report and whom it goes to, in the report's language.

A targets file may say it (its ``letterhead:``), and a caller may override single values (the
``report`` command's ``--issuer``, ``--symbol``, ``--place`` and ``--recipient``). What neither
says stays empty here: a writer that lays out an administrative document (the Word report,
Decree 30/2020/NĐ-CP) fills it from the report's area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .._criteria import Lang

__all__ = ["LetterheadUsed", "letterhead_of"]


@dataclass(frozen=True, slots=True)
class LetterheadUsed:
    """The issuing body and the recipients of a report, as given (empty: not given).

    ``issuer`` may hold a line break where the name should break; ``recipients`` are names
    without the leading dash and the closing ``;``."""

    superior: str = ""
    issuer: str = ""
    symbol: str = ""
    place: str = ""
    recipients: tuple[str, ...] = ()

    def merged(self, *, superior: str | None = None, issuer: str | None = None,
               symbol: str | None = None, place: str | None = None,
               recipients: Sequence[str] | None = None) -> LetterheadUsed:
        """This letterhead with the values given (None: keep this one's)."""
        return replace(
            self, superior=self.superior if superior is None else superior,
            issuer=self.issuer if issuer is None else issuer,
            symbol=self.symbol if symbol is None else symbol,
            place=self.place if place is None else place,
            recipients=self.recipients if recipients is None else tuple(recipients))


def letterhead_of(targets: Any, lang: Lang) -> LetterheadUsed | None:
    """The letterhead a targets file gives (None when it gives none), in `lang`."""
    given = getattr(targets, "letterhead", None)
    if given is None:
        return None
    return LetterheadUsed(
        superior=_text(given.superior, lang), issuer=_text(given.issuer, lang),
        symbol=given.symbol or "", place=_text(given.place, lang),
        recipients=tuple(_text(r, lang) for r in given.recipients))


def _text(text: Any, lang: Lang) -> str:
    return "" if text is None else str(text.get(lang))
