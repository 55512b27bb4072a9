"""The ``impact`` command: what a criteria change would do to a year's real data.

    learning-models impact DATA --year 2024 --before SET --after SET|FILE [--overlay …]
        [--targets ID|FILE] [--format text|json|html|xlsx] [--out FILE] [--lang vi|en]

The same data are evaluated under ``--before`` and under ``--after`` (``--overlay``: the
overlays apply to the ``--after`` side only, so that ``--before S --after S --overlay X``
shows what the overlay X changes), compared subject by subject and rolled up by area against
the plan's targets. Text and JSON go to standard output unless ``--out`` names a file; HTML
and XLSX need ``--out``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._criteria import Lang
from .._documents import say
from .._history import IMPACT_FORMATS, format_impact, impact, write_impact
from .._plugins import collect_readers
from .commands import summary
from .options import (
    UsageError,
    add_catalog_options,
    catalog_from_args,
    catalog_maker,
    plugin_manager_from_args,
    resolve_criteria,
)
from .report import load_targets, read_data

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add the ``impact`` command to the command line's subparsers."""
    p = sub.add_parser("impact", help=summary("impact"))
    p.add_argument("data", type=Path, metavar="DATA",
                   help="impact-data")
    p.add_argument("--year", type=int, required=True, help="impact-year")
    p.add_argument("--before", required=True, metavar="SET",
                   help="impact-before")
    p.add_argument("--after", required=True, metavar="SET|FILE",
                   help="impact-after")
    p.add_argument("--targets", metavar="ID|FILE", help="targets")
    add_catalog_options(p)
    p.add_argument("--reader", metavar="NAME", help="impact-reader")
    p.add_argument("--format", choices=IMPACT_FORMATS, default="text", help="format")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="impact-out")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="lang-output")
    p.set_defaults(run=_impact)


def _impact(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if args.format in ("html", "xlsx") and args.out is None:
        raise UsageError.saying(say("cli-format-needs-out", format=args.format))
    plain = argparse.Namespace(**{**vars(args), "overlay": []})
    before = resolve_criteria(args.before, None, None, args.criteria_dir,
                              catalog_maker(plain))
    after = resolve_criteria(args.after, None, None, args.criteria_dir, catalog_maker(args))
    pm = plugin_manager_from_args(args)
    catalog = catalog_from_args(plain, plugins=pm)
    targets = load_targets(args.targets, catalog) if args.targets else None
    dataset = read_data(args.data, collect_readers(pm), reader=args.reader)
    found = impact(dataset, year=args.year, before=before, after=after, targets=targets,
                   catalog=catalog)
    if args.out is None:
        sys.stdout.write(found.to_json() if args.format == "json"
                         else format_impact(found, lang))
    else:
        print(write_impact(found, args.out, args.format, lang))
    return 0
