"""History: every run's results over the years (Parquet folder or SQL), read back for the
period review and for inputs derived from earlier years; the impact of a criteria change.
"""

from .._publish import publish_stage
from .assess import impact
from .impact_files import IMPACT_FORMATS, format_impact, write_impact
from .impact_model import AreaImpact, Impact, SetSide, SubjectChange, TargetShift
from .period_review import review
from .place import open_history
from .review_files import write_review
from .review_model import Lost, Review, Series, YearFigure
from .review_report import ReviewReport, build_review_report
from .rows import RESULT_SCHEMA, history_rows
from .store import History, HistoryRun

__all__ = [
    "IMPACT_FORMATS",
    "RESULT_SCHEMA",
    "AreaImpact",
    "History",
    "HistoryRun",
    "Impact",
    "Lost",
    "Review",
    "ReviewReport",
    "Series",
    "SetSide",
    "SubjectChange",
    "TargetShift",
    "YearFigure",
    "build_review_report",
    "format_impact",
    "history_rows",
    "impact",
    "open_history",
    "review",
    "write_impact",
    "write_review",
]

publish_stage(globals())
