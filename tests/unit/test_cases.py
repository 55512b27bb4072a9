"""Test cases beside the criteria: the format, the loader's located problems, the runner, the
``test`` command and the pytest collection of ``*.test.yaml`` files.

The sets are the small ones of the ``small_sets`` fixture (tests/conftest.py): a 2021–2025
family set of 100 points (C1.1 mandatory and graded 40/20, C1.2 30, C2.1 30; pass: 70 with the
mandatory met; grades good ≥ 90, fair ≥ 70) and a 2026–2030 set extending it with C2.2 (10).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._authoring import cases as lm_cases
from learning_models._authoring.cases import Case, find_case_files, run_case_file, validate_cases
from learning_models._catalog.catalog import Catalog, shipped_criteria_dir
from learning_models._cli import main
from learning_models._documents.yaml import parse_yaml

FULL = {"adults": 2, "adults_learning": 2, "corner": True, "income": "stable"}

GOOD = """\
format: learning-models/test-cases/1
criteria: test/2021-2025/family
defaults:
  inputs: {adults: 2, adults_learning: 2, corner: true, income: stable}
cases:
  - name: everything met → recognised, grade good
    year: 2024
    expect: {total: 100, status: recognised, grade: good, gaps: []}
  - name: no study corner → 70, recognised, grade fair
    inputs: {corner: false}
    expect:
      total: 70
      status: recognised
      grade: fair
      indicators: {C1.2: not_met, C1.1: 40}
  - name: half the adults learn → the mandatory indicator is unmet
    inputs: {adults_learning: 1}
    expect: {total: 80, status: not_recognised, grade: null, indicators: {C1.1: partly_met},
             gaps: [C1.1]}
  - name: income unknown → incomplete
    inputs: {income: null, corner: false}
    expect: {status: incomplete, indicators: {C2.1: missing}}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def catalog_of(folder: Path) -> Catalog:
    return Catalog.default([folder], shipped=False)


def load(folder: Path, text: str, name: str = "family.test.yaml") -> lm.CaseFile:
    return lm.load_cases(write(folder, name, text), catalog=catalog_of(folder),
                         display_name=name)


def problems(folder: Path, text: str) -> list[str]:
    """Every problem of a test file, formatted as the command line prints it."""
    with pytest.raises(lm.CriteriaError) as caught:
        load(folder, text)
    return [p.format() for p in caught.value.problems]


def codes(folder: Path, text: str) -> list[str]:
    with pytest.raises(lm.CriteriaError) as caught:
        load(folder, text)
    return [p.code for p in caught.value.problems]


def cases_text(*cases: str, head: str = "criteria: test/2021-2025/family") -> str:
    body = "".join(textwrap.indent(textwrap.dedent(c).strip("\n"), "  ") + "\n" for c in cases)
    return f"format: learning-models/test-cases/1\n{head}\ncases:\n{body}"


# --- loading -----------------------------------------------------------------------------------


def test_a_good_file_loads_every_case_with_its_line_and_merged_inputs(small_sets: Path) -> None:
    loaded = load(small_sets, GOOD)
    assert loaded.file == "family.test.yaml"
    assert [c.name for c in loaded.cases][:2] == [
        "everything met → recognised, grade good", "no study corner → 70, recognised, grade fair"]
    assert [c.line for c in loaded.cases] == [6, 9, 16, 20]
    second = loaded.cases[1]
    assert second.where == "family.test.yaml:9"
    assert second.criteria == "test/2021-2025/family"
    assert dict(second.inputs) == {**FULL, "corner": False}
    assert second.expect.indicators == {"C1.2": "not_met", "C1.1": 40.0}
    assert (second.expect.grade, second.expect.checks_grade) == ("fair", True)
    assert loaded.cases[0].year == 2024 and second.year is None
    assert loaded.cases[2].expect.checks_grade and loaded.cases[2].expect.grade is None
    assert loaded.cases[3].expect.checks_grade is False
    assert loaded.cases[3].inputs["income"] is None


def test_expectations_round_trip_to_what_was_written(small_sets: Path) -> None:
    expect = load(small_sets, GOOD).cases[2].expect
    assert expect.to_dict() == {"total": 80.0, "status": "not_recognised", "grade": None,
                                "indicators": {"C1.1": "partly_met"}, "gaps": ["C1.1"]}


def test_model_and_year_name_the_set_in_force_that_year(small_sets: Path) -> None:
    text = cases_text("""
        - name: digital skills count from 2026
          inputs: {adults: 1, adults_learning: 1, corner: true, income: stable, digital: true}
          expect: {total: 110, indicators: {C2.2: met}}
        """, head="model: family\nyear: 2027")
    case = load(small_sets, text).cases[0]
    assert (case.criteria, case.year) == ("test/2026-2030/family", 2027)


def test_a_case_may_name_another_set(small_sets: Path) -> None:
    text = cases_text("""
        - name: the later set
          criteria: test/2026-2030/family
          year: 2028
          inputs: {digital: false}
          expect: {indicators: {C2.2: not_met}}
        """)
    assert load(small_sets, text).cases[0].criteria == "test/2026-2030/family"


def test_the_catalogue_defaults_to_the_shipped_sets_and_the_files_folder(
        small_sets: Path) -> None:
    path = write(small_sets, "family.test.yaml", GOOD)
    assert len(lm.load_cases(path).cases) == 4


# --- broken and hostile test files ---------------------------------------------------------------


def test_unknown_keys_are_located_with_a_did_you_mean(small_sets: Path) -> None:
    text = GOOD.replace("cases:", "case_list: []\ncases:").replace(
        "expect: {total: 100,", "expect: {totl: 100,").replace(
        "    inputs: {corner", "    input: {corner")
    assert problems(small_sets, text) == [
        "family.test.yaml:5:1: unknown key 'case_list' in the test-cases file [unknown-key]\n"
        "  hint: did you mean 'cases'?",
        "family.test.yaml:9:14: unknown key 'totl' in 'cases[0].expect' [unknown-key]\n"
        "  hint: did you mean 'total'?",
        "family.test.yaml:11:5: unknown key 'input' in 'cases[1]' [unknown-key]\n"
        "  hint: did you mean 'inputs'?",
    ]


@pytest.mark.parametrize(("case", "message"), [
    ("- name: x\n  expect: {total: ten}",
     "5:21: 'cases[0].expect.total' must be a number, found string 'ten' [wrong-type]"),
    ("- name: x\n  year: '2024'\n  expect: {total: 1}",
     "5:11: 'cases[0].year' must be an integer, found string '2024' [wrong-type]"),
    ("- name: x\n  expect: {status: passed}",
     "5:22: 'cases[0].expect.status' must be one of 'recognised', 'not_recognised', "
     "'incomplete', found 'passed' [invalid-value]"),
    ("- name: x\n  expect: {indicators: {C1.1: good}}",
     "5:33: 'cases[0].expect.indicators.C1.1' must be met, partly_met, not_met, missing or a "
     "number of points, found 'good' [invalid-value]"),
    ("- name: x\n  inputs: {adults: [1, 2]}\n  expect: {total: 1}",
     "5:22: 'cases[0].inputs.adults' must be a single value (text, a number, true or false, or "
     "null), found list [wrong-type]"),
    ("- name: x\n  expect: {gaps: C1.1}",
     "5:20: 'cases[0].expect.gaps' must be a list, found string 'C1.1' [wrong-type]"),
    ("- name: x\n  expect: {}",
     "5:5: 'cases[0].expect' expects nothing [missing-key]\n"
     "  hint: give at least one of total, status, grade, indicators, gaps"),
    ("- expect: {total: 1}",
     "4:5: missing key 'name' in 'cases[0]' [missing-key]"),
    ("- name: 7\n  expect: {total: 1}",
     "4:11: 'cases[0].name' must be a string, found integer 7 [wrong-type]"),
])
def test_wrong_types_and_values_are_located(small_sets: Path, case: str, message: str) -> None:
    assert problems(small_sets, cases_text(case)) == [f"family.test.yaml:{message}"]


def test_a_file_must_name_its_set_once(small_sets: Path) -> None:
    case = "- name: x\n  expect: {total: 1}"
    assert problems(small_sets, cases_text(case, head="")) == [
        "family.test.yaml:1:1: the file names no criteria set [missing-key]\n"
        "  hint: add 'criteria: <set id>', or 'model' and 'year' for the set in force that year"]
    assert codes(small_sets, cases_text(case, head="model: family")) == ["missing-key"]
    both = "criteria: test/2021-2025/family\nmodel: family\nyear: 2024"
    assert problems(small_sets, cases_text(case, head=both)) == [
        "family.test.yaml:3:1: give either 'criteria' or 'model' with 'year', not both "
        "[invalid-value]"]


@pytest.mark.parametrize(("text", "message"), [
    ("", "family.test.yaml:1:1: a test-cases file must be a mapping, found an empty file "
         "[wrong-type]\n  hint: start the file with 'format: learning-models/test-cases/1'"),
    ("- a\n- b\n", "family.test.yaml:1:1: a test-cases file must be a mapping, found a list "
                   "[wrong-type]\n  hint: start the file with 'format: "
                   "learning-models/test-cases/1'"),
    ("cases: []\n", "family.test.yaml:1:1: missing key 'format' [unknown-format]\n"
                    "  hint: add 'format: learning-models/test-cases/1' as the first line"),
    ("format: learning-models/test-cases/2\n",
     "family.test.yaml:1:9: unknown format 'learning-models/test-cases/2'; expected "
     "'learning-models/test-cases/1' [unknown-format]"),
])
def test_what_is_not_a_test_file_says_so(small_sets: Path, text: str, message: str) -> None:
    assert problems(small_sets, text) == [message]


def test_hostile_yaml_is_refused_cleanly(small_sets: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + k)}: &{chr(98 + k)} [*{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, "
        f"*{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}, *{chr(97 + k)}]\n"
        for k in range(9))
    assert codes(small_sets, bomb) == ["too-many-aliases"]
    assert codes(small_sets, "format: !!python/object:os.system x\n") == ["yaml-tag"]
    assert codes(small_sets, "format: [unclosed\n") == ["yaml-syntax"]
    assert codes(small_sets, "[" * 100 + "]" * 100) == ["too-deep"]
    (small_sets / "binary.test.yaml").write_bytes(b"format: \xff\xfe\n")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_cases(small_sets / "binary.test.yaml", catalog=catalog_of(small_sets))
    assert [p.code for p in caught.value.problems] == ["not-utf8"]


def test_duplicate_case_names_are_an_error(small_sets: Path) -> None:
    text = cases_text("- name: same\n  expect: {total: 1}", "- name: other\n  expect: {total: 1}",
                      "- name: same\n  expect: {total: 2}")
    assert problems(small_sets, text) == [
        "family.test.yaml:8:11: case name 'same' is used twice [duplicate-case]\n"
        "  hint: first used at line 4"]


def test_a_missing_set_is_a_located_error_with_a_did_you_mean(small_sets: Path) -> None:
    text = cases_text("- name: x\n  expect: {total: 1}",
                      "- name: y\n  criteria: test/2026-2030/famly\n  expect: {total: 1}",
                      head="criteria: test/2021-2025/famliy")
    assert problems(small_sets, text) == [
        "family.test.yaml:2:11: no criteria set with id 'test/2021-2025/famliy' [unknown-set]\n"
        "  hint: did you mean 'test/2021-2025/family'?",
        "family.test.yaml:7:15: no criteria set with id 'test/2026-2030/famly' [unknown-set]\n"
        "  hint: did you mean 'test/2026-2030/family'?"]


def test_no_set_for_the_model_and_year_is_an_error(small_sets: Path) -> None:
    text = cases_text("- name: x\n  expect: {total: 1}", head="model: family\nyear: 2040")
    found = problems(small_sets, text)
    assert len(found) == 1
    assert found[0].startswith("family.test.yaml:2:8: no criteria set for 'family' covers 2040")
    assert found[0].endswith("[no-set-for-year]")


def test_a_broken_set_is_named_at_the_reference_with_its_own_problems(
        small_sets: Path) -> None:
    broken = (small_sets / "family.yaml").read_text(encoding="utf-8").replace(
        "points: 30\n        when: corner", "points: thirty\n        when: corner")
    (small_sets / "family.yaml").write_text(broken, encoding="utf-8")
    found = problems(small_sets, GOOD)
    assert ("family.test.yaml:2:11: criteria set 'test/2021-2025/family' has problems (listed "
            "with its file) [unknown-set]\n  hint: fix the set first: learning-models validate"
            ) in found
    assert f"{small_sets / 'family.yaml'}:27:17: 'criteria[0].indicators[1].points' must be a " \
           "number, found string 'thirty' (indicator 'C1.2') [wrong-type]" in found
    assert len(found) == 2


def test_a_case_year_outside_the_sets_period_is_an_error(small_sets: Path) -> None:
    text = cases_text("- name: x\n  year: 2026\n  expect: {total: 1}",
                      "- name: y\n  year: 2025\n  expect: {total: 1}")
    assert problems(small_sets, text) == [
        "family.test.yaml:5:11: year 2026 is outside the period 2021-2025 of criteria set "
        "'test/2021-2025/family' [year-outside-period]\n  hint: use a year from 2021 to 2025"]
    file_year = cases_text("- name: x\n  expect: {total: 1}", "- name: y\n  expect: {total: 1}",
                           head="criteria: test/2021-2025/family\nyear: 2030")
    assert codes(small_sets, file_year) == ["year-outside-period"]  # reported once, at the file


def test_indicators_and_gaps_the_set_lacks_are_errors(small_sets: Path) -> None:
    text = cases_text("- name: x\n  expect: {indicators: {C1.3: met, C2.1: met}, gaps: [C21]}")
    assert problems(small_sets, text) == [
        "family.test.yaml:5:27: criteria set 'test/2021-2025/family' has no indicator 'C1.3' "
        "[unknown-indicator]\n  hint: did you mean 'C1.2'?",
        "family.test.yaml:5:57: criteria set 'test/2021-2025/family' has no indicator 'C21' "
        "[unknown-indicator]\n  hint: did you mean 'C2.1'?"]


def test_inputs_the_set_does_not_declare_are_errors(small_sets: Path) -> None:
    text = GOOD.replace("corner: true, income", "corner: true, incme").replace(
        "inputs: {corner: false}", "inputs: {coner: false, id: x}")
    assert problems(small_sets, text) == [
        "family.test.yaml:4:57: criteria set 'test/2021-2025/family' has no input 'incme' "
        "[unknown-input]\n  hint: did you mean 'income'?",
        "family.test.yaml:10:14: criteria set 'test/2021-2025/family' has no input 'coner' "
        "[unknown-input]\n  hint: did you mean 'corner'?",
        "family.test.yaml:10:28: criteria set 'test/2021-2025/family' has no input 'id' "
        "[unknown-input]"]


def test_impossible_expectations_are_errors(small_sets: Path) -> None:
    text = cases_text("- name: x\n  expect: {total: 101, grade: excellent, indicators: {C1.2: 31}}")
    assert problems(small_sets, text) == [
        "family.test.yaml:5:21: a total of 101 is above the 100 points criteria set "
        "'test/2021-2025/family' can give [invalid-value]",
        "family.test.yaml:5:33: criteria set 'test/2021-2025/family' has no grade 'excellent' "
        "[invalid-value]\n  hint: its grades: good, fair",
        "family.test.yaml:5:63: indicator 'C1.2' gives at most 30 points, not 31 [invalid-value]"]


def test_every_problem_of_a_file_is_reported_at_once(small_sets: Path) -> None:
    text = cases_text("- name: a\n  year: 1999\n  expect: {total: 1}",
                      "- name: a\n  inputs: {nope: 1}\n  expect: {gaps: [Z9]}")
    assert sorted(codes(small_sets, text)) == [
        "duplicate-case", "unknown-indicator", "unknown-input", "year-outside-period"]


# --- running -----------------------------------------------------------------------------------


def test_a_file_whose_cases_hold_passes(small_sets: Path) -> None:
    write(small_sets, "family.test.yaml", GOOD)
    report = lm.run_cases([small_sets], catalog_of(small_sets))
    assert (report.passed, report.failed, report.ok) == (4, 0, True)
    assert report.summary() == "4 passed, 0 failed"
    assert report.format() == "4 passed, 0 failed\n"
    assert report.files == (str(small_sets / "family.test.yaml"),)


def test_each_field_that_differs_is_one_line(small_sets: Path) -> None:
    text = cases_text("""
        - name: all wrong
          inputs: {adults: 2, adults_learning: 2, corner: false, income: stable}
          expect: {total: 100, status: not_recognised, grade: good,
                   indicators: {C1.2: met, C2.1: 20}, gaps: [C1.2]}
        """)
    write(small_sets, "family.test.yaml", text)
    report = lm.run_cases([small_sets], catalog_of(small_sets))
    (result,) = report.failures
    assert [m.format() for m in result.mismatches] == [
        "total: expected 100, got 70 (of 100)",
        "status: expected not_recognised, got recognised",
        "grade: expected good, got fair",
        "indicators.C1.2: expected met, got not_met (0/30 points)",
        "indicators.C2.1: expected 20, got 30 (met)",
        "gaps: expected [C1.2], got []",
    ]
    diff = result.diff()
    assert diff.startswith(f"{small_sets / 'family.test.yaml'}:4: all wrong\n"
                           "  total: expected 100, got 70 (of 100)\n")
    assert "    C1.2 Góc học tập: 0/30 (không đạt)\n        giá trị đã đọc: corner = không" in diff
    assert "C1.1" not in diff.split("\n", 7)[-1]  # only the indicators that differ
    assert report.format().endswith("\n0 passed, 1 failed\n")


def test_a_wrong_total_shows_the_explanation_of_the_indicators_not_fully_met(
        small_sets: Path) -> None:
    text = cases_text("""
        - name: expects too much
          inputs: {adults: 2, adults_learning: 1, corner: true, income: null}
          expect: {total: 90}
        """)
    write(small_sets, "family.test.yaml", text)
    (result,) = lm.run_cases([small_sets], catalog_of(small_sets), lang="en").failures
    assert result.diff().splitlines() == [
        f"{small_sets / 'family.test.yaml'}:4: expects too much",
        "  total: expected 90, got 50 (of 100)",
        "    C1.1 Adults learn: 20/40 (partly met, mandatory)",
        "        values read: learning_share = 0.5, adults = 2, adults_learning = 1",
        "    C2.1 Stable income: 0/30 (evidence missing, source not verified)",
        "        values read: income = not given",
    ]


def test_input_values_the_set_rejects_are_located_problems_of_the_file(small_sets: Path,
                                                                         ) -> None:
    text = cases_text("""
        - name: too many adults
          inputs: {adults: 31, adults_learning: 0, corner: maybe}
          expect: {status: not_recognised}
        - name: fine
          inputs: {adults: two, adults_learning: 1, corner: true, income: much_higher}
          expect: {status: recognised}
        """)
    assert problems(small_sets, text) == [
        "family.test.yaml:5:22: 'adults' is 31, above the maximum 30 [invalid-value]",
        "family.test.yaml:5:54: 'corner' must be yes/no (có/không, true/false, 1/0), found "
        "'maybe' [invalid-value]",
        "family.test.yaml:8:22: 'adults' must be a whole number, found 'two' [invalid-value]",
        "family.test.yaml:8:69: 'income' must be one of 'lower', 'stable', 'higher', found "
        "'much_higher' [invalid-value]"]


def test_a_bad_default_value_is_reported_once_at_the_default(small_sets: Path) -> None:
    text = GOOD.replace("adults: 2, adults_learning: 2,", "adults: 2, adults_learning: -1,")
    assert problems(small_sets, text) == [
        "family.test.yaml:4:40: 'adults_learning' is -1, below the minimum 0 [invalid-value]"]


def test_a_required_input_a_case_does_not_give_is_a_problem_at_the_case(
        small_sets: Path) -> None:
    family = small_sets / "family.yaml"
    family.write_text(family.read_text("utf-8").replace(
        "  corner: {type: boolean}", "  corner: {type: boolean, required: true}"), "utf-8")
    text = cases_text("""
        - name: corner given
          inputs: {corner: true}
          expect: {indicators: {C1.2: met}}
        - name: corner not given
          inputs: {adults: 1}
          expect: {indicators: {C1.2: missing}}
        - name: nothing given
          expect: {indicators: {C1.2: missing}}
        """)
    assert problems(small_sets, text) == [
        "family.test.yaml:8:5: required input 'corner' is missing: criteria set "
        "'test/2021-2025/family' requires it [invalid-value]\n"
        "  hint: give it under the case's 'inputs:' or under 'defaults: inputs:'",
        "family.test.yaml:10:5: required input 'corner' is missing: criteria set "
        "'test/2021-2025/family' requires it [invalid-value]\n"
        "  hint: give it under the case's 'inputs:' or under 'defaults: inputs:'"]
    given = text.replace("cases:\n", "defaults:\n  inputs: {corner: false}\ncases:\n")
    assert len(load(small_sets, given).cases) == 3  # the defaults give it


def test_a_case_whose_inputs_are_rejected_when_run_fails_with_the_reason(
        small_sets: Path) -> None:
    # Loading refuses such a case (above); one built by hand still says why it cannot run.
    good = load(small_sets, GOOD)
    case = good.cases[0]
    broken = Case(case.name, case.file, case.line, case.criteria, case.year,
                  {**case.inputs, "adults": 31, "corner": "maybe"}, case.expect, case.spec)
    [result] = run_case_file(lm.CaseFile(good.file, (broken,)))
    english = ("the inputs were rejected: 'adults' is 31, above the maximum 30 "
               "[out-of-bounds]; 'corner' must be yes/no (có/không, true/false, 1/0), "
               "found 'maybe' [invalid-record]")
    assert result.diff().splitlines()[1] == f"  {english}"
    assert result.diff("vi").splitlines()[1] == (
        "  dữ liệu đầu vào bị từ chối: 'adults' là 31, lớn hơn mức tối đa 30 [out-of-bounds]; "
        "'corner' phải là có/không (hoặc true/false, 1/0), nhưng đã ghi 'maybe' "
        "[invalid-record]")


def test_the_test_command_speaks_vietnamese_by_default_and_english_when_asked(
        small_sets: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = GOOD.replace("status: recognised", "status: not_recognised", 1)
    path = small_sets / "bad.test.yaml"
    path.write_text(bad, encoding="utf-8")
    assert main(["test", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "  status: mong đợi not_recognised, nhưng kết quả là recognised" in out
    assert out[-1].endswith("ca kiểm thử đạt, 1 ca không đạt")
    assert main(["test", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "  status: expected not_recognised, got recognised" in out
    assert out[-1].endswith("passed, 1 failed")


def test_null_means_the_evidence_is_missing(small_sets: Path) -> None:
    text = cases_text("""
        - name: nothing known
          inputs: {adults: null, adults_learning: null, corner: null, income: null}
          expect: {total: 0, status: incomplete, grade: null,
                   indicators: {C1.1: missing, C1.2: missing, C2.1: missing}}
        - name: nothing given at all is the same
          expect: {total: 0, status: incomplete}
        """)
    write(small_sets, "family.test.yaml", text)
    assert lm.run_cases([small_sets], catalog_of(small_sets)).summary() == "2 passed, 0 failed"


def test_cases_of_several_sets_and_years_run_together(small_sets: Path) -> None:
    text = GOOD + textwrap.indent(textwrap.dedent("""\
        - name: the later set adds digital skills
          criteria: test/2026-2030/family
          year: 2027
          inputs: {digital: true}
          expect: {total: 110, grade: good, indicators: {C2.2: 10}}
        """), "  ")
    write(small_sets, "family.test.yaml", text)
    assert lm.run_cases([small_sets], catalog_of(small_sets)).summary() == "5 passed, 0 failed"


def test_problems_of_one_file_do_not_stop_the_others(small_sets: Path) -> None:
    write(small_sets, "a.test.yaml", GOOD)
    write(small_sets, "b.test.yaml", "format: learning-models/test-cases/1\ncases: 3\n")
    report = lm.run_cases([small_sets], catalog_of(small_sets))
    assert report.summary() == "4 passed, 0 failed"
    assert not report.ok
    assert [p.code for p in report.problems] == ["missing-key", "wrong-type"]
    assert report.format().splitlines()[-1] == "4 passed, 0 failed"


def test_no_test_files_is_a_problem(tmp_path: Path) -> None:
    report = lm.run_cases([tmp_path], catalog_of(tmp_path))
    assert (report.summary(), report.ok) == ("0 passed, 0 failed", False)
    assert report.problems[0].message == f"no test files (*.test.yaml) in {tmp_path}"


def test_test_files_are_found_by_their_suffix(tmp_path: Path) -> None:
    for name in ("a.test.yaml", "sub/b.test.yml", "c.yaml", "d.test.json", "e.tests.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    named = tmp_path / "c.yaml"
    assert find_case_files([tmp_path, named, tmp_path]) == [
        tmp_path / "a.test.yaml", tmp_path / "sub" / "b.test.yml", named]


@pytest.mark.slow
def test_a_huge_file_of_5000_generated_cases_runs_and_reports_counts(
        small_sets: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["format: learning-models/test-cases/1", "criteria: test/2021-2025/family",
             "defaults:", "  inputs: {adults: 4, corner: true, income: stable}", "cases:"]
    for k in range(5000):
        learning = k % 5  # 0-1 of 4: not met; 2-3: partly (20); 4: met (40)
        points = 40 if learning == 4 else 20 if learning >= 2 else 0
        total = 60 + points + (1 if k % 10 == 0 else 0)  # every tenth case is wrong
        lines += [f"  - name: case {k}", f"    inputs: {{adults_learning: {learning}}}",
                  f"    expect: {{total: {total}}}"]
    write(small_sets, "huge.test.yaml", "\n".join(lines) + "\n")
    evaluated: list[int] = []  # the work is bounded by counting it, not by timing it
    real_evaluate = lm_cases.evaluate

    def counting(spec: lm.CriteriaSet, records: list[dict[str, object]],
                 **kwargs: Any) -> lm.Evaluations:
        evaluated.append(len(records))
        return real_evaluate(spec, records, **kwargs)

    monkeypatch.setattr(lm_cases, "evaluate", counting)
    report = lm.run_cases([small_sets], catalog_of(small_sets))
    assert report.summary() == "4500 passed, 500 failed"
    assert report.failures[0].diff().splitlines()[:2] == [
        f"{small_sets / 'huge.test.yaml'}:6: case 0", "  total: expected 61, got 60 (of 100)"]
    assert report.failures[-1].case.line == 6 + 3 * 4990
    assert evaluated == [5000]  # one evaluation for every case of one set and year


# --- a property: expectations taken from an evaluation hold; a changed total fails ------


_INPUT = st.fixed_dictionaries({
    "adults": st.one_of(st.none(), st.integers(0, 30)),
    "adults_learning": st.one_of(st.none(), st.integers(0, 30)),
    "corner": st.one_of(st.none(), st.booleans()),
    "income": st.one_of(st.none(), st.sampled_from(["lower", "stable", "higher"])),
})


def _case_text(inputs: dict[str, Any], expect: dict[str, Any]) -> str:
    document = {"format": "learning-models/test-cases/1", "criteria": "test/2021-2025/family",
                "cases": [{"name": "from an evaluation", "year": 2024, "inputs": inputs,
                           "expect": expect}]}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def _run_text(text: str, catalog: Catalog) -> lm.CaseResult:
    case_file = validate_cases(parse_yaml(text, "prop.test.yaml"), catalog)
    (result,) = run_case_file(case_file)
    return result


@given(inputs=_INPUT, delta=st.sampled_from([-10, -0.5, 0.25, 5]))
def test_expectations_taken_from_an_evaluation_always_hold_and_a_changed_total_fails(
        small_sets: Path, inputs: dict[str, Any], delta: float) -> None:
    catalog = catalog_of(small_sets)
    family = catalog.get("test/2021-2025/family")
    actual = lm.evaluate(family, [{"id": "x", **inputs}], year=2024)[0]
    expect = {"total": actual.total, "status": actual.status, "grade": actual.grade,
              "indicators": {r.indicator: r.status for r in actual.indicators},
              "gaps": [g.indicator for g in actual.gaps]}
    assert _run_text(_case_text(inputs, expect), catalog).passed
    points = {"indicators": {r.indicator: r.points for r in actual.indicators}}
    assert _run_text(_case_text(inputs, points), catalog).passed
    changed = actual.total + delta
    wrong = {"total": changed if 0 <= changed <= actual.max_total else actual.total - delta}
    result = _run_text(_case_text(inputs, wrong), catalog)
    assert not result.passed
    assert [m.field for m in result.mismatches] == ["total"]


# --- the schema ----------------------------------------------------------------------------------


def test_the_shipped_schema_is_valid_and_published() -> None:
    schema = lm.cases_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["format"] == {"const": "learning-models/test-cases/1"}


def test_the_schema_accepts_every_shipped_test_file() -> None:
    files = find_case_files([shipped_criteria_dir()])
    assert files, "no shipped test cases: the shipped criteria/ folder is missing or empty"
    validator = jsonschema.Draft202012Validator(lm.cases_schema())
    for file in files:
        validator.validate(yaml.safe_load(file.read_text(encoding="utf-8")))


def test_cases_compare_by_content_not_by_set_object(small_sets: Path) -> None:
    a, b = (load(small_sets, GOOD).cases[0] for _ in range(2))
    assert isinstance(a, Case) and a == b


# --- the command line ----------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_cli_test_prints_each_failure_then_the_summary(
        capsys: pytest.CaptureFixture[str], small_sets: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(small_sets)
    write(small_sets, "family.test.yaml", GOOD.replace("total: 70", "total: 75"))
    status, out, err = run(capsys, "test", ".", "--lang", "en")
    assert (status, err) == (1, "")
    assert out == (
        "family.test.yaml:9: no study corner → 70, recognised, grade fair\n"
        "  total: expected 75, got 70 (of 100)\n"
        "    C1.2 Study corner: 0/30 (not met)\n"
        "        values read: corner = no\n"
        "3 passed, 1 failed\n")


def test_cli_test_exits_0_when_every_case_passes(capsys: pytest.CaptureFixture[str],
                                                 small_sets: Path) -> None:
    path = write(small_sets, "family.test.yaml", GOOD)
    assert run(capsys, "test", "--lang", "en", str(path)) == (0, "4 passed, 0 failed\n", "")


def test_cli_test_reports_problems_on_stderr_and_exits_1(capsys: pytest.CaptureFixture[str],
                                                        small_sets: Path) -> None:
    path = write(small_sets, "family.test.yaml", GOOD.replace("grade: fair", "grade: fiar"))
    status, out, err = run(capsys, "test", str(path), "--lang", "en")
    assert (status, out) == (1, "0 passed, 0 failed\n")
    assert err == (f"{path}:14:14: criteria set 'test/2021-2025/family' has no grade 'fiar' "
                   "[invalid-value]\n  hint: did you mean 'fair'?\n")


def test_cli_test_reports_problems_in_vietnamese_by_default(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    path = write(small_sets, "family.test.yaml", GOOD.replace("grade: fair", "grade: fiar"))
    status, _, err = run(capsys, "test", str(path))
    assert status == 1
    assert err == (f"{path}:14:14: bộ tiêu chí 'test/2021-2025/family' không có xếp loại "
                   "'fiar' [invalid-value]\n  gợi ý: có phải là 'fair'?\n")


def test_cli_test_finds_sets_in_criteria_dirs(capsys: pytest.CaptureFixture[str],
                                              small_sets: Path, tmp_path: Path) -> None:
    tests = tmp_path / "tests-elsewhere"
    tests.mkdir()
    write(tests, "family.test.yaml", GOOD)
    status, _, err = run(capsys, "test", "--lang", "en", str(tests))
    assert status == 1 and "no criteria set with id 'test/2021-2025/family'" in err
    assert run(capsys, "test", "--lang", "en", str(tests), "--criteria-dir", str(small_sets)) == (
        0, "4 passed, 0 failed\n", "")


def test_cli_test_without_paths_runs_the_shipped_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert find_case_files([shipped_criteria_dir()]), \
        "no shipped test cases: the shipped criteria/ folder is missing or empty"
    status, out, _ = run(capsys, "test", "--lang", "en")
    assert status == 0
    assert re.fullmatch(r"[1-9]\d* passed, 0 failed", out.splitlines()[-1])


def test_cli_test_help_names_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["test", "--help"])
    assert "'N ca kiểm thử đạt, M ca không đạt'" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["test", "--help", "--lang", "en"])
    assert "'N passed, M failed'" in " ".join(capsys.readouterr().out.split())


# --- pytest collects *.test.yaml ---------------------------------------------------------------


def _pytest(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    src = str(Path(lm.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [src, *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "learning_models._authoring.cases_pytest",
         "-p", "no:cacheprovider", "--rootdir", str(folder), "-o", "addopts=", *args,
         str(folder)], capture_output=True, text=True, env=env, cwd=folder, check=False,
        timeout=300)


def test_pytest_collects_each_case_as_an_item_named_by_the_case(small_sets: Path) -> None:
    write(small_sets, "family.test.yaml", GOOD.replace("total: 70", "total: 75"))
    write(small_sets, "broken.test.yaml", "format: learning-models/test-cases/1\ncases: []\n")
    done = _pytest(small_sets, "-v")
    assert "family.test.yaml::everything met → recognised, grade good PASSED" in done.stdout
    assert "family.test.yaml::no study corner → 70, recognised, grade fair FAILED" in done.stdout
    assert "family.test.yaml:9: no study corner → 70, recognised, grade fair\n" \
           "  total: expected 75, got 70 (of 100)" in done.stdout
    assert "broken.test.yaml::problems FAILED" in done.stdout
    assert "the file names no criteria set [missing-key]" in done.stdout
    assert "3 passed" in done.stdout and "2 failed" in done.stdout
    assert done.returncode == 1


def test_cli_test_without_shipped_cases_says_so_without_a_machine_path(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    monkeypatch.setattr("learning_models._cli.cases.shipped_criteria_dir", lambda: tmp_path)
    assert run(capsys, "test", "--lang", "en") == (1, "0 passed, 0 failed\n",
                                   "no test files (*.test.yaml) in criteria [file-not-found]\n")


def test_cli_validate_refuses_a_case_value_the_set_would_reject(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    path = write(small_sets, "family.test.yaml", GOOD.replace(
        "inputs: {corner: false}", "inputs: {corner: false, adults: two}"))
    status, out, err = run(capsys, "validate", "--lang", "en", str(path), "--criteria-dir",
                           str(small_sets))
    assert (status, out) == (1, "")
    assert err.splitlines()[0] == (f"{path}:10:37: 'adults' must be a whole number, found 'two' "
                                   "[invalid-value]")
