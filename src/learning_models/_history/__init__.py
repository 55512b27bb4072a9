"""History: every run's results over the years (Parquet folder or SQL), read back for the
period review and for inputs derived from earlier years.
"""

from .place import open_history
from .rows import RESULT_SCHEMA, history_rows
from .store import History, HistoryRun

__all__ = ["RESULT_SCHEMA", "History", "HistoryRun", "history_rows", "open_history"]
