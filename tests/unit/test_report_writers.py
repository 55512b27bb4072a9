"""The annual report: its data model, the workbook, the web page and the result files —
golden files (regenerate with ``--update-goldens``), byte-for-byte reproducibility, atomic
writes, and the ``report`` command.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import openpyxl
import pytest
from report_data import CITY, DATA, REPORT, SETS, evaluate

import learning_models as lm
from learning_models import _cli_report, _write_xlsx
from learning_models._cli import main
from learning_models._pipeline import DatasetEvaluation
from learning_models._progress import Progress
from learning_models._report import Report, build_report
from learning_models._rollup import rollup
from learning_models._write_html import render_html, write_html
from learning_models._write_xlsx import write_xlsx
from learning_models._writers import atomic_path, write_results, write_text

EXPECTED = REPORT / "expected"
OUTPUTS = ("bao-cao-2026.xlsx", "bao-cao-2026.html", "results.json", "results.csv",
           "errors.csv")
VERSION = f"learning-models {lm.__version__}"


@pytest.fixture(scope="module")
def evaluation() -> DatasetEvaluation:
    return evaluate(2026)


@pytest.fixture(scope="module")
def report(evaluation: DatasetEvaluation) -> Report:
    return build_report(evaluation, rollup(evaluation, CITY, previous=[evaluate(2024)]))


def write_all(report: Report, evaluation: DatasetEvaluation, out: Path) -> None:
    write_xlsx(report, out / "bao-cao-2026.xlsx")
    write_html(report, out / "bao-cao-2026.html")
    write_results(evaluation, out)


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


def test_recognition_lists_per_commune(report: Report) -> None:
    assert [(c.code, c.name) for c in report.lists] == [
        ("01840", "Phường Đức Xuân"), ("01843", "Phường Bắc Kạn"), ("08000", "Xã Thử Nghiệm")]
    bac_kan = report.lists[1].entries
    assert [(e.id, e.total, e.grade, e.status_text) for e in bac_kan] == [
        ("F4", 100.0, "Tốt", "Đạt"), ("F5", 0.0, "", "Chưa đủ minh chứng"),
        ("V3", 100.0, "Tốt", "Đạt"), ("U2", 0.0, "", "Không đạt"),
        ("C5", 80.0, "Khá", "Đạt"), ("C9", 100.0, "Tốt", "Đạt")]
    assert bac_kan[0].name == "Gia đình bà Triệu Thị Dung"
    assert bac_kan[0].model_title == "Gia đình học tập"


def test_the_report_in_english(evaluation: DatasetEvaluation) -> None:
    english = build_report(evaluation, rollup(evaluation, CITY), lang="en")
    assert english.title == "Learning models: annual report 2026"
    assert english.summary[1].figures[0].assessment == \
        "needs 8 more learning families to reach 95%"
    assert english.lists[1].entries[1].status_text == "Incomplete"
    assert english.percent(2 / 3) == "66.7%"
    html = render_html(english)
    assert '<html lang="en">' in html and "Recognition lists" in html


# --- golden files -------------------------------------------------------------------------


def test_outputs_match_their_golden_files(report: Report, evaluation: DatasetEvaluation,
                                          tmp_path: Path, update_goldens: bool) -> None:
    write_all(report, evaluation, tmp_path)
    for name in OUTPUTS[1:]:
        check_golden(name, normalised((tmp_path / name).read_text("utf-8")), update_goldens)
    check_golden("bao-cao-2026.xlsx.txt", normalised(dump_xlsx(tmp_path / "bao-cao-2026.xlsx")),
                 update_goldens)
    check_golden("rollup-2026.json",
                 rollup(evaluation, CITY, previous=[evaluate(2024)]).to_json(),
                 update_goldens)


# --- reproducibility and atomic writes ----------------------------------------------------


def test_two_runs_give_identical_bytes(report: Report, evaluation: DatasetEvaluation,
                                       tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_all(report, evaluation, first)
    again = build_report(evaluate(2026), rollup(evaluate(2026), CITY,
                                                previous=[evaluate(2024)]))
    write_all(again, evaluate(2026), second)
    for name in OUTPUTS:
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
    assert summary.freeze_panes == "B5"
    assert summary["A4"].value == "Địa bàn" and summary["H4"].value == "Tỷ lệ"
    assert summary["H5"].number_format == "0.0%"
    assert summary.column_dimensions["L"].width > 20
    assert book.properties.created is not None and book.properties.created.year == 2026
    lists = book["Danh sách đề nghị công nhận"]
    names = [row[5] for row in lists.iter_rows(min_row=5, values_only=True)]
    assert "Gia đình bà Triệu Thị Dung" in names


def test_the_page_is_self_contained(report: Report) -> None:
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert '<meta charset="utf-8">' in html
    assert "@media print" in html and "break-before: page" in html
    assert "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert html.count("<svg") == len(report.tables)
    assert "cần thêm 8 gia đình học tập để đạt 95%" in html


# --- the command --------------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_report_command_writes_everything_and_exits_1_on_rejections(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cli_report, "load_targets", lambda which: CITY)
    out = tmp_path / "report"
    status, stdout, stderr = run(
        ["report", str(DATA / "2026"), "--year", "2026", "--targets", "test/city",
         "--out", str(out), "--criteria-dir", str(SETS), "--no-shipped",
         "--previous", str(DATA / "2024"), "--previous-year", "2024"], capsys)
    assert status == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    assert "24 hồ sơ đầu vào: 22 đã đánh giá, 2 bị từ chối" in stdout
    assert "Gia đình học tập: 6 đã đánh giá — 4 đạt" in stdout
    assert "cần thêm 15 gia đình học tập để đạt 95%" in stdout
    assert "F7: 'ok' must be yes/no" in stderr
    assert "█" not in stderr                      # not a terminal: no progress bar
    assert json.loads((out / "results.json").read_text("utf-8"))["year"] == 2026


def test_previous_datasets_need_their_years(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    status, _, stderr = run(["report", str(DATA / "2026"), "--year", "2026", "--out",
                             str(tmp_path), "--previous", str(DATA / "2024")], capsys)
    assert status == 2 and "--previous-year" in stderr


def test_a_workbook_is_read_as_a_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    from learning_models import _excel

    seen: list[Path] = []
    monkeypatch.setattr(_excel, "read_workbook", lambda path: seen.append(path) or "book")
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
