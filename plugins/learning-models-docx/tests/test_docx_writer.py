"""The docx writer: the layout of a Vietnamese administrative report, the figures, the
provenance, reproducible bytes, and (with LibreOffice) a rendering that reads well."""

from __future__ import annotations

import io
import re
import textwrap
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._plugins.manager import collect_writers

docx = pytest.importorskip("docx", reason="python-docx is not installed")
learning_models_docx = pytest.importorskip(
    "learning_models_docx",
    reason="learning-models-docx is not installed: "
           "python -m pip install ./plugins/learning-models-docx")
from learning_models_docx import DocxWriter, render_docx, report_area  # noqa: E402


def open_docx(data: bytes) -> object:
    return docx.Document(io.BytesIO(data))


def texts(document: object) -> list[str]:
    return [p.text for p in document.paragraphs]  # type: ignore[attr-defined]


def cell_lines(cell: object) -> list[str]:
    return [p.text for p in cell.paragraphs]  # type: ignore[attr-defined]


def test_the_writer_is_registered_under_the_name_docx() -> None:
    pm = lm.get_plugin_manager(entry_points=False, plugins=[("docx", learning_models_docx)])
    writers = collect_writers(pm)
    assert isinstance(writers["docx"], DocxWriter)
    assert writers.plugin_of("docx") == "docx"


def test_the_area_is_the_city_the_report_covers(report: lm.Report) -> None:
    assert report_area(report) == "Thành phố Bắc Kạn"


def test_the_header_has_the_issuer_the_blank_number_the_motto_and_the_date(
        report: lm.Report) -> None:
    document = open_docx(render_docx(report))
    header = document.tables[0]  # type: ignore[attr-defined]
    left, right = header.rows[0].cells
    # an empty line is a rule (tests/test_decree_layout.py checks how it is drawn)
    assert cell_lines(left) == ["HỘI KHUYẾN HỌC", "THÀNH PHỐ BẮC KẠN", "",
                                "Số:        /BC-HKH"]
    assert cell_lines(right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Độc lập - Tự do - Hạnh phúc", "",
                                 "Bắc Kạn, ngày      tháng      năm 2024"]
    assert not re.search(r"Số:\s*\d", cell_lines(left)[3])   # no invented number


def test_the_title_and_the_sections_in_order(report: lm.Report) -> None:
    document = open_docx(render_docx(report))
    body = texts(document)
    assert body[0] == "BÁO CÁO"
    assert body[1] == "Kết quả xây dựng các mô hình học tập năm 2024"
    headings = [p.text for p in document.paragraphs  # type: ignore[attr-defined]
                if p.style.name.startswith("Heading")]
    assert headings == [
        "I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ THỰC HIỆN", "1. Kết quả chung so với chỉ tiêu",
        "2. Gia đình học tập", "III. ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được",
        "2. Tồn tại, hạn chế", "3. Ghi chú về số liệu", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ"]
    text = "\n".join(body)
    assert "Thành phố Bắc Kạn, gồm 2 xã, phường: Phường Đức Xuân, Phường Phùng Chí Kiên" in text
    assert "mã vn/2021-2025/family" in text
    assert "Trên đây là báo cáo kết quả xây dựng các mô hình học tập năm 2024" in text


def test_the_tables_give_each_commune_against_the_target(report: lm.Report) -> None:
    document = open_docx(render_docx(report))
    tables = document.tables  # type: ignore[attr-defined]
    summary, family = tables[2], tables[3]
    assert [c.text for c in summary.rows[0].cells] == [
        "Nội dung", "Số đạt", "Mẫu số", "Tỷ lệ", "Chỉ tiêu kế hoạch", "Nhận xét"]
    assert [c.text for c in summary.rows[1].cells][:5] == [
        "Gia đình học tập (giai đoạn 2021–2025)", "3", "8", "37,5%", "90% (năm 2025)"]
    rows = [[c.text for c in row.cells] for row in family.rows]
    assert rows[0] == ["STT", "Xã/phường", "Đã đánh giá", "Đạt", "Không đạt",
                       "Chưa đủ minh chứng", "Tỷ lệ đạt (đạt/mẫu số)", "So với chỉ tiêu"]
    assert rows[1] == ["1", "Phường Đức Xuân", "3", "2", "1", "0", "50%\n(2/4)", "thiếu 2"]
    assert rows[2] == ["2", "Phường Phùng Chí Kiên", "2", "1", "1", "0", "25%\n(1/4)",
                       "thiếu 3"]
    assert rows[3][1:6] == ["Tổng cộng", "5", "3", "2", "0"]


def test_a_notice_under_the_title_names_each_set_its_source_and_what_is_unverified(
        report: lm.Report) -> None:
    document = open_docx(render_docx(report))
    box = document.tables[1]  # type: ignore[attr-defined]
    lines = cell_lines(box.rows[0].cells[0])
    assert lines == [
        "Lưu ý về nguồn của bộ tiêu chí",
        "- Lưu ý: bộ tiêu chí “Gia đình học tập (giai đoạn 2021–2025)” (vn/2021-2025/family; "
        "văn bản nguồn: chưa xác định) có 6/11 chỉ tiêu chưa được đối chiếu với văn bản gốc "
        "(verified: false); đã đối chiếu 5/11 chỉ tiêu (45,5%).",
        "Các chỉ tiêu chưa đối chiếu là bản dựng lại khi chưa tìm được văn bản chính thức; "
        "cần đối chiếu với văn bản gốc trước khi dùng kết quả để công nhận chính thức."]
    body = texts(document)
    assert body.index("I. ĐẶC ĐIỂM TÌNH HÌNH") > body.index("BÁO CÁO")   # the box comes first
    headings = [p.text for p in document.paragraphs  # type: ignore[attr-defined]
                if p.style.name.startswith("Heading")]
    assert headings[0] == "I. ĐẶC ĐIỂM TÌNH HÌNH"


def test_the_assessment_and_the_next_steps_come_from_the_figures(report: lm.Report) -> None:
    text = "\n".join(texts(open_docx(render_docx(report))))
    assert "Gia đình học tập: 0/2 xã, phường đạt chỉ tiêu." in text
    assert "chưa đạt chỉ tiêu ở Phường Đức Xuân (50%, cần thêm 2 gia đình học tập để đạt " \
           "90%)" in text
    assert "- Gia đình học tập: Phường Đức Xuân cần thêm 2 gia đình học tập để đạt 90%" in text


def test_the_recipients_and_the_signature_block(report: lm.Report) -> None:
    document = open_docx(render_docx(report))
    left, right = document.tables[-1].rows[0].cells  # type: ignore[attr-defined]
    assert cell_lines(left) == ["Nơi nhận:", "- Hội Khuyến học tỉnh Bắc Kạn;",
                                "- Ủy ban nhân dân thành phố Bắc Kạn;", "- Lưu: VT."]
    assert cell_lines(right)[:2] == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    assert all(not line for line in cell_lines(right)[2:])      # the name is left blank


def test_the_page_is_a4_in_times_new_roman_with_vietnamese_language(report: lm.Report,
                                                                     ) -> None:
    document = open_docx(render_docx(report))
    section = document.sections[0]  # type: ignore[attr-defined]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert document.styles["Normal"].font.name == "Times New Roman"  # type: ignore[attr-defined]
    assert 'w:lang w:val="vi-VN"' in document.styles.element.xml  # type: ignore[attr-defined]


@pytest.mark.slow
def test_two_runs_give_identical_bytes(report: lm.Report, dataset_dir: Path,
                                       build: Callable[..., lm.Report]) -> None:
    first = render_docx(report)
    time.sleep(2.1)                     # zip timestamps have a resolution of 2 seconds
    second = render_docx(build(dataset_dir))
    assert first == second
    properties = open_docx(first).core_properties  # type: ignore[attr-defined]
    assert properties.created.year == 2024 and properties.modified == properties.created


def test_the_writer_returns_the_file_it_wrote_and_leaves_nothing_else(
        report: lm.Report, tmp_path: Path) -> None:
    written = DocxWriter().write(report, tmp_path / "out")
    assert written == [tmp_path / "out" / "bao-cao-2024.docx"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["bao-cao-2024.docx"]
    assert written[0].read_bytes() == render_docx(report)


def test_overlays_applied_are_listed_with_their_set(dataset_dir: Path, tmp_path: Path,
                                                    build: Callable[..., lm.Report]) -> None:
    overlay = tmp_path / "corner.yaml"
    overlay.write_text(textwrap.dedent("""\
        format: learning-models/overlay/1
        name: local/corner
        target: vn/2021-2025/family
        source: {verified: false, note: a test overlay}
        replace:
          indicators:
            - id: C3.1
              title: {vi: Có góc học tập, en: A study corner}
              points: 10
              when: study_corner
        """), encoding="utf-8")
    report = build(dataset_dir, catalog=lm.Catalog.default(overlays=[overlay]))
    document = open_docx(render_docx(report))
    text = "\n".join(texts(document))
    assert "điều chỉnh của địa phương “local/corner” (tệp điều chỉnh): thay chỉ số " \
           "C3.1" in text
    notice = cell_lines(document.tables[1].rows[0].cells[0])  # type: ignore[attr-defined]
    assert "- Bộ tiêu chí vn/2021-2025/family được điều chỉnh tại địa phương: " \
           "“local/corner” (tệp điều chỉnh) — thay chỉ số C3.1." in notice


def test_an_english_report(dataset_dir: Path, build: Callable[..., lm.Report]) -> None:
    document = open_docx(render_docx(build(dataset_dir, lang="en")))
    right = document.tables[0].rows[0].cells[1]  # type: ignore[attr-defined]
    assert cell_lines(right)[0] == "SOCIALIST REPUBLIC OF VIET NAM"
    assert "II. RESULTS" in texts(document)


def test_a_report_about_a_former_area_is_issued_by_the_current_body(tmp_path: Path) -> None:
    example = Path(__file__).parents[3] / "examples" / "bac-kan-city"
    city = lm.load_targets("bac-kan-city")
    now = lm.evaluate_dataset(lm.read_dataset(example / "2026"), year=2026)
    before = [lm.evaluate_dataset(lm.read_dataset(example / "2024"), year=2024)]
    report = lm.build_report(now, lm.rollup(now, city, previous=before), targets=city,
                             previous=before)
    document = open_docx(render_docx(report))
    left, right = document.tables[0].rows[0].cells  # type: ignore[attr-defined]
    assert cell_lines(left)[:2] == ["HỘI KHUYẾN HỌC", "TỈNH THÁI NGUYÊN"]
    assert any(line.startswith("Thái Nguyên, ngày") for line in cell_lines(right))
    recipients = cell_lines(document.tables[-1].rows[0].cells[0])  # type: ignore[attr-defined]
    assert "- Ủy ban nhân dân Tỉnh Thái Nguyên;" in recipients
    text = "\n".join(texts(document))
    assert "Hội Khuyến học Tỉnh Thái Nguyên báo cáo kết quả xây dựng các mô hình học tập năm " \
           "2026 trên Thành phố Bắc Kạn (địa bàn cũ): Phường Đức Xuân, Phường Bắc Kạn" in text
    assert "ĐỊA BÀN CŨ" not in "\n".join(cell_lines(left))
    # a report option names another issuer (the wards' association)
    wards = open_docx(render_docx(replace(report, issuer="Phường Đức Xuân")))
    header = wards.tables[0].rows[0].cells[0]  # type: ignore[attr-defined]
    assert cell_lines(header)[1] == "PHƯỜNG ĐỨC XUÂN"


UNITS = """\
id,name,area,level,study_plan,learning_rules,learning_resources,staff,staff_with_plan,\
staff_disciplined,staff_trained,staff_advanced_workers,staff_learning_citizens,\
tasks_completed_well,initiatives,plan_points,rules_points,resources_points,\
self_study_points,discipline_points,training_points,advanced_worker_points,citizen_points,\
unit_title_points,sharing_points
UBND-01840,Ủy ban nhân dân phường Đức Xuân,01840,commune,có,có,có,20,20,0,20,20,20,có,có,,,,,,,,,,
PGD-058,Phòng Giáo dục và Đào tạo thành phố,058,district,,,,,,,,,,,,10,10,10,10,5,10,5,20,10,5
"""


def test_units_of_two_sets_are_shown_per_set_under_their_table(
        dataset_dir: Path, tmp_path: Path, build: Callable[..., lm.Report]) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("areas.csv", "family.csv"):
        (folder / name).write_bytes((dataset_dir / name).read_bytes())
    (folder / "unit.csv").write_text(UNITS, encoding="utf-8")
    document = open_docx(render_docx(build(folder)))
    rows = [[c.text for c in row.cells] for table in document.tables  # type: ignore[attr-defined]
            for row in table.rows]
    assert ["vn/2021-2025/unit", "Đơn vị học tập cấp xã (giai đoạn 2021–2025)",
            "level == 'commune'", "1", "1", "0"] in rows
    assert ["vn/2021-2025/unit-tt22",
            "Đơn vị học tập cấp huyện, cấp tỉnh (Thông tư 22/2020/TT-BGDĐT)",
            "level in ['district', 'province']", "1", "1", "0"] in rows
