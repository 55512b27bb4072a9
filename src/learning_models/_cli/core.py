"""Core commands: validate, evaluate, explain, schema."""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import polars as pl

from .._authoring import load_cases
from .._catalog import (
    Catalog,
    CatalogEntry,
    load_criteria,
    load_targets,
    told_apart,
)
from .._criteria import CriteriaSet, Lang, criteria_set_schema
from .._documents import (
    FormatKind,
    Message,
    format_problem,
    say,
    schema,
    sniff_format,
    suggestion,
    write_text,
)
from .._evidence import EVIDENCE_SUFFIXES, RecordError, evidence_schema
from .._plugins import notify
from .._report import errors_csv, write_csv, write_json
from .._scoring import Routed, evaluate_routed, results_schema
from .._words import CLI_WORDS as WORDS
from .._words import MESSAGES
from ..errors import CriteriaError, EvidenceError, Problem, Span, sort_problems
from .commands import summary
from .evaluate_text import counts_sentence, print_errors, print_table
from .options import (
    CatalogMaker,
    UsageError,
    add_catalog_options,
    add_lang_option,
    cannot_write,
    catalog_maker,
    check_output_file,
    make_folder_of,
    plugin_manager_from_args,
    resolve_criteria,
)
from .stdin import INPUT_FORMATS, STDIN, read_input
from .streamed import evaluate_streamed

__all__ = ["criteria_files", "nothing_found", "print_errors", "register"]


def register(sub: Any) -> None:
    """Add the core commands to the command line's subparsers."""

    p = sub.add_parser(
        "validate", help=summary("validate"),
        description="validate-description")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="validate-paths")
    add_catalog_options(p)
    p.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="lang-messages")
    p.set_defaults(run=_validate)

    for name, run in (("evaluate", _evaluate), ("explain", _explain)):
        p = sub.add_parser(name, help=summary(name))
        p.add_argument("--criteria", metavar="FILE|ID",
                       help="criteria")
        p.add_argument("--model", help="evaluate-model")
        p.add_argument("--input", required=True, type=Path,
                       help="evaluate-input")
        p.add_argument("--input-format", choices=INPUT_FORMATS,
                       help="evaluate-input-format")
        p.add_argument("--year", type=int, help="evaluate-year")
        add_catalog_options(p)
        p.add_argument("--lang", choices=("vi", "en"), default="vi", help="lang-text")
        if name == "evaluate":
            p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                           help="format")
            p.add_argument("--errors", type=Path, metavar="FILE",
                           help="evaluate-errors")
            p.add_argument("--force", action="store_true",
                           help="evaluate-force")
        else:
            p.add_argument("--subject", required=True, help="explain-subject")
        p.set_defaults(run=run, parser=p)

    p = sub.add_parser("schema", help=summary("schema"))
    p.add_argument("which", choices=("criteria-set", "evidence", "test-cases", "targets",
                                     "results"), help="schema-which")
    p.add_argument("--criteria", metavar="FILE|ID",
                   help="schema-criteria")
    add_catalog_options(p)
    add_lang_option(p)
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


def nothing_found(what: str, folders: Sequence[Path], lang: Lang = "vi") -> str:
    """The message for folders in which a command found nothing to work on (`what`: the id
    of the message naming it)."""
    where = ", ".join(repr(str(f)) for f in folders)
    text = say("cli-nothing-found", what=say(what), where=where).render(lang)
    return f"{text}\n  {MESSAGES['label-hint'][lang]}: {say('cli-by-format').render(lang)}"


# --------------------------------------------------------------------------- validate

_KIND_WORDS: dict[FormatKind, str] = {
    "criteria-set": "cli-criteria-sets", "test-cases": "cli-test-files",
    "targets": "cli-targets-files"}
_EXTENDS = re.compile(r"^extends:", re.MULTILINE)


def files_by_format(paths: Sequence[Path]) -> list[tuple[Path, FormatKind]]:
    """Each file named (by its format; criteria set when it names none) and each file of a
    known format below the folders named, with its kind."""
    found: list[tuple[Path, FormatKind]] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")
                               and p.is_file()):
                kind = sniff_format(file)
                if kind is not None:
                    found.append((file, kind))
        else:
            found.append((path, sniff_format(path) or "criteria-set"))
    return list(dict.fromkeys(found))


def _validate(args: argparse.Namespace) -> int:
    files = files_by_format(args.paths)
    if not files:  # only folders were named, and nothing is in them
        print(nothing_found("cli-any-document", args.paths, args.lang), file=sys.stderr)
        return 3
    sets = [f for f, kind in files if kind == "criteria-set"]
    catalog = _validation_catalog(catalog_maker(args), args.criteria_dir, args.paths, files)
    problems: dict[str, list[Problem]] = {str(f): [] for f, _ in files}
    for file, kind in files:
        problems[str(file)] += _check_file(file, kind, catalog)
    loaded = [str(f) for f in sets if not problems[str(f)]]  # broken sets: fix them first
    for problem in _catalog_problems(catalog, loaded):
        assert problem.span is not None
        problems[problem.span.file].append(problem)
    counts: dict[FormatKind, list[int]] = {}
    for file, kind in files:
        found = sort_problems(problems[str(file)])
        for problem in found:
            print(format_problem(problem, args.lang, str(file)), file=sys.stderr)
        tally = counts.setdefault(kind, [0, 0])
        tally[0] += not found
        tally[1] += 1
    parts = []
    for kind, words in _KIND_WORDS.items():  # criteria sets always, the others when found
        if kind == "criteria-set" or kind in counts:
            ok, n = counts.get(kind, [0, 0])
            parts.append(say("cli-valid-count", ok=ok, n=n, what=say(words)).render(args.lang))
    print(", ".join(parts), file=sys.stderr)
    return 1 if any(ok < n for ok, n in counts.values()) else 0


def _validation_catalog(make: CatalogMaker, criteria_dirs: Sequence[Path],
                        paths: Sequence[Path], files: Sequence[tuple[Path, FormatKind]],
                        ) -> Catalog:
    """The shipped and plugins' sets, the --criteria-dir folders, the folders of test files
    named, then each path given (a folder, or a set's file): one layer each."""
    named_tests = [f.parent for f in paths if not f.is_dir()
                   and (f, "test-cases") in files]
    catalog = make([*criteria_dirs, *dict.fromkeys(named_tests)])
    for path in paths:
        if path.is_dir():
            catalog.add_directory(path)
        elif (path, "criteria-set") in files and path.is_file():
            if _EXTENDS.search(path.read_text("utf-8", errors="replace")):
                catalog.add_directory(path.parent)  # its base may be beside it
            catalog.add_directory(path)
    return catalog


def _check_file(file: Path, kind: FormatKind, catalog: Catalog) -> list[Problem]:
    try:
        if kind == "test-cases":
            load_cases(file, catalog=catalog, display_name=str(file))
        elif kind == "targets":
            load_targets(file, display_name=str(file))
        else:
            _check_set(file, catalog)
    except CriteriaError as exc:
        if kind == "criteria-set" and sniff_format(file) is None:
            hint = say("cli-formats-hint")
            return [replace(p, hint=hint.render("en"), hint_said=hint)
                    if p.code == "unknown-format" and p.hint is None else p
                    for p in exc.problems]
        return list(exc.problems)
    return []


def _check_set(file: Path, catalog: Catalog) -> None:
    """Load a set through the catalogue when it holds this very file, else on its own."""
    ids = [i for i in catalog.ids() if catalog.file_of(i) == str(file)]
    if ids:
        catalog.get(ids[0])
    else:
        load_criteria(file)


def _catalog_problems(catalog: Catalog, files: Sequence[str]) -> list[Problem]:
    """The catalogue's problems located in `files`, and periods of sets in `files` that
    overlap (sets beyond the files given may overlap them: they are not checked here)."""
    mine = set(files)
    found = [p for p in catalog.problems() if p.code != "overlapping-periods"
             and p.span is not None and p.span.file in mine]
    entries = [e for e in catalog.entries() if e.file in mine]
    bases = {e.id: e.extends for e in catalog.entries()}
    for k, a in enumerate(entries):
        for b in entries[k + 1:]:
            shared = set(a.years) & set(b.years)
            if a.model != b.model or not shared or _related(a, b, bases) \
                    or told_apart(a, b):
                continue
            where = catalog.get(b.id).source_map
            at = where.locate(("period",)) if where is not None else Span(b.file, 1, 1)
            if at.file not in mine:  # the period is inherited: point at the set's file
                at = Span(b.file, 1, 1)
            years = f"{min(shared)}" if len(shared) == 1 else f"{min(shared)}–{max(shared)}"
            found.append(Problem.of(
                "overlapping-periods",
                say("cli-sets-overlap", a=a.id, b=b.id, model=a.model, years=years),
                at, hint=say("sets-overlap-hint")))
    return found


def _related(a: CatalogEntry, b: CatalogEntry, bases: dict[str, str | None]) -> bool:
    return a.id in _ancestors(b.id, bases) or b.id in _ancestors(a.id, bases)


def _ancestors(ident: str, bases: dict[str, str | None]) -> set[str]:
    found: set[str] = set()
    base = bases.get(ident)
    while base is not None and base not in found:
        found.add(base)
        base = bases.get(base)
    return found


# --------------------------------------------------------------------------- evaluate, explain


def _run_routed(args: argparse.Namespace, sets: list[CriteriaSet] | None = None,
                ) -> tuple[CriteriaSet, Routed]:
    """The records evaluated, each with its set: the one named, or (``--model M --year
    Y``) the one in force whose ``applies_to`` holds for it (`sets`, when known)."""
    sets = sets or _sets_named(args)
    frame, read_errors, name = read_input(args.input, args.input_format)
    routed = evaluate_routed(sets, frame, year=args.year, file=name)
    parts = list(routed.parts)
    parts[0] = parts[0].with_errors(read_errors)
    manager = plugin_manager_from_args(args)
    for part in parts:
        notify(manager, part)
    return sets[0], Routed(tuple(parts), routed.errors)


def _sets_named(args: argparse.Namespace) -> list[CriteriaSet]:
    """The set ``--criteria`` names, or the sets of ``--model`` in force in ``--year``."""
    if args.criteria is None and args.model is None:
        args.parser.error(say("cli-name-the-set-or"))
    if args.criteria is not None and args.model is not None:
        args.parser.error(say("cli-criteria-or-model"))
    if args.model is not None and args.year is None:
        args.parser.error(say("cli-model-needs-year"))
    _check_evidence_path(args.input)
    make = catalog_maker(args)
    if args.criteria is None:
        return make(args.criteria_dir).variants(args.model, args.year)
    return [resolve_criteria(args.criteria, None, None, args.criteria_dir, make)]


def _check_evidence_path(path: Path) -> None:
    """--input names one evidence file: a folder or a workbook is a dataset, for `report`."""
    if path.is_dir():
        kind = say("cli-a-folder")
    elif path.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".xls"):
        kind = say("cli-a-workbook")
    else:
        return
    suffixes = ", ".join(s for s in EVIDENCE_SUFFIXES if s != ".yml")
    raise EvidenceError([Problem.of(
        "unreadable-evidence",
        say("cli-input-is-dataset", path=str(path), kind=kind, suffixes=suffixes),
        hint=say("cli-input-is-dataset-hint", path=shlex.quote(str(path))))])


def _evaluate(args: argparse.Namespace) -> int:
    if args.errors is not None:  # before the work, not after it
        check_output_file(args.errors, say("output-errors"), suffix=".csv", force=args.force)
    sets = _sets_named(args)
    # One set for every record, and no plugin to be given the whole batch at once: the
    # input is evaluated and written a piece at a time.
    if len(sets) == 1 and sets[0].applies_to is None and not plugin_manager_from_args(
            args).hook.learning_models_after_evaluation.get_hookimpls():
        return evaluate_streamed(args, sets[0])
    _, routed = _run_routed(args, sets)
    errors = sorted([*routed.errors, *(e for p in routed.parts for e in p.errors)],
                    key=lambda e: (e.row, e.field or ""))
    if args.errors is not None:  # first: there even when the output is cut short
        make_folder_of(args.errors, say("output-errors"))
        try:
            write_text(args.errors, errors_csv([(args.year, e) for e in errors], args.lang))
        except OSError as exc:
            raise cannot_write(say("output-errors"), args.errors, exc) from exc
    out = sys.stdout
    if len(routed.parts) == 1:
        results = routed.parts[0].with_errors(routed.errors)
        if args.format == "json":
            write_json(results, out, lang=args.lang)
        elif args.format == "csv":
            write_csv(results, out)
        else:
            print_table(results, args.lang, out)
    else:
        _print_variants(routed, errors, args.format, args.lang, out)
    see = ("file" if args.errors is not None else args.format if args.format == "json"
           else "none")
    print_errors(errors, args.lang, WORDS[f"see_{see}"][args.lang].format(
        file=args.errors), sys.stderr)
    return 1 if errors else 0


def _print_variants(routed: Routed, errors: Sequence[RecordError], form: str, lang: Lang,
                    out: TextIO) -> None:
    """The evaluations of a model whose records went to several sets: each record with
    the set it was evaluated with (a ``criteria_set`` column, key or heading)."""
    if form == "json":
        found = {"evaluations": [{"criteria_set": p.program.spec.id, **d}
                                 for p in routed.parts for d in p.subject_dicts()],
                 "errors": [e.to_dict(lang) for e in errors]}
        out.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    elif form == "csv":
        frames = [p.to_frame().select(pl.lit(p.program.spec.id).alias("criteria_set"),
                                      pl.all()) for p in routed.parts]
        out.write(pl.concat(frames, how="diagonal_relaxed").write_csv())
    else:
        for part in routed.parts:
            out.write(f"# {part.program.spec.id}: {part.program.spec.title.get(lang)} "
                      f"({part.program.spec.applies_to})\n")
            print_table(part, lang, out)
        counts = routed.counts()
        out.write(counts_sentence(counts, lang) + "\n")


def _explain(args: argparse.Namespace) -> int:
    _, routed = _run_routed(args)
    for part in routed.parts:
        try:
            evaluation = part.get(args.subject)
        except KeyError:
            continue
        sys.stdout.write(evaluation.explain(args.lang))
        return 0
    errors = [*routed.errors, *(e for p in routed.parts for e in p.errors)]
    rejected = [e for e in errors if e.record == args.subject]
    for error in rejected:
        print(error.format(args.lang), file=sys.stderr)
    if rejected:
        print(say("cli-subject-rejected", subject=args.subject).render(args.lang),
              file=sys.stderr)
    else:
        subjects = [e.subject for p in routed.parts for e in p]
        shown = STDIN if str(args.input) == "-" else str(args.input)
        hint = _subjects_hint(args.subject, subjects).render(args.lang)
        print(say("cli-subject-missing", subject=args.subject, file=shown).render(args.lang)
              + f"\n  {MESSAGES['label-hint'][args.lang]}: {hint}", file=sys.stderr)
    return 1 if rejected else 3


def _subjects_hint(subject: str, subjects: Sequence[str]) -> Message:
    close = suggestion(subject, subjects)
    if close is not None:
        return close
    if not subjects:
        return say("cli-subjects-none")
    shown = ", ".join(subjects[:3]) + (", …" if len(subjects) > 3 else "")
    return say("cli-subjects-some", shown=shown, n=len(subjects))


def _schema(args: argparse.Namespace) -> int:
    found: dict[str, Any]
    if args.which != "evidence" and args.criteria is not None:
        raise UsageError.saying(say("cli-schema-criteria", which=args.which))
    if args.which == "criteria-set":
        found = criteria_set_schema()
    elif args.which in ("test-cases", "targets"):
        found = schema(args.which)
    elif args.which == "results":
        found = results_schema()
    else:
        if args.criteria is None:
            raise UsageError.saying(say("cli-schema-needs-criteria"))
        found = evidence_schema(resolve_criteria(args.criteria, None, None, args.criteria_dir,
                                                 catalog_maker(args)))
    sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    return 0
