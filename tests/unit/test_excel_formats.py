"""OpenDocument (.ods) and legacy Excel (.xls) workbooks read like .xlsx: the copies
LibreOffice saves of one workbook give the same tables, the same rows, the same merged cells
filled down and the same rejected records with the same messages.

The conversions need LibreOffice; without it (and only outside CI) they are skipped, saying
so. The suffix checks need nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import xlsxwriter

import learning_models as lm
from learning_models._evidence.dataset import Dataset
from learning_models._evidence.excel.marks_xls import xls_marks
from learning_models._plugins.builtin import WorkbookReader

AREAS = [["Mã", "Tên", "Cấp", "Thuộc", "Số hộ gia đình"],
         ["01840", "Phường Đức Xuân", "commune", None, 10],
         ["0184001", "Tổ 1", "village", "01840", 4],
         ["0184002", "Tổ 2", "village", "01840", None]]
FAMILIES = [["Mã", "Tên", "Cộng đồng", "Có góc học tập", "Thu nhập so với năm trước"],
            ["# Mỗi hộ một dòng"],
            ["F1", "Nhà Hoàng Văn Ánh", "0184001", "Có", 1.1],
            ["F2", "Nhà Nông Thị Bích", None, "Không", 1],      # merged down from F1's row
            ["F3", "Nhà Triệu Đức", "0184002", None, 1.5],
            ["F4", "Nhà Lục Thị Dung", "0184002", "Có", None],   # a #DIV/0! in the last cell
            ["F5", "Nhà Ma Văn Én", "0184002", "có", 2]]


def write_example(path: Path) -> Path:
    """A filled workbook as an official keeps one: a guide line, a village merged down two
    rows, a formula that failed."""
    book = xlsxwriter.Workbook(str(path))
    areas = book.add_worksheet("Địa bàn")
    for r, row in enumerate(AREAS):
        areas.write_row(r, 0, row)
    sheet = book.add_worksheet("Gia đình")
    for r, row in enumerate(FAMILIES):
        sheet.write_row(r, 0, row)
    sheet.merge_range("C3:C4", "0184001")
    sheet.write_formula("E6", "=1/0", None, "#DIV/0!")
    book.close()
    return path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing in CI (.ci/run installs libreoffice-calc)")
        pytest.skip("LibreOffice is not installed (apt-get install -y libreoffice-calc); "
                    "CI is not set")
    return found


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example, and the .xlsx, .ods and .xls LibreOffice saves of it."""
    program = soffice()
    folder = tmp_path_factory.mktemp("books")
    (folder / "source").mkdir()
    source = write_example(folder / "source" / "so-lieu.xlsx")
    saved: dict[str, Path] = {"source": source}
    for kind, filter_name in (("xlsx", "xlsx:Calc MS Excel 2007 XML"), ("ods", "ods"),
                              ("xls", "xls:MS Excel 97")):
        done = subprocess.run([program, "--headless", "--convert-to", filter_name,
                               "--outdir", str(folder / kind), str(source)],
                              capture_output=True, timeout=300,
                              env={"HOME": str(folder), "PATH": os.environ.get("PATH", "")})
        saved[kind] = folder / kind / f"so-lieu.{kind}"
        assert saved[kind].exists(), done.stderr.decode(errors="replace")
    return saved


def shape(dataset: Dataset) -> dict[str, object]:
    """What a reader gives, with the file's name taken out of places and messages."""
    def plain(text: str | None) -> str | None:
        return None if text is None else re.sub(r"\S*so-lieu\.\w+", "BOOK", text)

    assert dataset.areas is not None
    return {
        "tables": {m: (t.frame.rows(), t.frame.columns, plain(t.file))
                   for m, t in dataset.tables.items()},
        "areas": dataset.areas.rows(),
        "errors": [(e.record, e.row, e.field, e.code, plain(e.message), plain(e.file))
                   for e in dataset.errors],
    }


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_a_libreoffice_copy_reads_like_the_xlsx(copies: dict[str, Path], kind: str) -> None:
    assert shape(lm.read_workbook(copies[kind])) == shape(lm.read_workbook(copies["xlsx"]))


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["source", "ods", "xls"])
def test_merged_cells_and_failed_formulas_are_found_in_every_format(
        copies: dict[str, Path], kind: str) -> None:
    dataset = lm.read_workbook(copies[kind])
    frame = dataset.tables["family"].frame
    assert frame.select("id", "community").rows() == [
        ("F1", "0184001"), ("F2", "0184001"), ("F3", "0184002"), ("F5", "0184002")]
    [error] = dataset.errors
    assert (error.record, error.row) == ("F4", 6)
    assert "E6 holds the Excel error #DIV/0!" in error.message


def test_the_workbook_reader_takes_ods_and_xls() -> None:
    assert {".xlsx", ".xlsm", ".ods", ".xls"} <= set(WorkbookReader.suffixes)


def test_other_spreadsheet_files_are_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.numbers"
    path.write_bytes(b"not a workbook")
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_workbook(path)
    [problem] = caught.value.problems
    assert problem.code == "unreadable-evidence"
    assert problem.hint is not None and ".xlsx" in problem.hint and ".ods" in problem.hint


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_a_broken_ods_or_xls_is_refused_cleanly(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"hong{suffix}"
    path.write_bytes(b"PK\x03\x04 broken" if suffix == ".ods" else b"\xd0\xcf\x11\xe0 broken")
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_workbook(path)
    [problem] = caught.value.problems
    assert problem.code == "unreadable-evidence" and "save it as .xlsx" in (problem.hint or "")


def damaged_copies(source: Path, folder: Path) -> list[Path]:
    """`source` cut short at every eighth of its length, and with runs of its bytes
    scrambled at every eighth of its length: damage as a copy or a disk gives it."""
    data = source.read_bytes()
    found = []
    for k in range(1, 8):
        at = len(data) * k // 8
        scrambled = bytearray(data)
        for i in range(at, min(at + 24, len(data))):
            scrambled[i] ^= 0xA5
        for name, damaged in ((f"cut-{k}", data[:at]), (f"scrambled-{k}", bytes(scrambled))):
            path = folder / f"{name}{source.suffix}"
            path.write_bytes(damaged)
            found.append(path)
    # the start of a compound document (as an .xls is) and nothing else of it
    (folder / f"header{source.suffix}").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    return [*found, folder / f"header{source.suffix}"]


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_a_damaged_copy_is_read_or_refused_in_vietnamese_never_a_traceback(
        copies: dict[str, Path], kind: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    refused = 0
    for path in damaged_copies(copies[kind], tmp_path):
        try:
            lm.read_workbook(path)
        except lm.EvidenceError as exc:
            refused += 1
            assert all(p.text("vi") != p.text("en") and "lưu thành .xlsx" in p.hint_text("vi")
                       for p in exc.problems), path.name
    assert refused >= 8
    assert capsys.readouterr() == ("", "")     # the readers print nothing of their own


def test_every_damaged_byte_of_an_xls_is_read_or_refused_never_a_traceback(
        copies: dict[str, Path], tmp_path: Path) -> None:
    """One byte in fourteen of the legacy workbook, spoiled one at a time: its merged cells
    and error cells are read, or the file is refused as not a legacy workbook. (The marks
    only: the values' reader, fastexcel, can abort the process on some of these copies.)"""
    data = copies["xls"].read_bytes()
    path = tmp_path / "hong.xls"
    outcomes = set()
    for k in range(5, len(data), 14):
        path.write_bytes(data[:k] + bytes([data[k] ^ 0xFF]) + data[k + 1:])
        try:
            xls_marks(path, "hong.xls")
            outcomes.add("read")
        except lm.EvidenceError as exc:
            assert exc.problems[0].text("vi") == \
                "không đọc được 'hong.xls': không phải sổ tính Excel cũ (.xls)"
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}
