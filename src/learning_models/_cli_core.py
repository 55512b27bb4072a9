"""Core commands: validate, evaluate, explain, schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ._evaluate import evaluate
from ._evidence import read_evidence
from ._evidence_schema import evidence_schema
from ._explain import word
from ._load import load_criteria
from ._model import CriteriaSet, Lang
from ._results import Evaluations
from ._validate import criteria_set_schema
from .errors import CriteriaError

__all__ = ["criteria_files", "register"]


def register(sub: Any) -> None:
    """Add the core commands to the command line's subparsers."""

    p = sub.add_parser("validate", help="check criteria-set files; every problem is listed")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or directories")
    p.set_defaults(run=_validate)

    for name, run, helptext in (("evaluate", _evaluate, "score evidence records"),
                                ("explain", _explain, "explain one subject's evaluation")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--criteria", required=True, type=Path, help="a criteria-set file")
        p.add_argument("--input", required=True, type=Path,
                       help="evidence: .csv, .json, .yaml or .parquet")
        p.add_argument("--year", type=int, help="the evaluation year (within the set's period)")
        p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of text")
        if name == "evaluate":
            p.add_argument("--format", choices=("text", "json", "csv"), default="text")
        else:
            p.add_argument("--subject", required=True, help="the subject's id")
        p.set_defaults(run=run)

    p = sub.add_parser("schema", help="print a JSON Schema")
    p.add_argument("which", choices=("criteria-set", "evidence"))
    p.add_argument("--criteria", type=Path, help="the set whose evidence schema to print")
    p.set_defaults(run=_schema)




def criteria_files(paths: Sequence[Path]) -> list[Path]:
    """Criteria-set files named or found (recursively) in the directories named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.y*ml")
                            if p.suffix in (".yaml", ".yml") and _is_criteria_file(p))
        else:
            found.append(path)
    return found


def _is_criteria_file(path: Path) -> bool:
    head = path.read_text("utf-8", errors="replace")[:4096]
    return "learning-models/criteria-set/" in head


def _validate(args: argparse.Namespace) -> int:
    files = criteria_files(args.paths)
    failed = 0
    for file in files:
        try:
            load_criteria(file)
        except CriteriaError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem.format(str(file)), file=sys.stderr)
    print(f"{len(files) - failed} of {len(files)} criteria sets valid", file=sys.stderr)
    return 1 if failed or not files else 0


def _run(args: argparse.Namespace) -> tuple[CriteriaSet, Evaluations]:
    spec = load_criteria(args.criteria)
    frame, read_errors = read_evidence(args.input)
    results = evaluate(spec, frame, year=args.year, file=str(args.input))
    return spec, results.with_errors(read_errors)


def _evaluate(args: argparse.Namespace) -> int:
    _, results = _run(args)
    out = sys.stdout
    if args.format == "json":
        out.write(results.to_json())
    elif args.format == "csv":
        out.write(results.to_frame().write_csv())
    else:
        _print_table(results, args.lang, out)
    for error in results.errors:
        print(error.format(), file=sys.stderr)
    return 1 if results.errors else 0


def _print_table(results: Evaluations, lang: Lang, out: TextIO) -> None:
    grades = {g.id: g.title.get(lang) for g in results.program.spec.recognition.grades}
    for e in results:
        grade = grades.get(e.grade, "") if e.grade else ""
        out.write(f"{e.subject}\t{e.total:g}/{e.max_total:g}\t{word(e.status, lang)}"
                  f"{chr(9) + grade if grade else ''}\n")
    counts = results.counts()
    out.write(_summary(counts, lang) + "\n")


def _summary(counts: dict[str, int], lang: Lang) -> str:
    evaluated = counts["recognised"] + counts["not_recognised"] + counts["incomplete"]
    if lang == "en":
        return (f"{evaluated} evaluated: {counts['recognised']} recognised, "
                f"{counts['not_recognised']} not recognised, {counts['incomplete']} incomplete; "
                f"{counts['rejected']} records rejected")
    return (f"{evaluated} hồ sơ đã đánh giá: {counts['recognised']} đạt, "
            f"{counts['not_recognised']} không đạt, {counts['incomplete']} chưa đủ minh chứng; "
            f"{counts['rejected']} hồ sơ bị từ chối")


def _explain(args: argparse.Namespace) -> int:
    _, results = _run(args)
    try:
        evaluation = results.get(args.subject)
    except KeyError:
        rejected = [e for e in results.errors if e.record == args.subject]
        for error in rejected:
            print(error.format(), file=sys.stderr)
        reason = "was rejected" if rejected else "is not in the input"
        print(f"subject {args.subject!r} {reason}", file=sys.stderr)
        return 1
    sys.stdout.write(evaluation.explain(args.lang))
    return 0


def _schema(args: argparse.Namespace) -> int:
    schema: dict[str, Any]
    if args.which == "criteria-set":
        schema = criteria_set_schema()
    else:
        if args.criteria is None:
            print("'schema evidence' needs --criteria FILE", file=sys.stderr)
            return 2
        schema = evidence_schema(load_criteria(args.criteria))
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
