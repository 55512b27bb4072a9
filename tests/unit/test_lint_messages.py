"""Every lint finding, its message and its hint, is said in Vietnamese by default and in the
English it always had with ``--lang en``."""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main
from learning_models._documents import format_problem
from learning_models._documents.yaml import parse_yaml

#: A set with a finding of nearly every kind.
FLAWED = """\
format: learning-models/criteria-set/1
id: test/flawed
model: family
period: 2021-2025
title: {vi: Thử, en: Test}
source: {verified: false}
inputs:
  adults: {type: integer, minimum: 0, maximum: 30}
  unused: {type: integer, minimum: 0}
  big: {type: integer}
  wide: {type: integer, minimum: 0, maximum: 10000000000}
derived:
  idle: adults * 2
  huge: big * big
criteria:
  - id: C1
    title: {vi: Hoc tap, en: One}
    indicators:
      - id: C1.1
        title: {vi: Một, en: One}
        points: 10
        mandatory: true
        when: adults > 40
      - id: C1.2
        title: {vi: Hai, en: Two}
        points: 10
        levels:
          - {when: adults >= 1, points: 5}
          - {when: adults >= 2, points: 10}
          - {when: adults / 0 > 1, points: 0}
      - id: C1.3
        title: {vi: Ba, en: Three}
        points: 10
        when: wide * wide > 1
recognition:
  pass: total >= 200
  grades:
    - {id: good, title: {vi: Tốt, en: Good}, min: 500}
"""


def _findings() -> list[lm.Problem]:
    return lm.lint_set(lm.validate_criteria(parse_yaml(FLAWED, "flawed.yaml")))


def test_every_finding_is_said_from_the_catalogue_in_both_languages() -> None:
    found = _findings()
    assert len(found) >= 15
    for problem in found:
        assert problem.said is not None, problem.message
        assert format_problem(problem, "en") == problem.format()
        assert problem.text("vi") != problem.message, problem.message
        hint = problem.hint_text("vi")
        assert (hint is None) == (problem.hint is None)
        assert hint is None or hint != problem.hint


def test_the_findings_read_as_vietnamese() -> None:
    said = {problem.text("vi") for problem in _findings()}
    assert {
        "điều kiện công nhận không thỏa mãn ngay cả khi mọi chỉ số đều đạt đủ điểm (tổng 30/30 "
        "điểm): không đối tượng nào được công nhận",
        "điều kiện công nhận đòi 'total >= 200', nhưng tổng điểm tối đa chỉ là 30",
        "xếp loại 'good' cần 500 điểm, nhiều hơn tổng điểm tối đa 30: không đối tượng nào đạt "
        "được",
        "chỉ số bắt buộc 'C1.1' không bao giờ đạt: điều kiện của nó không bao giờ đúng, nên "
        "không đối tượng nào được công nhận",
        "'adults > 40' không bao giờ đúng: 'adults' được khai báo từ 0 đến 30",
        "mức 2 của 'C1.2' không bao giờ được tính: mỗi khi 'adults >= 2' đúng thì một mức trước "
        "nó đã khớp",
        "'adults / 0' chia cho 0, nên giá trị của nó bị thiếu với mọi đối tượng",
        "thông tin 'unused' không được dùng: không chỉ số hay giá trị dẫn xuất nào đọc nó",
        "tiêu đề tiếng Việt của tiêu chí 'C1' không có dấu tiếng Việt: 'Hoc tap'; có phải dấu "
        "đã bị mất?",
    } <= said


def test_a_number_beyond_64_bits_is_grouped_as_each_language_groups_it() -> None:
    (problem,) = [p for p in _findings() if p.code == "integer-overflow"
                  and "wide" in p.message]
    assert problem.message.startswith("'wide * wide' can reach 100,000,000,000,000,000,000 "
                                      "given the declared bounds")
    assert problem.text("vi").startswith("'wide * wide' có thể đạt tới "
                                         "100.000.000.000.000.000.000 với các giới hạn")


def test_lint_prints_vietnamese_and_english_on_demand(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "flawed.yaml"
    path.write_text(FLAWED, encoding="utf-8")
    assert main(["lint", str(path)]) == 1
    err = capsys.readouterr().err
    assert (f"{path}:29:41: cảnh báo: mức 2 của 'C1.2' cho nhiều điểm (10) hơn mức 1 (5); "
            "mức đầu tiên thỏa mãn sẽ được tính [levels-order]\n"
            "  gợi ý: hãy liệt kê các mức từ đòi hỏi cao nhất đến thấp nhất\n") in err
    assert main(["lint", "--lang", "en", str(path)]) == 1
    err = capsys.readouterr().err
    assert (f"{path}:29:41: warning: level 2 of 'C1.2' gives more points (10) than level 1 "
            "(5); the first level that holds wins [levels-order]\n"
            "  hint: list levels from the most to the least demanding\n") in err
