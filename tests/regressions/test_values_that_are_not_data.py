"""Hardening (issue 18, cases 5, 6, 7, 12): values a file can spell but that are not data.

A huge integer, an escaped lone surrogate or a number that is not finite rejects the one
evidence record it is in (with its reason), never the file or the batch; in a criteria set,
an overlay, targets or a test case it is a located ``invalid-value`` problem.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main

ROOT = Path(__file__).parents[2]
FAMILY_SET = ROOT / "examples" / "family" / "family-set.yaml"
CRITERIA = ROOT / "criteria"
SURROGATE = "\\ud800"  # as written in the file: an escape, not the character
HUGE = "9" * 5000      # beyond Python's 4,300-digit conversion limit
LONG = "9" * 400       # converts to int, not to float


def evaluate_file(path: Path) -> tuple[list[str], list[tuple[int, str, str]]]:
    frame, errors = lm.read_evidence(path)
    results = lm.evaluate(lm.load_criteria(FAMILY_SET), frame, year=2024, file=str(path))
    rejected = [(e.row, e.code, e.message) for e in [*errors, *results.errors]]
    return [r.subject for r in results], rejected


JSON_CASES = {
    "integer-of-5000-digits": f'[{{"id": "A", "adults": {HUGE}}}, {{"id": "B", "adults": 2}}]',
    "lone-surrogate-value": f'[{{"id": "A", "name": "{SURROGATE}"}}, {{"id": "B", "adults": 2}}]',
    "lone-surrogate-key": f'[{{"id": "A", "{SURROGATE}": 1}}, {{"id": "B", "adults": 2}}]',
    "lone-surrogate-id": f'[{{"id": "{SURROGATE}", "adults": 1}}, {{"id": "B", "adults": 2}}]',
}
YAML_CASES = {
    "nan": "- {id: A, adults: .nan}\n- {id: B, adults: 2}\n",
    "infinity": "- {id: A, adults: -.inf}\n- {id: B, adults: 2}\n",
    "integer-of-5000-digits": f"- {{id: A, adults: {HUGE}}}\n- {{id: B, adults: 2}}\n",
    "integer-of-400-digits": f"- {{id: A, adults: {LONG}}}\n- {{id: B, adults: 2}}\n",
    "lone-surrogate-value": f'- {{id: A, name: "{SURROGATE}"}}\n- {{id: B, adults: 2}}\n',
    "lone-surrogate-key": f'- {{id: A, "{SURROGATE}": 1}}\n- {{id: B, adults: 2}}\n',
    "bad-timestamp-int": "- {id: A, adults: 0x}\n- {id: B, adults: 2}\n",
}


@pytest.mark.parametrize(("suffix", "text"), [
    *((".json", t) for t in JSON_CASES.values()), *((".yaml", t) for t in YAML_CASES.values())],
    ids=[*(f"json-{k}" for k in JSON_CASES), *(f"yaml-{k}" for k in YAML_CASES)])
def test_a_value_that_is_not_data_rejects_its_record_and_the_next_one_is_evaluated(
        tmp_path: Path, suffix: str, text: str) -> None:
    path = tmp_path / f"households{suffix}"
    path.write_text(text, encoding="utf-8")
    subjects, rejected = evaluate_file(path)
    assert subjects == ["B"]
    assert [(row, code) for row, code, _ in rejected] == [(1, "invalid-record")]
    json.dumps(rejected, ensure_ascii=False).encode("utf-8")  # writable as it is


def test_a_huge_integer_in_json_evidence_says_how_long_it_is(tmp_path: Path) -> None:
    path = tmp_path / "households.json"
    path.write_text(JSON_CASES["integer-of-5000-digits"], encoding="utf-8")
    _, rejected = evaluate_file(path)
    assert rejected[0][2] == "'adults': a number of about 5,000 digits; at most 300 are read"


def test_a_lone_surrogate_in_python_records_rejects_only_that_record() -> None:
    results = lm.evaluate(lm.load_criteria(FAMILY_SET),
                          [{"id": "A\ud800", "adults": 1}, {"id": "B", "adults": 2},
                           {"id": "C", "adults": 10**400}], year=2024)
    assert [r.subject for r in results] == ["B"]
    assert [(e.record, e.row) for e in results.errors] == [("A\\ud800", 1), ("C", 3)]
    assert results.errors[1].message == "'adults' is a number of about 401 digits; at most " \
                                        "300 are read"


def test_evaluate_writes_errors_of_a_surrogate_record_and_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "households.json"
    path.write_text(JSON_CASES["lone-surrogate-id"], encoding="utf-8")
    errors = tmp_path / "errors.csv"
    status = main(["evaluate", "--criteria", str(FAMILY_SET), "--input", str(path),
                   "--year", "2024", "--errors", str(errors)])
    _out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in err
    assert "\\ud800" in errors.read_text(encoding="utf-8")


# --- documents: a located problem -------------------------------------------------------------


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_a_lone_surrogate_in_a_criteria_set_is_a_located_problem(tmp_path: Path) -> None:
    text = FAMILY_SET.read_text(encoding="utf-8")
    path = tmp_path / "set.yaml"
    path.write_text(_with(text, "  en: Learning family (example after framework 448/QĐ-KHVN)",
                          f'  en: "Learning family {SURROGATE}"'), encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.span.line if problem.span else None) == ("invalid-value", 11)
    assert "half of a surrogate pair" in problem.message


@pytest.mark.parametrize("value", [LONG, HUGE])
def test_an_integer_too_long_for_a_float_in_points_is_a_located_problem(
        tmp_path: Path, value: str) -> None:
    text = FAMILY_SET.read_text(encoding="utf-8")
    path = tmp_path / "set.yaml"
    path.write_text(re.sub(r"points: 10\b", f"points: {value}", text, count=1), encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(path)
    assert [p.code for p in caught.value.problems] == ["invalid-value"]
    assert f"about {len(value):,} digits" in caught.value.problems[0].message


def test_a_lone_surrogate_in_targets_is_refused_before_any_report(tmp_path: Path) -> None:
    text = (CRITERIA / "targets" / "bac-kan-city.yaml").read_text(encoding="utf-8")
    path = tmp_path / "targets.yaml"
    path.write_text(_with(text, "en: Bắc Kạn city}", f'en: "Bắc Kạn city {SURROGATE}"}}'),
                    encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_targets(path)
    assert [p.code for p in caught.value.problems] == ["invalid-value"]


def test_a_huge_total_in_a_test_case_is_a_located_problem(tmp_path: Path) -> None:
    text = (CRITERIA / "vn" / "2021-2025" / "family.test.yaml").read_text(encoding="utf-8")
    path = tmp_path / "family.test.yaml"
    path.write_text(_with(text, "total: 100", f"total: {LONG}"), encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_cases(path)
    assert [p.code for p in caught.value.problems] == ["invalid-value"]
    assert caught.value.problems[0].span is not None


def test_a_lone_surrogate_in_an_overlay_is_a_located_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "overlay.yaml"
    path.write_text("format: learning-models/overlay/1\nname: local/x\n"
                    "target: vn/2021-2025/family\n"
                    f'source: {{document: "{SURROGATE}", verified: false}}\n'
                    "remove: {indicators: [C4.2]}\n", encoding="utf-8")
    status = main(["show", "vn/2021-2025/family", "--overlay", str(path)])
    _, err = capsys.readouterr()
    assert status == 3  # nothing could be shown (docs/errors.md)
    assert f"{path}:4:" in err and "[invalid-value]" in err
