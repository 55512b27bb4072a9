"""A few subjects are scored row by row, without a Polars query; a set or a value the row
engine cannot be sure of is scored column-wise, with the same results."""

from __future__ import annotations

import math

import polars as pl
from builders import ind, make_set

import learning_models as lm
from learning_models import Function
from learning_models._expressions.functions import BUILTIN_FUNCTIONS
from learning_models._scoring.score_rows import FEW, _row_plan

TWICE = "twice(x) >= 4"


def twice_program(scalar: bool) -> lm.Program:
    twice = Function("twice", ("number",), "number", lambda x: x * 2,
                     scalar=(lambda x: None if x is None else x * 2) if scalar else None)
    spec = lm.CriteriaSet.model_validate(make_set({"x": "integer"}, {"C1": [ind("I1", TWICE)]}))
    return lm.compile_criteria(spec, BUILTIN_FUNCTIONS.with_function(twice))


def test_a_function_without_a_scalar_form_makes_the_set_column_wise_with_the_same_results(
        ) -> None:
    column_wise, row_wise = twice_program(scalar=False), twice_program(scalar=True)
    assert _row_plan(column_wise) is None and _row_plan(row_wise) is not None
    records = [{"id": "A", "x": 2}, {"id": "B", "x": 1}, {"id": "C"}]
    for program in (column_wise, row_wise):
        assert [(r.status, r.indicators[0].status) for r in lm.evaluate(program, records)] == [
            ("recognised", "met"), ("not_recognised", "not_met"), ("incomplete", "missing")]


def test_an_integer_beyond_exact_floats_is_scored_as_polars_scores_it() -> None:
    # Polars compares an integer with a number as floats: 2**53 + 1 becomes 2**53, which is
    # not above 2**53. The row engine would say it is, so it leaves such a row to Polars.
    spec = lm.CriteriaSet.model_validate(
        make_set({"x": "integer"}, {"C1": [ind("I1", "x > 9007199254740992.0")]}))
    record = {"id": "A", "x": 2**53 + 1}
    alone = lm.evaluate(spec, [record])[0]
    padded = [record, *({"id": f"P{k}", "x": 1} for k in range(FEW))]
    batch = lm.evaluate(spec, pl.DataFrame(padded))[0]
    assert alone.indicators[0].status == batch.indicators[0].status == "not_met"


def one_and_many(spec: lm.CriteriaSet, record: dict[str, object]) -> tuple[lm.Evaluation, ...]:
    """`record` evaluated alone (row by row) and first in a batch past `FEW` (column-wise)."""
    padded = [record, *({"id": f"P{k}"} for k in range(FEW))]
    return lm.evaluate(spec, [record])[0], lm.evaluate(spec, padded)[0]


def number_set(when: str, derived: dict[str, str] | None = None) -> lm.CriteriaSet:
    return lm.CriteriaSet.model_validate(
        make_set({"x": "number", "y": "number"}, {"C1": [ind("I1", when)]}, derived=derived))


def test_round_of_a_number_too_large_to_scale_is_left_to_polars() -> None:
    alone, batch = one_and_many(number_set("round(x, 15) >= 0"), {"id": "A", "x": 1e300})
    assert alone.to_dict()["indicators"] == batch.to_dict()["indicators"]
    assert alone.indicators[0].status == "met"


def test_a_listed_integer_beyond_exact_floats_is_left_to_polars() -> None:
    alone, batch = one_and_many(number_set("x in [9007199254740993]"),
                                {"id": "A", "x": 9007199254740992.0})
    assert alone.indicators[0].status == batch.indicators[0].status == "met"


def test_min_and_max_of_equal_numbers_keep_the_later_zero_as_polars_does() -> None:
    spec = number_set("least <= most", {"least": "min(x, y)", "most": "max(x, y)"})
    for x, y in ((0.0, -0.0), (-0.0, 0.0)):
        alone, batch = one_and_many(spec, {"id": "A", "x": x, "y": y})
        signs = [[math.copysign(1, e._row[k]) for k in ("least", "most")]
                 for e in (alone, batch)]
        assert signs[0] == signs[1] == [math.copysign(1, y)] * 2


def test_a_pass_rule_that_reads_nothing_of_the_row_decides_every_row() -> None:
    for rule, status in (("max_total >= 1", "recognised"), ("mandatory_met", "recognised"),
                         ("1 > 2", "not_recognised")):
        spec = lm.CriteriaSet.model_validate(
            make_set({"x": "number"}, {"C1": [ind("I1", "x > 0")]}, rule))
        records = [{"id": f"A{k}", "x": k} for k in range(FEW + 4)]
        assert {r.status for r in lm.evaluate(spec, records)} == {status}
        assert lm.evaluate(spec, records[:1])[0].status == status


def test_a_condition_polars_computes_as_one_value_is_spread_over_every_row() -> None:
    # Without its optimiser Polars cuts `when(mask).then(literal)` short when the mask holds
    # on every row (here: every x given, or none): this condition is then one value for a
    # table of many, and the table is scored again with the conditions guarded.
    spec = lm.CriteriaSet.model_validate(
        make_set({"x": "integer"}, {"C1": [ind("I1", "False == (not x in [])")]},
                 "total >= 1"))
    for value, expected in ((1, ("not_recognised", "not_met")),
                            (None, ("incomplete", "missing"))):
        records = [{"id": f"A{k}", "x": value} for k in range(FEW + 4)]
        batch = [(r.status, r.indicators[0].status) for r in lm.evaluate(spec, records)]
        alone = [(r.status, r.indicators[0].status) for r in
                 (lm.evaluate(spec, [record])[0] for record in records)]
        assert batch == alone == [expected] * len(records)
