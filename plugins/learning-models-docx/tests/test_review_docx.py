"""The period review as a Word "Báo cáo sơ kết / tổng kết": the example city's 2024 and 2026
reports recorded into one history, then ``review``. The document's text (paragraphs and
tables, in order) is golden; every figure of its tables is the review workbook's; converted
to PDF with LibreOffice, page 1 has the decree's header and no page number.

To accept a change of the text on purpose: ``python -m pytest
plugins/learning-models-docx/tests/test_review_docx.py --update-goldens`` (from the
repository, whose top ``conftest.py`` gives the option) and review the changed files.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main

docx = pytest.importorskip("docx", reason="python-docx is not installed")
pytest.importorskip("learning_models_docx", reason="learning-models-docx is not installed")
openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the review's workbook")
from learning_models_docx import DocxReviewWriter, render_review_docx  # noqa: E402
from test_decree_layout import PT_PER_MM, _tool, words  # noqa: E402

CITY = Path(__file__).parents[3] / "examples" / "bac-kan-city"
GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A history with the example city's 2024 and 2026 reports (the reform between)."""
    tmp = tmp_path_factory.mktemp("review-docx")
    place = tmp / "lich-su"
    for year in ("2024", "2026"):
        earlier = ["--previous", str(CITY / "2024"), "--previous-year", "2024"] \
            if year == "2026" else []
        assert main(["report", str(CITY / year), "--year", year, "--targets", "bac-kan-city",
                     "--out", str(tmp / year), "--format", "results", "--quiet", "--history",
                     str(place), *earlier]) == 0
    return place


def _document(history: Path, period: str, lang: str) -> lm.ReviewReport:
    targets = lm.load_targets("bac-kan-city")
    with lm.open_history(str(history)) as opened:
        found = lm.review(opened, period, targets)
    return lm.build_review_report(found, lang, targets)  # type: ignore[arg-type]


def document_text(data: bytes) -> str:
    """The document's paragraphs and tables in order: a table row per line, its cells
    separated by `` | `` (a cell's lines by `` / ``)."""
    body = docx.Document(io.BytesIO(data)).element.body
    lines = []
    for element in body.iterchildren():
        if element.tag == f"{W}p":
            lines.append("".join(t.text or "" for t in element.iter(f"{W}t")))
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                lines.append(" | ".join(
                    " / ".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                               for p in cell.iter(f"{W}p"))
                    for cell in row.iter(f"{W}tc")))
    return "\n".join(lines).rstrip() + "\n"


@pytest.mark.slow
@pytest.mark.parametrize(("period", "lang"), [("2021-2025", "vi"), ("2021-2030", "vi"),
                                              ("2021-2030", "en")])
def test_the_review_document_reads_exactly(history: Path, period: str, lang: str,
                                           request: pytest.FixtureRequest) -> None:
    text = document_text(render_review_docx(_document(history, period, lang)))
    expected = GOLDEN / f"danh-gia-{period}.{lang}.txt"
    if request.config.getoption("--update-goldens", default=False):
        expected.write_text(text, encoding="utf-8", newline="\n")
        return
    assert expected.exists(), f"no {expected.name}: run pytest with --update-goldens"
    assert text == expected.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_same_review_gives_the_same_bytes(history: Path) -> None:
    document = _document(history, "2021-2025", "vi")
    assert render_review_docx(document) == render_review_docx(document)


def _docx_series(data: bytes) -> dict[tuple[str, str, int], tuple[str, ...]]:
    """(model title, area, year) → (recognised, denominator, rate, milestone, met) as the
    document's tables print them."""
    body = docx.Document(io.BytesIO(data)).element.body
    found: dict[tuple[str, str, int], tuple[str, ...]] = {}
    model, area = "", ""
    for element in body.iterchildren():
        text = "".join(t.text or "" for t in element.iter(f"{W}t"))
        if element.tag == f"{W}p" and re.match(r"^\d+\. ", text):
            model = text.split(". ", 1)[1]
        if element.tag != f"{W}tbl":
            continue
        rows = [[("".join(t.text or "" for t in cell.iter(f"{W}t")))
                 for cell in row.iter(f"{W}tc")] for row in element.iter(f"{W}tr")]
        if len(rows[0]) != 8:           # not a series table
            continue
        for cells in rows[1:]:
            area = cells[1] or area
            found[(model, area, int(cells[2]))] = tuple(cells[3:])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("period", ["2021-2025", "2021-2030"])
def test_every_figure_of_the_document_is_the_review_workbooks(
        history: Path, period: str, tmp_path: Path) -> None:
    assert main(["review", "--history", str(history), "--period", period, "--targets",
                 "bac-kan-city", "--out", str(tmp_path)]) == 0
    data = (tmp_path / f"danh-gia-{period}.docx").read_bytes()
    printed = _docx_series(data)
    sheet = openpyxl.load_workbook(tmp_path / f"danh-gia-{period}.xlsx")["Theo năm"]
    rows = list(sheet.iter_rows(values_only=True))
    top = next(k for k, row in enumerate(rows) if row[0] == "Địa bàn")
    checked = 0
    for area, model, year, recognised, denominator, rate, milestone, met, _ in rows[top + 1:]:
        name = "Toàn bộ dữ liệu" if area == "Toàn bộ dữ liệu" else area.rsplit(" (", 1)[0]
        shown = printed.get((model, name, year))
        if shown is None:
            continue                    # a wider area the document leaves to the whole
        assert shown == (f"{recognised:,}".replace(",", "."), f"{denominator:,}".replace(
            ",", "."), rate or "", milestone or "", met or "")
        checked += 1
    assert checked == len(printed) > 0


@pytest.mark.slow
def test_the_review_command_writes_the_document_and_says_so(
        history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--history", str(history), "--period", "2021-2025", "--targets",
                 "bac-kan-city", "--out", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Written: ") and str(tmp_path / "danh-gia-2021-2025.docx") in out
    text = document_text((tmp_path / "danh-gia-2021-2025.docx").read_bytes())
    assert "Interim review of building learning models, 2021–2025" in text
    assert "10,549" in text and "10.549" not in text


# --- through LibreOffice --------------------------------------------------------------------


@pytest.fixture(scope="module")
def review_pdf(history: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice = shutil.which("soffice") or _tool("libreoffice", "libreoffice-writer")
    _tool("pdftotext", "poppler-utils")
    folder = tmp_path_factory.mktemp("review-pdf")
    (written,) = DocxReviewWriter().write(_document(history, "2021-2025", "vi"), folder)
    done = subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                           str(folder), str(written)], capture_output=True, timeout=300,
                          env={"HOME": str(folder), "PATH": os.environ.get("PATH", "")})
    path = folder / "danh-gia-2021-2025.pdf"
    assert path.exists(), done.stderr.decode(errors="replace")
    return path


@pytest.mark.slow
def test_the_review_pdf_has_the_decree_header_title_and_figures(review_pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-layout", str(review_pdf), "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")
    assert re.search(r"HỘI KHUYẾN HỌC\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text)
    assert re.search(r"THÀNH PHỐ BẮC KẠN\s+Độc lập - Tự do - Hạnh phúc", text)
    for expected in ("Số:", "/BC-HKH", "Bắc Kạn, ngày", "BÁO CÁO",
                     "Sơ kết kết quả xây dựng các mô hình học tập giai đoạn 2021–2025",
                     "10.549/11.400 (92,5%)", "Xã Dương Quang", "Nơi nhận:",
                     "TM. BAN THƯỜNG VỤ"):
        assert expected in text, expected


@pytest.mark.slow
def test_the_review_pdf_has_no_page_number_on_page_one_and_one_on_page_two(
        review_pdf: Path) -> None:
    top_margin = 20 * PT_PER_MM
    first = words(review_pdf, 1)
    assert first[0][0] == "HỘI"
    assert not [w for w in first if w[0].isdigit() and w[4] < top_margin]
    number, _, _, _, bottom = words(review_pdf, 2)[0]
    assert number == "2" and bottom < top_margin
