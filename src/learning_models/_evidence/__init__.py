"""Evidence: typing records into a table (column-wise, and a few rows in Python), reading
evidence files and datasets, the evidence JSON Schema, and workbooks (``excel``).
"""

from .._publish import publish_stage
from .codes import CODE_LENGTHS, CodeCorrection, padded
from .column_texts import ColumnText, column_text
from .dataset import (
    AREA_LEVELS,
    FILE_NAMES,
    MODEL_COLUMNS,
    RELATIONS,
    SUBJECT_COLUMNS,
    Dataset,
    Table,
    column_places,
    read_dataset,
    type_areas,
)
from .excel import read_workbook, rename_headers, template_sets, write_template
from .excel.layout import MODEL_SHEETS
from .frame_columns import plain_columns
from .read import EVIDENCE_SUFFIXES, parquet_unreadable, read_evidence, read_evidence_pieces
from .records import (
    LINE,
    META_COLUMNS,
    ROW,
    TRUE_WORDS,
    Check,
    RecordError,
    earlier_id_check,
    records_to_frame,
    strictly_increasing,
    type_frame,
    type_query,
)
from .records_few import type_few
from .schema import evidence_schema

__all__ = [
    "AREA_LEVELS",
    "CODE_LENGTHS",
    "EVIDENCE_SUFFIXES",
    "FILE_NAMES",
    "LINE",
    "META_COLUMNS",
    "MODEL_COLUMNS",
    "MODEL_SHEETS",
    "RELATIONS",
    "ROW",
    "SUBJECT_COLUMNS",
    "TRUE_WORDS",
    "Check",
    "CodeCorrection",
    "ColumnText",
    "Dataset",
    "RecordError",
    "Table",
    "column_places",
    "column_text",
    "earlier_id_check",
    "evidence_schema",
    "padded",
    "parquet_unreadable",
    "plain_columns",
    "read_dataset",
    "read_evidence",
    "read_evidence_pieces",
    "read_workbook",
    "records_to_frame",
    "rename_headers",
    "strictly_increasing",
    "template_sets",
    "type_areas",
    "type_few",
    "type_frame",
    "type_query",
    "write_template",
]

publish_stage(globals())
