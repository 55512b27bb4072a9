"""The ``report`` command: evaluate a year's dataset, roll it up by area against a plan's
targets, and write the annual report.

    learning-models report DATA --year 2024 --targets bac-kan-city --out report/
        [--criteria-dir DIR]... [--previous DATA2 --previous-year 2023]... [--quiet]
        [--lang vi|en]

DATA is a dataset folder or a data-entry workbook (``.xlsx``). Writes
``bao-cao-<year>.xlsx``, ``bao-cao-<year>.html``, ``results.json``, ``results.csv`` and
``errors.csv`` into the output folder; prints a short summary; exits 1 when any record was
rejected (the report is still written), 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from ._catalog import Catalog
from ._dataset import Dataset, read_dataset
from ._model import Lang
from ._pipeline import DatasetEvaluation, evaluate_dataset
from ._progress import Progress
from ._report import Report, build_report
from ._rollup import ALL, TargetsLike, format_percent, rollup
from ._write_html import write_html
from ._write_xlsx import write_xlsx
from ._writers import write_results
from .errors import LearningModelsError

__all__ = ["read_data", "register"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: How many rejected records to list on standard error (all are in errors.csv).
SHOWN_ERRORS = 20

WORDS: dict[str, dict[Lang, str]] = {
    "read": {"vi": "Đọc dữ liệu", "en": "Reading the data"},
    "evaluate": {"vi": "Đánh giá", "en": "Evaluating"},
    "previous": {"vi": "Đánh giá năm {year}", "en": "Evaluating {year}"},
    "rollup": {"vi": "Tổng hợp theo địa bàn", "en": "Rolling up by area"},
    "xlsx": {"vi": "Ghi báo cáo Excel", "en": "Writing the workbook"},
    "html": {"vi": "Ghi báo cáo HTML", "en": "Writing the web page"},
    "results": {"vi": "Ghi kết quả", "en": "Writing the results"},
    "written": {"vi": "Đã ghi", "en": "Written"},
    "more": {"vi": "… và {n} lỗi khác (xem {file})",
             "en": "… and {n} more problems (see {file})"},
    "line": {"vi": "{title}: {evaluated} đã đánh giá — {recognised} đạt, {not_recognised} "
                   "không đạt, {incomplete} chưa đủ minh chứng; {rejected} bị từ chối",
             "en": "{title}: {evaluated} evaluated — {recognised} recognised, "
                   "{not_recognised} not recognised, {incomplete} incomplete; "
                   "{rejected} rejected"},
    "rate": {"vi": "tỷ lệ {rate} ({recognised}/{denominator}, mẫu số: {basis})",
             "en": "rate {rate} ({recognised}/{denominator}, denominator: {basis})"},
}


def register(sub: Any) -> None:
    """Add the ``report`` command to the command line's subparsers."""
    p = sub.add_parser("report", help="roll a year's results up by area against a plan's "
                                      "targets and write the annual report")
    p.add_argument("data", type=Path, metavar="DATA",
                   help="a dataset folder (or a data-entry workbook, .xlsx)")
    p.add_argument("--year", type=int, required=True, help="the evaluation year")
    p.add_argument("--targets", metavar="ID|FILE",
                   help="the plan's targets: an id (vn-387, bac-kan-city) or a targets file")
    p.add_argument("--out", type=Path, default=Path("report"), metavar="DIR",
                   help="the folder to write the report into (default: report)")
    p.add_argument("--criteria-dir", action="append", type=Path, default=[], metavar="DIR",
                   help="criteria sets added to the shipped ones (later ones override by id); "
                        "may be repeated")
    p.add_argument("--no-shipped", action="store_true",
                   help="use only the sets of --criteria-dir, not the shipped ones")
    p.add_argument("--previous", action="append", type=Path, default=[], metavar="DATA",
                   help="an earlier year's dataset to compare with; may be repeated, each "
                        "with its --previous-year")
    p.add_argument("--previous-year", action="append", type=int, default=[], metavar="YEAR",
                   help="the year of the matching --previous dataset")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="language of the report and the summary (default: vi)")
    p.set_defaults(run=_report)


def read_data(path: Path) -> Dataset:
    """A dataset folder, or a data-entry workbook (by its suffix)."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from ._excel import read_workbook

        return read_workbook(path)
    return read_dataset(path)


def load_targets(which: str) -> TargetsLike:
    """The plan's targets by id or file (`_targets.load_targets`)."""
    try:
        module = importlib.import_module("learning_models._targets")
    except ModuleNotFoundError as exc:
        if exc.name != "learning_models._targets":
            raise
        raise LearningModelsError("this installation cannot read targets files; "
                                  "leave out --targets") from exc
    targets: TargetsLike = module.load_targets(which)
    return targets


def _report(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if len(args.previous) != len(args.previous_year):
        print("each --previous DATA needs its --previous-year YEAR (in the same order)",
              file=sys.stderr)
        return 2
    stages = 6 + len(args.previous)
    with Progress(stages, enabled=None if not args.quiet else False) as progress:
        with progress.stage(WORDS["read"][lang]):
            targets = load_targets(args.targets) if args.targets else None
            catalog = Catalog.default(args.criteria_dir, shipped=not args.no_shipped)
            dataset = read_data(args.data)
        with progress.stage(WORDS["evaluate"][lang]):
            evaluation = evaluate_dataset(dataset, year=args.year, catalog=catalog)
        earlier: list[DatasetEvaluation] = []
        for path, year in zip(args.previous, args.previous_year, strict=True):
            with progress.stage(WORDS["previous"][lang].format(year=year)):
                earlier.append(evaluate_dataset(read_data(path), year=year, catalog=catalog))
        with progress.stage(WORDS["rollup"][lang]):
            rolled = rollup(evaluation, targets, previous=earlier)
            report = build_report(evaluation, rolled, lang=lang)
        out: Path = args.out
        written = [out / f"bao-cao-{args.year}.xlsx", out / f"bao-cao-{args.year}.html"]
        with progress.stage(WORDS["xlsx"][lang]):
            write_xlsx(report, written[0])
        with progress.stage(WORDS["html"][lang]):
            write_html(report, written[1])
        with progress.stage(WORDS["results"][lang]):
            written += write_results(evaluation, out)
    _print_summary(report, evaluation, lang, written)
    _print_errors(evaluation, lang, out / "errors.csv")
    return 1 if evaluation.errors else 0


def _print_summary(report: Report, evaluation: DatasetEvaluation, lang: Lang,
                   written: list[Path]) -> None:
    out = sys.stdout
    out.write(f"{report.title}" + (f" — {report.subtitle}" if report.subtitle else "") + "\n")
    out.write(report.label("input_rows", rows=report.input_rows, evaluated=report.evaluated,
                           rejected=report.rejected) + "\n")
    whole = {row.figure.key: row for table in report.tables for row in table.rows
             if row.code == ALL}
    for table in report.tables:
        row = whole.get(table.model)
        if row is None:
            continue
        f = row.figure
        text = "  " + WORDS["line"][lang].format(
            title=table.title, evaluated=row.evaluated, recognised=row.recognised,
            not_recognised=row.not_recognised, incomplete=row.incomplete,
            rejected=row.rejected)
        if f.rate is not None and table.model != "citizen":
            basis = report.label("area_total" if f.denominator_kind == "area_total"
                                 else "subjects_basis")
            text += "; " + WORDS["rate"][lang].format(
                rate=format_percent(f.rate, lang), recognised=f.reached,
                denominator=f.denominator, basis=basis)
        if f.assessment:
            text += f" — {f.assessment}"
        out.write(text + "\n")
    out.write(f"{WORDS['written'][lang]}: {', '.join(str(p) for p in written)}\n")


def _print_errors(evaluation: DatasetEvaluation, lang: Lang, errors_file: Path) -> None:
    errors = evaluation.errors
    for error in errors[:SHOWN_ERRORS]:
        print(error.format(), file=sys.stderr)
    if len(errors) > SHOWN_ERRORS:
        print(WORDS["more"][lang].format(n=len(errors) - SHOWN_ERRORS, file=errors_file),
              file=sys.stderr)
