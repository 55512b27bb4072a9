"""Every file the package writes is written here: atomically and reproducibly.

Atomically: into a temporary file beside the target, which replaces the target in one step
(``os.replace``) only when it is complete, so a failure or an interrupt never leaves a
half-written file (nor the hidden temporary) behind. Reproducibly: nothing depends on the
time of day, so the same inputs give the same bytes — a workbook gets a fixed creation date
(`new_workbook`) instead of the clock's.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

__all__ = ["SHEET_ROWS", "atomic_path", "new_workbook", "write_bytes", "write_pieces",
           "write_rows_over_sheets", "write_text"]


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `path` to write to; on success it replaces `path` in one step,
    on failure it is removed and `path` is left as it was."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:  # at once: Ctrl-C or SIGTERM (`_cli.entry.Terminated`) may come at any call from here on
        os.close(fd)
        temporary = Path(name)
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:  # an interrupt too: never leave the hidden .part file behind
        with suppress(FileNotFoundError):
            os.unlink(name)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """UTF-8 with ``\\n`` line ends, whatever the platform."""
    write_bytes(path, text.encode("utf-8"))


def write_pieces(path: str | os.PathLike[str], pieces: Iterable[str]) -> None:
    """`write_text` of the pieces joined, written as they come: a file larger than memory
    (a province's per-subject results) is never held whole."""
    with atomic_path(path) as temporary, \
            open(temporary, "w", encoding="utf-8", newline="\n") as out:
        for piece in pieces:
            out.write(piece)


def new_workbook(path: Path, *, created: datetime, options: Mapping[str, Any] | None = None,
                 properties: Mapping[str, Any] | None = None) -> Any:
    """An XlsxWriter workbook writing to `path` (a path from `atomic_path`) whose bytes depend
    only on what is written: built in memory, dated `created` (not now)."""
    import xlsxwriter  # only the writers of workbooks need it

    book = xlsxwriter.Workbook(str(path), {**(options or {}), "in_memory": True})
    book.set_properties({**(properties or {}), "created": created})
    return book


#: The rows a worksheet holds (Excel's limit). XlsxWriter drops a row written past it without
#: a word, so a table that may be longer (a province's subjects) goes on over more sheets.
SHEET_ROWS = 1_048_576


def write_rows_over_sheets(book: Any, name: str, head: Callable[[Any], int],
                           rows: Iterable[Sequence[object]]) -> int:
    """Write `rows` on a new sheet `name`, going on to ``name (2)``, ``name (3)`` … as each
    fills up: `head(sheet)` writes what stands above the rows on every one of them (a title,
    the header) and gives the first row left for them. Every row lands on exactly one sheet;
    the number of sheets (one, maybe without rows, when they fit)."""
    sheet = book.add_worksheet(name)
    row = first = head(sheet)
    sheets = 1
    for values in rows:
        if row >= SHEET_ROWS:
            sheets += 1
            sheet = book.add_worksheet(f"{name} ({sheets})")
            row = first = head(sheet)
            if first >= SHEET_ROWS:
                raise ValueError(f"the head of sheet {name!r} leaves no row for the table")
        sheet.write_row(row, 0, values)
        row += 1
    return sheets
