"""An .ods whose content.xml is a damaged compressed part raised zlib.error (a traceback)
instead of saying the file cannot be read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._evidence.excel.marks_ods import ods_marks


def _damaged(path: Path) -> Path:
    body = b"<office:document-content>" + b"<table:table-row/>" * 2000 + b"</x>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", body)
    data = bytearray(path.read_bytes())
    start = data.index(b"content.xml") + len(b"content.xml")   # the local header's name
    for k in range(start + 20, start + 60):                    # inside the deflate stream
        data[k] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_compressed_part_of_an_ods_is_an_evidence_error(tmp_path: Path) -> None:
    path = _damaged(tmp_path / "so-lieu.ods")
    with pytest.raises(lm.EvidenceError) as caught:
        ods_marks(path, "so-lieu.ods")
    assert "cannot read 'so-lieu.ods'" in str(caught.value)
