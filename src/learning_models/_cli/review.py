"""The ``review`` command: the period review (sơ kết / tổng kết) from a history.

    learning-models review --history PLACE --period 2021-2025 [--targets ID|FILE]
        --out DIR [--lang vi|en]

Reads the current run of each recorded year of the period (``report --history`` records
them) and writes ``danh-gia-<period>.html`` (line charts per model), ``.xlsx`` and
``review.json`` into DIR. Areas follow the latest year's list, earlier years carried
through the crosswalks (see ``docs/history.md``).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from .._criteria import Lang
from .._documents import say
from .._history import open_history, review, write_review
from .options import UsageError, check_output_folder
from .report import load_targets

__all__ = ["register"]

_PERIOD = re.compile(r"^\d{4}(-\d{4})?$")


def register(sub: Any) -> None:
    """Add the ``review`` command to the command line's subparsers."""
    p = sub.add_parser("review", help="the period review from a history: series by year "
                                      "against the plan's milestones")
    p.add_argument("--history", required=True, metavar="PLACE",
                   help="the history: a folder, or a database URL (sqlite:///FILE, "
                        "postgresql://…)")
    p.add_argument("--period", required=True, metavar="YYYY-YYYY",
                   help="the period to review, e.g. 2021-2025")
    p.add_argument("--targets", metavar="ID|FILE", help="the plan's targets")
    p.add_argument("--out", type=Path, default=Path("review"), metavar="DIR",
                   help="the folder to write into (default: review)")
    p.add_argument("--lang", choices=("vi", "en"), default="vi")
    p.set_defaults(run=_review)


def _review(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if not _PERIOD.match(args.period):
        raise UsageError.saying(say("cli-period", period=args.period))
    check_output_folder(args.out, say("output-review"))
    targets = load_targets(args.targets) if args.targets else None
    with open_history(args.history) as history:
        found = review(history, args.period, targets)
    written = write_review(found, args.out, lang)
    print(("Đã ghi" if lang == "vi" else "Written") + ": "
          + ", ".join(str(p) for p in written))
    return 0
