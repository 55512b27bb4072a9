"""What stops an evaluation, a roll-up or a comparison of two sets is said in Vietnamese by
default and in the English it always had."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_data import CITY, DATA, sets

import learning_models as lm
from learning_models._evidence.dataset import read_dataset

ROOT = Path(__file__).parents[2]
FAMILY = ROOT / "examples" / "family" / "family-set.yaml"
CITIZEN = ROOT / "criteria" / "vn" / "2021-2030" / "citizen.yaml"


def _said(call: object) -> tuple[str, str]:
    with pytest.raises(lm.LearningModelsError) as caught:
        call()  # type: ignore[operator]
    return caught.value.text("vi"), str(caught.value)


def test_evaluating_with_no_set_or_sets_of_two_models_is_said_in_vietnamese() -> None:
    assert _said(lambda: lm.evaluate_routed([], [{"id": "a"}])) == (
        "không có bộ tiêu chí nào để đánh giá", "no criteria set to evaluate with")
    family, citizen = lm.load_criteria(FAMILY), lm.load_criteria(CITIZEN)
    assert _said(lambda: lm.evaluate_routed([family, citizen], [{"id": "a"}])) == (
        "các bộ tiêu chí đã cho thuộc nhiều mô hình: citizen, family",
        "sets of several models given: citizen, family")


def test_a_dataset_without_a_year_or_a_set_is_said_in_vietnamese() -> None:
    dataset = read_dataset(DATA / "2024")
    given = {model: spec for model, spec in sets().items() if model != "family"}
    assert _said(lambda: lm.evaluate_dataset(dataset, sets=given)) == (
        "không có bộ tiêu chí nào được chỉ cho mô hình 'family'; hãy cho biết năm đánh giá để "
        "dùng các bộ tiêu chí có hiệu lực năm đó",
        "no criteria set given for 'family'; give the evaluation year to use the sets in force")
    assert _said(lambda: lm.evaluate_dataset(dataset, sets={**given, "family": ()})) == (
        "không có bộ tiêu chí nào được chỉ cho mô hình 'family'",
        "no criteria set given for 'family'")
    evaluation = lm.evaluate_dataset(dataset, sets=sets())
    assert _said(lambda: lm.rollup(evaluation, CITY)) == (
        "chỉ tiêu cần năm đánh giá; hãy đánh giá với một năm cụ thể",
        "targets need the evaluation year; evaluate with a year")


def test_comparing_sets_of_two_models_is_said_in_vietnamese() -> None:
    family, citizen = lm.load_criteria(FAMILY), lm.load_criteria(CITIZEN)
    dataset = read_dataset(DATA / "2024")
    vietnamese, english = _said(lambda: lm.impact(dataset, year=2024, before=family,
                                                  after=citizen))
    assert vietnamese == (f"hai bộ tiêu chí thuộc hai mô hình khác nhau: {family.id!r} là mô "
                          f"hình 'family', {citizen.id!r} là mô hình 'citizen'")
    assert english == (f"the sets are of different models: {family.id!r} is 'family', "
                       f"{citizen.id!r} is 'citizen'")


def test_a_year_outside_the_sets_period_is_said_in_vietnamese() -> None:
    family = lm.load_criteria(FAMILY)
    assert _said(lambda: lm.evaluate(family, [{"id": "a"}], year=2040)) == (
        f"năm 2040 nằm ngoài giai đoạn {family.period} của bộ tiêu chí {family.id!r}",
        f"year 2040 is outside the period {family.period} of criteria set {family.id!r}")


def test_round_with_digits_out_of_range_is_said_in_vietnamese(tmp_path: Path) -> None:
    text = FAMILY.read_text(encoding="utf-8")
    broken = tmp_path / "round.yaml"
    broken.write_text(text.replace("derived:\n", "derived:\n  rounded: round(1.5, 16)\n", 1),
                      encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(broken)
    (problem,) = [p for p in caught.value.problems if p.code == "wrong-arguments"]
    assert problem.message == "round(): ndigits must be a literal integer from 0 to 15"
    assert problem.text("vi") == \
        "round(): ndigits phải là một số nguyên ghi trực tiếp, từ 0 đến 15"
