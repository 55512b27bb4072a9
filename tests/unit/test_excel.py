"""Excel workbooks: the reader (one sheet per model, text cells, Excel rows in errors), its
defences against broken workbooks, the template writer, and the template round trip."""

from __future__ import annotations

import datetime
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl
import polars as pl
import pytest
import xlsxwriter

import learning_models as lm
from learning_models._catalog.catalog import Catalog
from learning_models._cli import main
from learning_models._documents.yaml import parse_yaml
from learning_models._evidence.dataset import Dataset, read_dataset
from learning_models._evidence.excel import marks as _excel_marks
from learning_models._scoring import parts_of
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

CITIZEN = """\
format: learning-models/criteria-set/1
id: test/citizen
model: citizen
period: 2031-2035
title: {vi: Công dân học tập, en: Learning citizen}
source: {verified: false}
inputs:
  self_score:
    type: integer
    minimum: 0
    maximum: 100
    label: {vi: Điểm tự đánh giá, en: Self-assessment score}
  group:
    type: enum
    values: [farmer, worker, official]
    label: {vi: Nhóm đối tượng, en: Target group}
criteria:
  - id: A
    title: {vi: Năng lực, en: Competencies}
    indicators:
      - {id: A1, title: {vi: Điểm, en: Score}, points: 100, when: self_score >= 70}
recognition: {pass: total >= 100}
"""
FAMILY = """\
format: learning-models/criteria-set/1
id: test/family
model: family
period: 2031-2035
title: {vi: Gia đình học tập, en: Learning family}
source: {verified: false}
inputs:
  members:
    type: integer
    minimum: 0
    from: {count: citizen}
    label: {vi: Số thành viên, en: Members}
  learning_citizens:
    type: integer
    minimum: 0
    from: {count: citizen, where: recognised}
    label: {vi: Số công dân học tập, en: Learning citizens}
  study_corner:
    type: boolean
    label: {vi: Có góc học tập, en: Has a study corner}
    description: Một tủ sách hoặc góc học tập riêng.
  income_ratio:
    type: number
    minimum: 0
    maximum: 5
    label: {vi: Thu nhập so với năm trước, en: Income ratio}
derived:
  share: ratio(learning_citizens, members)
criteria:
  - id: A
    title: {vi: Người lớn, en: Adults}
    indicators:
      - {id: A1, title: {vi: Tỷ lệ, en: Share}, points: 50, when: share >= 0.5}
      - {id: A2, title: {vi: Góc học tập, en: Corner}, points: 30, when: study_corner}
      - {id: A3, title: {vi: Thu nhập, en: Income}, points: 20, when: income_ratio >= 1}
recognition: {pass: total >= 80}
"""

FAMILY_SHEET = "Gia đình"
FAMILY_HEADER = ["Mã", "Tên", "Cộng đồng", "Dòng họ", "Địa bàn", "Số thành viên",
                 "Số công dân học tập", "Có góc học tập", "Thu nhập so với năm trước"]


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # files are named as a user names them: relative


@pytest.fixture
def sets_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sets"
    folder.mkdir()
    (folder / "citizen.yaml").write_text(CITIZEN, encoding="utf-8")
    (folder / "family.yaml").write_text(FAMILY, encoding="utf-8")
    return folder


@pytest.fixture
def sets(sets_dir: Path) -> dict[str, lm.CriteriaSet]:
    return {"citizen": lm.load_criteria(sets_dir / "citizen.yaml"),
            "family": lm.load_criteria(sets_dir / "family.yaml")}


def workbook(path: str | Path, sheets: Mapping[str, Sequence[Sequence[object]]]) -> Path:
    """A workbook whose sheets hold `rows` from A1 (None leaves a cell empty)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return Path(path)


def refused(path: str | Path) -> lm.Problem:
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_workbook(path)
    return caught.value.problems[0]


def family_rows(*rows: Sequence[object]) -> list[Sequence[object]]:
    return [FAMILY_HEADER, ["# giải thích"], *rows]


# --- rename_headers ------------------------------------------------------------------------------

def test_rename_headers_maps_labels_in_either_language_and_relation_words(
        sets: dict[str, lm.CriteriaSet]) -> None:
    frame = pl.DataFrame({" mã ": ["F1"], "TÊN": ["Nhà A"], "Cộng  đồng": ["V1"],
                          "số thành viên": ["3"], "Learning citizens": ["1"],
                          unicodedata.normalize("NFD", "Có góc học tập"): ["có"],
                          "income_ratio": ["1.2"], "other": ["x"]})
    renamed = lm.rename_headers(frame, sets["family"])
    assert renamed.columns == ["id", "name", "community", "members", "learning_citizens",
                               "study_corner", "income_ratio", "other"]


def test_rename_headers_without_a_set_maps_only_the_relation_columns() -> None:
    frame = pl.DataFrame({"Mã": ["C1"], "Gia đình": ["F1"], "Đơn vị": ["U1"],
                          "Người lao động": ["có"], "Địa bàn": ["01840"], "Số": ["1"]})
    assert lm.rename_headers(frame).columns == ["id", "family", "unit", "worker", "area", "Số"]


def test_a_label_shared_by_two_inputs_maps_to_neither() -> None:
    text = FAMILY.replace("{vi: Số công dân học tập, en: Learning citizens}",
                          "{vi: Số thành viên, en: Members}")
    spec = lm.validate_criteria(parse_yaml(text, "family.yaml"))
    renamed = lm.rename_headers(pl.DataFrame({"Số thành viên": ["1"]}), spec)
    assert renamed.columns == ["Số thành viên"]


def test_two_headers_that_become_one_column_are_refused(
        sets: dict[str, lm.CriteriaSet]) -> None:
    frame = pl.DataFrame({"members": ["1"], "Số thành viên": ["2"]})
    with pytest.raises(lm.EvidenceError) as caught:
        lm.rename_headers(frame, sets["family"], file="family.csv")
    assert caught.value.problems[0].message == \
        "family.csv: columns 'members' and 'Số thành viên' both give 'members'"


def test_a_csv_folder_may_use_labels_as_headers_too(
        sets: dict[str, lm.CriteriaSet], tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "family.csv").write_text("Mã,Có góc học tập,Income ratio\nF1,có,1.2\n",
                                       encoding="utf-8")
    (folder / "citizen.csv").write_text("Mã,Gia đình,Điểm tự đánh giá\nC1,F1,90\n",
                                        encoding="utf-8")
    result = evaluate_dataset(read_dataset(folder), sets=sets)
    assert result.errors == ()
    family = result.results["family"].get("F1")
    assert (family.status, family.total) == ("recognised", 100)


# --- reading -------------------------------------------------------------------------------------

def test_a_workbook_reads_as_a_dataset_with_excel_rows(sets: dict[str, lm.CriteriaSet]) -> None:
    path = workbook("book.xlsx", {
        FAMILY_SHEET: family_rows(["F1", "Nhà A", None, None, "01840", 2, 1, "Có", 1.5],
                                  [None],
                                  ["F2", None, None, None, "01840", 3, 0, "không", "abc"]),
        "Cong dan": [["id", "family", "self_score", "Nhóm đối tượng"],
                     ["C1", "F1", 80, "farmer"], ["C2", "F1", 101, "worker"]],
    })
    dataset = lm.read_workbook(path)
    assert set(dataset.tables) == {"family", "citizen"}
    assert dataset.tables["family"].file == "book.xlsx [Gia đình]"
    family = dataset.tables["family"].frame
    assert family["id"].to_list() == ["F1", "F2"]
    assert family["_row"].to_list() == [3, 5]           # header row 1, explanation row 2
    assert family.schema["Số thành viên"] == pl.String  # every cell is text
    result = evaluate_dataset(dataset, sets=sets)
    by_field = {(e.file, e.row, e.field): e for e in result.errors}
    assert ("book.xlsx [Gia đình]", 5, "income_ratio") in by_field
    out = by_field[("book.xlsx [Cong dan]", 3, "self_score")]
    assert out.code == "out-of-bounds"
    assert out.format().startswith("book.xlsx [Cong dan]:3: C2:")
    f1 = result.results["family"].get("F1")
    # C2 (rejected) exists, so F1 has two members; whether C2 is a learning citizen is
    # unknown, so the share and A1 are missing: 50 sure points, 100 at best
    row = result.results["family"].scored.filter(pl.col("id") == "F1").row(0, named=True)
    assert (row["members"], row["learning_citizens"]) == (2, None)
    assert (f1.status, f1.total) == ("incomplete", 50)
    assert f1.input_sources == {"members": "derived", "learning_citizens": "derived"}


def test_row_numbers_follow_the_sheet_when_the_table_does_not_start_at_a1() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "family"
    sheet["C4"], sheet["D4"] = "id", "members"
    sheet["C5"] = "# notes"
    sheet["C7"], sheet["D7"] = "F1", 2
    book.save("offset.xlsx")
    frame = lm.read_workbook("offset.xlsx").tables["family"].frame
    assert frame.select("id", "members", "_row", "_line").rows() == [("F1", "2", 7, 7)]


def test_only_rows_right_below_the_header_are_explanations() -> None:
    path = workbook("b.xlsx", {"family": [["id", "n"], ["# what n is"], ["F1", "2"],
                                          ["#F2", "3"]]})
    frame = lm.read_workbook(path).tables["family"].frame
    assert frame["id"].to_list() == ["F1", "#F2"]


def test_numbers_dates_and_booleans_read_as_text() -> None:
    path = workbook("b.xlsx", {"family": [
        ["id", "n", "x", "b", "d", "code"],
        ["F1", 12, 2.5, True, datetime.datetime(2025, 7, 1), "01834"],
        ["F2", 12.0, 0.1, False, None, " 01840 "],
    ]})
    frame = lm.read_workbook(path).tables["family"].frame
    assert frame.select("n", "x", "b", "code").rows() == [
        ("12", "2.5", "true", "01834"), ("12", "0.1", "false", " 01840 ")]


def test_sheet_names_may_be_ids_vietnamese_or_plain(sets: dict[str, lm.CriteriaSet]) -> None:
    for name in ("family", "Gia đình", "GIA DINH", "gia-dinh"):
        path = workbook("s.xlsx", {name: [["id"], ["F1"]]})
        assert list(lm.read_workbook(path).tables) == ["family"]


def test_guide_notes_hidden_and_blank_sheets_are_ignored() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"                              # blank: ignored
    book.create_sheet("Hướng dẫn")["A1"] = "Đọc kỹ"
    book.create_sheet("_ghi chú")["A1"] = "x"
    hidden = book.create_sheet("lists")
    hidden["A1"] = "x"
    hidden.sheet_state = "hidden"
    family = book.create_sheet("family")
    family.append(["id"])
    family.append(["F1"])
    book.save("b.xlsx")
    assert list(lm.read_workbook("b.xlsx").tables) == ["family"]


def test_an_unknown_sheet_with_data_is_refused() -> None:
    path = workbook("b.xlsx", {"family": [["id"], ["F1"]], "Gia dinh 2": [["id"], ["F2"]]})
    problem = refused(path)
    assert "unknown sheet" in problem.message and "Gia dinh 2" in problem.message


def test_two_sheets_for_one_model_are_refused() -> None:
    path = workbook("b.xlsx", {"family": [["id"], ["F1"]], "Gia đình": [["id"], ["F2"]]})
    assert "a second sheet for 'family'" in refused(path).message


def test_areas_and_crosswalk_sheets() -> None:
    path = workbook("b.xlsx", {
        "family": [["id", "area"], ["F1", "01840"]],
        "Địa bàn": [["Mã", "Tên", "Cấp", "Thuộc", "Số hộ gia đình"],
                    ["# giải thích"],
                    ["06", "Bắc Kạn", "tỉnh", None, None],
                    ["01840", "Đức Xuân", "Phường", "06", 1200],
                    ["0184001", "Tổ 1", "tổ dân phố", "01840", -3]],
        "Chuyển đổi địa bàn": [["Mã cũ", "Mã mới", "Từ ngày"],
                               ["01834", "01840", datetime.datetime(2025, 7, 1)]],
    })
    dataset = lm.read_workbook(path)
    assert dataset.areas is not None and dataset.crosswalk is not None
    # a total that cannot be read leaves the area in place, its total unknown
    assert dataset.areas.select("code", "level", "households").rows() == [
        ("06", "province", None), ("01840", "commune", 1200), ("0184001", "village", None)]
    [error] = dataset.errors
    assert (error.file, error.row, error.record) == ("b.xlsx [Địa bàn]", 5, "0184001")
    assert dataset.crosswalk.rows() == [("01834", "01840", "2025-07-01", 2, 2)]


# --- broken and hostile workbooks ----------------------------------------------------------------

def test_a_missing_workbook() -> None:
    assert refused("missing.xlsx").code == "file-not-found"


def test_not_a_zip() -> None:
    Path("fake.xlsx").write_text("id,n\nF1,2\n", encoding="utf-8")
    problem = refused("fake.xlsx")
    assert problem.code == "unreadable-evidence" and "not an Excel workbook" in problem.message


def test_a_zip_that_is_not_a_workbook() -> None:
    with zipfile.ZipFile("zip.xlsx", "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert "not an Excel workbook" in refused("zip.xlsx").message


def test_a_truncated_workbook() -> None:
    good = workbook("good.xlsx", {"family": [["id"], ["F1"]]}).read_bytes()
    Path("cut.xlsx").write_bytes(good[: len(good) // 2])
    assert refused("cut.xlsx").code == "unreadable-evidence"


def patched_members(source: Path, target: str, *, method: int | None = None,
                    flags: int | None = None) -> Path:
    """`source` stored again uncompressed, then every member's compression method or flags
    set in its local and central headers (as another tool would have written them)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info), zipfile.ZIP_STORED)
    data = bytearray(Path(target).read_bytes())
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = data.find(signature)
        while at >= 0:
            if method is not None:
                data[at + method_at:at + method_at + 2] = method.to_bytes(2, "little")
            if flags is not None:
                data[at + flag_at:at + flag_at + 2] = flags.to_bytes(2, "little")
            at = data.find(signature, at + 4)
    Path(target).write_bytes(bytes(data))
    return Path(target)


def test_a_workbook_compressed_with_a_method_zip_cannot_read() -> None:
    good = workbook("good.xlsx", {"family": [["id"], ["F1"]]})
    problem = refused(patched_members(good, "aes.xlsx", method=99))   # 99: AES-encrypted
    assert problem.code == "unreadable-evidence" and "not an Excel workbook" in problem.message


def test_a_workbook_with_a_password_is_refused() -> None:
    good = workbook("good.xlsx", {"family": [["id"], ["F1"]]})
    problem = refused(patched_members(good, "locked.xlsx", flags=0x1))   # bit 0: encrypted
    assert problem.code == "unreadable-evidence" and "not an Excel workbook" in problem.message


def test_a_wrong_suffix() -> None:
    Path("data.csv").write_text("id\nF1\n", encoding="utf-8")
    assert "as a workbook" in refused("data.csv").message


def test_a_workbook_that_unpacks_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook("b.xlsx", {"family": [["id"], ["F1"]]})
    monkeypatch.setattr(_excel_marks, "MAX_UNCOMPRESSED", 1000)
    assert refused(path).code == "too-large"


def test_empty_sheets_hold_no_records() -> None:
    path = workbook("b.xlsx", {"family": [], "citizen": [["id", "self_score"], ["# note"]]})
    problem = refused(path)
    assert "no subject records" in problem.message


def test_an_empty_sheet_beside_a_filled_one_is_left_out() -> None:
    path = workbook("b.xlsx", {"citizen": [["id", "family"], ["# note"]],
                               "family": [["id"], ["F1"]]})
    assert list(lm.read_workbook(path).tables) == ["family"]


def test_duplicate_headers_are_refused_with_their_cells() -> None:
    path = workbook("b.xlsx", {"family": [["id", "members", "Members "], ["F1", 1, 2]]})
    problem = refused(path)
    assert "appears twice" in problem.message and "C1" in problem.message


def test_a_relation_header_and_its_name_are_duplicates() -> None:
    path = workbook("b.xlsx", {"family": [["Mã", "id"], ["F1", "F1"]]})
    assert "appears twice" in refused(path).message


def test_a_column_with_values_but_no_header_is_refused() -> None:
    path = workbook("b.xlsx", {"family": [["id", None], ["F1", 3]]})
    assert "column B has values but no header" in refused(path).message


def test_an_empty_unnamed_column_is_ignored() -> None:
    path = workbook("b.xlsx", {"family": [["id", None, "n"], ["F1", None, 3]]})
    assert lm.read_workbook(path).tables["family"].frame.columns == ["id", "n", "_row", "_line"]


def test_cells_merged_down_a_column_fill_every_row() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "family"
    for row in (["id", "community"], ["F1", "V1"], ["F2", None], ["F3", None], ["F4", "V2"]):
        sheet.append(row)
    sheet.merge_cells("B2:B4")
    book.save("m.xlsx")
    frame = lm.read_workbook("m.xlsx").tables["family"].frame
    assert frame.select("id", "community").rows() == [
        ("F1", "V1"), ("F2", "V1"), ("F3", "V1"), ("F4", "V2")]


def test_cells_merged_across_columns_reject_their_rows() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "family"
    for row in (["id", "a", "b"], ["F1", 1, 2], ["F2", "both", None], ["F3", 1, 1]):
        sheet.append(row)
    sheet.merge_cells("B3:C3")
    book.save("m.xlsx")
    dataset = lm.read_workbook("m.xlsx")
    assert dataset.tables["family"].frame["id"].to_list() == ["F1", "F3"]
    [error] = dataset.errors
    assert (error.record, error.row, error.field) == ("F2", 3, "a")
    assert "B3:C3 are merged across columns" in error.message


def test_merged_header_cells_are_refused() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "family"
    sheet.append(["id", "a", None])
    sheet.append(["F1", 1, 2])
    sheet.merge_cells("B1:C1")
    book.save("m.xlsx")
    assert "header cells B1:C1 are merged" in refused("m.xlsx").message


def test_too_many_merged_cells_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "family"
    sheet.append(["id", "a", "b"])
    for k in range(20):
        sheet.append([f"F{k}", 1, 2])
    for k in range(2, 20, 2):
        sheet.merge_cells(f"B{k}:B{k + 1}")
    book.save("m.xlsx")
    monkeypatch.setattr(_excel_marks, "MAX_MERGED_ROWS", 10)
    assert refused("m.xlsx").code == "too-large"


def test_a_cell_holding_an_excel_error_rejects_its_row() -> None:
    book = xlsxwriter.Workbook("e.xlsx")
    sheet = book.add_worksheet("family")
    sheet.write_row(0, 0, ["id", "members"])
    sheet.write_row(1, 0, ["F1", 2])
    sheet.write_string(2, 0, "F2")
    sheet.write_formula(2, 1, "=1/0", None, "#DIV/0!")
    book.close()
    dataset = lm.read_workbook("e.xlsx")
    assert dataset.tables["family"].frame["id"].to_list() == ["F1"]
    [error] = dataset.errors
    assert (error.record, error.row, error.field) == ("F2", 3, "members")
    assert "B3 holds the Excel error #DIV/0!" in error.message


def test_a_sheet_of_50000_rows(sets: dict[str, lm.CriteriaSet]) -> None:
    book = xlsxwriter.Workbook("big.xlsx", {"constant_memory": True})
    sheet = book.add_worksheet("Công dân")
    sheet.write_row(0, 0, ["Mã", "Điểm tự đánh giá", "Nhóm đối tượng"])
    for k in range(50_000):
        sheet.write_row(k + 1, 0, [f"C{k}", k % 120, "farmer"])
    book.close()
    dataset = lm.read_workbook("big.xlsx")
    result = evaluate_dataset(dataset, sets={"citizen": sets["citizen"]})
    assert dataset.tables["citizen"].frame.height == 50_000
    errors = result.errors
    assert len(errors) == 416 * 19       # scores 101-119 in each run of 120 are out of bounds
    assert errors[-1].row == 415 * 120 + 119 + 2
    assert result.results["citizen"].counts()["recognised"] > 0


# --- the template --------------------------------------------------------------------------------

def test_the_template_has_a_sheet_per_model_headers_notes_and_checks(
        sets: dict[str, lm.CriteriaSet]) -> None:
    lm.write_template("mau.xlsx", sets, year=2031)
    book = openpyxl.load_workbook("mau.xlsx")
    assert book.sheetnames == ["Hướng dẫn", "Công dân", "Gia đình", "Địa bàn",
                               "Chuyển đổi địa bàn"]              # 2031: after the reform
    family = book["Gia đình"]
    assert [c.value for c in family[1]] == FAMILY_HEADER
    notes = [c.value for c in family[2]]
    assert notes[0].startswith("# ")
    assert "Một tủ sách" in notes[7] and "Có/Không" in notes[7]
    assert "Số từ 0 đến 5" in notes[8]
    assert "tự đếm số công dân được công nhận từ sheet Công dân" in notes[6]
    assert family.freeze_panes == "B3"
    rules = {str(v.sqref): v for v in family.data_validations.dataValidation}
    assert rules["H3:H1048576"].type == "list" and rules["H3:H1048576"].formula1 == '"Có,Không"'
    assert (rules["I3:I1048576"].type, rules["I3:I1048576"].formula1,
            rules["I3:I1048576"].formula2) == ("decimal", "0", "5")
    assert (rules["F3:F1048576"].type, rules["F3:F1048576"].operator) == \
        ("whole", "greaterThanOrEqual")
    citizen = {str(v.sqref): v for v in book["Công dân"].data_validations.dataValidation}
    assert citizen["H3:H1048576"].formula1 == '"farmer,worker,official"'
    assert citizen["F3:F1048576"].formula1 == '"Có,Không"'       # Người lao động
    assert (citizen["G3:G1048576"].formula1, citizen["G3:G1048576"].formula2) == ("0", "100")
    assert family.column_dimensions["A"].width >= 12


def test_every_template_sheet_prints_on_a4_landscape_fit_to_width_with_its_headers(
        sets: dict[str, lm.CriteriaSet]) -> None:
    lm.write_template("mau.xlsx", sets, year=2031)
    book = openpyxl.load_workbook("mau.xlsx")
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9"), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), sheet.title  # 1: default
        if sheet.title != "Hướng dẫn":
            assert sheet.print_title_rows == "$1:$2", sheet.title  # header and notes repeated


def test_after_the_reform_the_template_has_a_crosswalk_and_no_district(
        sets: dict[str, lm.CriteriaSet]) -> None:
    lm.write_template("mau.xlsx", sets, year=2031)
    book = openpyxl.load_workbook("mau.xlsx")
    walk = book["Chuyển đổi địa bàn"]
    assert [c.value for c in walk[1]] == ["Mã cũ", "Mã mới", "Từ ngày"]
    rules = {str(v.sqref): v for v in walk.data_validations.dataValidation}
    assert rules["C3:C1048576"].type == "date"
    assert walk.column_dimensions["C"].number_format == "dd/mm/yyyy"   # a date cell shows so
    areas = book["Địa bàn"]
    levels = {str(v.sqref): v for v in areas.data_validations.dataValidation}["C3:C1048576"]
    assert "huyện" not in levels.formula1 and "xã" in levels.formula1
    assert "huyện" not in str(areas["C2"].value).split("—")[0]
    guide = " ".join(str(c.value) for c in book["Hướng dẫn"]["A"] if c.value)
    assert "Chuyển đổi địa bàn" in guide and "không còn cấp huyện" in guide


def test_before_the_reform_the_template_keeps_the_districts(
        sets_dir: Path) -> None:
    family = lm.load_criteria(sets_dir / "family.yaml")
    lm.write_template("mau.xlsx", [family], year=2024)
    book = openpyxl.load_workbook("mau.xlsx")
    assert "Chuyển đổi địa bàn" not in book.sheetnames
    levels = {str(v.sqref): v for v in book["Địa bàn"].data_validations.dataValidation}
    assert "huyện" in levels["C3:C1048576"].formula1


def test_long_enum_lists_go_to_a_hidden_sheet(sets_dir: Path) -> None:
    values = ", ".join(f"value_number_{k}" for k in range(40))
    text = CITIZEN.replace("values: [farmer, worker, official]", f"values: [{values}]")
    (sets_dir / "citizen.yaml").write_text(text, encoding="utf-8")
    lm.write_template("mau.xlsx", [lm.load_criteria(sets_dir / "citizen.yaml")])
    book = openpyxl.load_workbook("mau.xlsx")
    assert book["_danh-muc"].sheet_state == "hidden"
    rules = [v.formula1 for v in book["Công dân"].data_validations.dataValidation]
    assert "'_danh-muc'!$A$1:$A$40" in rules


def test_the_template_of_a_template_reads_as_no_records(sets: dict[str, lm.CriteriaSet]) -> None:
    lm.write_template("mau.xlsx", sets)
    assert "no subject records" in refused("mau.xlsx").message


def test_the_template_command(sets_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["template", "--year", "2031", "-o", "mau.xlsx",
                   "--criteria-dir", str(sets_dir)])
    assert status == 0, capsys.readouterr().err
    assert openpyxl.load_workbook("mau.xlsx").sheetnames[1:] == [
        "Công dân", "Gia đình", "Địa bàn", "Chuyển đổi địa bàn"]
    assert "test/citizen" in capsys.readouterr().err


def test_the_template_command_for_a_year_without_sets(
        sets_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "--year", "1999", "-o", "mau.xlsx",
                 "--criteria-dir", str(sets_dir)]) == 3
    assert "không có bộ tiêu chí nào có hiệu lực năm 1999" in capsys.readouterr().err
    assert not Path("mau.xlsx").exists()


def test_the_template_sets_are_those_in_force(sets_dir: Path) -> None:
    catalog = Catalog.default([sets_dir])
    assert {m: [s.id for s in v] for m, v in lm.template_sets(catalog, 2033).items()} == {
        "citizen": ["test/citizen"], "family": ["test/family"]}


def test_writing_into_a_missing_folder_fails_cleanly(sets: dict[str, lm.CriteriaSet]) -> None:
    with pytest.raises(lm.LearningModelsError, match="cannot write"):
        lm.write_template(Path("no") / "such" / "mau.xlsx", sets)


# --- round trip: the filled template evaluates as the equivalent CSV folder ----------------------

CITIZENS = [
    {"id": "C1", "family": "F1", "worker": "có", "self_score": "80", "group": "farmer"},
    {"id": "C2", "family": "F1", "worker": "không", "self_score": "60", "group": "worker"},
    {"id": "C3", "family": "F2", "worker": "có", "self_score": "95", "group": "official"},
    {"id": "C4", "family": "F2", "worker": "có", "self_score": "", "group": "farmer"},
    {"id": "C5", "family": "F9", "worker": "có", "self_score": "75", "group": "farmer"},
    {"id": "C6", "family": "F3", "worker": "có", "self_score": "150", "group": "farmer"},
    {"id": "C7", "family": "F3", "worker": "không", "self_score": "90", "group": "worker"},
]
FAMILIES = [
    {"id": "F1", "name": "Nhà Hoàng Văn A", "area": "0184001", "study_corner": "Có",
     "income_ratio": "1.1"},
    {"id": "F2", "name": "Nhà Nông Thị B", "area": "0184001", "study_corner": "Không",
     "income_ratio": "1"},
    {"id": "F3", "name": "Nhà Triệu C", "area": "0184002", "study_corner": "",
     "income_ratio": "1.5"},
    {"id": "F4", "name": "Nhà Lục D", "area": "0184009", "study_corner": "Có",
     "income_ratio": "2"},
]
AREAS = [
    {"code": "01840", "name": "Phường Đức Xuân", "level": "commune", "parent": "",
     "households": "10"},
    {"code": "0184001", "name": "Tổ 1", "level": "village", "parent": "01840",
     "households": "4"},
    {"code": "0184002", "name": "Tổ 2", "level": "village", "parent": "01840",
     "households": ""},
]


def write_csv(path: Path, rows: Sequence[Mapping[str, str]]) -> None:
    pl.DataFrame(list(rows)).write_csv(path)


def fill_template(path: Path, sheet: str, rows: Sequence[Mapping[str, str]],
                  columns: Mapping[str, str]) -> None:
    """Fill a template sheet as a user would: by header, typed values where Excel has them."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    headers = [c.value for c in ws[1]]
    for k, row in enumerate(rows, start=3):
        for name, value in row.items():
            if value == "":
                continue
            cell = ws.cell(k, headers.index(columns.get(name, name)) + 1)
            cell.value = float(value) if value.replace(".", "").isdigit() and \
                name not in ("area", "code", "parent") else value
    book.save(path)


def comparable(result: DatasetEvaluation) -> dict[str, object]:
    return {
        "results": {m: r.to_frame().drop([c for c in r.to_frame().columns
                                          if c in ("file",)]).sort("id").rows()
                    for m, r in result.results.items()},
        "errors": sorted((e.record, e.field, e.code,
                          re.sub(" in .*", " in FILE", re.sub(r" \(column [^)]*\)$", "",
                                                               e.message)))
                         for e in result.errors),
    }


def test_a_filled_template_evaluates_like_the_csv_folder(
        sets: dict[str, lm.CriteriaSet], tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    write_csv(folder / "citizen.csv", CITIZENS)
    write_csv(folder / "family.csv", FAMILIES)
    write_csv(folder / "areas.csv", AREAS)
    from_csv = evaluate_dataset(read_dataset(folder), sets=sets)

    book = Path("mau.xlsx")
    lm.write_template(book, sets, year=2031)
    labels = {"id": "Mã", "name": "Tên", "family": "Gia đình", "area": "Địa bàn",
              "worker": "Người lao động", "self_score": "Điểm tự đánh giá",
              "group": "Nhóm đối tượng", "study_corner": "Có góc học tập",
              "income_ratio": "Thu nhập so với năm trước", "code": "Mã",
              "level": "Cấp", "parent": "Thuộc", "households": "Số hộ gia đình"}
    fill_template(book, "Công dân", CITIZENS, labels)
    fill_template(book, "Gia đình", FAMILIES, labels)
    fill_template(book, "Địa bàn", AREAS, labels)
    from_book = evaluate_dataset(lm.read_workbook(book), sets=sets)

    assert comparable(from_book) == comparable(from_csv)
    rows = {e.record: (e.file, e.row) for e in from_book.errors}
    assert rows == {"C5": ("mau.xlsx [Công dân]", 7),   # the Excel rows: header, notes, data
                    "C6": ("mau.xlsx [Công dân]", 8), "F4": ("mau.xlsx [Gia đình]", 6)}
    statuses = {e.subject: e.status for e in from_book.results["family"]}
    assert statuses == {"F1": "recognised", "F2": "not_recognised", "F3": "incomplete"}


def test_read_dataset_and_read_workbook_agree_on_the_frame_layout(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    write_csv(folder / "family.csv", FAMILIES)
    path = workbook("b.xlsx", {"family": [list(FAMILIES[0]),
                                          *[list(r.values()) for r in FAMILIES]]})
    a: Dataset = read_dataset(folder)
    b = lm.read_workbook(path)
    assert a.tables["family"].frame.columns == b.tables["family"].frame.columns
    assert a.tables["family"].frame.drop("_row", "_line").equals(
        b.tables["family"].frame.drop("_row", "_line"))


# --- enum labels, error locations, huge sheets -----------------------------------------------

LABELLED_GROUPS = """values:
      - {value: farmer, label: {vi: Nông dân, en: Farmer}}
      - {value: worker, label: {vi: Công nhân, en: Worker}}
      - {value: official, label: {vi: Cán bộ, en: Official}}"""


@pytest.fixture
def labelled(sets_dir: Path) -> dict[str, lm.CriteriaSet]:
    text = CITIZEN.replace("values: [farmer, worker, official]", LABELLED_GROUPS)
    (sets_dir / "citizen.yaml").write_text(text, encoding="utf-8")
    return {"citizen": lm.load_criteria(sets_dir / "citizen.yaml"),
            "family": lm.load_criteria(sets_dir / "family.yaml")}


def test_the_template_drop_down_offers_the_vietnamese_labels(
        labelled: dict[str, lm.CriteriaSet]) -> None:
    lm.write_template("mau.xlsx", labelled)
    sheet = openpyxl.load_workbook("mau.xlsx")["Công dân"]
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert rules["H3:H1048576"].formula1 == '"Nông dân,Công nhân,Cán bộ"'
    assert rules["H3:H1048576"].error == "Chọn một giá trị: Nông dân, Công nhân, Cán bộ"
    assert sheet["H2"].value == "Chọn một: Nông dân, Công nhân, Cán bộ"


def test_labels_holding_a_comma_go_to_the_hidden_list(sets_dir: Path) -> None:
    text = CITIZEN.replace("values: [farmer, worker, official]", LABELLED_GROUPS.replace(
        "{vi: Cán bộ, en: Official}", "{vi: 'Cán bộ, công chức', en: Official}"))
    (sets_dir / "citizen.yaml").write_text(text, encoding="utf-8")
    lm.write_template("mau.xlsx", [lm.load_criteria(sets_dir / "citizen.yaml")])
    book = openpyxl.load_workbook("mau.xlsx")
    assert [c.value for c in book["_danh-muc"]["A"]] == ["Nông dân", "Công nhân",
                                                         "Cán bộ, công chức"]
    rules = [v.formula1 for v in book["Công dân"].data_validations.dataValidation]
    assert "'_danh-muc'!$A$1:$A$3" in rules


def test_a_workbook_filled_with_labels_stores_the_values_and_names_the_cell(
        labelled: dict[str, lm.CriteriaSet]) -> None:
    lm.write_template("mau.xlsx", labelled)
    book = openpyxl.load_workbook("mau.xlsx")
    sheet = book["Công dân"]
    for row in (["C1", None, "F1", None, None, None, 80, "Nông dân"],
                ["C2", None, "F1", None, None, None, 70, " cán BỘ "],
                ["C3", None, "F1", None, None, None, 90, "worker"],
                ["C4", None, "F1", None, None, None, 75, "Nông dan"]):
        sheet.append(row)
    book.save("mau.xlsx")
    result = evaluate_dataset(lm.read_workbook("mau.xlsx"), sets=labelled)
    groups = dict(result.results["citizen"].scored.select("id", "group").rows())
    assert groups == {"C1": "farmer", "C2": "official", "C3": "worker"}
    (error,) = result.errors
    assert error.format() == (
        "mau.xlsx [Công dân]:6: C4: 'group' must be one of 'Nông dân', 'Công nhân', 'Cán bộ' "
        "(or farmer, worker, official), found 'Nông dan' (column H 'Nhóm đối tượng') "
        "[invalid-record]")


def test_every_workbook_error_names_the_sheet_row_column_letter_and_header(
        sets: dict[str, lm.CriteriaSet]) -> None:
    path = workbook("b.xlsx", {
        "Gia đình": [["Mã", "Địa bàn", "Có góc học tập", "ghi chu"],
                     ["F1", "0184009", "có lẽ", None], ["F2", "01840", "có", "x"]],
        "Công dân": [[None, "Mã", "Gia đình", "Điểm tự đánh giá"],
                     [None, "C1", "F1", 150], [None, "C1", "F9", 10]],
        "Địa bàn": [["Mã", "Tên", "Cấp", "Thuộc", "Số hộ gia đình"],
                    ["01840", "Đức Xuân", "phường", None, "nhiều"]],
    })
    result = evaluate_dataset(lm.read_workbook(path), sets=sets)
    assert sorted(e.format() for e in result.errors) == [
        "b.xlsx [Công dân]:2: C1: 'self_score' is 150, above the maximum 100 "
        "(column D 'Điểm tự đánh giá') [out-of-bounds]",
        "b.xlsx [Công dân]:3: C1: family 'F9' does not exist in b.xlsx [Gia đình] "
        "(column C 'Gia đình') [invalid-record]",
        "b.xlsx [Công dân]:3: C1: id 'C1' is used by an earlier record, at b.xlsx [Công dân], "
        "row 2 (column B 'Mã') [duplicate-record]",
        "b.xlsx [Gia đình]:2: F1: 'study_corner' must be yes/no (có/không, true/false, 1/0), "
        "found 'có lẽ' (column C 'Có góc học tập') [invalid-record]",
        "b.xlsx [Gia đình]:2: F1: area '0184009' is not in the area list (b.xlsx [Địa bàn]) "
        "(column B 'Địa bàn') [invalid-record]",
        "b.xlsx [Gia đình]:2: F1: unknown column 'ghi chu'; the set declares no such input "
        "(column D 'ghi chu') [unknown-column]",
        "b.xlsx [Gia đình]:3: F2: unknown column 'ghi chu'; the set declares no such input "
        "(column D 'ghi chu') [unknown-column]",
        "b.xlsx [Địa bàn]:2: 01840: 'households' must be a whole number >= 0, found 'nhiều'; "
        "the area is kept, its total unknown (column E 'Số hộ gia đình') [invalid-record]",
    ]


def test_a_relation_to_a_row_the_sheet_rejected_names_that_row(
        sets: dict[str, lm.CriteriaSet]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    family = book.create_sheet("Gia đình")
    for row in (["Mã", "Tên", "Có góc học tập"], ["F1", "A", "có"], ["F2", "B", "có"]):
        family.append(row)
    family.merge_cells("B3:C3")                   # merged across columns: F2 is rejected
    citizen = book.create_sheet("Công dân")
    for row in (["Mã", "Gia đình"], ["C1", "F2"], ["C2", "F1"]):
        citizen.append(row)
    book.save("m.xlsx")
    result = evaluate_dataset(lm.read_workbook("m.xlsx"), sets=sets)
    messages = {(e.file, e.record): e.message for e in result.errors}
    assert messages[("m.xlsx [Công dân]", "C1")] == \
        "family 'F2' was rejected (m.xlsx [Gia đình], row 3) (column B 'Gia đình')"
    assert messages[("m.xlsx [Gia đình]", "F2")].endswith("(column B 'Tên')")


def test_a_sheet_with_ten_thousand_headers_is_refused_in_one_problem() -> None:
    book = xlsxwriter.Workbook("wide.xlsx", {"constant_memory": True})
    sheet = book.add_worksheet("Gia đình")
    sheet.write_row(0, 0, ["Mã", *(f"cot_{k}" for k in range(9_999))])
    sheet.write_row(1, 0, ["F1", *("1" for _ in range(9_999))])
    book.close()
    problem = refused("wide.xlsx")
    assert problem.code == "too-large"
    assert problem.message == ("wide.xlsx [Gia đình]: the header has 10,000 columns; at most "
                               "1,000 are read")


def test_the_template_takes_units_of_both_kinds_on_one_sheet_each_read_for_its_set() -> None:
    variants = lm.template_sets(Catalog.default(), 2024)["unit"]
    assert [s.id for s in variants] == ["vn/2021-2025/unit", "vn/2021-2025/unit-tt22"]
    book = Path("mau.xlsx")
    lm.write_template(book, {"unit": variants}, year=2024)
    units = Path(__file__).parents[2] / "examples" / "units" / "units.csv"
    rows = pl.read_csv(units, infer_schema=False).fill_null("").to_dicts()
    labels = {"id": "Mã", "name": "Tên", **{n: i.label.vi for s in variants
                                            for n, i in s.inputs.items() if i.label}}
    fill_template(book, "Đơn vị", rows, labels)
    evaluation = evaluate_dataset(lm.read_workbook(book), year=2024)
    by_set = {p.program.spec.id: sorted(p.scored["id"].to_list())
              for p in parts_of(evaluation.results["unit"])}
    assert by_set == {"vn/2021-2025/unit": ["TRUONG-01", "UBND-01"],
                      "vn/2021-2025/unit-tt22": ["PGD-01", "SGD-01", "TTGDTX-01"]}
    assert [(e.record, e.code) for e in evaluation.errors] == [("X-01", "no-set-applies")]
