"""`lint_set` and ``learning-models lint``: one small broken set per check, code and position."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._authoring.lint import _Conditions, lint_set
from learning_models._cli import main
from learning_models._criteria.model import CriteriaSet, InputSpec
from learning_models._documents.yaml import parse_yaml
from learning_models._expressions import parse_expression
from learning_models.errors import Problem, Span

FILE = "set.yaml"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "family" / "family-set.yaml"

BASE = """\
format: learning-models/criteria-set/1
id: test/lint
model: family
period: 2021-2025
title: {vi: Bộ thử, en: Test set}
source: {verified: true, document: Văn bản thử}
inputs:
  adults: {type: integer, minimum: 0, maximum: 30}
  learners: {type: integer, minimum: 0, maximum: 30}
  corner: {type: boolean}
  income: {type: enum, values: [lower, stable, higher]}
derived:
  share: ratio(learners, adults)
criteria:
  - id: C1
    title: {vi: Học tập, en: Learning}
    indicators:
      - id: C1.1
        title: {vi: Người lớn đi học, en: Adults learn}
        points: 10
        mandatory: true
        when: adults >= 1 and learners >= 1
      - id: C1.2
        title: {vi: Tỉ lệ người học, en: Share of learners}
        points: 10
        levels:
          - {when: share >= 1, points: 10}
          - {when: share >= 0.5, points: 5}
      - id: C1.3
        title: {vi: Có góc học tập, en: A study corner}
        points: 5
        when: corner and income != 'lower'
recognition:
  pass: total >= 15 and mandatory_met
  grades:
    - {id: good, title: {vi: Tốt, en: Good}, min: 20}
"""

LEVELS = "- {when: share >= 1, points: 10}\n          - {when: share >= 0.5, points: 5}"
C11 = "when: adults >= 1 and learners >= 1"
C13 = "when: corner and income != 'lower'"
PASS = "pass: total >= 15 and mandatory_met"


def changed(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def lint(text: str, cases: set[str] | None = None) -> list[Problem]:
    return lint_set(lm.validate_criteria(parse_yaml(text, FILE)), cases_covering=cases)


def at(text: str, line: int, needle: str) -> Span:
    """Where `needle` first occurs on 1-based `line` of `text`."""
    column = text.splitlines()[line - 1].index(needle)
    return Span(FILE, line, column + 1)


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    return found[0]


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_the_base_set_and_the_example_are_clean() -> None:
    assert lint(BASE) == []
    assert lint_set(lm.load_criteria(EXAMPLE)) == []


# --------------------------------------------------------------------------- levels


def test_levels_listed_least_demanding_first() -> None:
    text = changed(LEVELS, "- {when: share >= 0.5, points: 5}\n"
                           "          - {when: share >= 1, points: 10}")
    problems = lint(text)
    assert codes(problems) == ["unreachable-level", "levels-order"]
    unreachable, order = problems
    assert unreachable.span == at(text, 28, "share >= 1")
    assert unreachable.severity == order.severity == "warning"
    assert "whenever 'share >= 1' holds, an earlier level already matches" in unreachable.message
    assert order.span == at(text, 28, "10}")


def test_a_later_level_implied_by_an_earlier_one() -> None:
    text = changed(LEVELS, "- {when: share >= 0.5, points: 10}\n"
                           "          - {when: share > 0.7, points: 5}")
    problem = only(lint(text), "unreachable-level")
    assert problem.span == at(text, 28, "share > 0.7")


def test_a_level_that_contradicts_itself() -> None:
    text = changed(LEVELS, "- {when: share > 2 and share < 1, points: 10}\n"
                           "          - {when: share >= 0.5, points: 5}")
    problem = only(lint(text), "unreachable-level")
    assert problem.span == at(text, 27, "share > 2")
    assert "can never hold" in problem.message


def test_more_points_later_without_implication_is_still_out_of_order() -> None:
    text = changed(LEVELS, "- {when: share >= 1 and corner, points: 5}\n"
                           "          - {when: share >= 1, points: 10}")
    assert codes(lint(text)) == ["levels-order"]


def test_a_level_worth_zero_points() -> None:
    text = changed(LEVELS, "- {when: share >= 1, points: 10}\n"
                           "          - {when: share >= 0.5, points: 0}")
    problem = only(lint(text), "zero-points-level")
    assert problem.span == at(text, 28, "0}")
    assert "a level worth 0 points is the same as no match" in problem.message


# --------------------------------------------------------------------------- the pass rule


def test_a_pass_rule_that_can_never_hold() -> None:
    text = changed(PASS, "pass: total >= 15 and not mandatory_met")
    problem = only(lint(text), "never-passes")
    assert (problem.severity, problem.span) == ("error", at(text, 34, "total"))


def test_a_pass_rule_that_always_holds() -> None:
    text = changed(PASS, "pass: total >= 0")
    problem = only(lint(text), "always-passes")
    assert (problem.severity, problem.span) == ("error", at(text, 34, "total"))


def test_a_threshold_above_the_maximum_total() -> None:
    text = changed(PASS, "pass: 30 <= total and mandatory_met")
    problems = lint(text)
    assert codes(problems) == ["never-passes", "threshold-above-max"]
    assert problems[1].span == at(text, 34, "30")
    assert "the maximum total is 25" in problems[1].message


def test_a_threshold_above_what_a_criterion_gives() -> None:
    text = changed(PASS, "pass: total >= 15 and C1 > 25")
    assert only(lint(text), "threshold-above-max").span == at(text, 34, "25")


def test_a_grade_above_the_maximum_total() -> None:
    text = changed("min: 20", "min: 40")
    problem = only(lint(text), "threshold-above-max")
    assert (problem.severity, problem.span) == ("error", at(text, 36, "40"))


# --------------------------------------------------------------------------- reachability


def test_a_mandatory_indicator_with_a_contradiction() -> None:
    text = changed(C11, "when: adults > 5 and adults < 3")
    problem = only(lint(text), "unreachable-mandatory")
    assert (problem.severity, problem.span) == ("error", at(text, 22, "adults"))


def test_integers_leave_no_room_between_neighbours() -> None:
    text = changed(C11, "when: adults > 2 and adults < 3")
    assert codes(lint(text)) == ["unreachable-mandatory"]


def test_a_mandatory_indicator_beyond_its_inputs_bounds() -> None:
    text = changed(C11, "when: adults >= 50")
    problems = lint(text)
    assert codes(problems) == ["unreachable-mandatory", "comparison-out-of-bounds"]
    assert problems[0].span == at(text, 22, "adults")
    assert problems[1].span == at(text, 22, "50")
    assert problems[1].severity == "warning"


def test_a_mandatory_graded_indicator_that_cannot_be_fully_met() -> None:
    text = changed("        points: 10\n        levels:",
                   "        points: 10\n        mandatory: true\n        levels:")
    text = text.replace("share >= 1, points: 10", "share >= 1, points: 8")
    problem = only(lint(text), "unreachable-mandatory")
    assert problem.span == at(text, 26, "true")
    assert "no level gives its full points" in problem.message


def test_an_ordinary_indicator_that_can_never_be_met() -> None:
    text = changed(C13, "when: income == 'lower' and income in ['stable', 'higher'] and corner")
    problem = only(lint(text), "never-met")
    assert (problem.severity, problem.span) == ("warning", at(text, 32, "income"))


def test_a_boolean_and_its_negation() -> None:
    text = changed(C13, "when: corner and not corner and income == 'lower'")
    assert codes(lint(text)) == ["never-met"]


@pytest.mark.parametrize(("condition", "verdict", "constant"), [
    ("learners <= 40", "'learners <= 40' always holds", "40"),
    ("learners > 30", "'learners > 30' can never hold", "30"),
    ("1 <= adults <= 35", "'adults <= 35' always holds", "35"),
    ("-1 < adults", "'adults > -1' always holds", "-1"),
])
def test_comparisons_outside_the_declared_bounds(condition: str, verdict: str,
                                                 constant: str) -> None:
    text = changed(C13, f"when: corner and income != 'lower' and {condition}")
    problem = only(lint(text), "comparison-out-of-bounds")
    assert problem.message.startswith(verdict)
    assert (problem.severity, problem.span) == ("warning", at(text, 32, constant))


def test_comparisons_inside_the_bounds_are_fine() -> None:
    assert lint(changed(C11, "when: adults >= 1 and learners >= 1 and learners <= 29")) == []


@pytest.mark.parametrize("condition", ["learners >= 0", "learners <= 30"])
def test_a_comparison_at_a_bound_always_holds(condition: str) -> None:
    # the minimum is 0 and the maximum 30: the condition says nothing
    text = changed(C11, f"when: adults >= 1 and {condition}")
    problem = only(lint(text), "comparison-out-of-bounds")
    assert problem.message.startswith(f"'{condition}' always holds")


# --------------------------------------------------------------------------- division by zero


@pytest.mark.parametrize(("divided", "divisor"), [
    ("adults / 0", "0"), ("adults / 0.0", "0.0"), ("adults / -0", "-0"),
    ("adults / (2 - 2)", "2 - 2"), ("(adults + 1) / (0 * 3)", "0 * 3"),
])
def test_a_division_by_a_literal_zero_is_a_warning_at_the_divisor(divided: str,
                                                                  divisor: str) -> None:
    text = changed(C11, f"when: {divided} > 1 and learners >= 1")
    assert lm.validate_criteria(parse_yaml(text, FILE))  # valid: only lint can tell
    problem = only(lint(text), "division-by-zero")
    assert (problem.severity, problem.span) == ("warning", at(text, 22, divisor))
    assert "divides by zero, so its value is missing for every subject" in problem.message
    assert "ratio(a, b)" in (problem.hint or "")


def test_a_division_by_zero_in_a_derived_value_and_in_the_pass_rule() -> None:
    text = changed("  share: ratio(learners, adults)",
                   "  share: learners / 0 + ratio(learners, adults)")
    text = text.replace(PASS, "pass: total / 0 >= 1 or (total >= 15 and mandatory_met)")
    found = [p.span for p in lint(text) if p.code == "division-by-zero"]
    assert found == [at(text, 13, "0 +"), at(text, 34, "0 >=")]


def test_ratio_by_zero_and_a_division_by_a_name_are_not_divisions_by_zero() -> None:
    # ratio() is defined for a zero divisor (its default): it is never missing for that.
    text = changed(C11, "when: ratio(adults, 0) >= 1 and adults / learners >= 1 "
                        "and 0 / adults < 1")
    assert "division-by-zero" not in codes(lint(text))


# --------------------------------------------------------------------------- names


def test_an_input_never_used() -> None:
    text = changed("  corner: {type: boolean}\n",
                   "  corner: {type: boolean}\n  extra: {type: boolean}\n")
    problem = only(lint(text), "unused-input")
    assert (problem.severity, problem.span) == ("warning", at(text, 11, "extra"))


def test_a_derived_value_never_used_and_the_input_only_it_reads() -> None:
    text = changed("  corner: {type: boolean}\n",
                   "  corner: {type: boolean}\n  extra: {type: integer}\n")
    text = text.replace("  share: ratio(learners, adults)\n",
                        "  share: ratio(learners, adults)\n  unused: ratio(extra, adults)\n")
    problems = lint(text)
    assert codes(problems) == ["unused-input", "unused-derived"]
    assert problems[0].span == at(text, 11, "extra")
    assert "only derived values that are never used read it" in problems[0].message
    assert problems[1].span == at(text, 15, "unused")


# --------------------------------------------------------------------------- text and sources


def test_indicators_no_case_covers() -> None:
    problem = only(lint(BASE, cases={"C1.1", "C1.2"}), "untested-indicator")
    assert problem.span == at(BASE, 29, "C1.3")
    assert lint(BASE, cases={"C1.1", "C1.2", "C1.3"}) == []


def test_a_vietnamese_title_without_diacritics() -> None:
    text = changed("{vi: Có góc học tập,", "{vi: Co goc hoc tap,")
    problem = only(lint(text), "missing-diacritics")
    assert (problem.severity, problem.span) == ("warning", at(text, 30, "Co goc"))


def test_unverified_sources_without_a_note() -> None:
    text = changed(C13, f"{C13}\n        source: {{verified: false}}")
    text = text.replace("source: {verified: true, document: Văn bản thử}",
                        "source: {verified: false}")
    problems = lint(text)
    assert codes(problems) == ["unverified-without-note", "unverified-without-note"]
    assert problems[0].span == at(text, 6, "false")
    assert problems[1].span == at(text, 33, "false")
    noted = text.replace("{verified: false}", "{verified: false, note: Reconstructed.}")
    assert lint(noted) == []


def test_verified_sources_that_name_no_url_and_no_document() -> None:
    bare = "source: {verified: true}"
    text = changed(C13, f"{C13}\n        {bare}").replace(
        "source: {verified: true, document: Văn bản thử}", bare)
    warnings = lint(text)
    assert codes(warnings) == ["verified-without-reference"] * 2
    assert {p.severity for p in warnings} == {"warning"}
    problems = warnings
    assert "url" in (problems[0].hint or "")
    cited = text.replace("{verified: true}", "{verified: true, url: https://example.org/tt}")
    assert lint(cited) == []


def test_a_set_that_does_not_compile_gives_its_errors() -> None:
    data = parse_yaml(BASE, FILE).data
    data["derived"]["share"] = "ratio(learnerz, adults)"
    problems = lint_set(CriteriaSet.model_validate(data))
    assert codes(problems) == ["unknown-name"]


# --------------------------------------------------------------------------- the command


def _lint(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(["lint", "--lang", "en", *argv])
    out, err = capsys.readouterr()
    assert out == ""
    return status, err


def test_the_example_set_lints_without_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, err = _lint(capsys, str(EXAMPLE))
    assert (status, err) == (0, "0 errors, 0 warnings\n")


def test_warnings_pass_unless_strict(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "set.yaml"
    file.write_text(changed("{vi: Có góc học tập,", "{vi: Co goc hoc tap,"), "utf-8")
    status, err = _lint(capsys, str(file))
    assert status == 0
    assert err.splitlines()[0].startswith(f"{file}:30:21: warning: the Vietnamese title")
    assert err.endswith("[missing-diacritics]\n  hint: write the title with its diacritics "
                        "(and save the file as UTF-8)\n0 errors, 1 warning\n")
    assert _lint(capsys, str(file), "--strict")[0] == 1


def test_errors_fail_and_directories_are_searched(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text(changed(PASS, "pass: total >= 0"), "utf-8")
    (tmp_path / "notes.yaml").write_text("just: data\n", "utf-8")
    status, err = _lint(capsys, str(tmp_path))
    assert status == 1
    assert f"{tmp_path / 'sub' / 'a.yaml'}:34:9: the pass rule holds" in err
    assert err.endswith("1 error, 0 warnings\n")


def test_a_broken_set_reports_its_load_problems(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "set.yaml"
    file.write_text(changed(C11, "when: adults >= 1 and lerners >= 1"), "utf-8")
    status, err = _lint(capsys, str(file))
    assert status == 1
    text = file.read_text("utf-8")
    assert f"{file}:22:{at(text, 22, 'lerners').column}: unknown name 'lerners'" in err


def test_test_cases_beside_the_set_give_coverage(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "set.yaml").write_text(BASE, "utf-8")
    (tmp_path / "set.test.yaml").write_text("""\
format: learning-models/test-cases/1
criteria: test/lint
cases:
  - id: one
    input: {adults: 1, learners: 1}
    expect: {indicators: {C1.1: met, C1.2: met}}
""", "utf-8")
    (tmp_path / "other.test.yaml").write_text("""\
format: learning-models/test-cases/1
criteria: test/other
cases:
  - {id: two, input: {}, expect: {indicators: {C1.3: met}}}
""", "utf-8")
    status, err = _lint(capsys, str(tmp_path / "set.yaml"))
    assert status == 0
    assert "29:13: warning: no test case checks indicator 'C1.3' [untested-indicator]" in err
    assert err.endswith("0 errors, 1 warning\n")


def test_a_set_that_extends_another_is_linted_resolved(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(BASE, "utf-8")
    local = tmp_path / "local.yaml"
    local.write_text("""\
format: learning-models/criteria-set/1
id: test/local
extends: test/lint
period: 2021-2025
source: {verified: false, note: A local change.}
add:
  indicators:
    - criterion: C1
      id: C1.4
      title: {vi: Khong dau, en: No accents}
      points: 5
      when: learners > 30
""", "utf-8")
    status, err = _lint(capsys, str(local), "--criteria-dir", str(tmp_path))
    assert status == 0
    assert f"{local}:10:19: warning: the Vietnamese title of indicator 'C1.4'" in err
    assert f"{local}:12:13: warning: indicator 'C1.4' can never be met" in err
    assert f"{local}:12:24: warning: 'learners > 30' can never hold" in err
    assert err.endswith("0 errors, 3 warnings\n")


# --------------------------------------------------------------------------- soundness

SMALL = {"x": InputSpec(type="integer", minimum=0, maximum=4),
         "y": InputSpec(type="integer", minimum=0, maximum=4),
         "b": InputSpec(type="boolean")}

atoms = st.one_of(
    st.builds(lambda n, op, k: f"{n} {op} {k}", st.sampled_from(["x", "y"]),
              st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), st.integers(-1, 6)),
    st.builds(lambda k, n: f"{k} < {n} <= {k + 2}", st.integers(-1, 5), st.sampled_from("xy")),
    st.builds(lambda n, ks: f"{n} in [{', '.join(map(str, ks))}]", st.sampled_from("xy"),
              st.lists(st.integers(0, 5), min_size=1, max_size=3)),
    st.just("b"),
)
conditions = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.builds(lambda a, b: f"({a}) and ({b})", inner, inner),
        st.builds(lambda a, b: f"({a}) or ({b})", inner, inner),
        st.builds(lambda a: f"not ({a})", inner)),
    max_leaves=8)


@given(conditions)
def test_a_condition_called_never_true_is_never_true(text: str) -> None:
    expr = parse_expression(text, None)
    if _Conditions(SMALL).holds(expr):
        return
    for x in range(5):
        for y in range(5):
            for b in (True, False):
                assert not eval(text, {}, {"x": x, "y": y, "b": b}), (text, x, y, b)


# --------------------------------------------------------------------------- integer overflow


def test_a_product_the_bounds_let_leave_64_bits_is_a_warning_at_it() -> None:
    text = changed(C11, "when: adults * 1000000000000000000 >= 1 and learners >= 1")
    problem = only(lint(text), "integer-overflow")
    assert (problem.severity, problem.span) == ("warning", at(text, 22, "adults *"))
    assert problem.message.startswith("'adults * 1000000000000000000' can reach "
                                      "30,000,000,000,000,000,000 given the declared bounds")
    assert "bounds" in (problem.hint or "")


def test_a_product_of_an_input_without_a_maximum_is_a_warning_once() -> None:
    text = changed("  learners: {type: integer, minimum: 0, maximum: 30}",
                   "  learners: {type: integer, minimum: 0}")
    text = text.replace(C11, "when: adults * learners * learners >= 1 and learners >= 1")
    problem = only(lint(text), "integer-overflow")
    assert problem.span == at(text, 22, "adults * learners * learners")
    assert "multiplies a value with no declared maximum" in problem.message


@pytest.mark.parametrize("condition", [
    "adults * learners * 1000 >= 1",            # at most 900,000
    "adults * 2.5 >= 1",                        # a number: computed in floating point
    "adults / 3 * 1000000000000000000 >= 1",    # a division gives a number
    "adults - learners + 9223372036854775000 >= 1",  # within 2**63 - 1
])
def test_arithmetic_within_64_bits_or_in_numbers_is_not_an_overflow(condition: str) -> None:
    text = changed(C11, f"when: {condition} and learners >= 1")
    assert "integer-overflow" not in codes(lint(text))


def test_an_overflow_through_a_derived_value_is_found_where_it_happens() -> None:
    text = changed("  share: ratio(learners, adults)",
                   "  share: ratio(learners, adults)\n  big: adults * 300000000000000000")
    text = text.replace(C11, "when: big * 2 >= 1 and learners >= 1")
    assert [p.span for p in lint(text) if p.code == "integer-overflow"] == [
        at(text, 23, "big * 2")]
