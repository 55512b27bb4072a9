"""The command line given wrong input, as a new user gives it: missing files and folders,
outputs that cannot be written, unknown names. Each gives one clear message on standard
error (what is wrong, where, what was expected) and the documented exit status: 2 for a
command line wrong in itself, 1 for a problem with the files and folders it names.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from builders import MINI, mini
from report_data import DATA, SETS
from test_cli import run

from learning_models._cli import entry as _cli
from learning_models._cli import main
from learning_models._cli import report as _cli_report
from learning_models.errors import LearningModelsError

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
SET = str(EXAMPLES / "family-set.yaml")
GOOD = str(EXAMPLES / "households.csv")
REPORT = ["report", str(DATA / "2026"), "--year", "2026", "--criteria-dir", str(SETS),
          "--no-shipped", "--quiet", "--format", "results"]
CRITERIA_DIR_HINT = "  gợi ý: hãy chỉ một thư mục chứa các bộ tiêu chí (*.yaml)\n"


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # paths named as a user names them: relative


# --- report --out, template -o: where the files go -----------------------------------------------


def test_report_into_a_file_says_it_is_not_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    Path("taken").write_text("mine\n", "utf-8")
    assert run(capsys, *REPORT, "--out", "taken") == (
        3, "", "không ghi được báo cáo vào 'taken': nó là một tệp, không phải thư mục\n")
    assert Path("taken").read_text("utf-8") == "mine\n"


def test_report_below_a_file_names_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    Path("taken").write_text("mine\n", "utf-8")
    assert run(capsys, *REPORT, "--out", "taken/2026") == (
        3, "", "không ghi được báo cáo vào 'taken/2026': 'taken' là một tệp, không phải thư "
        "mục\n")


def test_report_into_a_folder_that_cannot_be_written_says_so(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("locked").mkdir()
    real = os.access
    monkeypatch.setattr(os, "access",
                        lambda path, mode: Path(path).name != "locked" and real(path, mode))
    assert run(capsys, *REPORT, "--out", "locked") == (
        3, "", "không ghi được báo cáo vào 'locked': không có quyền ghi\n")
    assert run(capsys, *REPORT, "--out", "locked", "--lang", "en") == (
        3, "", "cannot write the report to 'locked': permission denied\n")


def test_a_built_in_writer_failing_on_the_disk_names_the_folder_and_the_reason() -> None:
    class Writer:
        name = "results"

        def write(self, report: object, out: Path) -> list[Path]:
            raise PermissionError(13, "Permission denied", str(out / "results.json"))

    with pytest.raises(LearningModelsError) as caught:
        _cli_report.write_report(object(), Path("out"), [Writer()],  # type: ignore[arg-type]
                                 {"results": "builtin-writers"})
    assert str(caught.value) == ("cannot write the report to 'out': permission denied on "
                                 f"{str(Path('out') / 'results.json')!r}")


def test_the_report_still_goes_into_a_new_folder(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *REPORT, "--out", "new/2026")
    assert status == 1  # the golden data has rejected records
    assert sorted(p.name for p in Path("new/2026").iterdir()) == [
        "errors.csv", "results.csv", "results.json", "rollup.json"]
    assert "new/2026/results.json" in out


def test_template_needs_the_xlsx_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "template", "--year", "2024", "-o", "mau.txt") == (
        2, "", "sổ nhập liệu phải là một tệp có đuôi .xlsx, không phải 'mau.txt'\n")
    assert not Path("mau.txt").exists()


def test_template_into_a_folder_is_a_wrong_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("book.xlsx").mkdir()
    assert run(capsys, "template", "--year", "2024", "-o", "book.xlsx") == (
        2, "", "sổ nhập liệu phải là một tệp có đuôi .xlsx, không phải thư mục 'book.xlsx'\n")


def test_template_keeps_an_existing_file_unless_forced(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("mau.xlsx").write_bytes(b"my work")
    assert run(capsys, "template", "--year", "2024", "-o", "mau.xlsx") == (
        3, "", "'mau.xlsx' đã có; thêm --force để ghi đè, hoặc chọn tên khác\n")
    assert Path("mau.xlsx").read_bytes() == b"my work"
    status, _, err = run(capsys, "template", "--year", "2024", "-o", "mau.xlsx", "--force")
    assert status == 0 and err.startswith("mau.xlsx: ")
    assert Path("mau.xlsx").read_bytes()[:2] == b"PK"  # a workbook (a zip file) now


def test_template_below_a_file_names_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    Path("taken").write_text("mine\n", "utf-8")
    assert run(capsys, "template", "--year", "2024", "-o", "taken/mau.xlsx") == (
        3, "", "không ghi được sổ nhập liệu vào 'taken/mau.xlsx': 'taken' là một tệp, không "
        "phải thư mục\n")


def test_template_makes_the_folder_of_the_workbook(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(capsys, "template", "--year", "2024", "-o", "forms/mau.xlsx")
    assert status == 0
    assert Path("forms/mau.xlsx").is_file()


def test_template_for_a_year_no_set_governs_lists_the_periods(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "template", "--year", "1999", "-o", "mau.xlsx") == (
        3, "", "không có bộ tiêu chí nào có hiệu lực năm 1999; giai đoạn của các bộ: "
        "2021-2025, 2021-2030, 2026-2030\n")
    assert not Path("mau.xlsx").exists()


# --- --criteria-dir, --overlay: what the catalogue is built from ---------------------------------


@pytest.mark.parametrize("argv", [
    ["list"], ["show", "vn/2021-2025/family"], ["validate", SET], ["lint", SET], ["test"],
    ["diff", "vn/2021-2025/family", "vn/2026-2030/family"],
    ["evaluate", "--criteria", SET, "--input", GOOD],
    ["explain", "--criteria", SET, "--input", GOOD, "--subject", "HH-001"],
    ["schema", "evidence", "--criteria", SET], ["template", "--year", "2024"],
    ["report", str(DATA / "2026"), "--year", "2026"],
], ids=lambda argv: argv[0])
def test_a_missing_criteria_dir_is_named_by_every_command(
        capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert run(capsys, *argv, "--criteria-dir", "nosuchdir") == (
        3, "", "không có thư mục 'nosuchdir' (--criteria-dir) [file-not-found]\n"
        + CRITERIA_DIR_HINT)


def test_a_missing_overlay_file_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "list", "--overlay", "local.yaml")
    assert status == 3
    assert err.startswith("không có tệp điều chỉnh 'local.yaml' (--overlay) [file-not-found]\n")


@pytest.mark.parametrize("command", ["list", "validate", "lint", "test", "diff", "show",
                                     "evaluate", "explain", "schema", "template", "report"])
def test_every_command_reading_criteria_takes_the_same_catalogue_options(command: str) -> None:
    sub = next(a for a in _cli._parser()._actions
               if isinstance(a, argparse._SubParsersAction))
    options = {o for a in sub.choices[command]._actions for o in a.option_strings}
    assert {"--criteria-dir", "--overlay", "--no-plugins"} <= options


# An overlay on test/mini: a mandatory indicator that no household can meet.
OVERLAY = """\
format: learning-models/overlay/1
name: local/impossible
target: test/mini
source: {verified: false, note: a test}
add:
  indicators:
    - criterion: C1
      id: C1.2
      title: {vi: Rất đông người lớn, en: Very many adults}
      points: 5
      mandatory: true
      when: adults >= 50
"""


def test_lint_applies_the_overlays_named(capsys: pytest.CaptureFixture[str]) -> None:
    Path("set.yaml").write_text(MINI, "utf-8")
    Path("overlay.yaml").write_text(OVERLAY, "utf-8")
    assert run(capsys, "lint", "--lang", "en", "set.yaml", "--no-plugins")[0] == 0
    status, _, err = run(capsys, "lint", "--lang", "en", "set.yaml", "--overlay", "overlay.yaml")
    assert status == 1
    assert "[unreachable-mandatory]" in err


def test_diff_applies_the_overlays_named(capsys: pytest.CaptureFixture[str]) -> None:
    Path("old.yaml").write_text(mini("id: test/mini", "id: test/old"), "utf-8")
    Path("set.yaml").write_text(MINI, "utf-8")
    Path("overlay.yaml").write_text(OVERLAY, "utf-8")
    status, out, _ = run(capsys, "diff", "old.yaml", "set.yaml", "--lang", "en", "--no-plugins")
    assert status == 0 and "C1.2" not in out
    status, out, _ = run(capsys, "diff", "old.yaml", "set.yaml", "--lang", "en",
                         "--overlay", "overlay.yaml")
    assert status == 0 and "+ C1.2 Very many adults" in out


@pytest.mark.parametrize("argv", [["validate", SET], ["test"], ["lint", SET],
                                  ["diff", SET, SET], ["show", SET]],
                         ids=lambda argv: argv[0])
def test_an_unknown_overlay_name_is_never_ignored(capsys: pytest.CaptureFixture[str],
                                                  argv: list[str]) -> None:
    status, _, err = run(capsys, *argv, "--overlay", "nosuch")
    assert status == 3
    assert err.startswith("không có điều chỉnh nào tên 'nosuch'; các điều chỉnh hiện có: ")
    status, _, err = run(capsys, *argv, "--overlay", "nosuch", "--lang", "en")
    assert status == 3
    assert err.startswith("no overlay named 'nosuch'; available: ")


# --- what a command reads ------------------------------------------------------------------------


def test_validate_an_empty_folder_says_nothing_was_found(
        capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    status, out, err = run(capsys, "validate", "--lang", "en", "empty")
    assert (status, out) == (3, "")
    assert err.startswith("no criteria sets, test files or targets files found in 'empty'\n")


def test_lint_an_empty_folder_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    status, _, err = run(capsys, "lint", "--lang", "en", "empty")
    assert status == 3
    assert err.startswith("no criteria sets found in 'empty'\n")


@pytest.mark.parametrize("command", ["evaluate", "explain"])
def test_evaluate_a_folder_points_at_report(capsys: pytest.CaptureFixture[str],
                                            command: str) -> None:
    Path("data").mkdir()
    extra = ["--subject", "HH-001"] if command == "explain" else []
    assert run(capsys, command, "--criteria", SET, "--input", "data", *extra) == (
        3, "", "'data' là một thư mục; --input là một tệp minh chứng (.csv, .json, .yaml, "
        ".parquet) [unreadable-evidence]\n  gợi ý: để chấm một thư mục dữ liệu hoặc một sổ "
        "nhập liệu, hãy dùng 'learning-models report data --year YEAR'\n")
    assert run(capsys, command, "--criteria", SET, "--input", "data", *extra, "--lang",
               "en") == (
        3, "", "'data' is a folder; --input is one evidence file (.csv, .json, .yaml, "
        ".parquet) [unreadable-evidence]\n  hint: to evaluate a dataset folder or a "
        "data-entry workbook, use 'learning-models report data --year YEAR'\n")


def test_evaluate_a_workbook_points_at_report(capsys: pytest.CaptureFixture[str]) -> None:
    Path("mau.xlsx").write_bytes(b"PK")
    status, _, err = run(capsys, "evaluate", "--criteria", SET, "--input", "mau.xlsx",
                         "--lang", "en")
    assert status == 3
    assert err.startswith("'mau.xlsx' is a workbook; --input is one evidence file ")
    assert "use 'learning-models report mau.xlsx --year YEAR'" in err


def test_show_a_broken_set_prints_it_and_its_problems(
        capsys: pytest.CaptureFixture[str]) -> None:
    text = mini("points: 10", "points: ten")
    Path("broken.yaml").write_text(text, "utf-8")
    status, out, err = run(capsys, "show", "broken.yaml", "--lang", "en")
    assert (status, out) == (3, text)
    assert err == ("broken.yaml:18:17: 'criteria[0].indicators[0].points' must be a number, "
                   "found string 'ten' (indicator 'C1.1') [wrong-type]\n")


def test_show_a_good_set_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    Path("set.yaml").write_text(MINI, "utf-8")
    assert run(capsys, "show", "set.yaml") == (0, MINI, "")


def test_show_year_without_model_is_a_wrong_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", "vn/2021-2025/family", "--year", "2024"])
    assert caught.value.code == 2
    assert "show: lỗi: --year đi cùng --model" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["show", "vn/2021-2025/family", "--year", "2024", "--lang", "en"])
    assert caught.value.code == 2
    assert "show: error: --year goes with --model" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["diff", "{}", "vn/2021-2025/family"], ["show", "{}"],
                                     ["evaluate", "--input", GOOD, "--criteria", "{}"]],
                         ids=lambda argv: argv[0])
def test_a_folder_named_as_a_set_says_it_is_a_folder(capsys: pytest.CaptureFixture[str],
                                                     command: list[str]) -> None:
    Path("sets").mkdir()
    assert run(capsys, *(a.replace("{}", "sets") for a in command), "--lang", "en") == (
        3, "", "'sets' is a folder, not a criteria set [file-not-found]\n"
        "  hint: name a set's file, or its id ('learning-models list' shows them)\n")


def test_report_of_a_file_without_a_suffix_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    Path("data").write_text("id\n", "utf-8")
    status, _, err = run(capsys, "report", "data", "--year", "2024", "--lang", "en")
    assert status == 3
    assert err.startswith("no evidence reader reads files without a suffix ('data'); ")


def test_report_of_one_evidence_file_points_at_evaluate(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "report", GOOD, "--year", "2024")
    assert status == 3
    assert err.endswith("  gợi ý: để chấm một tệp minh chứng, hãy dùng 'learning-models "
                        f"evaluate --model MODEL --year YEAR --input {GOOD}'\n")
    status, _, err = run(capsys, "report", GOOD, "--year", "2024", "--lang", "en")
    assert err.endswith("  hint: to score one evidence file, use 'learning-models evaluate "
                        f"--model MODEL --year YEAR --input {GOOD}'\n")


# Wrong names a new user types: each already gives a clean message; they must stay clean.
@pytest.mark.parametrize(("argv", "message"), [
    (["evaluate", "--model", "famly", "--year", "2024", "--input", GOOD],
     "không có bộ tiêu chí nào cho mô hình 'famly'; các mô hình hiện có: "),
    (["evaluate", "--model", "family", "--year", "1999", "--input", GOOD],
     "không có bộ tiêu chí nào của mô hình 'family' áp dụng cho năm 1999; các giai đoạn hiện "
     "có: "),
    (["show", "vn/2021-2025/famly", "--lang", "en"],
     "'vn/2021-2025/famly' is neither a file nor the id"),
    (["list", "--overlay", "nosuch"],
     "không có điều chỉnh nào tên 'nosuch'; các điều chỉnh hiện có: "),
    (["report", str(DATA / "2026"), "--year", "2026", "--targets", "nosuch"],
     "không có tệp chỉ tiêu hay chỉ tiêu có sẵn nào mã 'nosuch' [file-not-found]"),
    (["report", "nosuchdata", "--year", "2024", "--lang", "en"],
     "no such dataset folder: 'nosuchdata'"),
    (["report", str(DATA / "2026"), "--year", "2026", "--reader", "nosuch", "--lang", "en"],
     "no evidence reader named 'nosuch'; readers: "),
    (["report", str(DATA / "2026"), "--year", "2026", "--reader", "nosuch"],
     "không có bộ đọc minh chứng nào tên 'nosuch'; các bộ đọc: folder (thư mục), xlsx ("),
], ids=lambda value: value[0] if isinstance(value, list) else "")
def test_wrong_names_give_one_clean_message(capsys: pytest.CaptureFixture[str],
                                            argv: list[str], message: str) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (3, "")
    assert err.startswith(message)


@pytest.mark.parametrize(("argv", "message"), [
    ([*REPORT, "--format", "pdf", "--lang", "en"], "unknown report format 'pdf'; formats: "),
    ([*REPORT, "--previous", str(DATA / "2024")], "mỗi --previous DATA cần "
                                                  "--previous-year YEAR của nó"),
], ids=["format", "previous"])
def test_a_wrong_report_command_line_exits_2(capsys: pytest.CaptureFixture[str],
                                             argv: list[str], message: str) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert err.startswith(message)
