"""The Word report as Decree 30/2020/NĐ-CP (Phụ lục I) lays it out: the short rules under the
issuing body, the Tiêu ngữ and the trích yếu (rules, not underlined text); page numbers
centred in the top margin and none on page 1; no footer; the letterhead given or drawn from
the area. Rendered through LibreOffice, the PDF shows the same."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import learning_models as lm

docx = pytest.importorskip("docx", reason="python-docx is not installed")
learning_models_docx = pytest.importorskip(
    "learning_models_docx",
    reason="learning-models-docx is not installed: "
           "python -m pip install ./plugins/learning-models-docx")
from learning_models_docx import DocxWriter, render_docx  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PT_PER_MM = 72 / 25.4
TEXT_CENTRE_MM = 30 + 165 / 2            # left margin + half the text width


def cell_lines(cell: object) -> list[str]:
    return [p.text for p in cell.paragraphs]  # type: ignore[attr-defined]


def header_cells(report: lm.Report) -> tuple[list[str], list[str]]:
    document = docx.Document(io.BytesIO(render_docx(report)))
    left, right = document.tables[0].rows[0].cells
    return cell_lines(left), cell_lines(right)


def recipients(report: lm.Report) -> list[str]:
    document = docx.Document(io.BytesIO(render_docx(report)))
    return cell_lines(document.tables[-1].rows[0].cells[0])


# --- the document ---------------------------------------------------------------------------


def test_the_national_name_is_written_as_the_decree_writes_it(report: lm.Report) -> None:
    _, right = header_cells(report)
    assert right[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "CỘNG HOÀ" not in right[0]


def test_rules_not_underlined_text_under_the_body_the_motto_and_the_subject(
        report: lm.Report) -> None:
    document = docx.Document(io.BytesIO(render_docx(report)))
    body = document.element.body
    assert body.findall(f".//{W}u") == []                     # no underlined text at all
    rules = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None]
    assert len(rules) == 3
    for rule in rules:
        assert "".join(t.text or "" for t in rule.iter(f"{W}t")) == ""   # a line, no text
        indent = rule.find(f"{W}pPr/{W}ind")
        assert indent.get(f"{W}left") == indent.get(f"{W}right")         # centred


def test_page_numbers_in_the_header_from_page_two_and_no_footer(report: lm.Report) -> None:
    document = docx.Document(io.BytesIO(render_docx(report)))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(t.text or "" for t in section.header._element.iter(f"{W}instrText"))
    assert section.header.paragraphs[0].alignment == 1                   # centred
    assert all(not p.text for p in section.first_page_header.paragraphs)
    assert all(not p.text for p in section.footer.paragraphs)
    assert all(not p.text for p in section.first_page_footer.paragraphs)


def test_the_targets_file_letterhead_gives_issuer_place_and_recipients(
        report: lm.Report) -> None:
    assert report.letterhead is not None and report.letterhead.symbol == "BC-HKH"
    left, right = header_cells(report)
    assert left[:2] == ["HỘI KHUYẾN HỌC", "THÀNH PHỐ BẮC KẠN"]
    assert right[-1] == "Bắc Kạn, ngày      tháng      năm 2024"
    assert recipients(report) == ["Nơi nhận:", "- Hội Khuyến học tỉnh Bắc Kạn;",
                                  "- Ủy ban nhân dân thành phố Bắc Kạn;", "- Lưu: VT."]


def test_without_a_letterhead_everything_comes_from_the_area_and_nothing_is_a_placeholder(
        report: lm.Report) -> None:
    bare = dataclasses.replace(report, letterhead=None)
    left, right = header_cells(bare)
    assert left == ["HỘI KHUYẾN HỌC", "THÀNH PHỐ BẮC KẠN", "", "Số:        /BC-HKH"]
    assert right[-1] == "Bắc Kạn, ngày      tháng      năm 2024"
    assert recipients(bare) == ["Nơi nhận:", "- Ủy ban nhân dân Thành phố Bắc Kạn;",
                                "- Lưu: VT."]


def test_every_value_of_the_letterhead_can_be_given(report: lm.Report) -> None:
    given = lm.LetterheadUsed(
        superior="Hội Khuyến học tỉnh Thái Nguyên", issuer="Hội Khuyến học\nphường Đức Xuân",
        symbol="BC-HKHP", place="Đức Xuân",
        recipients=("Hội Khuyến học tỉnh Thái Nguyên", "Đảng ủy phường Đức Xuân;"))
    changed = dataclasses.replace(report, letterhead=given)
    left, right = header_cells(changed)
    assert left == ["HỘI KHUYẾN HỌC TỈNH THÁI NGUYÊN", "HỘI KHUYẾN HỌC", "PHƯỜNG ĐỨC XUÂN", "",
                    "Số:        /BC-HKHP"]
    assert right[-1] == "Đức Xuân, ngày      tháng      năm 2024"
    assert recipients(changed) == ["Nơi nhận:", "- Hội Khuyến học tỉnh Thái Nguyên;",
                                   "- Đảng ủy phường Đức Xuân;", "- Lưu: VT."]


# --- through LibreOffice --------------------------------------------------------------------


def _tool(name: str, package: str) -> str:
    """The program, or a skip outside CI (in CI, ``.ci/run`` installs it: a failure)."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing in CI (.ci/run installs {package})")
        pytest.skip(f"{name} is not installed (apt-get install -y {package}); CI is not set")
    return found


@pytest.fixture(scope="module")
def pdf(report: lm.Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = shutil.which("soffice") or _tool("libreoffice", "libreoffice-writer")
    _tool("pdftotext", "poppler-utils")
    folder = tmp_path_factory.mktemp("pdf")
    DocxWriter().write(report, folder)
    done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                           str(folder), str(folder / "bao-cao-2024.docx")],
                          capture_output=True, timeout=300,
                          env={"HOME": str(folder), "PATH": os.environ.get("PATH", "")})
    path = folder / "bao-cao-2024.pdf"
    assert path.exists(), done.stderr.decode(errors="replace")
    return path


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """The words of a page with their boxes (x min, y min, x max, y max, in points)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf),
                           "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html)]


def test_the_pdf_keeps_the_header_and_every_diacritic(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "BÁO CÁO", "Kết quả xây dựng các mô hình học tập năm 2024",
                     "Phường Phùng Chí Kiên", "Nơi nhận:", "TM. BAN THƯỜNG VỤ"):
        assert expected in text, expected
    assert re.search(r"HỘI KHUYẾN HỌC\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
    assert "learning-models" not in text                       # no software footer


def test_no_page_number_on_page_one_and_centred_in_the_top_margin_after(pdf: Path) -> None:
    top_margin = 20 * PT_PER_MM
    first = words(pdf, 1)
    assert first[0][0] == "HỘI"
    assert not [w for w in first if w[0].isdigit() and w[4] < top_margin]
    second = words(pdf, 2)
    number, x0, _, x1, y1 = second[0]
    assert number == "2" and y1 < top_margin
    assert abs((x0 + x1) / 2 - TEXT_CENTRE_MM * PT_PER_MM) < 3 * PT_PER_MM


def test_the_three_rules_are_drawn_where_the_decree_puts_them(pdf: Path) -> None:
    _tool("pdftoppm", "poppler-utils")
    image = subprocess.run(["pdftoppm", "-r", "100", "-gray", "-f", "1", "-l", "1", str(pdf)],
                           capture_output=True, check=True).stdout
    rules = short_rules(image, dpi=100)
    assert len(rules) == 3, rules
    *header, (y_subject, x_subject) = sorted(rules)           # the title's is the lowest
    (y_body, x_body), (y_motto, x_motto) = sorted(header, key=lambda r: r[1])
    assert x_body < 80 < x_motto                              # under each column of the header
    assert abs(x_subject - TEXT_CENTRE_MM) < 3                # centred under the subject
    assert y_body < y_subject and y_motto < y_subject


def short_rules(pgm: bytes, *, dpi: int) -> list[tuple[float, float]]:
    """The horizontal lines 8–80 mm long in a grey page image above its first longer line
    (a table's border): (y, x centre) in mm, one per line however many pixel rows it
    covers."""
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", pgm)
    assert header is not None
    width, height = int(header[1]), int(header[2])
    pixels = pgm[header.end():]
    per_mm = dpi / 25.4
    found: list[tuple[float, float]] = []
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        runs = _dark_runs(row)
        if any((end - start) / per_mm > 100 for start, end in runs):
            break
        for start, end in runs:
            length = (end - start) / per_mm
            centre = (start + end) / 2 / per_mm
            if 8 <= length <= 80 and not any(abs(y / per_mm - fy) < 1 and abs(centre - fx) < 2
                                              for fy, fx in found):
                found.append((y / per_mm, centre))
    return found


def _dark_runs(row: bytes) -> list[tuple[int, int]]:
    runs, start = [], None
    for x, value in enumerate(row):
        if value < 128 and start is None:
            start = x
        elif value >= 128 and start is not None:
            runs.append((start, x))
            start = None
    return runs
