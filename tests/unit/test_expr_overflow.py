"""Hardening (issue 18, case 16): integer arithmetic never wraps around at 2**63.

Polars' Int64 arithmetic wraps (``2**62 * 4`` is 0); an expression's result is exact, or
unknown (the indicator is missing) where it does not fit in 64 bits — never a wrong
decision. The row engine (a few records) and the table engine (many) agree.
"""

from __future__ import annotations

import polars as pl
import pytest
from builders import build, ind, make_set
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_models as lm

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def status_of(when: str, a: int, b: int = 0, *, rows: int = 1) -> str:
    spec = build(make_set({"a": "integer", "b": "integer"}, {"C1": [ind("C1.1", when)]}))
    records = pl.DataFrame({"id": [f"S{k}" for k in range(rows)], "a": [a] * rows,
                            "b": [b] * rows})
    results = lm.evaluate(spec, records if rows > 1 else records.to_dicts(), year=2022)
    return results[0].indicators[0].status


@pytest.mark.parametrize("rows", [1, 40], ids=["row-engine", "table-engine"])
@pytest.mark.parametrize(("when", "a"), [
    ("a * 4 > 0", 2**62),
    ("a + a > 0", 2**62),
    ("(a * 4) / 4 == a", 2**62),
    ("abs(a * 4) > 0", 2**62),
    ("-a > 0", -(2**63)),
    ("a - 1 < 0", -(2**63)),
])
def test_an_integer_result_beyond_64_bits_is_unknown_not_wrapped(
        when: str, a: int, rows: int) -> None:
    assert status_of(when, a, rows=rows) == "missing"


@pytest.mark.parametrize("rows", [1, 40], ids=["row-engine", "table-engine"])
def test_large_results_that_fit_stay_exact(rows: int) -> None:
    assert status_of(f"a * 2 == {2**62}", 2**61, rows=rows) == "met"
    assert status_of("a + 1 > a", 2**63 - 2, rows=rows) == "met"
    assert status_of("a * 2.0 > 0", 2**62, rows=rows) == "met"  # numbers never wrap


@settings(max_examples=60, deadline=None)
@given(a=INT64, b=INT64, op=st.sampled_from(["+", "-", "*"]))
def test_a_product_sum_or_difference_is_never_decided_wrongly(a: int, b: int, op: str) -> None:
    exact = {"+": a + b, "-": a - b, "*": a * b}[op]
    status = status_of(f"a {op} b > 0", a, b, rows=40)
    if -(2**63) <= exact < 2**63:
        assert status == ("met" if exact > 0 else "not_met")
    else:
        assert status == "missing"
