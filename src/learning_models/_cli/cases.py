"""The ``test`` command: run the test cases (``*.test.yaml``) beside the criteria sets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._authoring import case_catalog, find_case_files, run_cases
from .._catalog import shipped_criteria_dir
from .._documents import format_problem
from .commands import summary
from .options import add_catalog_options, catalog_maker

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add the ``test`` command to the command line's subparsers."""
    p = sub.add_parser(
        "test", help=summary("test"),
        description="test-description")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="test-paths")
    add_catalog_options(p)
    p.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="lang-explanations")
    p.set_defaults(run=_test)


def _test(args: argparse.Namespace) -> int:
    shipped = shipped_criteria_dir()
    paths: list[Path] = args.paths or [shipped]
    display_root = None if args.paths else "criteria"
    catalog = case_catalog(find_case_files(paths), args.criteria_dir, make=catalog_maker(args))
    report = run_cases(paths, catalog, lang=args.lang, display_root=display_root)
    for problem in report.problems:
        print(format_problem(problem, args.lang), file=sys.stderr)
    out = sys.stdout
    for result in report.failures:
        out.write(result.diff(args.lang) + "\n")
    out.write(report.summary(args.lang) + "\n")
    return 0 if report.ok else 1

