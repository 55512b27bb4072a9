"""The annual report as a Word document, laid out like a Vietnamese administrative report.

Installing this package registers the report writer ``docx`` (entry-point group
``learning_models``)::

    learning-models report DATA --year 2024 --targets bac-kan-city --format xlsx,html,results,docx

It writes ``bao-cao-<year>.docx``: the national motto and the issuing body, the number line
left blank for the office to fill (``Số:      /BC-HKH``), place and date, the title, sections
I–IV (situation; results with a table per model and commune against the targets; overall
assessment; next steps), the recipients and the signature block. The same report gives the
same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from learning_models.hookspecs import ReportWriter, hookimpl

from ._writer import DocxWriter, render_docx, report_area

__all__ = ["DocxWriter", "__version__", "learning_models_report_writers", "render_docx",
           "report_area"]
__version__ = "0.1.0"


@hookimpl
def learning_models_report_writers() -> Sequence[ReportWriter]:
    """Register the ``docx`` writer."""
    return [DocxWriter()]
