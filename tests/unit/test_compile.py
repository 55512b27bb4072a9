"""Compilation: every expression is parsed, resolved and typed at load time, with positions."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from builders import (
    MINI,
    WHEN,
    booleans,
    build,
    codes_of,
    dump,
    ind,
    lines_of,
    load_text,
    make_set,
    mini,
    problems_of,
)

import learning_models as lm
from learning_models._expressions.functions import BUILTIN_FUNCTIONS, Function


def when(expression: str) -> str:
    """`MINI` with the condition of C1.1 (line 19, text from column 15) replaced."""
    return mini(WHEN, f"when: {expression}")


# --- the exact line of each expression problem ---------------------------------------------------


def test_an_unknown_name_points_at_its_column_inside_the_expression() -> None:
    assert lines_of(when("adults >= 1 and adults_lerning")) == [
        "set.yaml:19:31: unknown name 'adults_lerning' [unknown-name]\n"
        "  hint: did you mean 'adults_learning' or 'adults'?"]


def test_a_quoted_expression_counts_columns_after_the_quote() -> None:
    assert lines_of(when('"adults >= 1 and adults_lerning >= 1"')) == [
        "set.yaml:19:32: unknown name 'adults_lerning' [unknown-name]\n"
        "  hint: did you mean 'adults_learning' or 'adults'?"]


@pytest.mark.parametrize(("expression", "line"), [
    ("adults >= and 1", "set.yaml:19:25: invalid expression: invalid syntax [expression-syntax]"),
    ("adults ** 2 >= 1", "set.yaml:19:22: the operator '**' is not allowed in an expression "
     "[forbidden-syntax]\n  hint: multiply explicitly, e.g. x * x"),
    ("ratoi(adults, 2) >= 1", "set.yaml:19:15: unknown function 'ratoi' [unknown-function]\n"
     "  hint: did you mean 'ratio'?"),
    ("ratio(adults) >= 1", "set.yaml:19:15: ratio() takes 2 to 3 arguments, found 1 "
     "[wrong-arguments]"),
    ("adults and corner", "set.yaml:19:15: 'and' needs boolean operands, found integer "
     "[type-mismatch]"),
    ("income == 'stabel'", "set.yaml:19:25: 'stabel' is not a value of 'income'; allowed values: "
     "'lower', 'stable', 'higher' [unknown-enum-value]\n  hint: did you mean 'stable'?"),
    ("adults + 1", "set.yaml:19:15: the condition of 'C1.1' must be a condition (true or "
     "false), found integer [type-mismatch]\n  hint: compare a value, e.g. 'x >= 1'"),
    ("(" * 45 + "corner" + ")" * 45, "set.yaml:19:55: the expression is nested more than 40 "
     "levels deep [expression-too-deep]"),
])
def test_each_expression_problem_is_located_in_the_file(expression: str, line: str) -> None:
    assert lines_of(when(expression)) == [line]


@pytest.mark.parametrize(("expression", "code"), [
    ("adults.real >= 1", "forbidden-syntax"),
    ("adults >= None", "forbidden-syntax"),
    ("adults in (1, 2)", "forbidden-syntax"),
    ("'(lambda: corner)()'", "forbidden-syntax"),
    ("round(adults, adults) >= 1", "wrong-arguments"),
    ("round(adults, 99) >= 1", "wrong-arguments"),
    ("min(adults) >= 1", "wrong-arguments"),
    ("corner == 1", "type-mismatch"),
    ("income in ['low', 'stable']", "unknown-enum-value"),
    ("not " * 45 + "corner", "expression-too-deep"),
    ("'true'", "unknown-name"),
    ("''", "invalid-value"),
    ("true", "wrong-type"),
])
def test_each_way_an_expression_can_be_wrong_has_its_code(expression: str, code: str) -> None:
    assert code in codes_of(when(expression))


def test_every_expression_problem_in_a_file_is_reported_sorted() -> None:
    text = when("adults >= 1 and adults_lerning") \
        .replace("pass: total >= 5", "pass: totl >= 5 and C2 >= 1") \
        .replace("criteria:\n", "derived:\n  share: ratio(adults_learning, adult)\ncriteria:\n")
    assert [(p.span.line, p.span.column, p.code, p.message) for p in problems_of(text)
            if p.span] == [
        (13, 33, "unknown-name", "unknown name 'adult'"),
        (21, 31, "unknown-name", "unknown name 'adults_lerning'"),
        (23, 9, "unknown-name", "unknown name 'totl'"),
        (23, 23, "unknown-name", "unknown name 'C2'"),
    ]


def test_the_pass_rule_sees_totals_and_criteria_not_inputs() -> None:
    assert load_text(mini("pass: total >= 5",
                          "pass: total >= max_total / 2 and mandatory_met and C1 >= 5"))
    assert lines_of(mini("pass: total >= 5", "pass: adults >= 1")) == [
        "set.yaml:21:9: unknown name 'adults' [unknown-name]"]
    assert lines_of(mini("pass: total >= 5", "pass: total")) == [
        "set.yaml:21:9: the pass rule must be a condition (true or false), found number "
        "[type-mismatch]\n  hint: compare a value, e.g. 'x >= 1'"]


def test_levels_are_checked_one_by_one() -> None:
    text = mini(WHEN, "levels:\n          - {when: adults >= 2, points: 10}\n"
                "          - {when: adultz >= 1, points: 5}")
    assert lines_of(text) == [
        "set.yaml:21:20: unknown name 'adultz' [unknown-name]\n"
        "  hint: did you mean 'adults'?"]


def test_a_derived_cycle_is_reported() -> None:
    text = mini("criteria:\n", "derived:\n  a: b + 1\n  b: c + 1\n  c: a + 1\ncriteria:\n")
    problems = problems_of(text)
    assert "derived-cycle" in [p.code for p in problems]
    cycle = next(p for p in problems if p.code == "derived-cycle")
    assert cycle.message == "derived value 'a' depends on itself: a → b → c → a"
    assert str(cycle.span) == "set.yaml:13:6"


@pytest.mark.parametrize("derived", ["  a: a + 1\n", "  a: b + 1\n  b: a + 1\n"])
def test_a_derived_cycle_is_its_only_problem(derived: str) -> None:
    assert codes_of(mini("criteria:\n", f"derived:\n{derived}criteria:\n")) == ["derived-cycle"]


def test_a_cycle_of_conditions_is_not_also_a_type_problem() -> None:
    derived = "derived:\n  a: b and corner\n  b: not a\ncriteria:\n"
    assert codes_of(mini("criteria:\n", derived)) == ["derived-cycle"]


def test_an_expression_over_1000_characters_is_expression_too_long() -> None:
    (problem,) = problems_of(when(" or ".join(["adults >= 1"] * 90)))
    assert problem.code == "expression-too-long"
    assert len(problem.format()) < 200


# --- positions in expressions written over several lines -----------------------------------------


def test_a_literal_block_expression_on_one_line_is_located() -> None:
    text = mini(WHEN, "when: |\n          adults >= 1 and adults_lerning >= 1")
    assert [str(p.span) for p in problems_of(text)] == ["set.yaml:20:27"]


def test_a_literal_block_expression_locates_its_second_line() -> None:
    text = mini(WHEN, "when: |\n          adults >= 1 and (\n          adults_lerning >= 1)")
    assert [str(p.span) for p in problems_of(text)] == ["set.yaml:21:11"]


@pytest.mark.parametrize(("written", "where"), [
    ("when: >-\n          adults >= 1 and\n          adults_lerning >= 1", (21, 11)),
    ("when: adults >= 1 and\n          adults_lerning >= 1", (20, 11)),
])
def test_an_expression_folded_over_lines_locates_the_later_line(written: str,
                                                               where: tuple[int, int]) -> None:
    problems = problems_of(mini(WHEN, written))
    assert [(p.span.line, p.span.column) for p in problems if p.span] == [where]


@pytest.mark.parametrize(("written", "where"), [
    ("when: 'adults >= 1 and\n          adults_lerning >= 1'", (20, 11)),
    ('when: "adults >= 1 and\n            adults_lerning >= 1"', (20, 13)),
    ("when: |\n          adults >= 1 and (\n            adults_lerning >= 1)", (21, 13)),
    ("when: >\n          adults >= 1\n          and adults_lerning >= 1\n", (21, 15)),
])
def test_quoted_and_indented_expressions_over_lines_are_located(
        written: str, where: tuple[int, int]) -> None:
    problems = problems_of(mini(WHEN, written))
    assert [(p.span.line, p.span.column) for p in problems if p.span] == [where]


def test_a_problem_at_the_start_of_a_multi_line_expression_is_a_plain_span() -> None:
    (problem,) = problems_of(mini(WHEN, "when: adults +\n          adults_learning"))
    assert problem.code == "type-mismatch"
    assert type(problem.span) is lm.Span
    assert str(problem.span) == "set.yaml:19:15"


# --- the program ---------------------------------------------------------------------------------


def test_derived_values_are_ordered_by_dependency() -> None:
    spec = build(make_set(
        {"x": "integer", "y": "integer"},
        {"C1": [ind("I1", "total_share >= 1")]},
        derived={"total_share": "ratio(both, 2)", "both": "x + y"}))
    program = lm.compile_criteria(spec)
    assert [name for name, _ in program.derived] == ["both", "total_share"]
    assert program.indicators[0].reads == ("total_share", "both", "x", "y")


def test_the_program_carries_points_mandatory_and_criteria() -> None:
    spec = build(make_set(
        booleans("a", "b", "c"),
        {"K": [ind("K.1", "a", points=4, mandatory=True), ind("K.2", "b", points=6)],
         "L": [ind("L.1", levels=[("c", 3), ("a or b", 1)], points=3)]},
        "total >= 5 and mandatory_met"))
    program = lm.compile_criteria(spec)
    assert program.max_total == 13
    assert program.criterion_ids == ("K", "L")
    assert [(i.id, i.criterion, i.points, i.mandatory) for i in program.indicators] == [
        ("K.1", "K", 4, True), ("K.2", "K", 6, False), ("L.1", "L", 3, False)]
    assert [p for _, p in program.indicators[2].levels] == [3, 1]
    assert program.indicators[2].when is None
    assert program.content_hash == spec.content_hash()
    assert set(program.inputs) == {"a", "b", "c"}


def test_enum_inputs_keep_their_values_for_checking() -> None:
    program = lm.compile_criteria(load_text(MINI))
    assert program.inputs["income"].values == ("lower", "stable", "higher")
    assert program.inputs["income"].type == "string"


def test_a_set_built_in_memory_is_compiled_with_columns_in_messages() -> None:
    data = make_set({"x": "integer"}, {"C1": [ind("I1", "x >= 1 and y")]})
    spec = lm.CriteriaSet.model_validate(data)
    with pytest.raises(lm.CriteriaError) as caught:
        lm.compile_criteria(spec)
    (problem,) = caught.value.problems
    assert problem.span is None
    assert problem.format() == "unknown name 'y' (at column 12) [unknown-name]"


def test_a_set_built_in_memory_gets_expression_too_long() -> None:
    data = make_set({"x": "integer"}, {"C1": [ind("I1", " or ".join(["x >= 1"] * 200))]})
    with pytest.raises(lm.CriteriaError) as caught:
        lm.compile_criteria(lm.CriteriaSet.model_validate(data))
    assert [p.code for p in caught.value.problems] == ["expression-too-long"]


def test_a_registered_function_can_be_called_and_an_unregistered_one_cannot() -> None:
    twice = Function("twice", ("number",), "number", lambda x: x * 2)
    data = make_set({"x": "integer"}, {"C1": [ind("I1", "twice(x) >= 4")]})
    spec = lm.CriteriaSet.model_validate(data)
    with pytest.raises(lm.CriteriaError) as caught:
        lm.compile_criteria(spec)
    assert [p.code for p in caught.value.problems] == ["unknown-function"]
    program = lm.compile_criteria(spec, BUILTIN_FUNCTIONS.with_function(twice))
    results = lm.evaluate(program, pl.DataFrame({"id": ["A", "B"], "x": [2, 1]}))
    assert [r.status for r in results] == ["recognised", "not_recognised"]


def test_loading_compiles_so_a_file_with_a_bad_expression_never_loads(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(when("adults >= 1 and adults_lerning"), encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(path, display_name="set.yaml")
    assert [str(p.span) for p in caught.value.problems] == ["set.yaml:19:31"]


def test_a_program_round_trips_through_yaml_of_its_canonical_form() -> None:
    spec = load_text(MINI)
    again = load_text(dump(spec.canonical()))
    assert again.content_hash() == spec.content_hash()
