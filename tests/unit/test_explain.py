"""Explanations: every indicator, the values read, the decision and the gaps, in vi or en."""

from __future__ import annotations

from pathlib import Path

from builders import booleans, build, ind, make_set

import learning_models as lm

SPEC = build(make_set(
    booleans("a", "b", "c"),
    {"C1": [ind("C1.1", "a", mandatory=True, verified=True),
            ind("C1.2", "b", evidence=["photo"], verified=False)],
     "C2": [ind("C2.1", "c", points=5)]},
    "total >= 15 and mandatory_met", grades=[("good", 25), ("fair", 15)]))


def explain(lang: str = "vi", **values: object) -> str:
    results = lm.evaluate(SPEC, [{"id": "S", "name": "Hộ A", **values}], year=2024)
    assert results.errors == ()
    return results[0].explain(lang=lang)  # type: ignore[arg-type]


def test_a_recognised_subject_in_vietnamese() -> None:
    assert explain(a=True, b=True, c=False) == """\
Đối tượng: S — Hộ A
Bộ tiêu chí: Bộ thử (test/built, 2021-2025)
Năm đánh giá: 2024

C1. Tiêu chí C1: 20/20 điểm
  C1.1 Chỉ số C1.1: 10/10 (đạt, bắt buộc)
      giá trị đã đọc: a = có
  C1.2 Chỉ số C1.2: 10/10 (đạt, chưa được xác minh nguồn)
      giá trị đã đọc: b = có

C2. Tiêu chí C2: 0/5 điểm
  C2.1 Chỉ số C2.1: 0/5 (không đạt)
      giá trị đã đọc: c = không

Tổng điểm: 20/25 điểm
Kết quả: Đạt — đủ điều kiện công nhận
Xếp loại: FAIR
"""


def test_an_incomplete_subject_in_english_names_what_is_missing() -> None:
    assert explain("en", a=True, b=None, c=False) == """\
Subject: S — Hộ A
Criteria set: Test set (test/built, 2021-2025)
Evaluation year: 2024

C1. Criterion C1: 10/20 points
  C1.1 Indicator C1.1: 10/10 (met, mandatory)
      values read: a = yes
  C1.2 Indicator C1.2: 0/10 (evidence missing, source not verified)
      values read: b = not given

C2. Criterion C2: 0/5 points
  C2.1 Indicator C2.1: 0/5 (not met)
      values read: c = no

Total: 10/25 points
Decision: Incomplete: evidence missing
Grade: not decided — depending on the missing evidence, from no grade to Fair
To be recognised, also meet:
  - C1.2 Indicator C1.2 (+10 points; evidence: photo)
"""


def test_gaps_mark_mandatory_indicators_in_vietnamese() -> None:
    text = explain(a=False, b=True, c=True)
    assert "Kết quả: Không đạt — chưa đủ điều kiện công nhận\n" in text
    assert text.endswith("Cần đạt thêm để được công nhận:\n"
                         "  - C1.1 Chỉ số C1.1 (+10 điểm, bắt buộc)\n")
    assert "Xếp loại" not in text


def test_an_unreachable_pass_is_said_plainly() -> None:
    spec = build(make_set(booleans("a"), {"C1": [ind("I1", "a")]}, "total >= 99"))
    result = lm.evaluate(spec, [{"id": "S", "a": False}])[0]
    assert result.explain("en").endswith(
        "Decision: Not recognised\n"
        "Even meeting every remaining indicator would not be enough.\n")
    assert result.explain("vi").endswith(
        "Dù đạt mọi chỉ số còn thiếu vẫn chưa đủ điều kiện công nhận.\n")


def test_the_explanation_agrees_with_the_evaluation_for_every_example_household() -> None:
    examples = Path(__file__).parents[2] / "examples" / "family"
    spec = lm.load_criteria(examples / "family-set.yaml")
    frame, _ = lm.read_evidence(examples / "households.csv")
    words = {"recognised": "Recognised", "not_recognised": "Not recognised",
             "incomplete": "Incomplete: evidence missing"}
    for result in lm.evaluate(spec, frame, year=2024):
        text = result.explain("en")
        assert f"Total: {result.total:g}/100 points\n" in text
        assert f"Decision: {words[result.status]}\n" in text
        for indicator in result.indicators:
            assert f"  {indicator.indicator} " in text
        for gap in result.gaps:
            assert f"  - {gap.indicator} " in text


def test_numbers_read_are_shown_briefly() -> None:
    spec = build(make_set({"x": "integer", "y": "integer"}, {"C1": [ind("I1", "share >= 0.5")]},
                          derived={"share": "ratio(x, y)"}))
    text = lm.evaluate(spec, [{"id": "S", "x": 1, "y": 3}])[0].explain("en")
    assert "      values read: share = 0.3333, x = 1, y = 3\n" in text
    assert "Evaluation year" not in text


def test_an_enum_value_read_is_shown_with_its_label_in_the_language_asked() -> None:
    spec = lm.load_criteria(Path("examples/family/family-set.yaml"))
    record = {"id": "H", "income": "tăng"}
    vi = lm.evaluate(spec, [record], year=2024)[0].explain(lang="vi")
    en = lm.evaluate(spec, [record], year=2024)[0].explain(lang="en")
    assert "income = tăng" in vi and "income = higher" not in vi
    assert "income = higher" in en
