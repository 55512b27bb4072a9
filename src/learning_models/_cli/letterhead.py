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
        "letterhead", "letterhead-description")
    group.add_argument("--issuer", metavar="TEXT",
                       help="issuer")
    group.add_argument("--superior", metavar="TEXT",
                       help="superior")
    group.add_argument("--symbol", metavar="TEXT",
                       help="symbol")
    group.add_argument("--place", metavar="TEXT",
                       help="place")
    group.add_argument("--recipient", action="append", metavar="TEXT",
                       help="recipient")


def with_letterhead(report: Lettered, args: argparse.Namespace) -> Lettered:
    """`report` (or a review) with the letterhead options given on the command line, if
    any."""
    given = {"superior": args.superior, "symbol": args.symbol, "place": args.place,
             "recipients": args.recipient,
             "issuer": None if args.issuer is None else args.issuer.replace("\\n", "\n")}
    if all(value is None for value in given.values()):
        return report
    return replace(report, letterhead=(report.letterhead or LetterheadUsed()).merged(**given))
