"""The safe YAML reader: data, source positions, and every way a file can be refused."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from learning_models._documents.yaml import RawDocument, TextSpan, YamlLimits, load_yaml, parse_yaml
from learning_models.errors import CriteriaError, EvidenceError, Problem, Span

FILE = "criteria/x.yaml"
BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def problems_of(text: str | bytes, **kwargs: Any) -> tuple[Problem, ...]:
    with pytest.raises(CriteriaError) as caught:
        parse_yaml(text, FILE, **kwargs)
    return caught.value.problems


def only_problem(text: str | bytes, **kwargs: Any) -> Problem:
    problems = problems_of(text, **kwargs)
    assert len(problems) == 1, problems
    return problems[0]


def at(line: int, column: int) -> Span:
    return Span(FILE, line, column)


NESTED = """\
name: family
levels:
  - id: basic
    points: 10
  - id: good
    rules:
      min: 3
"""


# --- positions ---------------------------------------------------------------------------


def test_values_in_nested_maps_and_lists_are_located_exactly() -> None:
    source = parse_yaml(NESTED, FILE).source
    assert source.locate(["name"]) == at(1, 7)
    assert source.locate(["levels"]) == at(3, 3)
    assert source.locate(["levels", 0]) == at(3, 5)
    assert source.locate(["levels", 0, "id"]) == at(3, 9)
    assert source.locate(["levels", 0, "points"]) == at(4, 13)
    assert source.locate(["levels", 1, "rules"]) == at(7, 7)
    assert source.locate(["levels", 1, "rules", "min"]) == at(7, 12)


def test_keys_are_located_at_the_key_itself() -> None:
    source = parse_yaml(NESTED, FILE).source
    assert source.locate(["name"], key=True) == at(1, 1)
    assert source.locate(["levels", 0, "points"], key=True) == at(4, 5)
    assert source.locate(["levels", 1, "rules", "min"], key=True) == at(7, 7)


def test_key_flag_on_a_list_index_gives_the_value() -> None:
    source = parse_yaml(NESTED, FILE).source
    assert source.locate(["levels", 1], key=True) == at(5, 5)


def test_missing_path_falls_back_to_the_nearest_existing_ancestor() -> None:
    source = parse_yaml(NESTED, FILE).source
    assert source.locate(["levels", 0, "missing"]) == at(3, 5)
    assert source.locate(["levels", 0, "missing"], key=True) == at(3, 5)
    assert source.locate(["levels", 7, "id"]) == at(3, 3)
    assert not source.has(["levels", 0, "missing"])
    assert source.has(["levels", 1, "rules", "min"])


def test_root_is_the_start_of_the_file() -> None:
    source = parse_yaml("# comment\n\nname: x\n", FILE).source
    assert source.locate([]) == at(1, 1)
    assert source.locate(["unknown"]) == at(1, 1)
    assert source.has([])
    assert source.file == FILE


def test_flow_collections_are_located() -> None:
    source = parse_yaml("a: {b: [1, 22, 333]}\n", FILE).source
    assert source.locate(["a"]) == at(1, 4)
    assert source.locate(["a", "b"], key=True) == at(1, 5)
    assert source.locate(["a", "b", 2]) == at(1, 16)


def test_columns_count_characters_not_bytes() -> None:
    source = parse_yaml("tên: 'gia đình'\nđiểm: 5\n".encode(), FILE).source
    assert source.locate(["điểm"]) == at(2, 7)


# --- expression_span ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        pytest.param("when: score >= 3\n", ["when"], at(1, 7), id="plain"),
        pytest.param("when: 'a + b'\n", ["when"], at(1, 8), id="single-quoted"),
        pytest.param('r:\n  when: "a"\n', ["r", "when"], at(2, 10), id="double-quoted"),
        pytest.param("when: &e 'a'\n", ["when"], at(1, 11), id="quoted-with-anchor"),
        pytest.param("when: !!str a\n", ["when"], at(1, 13), id="plain-with-tag"),
        pytest.param(
            "r:\n  when: |\n    a >= 1\n    and b\n", ["r", "when"], at(3, 5), id="literal"
        ),
        pytest.param("when: >-\n\n   a >= 1\n", ["when"], at(3, 4), id="folded-after-blank"),
        pytest.param("- |  # note\n  x\n", [0], at(2, 3), id="block-with-comment"),
        pytest.param("'abc'\n", [], at(1, 2), id="quoted-root"),
    ],
)
def test_expression_span_points_at_the_first_character_of_the_text(
    text: str, path: list[str | int], expected: Span
) -> None:
    assert parse_yaml(text, FILE).source.expression_span(path) == expected


def test_expression_span_plus_offset_lands_inside_the_expression() -> None:
    text = "when: 'score >= 3'\n"
    span = parse_yaml(text, FILE).source.expression_span(["when"]).shifted(6)
    assert text[span.column - 1 :].startswith(">=")


def test_expression_span_of_a_collection_or_missing_path_is_its_location() -> None:
    source = parse_yaml("a:\n  b: 1\n", FILE).source
    assert source.expression_span(["a"]) == at(2, 3)
    assert source.expression_span(["a", "zzz"]) == at(2, 3)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("when: |\n  a >= 1 and\n    b\n", [(0, 0, 2, 3), (1, 2, 3, 5)], id="literal"),
        pytest.param("when: >-\n  a >= 1 and\n  b\n", [(0, 0, 2, 3), (0, 11, 3, 3)],
                     id="folded"),
        pytest.param("when: a >= 1 and\n   b\n", [(0, 0, 1, 7), (0, 11, 2, 4)], id="plain"),
        pytest.param("when: 'it''s\n  b'\n", [(0, 0, 1, 8), (0, 5, 2, 3)], id="single-quoted"),
        pytest.param('when: "a\n\n  b"\n', [(0, 0, 1, 8), (1, 0, 3, 3)], id="double-quoted"),
        pytest.param("when: |\r\n  a\r\n  b\r\n", [(0, 0, 2, 3), (1, 0, 3, 3)], id="crlf"),
    ],
)
def test_a_text_over_several_lines_knows_where_each_line_is(
    text: str, found: list[tuple[int, int, int, int]]
) -> None:
    span = parse_yaml(text, FILE).source.expression_span(["when"])
    assert isinstance(span, TextSpan)
    assert list(span.pieces) == found
    for text_line, text_col, line, column in found:
        assert span.at(text_line, text_col + 1) == at(line, column + 1)


def test_a_text_span_stands_for_its_plain_span() -> None:
    span = parse_yaml("x: 1\nwhen: a and\n  b\n", FILE).source.expression_span(["when"])
    assert isinstance(span, TextSpan)
    plain = at(2, 7)
    assert span == plain and plain == span and hash(span) == hash(plain)
    assert not span != plain
    assert sorted([at(3, 1), span, at(1, 1)]) == [at(1, 1), plain, at(3, 1)]
    assert at(1, 1) < span <= plain < at(2, 8) and at(2, 8) > span >= plain
    assert str(span) == "criteria/x.yaml:2:7"
    assert {span: 1}[plain] == 1


def test_an_escape_stops_the_alignment_without_going_wrong() -> None:
    text = 'when: "a \\t b\n  c"\n'
    span = parse_yaml(text, FILE).source.expression_span(["when"])
    # the escape is met before the second line: no piece for it, the first line stays right
    assert span == at(1, 8)
    assert span.shifted(0) == at(1, 8)


# --- data ----------------------------------------------------------------------------------


def test_plain_values_become_python_values() -> None:
    text = "s: text\ni: 42\nh: 0x1f\nf: 1.5\nt: true\nn: null\ne:\nl: [1, two]\n"
    data = parse_yaml(text, FILE).data
    assert data == {
        "s": "text",
        "i": 42,
        "h": 31,
        "f": 1.5,
        "t": True,
        "n": None,
        "e": None,
        "l": [1, "two"],
    }


@pytest.mark.parametrize(
    "key", ["yes", "no", "on", "off", "true", "1", "1.5", "null", "~", "2022-03-25"]
)
def test_mapping_keys_stay_the_text_as_written(key: str) -> None:
    assert parse_yaml(f"{key}: value\n", FILE).data == {key: "value"}


def test_quoted_keys_are_their_content() -> None:
    assert parse_yaml("'a b': 1\n\"c\\td\": 2\n", FILE).data == {"a b": 1, "c\td": 2}


def test_timestamps_stay_their_original_text() -> None:
    data = parse_yaml("date: 2022-03-25\nwhen: 2001-12-14t21:59:43.10-05:00\n", FILE).data
    assert data == {"date": "2022-03-25", "when": "2001-12-14t21:59:43.10-05:00"}


def test_sexagesimal_numbers_stay_text() -> None:
    assert parse_yaml("opens: 10:30\nratio: 1:20.5\n", FILE).data == {
        "opens": "10:30",
        "ratio": "1:20.5",
    }


def test_merge_keys_are_expanded_and_explicit_keys_win() -> None:
    text = "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n"
    document = parse_yaml(text, FILE)
    assert document.data["d"] == {"x": 1, "y": 3}
    assert document.source.locate(["d", "x"]) == at(1, 14)
    assert document.source.locate(["d", "x"], key=True) == at(1, 11)
    assert document.source.locate(["d", "y"]) == at(4, 6)


def test_merge_of_a_list_lets_earlier_mappings_win() -> None:
    text = "a: &a {k: 1}\nb: &b {k: 2, m: 3}\nc:\n  <<: [*a, *b]\n"
    assert parse_yaml(text, FILE).data["c"] == {"k": 1, "m": 3}


def test_merge_of_a_scalar_is_refused() -> None:
    problem = only_problem("a:\n  <<: 1\n")
    assert (problem.code, problem.span) == ("invalid-value", at(2, 7))


def test_an_alias_shares_the_anchored_value_and_points_at_the_anchor() -> None:
    document = parse_yaml("a: &x [1, 2]\nb: *x\n", FILE)
    assert document.data == {"a": [1, 2], "b": [1, 2]}
    assert document.source.locate(["b"]) == at(1, 4)
    assert document.source.locate(["b"], key=True) == at(2, 1)


# --- refused content -----------------------------------------------------------------------


def test_every_duplicate_key_is_reported_at_the_second_key() -> None:
    problems = problems_of("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert [(p.code, p.span, p.hint) for p in problems] == [
        ("duplicate-key", at(4, 3), "first defined at line 3"),
        ("duplicate-key", at(5, 1), "first defined at line 1"),
    ]
    assert problems[0].message == "duplicate key 'c'"


def test_duplicate_keys_may_be_returned_with_their_mapping_instead() -> None:
    document = parse_yaml("- a: 1\n  a: 2\n- {b: 1, c: 2, c: 3, c: 4}\n", FILE,
                          duplicates=True)
    assert document.data == [{"a": 1}, {"b": 1, "c": 2}]  # the first value kept
    assert [(d.path, d.key, d.problem.span, d.problem.hint) for d in document.duplicates] == [
        ((0,), "a", at(2, 3), "first defined at line 1"),
        ((1,), "c", at(3, 16), "first defined at line 3"),
        ((1,), "c", at(3, 22), "first defined at line 3")]


def test_other_problems_are_still_raised_when_duplicates_are_returned() -> None:
    with pytest.raises(CriteriaError) as caught:
        parse_yaml("a: 1\na: 2\nb: !x 1\n", FILE, duplicates=True)
    assert [p.code for p in caught.value.problems] == ["yaml-tag"]


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['echo hi']",
        "!!python/name:os.system ''",
        "!foo 1",
        "!!binary aGk=",
        "!!set {a: null}",
        "!!omap [a: 1]",
        "!!pairs [a: 1]",
        "!!str {a: 1}",
    ],
)
def test_non_standard_tags_are_refused_at_the_node(value: str) -> None:
    problem = only_problem(f"ok: 1\nbad: {value}\n")
    assert (problem.code, problem.span) == ("yaml-tag", at(2, 6))
    assert problem.message.startswith("tag ")


def test_a_tagged_key_is_refused() -> None:
    assert only_problem("!!python/str k: 1\n").code == "yaml-tag"


def test_several_problems_are_reported_together() -> None:
    problems = problems_of("a: !x 1\nb: .nan\nb: 2\n? [k]\n: 3\n")
    assert [p.code for p in problems] == [
        "yaml-tag",
        "invalid-value",
        "duplicate-key",
        "non-string-key",
    ]


@pytest.mark.parametrize(
    "value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1.0e+400", "!!float nan"]
)
def test_non_finite_floats_are_refused(value: str) -> None:
    problem = only_problem(f"x: {value}\n")
    assert (problem.code, problem.span) == ("invalid-value", at(1, 4))


@pytest.mark.parametrize("value", ["!!int x", "!!bool maybe", "!!float abc", "!!int ''"])
def test_explicit_standard_tags_with_wrong_text_are_refused(value: str) -> None:
    assert only_problem(f"x: {value}\n").code == "invalid-value"


def test_a_collection_as_key_is_refused_at_the_key() -> None:
    problem = only_problem("a: 1\n? [x, y]\n: 2\n")
    assert (problem.code, problem.span) == ("non-string-key", at(2, 3))


# --- aliases and depth ---------------------------------------------------------------------


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


class _Runaway(BaseException):
    pass


@pytest.fixture
def call_budget() -> Iterator[None]:
    """Abort (instead of hang) if the code under test makes too many Python calls."""
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        calls += 1
        if calls > 200_000:
            raise _Runaway

    previous = sys.gettrace()
    sys.settrace(count)
    try:
        yield
    finally:
        sys.settrace(previous)


def test_billion_laughs_fails_fast_with_too_many_aliases(call_budget: None) -> None:
    with pytest.raises(CriteriaError) as caught:
        parse_yaml(billion_laughs(), FILE)
    (problem,) = caught.value.problems
    assert problem.code == "too-many-aliases"
    assert problem.span is not None and problem.span.line <= 9


def test_too_many_aliases_are_refused_even_when_small() -> None:
    text = "a: &a 1\nb: [" + ", ".join(["*a"] * 5) + "]\n"
    problem = only_problem(text, limits=YamlLimits(max_aliases=4))
    assert (problem.code, problem.span) == ("too-many-aliases", at(2, 21))
    assert parse_yaml(text, FILE, limits=YamlLimits(max_aliases=5)).data["b"] == [1] * 5


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert only_problem("a: &a [1, *a]\n").code == "too-many-aliases"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 1000 + "]" * 1000, id="flow-lists"),
        pytest.param("{a: " * 1000 + "1" + "}" * 1000, id="flow-maps"),
        pytest.param("- " * 1000 + "x\n", id="block-lists"),
        pytest.param("".join(f"{' ' * i}k:\n" for i in range(1000)), id="block-maps"),
    ],
)
def test_deep_nesting_fails_with_too_deep(text: str) -> None:
    problem = only_problem(text)
    assert problem.code == "too-deep"
    assert problem.span is not None and problem.span.line in (1, 65)


def test_nesting_at_the_limit_is_accepted() -> None:
    assert parse_yaml("[" * 64 + "]" * 64, FILE).data is not None
    assert only_problem("[" * 65 + "]" * 65).span == at(1, 65)


# --- bytes, size, emptiness ----------------------------------------------------------------


def test_non_utf8_byte_is_located_and_named() -> None:
    problem = only_problem("a: 1\nb: đ".encode() + b"\xff\n")
    assert (problem.code, problem.span) == ("not-utf8", at(2, 5))
    assert "0xff" in problem.message


def test_utf8_bom_is_accepted_and_stripped() -> None:
    document = parse_yaml(b"\xef\xbb\xbfname: x\n", FILE)
    assert document.data == {"name": "x"}
    assert document.source.locate(["name"], key=True) == at(1, 1)
    assert parse_yaml("\ufeffname: x\n", FILE).data == {"name": "x"}


def test_too_large_is_refused_before_parsing() -> None:
    problem = only_problem("a: [unclosed\n" * 10, limits=YamlLimits(max_bytes=100))
    assert problem.code == "too-large"
    assert "100" in problem.message


def test_size_limit_counts_utf8_bytes_of_text() -> None:
    assert only_problem("đ" * 60, limits=YamlLimits(max_bytes=100)).code == "too-large"
    assert parse_yaml("đ" * 50, FILE, limits=YamlLimits(max_bytes=100)).data == "đ" * 50


@pytest.mark.parametrize("text", ["", b"", "\n\n", "# only a comment\n", "---\n", "\ufeff"])
def test_empty_document_gives_none(text: str | bytes) -> None:
    assert parse_yaml(text, FILE).data is None


# --- syntax errors -------------------------------------------------------------------------


def test_syntax_error_is_located_and_formatted() -> None:
    problem = only_problem("a: 1\nb: 2\nkey: v: x\n")
    assert problem.format() == f"{FILE}:3:7: mapping values are not allowed here [yaml-syntax]"


def test_syntax_error_gives_its_context_as_hint() -> None:
    problem = only_problem("a: 'open\n")
    assert problem.span == at(2, 1)
    assert problem.hint == "while scanning a quoted scalar at line 1, column 4"


def test_a_second_document_is_refused() -> None:
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert (problem.code, problem.span) == ("yaml-syntax", at(2, 1))
    assert "single document" in problem.message


def test_undefined_alias_and_duplicate_anchor_are_syntax_errors() -> None:
    assert only_problem("a: *nope\n").span == at(1, 4)
    problem = only_problem("a: &x 1\nb: &x 2\n")
    assert (problem.span, problem.hint) == (at(2, 4), "first defined at line 1, column 4")


def test_control_character_is_located() -> None:
    problem = only_problem("a: 1\nb: x\x07y\n")
    assert (problem.code, problem.span) == ("yaml-syntax", at(2, 5))
    assert "'\\x07'" in problem.message


def test_tab_indentation_is_a_syntax_error() -> None:
    assert only_problem("a:\n\tb: 1\n").code == "yaml-syntax"


def test_evidence_callers_get_evidence_error() -> None:
    with pytest.raises(EvidenceError):
        parse_yaml("a: [", "evidence.yaml", error=EvidenceError)


# --- load_yaml -----------------------------------------------------------------------------


def test_load_yaml_reads_a_file_and_uses_the_display_name(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    document = load_yaml(path, display_name="criteria/set.yaml")
    assert isinstance(document, RawDocument)
    assert document.data == {"id": "x"}
    assert document.source.locate(["id"]) == Span("criteria/set.yaml", 1, 5)
    assert load_yaml(str(path)).source.file == str(path)


def test_load_yaml_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CriteriaError) as caught:
        load_yaml(tmp_path / "nope.yaml", display_name="criteria/nope.yaml")
    (problem,) = caught.value.problems
    assert (problem.code, problem.span) == ("file-not-found", None)
    assert "'criteria/nope.yaml'" in problem.message


def test_load_yaml_reports_a_directory(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError) as caught:
        load_yaml(tmp_path, display_name="evidence", error=EvidenceError)
    assert "'evidence' is a directory" in caught.value.problems[0].message


def test_load_yaml_refuses_a_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 100)
    with pytest.raises(CriteriaError) as caught:
        load_yaml(path, limits=YamlLimits(max_bytes=50))
    assert caught.value.problems[0].code == "too-large"


# --- properties ----------------------------------------------------------------------------


def assert_problems_inside(problems: tuple[Problem, ...], raw: str | bytes) -> None:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    lines = BREAK.split(text.removeprefix("\ufeff"))
    for problem in problems:
        if problem.span is None:
            continue
        assert problem.span.file == FILE
        assert 1 <= problem.span.line <= len(lines), problem
        assert 1 <= problem.span.column <= len(lines[problem.span.line - 1]) + 1, problem


def parse_or_problems(raw: str | bytes) -> None:
    try:
        parse_yaml(raw, FILE)
    except CriteriaError as error:
        assert error.problems
        assert_problems_inside(error.problems, raw)


VALID = """\
id: family-2024
title: "Gia đình học tập"
levels: &levels
  - {id: basic, points: 10}
  - id: good
    when: |
      score >= 3
tags: [a, 'b', 1.5, yes, ~]
copy: *levels
"""

EDIT = st.tuples(
    st.integers(0, len(VALID)),
    st.integers(0, 3),
    st.sampled_from([*":-[]{}&*!|>'\"#\n\r ?,%@`\t\x00\x85é\ufeff\ud800", "\\x", "<<"]),
)


@given(st.binary(max_size=200))
def test_random_bytes_never_escape_as_other_exceptions(raw: bytes) -> None:
    parse_or_problems(raw)


@given(st.lists(EDIT, max_size=6), st.booleans())
def test_mutated_documents_never_escape_as_other_exceptions(
    edits: list[tuple[int, int, str]], as_bytes: bool
) -> None:
    text = VALID
    for position, removed, inserted in edits:
        text = text[:position] + inserted + text[position + removed :]
    raw = text.encode("utf-8", "surrogatepass") if as_bytes else text
    parse_or_problems(raw)


# PyYAML's own dumper does not round-trip NEL (U+0085) inside quoted text
TEXT = st.text(st.characters(exclude_characters="\x85", exclude_categories=["Cs"]), max_size=12)
PLAIN = st.recursive(
    TEXT | st.integers() | st.booleans(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


def paths(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield prefix
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for step, child in items:
        yield from paths(child, (*prefix, step))


@given(PLAIN, st.sampled_from([None, False, True]))
def test_dumped_data_round_trips_and_every_path_is_located(data: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    document = parse_yaml(text, FILE)
    assert document.data == data
    lines = BREAK.split(text)
    for path in paths(data):
        assert document.source.has(path), path
        for span in (document.source.locate(path, key=True), document.source.expression_span(path)):
            assert 1 <= span.line <= len(lines)
            assert 1 <= span.column <= len(lines[span.line - 1]) + 1
