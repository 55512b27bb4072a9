"""What evaluation keeps between calls: the scoring expressions on each compiled program, the
typing of each table shape. A kept value must give exactly what building it afresh gives, and
a different program (an overlay, other plugin functions) or other inputs never share one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from builders import build, ind, make_set

import learning_models as lm
from learning_models._catalog.catalog import Catalog
from learning_models._criteria import program_of
from learning_models._criteria.overlays import Overlay, apply_overlays
from learning_models._evidence import records as _records
from learning_models._expressions.functions import BUILTIN_FUNCTIONS, Function
from learning_models._scoring.score import outcome_pass, score_frame, score_table

MODELS = ("citizen", "family", "clan", "community", "unit")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "family" / "family-set.yaml"


def _records_for(spec: lm.CriteriaSet) -> list[dict[str, Any]]:
    """A few records: everything at a middling value, then some evidence missing, some
    written as text, one out of bounds or unreadable."""
    base: dict[str, Any] = {}
    for name, inp in spec.inputs.items():
        if inp.type == "integer":
            base[name] = 2
        elif inp.type == "number":
            base[name] = 0.5
        elif inp.type == "boolean":
            base[name] = True
        elif inp.type == "enum":
            base[name] = (inp.values or ("",))[0]
        else:
            base[name] = "text"
    names = list(spec.inputs)
    return [
        {"id": "A", **base},
        {"id": "B", **{k: v for k, v in base.items() if k not in names[::2]}},
        {"id": "C", **{k: (str(v) if isinstance(v, int) else v) for k, v in base.items()},
         names[0]: None},
        {"id": "D", **base, names[-1]: "?"},
        {"id": "E", **base, **{k: -1 for k, v in spec.inputs.items() if v.type == "integer"}},
        {"id": "F", **{k: (f" {v} " if isinstance(v, int) else v) for k, v in base.items()}},
    ]


def _outcome(results: lm.Evaluations) -> tuple[object, ...]:
    return (results.to_frame().to_dicts(), [e.to_dict() for e in results.errors],
            [r.explain("en") for r in results], results.scored.to_dicts())


def _uncached(program: lm.Program) -> None:
    program._cache.clear()
    _records._TYPINGS.clear()


@pytest.mark.parametrize("model", MODELS)
def test_a_kept_program_scores_as_one_compiled_afresh(model: str) -> None:
    spec = Catalog.default().variants(model, 2024)[0]
    records = _records_for(spec)
    warm = lm.evaluate(spec, records, year=2024)          # builds and keeps the expressions
    kept = lm.evaluate(spec, records, year=2024)          # reads them back
    fresh_program = lm.compile_criteria(spec)
    fresh = lm.evaluate(fresh_program, records, year=2024)
    _uncached(fresh_program)
    rebuilt = lm.evaluate(fresh_program, records, year=2024)
    assert _outcome(kept) == _outcome(warm) == _outcome(fresh) == _outcome(rebuilt)
    one_by_one = [lm.evaluate(spec, [r], year=2024) for r in records]
    assert [e.to_dict() for r in one_by_one for e in r] == [e.to_dict() for e in kept]


def _points_overlay(points: int) -> Overlay:
    return Overlay(f"points-{points}", "examples/family-448", {"replace": {"indicators": [{
        "id": "C3.1", "title": {"vi": "Tủ sách", "en": "Bookshelf"}, "points": points,
        "when": "study_corner"}]}})


def test_an_overlaid_set_never_reads_the_expressions_kept_for_the_original() -> None:
    spec = lm.load_criteria(EXAMPLE)
    overlaid, _ = apply_overlays(spec, [_points_overlay(4)])
    record = {"id": "H", "study_corner": True}
    points = []
    for current in (spec, overlaid, spec, overlaid):
        (result,) = lm.evaluate(current, [record], year=2024)
        points.append(next(i.points for i in result.indicators if i.indicator == "C3.1"))
    assert points == [8.0, 4.0, 8.0, 4.0]
    assert program_of(spec) is not program_of(overlaid)
    assert program_of(spec)._cache is not program_of(overlaid)._cache


def test_programs_with_other_plugin_functions_keep_their_own_expressions() -> None:
    spec = lm.CriteriaSet.model_validate(
        make_set({"x": "integer"}, {"C1": [ind("I1", "scaled(x) >= 4")]}))
    programs = [lm.compile_criteria(spec, BUILTIN_FUNCTIONS.with_function(
        Function("scaled", ("number",), "number", lambda x, k=factor: x * k)))
        for factor in (2, 3)]
    frames = [pl.DataFrame({"id": ["A"], "x": [x]}) for x in (1, 2)]
    # x = 1: 2 < 4 and 3 < 4; x = 2: 4 ≥ 4 and 6 ≥ 4 — each program with its own function.
    statuses = [lm.evaluate(p, f)[0].status for f in frames for p in programs]
    assert statuses == ["not_recognised", "not_recognised", "recognised", "recognised"]
    halved = lm.compile_criteria(spec, BUILTIN_FUNCTIONS.with_function(
        Function("scaled", ("number",), "number", lambda x: x / 2)))
    assert [lm.evaluate(p, frames[1])[0].status for p in (*programs, halved)] == [
        "recognised", "recognised", "not_recognised"]
    assert programs[0]._cache is not programs[1]._cache


def test_inputs_with_other_bounds_are_typed_with_their_own_checks() -> None:
    sets = [build(make_set({"n": {"type": "integer", "minimum": 0, "maximum": top}},
                           {"C1": [ind("I1", "n >= 1")]})) for top in (5, 10)]
    frame = pl.DataFrame({"id": ["A"], "n": ["7"]})
    rejected = [len(lm.evaluate(s, frame).errors) for s in (*sets, *sets)]
    assert rejected == [1, 0, 1, 0]


def test_each_table_shape_is_typed_by_its_own_plan_and_few_are_kept() -> None:
    spec = build(make_set({"n": "integer", "b": "boolean"},
                          {"C1": [ind("I1", "n >= 1 and b")]}))
    text = pl.DataFrame({"id": ["A", "B"], "n": ["2", "x"], "b": ["có", "không"]})
    typed = pl.DataFrame({"id": ["A", "B"], "n": [2, None], "b": [True, False]})
    outcomes = [_outcome(lm.evaluate(spec, f)) for f in (text, typed, text, typed)]
    assert outcomes[0] == outcomes[2] and outcomes[1] == outcomes[3]
    assert [len(lm.evaluate(spec, f).errors) for f in (text, typed)] == [1, 0]
    for k in range(_records._TYPINGS_KEPT + 10):  # an unknown column makes a new shape
        lm.evaluate(spec, text.with_columns(pl.lit("?").alias(f"extra{k}")))
    assert len(_records._TYPINGS) <= _records._TYPINGS_KEPT


def test_the_lazy_and_the_collected_scoring_agree() -> None:
    spec = Catalog.default().for_year("family", 2024)
    program = lm.compile_criteria(spec)
    typed, _ = _records.type_frame(pl.DataFrame(_records_for(spec)[:2]).cast(pl.String),
                                   spec.inputs)
    lazy = score_frame(program, typed).collect()
    assert lazy.equals(score_table(program, typed))
    assert not any(c.startswith("_lv_") for c in lazy.columns)   # helper columns dropped


def test_the_gap_rule_is_kept_per_column_names() -> None:
    program = lm.compile_criteria(Catalog.default().for_year("family", 2024))
    columns = [pl.col(f"p{k}") for k in range(len(program.indicators))]
    first = outcome_pass(program, columns)
    assert outcome_pass(program, [pl.col(f"p{k}") for k in range(len(columns))]) is first
    other = outcome_pass(program, [pl.col(f"q{k}") for k in range(len(columns))])
    assert other is not first
    frame = pl.DataFrame({f"q{k}": [float(i.points)] for k, i in enumerate(program.indicators)})
    assert frame.select(other.alias("ok"))["ok"].to_list() == [True]
