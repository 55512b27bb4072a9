"""The annual report and the period review as Word documents, laid out like a Vietnamese
administrative report.

Installing this package registers the report writer ``docx`` and the review writer ``docx``
(entry-point group ``learning_models``)::

    learning-models report DATA --year 2024 --targets bac-kan-city --format xlsx,html,results,docx
    learning-models review --history lich-su/ --period 2021-2025 --targets bac-kan-city

It writes ``bao-cao-<year>.docx``, laid out as Decree 30/2020/NĐ-CP (Phụ lục I) asks: the
issuing body and the national motto with their short rules, the number line left blank for
the office to fill (``Số:      /BC-HKH``), place and date, the title, sections I–IV
(situation; results with a table per model and commune against the targets; overall
assessment; next steps), the recipients and the signature block; page numbers in the top
margin from page 2 on. Who issues it and whom it goes to come from the report's letterhead
(the targets file's ``letterhead:``, the ``report`` command's options) or the area. The same
report gives the same bytes.

The review, ``danh-gia-<period>.docx``, is the "Báo cáo sơ kết / tổng kết" in the same layout:
a section per model with the year-by-year series against the milestones, the goal of the
period reached when (or what is still needed), the subjects recognised every year and those
that lost recognition, and a table of every area; its figures are the review's (the web page
and the workbook show the same).
"""

from __future__ import annotations

from collections.abc import Sequence

from learning_models.hookspecs import ReportWriter, ReviewWriter, hookimpl

from ._review import DocxReviewWriter, render_review_docx
from ._writer import DocxWriter, render_docx, report_area

__all__ = ["DocxReviewWriter", "DocxWriter", "__version__", "learning_models_report_writers",
           "learning_models_review_writers", "render_docx", "render_review_docx",
           "report_area"]
__version__ = "0.1.0"


@hookimpl
def learning_models_report_writers() -> Sequence[ReportWriter]:
    """Register the ``docx`` writer."""
    return [DocxWriter()]


@hookimpl
def learning_models_review_writers() -> Sequence[ReviewWriter]:
    """Register the ``docx`` review writer (the "Báo cáo sơ kết / tổng kết")."""
    return [DocxReviewWriter()]
