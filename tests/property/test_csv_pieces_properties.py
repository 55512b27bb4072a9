"""Properties of reading CSV evidence a piece at a time (`_evidence.csv_file`): whatever
the size of the pieces, and whether a piece is split column-wise by Polars or read by
Python's ``csv``, a file gives the same records, positions, lines and errors."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory
from unittest import mock

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from learning_models._evidence import csv_file, read_evidence_pieces
from learning_models._evidence.records import RecordError

#: Pieces of cells: text (Vietnamese too), blanks Python and Polars agree on, blanks only
#: Python knows (``\x1c``), separators, quotes and line ends that make a piece need ``csv``.
CELL_BITS = st.sampled_from(["a", "Hộ", "2", " ", "\xa0", "\u3000", "", "", ";", "\x1c",
                             '"', "\r", "\r\n"])
cells = st.lists(CELL_BITS, max_size=3).map("".join)
lines = st.lists(st.lists(cells, min_size=1, max_size=4).map(",".join), max_size=12)


def _read(text: str, rows: int, plain: bool) -> tuple[list[dict[str, object]],
                                                      list[RecordError]]:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "h.csv"
        path.write_bytes(text.encode("utf-8"))
        with mock.patch.object(csv_file._Reading, "plain",
                               csv_file._Reading.plain if plain else lambda *_: None):
            pieces = list(read_evidence_pieces(path, display_name="h.csv", rows=rows))
    frame = pl.concat([p for p, _ in pieces])
    return frame.to_dicts(), [e for _, errors in pieces for e in errors]


@given(lines, st.sampled_from(["\n", "\r\n"]), st.integers(1, 5))
def test_a_file_read_in_pieces_column_wise_gives_what_csv_gives(
        body: list[str], end: str, rows: int) -> None:
    text = end.join(["id,a,b", *body]) + end
    assert _read(text, rows, plain=True) == _read(text, 10_000, plain=False)
