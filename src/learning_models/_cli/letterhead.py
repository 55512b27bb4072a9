"""The ``report`` and ``review`` commands' letterhead options: who issues the written
report or review and whom it goes to (Decree 30/2020/NĐ-CP), over what the targets file's
``letterhead:`` says."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any, TypeVar

from .._history import ReviewReport
from .._report import LetterheadUsed, Report

__all__ = ["add_letterhead_options", "with_letterhead"]

#: What carries a letterhead: the annual report and the period review.
Lettered = TypeVar("Lettered", Report, ReviewReport)


def add_letterhead_options(parser: Any) -> None:
    """Add ``--issuer``, ``--superior``, ``--symbol``, ``--place`` and ``--recipient``."""
    group = parser.add_argument_group(
        "letterhead", "who issues the written report (docx) and whom it goes to; each "
                      "overrides the targets file's letterhead")
    group.add_argument("--issuer", metavar="TEXT",
                       help="the issuing body, e.g. 'Hội Khuyến học\\nphường Đức Xuân' "
                            "(\\n: where the line breaks; default: Hội Khuyến học of the area, or, "
                            "for a former area, of the current area that holds it)")
    group.add_argument("--superior", metavar="TEXT",
                       help="the governing body printed above the issuing body (default: none)")
    group.add_argument("--symbol", metavar="TEXT",
                       help="the number's symbol after the blank number (default: BC-HKH)")
    group.add_argument("--place", metavar="TEXT",
                       help="the place before the date (default: the area's name)")
    group.add_argument("--recipient", action="append", metavar="TEXT",
                       help="a recipient (Nơi nhận); may be repeated ('Lưu: VT' is added "
                            "last; default: the area's People's Committee)")


def with_letterhead(report: Lettered, args: argparse.Namespace) -> Lettered:
    """`report` (or a review) with the letterhead options given on the command line, if
    any."""
    given = {"superior": args.superior, "symbol": args.symbol, "place": args.place,
             "recipients": args.recipient,
             "issuer": None if args.issuer is None else args.issuer.replace("\\n", "\n")}
    if all(value is None for value in given.values()):
        return report
    return replace(report, letterhead=(report.letterhead or LetterheadUsed()).merged(**given))
