"""Scoring: missing evidence is never false, levels take the first match, and the decision is
recognised / not recognised / incomplete exactly as the worst and best cases say."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from builders import booleans, build, ind, make_set

import learning_models as lm

ABC = booleans("a", "b", "c")


def one(spec: lm.CriteriaSet, **values: Any) -> lm.Evaluation:
    results = lm.evaluate(spec, [{"id": "S", **values}])
    assert results.errors == ()
    return results[0]


def indicator(spec: lm.CriteriaSet, **values: Any) -> tuple[float, str]:
    (result, *_) = one(spec, **values).indicators
    return result.points, result.status


def single(when: str, inputs: dict[str, Any] | None = None) -> lm.CriteriaSet:
    return build(make_set(inputs or ABC, {"C1": [ind("I1", when)]}))


# --- missing evidence ----------------------------------------------------------------------------


@pytest.mark.parametrize("when", ["a", "not a", "a == False", "a != True", "not (a and True)"])
def test_a_missing_input_leaves_the_indicator_missing_never_not_met(when: str) -> None:
    assert indicator(single(when), a=None) == (0.0, "missing")


@pytest.mark.parametrize("when", ["x >= 1", "x < 1", "x == 0", "ratio(x, 2) >= 0.5",
                                  "x + 1 > 0", "x in [0, 1]", "x not in [0, 1]",
                                  "min(x, 3) >= 0"])
def test_a_missing_number_leaves_numeric_conditions_missing(when: str) -> None:
    assert indicator(single(when, {"x": "integer"}), x=None) == (0.0, "missing")


def test_a_missing_derived_value_leaves_the_indicator_missing() -> None:
    spec = build(make_set({"x": "integer", "y": "integer"}, {"C1": [ind("I1", "share >= 1")]},
                          derived={"share": "ratio(x, y)"}))
    assert indicator(spec, x=1, y=None) == (0.0, "missing")
    assert indicator(spec, x=0, y=0) == (10.0, "met")  # ratio() with b == 0 is 1.0


def test_default_is_the_explicit_way_to_count_missing_as_a_value() -> None:
    assert indicator(single("default(a, False)"), a=None) == (0.0, "not_met")
    assert indicator(single("default(a, True)"), a=None) == (10.0, "met")


@pytest.mark.parametrize(("when", "a", "b", "expected"), [
    ("a or b", None, True, (10.0, "met")),
    ("a or b", True, None, (10.0, "met")),
    ("a or b", None, False, (0.0, "missing")),
    ("a and b", None, False, (0.0, "not_met")),
    ("a and b", False, None, (0.0, "not_met")),
    ("a and b", None, True, (0.0, "missing")),
    ("a or b", None, None, (0.0, "missing")),
    ("(a or b) and not c", None, True, (0.0, "missing")),  # c is missing too
])
def test_and_or_follow_kleene_logic(when: str, a: bool | None, b: bool | None,
                                    expected: tuple[float, str]) -> None:
    assert indicator(single(when), a=a, b=b) == expected


def test_kleene_decides_when_the_other_operand_is_known_even_with_c() -> None:
    assert indicator(single("(a or b) and not c"), a=None, b=True, c=False) == (10.0, "met")


# --- levels --------------------------------------------------------------------------------------


LEVELS = build(make_set(
    {"x": "integer", "y": "integer"},
    {"C1": [ind("I1", levels=[("x >= 1", 3), ("x >= 2", 10), ("y >= 1", 5)], points=10)]}))


@pytest.mark.parametrize(("x", "y", "expected"), [
    (5, 0, (3.0, "partly_met")),   # the first level that holds wins, not the largest
    (0, 1, (5.0, "partly_met")),
    (0, 0, (0.0, "not_met")),      # no level holds
    (None, 1, (0.0, "missing")),   # an undecided level before a matching one
    (0, None, (0.0, "missing")),
    (1, None, (3.0, "partly_met")),  # an undecided level after the match does not matter
])
def test_levels_take_the_first_level_that_holds(x: int | None, y: int | None,
                                                expected: tuple[float, str]) -> None:
    assert indicator(LEVELS, x=x, y=y) == expected


def test_a_level_worth_the_indicator_points_is_met() -> None:
    spec = build(make_set({"x": "integer"},
                          {"C1": [ind("I1", levels=[("x >= 2", 10), ("x >= 1", 4)])]}))
    assert indicator(spec, x=2) == (10.0, "met")
    assert indicator(spec, x=1) == (4.0, "partly_met")


# --- the decision --------------------------------------------------------------------------------


TWO = build(make_set(booleans("a", "b"), {"C1": [ind("I1", "a"), ind("I2", "b")]},
                     "total >= 15"))


@pytest.mark.parametrize(("a", "b", "total", "status"), [
    (True, True, 20.0, "recognised"),
    (True, False, 10.0, "not_recognised"),
    (True, None, 10.0, "incomplete"),      # 10 at worst, 20 at best
    (False, None, 0.0, "not_recognised"),  # 10 at best
    (None, None, 0.0, "incomplete"),
])
def test_status_follows_the_worst_and_best_cases(a: bool | None, b: bool | None, total: float,
                                                 status: str) -> None:
    result = one(TWO, a=a, b=b)
    assert (result.total, result.status) == (total, status)


MANDATORY = build(make_set(
    booleans("a", "b", "c"),
    {"C1": [ind("M", "a", mandatory=True), ind("N", "b")], "C2": [ind("O", "c", points=5)]},
    "total >= 10 and mandatory_met"))


@pytest.mark.parametrize(("a", "b", "c", "status"), [
    (True, False, False, "recognised"),
    (False, True, True, "not_recognised"),   # 15 points, but the mandatory one is not met
    (None, True, True, "incomplete"),        # the mandatory one may still be met
    (None, False, False, "incomplete"),
    (True, None, None, "recognised"),        # passes whatever is missing
])
def test_mandatory_indicators_must_be_met(a: bool | None, b: bool | None, c: bool | None,
                                          status: str) -> None:
    assert one(MANDATORY, a=a, b=b, c=c).status == status


def test_a_partly_met_mandatory_indicator_is_not_met() -> None:
    spec = build(make_set({"x": "integer"}, {"C1": [
        ind("M", levels=[("x >= 2", 10), ("x >= 1", 9)], mandatory=True)]},
        "total >= 5 and mandatory_met"))
    assert one(spec, x=1).status == "not_recognised"
    assert one(spec, x=2).status == "recognised"


def test_the_pass_rule_can_read_criterion_subtotals() -> None:
    spec = build(make_set(booleans("a", "b", "c"),
                          {"K": [ind("K1", "a"), ind("K2", "b")], "L": [ind("L1", "c")]},
                          "K >= 20 or L >= 10"))
    assert one(spec, a=True, b=True, c=False).status == "recognised"
    assert one(spec, a=True, b=False, c=True).status == "recognised"
    assert one(spec, a=True, b=False, c=False).status == "not_recognised"
    assert one(spec, a=True, b=None, c=False).status == "incomplete"


def test_max_total_is_the_sum_of_indicator_points() -> None:
    result = one(MANDATORY, a=True, b=True, c=True)
    assert (result.total, result.max_total) == (25.0, 25.0)


# --- grades --------------------------------------------------------------------------------------


GRADED = build(make_set(booleans("a", "b", "c"),
                        {"C1": [ind("I1", "a", mandatory=True), ind("I2", "b"),
                                ind("I3", "c", points=5)]},
                        "total >= 10 and mandatory_met", grades=[("good", 25), ("fair", 15)]))


@pytest.mark.parametrize(("a", "b", "c", "status", "grade"), [
    (True, True, True, "recognised", "good"),
    (True, True, False, "recognised", "fair"),
    (True, False, True, "recognised", "fair"),
    (True, False, False, "recognised", None),      # recognised, below every grade
    (False, True, True, "not_recognised", None),   # 15 points, mandatory not met
    (True, True, None, "recognised", None),        # fair or good: c decides (a range)
    (None, True, True, "incomplete", None),        # 15 points, but not recognised
])
def test_a_grade_is_given_only_to_a_recognised_subject(a: bool | None, b: bool | None,
                                                       c: bool | None, status: str,
                                                       grade: str | None) -> None:
    result = one(GRADED, a=a, b=b, c=c)
    assert (result.status, result.grade) == (status, grade)


def test_a_grade_threshold_is_inclusive() -> None:
    spec = build(make_set(booleans("a"), {"C1": [ind("I1", "a")]}, "total >= 0",
                          grades=[("top", 10)]))
    assert one(spec, a=True).grade == "top"
    assert one(spec, a=False).grade is None


# --- one semantic path ---------------------------------------------------------------------------


def test_a_subject_scores_the_same_alone_and_in_a_table() -> None:
    values = [{"id": f"S{k}", "a": a, "b": b, "c": c}
              for k, (a, b, c) in enumerate((a, b, c) for a in (True, False, None)
                                            for b in (True, False, None)
                                            for c in (True, False, None))]
    batch = lm.evaluate(MANDATORY, pl.DataFrame(values))
    assert len(batch) == 27
    for record, result in zip(values, batch, strict=True):
        alone = lm.evaluate(MANDATORY, [record])[0]
        assert alone.to_dict() == result.to_dict()


def test_a_program_and_its_set_evaluate_alike() -> None:
    program = lm.compile_criteria(TWO)
    records = [{"id": "A", "a": True, "b": None}]
    assert lm.evaluate(program, records)[0].to_dict() == lm.evaluate(TWO, records)[0].to_dict()


def test_the_year_must_lie_in_the_period() -> None:
    assert lm.evaluate(TWO, [], year=2025).year == 2025
    with pytest.raises(lm.LearningModelsError, match="year 2026 is outside the period 2021-2025"):
        lm.evaluate(TWO, [], year=2026)


def test_the_example_households_are_decided_as_documented() -> None:
    from pathlib import Path

    examples = Path(__file__).parents[2] / "examples" / "family"
    spec = lm.load_criteria(examples / "family-set.yaml")
    frame, errors = lm.read_evidence(examples / "households.csv")
    results = lm.evaluate(spec, frame, year=2024)
    assert errors == []
    decided = {r.subject: (r.total, r.status, r.grade) for r in results}
    assert decided["HH-001"] == (100.0, "recognised", "good")
    assert decided["HH-004"] == (90.0, "not_recognised", None)  # mandatory C1.1 not met
    assert decided["HH-008"] == (70.0, "incomplete", None)      # children's evidence missing
    assert results.get("HH-008").indicators[0].status == "missing"


def test_derived_values_keep_their_order_in_the_scored_table() -> None:
    spec = build(make_set({"a": "integer", "b": "integer"}, {"C1": [ind("I1", "w >= 1")]},
                          derived={"x": "a + 1", "y": "x * 2", "z": "b + 1", "w": "y + z"}))
    scored = lm.evaluate(spec, [{"id": "S", "a": 1, "b": 2}]).scored
    assert [c for c in scored.columns if c in "xyzw"] == ["x", "y", "z", "w"]
    assert scored.row(0, named=True)["w"] == 7
