"""Excel workbooks: read a filled-in data-entry workbook as a `Dataset`, write the empty one.

The names other modules use, from the modules that do the work: the workbook's layout
(`excel.layout`), reading it (`excel.read`, with the merged and error cells of
`excel.marks` and the header names of `excel.headers`) and writing the template
(`excel.template`).
"""

from __future__ import annotations

from .headers import rename_headers
from .layout import MODEL_SHEETS, WORKBOOK_SUFFIXES
from .read import read_workbook
from .template import template_sets, write_template

__all__ = [
    "MODEL_SHEETS",
    "WORKBOOK_SUFFIXES",
    "read_workbook",
    "rename_headers",
    "template_sets",
    "write_template",
]
