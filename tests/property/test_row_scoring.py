"""A table of a few subjects is scored row by row in Python (`_score_rows`), a larger one
column-wise by Polars (`_score`): over random sets written with the whole expression
language, both give the same table, value for value and dtype for dtype, and gap search
gives the same advice whichever engine runs the pass rule."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal
from strategies import ENUM_VALUES, SCHEMA, TYPED_NAMES, expressions, rows
from test_expr_properties import Overflow, evaluate, same

import learning_models as lm
from learning_models._criteria.compile import Program
from learning_models._documents.yaml import parse_yaml
from learning_models._expressions import parse_expression, render
from learning_models._expressions.row_engine import NotScalar, to_python
from learning_models._scoring import gaps as _gaps
from learning_models._scoring.gaps import find_gaps_many
from learning_models._scoring.score import score_table
from learning_models._scoring.score_rows import FEW, score_rows

INPUTS: dict[str, dict[str, Any]] = {
    name: ({"type": "enum", "values": list(ENUM_VALUES)} if info.values else
           {"type": info.type}) for name, info in TYPED_NAMES.items()
}
RULES = ("total >= {low}", "total >= {low} and mandatory_met", "C1 >= {low} or total >= max_total",
         "total >= max_total * 0.75", "mandatory_met", "not (total < {low}) or C2 > 1",
         "max_total >= {low}", "1 > 2 or mandatory_met")   # the last two may read no row


@st.composite
def indicator(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    points = draw(st.sampled_from((1, 2, 3, 5, 10, 2.5)))
    item: dict[str, Any] = {"id": ident, "title": {"vi": "Chỉ số", "en": "Indicator"},
                            "points": points, "mandatory": draw(st.booleans())}
    if draw(st.booleans()):
        item["when"] = render(draw(expressions("boolean", 3)))
    else:
        levels = draw(st.lists(st.integers(0, 10).map(lambda p, m=points: min(p, m)),
                               min_size=1, max_size=3))
        item["levels"] = [{"when": render(draw(expressions("boolean", 2))), "points": p}
                          for p in levels]
    return item


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """A set over the expression strategies' names: derived values, indicators with a
    condition or levels in two criteria, a pass rule, maybe grades; compiled."""
    count = draw(st.integers(1, 6))
    inds = [draw(indicator(f"I{k}")) for k in range(count)]
    split = draw(st.integers(0, count))
    criteria = [{"id": cid, "title": {"vi": "Tiêu chí", "en": "Criterion"}, "indicators": part}
                for cid, part in (("C1", inds[:split]), ("C2", inds[split:])) if part]
    rule = draw(st.sampled_from(RULES)).format(low=draw(st.integers(0, 30)))
    if "C1" not in (c["id"] for c in criteria) or "C2" not in (c["id"] for c in criteria):
        rule = "total >= 1"
    recognition: dict[str, Any] = {"pass": rule}
    lows = draw(st.lists(st.integers(0, 30), max_size=2, unique=True))
    if lows:
        recognition["grades"] = [{"id": f"g{k}", "title": {"vi": "Hạng", "en": "Grade"},
                                  "min": low} for k, low in enumerate(sorted(lows, reverse=True))]
    data = {"format": "learning-models/criteria-set/1", "id": "test/rows", "model": "family",
            "period": "2021-2025", "title": {"vi": "Ngẫu nhiên", "en": "Random"},
            "source": {"verified": False}, "inputs": INPUTS,
            "derived": {"d_number": render(draw(expressions("number", 2))),
                        "d_least": "min(n1, n2, i1)", "d_most": "max(n2, n1)",
                        "d_integer": render(draw(expressions("integer", 2))),
                        "d_flag": render(draw(expressions("boolean", 2)))},
            "criteria": criteria, "recognition": recognition}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return lm.compile_criteria(lm.validate_criteria(parse_yaml(text, "rows.yaml")))


def table(subjects: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame([{"id": f"S{k}", **row} for k, row in enumerate(subjects)],
                        schema={"id": pl.String, **SCHEMA})


@pytest.mark.slow
@given(programs(), st.lists(rows(), min_size=1, max_size=FEW))
def test_row_by_row_scoring_gives_the_column_wise_table(program: Program,
                                                        subjects: list[dict[str, Any]]) -> None:
    typed = table(subjects)
    by_rows, by_table = score_rows(program, typed), score_table(program, typed)
    assert_frame_equal(by_rows, by_table, check_exact=True)
    assert repr(by_rows.rows()) == repr(by_table.rows())   # 0.0 and -0.0 told apart too


@given(data=st.data(), kind=st.sampled_from(("integer", "number", "boolean", "string")))
def test_a_row_function_agrees_with_the_reference(data: st.DataObject, kind: Any) -> None:
    expr = data.draw(expressions(kind), label="expr")
    row = data.draw(rows(), label="row")
    try:
        expected = evaluate(expr, row)
    except Overflow:
        assume(False)
    assert same(to_python(expr)(row), expected), (render(expr), row)


@pytest.mark.slow
@given(programs(), st.lists(rows(), min_size=1, max_size=4))
def test_gap_advice_is_the_same_whichever_engine_runs_the_pass_rule(
        program: Program, subjects: list[dict[str, Any]]) -> None:
    scored = score_table(program, table(subjects))
    points = scored.select(f"_pts_{k}" for k in range(len(program.indicators))).rows()
    by_rows = find_gaps_many(program, points)
    kept, _gaps.FEW_SCENARIOS = _gaps.FEW_SCENARIOS, 0   # every scenario through Polars
    try:
        by_table = find_gaps_many(program, points)
    finally:
        _gaps.FEW_SCENARIOS = kept
    assert by_rows == by_table


def test_an_integer_beyond_exact_floats_is_left_to_polars() -> None:
    # 2**53 + 1 is greater than the float 2**53 in Python, equal to it in Polars (which
    # compares the two as floats): the row engine declines and the table decides.
    expr = parse_expression("i1 > 9007199254740992.0", None)
    try:
        to_python(expr)({"i1": 2**53 + 1})
    except NotScalar:
        pass
    else:
        raise AssertionError("the row function should have declined")
