"""OpenDocument (.ods) and legacy Excel (.xls) workbooks read like .xlsx: the copies
LibreOffice saves of one workbook give the same tables, the same rows, the same merged cells
filled down and the same rejected records with the same messages.

The conversions need LibreOffice; without it (and only outside CI) they are skipped, saying
so. The suffix checks need nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter

import learning_models as lm
from learning_models._evidence.dataset import Dataset
from learning_models._evidence.excel.book_xls import read_xls
from learning_models._evidence.excel.sheets import calamine_sheets
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
    folder = tmp_path_factory.mktemp("books")
    (folder / "source").mkdir()
    source = write_example(folder / "source" / "so-lieu.xlsx")
    return {"source": source, **{kind: libreoffice_copy(source, kind, folder)
                                 for kind in ("xlsx", "ods", "xls")}}


def libreoffice_copy(source: Path, kind: str, folder: Path) -> Path:
    """`source` as LibreOffice saves it as an .xlsx, .ods or .xls (in `folder`/`kind`)."""
    filter_name = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods",
                   "xls": "xls:MS Excel 97"}[kind]
    done = subprocess.run([soffice(), "--headless", "--convert-to", filter_name,
                           "--outdir", str(folder / kind), str(source)],
                          capture_output=True, timeout=300,
                          env={"HOME": str(folder), "PATH": os.environ.get("PATH", "")})
    saved = folder / kind / f"{source.stem}.{kind}"
    assert saved.exists(), done.stderr.decode(errors="replace")
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
def write_every_kind(path: Path) -> Path:
    """Cells of every kind an official's workbook holds: whole, decimal, tiny and huge
    numbers, dates, times and date-times in several formats, booleans, text, formulas, an
    error; a sheet that starts in column C, a hidden sheet, an empty one."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Gia đình")
    numbers = [1, 1.1, 0.1 + 0.2, -3, 1e20, 1e-7, 123456789012345, 2**53 + 1, 1 / 3, -0.0,
               12345678901234567890, 45000.123456789]
    sheet.write_column(0, 2, numbers)
    for c, style in enumerate(["dd/mm/yyyy", "dd/mm/yyyy hh:mm:ss", "hh:mm", "0.00%", "@",
                               "[h]:mm:ss", '"Ngày "dd', "[$-42A]d mmmm yyyy", "#,##0"]):
        sheet.write_column(0, 3 + c, [0, 1, 59, 60, 61, 45839, 45839.5729, 45000.9999999,
                                      -1, 2958465.5], book.add_format({"num_format": style}))
    sheet.write_row(12, 2, [True, False, "  chữ  ", "Nhà Hoàng Văn Ánh", "01/07/2025", ""])
    sheet.write_formula(13, 2, "=1+1", None, 2)
    sheet.write_formula(13, 3, '="a"&"b"', None, "ab")
    sheet.write_formula(13, 4, "=1/0", None, "#DIV/0!")
    sheet.write_formula(13, 5, "=TRUE()", None, True)
    book.add_worksheet("Ẩn").write("B5", "ẩn")
    book.get_worksheet_by_name("Ẩn").hide()
    book.add_worksheet("Trống")
    book.close()
    return path


@pytest.mark.slow
def test_every_kind_of_xls_cell_reads_as_fastexcel_reads_it(tmp_path: Path) -> None:
    """The .xls reader (xlrd, `excel.book_xls`) gives the text fastexcel gives for each cell
    of a good .xls, and the same sheets, starting columns and visibility: the values of an
    .xls read as they did when fastexcel read them."""
    path = libreoffice_copy(write_every_kind(tmp_path / "kinds.xlsx"), "xls", tmp_path)
    _, mine = read_xls(path, "kinds.xls")
    theirs = list(calamine_sheets(path, "kinds.xls"))
    assert [(s.name, s.cells.rows(), s.first_column, s.visible) for s in mine] == \
        [(s.name, s.cells.rows(), s.first_column, s.visible) for s in theirs]
    assert mine[0].cells.height == 14 and mine[0].first_column == 2
    assert [s.visible for s in mine] == [True, False, True]


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


#: Reads each damaged copy of a workbook in a process limited to 1 GiB of memory, so that
#: a reader asking for more (as fastexcel does for some damaged .xls) fails the test instead
#: of ending the test run; writes what it read, or the problems it was refused with.
SPOIL = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
import learning_models as lm
source, copy, log = sys.argv[1:4]
data = open(source, "rb").read()
with open(log, "w", encoding="utf-8") as out:
    for k in map(int, sys.argv[4:]):
        with open(copy, "wb") as f:   # (-1: the file as it is)
            f.write(data[:k] + bytes([data[k] ^ 0xA0]) + data[k + 1:] if k >= 0 else data)
        try:
            lm.read_workbook(copy)
            seen = "read"
        except lm.EvidenceError as exc:
            seen = [[p.code, p.text("vi"), p.text("en"), p.hint_text("vi")] for p in exc.problems]
        out.write(json.dumps([k, seen]) + "\\n")
"""


def spoil_each(source: Path, folder: Path, positions: list[int]) -> dict[int, object]:
    """What reading `source` gives with the byte at each of `positions` spoiled, read in a
    process of its own that prints nothing and ends well."""
    copy, log = folder / f"hong{source.suffix}", folder / "log.jsonl"
    done = subprocess.run([sys.executable, "-c", SPOIL, str(source), str(copy), str(log),
                           *map(str, positions)], capture_output=True, timeout=1800)
    assert (done.returncode, done.stdout, done.stderr.decode(errors="replace")) == (0, b"", "")
    seen = dict(json.loads(line) for line in log.read_text(encoding="utf-8").splitlines())
    assert sorted(seen) == positions
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_every_spoiled_byte_is_read_or_refused_in_vietnamese_never_killing_the_process(
        copies: dict[str, Path], kind: str, tmp_path: Path) -> None:
    """Each byte of a small LibreOffice copy spoiled in turn (every third, and the bytes that
    ended the process when fastexcel read an .xls): the workbook is read, or refused with
    problems in Vietnamese naming the file — never a traceback, never the process killed for
    the memory a damaged size asks for, nothing printed."""
    size = copies[kind].stat().st_size
    positions = sorted({*range(0, size, 3), *(k for k in (2429, 4004, 4011) if k < size)})
    seen = spoil_each(copies[kind], tmp_path, positions)
    refusals = [problems for problems in seen.values() if problems != "read"]
    assert refusals and len(refusals) < len(seen)
    for problems in refusals:
        assert isinstance(problems, list)
        for code, vi, en, hint in problems:
            assert vi != en and "hong." in vi, (code, vi)
            if code == "unreadable-evidence" and "không đọc được" in vi:
                assert "lưu thành .xlsx" in hint, vi


def declare_huge(source: Path, target: Path) -> Path:
    """`source` (a zip: .xlsx or .ods) with each part saying, in the directory at the end of
    the archive, that it holds 2 GiB packed: one damaged size field per part."""
    data = bytearray(source.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 20:at + 24] = (2**31 - 1).to_bytes(4, "little")   # compressed size
        at = data.find(b"PK\x01\x02", at + 4)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("kind", ["source", "ods"])
def test_a_part_larger_than_its_file_is_refused_before_it_is_read(
        copies: dict[str, Path], kind: str, tmp_path: Path) -> None:
    """A part that says it is larger than the whole file is refused as damaged, in a
    process limited to 1 GiB: read, it would ask for a gigabyte at once (MemoryError)."""
    source = declare_huge(copies[kind], tmp_path / f"lon{copies[kind].suffix}")
    [problems] = spoil_each(source, tmp_path, [-1]).values()
    name = "bảng tính OpenDocument (.ods)" if kind == "ods" else "sổ tính Excel (.xlsx)"
    assert isinstance(problems, list) and [(p[0], p[1]) for p in problems] == [
        ("unreadable-evidence", f"không đọc được '{tmp_path / 'hong'}{source.suffix}': "
                                f"không phải {name}")]



@pytest.mark.slow
def test_an_xls_with_a_cell_in_its_last_corner_is_read_in_little_memory(tmp_path: Path) -> None:
    """A sheet whose one stray cell is IV65536 spans 16 million cells: only the filled ones
    are held, so it is read (its stray column named) in a process limited to 1 GiB."""
    source = tmp_path / "goc.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Gia đình")
    for r, row in enumerate(FAMILIES[:3]):
        sheet.write_row(r, 0, row)
    sheet.write(65535, 255, "x")
    book.close()
    [problems] = spoil_each(libreoffice_copy(source, "xls", tmp_path), tmp_path, [-1]).values()
    assert isinstance(problems, list) and [p[1] for p in problems] == [
        f"{tmp_path / 'hong.xls'} [Gia đình]: cột IV có giá trị nhưng không có tiêu đề "
        "(ô IV1 để trống)"]
