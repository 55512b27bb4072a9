"""The ``template`` command: the empty data-entry workbook for the sets in force in a year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._catalog import Catalog
from .._documents import say
from .._evidence import MODEL_SHEETS, template_sets, write_template
from ..errors import LearningModelsError
from .commands import summary
from .options import (
    add_catalog_options,
    add_lang_option,
    catalog_maker,
    check_output_file,
    make_folder_of,
)

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add the ``template`` command to the command line's subparsers."""
    p = sub.add_parser("template", help=summary("template"))
    p.add_argument("--year", required=True, type=int, help="year")
    p.add_argument("-o", "--output", type=Path, default=Path("mau-nhap-lieu.xlsx"),
                   help="template-output")
    p.add_argument("--force", action="store_true",
                   help="template-force")
    add_catalog_options(p)
    add_lang_option(p)
    p.set_defaults(run=_template)


def _template(args: argparse.Namespace) -> int:
    check_output_file(args.output, say("output-workbook"), suffix=".xlsx", force=args.force)
    catalog = catalog_maker(args)(args.criteria_dir)
    _check_year(catalog, args.year)
    sets = template_sets(catalog, args.year)
    make_folder_of(args.output, say("output-workbook"))
    written = write_template(args.output, sets, year=args.year)
    sheets = ", ".join(MODEL_SHEETS.get(m, m) for m in sets)
    print(f"{written}: {sheets}, Địa bàn "
          f"({', '.join(s.id for variants in sets.values() for s in variants)})",
          file=sys.stderr)
    return 0


def _check_year(catalog: Catalog, year: int) -> None:
    """Some set of the catalogue is in force in `year` (else say which periods there are)."""
    entries = catalog.entries()
    if not any(year in entry.years for entry in entries):
        periods = ", ".join(sorted({entry.period for entry in entries})) or "none"
        raise LearningModelsError.saying(say("cli-no-set-in-year", year=year, periods=periods))
