"""Which parts of a set rest on a verified source: indicators, and the recognition rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from learning_models import CriteriaSet, load_criteria
from learning_models.errors import CriteriaError

SET = """format: learning-models/criteria-set/{fmt}
id: test/sources
model: unit
period: "2021-2025"
title: {{vi: Bộ thử, en: Test set}}
source: {{verified: true, document: Thông tư thử}}
inputs:
  score: {{type: number, minimum: 0, maximum: 10}}
criteria:
  - id: C1
    title: {{vi: Tiêu chí, en: Criterion}}
    indicators:
      - id: C1.1
        title: {{vi: Chỉ số, en: Indicator}}
        points: 10
        when: score >= 5
recognition:
  pass: total >= 5
{rule_source}
  grades:
    - id: good
      title: {{vi: Tốt, en: Good}}
      min: 10
{grade_source}
    - id: fair
      title: {{vi: Khá, en: Fair}}
      min: 5
"""


def _set(tmp_path: Path, fmt: str = "1.1", rule_source: str = "", grade_source: str = "",
         ) -> CriteriaSet:
    path = tmp_path / "set.yaml"
    path.write_text(SET.format(fmt=fmt, rule_source=rule_source, grade_source=grade_source),
                    encoding="utf-8")
    return load_criteria(path)


def test_the_rule_rests_on_the_sets_source_unless_it_names_its_own(tmp_path: Path) -> None:
    assert _set(tmp_path).recognition_verified_share == 1.0
    unverified = "  source: {verified: false, note: Reconstructed.}"
    assert _set(tmp_path, rule_source=unverified).recognition_verified_share == 0.0
    grade = "      source: {verified: false, note: Reconstructed.}"
    assert _set(tmp_path, grade_source=grade).recognition_verified_share == \
        pytest.approx(2 / 3)


def test_a_rule_source_needs_format_1_1(tmp_path: Path) -> None:
    with pytest.raises(CriteriaError, match=r"format 1\.1"):
        _set(tmp_path, fmt="1", rule_source="  source: {verified: false, note: X.}")
