"""Format 1.1 ``applies``: indicators (and criteria) that count for some subjects only.

Where ``applies`` is false the indicator is ``not_applicable``: it scores nothing, is left
out of the subject's ``max_total``, of ``min_points()`` and of the gap advice, and counts as
met (``mandatory_met``, ``met()``). Where missing evidence leaves it open, the indicator is
``missing``: in the worst case it applies at 0 points, in the best case at its maximum
(and is left out of ``min_points()``). Every scenario is scored by both engines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jsonschema
import pytest
from builders import dump, lines_of, load_text, text

import learning_models as lm
from learning_models._authoring.diff import diff_sets
from learning_models._scoring.output_schema import results_schema

FORMAT_1_1 = "learning-models/criteria-set/1.1"
FEW = 16


def unit_set(pass_rule: str, *, fmt: str = FORMAT_1_1, school_applies: str = "is_school",
             plan_applies: str | None = None, mandatory_school: bool = True,
             ) -> dict[str, Any]:
    """A unit set after Thông tư 24/2023's shape: a common criterion, and one that only
    counts for schools."""
    plan: dict[str, Any] = {"id": "A.1", "title": text("Kế hoạch", "Plan"), "points": 10,
                            "awarded": "plan_points"}
    if plan_applies is not None:
        plan["applies"] = plan_applies
    return {
        "format": fmt, "id": "test/applies", "model": "unit", "period": "2024-2030",
        "title": text("Đơn vị học tập", "Learning unit"), "source": {"verified": False},
        "inputs": {"is_school": {"type": "boolean"},
                   "members_share": {"type": "number", "minimum": 0, "maximum": 1},
                   "plan_points": {"type": "number", "minimum": 0, "maximum": 10},
                   "school_points": {"type": "number", "minimum": 0, "maximum": 20}},
        "criteria": [
            {"id": "A", "title": text("Chung", "Common"), "indicators": [
                plan,
                {"id": "A.2", "title": text("Thành viên", "Members"), "points": 10,
                 "when": "members_share >= 0.9"}]},
            {"id": "S", "title": text("Trường học", "Schools"), "applies": school_applies,
             "indicators": [
                 {"id": "S.1", "title": text("Trường học", "School"), "points": 20,
                  "mandatory": mandatory_school, "awarded": "school_points"}]}],
        "recognition": {"pass": pass_rule},
    }


SHARE = load_text(dump(unit_set("total_share >= 0.8 and mandatory_met")))
MIN = load_text(dump(unit_set("min_points() >= 5", mandatory_school=False)))


def both_engines(spec: lm.CriteriaSet, record: Mapping[str, Any]) -> lm.Evaluation:
    """The record's evaluation, the same row by row and column-wise."""
    alone = lm.evaluate(spec, [dict(record)], year=2024)
    padded = [dict(record), *({**record, "id": f"P{k}"} for k in range(FEW + 1))]
    batch = lm.evaluate(spec, padded, year=2024)
    assert alone.errors == () and batch.errors == ()
    assert alone[0].to_dict() == batch[0].to_dict()
    assert alone[0].explain() == batch[0].explain()
    return alone[0]


def unit(**values: Any) -> dict[str, Any]:
    return {"id": "U", "members_share": 0.95, "plan_points": 8, **values}


def statuses(result: lm.Evaluation) -> dict[str, str]:
    return {r.indicator: r.status for r in result.indicators}


# --------------------------------------------------------------------------- scoring

def test_an_indicator_that_does_not_apply_scores_nothing_and_leaves_the_maximum() -> None:
    result = both_engines(SHARE, unit(is_school=False))
    assert statuses(result)["S.1"] == "not_applicable"
    assert (result.total, result.max_total) == (18.0, 20.0)
    assert result.status == "recognised"     # 18 of the 20 that apply: 90 %
    data = result.to_dict()
    assert data["max_total"] == 20.0
    assert data["indicators"][2] == {"id": "S.1", "points": 0.0, "max_points": 20.0,
                                     "status": "not_applicable"}


def test_an_indicator_that_applies_counts_in_the_subjects_maximum() -> None:
    result = both_engines(SHARE, unit(is_school=True, school_points=20))
    assert (result.total, result.max_total, result.status) == (38.0, 40.0, "recognised")
    result = both_engines(SHARE, unit(is_school=True, school_points=10))
    assert (result.total, result.max_total, result.status) == (28.0, 40.0, "not_recognised")


def test_the_frame_gives_each_subject_its_own_maximum() -> None:
    frame = lm.evaluate(SHARE, [unit(id="A", is_school=False),
                                unit(id="B", is_school=True, school_points=20)],
                        year=2024).to_frame()
    assert frame["max_total"].to_list() == [20.0, 40.0]
    assert frame["status[S.1]"].to_list() == ["not_applicable", "met"]


def test_a_mandatory_indicator_that_does_not_apply_is_not_asked_for() -> None:
    result = both_engines(SHARE, unit(is_school=False))
    assert result.status == "recognised"     # mandatory_met holds without S.1


def test_met_holds_for_an_indicator_that_does_not_apply() -> None:
    spec = load_text(dump(unit_set("met('S.1') and total >= 10")))
    assert both_engines(spec, unit(is_school=False)).status == "recognised"
    assert both_engines(spec, unit(is_school=True, school_points=19)).status \
        == "not_recognised"


def test_min_points_leaves_out_the_indicators_that_do_not_apply() -> None:
    assert both_engines(MIN, unit(is_school=False)).status == "recognised"
    assert both_engines(MIN, unit(is_school=True, school_points=4)).status == "not_recognised"


def test_a_minimum_over_no_indicator_that_applies_holds_every_bound() -> None:
    spec = load_text(dump(unit_set("min_points('S') >= 5 and total >= 10")))
    assert both_engines(spec, unit(is_school=False)).status == "recognised"


@pytest.mark.parametrize(("rule", "status"), [
    ("total_share == 0", "recognised"),
    ("total_share >= 0.5", "not_recognised"),    # nothing applies: nothing earned
])
def test_the_share_is_zero_when_no_indicator_applies(rule: str, status: str) -> None:
    data = unit_set(rule, plan_applies="is_school")
    data["criteria"][0]["indicators"][1]["applies"] = "is_school"
    result = both_engines(load_text(dump(data)), unit(is_school=False))
    assert (result.total, result.max_total, result.status) == (0.0, 0.0, status)


def test_a_criterion_that_does_not_apply_takes_all_its_indicators_out() -> None:
    result = both_engines(SHARE, unit(is_school=False))
    assert [r.status for r in result.indicators if r.criterion == "S"] == ["not_applicable"]


def test_the_criterion_and_the_indicator_condition_must_both_hold() -> None:
    spec = load_text(dump(unit_set("total >= 0", plan_applies="not is_school")))
    assert statuses(both_engines(spec, unit(is_school=True, school_points=1)))["A.1"] \
        == "not_applicable"
    assert statuses(both_engines(spec, unit(is_school=False)))["A.1"] == "partly_met"


# --------------------------------------------------------------------------- open applicability

def test_an_indicator_whose_applicability_is_not_known_is_missing() -> None:
    result = both_engines(SHARE, unit(school_points=20))    # is_school not given
    assert statuses(result)["S.1"] == "missing"
    assert (result.total, result.max_total) == (18.0, 40.0)
    assert result.status == "incomplete"   # 18/40 if it applies at 0; 38/40 at its maximum


def test_open_applicability_is_recognised_when_even_the_worst_case_passes() -> None:
    spec = load_text(dump(unit_set("total >= 18", mandatory_school=False)))
    assert both_engines(spec, unit()).status == "recognised"


def test_open_applicability_is_not_recognised_when_even_the_best_case_fails() -> None:
    spec = load_text(dump(unit_set("total_share >= 0.8", mandatory_school=False)))
    assert both_engines(spec, unit(members_share=0.1, plan_points=0)).status \
        == "not_recognised"


def test_in_the_best_case_an_open_indicator_is_left_out_of_the_minimum() -> None:
    # S.1 at its maximum or not applying both keep the minimum at 8: the best case passes,
    # the worst (S.1 applies at 0) fails
    assert both_engines(MIN, unit()).status == "incomplete"
    spec = load_text(dump(unit_set("min_points() >= 9", mandatory_school=False)))
    assert both_engines(spec, unit()).status == "not_recognised"   # A.1 at 8 decides


def test_the_gap_advice_names_the_open_indicator_and_skips_those_that_do_not_apply() -> None:
    open_ = both_engines(SHARE, unit())
    assert [g.indicator for g in open_.gaps] == ["S.1"]
    closed = both_engines(SHARE, unit(is_school=False, members_share=0.1))
    assert [g.indicator for g in closed.gaps] == ["A.2"]
    assert all(g.indicator != "S.1" for g in closed.gaps)


def test_the_batch_gaps_are_the_ones_found_one_by_one() -> None:
    schools = (True, False, None)
    records = [unit(id=f"U{k}", is_school=schools[k % 3], members_share=0.04 * k,
                    plan_points=k % 11, school_points=k % 21) for k in range(24)]
    batch = lm.evaluate(SHARE, records, year=2024)
    together = [d["gaps"] for d in batch.to_dict()["evaluations"]]
    alone = [lm.evaluate(SHARE, [r], year=2024)[0].to_dict()["gaps"] for r in records]
    assert together == alone


# --------------------------------------------------------------------------- explanations

def test_the_explanation_says_what_does_not_apply_in_both_languages() -> None:
    result = both_engines(SHARE, unit(is_school=False))
    vi, en = result.explain(), result.explain(lang="en")
    assert "S. Trường học: không áp dụng" in vi
    assert "S.1 Trường học: — (không áp dụng, bắt buộc)" in vi
    assert "Tổng điểm: 18/20 điểm" in vi
    assert "S. Schools: not applicable" in en and "Total: 18/20 points" in en


def test_the_explanation_says_when_whether_it_applies_is_not_known() -> None:
    result = both_engines(SHARE, unit())
    assert "(thiếu minh chứng, chưa rõ có áp dụng không, bắt buộc)" in result.explain()
    assert "not known whether it applies" in result.explain(lang="en")


def test_results_with_indicators_that_do_not_apply_follow_the_results_schema() -> None:
    batch = lm.evaluate(SHARE, [unit(id="A", is_school=False), unit(id="B")], year=2024)
    jsonschema.Draft202012Validator(results_schema()).validate(batch.to_dict())


# --------------------------------------------------------------------------- authoring

def test_applies_in_a_format_1_file_says_to_declare_format_1_1() -> None:
    old = dump(unit_set("total >= 5", fmt="learning-models/criteria-set/1"))
    found = [line for line in lines_of(old) if "'applies' needs format 1.1" in line]
    assert found and "criterion 'S'" in found[0]
    assert any(FORMAT_1_1 in line for line in lines_of(old))


def test_applies_must_be_a_condition() -> None:
    found = lines_of(dump(unit_set("total >= 5", plan_applies="plan_points + 1")))
    assert any("'applies' of indicator 'A.1' must be a condition" in line for line in found)


def test_total_share_is_a_reserved_name_in_format_1_1() -> None:
    data = unit_set("total >= 5")
    data["inputs"]["total_share"] = {"type": "number"}
    assert any("'total_share' is a reserved name" in line for line in lines_of(dump(data)))


def test_diff_shows_a_changed_applies() -> None:
    new = load_text(dump(unit_set("total_share >= 0.8 and mandatory_met",
                                  school_applies="is_school and members_share >= 0.5")))
    (change,) = [c for c in diff_sets(SHARE, new).criteria if c.id == "S"]
    (field,) = change.fields
    assert (field.field, field.old, field.new) == \
        ("applies", "is_school", "is_school and members_share >= 0.5")


def test_lint_flags_an_applies_that_always_holds() -> None:
    spec = load_text(dump(unit_set("total >= 5", plan_applies="members_share >= 0")))
    found = [p for p in lm.lint_set(spec) if p.code == "comparison-out-of-bounds"]
    assert found and "always holds" in found[0].message


def test_lint_flags_a_share_the_pass_rule_can_never_reach() -> None:
    spec = load_text(dump(unit_set("total_share >= 1.5")))
    assert any(p.code == "threshold-above-max" for p in lm.lint_set(spec))


def test_a_set_without_applies_keeps_the_sets_maximum() -> None:
    data = unit_set("total >= 5")
    del data["criteria"][1]["applies"]
    spec = load_text(dump(data))
    result = both_engines(spec, unit(school_points=3))
    assert result.max_total == 40.0 and statuses(result)["S.1"] == "partly_met"
