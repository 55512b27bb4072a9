"""The annual report: its data model, the workbook, the web page and the result files —
golden files (regenerate with ``--update-goldens``), byte-for-byte reproducibility, atomic
writes, and the ``report`` command.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from report_data import CITY, DATA, REPORT, SETS, evaluate, sets

import learning_models as lm
from learning_models._catalog.targets import shipped_targets
from learning_models._cli import main
from learning_models._cli import report as _cli_report
from learning_models._documents import atomic_path, write_text
from learning_models._evidence.dataset import read_dataset
from learning_models._report import xlsx as _write_xlsx
from learning_models._report.files import ReportBasis, results_csv, write_results
from learning_models._report.html import render_html, write_html
from learning_models._report.html_lists import PAGE_ROWS, list_pages, lists_toc
from learning_models._report.report import Report, build_report
from learning_models._report.xlsx import write_xlsx
from learning_models._rollup.build import rollup
from learning_models._runs.progress import Progress
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

EXPECTED = REPORT / "expected"
OUTPUTS = ("bao-cao-2026.xlsx", "bao-cao-2026.html", "results.json", "results.csv",
           "errors.csv", "rollup.json")
VERSION = f"learning-models {lm.__version__}"
LISTS = "bao-cao-2026-danh-sach"                 # the HTML page's lists, a page per commune


@pytest.fixture(scope="module")
def evaluation() -> DatasetEvaluation:
    return evaluate(2026)


@pytest.fixture(scope="module")
def basis(evaluation: DatasetEvaluation) -> ReportBasis:
    earlier = (evaluate(2024),)
    return ReportBasis(evaluation, earlier, rollup(evaluation, CITY, previous=earlier))


@pytest.fixture(scope="module")
def report(basis: ReportBasis) -> Report:
    assert basis.rollup is not None
    return build_report(basis.evaluation, basis.rollup, targets=CITY, previous=basis.previous)


def write_all(report: Report, basis: ReportBasis, out: Path) -> None:
    write_xlsx(report, out / "bao-cao-2026.xlsx")
    write_html(report, out / "bao-cao-2026.html")
    write_results(basis.evaluation, out, previous=basis.previous, rollup=basis.rollup)


def dump_xlsx(path: Path) -> str:
    """Sheet names, frozen panes, and every non-empty row's values (numbers with their
    format when it is not General)."""
    book = openpyxl.load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"## {sheet.title} (frozen at {sheet.freeze_panes})")
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if value is None:
                    cells.append("")
                elif isinstance(value, int | float) and cell.number_format != "General":
                    cells.append(f"{value!r} [{cell.number_format}]")
                else:
                    cells.append(str(value))
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def normalised(text: str) -> str:
    return text.replace(VERSION, "learning-models <version>")


def check_golden(name: str, actual: str, update: bool) -> None:
    path = EXPECTED / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {name}; run pytest --update-goldens"
    assert actual == path.read_text(encoding="utf-8"), \
        f"{name} differs from its golden file; if the change is intended, run " \
        "pytest --update-goldens and review the diff"


# --- the report as data -------------------------------------------------------------------


def test_the_report_says_what_it_rests_on(report: Report, evaluation: DatasetEvaluation,
                                          ) -> None:
    assert report.title == "Báo cáo kết quả xây dựng các mô hình học tập năm 2026"
    assert report.subtitle == "Tỉnh Thái Nguyên"
    assert report.year == 2026 and report.targets_id == "test/city"
    assert [(s.model, s.id) for s in report.sets] == [
        ("family", "test/family"), ("clan", "test/clan"), ("community", "test/community"),
        ("unit", "test/unit"), ("citizen", "test/citizen")]
    assert {s.model: s.content_hash for s in report.sets} == {
        m: r.provenance.content_hash for m, r in evaluation.results.items()}
    assert (report.evaluated, report.rejected, report.input_rows) == (22, 2, 24)


def test_summary_rows_per_area_level(report: Report) -> None:
    # the whole dataset is the province here, so it is not shown twice
    assert [(a.level, a.code, a.name) for a in report.summary] == [
        ("province", "19", "Tỉnh Thái Nguyên"),
        ("commune", "01840", "Phường Đức Xuân"), ("commune", "01843", "Phường Bắc Kạn"),
        ("commune", "08000", "Xã Thử Nghiệm")]
    assert [k for k, _ in report.indicators] == [
        "family", "clan", "community", "unit", "citizens_in_learning_households",
        "citizens_in_learning_units"]
    family = report.summary[1].figures[0]
    assert (family.reached, family.denominator, family.denominator_kind, family.rate,
            family.target, family.gap) == (2, 10, "area_total", 0.2, 0.95, 8)
    assert family.assessment == "cần thêm 8 gia đình học tập để đạt 95%"


def test_model_tables_per_commune_then_the_whole(report: Report) -> None:
    assert [t.model for t in report.tables] == ["family", "clan", "community", "unit",
                                                "citizen"]
    family = report.tables[0]
    assert [(r.code, r.recognised, r.rejected) for r in family.rows] == [
        ("01840", 2, 0), ("01843", 1, 1), ("08000", 1, 0), ("*", 4, 1)]
    assert family.rows[-1].name == "Tổng cộng"
    assert (family.target, family.milestone_year) == (0.95, 2030)
    change = family.rows[0].figure.changes[0]
    assert report.change_text(change) == "+10,0 điểm % (từ 10%)"


def test_the_lists_hold_only_the_subjects_proposed_for_recognition(report: Report) -> None:
    assert [(c.code, c.name) for c in report.lists] == [
        ("01840", "Phường Đức Xuân"), ("01843", "Phường Bắc Kạn"), ("08000", "Xã Thử Nghiệm")]
    bac_kan = report.lists[1]
    # F5 (incomplete) and U2 (not recognised) are counted, not listed
    assert [(e.id, e.total, e.grade, e.status_text) for e in bac_kan.entries] == [
        ("F4", 100.0, "Tốt", "Đạt"), ("V3", 100.0, "Tốt", "Đạt"),
        ("C5", 80.0, "Khá", "Đạt"), ("C9", 100.0, "Tốt", "Đạt")]
    assert bac_kan.entries[0].name == "Gia đình bà Triệu Thị Dung"
    assert bac_kan.entries[0].model_title == "Gia đình học tập"
    assert (bac_kan.not_recognised, bac_kan.incomplete) == (1, 1)
    assert bac_kan.rest == "Không đưa vào danh sách: 1 hồ sơ không đạt, 1 hồ sơ chưa đủ " \
        "minh chứng (xem results.csv)."
    assert report.lists[2].rest == "Không đưa vào danh sách: 1 hồ sơ không đạt (xem " \
        "results.csv)."
    listed = sum(len(c.entries) for c in report.lists)
    left_out = sum(c.not_recognised + c.incomplete for c in report.lists)
    assert (listed, left_out, listed + left_out) == (14, 8, report.evaluated)


def test_the_page_lists_the_recognised_and_counts_the_rest(report: Report,
                                                          tmp_path: Path) -> None:
    written = write_html(report, tmp_path / "bao-cao-2026.html")
    assert written[0] == tmp_path / "bao-cao-2026.html"
    assert {p.parent.name for p in written[1:]} == {LISTS}
    assert len(written) == 1 + len(report.lists)         # few subjects: one page a commune
    html = written[0].read_text("utf-8")
    toc = html[html.index('<section id="danh-sach">'):html.index('<section id="nguon">')]
    assert f'<a href="{LISTS}/01843.html">Phường Bắc Kạn</a>' in toc
    assert "<td>F4</td>" not in html                      # the lists are not on the page
    page = (tmp_path / LISTS / "01843.html").read_text("utf-8")
    assert '<a href="../bao-cao-2026.html#ds-01843">' in page
    lists = "".join(p.read_text("utf-8") for p in written[1:])
    assert "<td>F4</td>" in lists and "<td>C5</td>" in lists
    assert "<td>F5</td>" not in lists and "<td>U2</td>" not in lists
    assert '<tr class="model" id="family"><th colspan="5">Gia đình học tập</th></tr>' in lists
    assert "Không đưa vào danh sách: 1 hồ sơ không đạt, 1 hồ sơ chưa đủ minh chứng (xem " \
        "results.csv)." in page
    assert "Không đạt" not in lists and "Chưa đủ minh chứng" not in lists


def test_a_long_list_is_split_into_linked_pages_numbered_on(report: Report) -> None:
    commune = report.lists[0]
    entry = commune.entries[0]
    many = tuple(dataclasses.replace(entry, id=f"X{n}") for n in range(PAGE_ROWS * 2 + 3))
    long = dataclasses.replace(report, lists=(dataclasses.replace(commune, entries=many),))
    pages = list(list_pages(long, "bao-cao-2026.html"))
    code = commune.code
    assert [p.name for p in pages] == [f"{code}.html", f"{code}-2.html", f"{code}-3.html"]
    assert pages[0].html.count("<tr><td") == PAGE_ROWS
    assert "<td class=\"num\">501</td><td>X500</td>" in pages[1].html   # STT goes on
    assert pages[2].html.count("<tr><td") == 3
    assert f'<a href="{code}-2.html" rel="prev">' in pages[2].html
    assert f'<a href="{code}-3.html" aria-current="page">3</a>' in pages[2].html
    assert commune.rest in pages[2].html and commune.rest not in pages[0].html
    toc = lists_toc(long, LISTS)
    assert "".join(f'<a href="{LISTS}/{p.name}">{n}</a>' if n == 1 else
                   f' <a href="{LISTS}/{p.name}">{n}</a>'
                   for n, p in enumerate(pages, start=1)) in toc
    assert f'<td class="num">{report.number(len(many))}</td>' in toc


def test_the_workbook_lists_the_recognised_and_counts_the_rest(report: Report,
                                                              tmp_path: Path) -> None:
    write_xlsx(report, tmp_path / "bao-cao-2026.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "bao-cao-2026.xlsx")["Danh sách đề nghị công nhận"]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
    ids = [r[4] for r in rows]
    assert "F4" in ids and "F5" not in ids and "U2" not in ids
    assert ("Phường Bắc Kạn", "01843", 1, 1) in [r[:4] for r in rows]
    assert rows[2][0].startswith("Các đối tượng đạt tiêu chí, đề nghị công nhận")



@pytest.mark.parametrize("rows", [1, 3, 4, 13, 14, 100])
def test_a_list_longer_than_a_sheet_goes_on_over_sheets_losing_no_one(
        report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    # a sheet holds 1,048,576 rows and XlsxWriter drops the rows past it without a word:
    # a province's list must go on, every subject on exactly one sheet, numbered as in one
    monkeypatch.setattr(_write_xlsx, "LIST_ROWS", rows)
    write_xlsx(report, tmp_path / "bao-cao-2026.xlsx")
    book = openpyxl.load_workbook(tmp_path / "bao-cao-2026.xlsx")
    title = "Danh sách đề nghị công nhận"
    listed = sum(len(c.entries) for c in report.lists)
    parts = max(1, -(-listed // rows))
    names = [n for n in book.sheetnames if n.startswith(title[:20])]
    assert names == [title, *(f"{title[:31 - len(f' ({k})')]} ({k})"
                              for k in range(2, parts + 1))]   # 31 characters at most
    assert book.sheetnames[-1] != names[-1]         # the sources sheet still comes last
    found, rests = [], []
    for k, name in enumerate(names, 1):
        values = [r for r in book[name].iter_rows(values_only=True)]
        head = next(i for i, r in enumerate(values) if r[0] == "STT")
        table = [r for r in values[head + 1:] if isinstance(r[0], int) and r[4] is not None]
        assert len(table) <= rows
        found += [(r[0], r[2], r[4]) for r in table]
        rests.append(any(r[0] == "Xã/phường" for r in values[head + 1:]))
        said = [r[0] for r in values[:head] if r[0] and str(r[0]).startswith("Phần")]
        assert said == ([f"Phần {k}/{parts} của danh sách (một trang tính chứa được {rows} "
                         "dòng); số thứ tự tiếp nối phần trước."] if parts > 1 else [])
    one_sheet = []
    for commune in report.lists:
        model, n = None, 0
        for entry in commune.entries:
            model, n = entry.model, (n + 1 if entry.model == model else 1)
            one_sheet.append((n, commune.code, entry.id))
    assert found == one_sheet and len(found) == listed == 14
    assert rests == [False] * (len(names) - 1) + [True]   # the communes' rest: once, at the end

# --- the notice on the criteria sets applied ----------------------------------------------

NOTICE = "Lưu ý về nguồn của bộ tiêu chí"
FAMILY_LINE = ("Lưu ý: bộ tiêu chí “Gia đình học tập” (test/family; văn bản nguồn: chưa xác "
               "định) có 1/1 chỉ tiêu chưa được đối chiếu với văn bản gốc (verified: false); "
               "đã đối chiếu 0/1 chỉ tiêu (0%).")
CLOSING = ("Các chỉ tiêu chưa đối chiếu là bản dựng lại khi chưa tìm được văn bản chính thức; "
           "cần đối chiếu với văn bản gốc trước khi dùng kết quả để công nhận chính thức.")


def test_a_notice_names_each_set_its_source_and_how_many_indicators_are_verified(
        report: Report) -> None:
    notice = report.notice
    assert notice is not None and notice.heading == NOTICE
    assert notice.lines[0] == FAMILY_LINE
    assert [line.split("(")[1].split(";")[0] for line in notice.lines] == [
        "test/family", "test/clan", "test/community", "test/unit", "test/citizen"]
    assert (notice.closing, notice.unverified, notice.indicators) == (CLOSING, 5, 5)
    family = report.sets[0]
    assert (family.document, family.indicators, family.verified) == (None, 1, 0)


def test_the_page_shows_the_notice_under_the_cover_before_the_figures(report: Report) -> None:
    html = render_html(report)
    notice = html.index('<aside class="notice" id="luu-y" role="note">')
    assert html.index("</header>") < notice < html.index('<section id="tong-hop">')
    assert f"<h2>{NOTICE}</h2>" in html and f"<li>{FAMILY_LINE}</li>" in html
    assert f"<p>{CLOSING}</p>" in html
    sources = html[html.index('<section id="nguon">'):]
    assert "<td>chưa xác định</td><td class=\"num\">0/1 (0%)</td>" in sources


def test_the_workbook_shows_the_notice_above_the_summary(report: Report,
                                                          tmp_path: Path) -> None:
    write_xlsx(report, tmp_path / "bao-cao-2026.xlsx")
    book = openpyxl.load_workbook(tmp_path / "bao-cao-2026.xlsx")
    column = [row[0] for row in book["Tổng hợp"].iter_rows(max_row=12, values_only=True)]
    assert report.notice is not None
    assert column[3:10] == [NOTICE, FAMILY_LINE, *report.notice.lines[1:], CLOSING]
    assert column[10:12] == [None, "Địa bàn"]
    sources = [r for r in book["Nguồn số liệu"].iter_rows(values_only=True)
               if r[1] == "test/family"]
    assert sources[0][3:5] == ("chưa xác định", "0/1 (0%)")


FAMILY_CHECKED = """\
format: learning-models/criteria-set/1
id: test/family
model: family
period: 2021-2030
title: {vi: Gia đình học tập, en: Learning family}
source: {document: Quyết định thử 1/QĐ-HKH, verified: true}
inputs:
  ok: {type: boolean}
criteria:
  - id: A
    title: {vi: Tiêu chuẩn chung, en: The standard}
    indicators:
      - {id: A1, title: {vi: Đạt tiêu chuẩn, en: Meets the standard}, points: 60, when: ok}
      - {id: A2, title: {vi: Đạt tiếp, en: Meets more}, points: 40, when: ok}
recognition:
  pass: total >= 100
"""
OVERLAY = """\
format: learning-models/overlay/1
name: local/extra
target: test/family
source: {verified: false, note: a test overlay}
replace:
  indicators:
    - id: A2
      title: {vi: Đạt tiếp theo cách địa phương, en: Meets more locally}
      points: 40
      when: ok
      source: {verified: false, note: a local change}
"""


def checked_family(tmp_path: Path, *overlays: str) -> DatasetEvaluation:
    """The test data (families and areas only) under FAMILY_CHECKED, with `overlays`."""
    (tmp_path / "sets").mkdir()
    (tmp_path / "sets" / "family.yaml").write_text(FAMILY_CHECKED, encoding="utf-8")
    files = []
    for n, text in enumerate(overlays):
        files.append(tmp_path / f"overlay-{n}.yaml")
        files[-1].write_text(text, encoding="utf-8")
    catalog = lm.Catalog.default([tmp_path / "sets"], shipped=False, overlays=files)
    data = tmp_path / "data"
    data.mkdir()
    for name in ("areas.csv", "family.csv"):
        (data / name).write_bytes((DATA / "2026" / name).read_bytes())
    return evaluate_dataset(read_dataset(data), year=2026, catalog=catalog)


def test_a_set_resting_on_its_document_is_named_without_a_warning(tmp_path: Path) -> None:
    evaluation = checked_family(tmp_path)
    notice = build_report(evaluation, rollup(evaluation)).notice
    assert notice is not None and (notice.heading, notice.closing) == ("Nguồn của bộ tiêu chí", "")
    assert notice.lines == ("Bộ tiêu chí “Gia đình học tập” (test/family; văn bản nguồn: "
                            "Quyết định thử 1/QĐ-HKH): cả 2/2 chỉ tiêu đã được đối chiếu với "
                            "văn bản gốc.",)
    assert '<aside class="notice verified" id="luu-y" role="note">' in render_html(
        build_report(evaluation, rollup(evaluation)))


def test_the_notice_counts_what_an_overlay_left_unverified_and_names_the_overlay(
        tmp_path: Path) -> None:
    evaluation = checked_family(tmp_path, OVERLAY)
    report = build_report(evaluation, rollup(evaluation))
    assert report.notice is not None and report.notice.lines == (
        "Lưu ý: bộ tiêu chí “Gia đình học tập” (test/family; văn bản nguồn: Quyết định thử "
        "1/QĐ-HKH) có 1/2 chỉ tiêu chưa được đối chiếu với văn bản gốc (verified: false); đã "
        "đối chiếu 1/2 chỉ tiêu (50%).",
        "Bộ tiêu chí test/family được điều chỉnh tại địa phương: “local/extra” (tệp điều "
        "chỉnh) — thay chỉ số A2.")
    assert report.notice.closing == CLOSING


# --- the area the report is about: the one the targets name ------------------------------

CITY_AREAS = """\
code,name,level,parent,households
06,Tỉnh Bắc Kạn,province,,
058,Thành phố Bắc Kạn,district,06,
01840,Phường Đức Xuân,commune,058,3
01843,Phường Phùng Chí Kiên,commune,058,2
"""
CITY_FAMILIES = """\
id,name,area,ok
H1,Gia đình ông Hoàng Văn Thụ,01840,có
H2,Gia đình bà Nông Thị Xuân,01840,không
H3,Gia đình ông Ma Văn Đức,01843,có
"""


@pytest.fixture(scope="module")
def city_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province whose only district is the city of the plan, with two of its wards."""
    folder = tmp_path_factory.mktemp("city") / "2024"
    folder.mkdir()
    (folder / "areas.csv").write_text(CITY_AREAS, encoding="utf-8")
    (folder / "family.csv").write_text(CITY_FAMILIES, encoding="utf-8")
    return folder


def city_report(folder: Path, targets: object) -> Report:
    evaluation = evaluate_dataset(read_dataset(folder), year=2024,
                                  sets={"family": sets()["family"]})
    return build_report(evaluation, rollup(evaluation, targets),  # type: ignore[arg-type]
                        targets=targets)  # type: ignore[arg-type]


def test_the_title_names_the_area_of_the_targets_not_the_root(city_data: Path) -> None:
    report = city_report(city_data, lm.load_targets("bac-kan-city"))
    assert report.subtitle == "Thành phố Bắc Kạn"
    assert [(a.code, a.level) for a in report.summary] == [
        ("058", "district"), ("01840", "commune"), ("01843", "commune")]
    assert '<p class="subtitle">Thành phố Bắc Kạn</p>' in render_html(report)
    by_name = replace(CITY, area={"level": "city", "name": "thành phố Bắc Kạn"})  # no code
    assert [a.code for a in city_report(city_data, by_name).summary] == ["058", "01840", "01843"]


def test_without_targets_or_with_an_area_the_data_lacks_the_root_is_used(
        city_data: Path) -> None:
    for targets in (None, lm.load_targets("vn-387")):
        report = city_report(city_data, targets)
        assert report.subtitle == "Tỉnh Bắc Kạn"
        assert [a.code for a in report.summary] == ["06", "058", "01840", "01843"]


def test_targets_for_one_ward_show_it_and_the_whole_data_apart(report: Report) -> None:
    evaluation = evaluate(2026)
    ward = replace(CITY, area={"level": "commune", "code": "01840", "name": "Phường Đức Xuân"})
    narrow = build_report(evaluation, rollup(evaluation, ward), targets=ward)
    assert narrow.subtitle == "Phường Đức Xuân"
    assert [(a.code, a.name) for a in narrow.summary] == [
        ("*", "Toàn bộ dữ liệu"), ("01840", "Phường Đức Xuân")]
    assert [c.code for c in narrow.lists] == [c.code for c in report.lists]


def test_the_report_in_english(evaluation: DatasetEvaluation) -> None:
    english = build_report(evaluation, rollup(evaluation, CITY), lang="en")
    assert english.title == "Learning models: annual report 2026"
    assert english.summary[1].figures[0].assessment == \
        "needs 8 more learning families to reach 95%"
    assert english.lists[1].entries[1].status_text == "Recognised"
    assert english.lists[1].rest == "Not listed: 1 not recognised, 1 incomplete (see " \
        "results.csv)."
    assert english.notice is not None and english.notice.lines[0] == (
        "Note: the criteria set “Learning family” (test/family; source document: none named) "
        "has 1 of 1 indicators not checked against the original document (verified: false); "
        "0 of 1 are verified (0%).")
    assert english.percent(2 / 3) == "66.7%"
    html = render_html(english)
    assert '<html lang="en">' in html and "Recognition lists" in html


# --- golden files -------------------------------------------------------------------------


def test_outputs_match_their_golden_files(report: Report, basis: ReportBasis,
                                          evaluation: DatasetEvaluation,
                                          tmp_path: Path, update_goldens: bool) -> None:
    write_all(report, basis, tmp_path)
    for name in OUTPUTS[1:]:
        check_golden(name, normalised((tmp_path / name).read_text("utf-8")), update_goldens)
    pages = sorted(p.name for p in (tmp_path / LISTS).iterdir())
    if not update_goldens:
        assert pages == sorted(p.name for p in (EXPECTED / LISTS).iterdir())
    for name in pages:
        check_golden(f"{LISTS}/{name}", (tmp_path / LISTS / name).read_text("utf-8"),
                     update_goldens)
    check_golden("bao-cao-2026.xlsx.txt", normalised(dump_xlsx(tmp_path / "bao-cao-2026.xlsx")),
                 update_goldens)
    # rollup.json is the roll-up the report rests on, as `Rollup.to_json` gives it
    assert (tmp_path / "rollup.json").read_text("utf-8") == \
        rollup(evaluation, CITY, previous=[evaluate(2024)]).to_json()


TWO_SETS = REPORT / "two-sets"


def test_two_sets_of_one_model_are_counted_across_and_per_set_in_every_output(
        tmp_path: Path, update_goldens: bool) -> None:
    data = tmp_path / "2026"
    data.mkdir()
    for file in (DATA / "2026").iterdir():
        (data / file.name).write_bytes(file.read_bytes())
    (data / "unit.csv").write_bytes((TWO_SETS / "2026" / "unit.csv").read_bytes())
    units = tuple(lm.load_criteria(p) for p in sorted((TWO_SETS / "sets").glob("*.yaml")))
    chosen: dict[str, lm.CriteriaSet | tuple[lm.CriteriaSet, ...]] = {
        m: s for m, s in sets().items() if m != "unit"}
    chosen["unit"] = units
    evaluation = evaluate_dataset(read_dataset(data), year=2026, sets=chosen)
    assert [(e.record, e.code) for e in evaluation.errors if e.file.endswith("unit.csv")] \
        == [("U4", "no-set-applies")]
    summary = rollup(evaluation, CITY)
    whole = summary.area("*").models["unit"]
    assert (whole.evaluated, whole.recognised, whole.rejected) == (3, 2, 1)
    assert [(s.criteria_set, s.evaluated, s.recognised) for s in whole.by_set] == [
        ("test/unit-commune", 2, 1), ("test/unit-province", 1, 1)]
    report = build_report(evaluation, summary, targets=CITY)
    table = next(t for t in report.tables if t.model == "unit")
    assert table.title == "Đơn vị học tập" and len(table.by_set) == 2
    assert [s.id for s in report.sets if s.model == "unit"] == [
        "test/unit-commune", "test/unit-province"]
    out = tmp_path / "out"
    out.mkdir()
    write_all(report, ReportBasis(evaluation, (), summary), out)
    expected = TWO_SETS / "expected"
    for name in ("bao-cao-2026.html", "results.json", "results.csv", "errors.csv",
                 "rollup.json"):
        _check_two_sets(expected / name, normalised((out / name).read_text("utf-8")),
                        update_goldens)
    _check_two_sets(expected / "bao-cao-2026.xlsx.txt",
                    normalised(dump_xlsx(out / "bao-cao-2026.xlsx")), update_goldens)


def _check_two_sets(path: Path, actual: str, update: bool) -> None:
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path.name}; run pytest --update-goldens"
    assert actual == path.read_text(encoding="utf-8"), \
        f"{path.name} differs from its golden file; if the change is intended, run " \
        "pytest --update-goldens and review the diff"


# --- reproducibility and atomic writes ----------------------------------------------------


def test_two_runs_give_identical_bytes(report: Report, basis: ReportBasis,
                                       tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_all(report, basis, first)
    earlier = (evaluate(2024),)
    fresh = evaluate(2026)
    again = ReportBasis(fresh, earlier, rollup(fresh, CITY, previous=earlier))
    assert again.rollup is not None
    write_all(build_report(fresh, again.rollup, targets=CITY, previous=earlier), again, second)
    for name in (*OUTPUTS, *(f"{LISTS}/{p.name}" for p in (first / LISTS).iterdir())):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_failure_half_way_leaves_no_half_file(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_text("the old report\n")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("<html><body>half of the new")
        raise RuntimeError("disk full")
    assert target.read_text() == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


def test_a_workbook_that_fails_while_being_built_is_not_left_behind(
        report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("interrupted while writing the lists")

    monkeypatch.setattr(_write_xlsx, "_lists", broken)
    with pytest.raises(RuntimeError):
        write_xlsx(report, tmp_path / "bao-cao-2026.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_written_files_are_readable_and_utf8(tmp_path: Path) -> None:
    write_text(tmp_path / "x.txt", "Phường Đức Xuân\n")
    assert (tmp_path / "x.txt").read_bytes() == "Phường Đức Xuân\n".encode()
    assert oct(os.stat(tmp_path / "x.txt").st_mode & 0o777) == "0o644"


# --- the workbook and the page ------------------------------------------------------------


def test_the_workbook_layout(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao-2026.xlsx"
    write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Tổng hợp", "Gia đình học tập", "Dòng họ học tập",
                               "Cộng đồng học tập", "Đơn vị học tập", "Công dân học tập",
                               "Danh sách đề nghị công nhận", "Nguồn số liệu"]
    summary = book["Tổng hợp"]
    assert summary.freeze_panes == "B13"          # the header, under the notice on the sets
    assert summary["A4"].value == "Lưu ý về nguồn của bộ tiêu chí"
    assert summary["A12"].value == "Địa bàn" and summary["H12"].value == "Tỷ lệ"
    assert summary["H13"].number_format == "0.0%"
    assert summary.column_dimensions["L"].width > 20
    assert book.properties.created is not None and book.properties.created.year == 2026
    lists = book["Danh sách đề nghị công nhận"]
    names = [row[5] for row in lists.iter_rows(min_row=5, values_only=True)]
    assert "Gia đình bà Triệu Thị Dung" in names


def test_each_model_sheet_has_a_native_chart_of_the_rates_against_the_target(
        report: Report, tmp_path: Path) -> None:
    import zipfile

    write_xlsx(report, tmp_path / "bao-cao-2026.xlsx")
    with zipfile.ZipFile(tmp_path / "bao-cao-2026.xlsx") as book:
        charts = sorted(n for n in book.namelist() if n.startswith("xl/charts/chart"))
        xml = [book.read(n).decode("utf-8") for n in charts]
    assert len(charts) == len([t for t in report.tables if any(r.code != "*" for r in t.rows)])
    family = xml[0]
    assert "<c:barChart>" in family and "<c:lineChart>" in family    # bars, the target line
    assert "'Gia đình học tập'!$K$" in family and "'Gia đình học tập'!$L$" in family
    assert 'prstDash val="dash"' in family


def test_the_workbook_lists_put_stt_first_and_titles_group_thousands(
        report: Report, tmp_path: Path) -> None:
    big = dataclasses.replace(report, evaluated=34008, rejected=1200)
    write_xlsx(big, tmp_path / "bao-cao-2026.xlsx")
    book = openpyxl.load_workbook(tmp_path / "bao-cao-2026.xlsx")
    lists = book["Danh sách đề nghị công nhận"]
    header = next(r for r in lists.iter_rows(values_only=True) if r[0] == "STT")
    assert header[:3] == ("STT", "Xã/phường", "Mã")
    assert "35.208 hồ sơ đầu vào: 34.008 đã đánh giá, 1.200 bị từ chối" in lists["A2"].value


def test_the_page_is_self_contained(report: Report) -> None:
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert '<meta charset="utf-8">' in html
    assert "@media print" in html and "break-before: page" in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert html.count('<figure class="chart"') == len(report.tables)
    assert "cần thêm 8 gia đình học tập để đạt 95%" in html


# --- the command --------------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_report_command_writes_everything_and_exits_1_on_rejections(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cli_report, "load_targets", lambda which, models=None, sets=None: CITY)
    out = tmp_path / "report"
    status, stdout, stderr = run(
        ["report", str(DATA / "2026"), "--year", "2026", "--targets", "test/city",
         "--out", str(out), "--criteria-dir", str(SETS), "--no-shipped",
         "--previous", str(DATA / "2024"), "--previous-year", "2024"], capsys)
    assert status == 1
    assert sorted(p.name for p in out.iterdir()) == sorted((*OUTPUTS, LISTS))
    assert "24 hồ sơ đầu vào: 22 đã đánh giá, 2 bị từ chối" in stdout
    assert "Gia đình học tập: 6 đã đánh giá — 4 đạt" in stdout
    assert "cần thêm 15 gia đình học tập để đạt 95%" in stdout
    assert "F7: 'ok' phải là có/không" in stderr
    assert "█" not in stderr                      # not a terminal: no progress bar
    assert json.loads((out / "results.json").read_text("utf-8"))["year"] == 2026


def city_plan(folder: Path) -> Path:
    """The city's targets, their unit target counting the unit set of the test sets (`SETS`,
    read with --no-shipped: a target's sets must be sets of the catalogue in use)."""
    folder.mkdir(exist_ok=True)
    plan = folder / "plan.yaml"
    plan.write_text(shipped_targets()["bac-kan-city"].read_text("utf-8").replace(
        "sets: [vn/unit]", "sets: [test/unit]"), encoding="utf-8")
    return plan


def test_the_command_names_the_area_of_the_targets(
        city_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, stdout, _ = run(["report", str(city_data), "--year", "2024", "--targets",
                             str(city_plan(tmp_path)), "--out", str(tmp_path / "out"),
                             "--criteria-dir",
                             str(SETS), "--no-shipped", "--format", "html"], capsys)
    assert status == 0
    assert stdout.splitlines()[0] == \
        "Báo cáo kết quả xây dựng các mô hình học tập năm 2024 — Thành phố Bắc Kạn"


def test_previous_datasets_need_their_years(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    status, _, stderr = run(["report", str(DATA / "2026"), "--year", "2026", "--out",
                             str(tmp_path), "--previous", str(DATA / "2024")], capsys)
    assert status == 2 and "--previous-year" in stderr


def test_a_workbook_is_read_as_a_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    from learning_models._plugins import builtin

    seen: list[Path] = []
    monkeypatch.setattr(builtin, "read_workbook", lambda path: seen.append(path) or "book")
    assert _cli_report.read_data(Path("du-lieu-2026.xlsx")) == "book"
    assert seen == [Path("du-lieu-2026.xlsx")]
    assert _cli_report.read_data(DATA / "2026").tables.keys() >= {"family", "citizen"}


def test_the_report_as_plain_data_is_json_ready(report: Report) -> None:
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["title"] == report.title and data["lists"][0]["code"] == "01840"


def test_progress_is_drawn_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    with Progress(["a", "b"], stream=shown) as progress:
        with progress.stage("Đọc dữ liệu"):
            pass
        with progress.stage("Đánh giá"):
            pass
    assert "\r[" in shown.getvalue() and "2/2 Đánh giá" in shown.getvalue()
    assert shown.getvalue().endswith("\n")
    hidden = io.StringIO()
    with Progress(["a"], stream=hidden) as progress, progress.stage("a"):
        pass
    assert hidden.getvalue() == ""
    quiet = Terminal()
    with Progress(["a"], stream=quiet, enabled=False) as progress, progress.stage("a"):
        pass
    assert quiet.getvalue() == ""


# --- the earlier years' datasets: their rejected records count too ------------------------


@pytest.fixture
def earlier_with_errors(city_data: Path, tmp_path: Path) -> Path:
    """The city data of `city_data` a year before, with one family that cannot be read."""
    folder = tmp_path / "2023"
    folder.mkdir()
    (folder / "areas.csv").write_text(CITY_AREAS, encoding="utf-8")
    (folder / "family.csv").write_text(CITY_FAMILIES + "H9,Gia đình ông Lý Văn Tám,01843,"
                                       "có lẽ\n", encoding="utf-8")
    return folder


def test_records_rejected_from_an_earlier_year_are_reported_and_exit_1(
        city_data: Path, earlier_with_errors: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    plan = city_plan(tmp_path)
    status, stdout, stderr = run(
        ["report", str(city_data), "--year", "2024", "--targets", str(plan), "--out",
         str(out), "--criteria-dir", str(SETS), "--no-shipped", "--previous",
         str(earlier_with_errors), "--previous-year", "2023"], capsys)
    assert status == 1                            # this year's data has no rejected record
    assert "3 hồ sơ đầu vào: 3 đã đánh giá, 0 bị từ chối" in stdout
    assert f"Dữ liệu năm 2023 để so sánh ({earlier_with_errors}): 4 hồ sơ đầu vào, 3 đã " \
        "đánh giá, 1 bị từ chối" in stdout
    assert stderr.startswith(
        f"{earlier_with_errors / 'family.csv'}:5: H9: 'ok' phải là có/không")
    assert (out / "errors.csv").read_text("utf-8").splitlines() == [
        "\ufeffyear,file,row,line,record,field,code,message",      # a BOM: Excel reads UTF-8
        "2023,family.csv,4,5,H9,ok,invalid-record,\"'ok' phải là có/không (hoặc true/false, "
        "1/0), nhưng đã ghi 'có lẽ' (cột 4 'ok')\""]
    note = "Dữ liệu năm 2023 dùng để so sánh có 1 hồ sơ bị từ chối (xem errors.csv); số liệu " \
        "năm 2023 không tính các hồ sơ này."
    assert f"<li>{note}</li>" in (out / "bao-cao-2024.html").read_text("utf-8")


def test_errors_csv_gives_the_year_of_each_rejected_record(
        evaluation: DatasetEvaluation, city_data: Path, earlier_with_errors: Path,
        tmp_path: Path) -> None:
    before = evaluate_dataset(read_dataset(earlier_with_errors), year=2023,
                              sets={"family": sets()["family"]})
    write_results(evaluation, tmp_path, previous=[before])
    years = [line.split(",")[0] for line in
             (tmp_path / "errors.csv").read_text("utf-8").splitlines()[1:]]
    assert years == ["2026", "2026", "2023"]      # this year's first, then the earlier ones


@pytest.mark.parametrize("previous_year", ["2026", "2030"])
def test_an_earlier_year_that_is_not_earlier_is_a_wrong_command_line(
        previous_year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, stdout, stderr = run(
        ["report", str(DATA / "2026"), "--year", "2026", "--out", str(tmp_path / "out"),
         "--previous", str(DATA / "2024"), "--previous-year", previous_year], capsys)
    assert (status, stdout) == (2, "")
    assert f"--previous-year {previous_year} không sớm hơn --year 2026" in stderr
    assert not (tmp_path / "out").exists()


# --- results.csv: where each result comes from --------------------------------------------


def test_results_csv_gives_each_result_its_provenance(evaluation: DatasetEvaluation) -> None:
    import csv

    rows = list(csv.DictReader(io.StringIO(results_csv(evaluation))))
    assert list(rows[0]) == ["model", "id", "name", "area", "total", "max_total", "status",
                             "status_text", "grade", "grade_text", "criteria_set", "period",
                             "content_hash", "engine", "year", "overlays"]
    for row in rows:
        made = evaluation.results[row["model"]].provenance
        assert (row["criteria_set"], row["period"], row["content_hash"], row["engine"],
                row["year"], row["overlays"]) == (
            made.criteria_set, made.period, made.content_hash, VERSION, "2026", "")
        assert len(row["content_hash"]) == 64     # sha256, as results.json gives it


def test_results_csv_gives_statuses_and_grades_in_words_next_to_their_codes(
        evaluation: DatasetEvaluation) -> None:
    import csv

    words = {(r["status"], r["status_text"], r["grade"], r["grade_text"])
             for r in csv.DictReader(io.StringIO(results_csv(evaluation)))}
    assert ("recognised", "Đạt", "good", "Tốt") in words
    assert ("not_recognised", "Không đạt", "", "") in words
    english = {(r["status"], r["status_text"])
               for r in csv.DictReader(io.StringIO(results_csv(evaluation, "en")))}
    assert ("not_recognised", "Not recognised") in english


def test_the_csv_files_start_with_a_bom_unless_asked_not_to(
        evaluation: DatasetEvaluation, tmp_path: Path) -> None:
    with_bom = write_results(evaluation, tmp_path / "a")
    plain = write_results(evaluation, tmp_path / "b", bom=False)
    for a, b in zip(with_bom, plain, strict=True):
        if a.suffix == ".csv":
            assert a.read_bytes() == b"\xef\xbb\xbf" + b.read_bytes()
            assert a.read_text("utf-8-sig") == b.read_text("utf-8")
        else:
            assert a.read_bytes() == b.read_bytes()


def test_csv_encoding_utf_8_drops_the_bom(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    run(["report", str(DATA / "2026"), "--year", "2026", "--out", str(out), "--criteria-dir",
         str(SETS), "--no-shipped", "--format", "results", "--csv-encoding", "utf-8"], capsys)
    assert (out / "results.csv").read_bytes().startswith(b"model,id,")
    assert (out / "errors.csv").read_bytes().startswith(b"year,file,")


def test_results_csv_names_the_overlays_applied(tmp_path: Path) -> None:
    import csv

    evaluation = checked_family(tmp_path, OVERLAY)
    rows = list(csv.DictReader(io.StringIO(results_csv(evaluation))))
    assert {r["overlays"] for r in rows} == {"local/extra"}
    assert {r["content_hash"] for r in rows} == {
        evaluation.results["family"].provenance.content_hash}


# --- rollup.json --------------------------------------------------------------------------


def test_the_report_writes_the_rollup_as_json(basis: ReportBasis, tmp_path: Path) -> None:
    from learning_models._plugins.builtin import ResultsWriter

    written = ResultsWriter().write_run(basis, tmp_path)
    assert [p.name for p in written] == ["results.json", "results.csv", "errors.csv",
                                         "rollup.json"]
    assert basis.rollup is not None
    assert json.loads((tmp_path / "rollup.json").read_text("utf-8")) == basis.rollup.to_dict()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUTS[2:])  # no temporary


# --- a targets' area that a reform removed ------------------------------------------------


def test_an_area_the_reform_removed_is_named_with_the_areas_it_became(
        evaluation: DatasetEvaluation) -> None:
    city = lm.load_targets("bac-kan-city")        # area 058, the city before July 2025
    earlier = [evaluate(2024)]                    # its wards, and the crosswalk to 2026
    report = build_report(evaluation, rollup(evaluation, city, previous=earlier),
                          targets=city, previous=earlier)
    assert report.subtitle == "Thành phố Bắc Kạn (địa bàn cũ): Phường Đức Xuân, Phường Bắc Kạn"
    # the commune 08000 was never part of the city: it is in the whole dataset only
    assert [(a.code, a.name) for a in report.summary] == [
        ("*", "Toàn bộ dữ liệu"), ("01840", "Phường Đức Xuân"), ("01843", "Phường Bắc Kạn")]
    assert report.notes[0] == (
        "Địa bàn của chỉ tiêu, Thành phố Bắc Kạn (mã 058), không có trong danh mục địa bàn "
        "của dữ liệu; theo bảng chuyển đổi địa bàn, nay thuộc: Phường Đức Xuân (01840), "
        "Phường Bắc Kạn (01843). Số liệu tổng hợp là của các địa bàn này.")
    english = build_report(evaluation, rollup(evaluation, city, previous=earlier), lang="en",
                           targets=city, previous=earlier)
    assert english.subtitle == "Bắc Kạn city (former area): Phường Đức Xuân, Phường Bắc Kạn"
    # an area the crosswalk maps itself (the province 06 → 19)
    province = replace(CITY, area={"level": "province", "code": "06", "name": "Tỉnh Bắc Kạn"})
    assert build_report(evaluation, rollup(evaluation, province), targets=province,
                        previous=earlier).subtitle == "Tỉnh Bắc Kạn (địa bàn cũ): Tỉnh Thái Nguyên"


def test_a_removed_area_the_crosswalks_do_not_map_stops_the_report(
        evaluation: DatasetEvaluation) -> None:
    city = lm.load_targets("bac-kan-city")
    # without the earlier year, nothing says which wards the city had: no wider area is
    # measured against the city's targets in its place
    with pytest.raises(lm.LearningModelsError, match=r"Thành phố Bắc Kạn \(mã 058\)"):
        build_report(evaluation, rollup(evaluation, city), targets=city)
    elsewhere = replace(CITY, area={"level": "city", "code": "999", "name": "Thành phố khác"})
    with pytest.raises(lm.LearningModelsError, match="the targets' area, Thành phố khác"):
        build_report(evaluation, rollup(evaluation, elsewhere), targets=elsewhere,
                     previous=[evaluate(2024)], lang="en")


# --- targets that name a model --------------------------------------------------------------


def test_the_report_refuses_a_misspelt_model_and_accepts_one_of_its_catalogue(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = (shipped_targets()["bac-kan-city"].read_text("utf-8")
            .replace("model: clan", "model: clann").replace('code: "058"', 'code: "19"')
            .replace("sets: [vn/unit]", "sets: [test/unit]"))  # the unit set of SETS
    (tmp_path / "typo.yaml").write_text(plan, encoding="utf-8")
    argv = ["report", str(DATA / "2026"), "--year", "2026", "--criteria-dir", str(SETS),
            "--no-shipped", "--format", "results"]
    status, stdout, stderr = run([*argv, "--targets", str(tmp_path / "typo.yaml"), "--out",
                                  str(tmp_path / "a"), "--lang", "en"], capsys)
    assert (status, stdout) == (3, "")
    assert "typo.yaml:" in stderr and "unknown model 'clann'" in stderr
    assert "did you mean 'clan'?" in stderr
    # a model a set of the catalogue governs (here a plugin's would) is known
    library = tmp_path / "library"
    library.mkdir()
    (library / "library.yaml").write_text(
        (SETS / "family.yaml").read_text("utf-8").replace("id: test/family", "id: test/library")
        .replace("model: family", "model: library"), encoding="utf-8")
    (tmp_path / "library.yaml").write_text(plan.replace("model: clann", "model: library"),
                                           encoding="utf-8")
    status, _, stderr = run([*argv, "--criteria-dir", str(library), "--targets",
                             str(tmp_path / "library.yaml"), "--out", str(tmp_path / "b")],
                            capsys)
    assert status == 1 and "unknown model" not in stderr   # 1: the data's rejected records
    assert (tmp_path / "b" / "rollup.json").exists()
