"""Records → a typed table: every value typed against its input, every bad record explained."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import polars as pl
import pytest
from builders import build, ind, make_set

import learning_models as lm
from learning_models._evidence.records import records_to_frame, type_frame

SPEC = build(make_set(
    {"n": {"type": "integer", "minimum": 0, "maximum": 10},
     "x": {"type": "number", "minimum": 0.5, "maximum": 2.5},
     "b": "boolean",
     "e": {"type": "enum", "values": ["low", "mid", "high"]},
     "s": "string",
     "r": {"type": "integer", "required": True}},
    {"C1": [ind("I1", "n >= 1"), ind("I2", "b")]},
))


def typed(records: Sequence[dict[str, Any]]) -> tuple[pl.DataFrame, list[lm.RecordError]]:
    frame, errors = records_to_frame(records)
    kept, type_errors = type_frame(frame, SPEC.inputs)
    return kept, errors + type_errors


def column(records: Sequence[dict[str, Any]], name: str) -> list[Any]:
    kept, errors = typed(records)
    assert errors == []
    return kept[name].to_list()


def rows(name: str, values: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"id": f"R{k}", "r": 1, name: v} for k, v in enumerate(values)]


def errors_of(records: Sequence[dict[str, Any]]) -> list[tuple[int, str | None, str, str]]:
    _, errors = typed(records)
    return [(e.row, e.field, e.code, e.message) for e in errors]


# --- types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "value"), [
    ("có", True), ("không", False), ("true", True), ("false", False), ("1", True), ("0", False),
    ("Có", True), ("KHÔNG", False), ("TRUE", True), ("yes", True), ("no", False),
    (" có ", True), (True, True), (False, False),
])
def test_booleans_are_read_in_vietnamese_english_and_digits(written: Any, value: bool) -> None:
    assert column(rows("b", [written]), "b") == [value]


def test_a_word_that_is_not_yes_or_no_is_rejected() -> None:
    assert errors_of(rows("b", ["có", "maybe"])) == [
        (2, "b", "invalid-record", "'b' must be yes/no (có/không, true/false, 1/0), found 'maybe'")]


@pytest.mark.parametrize(("written", "value"), [
    ("3", 3), (" 3 ", 3), ("3.0", 3), ("-0", 0), (3, 3), (3.0, 3), ("1e1", 10)])
def test_whole_numbers_may_be_written_in_several_ways(written: Any, value: int) -> None:
    assert column(rows("n", [written]), "n") == [value]


@pytest.mark.parametrize("written", ["3.5", "three", "", "  "])
def test_text_that_is_no_whole_number_is_rejected_or_missing(written: str) -> None:
    kept, errors = typed(rows("n", [written]))
    if written.strip():
        assert [(e.code, e.field) for e in errors] == [("invalid-record", "n")]
        assert errors[0].message == f"'n' must be a whole number, found '{written}'"
        assert kept.height == 0
    else:  # blank is missing evidence, not an error
        assert errors == []
        assert kept["n"].to_list() == [None]


def test_a_large_whole_number_is_kept_exactly_or_rejected() -> None:
    kept, errors = typed([{"id": "B", "r": "9007199254740993"}])
    assert errors or kept["r"].to_list() == [9007199254740993]


@pytest.mark.parametrize(("written", "value"), [
    ("9007199254740993", 9007199254740993), ("-9223372036854775808", -9223372036854775808),
    ("+0007", 7), ("1e3", 1000), ("1E1", 10)])
def test_whole_numbers_from_text_are_read_exactly(written: str, value: int) -> None:
    kept, errors = type_frame(pl.DataFrame({"id": ["A"], "r": [written]}), SPEC.inputs)
    assert errors == []
    assert kept["r"].to_list() == [value]


@pytest.mark.parametrize("written", ["9223372036854775808", "1e19", "0x10", "1_000"])
def test_whole_numbers_beyond_int64_or_in_other_notations_are_rejected(written: str) -> None:
    _, errors = type_frame(pl.DataFrame({"id": ["A"], "r": [written]}), SPEC.inputs)
    assert [(e.field, e.code) for e in errors] == [("r", "invalid-record")]


def test_a_python_boolean_is_not_a_whole_number() -> None:
    assert errors_of(rows("n", [True])) == [
        (1, "n", "invalid-record", "'n' must be a whole number, found 'true'")]


@pytest.mark.parametrize(("written", "value"), [("1.5", 1.5), ("2", 2.0), ("25e-1", 2.5),
                                                (0.5, 0.5)])
def test_numbers_are_read_as_floats(written: Any, value: float) -> None:
    assert column(rows("x", [written]), "x") == [value]


@pytest.mark.parametrize("written", ["nan", "inf", "-inf", "1,5,5", "1.2.3"])
def test_non_finite_or_foreign_numbers_are_rejected(written: str) -> None:
    assert [code for _, _, code, _ in errors_of(rows("x", [written]))] == ["invalid-record"]


#: Unbounded inputs, for numbers of any size.
WIDE = build(make_set({"count": "integer", "amount": "number"},
                      {"C1": [ind("I1", "count >= 1")]}))


def wide(name: str, written: str) -> tuple[list[Any], list[str]]:
    frame, errors = records_to_frame([{"id": "R0", name: written}])
    kept, type_errors = type_frame(frame, WIDE.inputs)
    return kept[name].to_list(), [e.message for e in errors + type_errors]


@pytest.mark.parametrize(("written", "value"), [("1,5", 1.5), ("1.234,5", 1234.5),
                                                ("1.234.567", 1234567.0), ("3,14159", 3.14159),
                                                ("1 234", 1234.0), ("0.5", 0.5)])
def test_numbers_typed_the_vietnamese_way_are_read_so(written: str, value: float) -> None:
    assert wide("amount", written) == ([value], [])


@pytest.mark.parametrize(("written", "value"), [("5.930", 5930), ("1.234.567", 1234567),
                                                ("1 234", 1234), ("2.0", 2), ("1.000", 1000)])
def test_counts_with_thousands_dots_or_spaces_are_read_as_thousands(written: str,
                                                                   value: int) -> None:
    assert wide("count", written) == ([value], [])


@pytest.mark.parametrize(("field", "written", "says"), [
    ("amount", "5.930", "found '5.930': read the Vietnamese way it is 5930, the English way "
                        "5.930"),
    ("amount", "1,500", "found '1,500': read the Vietnamese way it is 1.500, the English way "
                        "1500"),
    ("count", "8 20", "found '8 20': a space inside a number that does not separate groups "
                      "of three digits"),
])
def test_a_number_whose_reading_is_in_doubt_is_refused_saying_how_it_reads(
        field: str, written: str, says: str) -> None:
    values, [message] = wide(field, written)
    assert values == [] and says in message


def test_python_nan_is_rejected_before_typing() -> None:
    assert errors_of(rows("x", [float("nan")])) == [
        (1, None, "invalid-record", "'x' must be a finite number, found nan")]


def test_bounds_are_inclusive_and_outside_is_out_of_bounds() -> None:
    records = rows("n", ["0", "10", "-1", "11"]) + rows("x", ["0.5", "2.5", "0.4", "2.6"])
    for k, record in enumerate(records):
        record["id"] = f"R{k}"
    assert errors_of(records) == [
        (3, "n", "out-of-bounds", "'n' is -1, below the minimum 0"),
        (4, "n", "out-of-bounds", "'n' is 11, above the maximum 10"),
        (7, "x", "out-of-bounds", "'x' is 0.4, below the minimum 0.5"),
        (8, "x", "out-of-bounds", "'x' is 2.6, above the maximum 2.5"),
    ]


def test_enum_values_are_read_trimmed_in_any_case() -> None:
    assert column(rows("e", ["low", " high ", "Low", "MID"]), "e") == ["low", "high", "low",
                                                                       "mid"]
    assert errors_of(rows("e", ["lo w"])) == [
        (1, "e", "invalid-record", "'e' must be one of 'low', 'mid', 'high', found 'lo w'")]


LABELLED = build(make_set(
    {"income": {"type": "enum", "values": [
        {"value": "lower", "label": {"vi": "giảm", "en": "lower"}},
        {"value": "stable", "label": {"vi": "ổn định", "en": "unchanged"}},
        {"value": "higher", "label": {"vi": "tăng", "en": "higher"}},
        "unknown"]}},
    {"C1": [ind("I1", "income in ['stable', 'higher']")]},
))


def typed_income(values: Sequence[Any]) -> tuple[list[Any], list[tuple[int, str]]]:
    frame, errors = records_to_frame([{"id": f"R{k}", "income": v}
                                      for k, v in enumerate(values)])
    kept, type_errors = type_frame(frame, LABELLED.inputs)
    return kept["income"].to_list(), [(e.row, e.message) for e in errors + type_errors]


def test_an_enum_reads_the_value_or_either_label_and_stores_the_value() -> None:
    written = ["giảm", "ổn định", "tăng", "lower", "unchanged", "STABLE", "  Ổn Định ",
               "TĂNG", "unknown"]
    assert typed_income(written) == (
        ["lower", "stable", "higher", "lower", "stable", "stable", "stable", "higher",
         "unknown"], [])


def test_an_enum_label_in_decomposed_unicode_is_read() -> None:
    decomposed = unicodedata.normalize("NFD", "ổn định")
    assert decomposed != "ổn định"
    assert typed_income([decomposed]) == (["stable"], [])


def test_an_unknown_enum_word_lists_the_vietnamese_labels_then_the_values() -> None:
    assert typed_income(["tăng nhẹ", "giam"]) == ([], [
        (1, "'income' must be one of 'giảm', 'ổn định', 'tăng', 'unknown' "
            "(or lower, stable, higher, unknown), found 'tăng nhẹ'"),
        (2, "'income' must be one of 'giảm', 'ổn định', 'tăng', 'unknown' "
            "(or lower, stable, higher, unknown), found 'giam'")])


def test_braces_in_an_enum_label_do_not_break_the_message() -> None:
    spec = build(make_set(
        {"e": {"type": "enum", "values": [{"value": "a", "label": {"vi": "x{}y", "en": "a"}}]}},
        {"C1": [ind("I1", "e == 'a'")]}))
    frame, _ = records_to_frame([{"id": "R", "e": "b"}, {"id": "S", "e": "X{}Y"}])
    kept, errors = type_frame(frame, spec.inputs)
    assert kept["e"].to_list() == ["a"]
    assert [e.message for e in errors] == ["'e' must be one of 'x{}y' (or a), found 'b'"]
    assert [e.text("vi") for e in errors] == [
        "'e' phải là một trong các giá trị 'x{}y' (hoặc a), nhưng đã ghi 'b'"]


def test_an_enum_column_of_a_million_labels_is_typed() -> None:
    n = 1_000_000
    words = pl.Series("income", ["giảm", "Ổn định", "higher", "tăng"] * (n // 4))
    frame = pl.DataFrame({"id": pl.int_range(n, eager=True).cast(pl.String), "income": words})
    kept, errors = type_frame(frame.with_columns(
        pl.when(pl.int_range(n) == n - 1).then(pl.lit("?")).otherwise("income")
        .alias("income")), LABELLED.inputs)
    assert [(e.row, e.field) for e in errors] == [(n, "income")]
    assert kept["income"].value_counts(sort=True).rows() == [
        ("higher", n // 2 - 1), ("lower", n // 4), ("stable", n // 4)]


def test_strings_are_kept_as_written_without_outer_spaces() -> None:
    assert column(rows("s", [" a b ", 12]), "s") == ["a b", "12"]


def test_a_required_input_must_be_given() -> None:
    records = [{"id": "A", "r": 1}, {"id": "B"}, {"id": "C", "r": ""}, {"id": "D", "r": None}]
    assert errors_of(records) == [
        (2, "r", "invalid-record", "required input 'r' is missing"),
        (3, "r", "invalid-record", "required input 'r' is missing"),
        (4, "r", "invalid-record", "required input 'r' is missing"),
    ]


def test_inputs_absent_from_every_record_are_null_columns_of_their_type() -> None:
    kept, errors = typed([{"id": "A", "r": 2}])
    assert errors == []
    assert kept.schema["n"] == pl.Int64
    assert kept.schema["x"] == pl.Float64
    assert kept.schema["b"] == pl.Boolean
    assert kept.schema["e"] == pl.String
    assert kept.row(0, named=True) == {"id": "A", "n": None, "x": None, "b": None, "e": None,
                                       "s": None, "r": 2}


# --- ids -----------------------------------------------------------------------------------------


def test_duplicate_ids_keep_the_first_record() -> None:
    records = [{"id": "A", "r": 1, "n": 1}, {"id": "B", "r": 1}, {"id": "A", "r": 1, "n": 7},
               {"id": " A ", "r": 1, "n": 8}]
    kept, errors = typed(records)
    assert kept.select("id", "n").rows() == [("A", 1), ("B", None)]
    assert [(e.row, e.record, e.code, e.message) for e in errors] == [
        (3, "A", "duplicate-record", "id 'A' is used by an earlier record"),
        (4, "A", "duplicate-record", "id 'A' is used by an earlier record"),
    ]


@pytest.mark.parametrize("order", ["sorted", "reversed"])
def test_duplicates_are_found_in_sorted_and_unsorted_ids_of_any_length(order: str) -> None:
    ids = [f"H{k:05d}" for k in range(3000)]
    for duplicate in (["H00001"], ["H02999"], []):
        written = sorted(ids + duplicate, reverse=order == "reversed")
        frame = pl.DataFrame({"id": written, "r": ["1"] * len(written)})
        _, errors = type_frame(frame, SPEC.inputs)
        assert [(e.record, e.code) for e in errors] == [(d, "duplicate-record") for d in duplicate]
    frame = pl.DataFrame({"id": ["A", None, "A"], "r": ["1"] * 3})
    assert [e.code for e in type_frame(frame, SPEC.inputs)[1]] == ["missing-id", "duplicate-record"]


def test_a_record_without_an_id_is_rejected() -> None:
    records = [{"r": 1}, {"id": "", "r": 1}, {"id": None, "r": 1}, {"id": "  ", "r": 1}]
    assert errors_of(records) == [(k, "id", "missing-id", "the record has no 'id'")
                                  for k in range(1, 5)]


def test_numeric_ids_become_text() -> None:
    assert column([{"id": 7, "r": 1}], "id") == ["7"]


# --- columns -------------------------------------------------------------------------------------


def test_an_unknown_column_rejects_every_record_with_a_did_you_mean() -> None:
    records = [{"id": "A", "r": 1, "nn": 1}, {"id": "B", "r": 1}]
    assert errors_of(records) == [
        (k, "nn", "unknown-column",
         "unknown column 'nn' (did you mean 'n'?); the set declares no such input")
        for k in (1, 2)]


def test_an_unknown_column_far_from_every_input_has_no_hint() -> None:
    (error,) = typed([{"id": "A", "r": 1, "zzzz": 1}])[1]
    assert error.message == "unknown column 'zzzz'; the set declares no such input"


def test_name_is_a_column_every_record_may_carry() -> None:
    kept, errors = typed([{"id": "A", "r": 1, "name": "Hộ ông A"}])
    assert errors == []
    assert kept["name"].to_list() == ["Hộ ông A"]


def test_a_record_key_named_like_an_internal_column_is_not_dropped_silently() -> None:
    results = lm.evaluate(SPEC, [{"id": "A", "r": 1, "_row": "x"}])
    assert [e.code for e in results.errors] == ["unknown-column"]


@pytest.mark.parametrize("key", ["_row", "_line"])
def test_a_record_with_an_internal_key_is_rejected_and_the_others_kept(key: str) -> None:
    results = lm.evaluate(SPEC, [{"id": "A", "r": 1, key: 3}, {"id": "B", "r": 1}])
    assert [r.subject for r in results] == ["B"]
    assert [(e.row, e.record, e.field, e.code, e.message) for e in results.errors] == [
        (1, "A", key, "unknown-column", f"unknown column {key!r}; the set declares no such input")]


def test_a_column_named_like_a_staged_column_is_only_an_unknown_column() -> None:
    frame = pl.DataFrame({"id": ["A"], "r": ["1"], "n": ["2"], "__lm_0_raw": ["x"],
                          "__lm_0_value": ["y"]})
    kept, errors = type_frame(frame, SPEC.inputs)
    assert sorted((e.field, e.code) for e in errors) == [
        ("__lm_0_raw", "unknown-column"), ("__lm_0_value", "unknown-column")]
    assert kept.height == 0
    kept, errors = type_frame(frame.drop("__lm_0_raw", "__lm_0_value"), SPEC.inputs)
    assert errors == []
    assert kept.select("n", "r").rows() == [(2, 1)]


def test_records_with_different_keys_line_up_by_key() -> None:
    frame, errors = records_to_frame([{"id": "A", "x": 1}, {"id": "B", "y": True}, {"id": "C"},
                                      {"y": None, "x": 2.5, "id": "D"}])
    assert errors == []
    assert frame.select("id", "x", "y").rows() == [
        ("A", "1", None), ("B", None, "true"), ("C", None, None), ("D", "2.5", None)]
    assert frame["_row"].to_list() == [1, 2, 3, 4]


# --- shapes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("record", "message"), [
    (5, "a record must be a mapping of input names to values, found 5"),
    ({"id": "A", "n": [1]}, "'n' must be a single value, found list"),
    ({"id": "A", "n": {"v": 1}}, "'n' must be a single value, found dict"),
    ({"id": "A", 3: 1}, "column names must be text, found 3"),
])
def test_a_record_that_is_not_flat_is_rejected(record: Any, message: str) -> None:
    results = lm.evaluate(SPEC, [{"id": "OK", "r": 1}, record])
    assert [r.subject for r in results] == ["OK"]
    assert [(e.row, e.code, e.message) for e in results.errors] == [
        (2, "invalid-record", message)]


def test_a_record_with_several_problems_is_one_rejected_record() -> None:
    results = lm.evaluate(SPEC, [{"id": "A", "n": "many", "b": "maybe", "x": 9}, {"id": "B",
                                                                                  "r": 1}])
    assert [(e.row, e.field, e.code) for e in results.errors] == [
        (1, "b", "invalid-record"), (1, "n", "invalid-record"), (1, "r", "invalid-record"),
        (1, "x", "out-of-bounds")]
    assert results.counts()["rejected"] == 1
    assert len(results) == 1


def test_every_record_is_evaluated_or_rejected() -> None:
    records: list[Any] = [
        {"id": "A", "r": 1}, {"id": "A", "r": 1}, {"r": 1}, {"id": "C", "r": "x"},
        {"id": "D", "r": 1, "n": 11}, 7, {"id": "E", "r": 1, "b": "không"}, {"id": "F"}]
    results = lm.evaluate(SPEC, records)
    rejected = {e.row for e in results.errors}
    assert len(results) + len(rejected) == len(records)
    assert [r.subject for r in results] == ["A", "E"]
    assert rejected == {2, 3, 4, 5, 6, 8}


# --- a typed table from an integrator ------------------------------------------------------------


def test_a_polars_table_with_typed_columns_is_typed_column_wise() -> None:
    frame = pl.DataFrame({
        "id": [1, 2, 3, 4],
        "n": pl.Series([1, 2, None, 3], dtype=pl.Int32),
        "x": pl.Series([1, 2, 2, None], dtype=pl.UInt8),
        "b": [True, None, False, True],
        "r": [1.0, 2.0, 3.5, 4.0],
        "e": ["low", None, "mid", "top"],
    })
    results = lm.evaluate(SPEC, frame)
    assert [r.subject for r in results] == ["1", "2"]
    assert [(e.record, e.field, e.code) for e in results.errors] == [
        ("3", "r", "invalid-record"), ("4", "e", "invalid-record")]
    kept, _ = type_frame(frame, SPEC.inputs)
    assert kept.schema["n"] == pl.Int64
    assert kept.schema["x"] == pl.Float64


def test_a_boolean_column_is_not_a_number_column() -> None:
    frame = pl.DataFrame({"id": ["A"], "r": [1], "n": [True]})
    results = lm.evaluate(SPEC, frame)
    assert [(e.field, e.code) for e in results.errors] == [("n", "invalid-record")]


@pytest.mark.parametrize("dtype", [pl.Categorical(), pl.Enum(["low", "mid", "high"])])
def test_a_categorical_column_feeds_an_enum_input(dtype: pl.DataType) -> None:
    frame = pl.DataFrame({"id": ["A", "B"], "r": [1, 1],
                          "e": pl.Series(["low", "high"], dtype=dtype)})
    results = lm.evaluate(SPEC, frame)
    assert results.errors == ()
    assert len(results) == 2


def test_a_categorical_column_is_read_as_its_text_for_any_input() -> None:
    frame = pl.DataFrame({"id": ["A", "B"], "r": pl.Series([" 1", "x"], dtype=pl.Categorical()),
                          "b": pl.Series(["có", "KHÔNG"], dtype=pl.Categorical())})
    kept, errors = type_frame(frame, SPEC.inputs)
    assert kept.select("id", "r", "b").rows() == [("A", 1, True)]
    assert [(e.record, e.field, e.message) for e in errors] == [
        ("B", "r", "'r' must be a whole number, found 'x'")]


# --- errors as data ------------------------------------------------------------------------------


def test_record_errors_format_with_the_best_position_known() -> None:
    error = lm.RecordError("A", 3, "invalid-record", "bad", "n", "in.csv", 4)
    assert error.format() == "in.csv:4: A: bad [invalid-record]"
    assert lm.RecordError("A", 3, "invalid-record", "bad", "n", "in.json").format() == \
        "in.json #3: A: bad [invalid-record]"
    assert lm.RecordError(None, 3, "missing-id", "no id").format() == \
        "record #3: no id [missing-id]"
    assert error.to_dict() == {"record": "A", "row": 3, "file": "in.csv", "line": 4,
                               "field": "n", "code": "invalid-record", "message": "bad"}


def test_an_id_with_a_line_break_is_shown_quoted() -> None:
    error = lm.RecordError("A\nB", 2, "invalid-record", "bad", None, "in.json")
    assert error.format() == "in.json #2: 'A\\nB': bad [invalid-record]"


def test_errors_are_sorted_by_row_then_field() -> None:
    records = [{"id": "A", "r": 1}, {"id": "B", "x": 9, "b": "?"}, {"id": "C", "n": -1, "r": 1}]
    assert [(row, field) for row, field, _, _ in errors_of(records)] == [
        (2, "b"), (2, "r"), (2, "x"), (3, "n")]
