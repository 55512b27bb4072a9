"""Gap advice: the smallest set of indicators to fulfil to pass, mandatory first — and
fulfilling it really makes the subject pass."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from builders import booleans, build, ind, make_set
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_models as lm
from learning_models._scoring import gaps as _gaps
from learning_models._scoring.gaps import find_gaps, find_gaps_many
from learning_models._scoring.score import points_column


def one(spec: lm.CriteriaSet, **values: Any) -> lm.Evaluation:
    results = lm.evaluate(spec, [{"id": "S", **values}])
    assert results.errors == ()
    return results[0]


def gap_ids(result: lm.Evaluation) -> list[str]:
    return [g.indicator for g in result.gaps]


def test_the_smallest_set_is_preferred_to_more_indicators_worth_the_same() -> None:
    spec = build(make_set(booleans("a", "b", "c"),
                          {"C1": [ind("I1", "a", points=5), ind("I2", "b", points=5),
                                  ind("I3", "c", points=10)]}, "total >= 10"))
    result = one(spec, a=False, b=False, c=False)
    assert gap_ids(result) == ["I3"]
    assert [(g.points, g.status, g.mandatory) for g in result.gaps] == [(10.0, "not_met", False)]


def test_among_sets_of_one_size_more_points_gained_wins() -> None:
    spec = build(make_set(booleans("a", "b", "c"),
                          {"C1": [ind("I1", "a", points=6), ind("I2", "b", points=8),
                                  ind("I3", "c", points=7)]}, "total >= 6"))
    assert gap_ids(one(spec, a=False, b=False, c=False)) == ["I2"]


def test_mandatory_indicators_are_listed_first() -> None:
    spec = build(make_set(booleans("a", "b", "c"),
                          {"C1": [ind("I1", "b"), ind("I2", "c", points=5)],
                           "C2": [ind("I3", "a", mandatory=True)]},
                          "total >= 20 and mandatory_met"))
    result = one(spec, a=False, b=False, c=False)
    assert gap_ids(result) == ["I3", "I1"]
    assert [g.mandatory for g in result.gaps] == [True, False]


def test_a_partly_met_indicator_gains_what_it_lacks() -> None:
    spec = build(make_set({"x": "integer", "a": "boolean"},
                          {"C1": [ind("I1", levels=[("x >= 2", 10), ("x >= 1", 4)]),
                                  ind("I2", "a", points=3)]}, "total >= 13"))
    result = one(spec, x=1, a=True)
    assert [(g.indicator, g.points, g.status) for g in result.gaps] == [
        ("I1", 6.0, "partly_met")]


def test_missing_evidence_is_named_in_the_gap() -> None:
    spec = build(make_set(booleans("a", "b"),
                          {"C1": [ind("I1", "a", evidence=["photo"]), ind("I2", "b")]},
                          "total >= 20"))
    result = one(spec, a=None, b=True)
    assert result.status == "incomplete"
    assert [(g.indicator, g.status, g.evidence) for g in result.gaps] == [
        ("I1", "missing", ("photo",))]


def test_a_recognised_subject_has_no_gaps() -> None:
    spec = build(make_set(booleans("a"), {"C1": [ind("I1", "a")]}, "total >= 10"))
    result = one(spec, a=True)
    assert result.gaps == ()
    assert result.gaps_reachable


def test_an_unreachable_pass_has_no_gaps_and_says_so() -> None:
    spec = build(make_set(booleans("a", "b"), {"C1": [ind("I1", "a"), ind("I2", "b")]},
                          "total >= 30"))
    result = one(spec, a=False, b=None)
    assert result.status == "not_recognised"
    assert not result.gaps_reachable
    assert result.gaps == ()
    assert result.to_dict()["gaps"] == []


def test_an_unreachable_pass_through_a_criterion_subtotal() -> None:
    spec = build(make_set(booleans("a", "b"), {"K": [ind("K1", "a")], "L": [ind("L1", "b")]},
                          "K >= 10 and L >= 20"))
    assert not one(spec, a=True, b=False).gaps_reachable


# --- fulfilling the gaps makes the subject pass, and nothing smaller does ------------------------

NAMES = ("a", "b", "c", "d")
RULED = build(make_set(
    booleans(*NAMES),
    {"K": [ind("K1", "a", points=10, mandatory=True), ind("K2", "b", points=6)],
     "L": [ind("L1", "c", points=5), ind("L2", "d", points=3)]},
    "total >= 18 and mandatory_met and L >= 5"))
INDICATOR_INPUT = {"K1": "a", "K2": "b", "L1": "c", "L2": "d"}


def test_fulfilling_the_gaps_makes_every_subject_recognised_and_nothing_smaller_does() -> None:
    records = [{"id": f"S{k}", **dict(zip(NAMES, values, strict=True))}
               for k, values in enumerate(itertools.product((True, False, None), repeat=4))]
    results = lm.evaluate(RULED, records)
    checked = 0
    for record, result in zip(records, results, strict=True):
        if result.status == "recognised":
            assert result.gaps == ()
            continue
        assert result.gaps_reachable  # meeting everything passes this rule
        fixed = dict(record) | {INDICATOR_INPUT[g.indicator]: True for g in result.gaps}
        assert lm.evaluate(RULED, [fixed])[0].status == "recognised", (record, gap_ids(result))
        open_ = [i.indicator for i in result.indicators if i.status != "met"]
        smaller = [dict(record) | {INDICATOR_INPUT[i]: True for i in subset}
                   for size in range(len(result.gaps))
                   for subset in itertools.combinations(open_, size)]
        assert all(r.status != "recognised" for r in lm.evaluate(RULED, smaller)), record
        checked += 1
    assert checked > 40


def test_many_indicators_still_get_the_smallest_set_for_a_threshold_rule() -> None:
    names = [f"x{k}" for k in range(25)]
    spec = build(make_set(booleans(*names),
                          {"C1": [ind(f"I{k}", name, points=4 + (k % 2)) for k, name in
                                  enumerate(names)]},
                          "total >= 80"))
    record = {"id": "S", **dict.fromkeys(names, False)}
    result = lm.evaluate(spec, [record])[0]
    # 12 indicators are worth 5, 13 are worth 4: 12 * 5 + 5 * 4 = 80 needs 17
    assert len(result.gaps) == 17
    assert sum(g.points for g in result.gaps) >= 80
    fixed = record | {f"x{g.indicator[1:]}": True for g in result.gaps}
    assert lm.evaluate(spec, [fixed])[0].status == "recognised"


# --- a collection's gaps are found together, and they are each subject's own -------------------

BATCH = settings(max_examples=40)
RULES = ("total >= {t}", "total >= {t} and mandatory_met", "K >= {k} and total >= {t}",
         "K >= {k} or L >= {k}", "total >= {t} and L >= 1")


@st.composite
def sets_and_records(draw: st.DrawFn) -> tuple[lm.CriteriaSet, list[dict[str, Any]]]:
    """A set of 2–6 indicators (all-or-nothing on a boolean, or graded on a count) under a
    drawn pass rule, and records with unmet, partly met and missing indicators."""
    n = draw(st.integers(2, 6))
    graded = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    points = draw(st.lists(st.sampled_from([2, 3, 5, 10]), min_size=n, max_size=n))
    mandatory = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    inds = [ind(f"I{k}", None if graded[k] else f"x{k} == 1", points=points[k],
                mandatory=mandatory[k],
                levels=[(f"x{k} >= 2", points[k]), (f"x{k} >= 1", points[k] / 2)]
                if graded[k] else None) for k in range(n)]
    half = max(1, n // 2)
    rule = draw(st.sampled_from(RULES)).format(t=draw(st.integers(1, sum(points))),
                                               k=draw(st.integers(1, 8)))
    spec = build(make_set({f"x{k}": "integer" for k in range(n)},
                          {"K": inds[:half], "L": inds[half:] or [ind("L0", "x0 == 2")]},
                          rule))
    values = st.one_of(st.none(), st.integers(0, 2))
    records = draw(st.lists(st.lists(values, min_size=n, max_size=n), min_size=1,
                            max_size=25))
    return spec, [{"id": f"S{r}", **{f"x{k}": v for k, v in enumerate(row)}}
                  for r, row in enumerate(records)]


@BATCH
@given(sets_and_records(), st.integers(1, 9))
def test_gaps_found_together_equal_each_subjects_own(
        drawn: tuple[lm.CriteriaSet, list[dict[str, Any]]], chunk: int) -> None:
    spec, records = drawn
    together = lm.evaluate(spec, records)
    dicts = list(together.subject_dicts())
    one_by_one = lm.evaluate(spec, records)   # a fresh collection: each subject on its own
    assert [d["gaps"] for d in dicts] == [e.to_dict()["gaps"] for e in one_by_one]
    assert [e.gaps_reachable for e in together] == [e.gaps_reachable for e in one_by_one]
    assert [([i.to_dict() for i in e.indicators], [g.to_dict() for g in e.gaps])
            for e in one_by_one] == [(d["indicators"], d["gaps"]) for d in dicts]
    program = one_by_one.program
    rows = one_by_one.scored.select(
        points_column(k) for k in range(len(program.indicators))).rows()
    assert find_gaps_many(program, rows, chunk=chunk) == [find_gaps(program, r) for r in rows]
    with pytest.MonkeyPatch.context() as patch:     # the greedy choice, too
        patch.setattr(_gaps, "MAX_SCENARIOS", 2)
        assert find_gaps_many(program, rows, chunk=chunk) == \
            [find_gaps(program, r) for r in rows]


def test_a_collections_gaps_are_found_in_one_table_not_subject_by_subject(
        monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[int] = []
    real = _gaps.outcome_pass

    def counted(*args: Any) -> Any:
        runs.append(1)
        return real(*args)

    monkeypatch.setattr(_gaps, "outcome_pass", counted)
    # (batches of a few hundred scenarios run row by row; this is about the table)
    monkeypatch.setattr(_gaps, "FEW_SCENARIOS", 0)
    records = [{"id": f"S{k}", **dict(zip(NAMES, values, strict=True))}
               for k, values in enumerate(itertools.product((True, False, None), repeat=4))]
    results = lm.evaluate(RULED, records)
    assert sum(e.status != "recognised" for e in results) > 60
    data = json.loads(results.to_json())
    assert len(runs) == 1           # one pass rule, run over every open subject's scenarios
    assert sum(bool(e["gaps"]) for e in data["evaluations"]) > 60
