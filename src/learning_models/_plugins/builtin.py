"""The built-in criteria, readers and writers, registered like any plugin.

Nothing here runs at import: each hook is called by the plugin manager when needed, and each
reader or writer imports what it needs only when it reads or writes.

- ``builtin-criteria``: the shipped criteria sets;
- ``builtin-readers``: ``folder`` (a dataset folder) and ``xlsx`` (a data-entry workbook:
  .xlsx, .xlsm, .ods, .xls);
- ``builtin-writers``: ``xlsx`` (``bao-cao-<year>.xlsx``), ``html`` (``bao-cao-<year>.html``
  and its lists' folder)
  and ``results`` (``results.json``, ``results.csv``, ``errors.csv``, ``rollup.json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .._catalog import shipped_criteria_dir
from .._documents import say
from .._evidence import Dataset, read_dataset, read_workbook
from .._report import Report, ReportBasis, write_results
from ..errors import LearningModelsError
from ..hookspecs import EvidenceReader, ReportWriter, hookimpl

__all__ = ["BUILTIN_PLUGINS", "FolderReader", "HtmlWriter", "ResultsWriter", "WorkbookReader",
           "XlsxWriter", "report_file_name"]


def report_file_name(report: Report, suffix: str) -> str:
    """``bao-cao-<year><suffix>`` (``bao-cao<suffix>`` when the report has no year)."""
    return f"bao-cao-{report.year}{suffix}" if report.year is not None else f"bao-cao{suffix}"


class FolderReader:
    """A dataset folder: one file per model, plus areas and crosswalk."""

    name = "folder"
    suffixes: tuple[str, ...] = ()

    def read(self, path: Path) -> Dataset:
        return read_dataset(path)


class WorkbookReader:
    """A data-entry workbook (``learning-models template``): one sheet per model."""

    name = "xlsx"
    suffixes: tuple[str, ...] = (".xlsx", ".xlsm", ".ods", ".xls")

    def read(self, path: Path) -> Dataset:
        return read_workbook(path)


class XlsxWriter:
    """The annual report as a workbook: ``bao-cao-<year>.xlsx``."""

    name = "xlsx"

    def write(self, report: Report, out_dir: Path) -> Sequence[Path]:
        from .._report import write_xlsx

        path = Path(out_dir) / report_file_name(report, ".xlsx")
        write_xlsx(report, path)
        return [path]


class HtmlWriter:
    """The annual report as a self-contained web page, ``bao-cao-<year>.html``, and each
    commune's recognition list on pages of its own in ``bao-cao-<year>-danh-sach/``."""

    name = "html"

    def write(self, report: Report, out_dir: Path) -> Sequence[Path]:
        from .._report import write_html

        return write_html(report, Path(out_dir) / report_file_name(report, ".html"))


class ResultsWriter:
    """The machine-readable results: ``results.json``, ``results.csv``, ``errors.csv`` (the
    earlier years' rejected records too) and ``rollup.json``."""

    name = "results"

    def write(self, report: Report, out_dir: Path) -> Sequence[Path]:
        raise LearningModelsError.saying(say("results-from-run"))

    def write_run(self, basis: ReportBasis, out_dir: Path) -> Sequence[Path]:
        return write_results(basis.evaluation, out_dir, previous=basis.previous,
                             rollup=basis.rollup, lang=basis.lang, bom=basis.csv_bom)


class _Criteria:
    @hookimpl
    def learning_models_criteria_sources(self) -> Sequence[Path]:
        return [shipped_criteria_dir()]  # found when called, not at import


class _Readers:
    @hookimpl
    def learning_models_evidence_readers(self) -> Sequence[EvidenceReader]:
        return [FolderReader(), WorkbookReader()]


class _Writers:
    @hookimpl
    def learning_models_report_writers(self) -> Sequence[ReportWriter]:
        return [XlsxWriter(), HtmlWriter(), ResultsWriter()]


BUILTIN_PLUGINS: tuple[tuple[str, object], ...] = (
    ("builtin-criteria", _Criteria()),
    ("builtin-readers", _Readers()),
    ("builtin-writers", _Writers()),
)
