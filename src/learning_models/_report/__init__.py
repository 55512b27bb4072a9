"""Reports: the report as plain data, its writers (HTML, XLSX) and the results files.
"""

from .._publish import publish_stage
from .csv_cells import safe_row
from .files import ERROR_COLUMNS, ReportBasis, RunWriter, errors_csv, write_results
from .html import write_html
from .letterhead import LetterheadUsed, letterhead_of
from .report import (
    LABELS,
    AreaSummary,
    CommuneList,
    Figure,
    ListEntry,
    ModelRow,
    ModelTable,
    OverlayUsed,
    Report,
    SetRow,
    SetUsed,
    SourceNotice,
    build_report,
    format_number,
)
from .stream import Writer, write_csv, write_csv_parts, write_json, write_json_parts
from .xlsx import write_xlsx

__all__ = [
    "ERROR_COLUMNS",
    "LABELS",
    "AreaSummary",
    "CommuneList",
    "Figure",
    "LetterheadUsed",
    "ListEntry",
    "ModelRow",
    "ModelTable",
    "OverlayUsed",
    "Report",
    "ReportBasis",
    "RunWriter",
    "SetRow",
    "SetUsed",
    "SourceNotice",
    "Writer",
    "build_report",
    "errors_csv",
    "format_number",
    "letterhead_of",
    "safe_row",
    "write_csv",
    "write_csv_parts",
    "write_html",
    "write_json",
    "write_json_parts",
    "write_results",
    "write_xlsx",
]

publish_stage(globals())
