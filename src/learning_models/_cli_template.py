"""The ``template`` command: the empty data-entry workbook for the sets in force in a year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._cli_options import add_catalog_options, catalog_maker
from ._excel import MODEL_SHEETS, template_sets, write_template

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add the ``template`` command to the command line's subparsers."""
    p = sub.add_parser("template",
                       help="write the empty data-entry workbook (.xlsx) for a year's sets")
    p.add_argument("--year", required=True, type=int, help="the evaluation year")
    p.add_argument("-o", "--output", type=Path, default=Path("mau-nhap-lieu.xlsx"),
                   help="the workbook to write (default: mau-nhap-lieu.xlsx)")
    add_catalog_options(p)
    p.set_defaults(run=_template)


def _template(args: argparse.Namespace) -> int:
    catalog = catalog_maker(args)(args.criteria_dir)
    sets = template_sets(catalog, args.year)
    written = write_template(args.output, sets, year=args.year)
    sheets = ", ".join(MODEL_SHEETS.get(m, m) for m in sets)
    print(f"{written}: {sheets}, Địa bàn ({', '.join(s.id for s in sets.values())})",
          file=sys.stderr)
    return 0
