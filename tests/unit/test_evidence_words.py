"""Evidence that cannot be read, as an official meets it: said in Vietnamese by default and
in the same English as before with ``--lang en`` — JSON that is not JSON, dataset folders,
dates, workbooks (.xlsx, .ods, .xls) and their broken parts, the template, partitioned runs
and their ``errors.csv``."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import polars as pl
import pytest
import xlsxwriter
from test_cli import run

import learning_models as lm
from learning_models._evidence.excel import marks as _excel_marks
from learning_models._evidence.read import _JSON_REASONS
from learning_models._plugins.builtin import ResultsWriter
from learning_models._runs.partition_ids import taken_ids
from learning_models._runs.partitioned import read_partition
from learning_models._words import MESSAGES

ROOT = Path(__file__).parents[2]
CITY = ROOT / "examples" / "bac-kan-city" / "2024"
REPORT = ROOT / "tests" / "golden" / "report"
REPORT_ARGS = ["--year", "2026", "--criteria-dir", str(REPORT / "sets"), "--no-shipped",
               "--quiet", "--format", "results", "--out", "out"]


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # files are named as a user names them: relative


def refused(read: Callable[..., object], *args: object) -> lm.Problem:
    with pytest.raises(lm.EvidenceError) as caught:
        read(*args)
    return caught.value.problems[0]


def both(problem: lm.Problem) -> tuple[str, str]:
    """The problem's text with its hint, in Vietnamese and in English."""
    return (f"{problem.text('vi')} | {problem.hint_text('vi')}",
            f"{problem.text('en')} | {problem.hint_text('en')}")


def dataset_folder(name: str) -> Path:
    folder = Path(name)
    folder.mkdir()
    for file in (REPORT / "data" / "2026").iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    return folder


# --- JSON, YAML, Parquet ------------------------------------------------------------------------

def test_json_that_is_not_json_is_refused_in_vietnamese_and_in_the_old_english(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("ho.json").write_text('[{"id": "H1" "school_age_children": 2}]', "utf-8")
    argv = ["evaluate", "--model", "family", "--year", "2024", "--input", "ho.json"]
    assert run(capsys, *argv) == (
        3, "", "ho.json:1:14: không phải JSON: thiếu dấu phẩy ',' giữa hai giá trị "
        "[unreadable-evidence]\n")
    assert run(capsys, *argv, "--lang", "en") == (
        3, "", "ho.json:1:14: not JSON: expecting ',' delimiter [unreadable-evidence]\n")


@pytest.mark.parametrize("text", ["", '{"a" 1}', "{a: 1}", "[1 2]", '["abc', '["a\x01"]',
                                  '["\\q"]', '["\\u12"]', "[] x", "[1,]"])
def test_each_reason_json_gives_is_said_in_vietnamese_and_as_json_says_it(text: str) -> None:
    Path("e.json").write_text(text, "utf-8")
    problem = refused(lm.read_evidence, "e.json")
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    assert problem.text("en") == f"not JSON: {caught.value.msg.lower()}"
    vi = problem.text("vi")
    assert vi.startswith("không phải JSON: ")
    assert caught.value.msg.lower() not in vi        # the reason too, not only its frame
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == (caught.value.lineno, caught.value.colno)


def test_every_reason_of_the_json_module_keeps_its_english_words() -> None:
    # also those of newer Pythons (a trailing comma), which this one does not give
    assert {MESSAGES[key]["en"] for key in _JSON_REASONS.values()} == \
        {reason.lower() for reason in _JSON_REASONS}


def test_a_json_file_nested_too_deeply_or_with_records_twice_is_refused_in_vietnamese() -> None:
    Path("deep.json").write_text("[" * 100_000, "utf-8")
    assert refused(lm.read_evidence, "deep.json").text("vi") == "tệp JSON lồng nhau quá sâu"
    Path("twice.json").write_text('{"records": [], "records": []}', "utf-8")
    assert both(refused(lm.read_evidence, "twice.json")) == (
        "khóa 'records' được ghi hai lần | hãy giữ một", "duplicate key 'records' | keep one")


def test_records_that_are_not_a_list_are_refused_in_vietnamese() -> None:
    Path("one.yaml").write_text("id: H1\n", "utf-8")
    assert both(refused(lm.read_evidence, "one.yaml")) == (
        "cần một danh sách hồ sơ (hoặc 'records: [...]') | None",
        "expected a list of records (or 'records: [...]') | None")


def test_a_file_that_is_not_parquet_is_refused_in_vietnamese_with_the_readers_reason() -> None:
    Path("ho.parquet").write_bytes(b"id,n\nH1,2\n")
    problem = refused(lm.read_evidence, "ho.parquet")
    vi, en = problem.text("vi"), problem.text("en")
    assert vi.startswith("không đọc được tệp Parquet 'ho.parquet': ")
    assert en.startswith("cannot read Parquet file 'ho.parquet': ")
    assert vi.partition(": ")[2] == en.partition(": ")[2]   # the reader's own words, once


# --- dataset folders and dates ------------------------------------------------------------------

def test_a_dataset_folder_with_an_unknown_file_is_refused_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = dataset_folder("so-lieu")
    (folder / "ghi-chu.csv").write_text("id\n", "utf-8")
    status, out, err = run(capsys, "report", "so-lieu", *REPORT_ARGS)
    assert (status, out) == (3, "")
    assert err == ("'ghi-chu.csv': không nhận ra tệp này trong thư mục dữ liệu "
                   "[unreadable-evidence]\n  gợi ý: hãy đặt tên tệp theo mô hình mà tệp chứa: "
                   "citizen, family, clan, community, unit (hoặc cong-dan, gia-dinh, dong-ho, "
                   "cong-dong, don-vi), areas, crosswalk\n")
    assert run(capsys, "report", "so-lieu", *REPORT_ARGS, "--lang", "en")[2] == (
        "'ghi-chu.csv': unknown file in a dataset folder [unreadable-evidence]\n  hint: name "
        "files after the model they hold: citizen, family, clan, community, unit (or cong-dan, "
        "gia-dinh, dong-ho, cong-dong, don-vi), areas, crosswalk\n")


def test_other_wrong_dataset_folders_are_refused_in_vietnamese() -> None:
    assert refused(lm.read_dataset, "khong-co").text("vi") == \
        "không có thư mục dữ liệu 'khong-co'"
    folder = dataset_folder("hai-tep")
    (folder / "gia-dinh.csv").write_bytes((folder / "family.csv").read_bytes())
    assert refused(lm.read_dataset, folder).text("vi") == \
        "'gia-dinh.csv': đã có một tệp khác cho 'family'"
    areas_only = Path("chi-dia-ban")
    areas_only.mkdir()
    (areas_only / "areas.csv").write_text("code,name,level\n01,A,province\n", "utf-8")
    assert both(refused(lm.read_dataset, areas_only)) == (
        "không có tệp hồ sơ đối tượng nào trong 'chi-dia-ban' | cần các tệp như family.csv, "
        "community.csv",
        "no subject files in 'chi-dia-ban' | expected e.g. family.csv, community.csv")
    folder = dataset_folder("thieu-cot")
    (folder / "areas.csv").write_text("code,name\n01,A\n", "utf-8")
    assert refused(lm.read_dataset, folder).text("vi").endswith(
        "thieu-cot/areas.csv: danh mục địa bàn thiếu cột 'level'")


def test_a_date_typed_wrong_is_refused_in_vietnamese_with_its_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = dataset_folder("so-lieu")
    (folder / "crosswalk.csv").write_text("old_code,new_code,since\n01,02,1/7/25\n", "utf-8")
    status, _, err = run(capsys, "report", "so-lieu", *REPORT_ARGS)
    assert (status, err) == (3, "so-lieu/crosswalk.csv:2: '1/7/25' ở cột 'since' không phải "
                                "một ngày [invalid-value]\n  gợi ý: hãy nhập một ô kiểu ngày, "
                                "hoặc viết ngày theo dạng dd/mm/yyyy: 01/07/2025\n")
    assert run(capsys, "report", "so-lieu", *REPORT_ARGS, "--lang", "en")[2] == (
        "so-lieu/crosswalk.csv:2: '1/7/25' in 'since' is not a date [invalid-value]\n"
        "  hint: write a date cell, or the date as dd/mm/yyyy: 01/07/2025\n")


# --- workbooks ----------------------------------------------------------------------------------

def family_book(path: str, *, merged_header: bool = False) -> Path:
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Gia đình")
    sheet.write_row(0, 0, ["Mã", "Số thành viên", "Ghi chú"])
    sheet.write_row(1, 0, ["H1", 3, "x"])
    if merged_header:
        sheet.merge_range("B1:C1", "Số thành viên")
    book.close()
    return Path(path)


def test_a_workbook_with_a_merged_header_is_refused_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    family_book("so-lieu.xlsx", merged_header=True)
    status, _, err = run(capsys, "report", "so-lieu.xlsx", *REPORT_ARGS)
    assert (status, err) == (3, "so-lieu.xlsx [Gia đình]: các ô tiêu đề B1:C1 bị gộp "
                                "[unreadable-evidence]\n  gợi ý: hãy bỏ gộp ô và đặt cho mỗi "
                                "cột một tiêu đề riêng\n")
    assert run(capsys, "report", "so-lieu.xlsx", *REPORT_ARGS, "--lang", "en")[2] == (
        "so-lieu.xlsx [Gia đình]: the header cells B1:C1 are merged [unreadable-evidence]\n"
        "  hint: unmerge them and give every column its own header\n")


def test_sheets_and_headers_a_workbook_cannot_have_are_refused_in_vietnamese() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Sổ tay"
    book.active.append(["ghi"])
    for title in ("family", "Gia đình"):
        book.create_sheet(title).append(["id", "_row"])
        book[title].append(["H1", 1])
    book.save("b.xlsx")
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_workbook("b.xlsx")
    assert [p.text("vi") for p in caught.value.problems] == [
        "b.xlsx [Gia đình]: đã có một trang tính khác cho 'family' (trang 'family')",
        "b.xlsx [Sổ tay]: không nhận ra trang tính này",
        "b.xlsx [family]: tiêu đề '_row' (ô B1) là tên dành riêng, không dùng làm tên cột"]
    assert caught.value.problems[1].hint_text("vi").startswith(
        "hãy đặt tên trang tính theo mô hình mà trang chứa: Công dân, Gia đình, ")


def test_a_workbook_too_large_is_refused_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    family_book("b.xlsx")
    monkeypatch.setattr(_excel_marks, "MAX_UNCOMPRESSED", 1000)
    assert both(refused(lm.read_workbook, "b.xlsx")) == (
        "'b.xlsx' khi giải nén lớn hơn 0 MiB | hãy tách sổ tính thành nhiều tệp nhỏ hơn",
        "'b.xlsx' unpacks to more than 0 MiB | split the workbook")


def test_too_many_merged_rows_are_refused_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_excel_marks, "MAX_MERGED_ROWS", 1)
    book = openpyxl.Workbook()
    book.active.title = "family"
    for row in (["id", "a"], ["H1", 1], ["H2", None]):
        book.active.append(row)
    book.active.merge_cells("B2:B3")
    book.save("m.xlsx")
    assert refused(lm.read_workbook, "m.xlsx").text("vi") == \
        "m.xlsx [family]: các ô được gộp trải trên hơn 1 dòng"


def test_a_damaged_xlsx_is_refused_in_vietnamese_saying_how_to_save_it() -> None:
    data = bytearray(family_book("good.xlsx").read_bytes())
    with zipfile.ZipFile("good.xlsx") as archive:
        info = archive.getinfo("xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 5, start + 40):          # inside the part's deflate stream
        data[k] ^= 0x55
    Path("hong.xlsx").write_bytes(bytes(data))
    problem = refused(lm.read_workbook, "hong.xlsx")
    assert problem.text("vi").startswith("không đọc được 'hong.xlsx': sổ tính bị hỏng")
    assert problem.hint_text("vi") == "hãy mở tệp bằng Excel hoặc LibreOffice (có thể sửa " \
        "được tệp) rồi lưu thành .xlsx; hoặc lấy lại tệp từ bản sao lưu"
    Path("zip.xlsx").write_bytes(b"id,n\n")
    assert both(refused(lm.read_workbook, "zip.xlsx")) == (
        "không đọc được 'zip.xlsx': không phải sổ tính Excel (.xlsx) | hãy mở tệp bằng Excel "
        "hoặc LibreOffice và lưu thành .xlsx",
        "cannot read 'zip.xlsx': not an Excel workbook (.xlsx) | open it in Excel or "
        "LibreOffice and save it as .xlsx")


def test_a_broken_ods_is_refused_in_vietnamese_saying_save_as_xlsx(
        capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile("so-lieu.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    status, _, err = run(capsys, "report", "so-lieu.ods", *REPORT_ARGS)
    assert (status, err) == (3, "không đọc được 'so-lieu.ods': không phải bảng tính "
                                "OpenDocument (.ods) [unreadable-evidence]\n  gợi ý: hãy mở "
                                "tệp bằng LibreOffice hoặc Excel và lưu thành .xlsx\n")
    assert run(capsys, "report", "so-lieu.ods", *REPORT_ARGS, "--lang", "en")[2] == (
        "cannot read 'so-lieu.ods': not an OpenDocument spreadsheet (.ods) "
        "[unreadable-evidence]\n  hint: open it in LibreOffice or Excel and save it as .xlsx\n")


def test_a_broken_xls_is_refused_in_vietnamese_and_its_reader_prints_nothing(
        capsys: pytest.CaptureFixture[str]) -> None:
    # the start of a compound document (as an .xls is), cut short: the reader warns of it
    Path("so-lieu.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    status, out, err = run(capsys, "report", "so-lieu.xls", *REPORT_ARGS)
    assert (status, out) == (3, "")
    assert err == ("không đọc được 'so-lieu.xls': không phải sổ tính Excel cũ (.xls) "
                   "[unreadable-evidence]\n  gợi ý: hãy mở tệp bằng Excel hoặc LibreOffice và "
                   "lưu thành .xlsx\n")


def test_two_headers_meaning_one_column_are_refused_in_vietnamese() -> None:
    frame = pl.DataFrame({"Mã": ["H1"], "id": ["H2"]})
    problem = refused(lm.rename_headers, frame, None)
    assert both(problem) == (
        "cột 'Mã' và cột 'id' cùng được hiểu là cột 'id' | hãy giữ một trong hai cột",
        "columns 'Mã' and 'id' both give 'id' | keep one of the two columns")


# --- the template, the results writer ------------------------------------------------------------

def test_a_template_that_cannot_be_written_says_so_in_vietnamese() -> None:
    catalog = lm.Catalog.default()
    with pytest.raises(lm.LearningModelsError) as caught:
        lm.template_sets(catalog, 1990)
    assert caught.value.text() == "không có bộ tiêu chí nào có hiệu lực trong năm 1990"
    assert str(caught.value) == "no criteria set is in force in 1990"
    with pytest.raises(lm.LearningModelsError) as caught:
        lm.write_template("khong-co/mau.xlsx", lm.template_sets(catalog, 2024), year=2024)
    assert caught.value.text("vi") == "không ghi được 'khong-co/mau.xlsx': không có thư mục " \
        "'khong-co'"
    assert caught.value.text("en") == "cannot write 'khong-co/mau.xlsx': the folder " \
        "'khong-co' does not exist"


def test_the_results_writer_asked_for_a_report_says_why_in_vietnamese() -> None:
    with pytest.raises(lm.LearningModelsError) as caught:
        ResultsWriter().write(None, Path("out"))  # type: ignore[arg-type]  # never read
    assert caught.value.text().startswith("kết quả được ghi từ lần đánh giá, không phải từ báo "
                                          "cáo")


# --- partitioned runs ---------------------------------------------------------------------------

def partition(name: str) -> Path:
    """A partition of five households, with a column no set declares (each is rejected)."""
    folder = Path(name)
    folder.mkdir()
    families = pl.read_csv(CITY / "family.csv", infer_schema=False).head(5)
    families.with_columns(pl.lit("x").alias("kenh_so")).write_csv(folder / "family.csv")
    return folder


def test_a_partitioned_runs_errors_file_speaks_vietnamese_unless_asked_for_english() -> None:
    part = partition("xa=01834")
    runs = {lang: lm.evaluate_partitioned({"xa=01834": part}, areas=CITY / "areas.csv",
                                          year=2024, out_dir=f"out-{lang}", lang=lang)
            for lang in ("vi", "en")}
    assert len(runs["vi"].errors) == 5
    for lang, result in runs.items():
        written = pl.read_csv(Path(f"out-{lang}") / "errors.csv", infer_schema=False)
        assert written["message"].to_list() == [e.text(lang) for e in result.errors]
        assert written["code"].to_list() == ["unknown-column"] * 5
    vi = pl.read_csv(Path("out-vi") / "errors.csv", infer_schema=False)["message"][0]
    en = pl.read_csv(Path("out-en") / "errors.csv", infer_schema=False)["message"][0]
    assert vi.startswith("không có cột 'kenh_so' trong bộ tiêu chí")
    assert en == runs["en"].errors[0].message      # the English of the Python API


def test_wrong_partitions_are_refused_in_vietnamese() -> None:
    with pytest.raises(lm.EvidenceError) as caught:
        lm.evaluate_partitioned({"xa=1": Path("khong-co")}, areas=CITY / "areas.csv", year=2024)
    [problem] = caught.value.problems
    assert problem.text("vi") == "không có thư mục phần dữ liệu 'khong-co'"
    part = Path("xa=2")
    part.mkdir()
    (part / "family.parquet").write_bytes(b"not parquet")
    problem = refused(read_partition, "xa=2", part, {"family": ()})
    assert problem.text("vi").startswith("không đọc được tệp Parquet 'xa=2/family.parquet': ")
    problem = refused(taken_ids, [("a", {"family": part / "family.parquet"}),
                                  ("b", {"family": part / "family.parquet"})])
    assert problem.text("vi").startswith("không đọc được tệp Parquet 'a/family.parquet': ")
    with pytest.raises(lm.LearningModelsError) as caught:
        read_partition("xa=2", part, {})
    assert caught.value.text() == "phần dữ liệu 'xa=2': không có bộ tiêu chí cho mô hình " \
        "'family'"


@pytest.mark.parametrize(("suffix", "kind"), [(".xlsx", "không phải sổ tính Excel (.xlsx)"),
                                              (".ods", "không phải bảng tính OpenDocument (.ods)")])
def test_a_workbook_whose_part_name_is_not_utf8_is_refused_in_vietnamese(
        suffix: str, kind: str) -> None:
    # a member name marked as UTF-8 whose bytes are not: one byte of "ộ" spoiled
    with zipfile.ZipFile(f"b{suffix}", "w") as archive:
        archive.writestr("nội dung.xml", "<x/>")
    data = Path(f"b{suffix}").read_bytes().replace("ộ".encode(), b"\xe1\x28\x28")
    Path(f"b{suffix}").write_bytes(data)
    problem = refused(lm.read_workbook, f"b{suffix}")
    assert problem.text("vi") == f"không đọc được 'b{suffix}': {kind}"
    assert problem.hint_text("vi").endswith("lưu thành .xlsx")
