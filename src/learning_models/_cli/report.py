"""The ``report`` command: evaluate a year's dataset, roll it up by area against a plan's
targets, and write the annual report.

    learning-models report DATA --year 2024 --targets bac-kan-city --out report/
        [--format xlsx,html,results[,docx]] [--reader NAME]
        [--criteria-dir DIR]... [--overlay NAME|FILE]... [--no-plugins]
        [--previous DATA2 --previous-year 2023]... [--history PLACE] [--quiet] [--lang vi|en]

DATA is read by the evidence reader registered for it (plugins included): a dataset folder
(``folder``) or a data-entry workbook (``xlsx``, by its suffix). The report is written by
every report writer named in ``--format`` (default: the built-in ones — ``xlsx``:
``bao-cao-<year>.xlsx``, ``html``: ``bao-cao-<year>.html`` with the lists in
``bao-cao-<year>-danh-sach/``, ``results``: ``results.json``, ``results.csv``, ``errors.csv``
and ``rollup.json``); a plugin may add more (``docx``).
With ``--history PLACE`` (a folder, or a database URL: ``sqlite:///lich-su.db``,
``postgresql://…``) the year's results are recorded there as a new run, made the year's
current run (see ``docs/history.md``); inputs derived from earlier years (``from: {history:
…}``) read it. Plugins are told about the evaluation
(``learning_models_after_evaluation``) once it is done.
A target may name a model of the catalogue (a plugin's included) besides the five built-in
ones. Prints a short summary; exits 1 when any record was rejected — of DATA or of an
earlier year's dataset (the report is still written; ``errors.csv`` gives each rejected
record's year) —, or when the data-quality section has an error (an area, relation or
crosswalk row rejected, a census total unreadable, a figure above its area's total: the
report says "Số liệu chưa đầy đủ"); 2 for a wrong command line (a ``--previous-year`` not
before ``--year`` included). With ``--strict`` a report whose data has any problem (a
corrected code included) is not written at all (exit 1).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from .._catalog import Catalog
from .._catalog import load_targets as load_targets_file
from .._criteria import Lang
from .._documents import Message, say
from .._evidence import EVIDENCE_SUFFIXES, Dataset
from .._history import HistoryRun, open_history
from .._plugins import Named, collect_readers, collect_writers, notify
from .._report import LABELS, Report, ReportBasis, RunWriter, build_report
from .._rollup import ALL, DataQuality, TargetsLike, format_percent, rollup
from .._runs import Progress
from .._scoring import DatasetEvaluation, evaluate_dataset
from .._words import CLI_WORDS as ERROR_WORDS
from .._words import REPORT_COMMAND_WORDS as WORDS
from ..errors import LearningModelsError, PluginError
from ..hookspecs import EvidenceReader, ReportWriter
from .commands import summary
from .core import print_errors
from .letterhead import add_letterhead_options, with_letterhead
from .options import (
    UsageError,
    add_catalog_options,
    cannot_write,
    catalog_from_args,
    check_output_folder,
    plugin_manager_from_args,
)
from .report_folder import (
    check_report_folder,
    clean_leftovers,
    moved,
    print_lines,
    replacing_folder,
)

__all__ = ["choose_reader", "read_data", "register", "write_report", "written_paths"]



def register(sub: Any) -> None:
    """Add the ``report`` command to the command line's subparsers."""
    p = sub.add_parser("report", help=summary("report"))
    p.add_argument("data", type=Path, metavar="DATA",
                   help="report-data")
    p.add_argument("--year", type=int, required=True, help="year")
    p.add_argument("--targets", metavar="ID|FILE",
                   help="report-targets")
    p.add_argument("--out", type=Path, default=Path("report"), metavar="DIR",
                   help="report-out")
    p.add_argument("--force", action="store_true",
                   help="report-force")
    add_catalog_options(p)
    p.add_argument("--no-shipped", action="store_true",
                   help="no-shipped")
    p.add_argument("--format", metavar="LIST", default=None,
                   help="report-format")
    p.add_argument("--reader", metavar="NAME",
                   help="report-reader")
    p.add_argument("--previous", action="append", type=Path, default=[], metavar="DATA",
                   help="previous")
    p.add_argument("--previous-year", action="append", type=int, default=[], metavar="YEAR",
                   help="previous-year")
    p.add_argument("--strict", action="store_true",
                   help="strict")
    p.add_argument("--history", metavar="PLACE",
                   help="report-history")
    p.add_argument("--quiet", action="store_true", help="quiet")
    p.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="report-lang")
    p.add_argument("--csv-encoding", choices=("utf-8-sig", "utf-8"), default="utf-8-sig",
                   help="csv-encoding")
    add_letterhead_options(p)
    p.set_defaults(run=_report)


def read_data(path: Path, readers: Mapping[str, EvidenceReader] | None = None, *,
              reader: str | None = None) -> Dataset:
    """DATA read by the reader chosen for it (`choose_reader`); by default among the
    built-in readers: a dataset folder, or a data-entry workbook (by its suffix)."""
    if readers is None:
        from .._plugins import get_plugin_manager

        readers = collect_readers(get_plugin_manager(entry_points=False))
    chosen = choose_reader(path, readers, reader)
    owner = readers.plugin_of(chosen.name) if isinstance(readers, Named) else chosen.name
    try:
        dataset = chosen.read(path)
    except LearningModelsError:
        raise
    except Exception as exc:
        if owner.startswith("builtin-"):
            raise
        raise PluginError.saying(say("cli-plugin-failed-reading", plugin=owner, path=str(path),
                                     reader=chosen.name, reason=str(exc))) from exc
    if not owner.startswith("builtin-") and not isinstance(dataset, Dataset):
        raise PluginError.saying(say("cli-plugin-not-dataset", plugin=owner, reader=chosen.name,
                                     type=type(dataset).__name__))
    return dataset


def choose_reader(path: Path, readers: Mapping[str, EvidenceReader],
                  name: str | None = None) -> EvidenceReader:
    """The reader named, or the one reader for `path`: a folder (or a path without a suffix
    that is not a file) is read by a reader of folders (``suffixes == ()``), a file by the
    reader of its suffix. None, or several, is a `LearningModelsError` saying which there are."""
    if name is not None:
        if name not in readers:
            raise LearningModelsError.saying(say("cli-no-reader-named", name=name,
                                                 readers=_reader_list(readers)))
        return readers[name]
    if path.is_dir() or not (path.suffix or path.is_file()):
        candidates = [r for r in readers.values() if not tuple(r.suffixes)]
        what = say("cli-read-folder")
    else:
        suffix = path.suffix.lower()
        candidates = [r for r in readers.values()
                      if suffix in (s.lower() for s in r.suffixes)]
        what = say("cli-read-suffix", suffix=suffix) if suffix else say("cli-read-no-suffix")
    if not candidates:
        hint = (say("cli-no-reader-hint", path=shlex.quote(str(path)))
                if path.suffix.lower() in EVIDENCE_SUFFIXES else None)
        raise LearningModelsError.saying(say("cli-no-reader-for", what=what, path=str(path),
                                             readers=_reader_list(readers)).plus(*[hint] if hint
                                                                                 else []))
    if len(candidates) > 1:
        raise LearningModelsError.saying(say(
            "cli-readers-several", what=what,
            readers=_listed([_who(r.name, readers) for r in candidates])))
    return candidates[0]


def _who(name: str, registry: Mapping[str, Any]) -> Message | str:
    if isinstance(registry, Named):
        return say("cli-of-plugin", name=name, plugin=registry.plugin_of(name))
    return name


def _reader_list(readers: Mapping[str, EvidenceReader]) -> Message:
    return _listed([f"{name} ({', '.join(r.suffixes)})" if tuple(r.suffixes) else
                    say("cli-of-kind", name=name, kind=say("cli-reader-folders"))
                    for name, r in readers.items()])


def _listed(items: Sequence[Message | str]) -> Message:
    """`items` joined by commas (``none`` when there is none), each said in the language
    the whole is said in."""
    if not items:
        return say("cli-none")
    first, *rest = items
    joined = say("verbatim", text=first)
    return joined.plus(*(say("cli-and-next", item=item) for item in rest))


def chosen_writers(formats: str | None, writers: Named[ReportWriter],
                   ) -> list[ReportWriter]:
    """The writers ``--format`` names (default: the built-in ones), in the order given."""
    if formats is None:
        return [w for name, w in writers.items()
                if writers.plugin_of(name).startswith("builtin-")]
    names = [n.strip() for n in formats.split(",") if n.strip()]
    unknown = [n for n in names if n not in writers]
    if unknown or not names:
        raise UsageError.saying(say(
            "cli-unknown-format", names=", ".join(map(repr, unknown)) or repr(formats),
            formats=_listed([_who(n, writers) for n in writers]),
            docx=None if "docx" in writers else say("cli-docx-install")))
    return [writers[n] for n in dict.fromkeys(names)]


def write_report(report: Report, out: Path, writers: Sequence[ReportWriter],
                 owners: Mapping[str, str] | None = None, basis: ReportBasis | None = None,
                 ) -> list[Path]:
    """Write `report` into `out` with each writer; the files written, in order. A plugin's
    writer that fails or returns something else than paths is a `PluginError` naming it."""
    written: list[Path] = []
    for writer in writers:
        written += _write_one(report, out, writer, (owners or {}).get(writer.name, "?"),
                              basis)
    return written


def _write_one(report: Report, out: Path, writer: ReportWriter, owner: str,
               basis: ReportBasis | None = None) -> list[Path]:
    try:
        paths = writer.write_run(basis, out) if basis is not None and \
            isinstance(writer, RunWriter) else writer.write(report, out)
    except LearningModelsError:
        raise
    except Exception as exc:
        if owner.startswith("builtin-"):
            if isinstance(exc, OSError):
                raise cannot_write(say("output-report"), out, exc) from exc
            raise
        raise PluginError.saying(say(
            "cli-plugin-failed-writing", plugin=owner, what=say("output-report"),
            writer=say("cli-report-writer", name=writer.name), reason=str(exc))) from exc
    return written_paths(paths, owner, say("cli-report-writer", name=writer.name))


def written_paths(paths: object, owner: str, writer: Message) -> list[Path]:
    """What a plugin's `writer` (``report writer 'docx'``) returned, as paths; anything else
    is a `PluginError` naming the plugin."""
    if isinstance(paths, str | bytes) or not isinstance(paths, Sequence) or not all(
            isinstance(p, str | os.PathLike) for p in paths):
        raise PluginError.saying(say("cli-plugin-not-paths", plugin=owner, writer=writer,
                                     got=f"{paths!r:.80}"))
    return [Path(p) for p in paths]


def model_title(model: str, lang: Lang) -> str:
    """A model's name for the progress line (``Gia đình học tập``; a plugin's model: its
    id)."""
    return LABELS.get(f"short_{model}", {}).get(lang, model)


def load_targets(which: str, catalog: Catalog | None = None) -> TargetsLike:
    """The plan's targets by id or file, whose targets may name the built-in models and the
    models and sets of `catalog` (default: the shipped catalogue's), and count the
    catalogue's local versions of the sets they name."""
    targets: TargetsLike = load_targets_file(which, catalog=catalog)
    return targets


def _report(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if len(args.previous) != len(args.previous_year):
        raise UsageError.saying(say("cli-previous-year-missing"))
    later = [y for y in args.previous_year if y >= args.year]
    if later:
        raise UsageError.saying(say("cli-previous-year-late", previous=later[0],
                                    year=args.year))
    pm = plugin_manager_from_args(args)
    writers = collect_writers(pm)
    chosen = chosen_writers(args.format, writers)
    print_lines(clean_leftovers(args.out))
    check_report_folder(args.out, force=args.force)
    check_output_folder(args.out, say("output-report"))  # before the work, not after it
    readers = collect_readers(pm)
    stages = 3 + len(chosen) + len(args.previous) + (args.history is not None)
    out: Path = args.out
    written: list[Path] = []
    recorded: HistoryRun | None = None
    with ExitStack() as stack, \
            Progress(stages, enabled=None if not args.quiet else False) as progress:
        with progress.stage(WORDS["read"][lang]):
            catalog = catalog_from_args(args, shipped=not args.no_shipped, plugins=pm)
            # a target may name a model a set of the catalogue governs (a plugin's too)
            targets = load_targets(args.targets, catalog) if args.targets else None
            dataset = read_data(args.data, readers, reader=args.reader)
            history = stack.enter_context(open_history(args.history)) \
                if args.history is not None else None
        with progress.stage(WORDS["evaluate"][lang]):
            evaluation = evaluate_dataset(
                dataset, year=args.year, catalog=catalog, past=history,
                on_model=lambda model: progress.step(model_title(model, lang)))
            notify(pm, evaluation)
        earlier: list[DatasetEvaluation] = []
        for path, year in zip(args.previous, args.previous_year, strict=True):
            with progress.stage(WORDS["previous"][lang].format(year=year)):
                earlier.append(evaluate_dataset(read_data(path, readers, reader=args.reader),
                                                year=year, catalog=catalog))
        with progress.stage(WORDS["rollup"][lang]):
            rolled = rollup(evaluation, targets, previous=earlier)
            report = with_letterhead(build_report(evaluation, rolled, lang=lang,
                                                  targets=targets, previous=earlier), args)
        refused = args.strict and bool(rolled.quality.issues)
        basis = ReportBasis(evaluation, tuple(earlier), rolled, lang,
                            args.csv_encoding == "utf-8-sig")
        if not refused:
            with replacing_folder(out) as fresh:  # every file, or none
                for writer in chosen:
                    label = WORDS.get(writer.name, WORDS["write"])[lang].format(
                        name=writer.name)
                    with progress.stage(label):
                        written += write_report(report, fresh, [writer], writers.owners, basis)
            written = moved(written, fresh, out)
        if history is not None and not refused:
            with progress.stage(WORDS["history"][lang]):
                recorded = history.record(evaluation, rolled=rolled, targets=targets)
    _print_summary(report, lang, written, zip(args.previous, earlier, strict=True))
    if recorded is not None:
        print(WORDS["recorded"][lang].format(place=args.history, run=recorded.id,
                                             year=recorded.year, subjects=recorded.subjects))
    errors_file = out / "errors.csv"
    _print_errors([evaluation, *earlier], lang, errors_file if errors_file in written
                  else "--format results")
    print_quality(rolled.quality, lang, refused)
    return 1 if refused or not rolled.quality.complete or \
        any(e.errors for e in (evaluation, *earlier)) else 0


def print_quality(quality: DataQuality, lang: Lang, refused: bool) -> None:
    """The data-quality section on standard error: every issue, then, under ``--strict``,
    that no report was written."""
    err = sys.stderr
    if quality.issues:
        err.write(f"{LABELS['quality'][lang]}:\n")
        err.writelines(f"  {issue.text(lang)}\n" for issue in quality.issues)
    if refused:
        err.write(WORDS["refused"][lang] + "\n")


def _print_summary(report: Report, lang: Lang, written: list[Path],
                   previous: Iterable[tuple[Path, DatasetEvaluation]] = ()) -> None:
    out = sys.stdout
    out.write(f"{report.title}" + (f" — {report.subtitle}" if report.subtitle else "")
              + (f" — {report.quality_mark.upper()}" if report.quality_mark else "") + "\n")
    n = report.number                        # 34.008 (vi), 34,008 (en): a person reads these
    out.write(report.label("input_rows", rows=n(report.input_rows), evaluated=n(report.evaluated),
                           rejected=n(report.rejected)) + "\n")
    whole = {row.figure.key: row for table in report.tables for row in table.rows
             if row.code == ALL}
    for table in report.tables:
        row = whole.get(table.model)
        if row is None:
            continue
        f = row.figure
        text = "  " + WORDS["line"][lang].format(
            title=table.title, evaluated=n(row.evaluated), recognised=n(row.recognised),
            not_recognised=n(row.not_recognised), incomplete=n(row.incomplete),
            rejected=n(row.rejected))
        if f.rate is not None and table.model != "citizen":
            text += "; " + WORDS["rate"][lang].format(
                rate=format_percent(f.rate, lang), recognised=n(f.reached),
                denominator=n(f.denominator), basis=report.basis(f))
        if f.assessment:
            text += f" — {f.assessment}"
        out.write(text + "\n")
        for by in table.by_set:   # a model whose records went to several sets
            out.write("    " + WORDS["set_line"][lang].format(
                id=by.id, title=by.title, evaluated=n(by.evaluated), recognised=n(by.recognised),
                not_recognised=n(by.not_recognised), incomplete=n(by.incomplete)) + "\n")
    for (path, before), year, rejected in zip(previous, report.previous_years,
                                              report.previous_rejected, strict=True):
        evaluated = sum(len(r) for r in before.results.values())
        out.write(WORDS["previous_rows"][lang].format(
            year=year, path=path, rows=n(evaluated + rejected), evaluated=n(evaluated),
            rejected=n(rejected)) + "\n")
    if written:
        out.write(f"{WORDS['written'][lang]}: {', '.join(_shown_paths(written, lang))}\n")


def _shown_paths(written: Sequence[Path], lang: Lang) -> list[str]:
    """The files written, those of a folder of their own (the recognition lists' pages)
    named once as the folder with how many files it holds."""
    top = min((p.parent for p in written), key=lambda p: len(p.parts))
    shown: list[str] = []
    folders: dict[Path, int] = {}
    for path in written:
        if path.parent == top:
            shown.append(str(path))
        elif path.parent not in folders:
            folders[path.parent] = 1
            shown.append(str(path.parent))
        else:
            folders[path.parent] += 1
    return [f"{s} ({WORDS['files'][lang].format(n=folders[Path(s)])})"
            if Path(s) in folders else s for s in shown]


def _print_errors(evaluations: Sequence[DatasetEvaluation], lang: Lang,
                  errors_file: Path | str) -> None:
    """The first rejected records, this year's then the earlier years' (each names its
    file, which shows the dataset it belongs to), then how many more (`print_errors`)."""
    errors = [error for evaluation in evaluations for error in evaluation.errors]
    print_errors(errors, lang, ERROR_WORDS["see_file"][lang].format(file=errors_file),
                 sys.stderr)
