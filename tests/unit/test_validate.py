"""Validation: every problem a criteria file can have is reported, located and coded."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from builders import FILE, MINI, WHEN, codes_of, dump, lines_of, load_text, mini, problems_of

import learning_models as lm
from learning_models._criteria.model import MAX_POINTS
from learning_models._documents.yaml import parse_yaml

EXAMPLE = Path(__file__).parents[2] / "examples" / "family" / "family-set.yaml"

TWO_CRITERIA = mini("recognition:", """\
  - id: C2
    title: {vi: Hai, en: Two}
    indicators:
      - {id: C2.1, title: {vi: Hai, en: Two}, points: 5, when: corner}
recognition:""")


# --- one broken text per code --------------------------------------------------------------------

BROKEN: dict[str, str | bytes] = {
    "not-utf8": MINI.replace("Thử", "Th\udcff").encode("utf-8", "surrogateescape"),
    "yaml-syntax": mini("model: family", "model: [family"),
    "yaml-tag": mini("model: family", "model: !!python/object foo"),
    "duplicate-key": mini("model: family\n", "model: family\nmodel: clan\n"),
    "too-deep": mini("source: {verified: false}",
                     "source: {verified: false}\nx: " + "[" * 70 + "]" * 70),
    "too-many-aliases": mini("source: {verified: false}", "source: {verified: false}\n"
                             "x: &a [1]\n" + "\n".join(f"y{i}: *a" for i in range(101))),
    "non-string-key": mini("model: family", "? [a]\n: b\nmodel: family"),
    "unknown-format": mini("criteria-set/1", "criteria-set/2"),
    "unknown-key": mini("model: family", "model: family\nmodle: clan"),
    "missing-key": mini("title: {vi: Thử, en: Test}", "title: {vi: Thử}"),
    "wrong-type": mini("points: 10", "points: ten"),
    "invalid-value": mini("period: 2021-2025", "period: 2021-25"),
    "duplicate-id": mini("id: C1.1", "id: C1"),
    "levels-exceed-points": mini(WHEN, "levels:\n          - {when: adults >= 2, points: 12}"),
    "grades-order": mini("pass: total >= 5", "pass: total >= 5\n  grades:\n"
                         "    - {id: fair, title: {vi: K, en: F}, min: 5}\n"
                         "    - {id: good, title: {vi: T, en: G}, min: 9}"),
    "name-clash": mini("  corner: {type: boolean}", "  year: {type: boolean}"),
    "unknown-base": mini("model: family\n", "extends: vn/base\n"),
}


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_each_broken_text_reports_its_code(code: str) -> None:
    assert code in codes_of(BROKEN[code])


def test_the_valid_mini_set_has_no_problem() -> None:
    spec = load_text(MINI)
    assert spec.id == "test/mini"


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(tmp_path / "absent.yaml", display_name="absent.yaml")
    assert [p.format() for p in caught.value.problems] == [
        "file not found: 'absent.yaml' [file-not-found]"]


def test_a_directory_is_not_a_criteria_file(tmp_path: Path) -> None:
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(tmp_path, display_name="criteria")
    assert caught.value.problems[0].code == "file-not-found"
    assert "is a directory" in caught.value.problems[0].message


def test_a_file_over_the_size_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(MINI + "#" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(path, display_name="big.yaml")
    assert [p.code for p in caught.value.problems] == ["too-large"]
    assert str(caught.value.problems[0].span) == "big.yaml:1:1"


def test_an_infinite_number_is_an_invalid_value() -> None:
    assert lines_of(mini("points: 10", "points: .inf")) == [
        "set.yaml:18:17: '.inf' is not a finite number [invalid-value]\n"
        "  hint: write a finite number, or quote it to make it text"]


# --- exact lines for representative problems -----------------------------------------------------


def test_not_utf8_gives_the_position_of_the_bad_byte() -> None:
    assert lines_of(BROKEN["not-utf8"]) == [
        "set.yaml:5:15: the file is not UTF-8: byte 0xff cannot be decoded [not-utf8]\n"
        "  hint: save the file as UTF-8"]


def test_duplicate_key_points_at_the_second_and_names_the_first_line() -> None:
    assert lines_of(BROKEN["duplicate-key"]) == [
        "set.yaml:4:1: duplicate key 'model' [duplicate-key]\n  hint: first defined at line 3"]


def test_a_wrong_format_version_points_at_the_value() -> None:
    assert lines_of(BROKEN["unknown-format"]) == [
        "set.yaml:1:9: unknown format 'learning-models/criteria-set/2'; expected "
        "'learning-models/criteria-set/1' [unknown-format]"]


def test_a_missing_format_line_says_what_to_write() -> None:
    assert lines_of(mini("format: learning-models/criteria-set/1\n", "")) == [
        "set.yaml:1:1: missing key 'format' [unknown-format]\n"
        "  hint: add 'format: learning-models/criteria-set/1' as the first line"]


@pytest.mark.parametrize(("content", "found"), [("", "an empty file"), ("- a\n- b\n", "a list")])
def test_a_file_that_is_not_a_mapping_is_refused(content: str, found: str) -> None:
    assert lines_of(content) == [
        f"set.yaml:1:1: a criteria set must be a mapping, found {found} [wrong-type]\n"
        "  hint: start the file with 'format: learning-models/criteria-set/1'"]


def test_unknown_key_gets_a_did_you_mean() -> None:
    assert lines_of(BROKEN["unknown-key"]) == [
        "set.yaml:4:1: unknown key 'modle' in the criteria set [unknown-key]\n"
        "  hint: did you mean 'model'?"]


def test_unknown_key_inside_an_indicator_gets_a_did_you_mean() -> None:
    assert lines_of(mini("        points: 10", "        pionts: 10")) == [
        "set.yaml:16:9: missing key 'points' in 'criteria[0].indicators[0]' "
        "(indicator 'C1.1') [missing-key]",
        "set.yaml:18:9: unknown key 'pionts' in 'criteria[0].indicators[0]' "
        "(indicator 'C1.1') [unknown-key]\n"
        "  hint: did you mean 'points'?",
    ]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    (line,) = lines_of(mini("model: family", "model: family\nzzz: 1"))
    assert line.startswith("set.yaml:4:1: unknown key 'zzz' in the criteria set [unknown-key]\n"
                           "  hint: allowed keys: add, applies_to, criteria, derived, extends, "
                           "format, id,")


def test_wrong_type_names_the_path_and_what_was_found() -> None:
    assert lines_of(BROKEN["wrong-type"]) == [
        "set.yaml:18:17: 'criteria[0].indicators[0].points' must be a number, "
        "found string 'ten' (indicator 'C1.1') [wrong-type]"]


def test_an_invalid_pattern_gets_a_hint() -> None:
    assert lines_of(BROKEN["invalid-value"]) == [
        "set.yaml:4:9: 'period' has the invalid value '2021-25' [invalid-value]\n"
        "  hint: a period is 'YYYY-YYYY' (e.g. '2021-2025') or one year 'YYYY'"]


def test_an_unknown_input_type_lists_the_choices() -> None:
    assert lines_of(mini("corner: {type: boolean}", "corner: {type: bool}")) == [
        "set.yaml:10:18: 'inputs.corner.type' must be one of 'integer', 'number', 'boolean', "
        "'string', 'enum', found 'bool' [invalid-value]"]


def test_zero_points_is_refused() -> None:
    assert codes_of(mini("points: 10", "points: 0")) == ["invalid-value"]


@pytest.mark.parametrize("points", ["1.0e+32", "100000000000000000000000000000000", "1000.5"])
def test_points_above_the_maximum_are_refused_with_a_clear_message(points: str) -> None:
    shown = f"{float(points):g}"
    assert lines_of(mini("points: 10", f"points: {points}")) == [
        f"set.yaml:18:17: 'criteria[0].indicators[0].points' is {shown}; an indicator or a "
        "level gives at most 1000 points (indicator 'C1.1') [invalid-value]\n"
        "  hint: write the points the document gives; a set usually scores 100 points in all"]


def test_level_points_above_the_maximum_are_refused_at_the_level() -> None:
    text = mini(WHEN, "levels:\n          - {when: adults >= 2, points: 1.0e+32}")
    [line] = [p.format() for p in problems_of(text) if "1000 points" in p.message]
    assert line.startswith("set.yaml:20:41: 'criteria[0].indicators[0].levels[0].points' is "
                           "1e+32; an indicator or a level gives at most 1000 points")


def test_a_thousand_points_is_the_most_an_indicator_gives() -> None:
    assert load_text(mini("points: 10", "points: 1000")).max_total == 1000
    assert lm.criteria_set_schema()["$defs"]["indicator"]["properties"]["points"]["maximum"] \
        == MAX_POINTS
    with pytest.raises(ValueError, match="less than or equal to 1000"):
        lm.Level(when="x", points=1001)


def test_duplicate_ids_point_at_the_second_use_and_name_the_first() -> None:
    text = mini("recognition:", """\
  - id: C1
    title: {vi: Hai, en: Two}
    indicators:
      - {id: C1.1, title: {vi: a, en: b}, points: 5, when: corner}
recognition:""")
    assert lines_of(text) == [
        "set.yaml:20:9: id 'C1' is used twice [duplicate-id]\n  hint: first used at line 13",
        "set.yaml:23:14: id 'C1.1' is used twice [duplicate-id]\n  hint: first used at line 16",
    ]


def test_a_level_above_its_indicator_points_at_the_level_points() -> None:
    assert lines_of(BROKEN["levels-exceed-points"]) == [
        "set.yaml:20:41: level 1 of 'C1.1' gives 12 points, more than the indicator's 10 "
        "[levels-exceed-points]"]


def test_grades_out_of_order_point_at_the_lower_listed_min() -> None:
    assert lines_of(BROKEN["grades-order"]) == [
        "set.yaml:24:46: grade 'good' (min 9) must be lower than 'fair' (min 5) [grades-order]\n"
        "  hint: list grades highest first"]


def test_equal_grade_minimums_are_out_of_order() -> None:
    text = mini("pass: total >= 5", "pass: total >= 5\n  grades:\n"
                "    - {id: good, title: {vi: T, en: G}, min: 9}\n"
                "    - {id: fair, title: {vi: K, en: F}, min: 9}")
    assert codes_of(text) == ["grades-order"]


@pytest.mark.parametrize(("old", "new", "message"), [
    (WHEN, "when: corner\n        levels:\n          - {when: corner, points: 5}",
     "'when' and 'levels'"),
    ("        " + WHEN + "\n", "", "none"),
])
def test_an_indicator_needs_exactly_one_of_when_and_levels(old: str, new: str,
                                                           message: str) -> None:
    (problem,) = problems_of(mini(old, new))
    assert problem.code == "invalid-value"
    assert problem.message == ("indicator 'C1.1' needs exactly one of 'when', 'levels' and "
                               f"'awarded', found {message}")
    assert str(problem.span) == "set.yaml:16:9"


def test_input_options_that_do_not_fit_the_type_are_refused() -> None:
    text = MINI.replace("income: {type: enum, values: [lower, stable, higher]}",
                        "income: {type: enum}") \
        .replace("corner: {type: boolean}", "corner: {type: boolean, values: [a], minimum: 0}") \
        .replace("adults: {type: integer, minimum: 0, maximum: 30}",
                 "adults: {type: integer, minimum: 5, maximum: 3}")
    assert lines_of(text) == [
        "set.yaml:8:36: input 'adults' has minimum above maximum [invalid-value]",
        "set.yaml:10:27: only enum inputs take 'values'; 'corner' is boolean [invalid-value]",
        "set.yaml:10:40: 'minimum' applies to numbers; 'corner' is boolean [invalid-value]",
        "set.yaml:11:11: enum input 'income' needs 'values' [missing-key]",
    ]


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    assert lines_of(mini("period: 2021-2025", "period: 2025-2021")) == [
        "set.yaml:4:9: period '2025-2021' ends before it starts [invalid-value]"]


def test_names_that_clash_with_reserved_names_or_inputs_are_refused() -> None:
    text = mini("  corner: {type: boolean}", "  year: {type: boolean}") \
        .replace("criteria:\n", 'derived:\n  adults: "1"\n  total: "2"\ncriteria:\n')
    assert lines_of(text) == [
        "set.yaml:10:3: 'year' is a reserved name [name-clash]\n"
        "  hint: reserved: grade, id, mandatory_met, max_total, name, status, total, year",
        "set.yaml:13:3: derived value 'adults' has the name of an input [name-clash]",
        "set.yaml:14:3: 'total' is a reserved name [name-clash]\n"
        "  hint: reserved: grade, id, mandatory_met, max_total, name, status, total, year",
    ]


@pytest.mark.parametrize("name", ["name", "status", "grade"])
def test_an_input_named_like_a_column_of_every_record_or_result_is_refused(name: str) -> None:
    # a subject's name, its decision and its grade are columns of every scored table
    (line,) = lines_of(mini("  corner: {type: boolean}", f"  {name}: {{type: boolean}}"))
    assert line.startswith(f"set.yaml:10:3: '{name}' is a reserved name [name-clash]")


def test_a_criterion_named_like_a_pass_rule_name_is_refused() -> None:
    assert lines_of(mini("  - id: C1\n", "  - id: total\n")) == [
        "set.yaml:13:9: criterion id 'total' is a reserved name [name-clash]"]


def test_an_input_name_outside_the_name_pattern_is_refused() -> None:
    assert lines_of(mini("  corner: {type: boolean}", "  Corner: {type: boolean}")) == [
        "set.yaml:10:3: 'Corner' is not a valid name in 'inputs' [invalid-value]\n"
        "  hint: use lower-case ASCII letters, digits and _, starting with a letter"]


@pytest.mark.parametrize("name", ["class", "if", "not", "in", "lambda", "pass"])
def test_an_input_named_like_a_keyword_is_refused_at_its_name(name: str) -> None:
    text = mini("  corner: {type: boolean}", f"  {name}: {{type: boolean}}") \
        .replace("when: adults >= 1", f"when: {name} and adults >= 1")
    assert lines_of(text) == [
        f"set.yaml:10:3: input name {name!r} is a keyword of the expression language, so no "
        "expression could read it [invalid-value]\n"
        f"  hint: rename it, e.g. {name + '_'!r}: Python's keywords (and, or, not, in, is, if, "
        "else, class, …) cannot be names"]


def test_a_derived_value_or_criterion_named_like_a_keyword_is_refused() -> None:
    text = mini("  - id: C1\n", "  - id: None\n").replace(
        "criteria:\n", "derived:\n  class: adults + 1\ncriteria:\n")
    assert [(str(p.span), p.code, p.message.split(" is ")[0]) for p in problems_of(text)] == [
        ("set.yaml:13:3", "invalid-value", "derived value name 'class'"),
        ("set.yaml:15:9", "invalid-value", "criterion id 'None'")]


def test_a_keyword_name_added_by_an_extending_set_is_refused_in_that_file(
        tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(MINI, encoding="utf-8")
    (tmp_path / "local.yaml").write_text(
        "format: learning-models/criteria-set/1\nid: test/local\nextends: test/mini\n"
        "period: 2021-2025\nsource: {verified: false, note: x}\n"
        "add:\n  inputs:\n    if: {type: boolean}\n", encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(tmp_path / "local.yaml")
    [problem] = caught.value.problems
    assert (problem.code, problem.span) == ("invalid-value",
                                            lm.Span(str(tmp_path / "local.yaml"), 8, 5))


@pytest.mark.parametrize("key", ["add: {}", "replace: {inputs: {}}", "remove: {inputs: [a]}"])
def test_add_replace_remove_without_extends_are_reported_not_a_crash(key: str) -> None:
    (problem,) = problems_of(mini("model: family\n", f"model: family\n{key}\n"))
    assert problem.code == "unknown-key"
    assert str(problem.span) == "set.yaml:4:1"
    assert "only allowed in a set that extends another" in problem.message


def test_a_set_that_extends_another_must_go_through_a_catalogue() -> None:
    assert lines_of(BROKEN["unknown-base"]) == [
        "set.yaml:3:10: the set extends 'vn/base'; load it through a catalogue [unknown-base]\n"
        "  hint: use load_criteria() or Catalog.get()"]


# --- many problems at once -----------------------------------------------------------------------


def test_every_problem_of_a_stage_is_reported_sorted_by_position() -> None:
    text = MINI.replace("points: 10", "points: ten") \
        .replace("period: 2021-2025", "period: 2021-25") \
        .replace("model: family", "model: family\nmodle: clan") \
        .replace("source: {verified: false}", "source: {verified: maybe}")
    problems = problems_of(text)
    assert [(p.span.line, p.span.column, p.code) for p in problems if p.span] == [
        (4, 1, "unknown-key"),
        (5, 9, "invalid-value"),
        (7, 20, "wrong-type"),
        (19, 17, "wrong-type"),
    ]
    assert all(p.span is not None for p in problems)


def test_the_error_text_is_every_formatted_problem_one_per_line() -> None:
    with pytest.raises(lm.CriteriaError) as caught:
        load_text(TWO_CRITERIA.replace("id: C1.1", "id: C1").replace("id: C2.1", "id: C2"))
    error = caught.value
    assert len(error.problems) == 2
    assert str(error) == "\n".join(p.format() for p in error.problems)


def test_meaning_checks_run_only_on_a_well_shaped_document() -> None:
    # the duplicate id would be a meaning problem; the shape problem hides it, never crashes
    text = MINI.replace("id: C1.1", "id: C1").replace("points: 10", "points: ten")
    assert codes_of(text) == ["wrong-type"]


# --- the validated set ---------------------------------------------------------------------------


def test_a_valid_set_keeps_its_shape_and_positions() -> None:
    spec = load_text(TWO_CRITERIA)
    assert [c.id for c in spec.criteria] == ["C1", "C2"]
    assert [i.id for i in spec.indicators] == ["C1.1", "C2.1"]
    assert spec.max_total == 15
    assert list(spec.years) == [2021, 2022, 2023, 2024, 2025]
    assert spec.inputs["income"].values == ("lower", "stable", "higher")
    assert spec.source_map is not None
    assert str(spec.source_map.locate(("criteria", 1, "id"))) == "set.yaml:20:9"


def test_a_single_year_period_governs_one_year() -> None:
    assert list(load_text(mini("period: 2021-2025", "period: '2024'")).years) == [2024]


def test_the_content_hash_follows_meaning_not_layout() -> None:
    import yaml

    spec = load_text(MINI)
    data = yaml.safe_load(MINI)
    relaid = "# a comment\n" + json.dumps(dict(reversed(list(data.items()))), indent=4)
    assert load_text(relaid).content_hash() == spec.content_hash()
    assert load_text(dump(data)).content_hash() == spec.content_hash()
    assert load_text(mini("points: 10", "points: 11")).content_hash() != spec.content_hash()
    assert len(spec.content_hash()) == 64


def test_a_set_is_frozen() -> None:
    spec = load_text(MINI)
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError
        spec.id = "other"  # type: ignore[misc]


def test_validate_criteria_works_on_a_loaded_document(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINI, encoding="utf-8")
    spec = lm.validate_criteria(lm.load_yaml(path))
    assert spec.canonical() == lm.load_criteria(path).canonical()


def test_two_loads_of_one_file_are_equal(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINI, encoding="utf-8")
    assert lm.load_criteria(path) == lm.load_criteria(path)


def test_sets_that_mean_the_same_are_equal_and_others_are_not() -> None:
    spec = load_text(MINI)
    assert spec == load_text("# relaid\n" + MINI, "other.yaml")
    assert spec != load_text(mini("points: 10", "points: 11"))
    assert spec != "not a set"
    # Immutable all the way down, a set is hashable, by meaning as it compares.
    assert hash(spec) == hash(load_text("# relaid\n" + MINI, "other.yaml"))


def test_add_and_remove_without_extends_are_each_reported() -> None:
    problems = problems_of(mini("model: family\n", "model: family\nadd: {}\nremove: {}\n"))
    assert [(p.code, str(p.span)) for p in problems] == [
        ("unknown-key", "set.yaml:4:1"), ("unknown-key", "set.yaml:5:1")]
    assert [p.message for p in problems] == [
        "'add' is only allowed in a set that extends another",
        "'remove' is only allowed in a set that extends another"]


# --- the published JSON Schema -------------------------------------------------------------------


def test_the_criteria_set_schema_is_a_valid_2020_12_schema() -> None:
    schema = lm.criteria_set_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_example_set_is_valid_for_the_schema_and_the_loader() -> None:
    data = parse_yaml(EXAMPLE.read_bytes(), "x").data
    jsonschema.Draft202012Validator(lm.criteria_set_schema()).validate(data)
    spec = lm.load_criteria(EXAMPLE)
    assert spec.max_total == 100


def test_the_schema_refuses_what_the_loader_refuses() -> None:
    data = parse_yaml(MINI, FILE).data
    data["modle"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, lm.criteria_set_schema())


# --- enum values with labels ---------------------------------------------------------------------

LABELLED_INCOME = """income:
    type: enum
    values:
      - {value: lower, label: {vi: giảm, en: lower}}
      - stable
      - {value: higher, label: {vi: tăng, en: higher}}"""
PLAIN_INCOME = "income: {type: enum, values: [lower, stable, higher]}"


def test_enum_values_may_carry_labels_beside_plain_values() -> None:
    spec = load_text(mini(PLAIN_INCOME, LABELLED_INCOME))
    income = spec.inputs["income"]
    assert income.values == ("lower", "stable", "higher")
    assert income.value_labels("vi") == ("giảm", "stable", "tăng")
    assert income.value_labels("en") == ("lower", "stable", "higher")
    assert income.spellings() == {"lower": "lower", "giảm": "lower", "stable": "stable",
                                  "higher": "higher", "tăng": "higher"}


def test_labels_change_the_content_hash_and_plain_values_keep_it() -> None:
    plain = load_text(MINI)
    labelled = load_text(mini(PLAIN_INCOME, LABELLED_INCOME))
    spelled_out = load_text(mini(PLAIN_INCOME, "income: {type: enum, values: [lower, stable, "
                                               "higher], label: null}".replace(
                                                   ", label: null", "")))
    assert plain.content_hash() == spelled_out.content_hash()
    assert labelled.content_hash() != plain.content_hash()
    assert labelled.canonical()["inputs"]["income"]["values"][0] == {
        "value": "lower", "label": {"vi": "giảm", "en": "lower"}}


@pytest.mark.parametrize(("item", "expected"), [
    ("{value: lower, lable: {vi: giảm, en: lower}}",
     "set.yaml:14:24: unknown key 'lable' in 'inputs.income.values[0]' [unknown-key]\n"
     "  hint: did you mean 'label'?"),
    ("{value: lower}",
     "set.yaml:14:9: missing key 'label' in 'inputs.income.values[0]' [missing-key]"),
    ("{value: lower, label: {vi: giảm}}",
     "set.yaml:14:31: missing key 'en' in 'inputs.income.values[0].label' [missing-key]"),
    ("3", "set.yaml:14:9: 'inputs.income.values[0]' must be a string, found integer 3 "
          "[wrong-type]"),
])
def test_a_broken_labelled_value_is_located_at_the_item(item: str, expected: str) -> None:
    text = mini(PLAIN_INCOME, LABELLED_INCOME).replace(
        "{value: lower, label: {vi: giảm, en: lower}}", item)
    assert expected in lines_of(text)


@pytest.mark.parametrize(("items", "message"), [
    ("[{value: lower, label: {vi: giảm, en: lower}}, {value: higher, label: {vi: Giảm, en: x}}]",
     "'giảm' names two values, 'lower' and 'higher': every value and label (compared without "
     "case) must name one value only"),
    ("[stable, {value: higher, label: {vi: tăng, en: ' STABLE '}}]",
     "' stable ' names two values, 'stable' and 'higher': every value and label (compared "
     "without case) must name one value only"),
    ("[lower, {value: lower, label: {vi: giảm, en: lower}}]",
     "the value 'lower' is listed twice"),
    ("[{value: lower, label: {vi: '  ', en: lower}}]", "a value or label of 'lower' is empty"),
])
def test_values_and_labels_that_name_two_values_are_refused_at_values(items: str,
                                                                      message: str) -> None:
    (problem,) = problems_of(mini(PLAIN_INCOME, f"income: {{type: enum, values: {items}}}"))
    assert (problem.code, problem.message) == ("invalid-value", message)
    assert (problem.span.line, problem.span.column) == (11, 32)  # type: ignore[union-attr]


def test_the_schema_accepts_labelled_values_and_refuses_broken_ones() -> None:
    validator = jsonschema.Draft202012Validator(lm.criteria_set_schema())
    values = validator.schema["$defs"]["input"]["properties"]["values"]
    check = jsonschema.Draft202012Validator({**values, "$defs": validator.schema["$defs"]})
    assert check.is_valid(["a", {"value": "b", "label": {"vi": "bê", "en": "bee"}}])
    for broken in ([""], [{"value": "b"}], [{"value": "", "label": {"vi": "x", "en": "y"}}],
                   [{"value": "b", "label": {"vi": "x", "en": "y"}, "note": 1}], [1], []):
        assert not check.is_valid(broken), broken


def test_the_shipped_enum_inputs_have_vietnamese_and_english_labels() -> None:
    catalog = lm.Catalog.default()
    enums = [(entry.id, name, spec) for entry in catalog.entries()
             for name, spec in catalog.get(entry.id).inputs.items() if spec.type == "enum"]
    assert enums
    for ident, name, spec in enums:
        assert all(not isinstance(c, str) for c in spec.choices or ()), (ident, name)
    family = lm.Catalog.default().get("vn/2021-2025/family").inputs["income"]
    assert family.value_labels("vi") == ("giảm", "ổn định", "tăng")


def test_the_evidence_schema_takes_the_values_and_documents_the_labels() -> None:
    spec = load_text(mini(PLAIN_INCOME, LABELLED_INCOME))
    income = lm.evidence_schema(spec)["properties"]["income"]
    assert income["enum"] == ["lower", "stable", "higher", None]
    assert income["description"] == ("Values (with the labels people write for them): "
                                      "lower (giảm / lower), stable, higher (tăng / higher).")
    validator = jsonschema.Draft202012Validator(lm.evidence_schema(spec))
    assert validator.is_valid({"id": "F1", "income": "higher"})
    assert not validator.is_valid({"id": "F1", "income": "tăng"})
    plain = lm.evidence_schema(load_text(MINI))["properties"]["income"]
    assert "description" not in plain
