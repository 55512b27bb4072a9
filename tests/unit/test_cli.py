"""The command line: exit statuses, results on stdout, clean problems on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import polars as pl
import pytest
from builders import MINI, WHEN, mini

import learning_models as lm
from learning_models._cli import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
SET = "family-set.yaml"
GOOD = "households.csv"
BAD = "households-with-errors.csv"


@pytest.fixture(autouse=True)
def _in_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)  # files named as a user names them: relative


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def write(directory: Path, name: str, text: str) -> str:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- validate ------------------------------------------------------------------------------------


def test_validate_a_good_set_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", "--lang", "en", SET) == (0, "", "1 of 1 criteria sets valid\n")


def test_validate_a_broken_set_lists_every_problem_and_exits_1(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "set.yaml", mini(WHEN, "when: adults >= 1 and adults_lerning")
                 .replace("pass: total >= 5", "pass: totl >= 5"))
    assert run(capsys, "validate", "--lang", "en", path) == (1, "", (
        f"{path}:19:31: unknown name 'adults_lerning' [unknown-name]\n"
        "  hint: did you mean 'adults_learning' or 'adults'?\n"
        f"{path}:21:9: unknown name 'totl' [unknown-name]\n"
        "  hint: did you mean 'total' or 'max_total'?\n"
        "0 of 1 criteria sets valid\n"))


def test_validate_a_directory_checks_only_criteria_files(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", MINI)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.yml", mini("points: 10", "points: ten"))
    write(tmp_path, "other.yaml", "just: data\n")
    status, out, err = run(capsys, "validate", "--lang", "en", str(tmp_path))
    assert (status, out) == (1, "")
    assert err.splitlines()[-1] == "1 of 2 criteria sets valid"
    assert err.startswith(f"{tmp_path / 'sub' / 'b.yml'}:18:17: ")


def test_validate_nothing_found_is_a_failure_naming_the_folder(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path, "notes.yaml", "just: data\n")
    assert run(capsys, "validate", "--lang", "en", str(tmp_path)) == (3, "", (
        f"no criteria sets, test files or targets files found in {str(tmp_path)!r}\n"
        "  hint: files are recognised by their 'format:' line, e.g. "
        "'format: learning-models/criteria-set/1'\n"))


def test_validate_a_missing_file_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", "--lang", "en", "nope.yaml") == (
        1, "", "nope.yaml: file not found: 'nope.yaml' [file-not-found]\n"
        "0 of 1 criteria sets valid\n")


def test_validate_a_set_with_remove_but_no_extends_is_a_clean_failure(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "set.yaml", mini("model: family\n", "model: family\nremove: {}\n"))
    status, _, err = run(capsys, "validate", "--lang", "en", path)
    assert status == 1
    assert "[unknown-key]" in err


# --- evaluate ------------------------------------------------------------------------------------


def test_evaluate_prints_a_table_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "evaluate", "--criteria", SET, "--input", GOOD,
                           "--year", "2024")
    lines = out.splitlines()
    assert (status, err) == (0, "")
    assert lines[0] == "HH-001\t100/100\tĐạt — đủ điều kiện công nhận\tTốt"
    assert lines[7] == "HH-008\t70/100\tChưa đủ minh chứng để kết luận"
    assert lines[-1] == ("10 hồ sơ đã đánh giá: 5 đạt, 4 không đạt, 1 chưa đủ minh chứng; "
                         "0 hồ sơ bị từ chối")


def test_evaluate_prints_a_table_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", "--criteria", SET, "--input", GOOD, "--lang", "en")
    assert status == 0
    assert out.splitlines()[1] == "HH-002\t84/100\tRecognised\tFair"
    assert out.splitlines()[-1] == ("10 evaluated: 5 recognised, 4 not recognised, "
                                    "1 incomplete; 0 records rejected")


def test_evaluate_json_is_the_results_dictionary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", "--criteria", SET, "--input", GOOD,
                         "--year", "2024", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["errors"] == []
    assert [e["subject"] for e in data["evaluations"]] == [f"HH-{k:03}" for k in range(1, 11)]
    first = data["evaluations"][0]
    assert (first["year"], first["status"], first["grade"]) == (2024, "recognised", "good")
    assert first["provenance"]["content_hash"] == lm.load_criteria(SET).content_hash()


def test_evaluate_csv_is_the_results_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", "--criteria", SET, "--input", GOOD,
                         "--format", "csv")
    table = pl.read_csv(out.encode())
    assert status == 0
    assert table.columns[:5] == ["id", "total", "max_total", "status", "grade"]
    assert "points[C2.2]" in table.columns and "status[C4.2]" in table.columns
    assert table.height == 10
    assert table.filter(pl.col("id") == "HH-004")["status"].to_list() == ["not_recognised"]


def test_evaluate_with_rejected_records_exits_1_and_still_evaluates_the_rest(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "evaluate", "--criteria", SET, "--input", BAD,
                           "--lang", "en")
    assert status == 1
    assert out.splitlines() == ["HH-101\t100/100\tRecognised\tGood",
                                "1 evaluated: 1 recognised, 0 not recognised, 0 incomplete; "
                                "6 records rejected"]
    assert err.splitlines()[0] == (f"{BAD}:3: HH-102: 'school_age_children' must be a whole "
                                   "number, found 'two' [invalid-record]")
    assert len(err.splitlines()) == 6


def test_a_year_outside_the_period_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "evaluate", "--criteria", SET, "--input", GOOD, "--year", "2030",
               "--lang", "en") == (
        3, "", "year 2030 is outside the period 2016-2025 of criteria set "
        "'examples/family-448'\n")
    assert run(capsys, "evaluate", "--criteria", SET, "--input", GOOD, "--year", "2030") == (
        3, "", "năm 2030 nằm ngoài giai đoạn 2016-2025 của bộ tiêu chí "
        "'examples/family-448'\n")


@pytest.mark.parametrize(("criteria", "evidence", "message"), [
    ("nope.yaml", GOOD, "không tìm thấy tệp 'nope.yaml' [file-not-found]\n"),
    (SET, "nope.csv", "không có tệp minh chứng 'nope.csv' [file-not-found]\n"),
    (SET, "notes.txt", "không đọc được 'notes.txt': không biết loại tệp '.txt' "
     "[unreadable-evidence]\n  gợi ý: hãy dùng .csv, .json, .yaml hoặc .parquet\n"),
])
def test_a_missing_or_unknown_file_is_a_clean_error(capsys: pytest.CaptureFixture[str],
                                                    criteria: str, evidence: str,
                                                    message: str) -> None:
    assert run(capsys, "evaluate", "--criteria", criteria, "--input", evidence) == (3, "",
                                                                                   message)


def test_evaluate_with_a_broken_set_lists_its_problems(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    path = write(tmp_path, "set.yaml", mini("points: 10", "points: ten"))
    status, out, err = run(capsys, "evaluate", "--criteria", path, "--input", GOOD, "--lang", "en")
    assert (status, out) == (3, "")
    assert err == (f"{path}:18:17: 'criteria[0].indicators[0].points' must be a number, "
                   "found string 'ten' (indicator 'C1.1') [wrong-type]\n")


def test_evaluate_unreadable_evidence_is_a_clean_error(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"id,adults\nH\xff,1\n")
    status, out, err = run(capsys, "evaluate", "--criteria", SET, "--input", str(path))
    assert (status, out) == (3, "")
    assert err.startswith(f"{path}:2:2: byte 0xff ")
    assert "[not-utf8]" in err


# --- explain -------------------------------------------------------------------------------------


def test_explain_in_vietnamese_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "--criteria", SET, "--input", GOOD,
                         "--subject", "HH-006")
    assert status == 0
    assert out.startswith("Đối tượng: HH-006 — Hộ ông Ma Văn Giang\n")
    assert "Kết quả: Không đạt — chưa đủ điều kiện công nhận\n" in out
    status, out, _ = run(capsys, "explain", "--criteria", SET, "--input", GOOD,
                         "--subject", "HH-006", "--lang", "en")
    assert status == 0
    assert out.startswith("Subject: HH-006 — Hộ ông Ma Văn Giang\n")
    assert "Total: 26/100 points\nDecision: Not recognised\n" in out
    assert "  - C4.2 Holds the \"Cultural family\" title (+10 points)\n" in out


def test_explain_a_rejected_subject_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "explain", "--criteria", SET, "--input", BAD, "--subject", "HH-102",
               "--lang", "en") == (
        1, "", f"{BAD}:3: HH-102: 'school_age_children' must be a whole number, found 'two' "
        "[invalid-record]\nsubject 'HH-102' was rejected\n")
    assert run(capsys, "explain", "--criteria", SET, "--input", BAD, "--subject", "HH-102") == (
        1, "", f"{BAD}:3: HH-102: 'school_age_children' phải là số nguyên, nhưng đã ghi "
        "'two' [invalid-record]\nđối tượng 'HH-102' đã bị loại\n")


def test_explain_an_absent_subject_names_the_input_and_the_closest_id(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "explain", "--criteria", SET, "--input", GOOD, "--subject", "HH-999",
               "--lang", "en") == (
        3, "", f"subject 'HH-999' is not in {GOOD!r}\n  hint: did you mean 'HH-009'?\n")
    assert run(capsys, "explain", "--criteria", SET, "--input", GOOD, "--subject", "HH-999") == (
        3, "", f"không có đối tượng 'HH-999' trong {GOOD!r}\n  gợi ý: có phải là 'HH-009'?\n")


def test_explain_an_absent_subject_unlike_any_lists_some_subjects(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "explain", "--criteria", SET, "--input", GOOD, "--subject", "nobody",
               "--lang", "en") == (
        3, "", f"subject 'nobody' is not in {GOOD!r}\n"
        "  hint: its subjects: HH-001, HH-002, HH-003, … (10 in all)\n")


# --- schema --------------------------------------------------------------------------------------


def test_schema_criteria_set_prints_the_published_schema(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema", "criteria-set")
    assert status == 0
    assert json.loads(out) == lm.criteria_set_schema()


def test_the_evidence_schema_accepts_a_good_record_and_refuses_bad_ones(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema", "evidence", "--criteria", SET)
    schema = json.loads(out)
    assert status == 0
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    good = {"id": "HH-1", "name": "Hộ A", "school_age_children": 1, "children_in_school": 1,
            "children_results_ok": True, "adults": 2, "income": "stable",
            "cultural_family": None}
    validator.validate(good)
    validator.validate({"id": "HH-2"})
    for bad in ({**good, "adults": -1}, {**good, "adults": 2.5}, {**good, "income": "rising"},
                {**good, "adult": 2}, {**good, "study_corner": "có"},
                {k: v for k, v in good.items() if k != "id"}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(bad)


def test_schema_evidence_needs_a_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "schema", "evidence", "--lang", "en") == (
        2, "", "'schema evidence' needs --criteria FILE|ID\n")
    assert run(capsys, "schema", "evidence") == (
        2, "", "'schema evidence' cần --criteria FILE|ID\n")


def test_schema_evidence_reads_a_set_by_its_catalogue_id(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "schema", "evidence", "--criteria", "vn/2021-2025/family")
    assert (status, err) == (0, "")
    assert "school_age_children" in json.loads(out)["properties"]


def test_schema_criteria_with_another_schema_is_a_wrong_command_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "schema", "criteria-set", "--criteria", SET, "--lang", "en") == (
        2, "", "--criteria goes with 'schema evidence', not 'schema criteria-set'\n")


# --- the command line itself ---------------------------------------------------------------------


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, out) == (2, "")
    assert err.startswith("cách dùng: learning-models")


@pytest.mark.parametrize("argv", [["frobnicate"], ["evaluate", "--criteria", SET],
                                  ["evaluate", "--criteria", SET, "--input", GOOD,
                                   "--format", "xml"],
                                  ["evaluate", "--criteria", SET, "--input", GOOD,
                                   "--year", "soon"]])
def test_a_wrong_command_line_exits_2(capsys: pytest.CaptureFixture[str],
                                      argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "cách dùng:" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--lang", "en"])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"learning-models {lm.__version__}\n"
