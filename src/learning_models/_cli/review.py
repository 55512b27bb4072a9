"""The ``review`` command: the period review (sơ kết / tổng kết) from a history.

    learning-models review --history PLACE --period 2021-2025 [--targets ID|FILE]
        --out DIR [--lang vi|en] [--issuer …] [--no-plugins]

Reads the current run of each recorded year of the period (``report --history`` records
them) and writes ``danh-gia-<period>.html`` (line charts per model), ``.xlsx`` and
``review.json`` into DIR, then lets every installed review writer (the hook
``learning_models_review_writers``: the docx plugin's Word "Báo cáo sơ kết / tổng kết")
write its format; it says every file written. Areas follow the latest year's list, earlier
years carried through the crosswalks (see ``docs/history.md``).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from .._criteria import Lang
from .._documents import say
from .._history import ReviewReport, build_review_report, open_history, review, write_review
from .._plugins import collect_review_writers
from ..errors import LearningModelsError, PluginError
from ..hookspecs import ReviewWriter
from .commands import summary
from .letterhead import add_letterhead_options, with_letterhead
from .options import UsageError, add_plugin_options, check_output_folder, plugin_manager_from_args
from .report import load_targets, written_paths

__all__ = ["register"]

_PERIOD = re.compile(r"^\d{4}(-\d{4})?$")


def register(sub: Any) -> None:
    """Add the ``review`` command to the command line's subparsers."""
    p = sub.add_parser("review", help=summary("review"))
    p.add_argument("--history", required=True, metavar="PLACE",
                   help="review-history")
    p.add_argument("--period", required=True, metavar="YYYY-YYYY",
                   help="review-period")
    p.add_argument("--targets", metavar="ID|FILE", help="targets")
    p.add_argument("--out", type=Path, default=Path("review"), metavar="DIR",
                   help="review-out")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="lang-output")
    add_letterhead_options(p)
    add_plugin_options(p)
    p.set_defaults(run=_review)


def _review(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if not _PERIOD.match(args.period):
        raise UsageError.saying(say("cli-period", period=args.period))
    check_output_folder(args.out, say("output-review"))
    writers = collect_review_writers(plugin_manager_from_args(args))
    targets = load_targets(args.targets) if args.targets else None
    with open_history(args.history) as history:
        found = review(history, args.period, targets)
    written = write_review(found, args.out, lang)
    document = with_letterhead(build_review_report(found, lang, targets), args)
    for name, writer in writers.items():
        written += _write_one(document, args.out, writer, writers.plugin_of(name))
    print(("Đã ghi" if lang == "vi" else "Written") + ": "
          + ", ".join(str(p) for p in written))
    return 0


def _write_one(document: ReviewReport, out: Path, writer: ReviewWriter, owner: str,
               ) -> list[Path]:
    """What a plugin's review writer wrote; a failure or a return that is not paths is a
    `PluginError` naming the plugin."""
    try:
        paths = writer.write(document, out)
    except LearningModelsError:
        raise
    except Exception as exc:
        raise PluginError.saying(say(
            "cli-plugin-failed-writing", plugin=owner, what=say("output-review"),
            writer=say("cli-review-writer", name=writer.name), reason=str(exc))) from exc
    return written_paths(paths, owner, say("cli-review-writer", name=writer.name))
