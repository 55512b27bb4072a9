"""History: every run's results over the years (Parquet folder or SQL), read back for the
period review and for inputs derived from earlier years; the impact of a criteria change.
"""

from .assess import impact
from .impact_files import IMPACT_FORMATS, format_impact, write_impact
from .impact_model import AreaImpact, Impact, SetSide, SubjectChange, TargetShift
from .place import open_history
from .rows import RESULT_SCHEMA, history_rows
from .store import History, HistoryRun

__all__ = [
    "IMPACT_FORMATS",
    "RESULT_SCHEMA",
    "AreaImpact",
    "History",
    "HistoryRun",
    "Impact",
    "SetSide",
    "SubjectChange",
    "TargetShift",
    "format_impact",
    "history_rows",
    "impact",
    "open_history",
    "write_impact",
]
