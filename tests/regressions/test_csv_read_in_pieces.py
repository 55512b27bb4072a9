"""Hardening (issue 18, case 3): a CSV file is read a piece at a time (lines from the file,
cells turned into Polars tables `CSV_CHUNK_ROWS` rows at a time), never held whole as
bytes, text and cells; the records, their rows and lines are the same as read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm
from learning_models._evidence import csv_file as _evidence


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_records_read_in_pieces_keep_their_rows_and_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(_evidence, "CSV_CHUNK_ROWS", chunk)
    path = tmp_path / "households.csv"
    path.write_text('id,adults,name\nH1,2,"Hộ\nông A"\n\nH2,x,B\nH3,1\nH4,3,C\nH5,,\n',
                    encoding="utf-8")
    frame, errors = lm.read_evidence(path)
    assert frame["id"].to_list() == ["H1", "H2", "H4", "H5"]
    assert frame["_row"].to_list() == [1, 2, 4, 5]
    assert frame["_line"].to_list() == [2, 5, 7, 8]
    assert frame["name"].to_list() == ["Hộ\nông A", "B", "C", None]
    assert [(e.row, e.line) for e in errors] == [(3, 6)]


@pytest.mark.parametrize(("data", "message"), [
    (b"id,adults\nH1,2\nH2,\x00\n", "a NUL byte at line 3, column 4"),
    (b"id,adults\nH1,2\nH2,\xff\n", "byte 0xff at line 3, column 4 is not valid UTF-8"),
])
def test_a_file_that_is_not_text_is_refused_where_it_stops_being_text(
        tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "households.csv"
    path.write_bytes(data)
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_evidence(path)
    assert message in caught.value.problems[0].message


def test_a_utf16_file_with_its_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "households.csv"
    path.write_bytes("id\tadults\nH1\t2\n".encode("utf-16"))
    frame, errors = lm.read_evidence(path)
    assert (frame["id"].to_list(), errors) == (["H1"], [])
