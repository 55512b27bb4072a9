"""Open a history by where it is: a folder (Parquet, the default) or a database URL."""

from __future__ import annotations

import os
import re

from .._documents import say
from ..errors import HistoryError
from .folder import FolderHistory
from .store import History

__all__ = ["open_history"]

_URL = re.compile(r"^[a-z][a-z0-9+]*://", re.IGNORECASE)


def open_history(place: str | os.PathLike[str]) -> History:
    """The history at `place`: a folder (created when missing), or a database URL —
    ``sqlite:///history.db``, ``postgresql://user@host/db`` (SQL needs the ``history-sql``
    extra: ``pip install 'learning-models[history-sql]'``)."""
    text = os.fspath(place)
    if not _URL.match(text):
        return FolderHistory(text)
    try:
        from .sql import SqlHistory  # SQLAlchemy is an optional extra: imported when used
    except ImportError as exc:
        raise HistoryError.saying(say("history-needs-sql", place=text)) from exc
    return SqlHistory(text)
