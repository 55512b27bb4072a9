"""Authoring commands: diff (what changed between two sets) and lint (likely mistakes)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from .._authoring import diff_sets, lint_set
from .._catalog import Catalog, shipped_criteria_dir, validate_targets
from .._criteria import check_document, validate_criteria
from .._documents import Message, format_problem, load_yaml, say, verbatim
from ..errors import CriteriaError, Problem, sort_problems
from .commands import summary
from .core import criteria_files, nothing_found
from .options import add_catalog_options, catalog_maker, resolve_criteria

__all__ = ["register"]

TEST_CASES_FORMAT = "learning-models/test-cases/1"


def register(sub: Any) -> None:
    """Add the authoring commands to the command line's subparsers."""

    p = sub.add_parser("diff", help=summary("diff"))
    p.add_argument("old", metavar="A", help="diff-old")
    p.add_argument("new", metavar="B", help="diff-new")
    p.add_argument("--format", choices=("text", "json"), default="text", help="format")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="lang-the-text")
    add_catalog_options(p)
    p.set_defaults(run=_diff)

    p = sub.add_parser("lint", help=summary("lint"))
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="lint-paths")
    add_catalog_options(p)
    p.add_argument("--strict", action="store_true", help="lint-strict")
    p.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="lang-messages")
    p.set_defaults(run=_lint)


# --------------------------------------------------------------------------- diff


def _diff(args: argparse.Namespace) -> int:
    make = catalog_maker(args)
    old, new = (resolve_criteria(ref, None, None, args.criteria_dir, make)
                for ref in (args.old, args.new))
    diff = diff_sets(old, new)
    if args.format == "json":
        sys.stdout.write(json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(diff.format(args.lang))
    return 0


# --------------------------------------------------------------------------- lint

TARGETS_FORMAT = "learning-models/targets/1"


def _lint(args: argparse.Namespace) -> int:
    shipped = shipped_criteria_dir()
    roots: list[Path] = list(args.paths) or [shipped]
    catalog = catalog_maker(args)([*args.criteria_dir, *args.paths])
    files = criteria_files(roots)
    names = {file: _display(file, shipped, default=not args.paths) for file in files}
    problems: list[Problem] = []
    for file in files:
        problems += _lint_file(file, names[file], catalog)
    shown = set(names.values())
    # Warnings about a base set that is not being linted are its authors' business.
    kept = sort_problems(p for p in problems if p.severity == "error" or p.span is None
                         or p.span.file in shown)
    for problem in kept:
        print(format_problem(problem, args.lang), file=sys.stderr)
    errors = sum(p.severity == "error" for p in kept)
    warnings = len(kept) - errors
    if not files:
        print(nothing_found("cli-criteria-sets", roots, args.lang), file=sys.stderr)
        return 3
    print(_count(errors, warnings).render(args.lang), file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _count(errors: int, warnings: int) -> Message:
    return say("cli-lint-count", errors=say("count-error" if errors == 1 else "count-errors",
                                            n=errors),
               warnings=say("count-warning" if warnings == 1 else "count-warnings", n=warnings))


def _display(file: Path, shipped: Path, *, default: bool) -> str:
    """How a file is named in messages: shipped files as criteria/…, as the catalogue does."""
    if default:
        try:
            return f"criteria/{file.resolve().relative_to(shipped.resolve()).as_posix()}"
        except ValueError:
            pass
    return str(file)


def _lint_file(file: Path, name: str, catalog: Catalog) -> list[Problem]:
    try:
        raw = load_yaml(file, display_name=name)
        if isinstance(raw.data, dict) and raw.data.get("format") == TARGETS_FORMAT:
            # a targets file named on its own: checked against the sets linted with it
            validate_targets(raw, catalog=catalog)
            return []
        check_document(raw)
        if "extends" in raw.data or catalog.overlays:  # resolved, with the overlays applied
            catalog.add_documents([raw])
            spec = catalog.get(raw.data["id"])
        else:
            spec = validate_criteria(raw)
    except CriteriaError as exc:
        return [p if p.span is not None else replace(
                    p, message=f"{name}: {p.message}",
                    said=say("in-file", file=name, text=p.said or verbatim(p.message)))
                for p in exc.problems]
    return lint_set(spec, cases_covering=cases_covering(file.parent, spec.id),
                    functions=catalog.functions)


def cases_covering(directory: Path, set_id: str) -> set[str] | None:
    """Indicator ids that the test cases beside a set check (None: no test file for it).

    Test files are ``*.test.yaml`` with ``format: learning-models/test-cases/1`` and
    ``criteria: <set id>``; an indicator is covered when it is a key of some case's
    ``expect: indicators:``. Unreadable test files are left to the test runner.
    """
    covered: set[str] | None = None
    for file in sorted([*directory.glob("*.test.yaml"), *directory.glob("*.test.yml")]):
        try:
            data = load_yaml(file).data
        except CriteriaError:
            continue
        if not isinstance(data, dict) or data.get("format") != TEST_CASES_FORMAT \
                or data.get("criteria") != set_id:
            continue
        covered = covered if covered is not None else set()
        for case in data.get("cases") or ():
            expect = case.get("expect") if isinstance(case, dict) else None
            indicators = expect.get("indicators") if isinstance(expect, dict) else None
            if isinstance(indicators, dict):
                covered.update(str(key) for key in indicators)
    return covered
