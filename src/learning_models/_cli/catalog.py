"""Catalogue commands: list the sets known, show one set (as written, or resolved)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .._catalog import Catalog, CatalogEntry, shipped_criteria_dir
from .._criteria import CriteriaSet, Lang
from .._documents import format_problem, load_yaml, say
from ..errors import CriteriaError, LearningModelsError, Problem, sort_problems
from .commands import summary
from .options import add_catalog_options, catalog_maker, resolve_criteria

__all__ = ["register", "resolved_data"]


def register(sub: Any) -> None:
    """Add the catalogue commands to the command line's subparsers."""

    p = sub.add_parser(
        "list", help=summary("list"),
        description="list-description")
    add_catalog_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="format")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="lang-titles")
    p.set_defaults(run=_list)

    p = sub.add_parser(
        "show", help=summary("show"),
        description="show-description")
    p.add_argument("ident", nargs="?", metavar="ID", help="show-ident")
    p.add_argument("--model", help="show-model")
    p.add_argument("--year", type=int, help="show-year")
    p.add_argument("--resolved", action="store_true",
                   help="show-resolved")
    p.add_argument("--format", choices=("yaml", "json"), default="yaml", help="format")
    p.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="lang-set-problems")
    add_catalog_options(p)
    p.set_defaults(run=_show, parser=p)


# --------------------------------------------------------------------------- list


def _list(args: argparse.Namespace) -> int:
    catalog = catalog_maker(args)(args.criteria_dir)
    entries = catalog.entries()
    lang: Lang = args.lang
    if args.format == "json":
        sys.stdout.write(json.dumps([e.to_dict() for e in entries], ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(_table(entries, lang))
    problems = sort_problems([*_broken(catalog, entries), *catalog.problems()])
    for problem in problems:
        print(format_problem(problem, lang), file=sys.stderr)
    return 1 if problems else 0


def _table(entries: Sequence[CatalogEntry], lang: Lang) -> str:
    rows = [(e.id, e.model, e.period, f"{e.verified_share:.0%}",
             f"{e.rule_verified_share:.0%}", e.title.get(lang)) for e in entries]
    heads = ("id", "model", "period", "verified", "rule verified", "title") if lang == "en" \
        else ("mã", "mô hình", "giai đoạn", "đã xác minh", "điều kiện đã xác minh", "tên")
    widths = [max(len(r[k]) for r in [heads, *rows]) for k in range(5)]
    lines = []
    for row in [heads, *rows]:
        cells = [row[k].ljust(widths[k]) if k < 3 else row[k].rjust(widths[k])
                 for k in range(5)]
        lines.append("  ".join([*cells, row[5]]).rstrip())
    return "\n".join(lines) + "\n"


def _broken(catalog: Catalog, entries: Sequence[CatalogEntry]) -> list[Problem]:
    """The problems of every set in the catalogue that does not load."""
    listed = {e.id for e in entries}
    problems: list[Problem] = []
    for ident in catalog.ids():
        if ident in listed:
            continue
        try:
            catalog.get(ident)
        except CriteriaError as exc:
            problems.extend(exc.problems)
    return problems


# --------------------------------------------------------------------------- show


def _show(args: argparse.Namespace) -> int:
    if args.ident is None and args.model is None:
        args.parser.error(say("cli-name-the-set-id"))
    if args.ident is not None and args.model is not None:
        args.parser.error(say("cli-id-or-model"))
    if args.model is not None and args.year is None:
        args.parser.error(say("cli-model-needs-year"))
    if args.year is not None and args.model is None:
        args.parser.error(say("cli-year-needs-model"))
    make = catalog_maker(args)
    if args.resolved:
        spec = resolve_criteria(args.ident, args.model, args.year, args.criteria_dir, make)
        data = resolved_data(spec)
        if args.format == "json":
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                            width=100))
        return 0
    file = _file_of(args.ident, args.model, args.year, args.criteria_dir)
    if args.format == "json":
        raw = load_yaml(file)
        sys.stdout.write(json.dumps(raw.data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(file.read_text(encoding="utf-8-sig"))
    # Shown as written, but it must still load: its problems are a CriteriaError (status 3).
    resolve_criteria(args.ident, args.model, args.year, args.criteria_dir, make)
    return 0


def resolved_data(spec: CriteriaSet) -> dict[str, Any]:
    """A resolved set as plain data, defaults left out: a complete set in the format."""
    data: dict[str, Any] = _tidy(spec.model_dump(mode="json", by_alias=True,
                                                 exclude_none=True, exclude_defaults=True))
    return {"format": spec.format, **data}


def _tidy(value: Any) -> Any:
    """Whole numbers as integers (points 10, not 10.0), as an author writes them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    return value


def _file_of(ident: str | None, model: str | None, year: int | None,
             criteria_dirs: Sequence[Path]) -> Path:
    """The file a set is written in: a file named, or the file of the catalogue's set."""
    if ident is not None and Path(ident).is_file():
        return Path(ident)
    # Files named by their real path (the default catalogue shows shipped files as criteria/…).
    catalog = Catalog()
    catalog.add_directory(shipped_criteria_dir())
    for directory in criteria_dirs:
        catalog.add_directory(directory)
    if ident is not None:
        if ident not in catalog:
            resolve_criteria(ident, None, None, criteria_dirs)  # raises the located problem
            raise LearningModelsError.saying(  # pragma: no cover
                say("cli-no-set-id", id=ident))
        return Path(catalog.file_of(ident))
    assert model is not None and year is not None
    return Path(catalog.file_of(catalog.for_year(model, year).id))
