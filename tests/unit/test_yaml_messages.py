"""YAML problems said from the catalogue: Vietnamese by default, and in English exactly the
words PyYAML (and the reader) always gave."""

from __future__ import annotations

from pathlib import Path

import pytest
from yaml.error import Mark, MarkedYAMLError

import learning_models as lm
from learning_models._cli import main
from learning_models._documents import format_problem, load_yaml, parse_yaml, say
from learning_models._documents.yaml_syntax import (
    EXPECTED_WORDS,
    THING_WORDS,
    TOKEN_WORDS,
    syntax_problem,
)
from learning_models.errors import CriteriaError, EvidenceError, Problem

#: Real syntax errors an author makes, with where they are found and what is said, in
#: English as before and in Vietnamese.
SYNTAX = [
    ("a:\n\tb: 1\n", "f.yaml:2:1",
     "found character '\\t' that cannot start any token",
     "có ký tự tab ('\\t'): YAML không cho dùng tab để thụt lề; hãy thụt lề bằng dấu cách"),
    ('a: "abc\nb: 2\n', "f.yaml:3:1", "found unexpected end of stream",
     "tệp kết thúc khi dấu ngoặc của một chuỗi chưa được đóng"),
    ("a: 'abc\n", "f.yaml:2:1", "found unexpected end of stream",
     "tệp kết thúc khi dấu ngoặc của một chuỗi chưa được đóng"),
    ("a: [1, 2\nb: 3\n", "f.yaml:2:2", "expected ',' or ']', but got ':'",
     "danh sách '[...]' thiếu ',' hoặc ']': gặp ':'; có dấu ngoặc nào chưa đóng?"),
    ("a: {x: 1\n", "f.yaml:2:1", "expected ',' or '}', but got '<stream end>'",
     "bảng '{...}' thiếu ',' hoặc '}': gặp cuối tệp; có dấu ngoặc nào chưa đóng?"),
    ("a: b: c\n", "f.yaml:1:5", "mapping values are not allowed here",
     "không được đặt một giá trị (sau dấu ':') ở đây: thụt lề sai, hoặc một giá trị có ': ' "
     "mà không đặt trong dấu ngoặc kép"),
    ("a:\n  b: 1\n c: 2\n", "f.yaml:3:2",
     "expected <block end>, but found '<block mapping start>'",
     "thụt lề không đúng: gặp một bảng khóa–giá trị mới ở chỗ khối phía trên phải kết thúc; "
     "các mục cùng cấp phải thẳng cột với nhau"),
    ("a: &x 1\nb: &x 2\n", "f.yaml:2:4", "found duplicate anchor 'x'",
     "neo 'x' được khai báo hai lần"),
    ("a: *y\n", "f.yaml:1:4", "found undefined alias 'y'",
     "bí danh 'y' chưa được khai báo: không có neo (&) nào mang tên này ở phía trên"),
    ("a: 1\nb\nc: 2\n", "f.yaml:3:1", "could not find expected ':'",
     "không tìm thấy dấu ':' sau khóa"),
    ("a: 1\n---\nb: 2\n", "f.yaml:2:1",
     "expected a single document in the stream, but found another document",
     "tệp chỉ được chứa một tài liệu YAML, nhưng có thêm một tài liệu nữa (sau '---')"),
    ('a: "\\q"\n', "f.yaml:1:6", "found unknown escape character 'q'",
     "mã thoát không hợp lệ: 'q' sau dấu '\\'"),
]


def _problem(text: str, error: type[CriteriaError] | type[EvidenceError] = CriteriaError,
             ) -> Problem:
    with pytest.raises(error) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize(("text", "where", "english", "vietnamese"), SYNTAX,
                         ids=[case[2][:40] for case in SYNTAX])
def test_a_common_syntax_error_is_said_in_vietnamese_and_in_the_same_english(
        text: str, where: str, english: str, vietnamese: str) -> None:
    problem = _problem(text)
    assert problem.code == "yaml-syntax"
    assert str(problem.span) == where
    assert problem.message == english
    assert problem.text("vi") == vietnamese
    assert problem.text("en") == english


def test_where_the_quoted_text_began_is_said_in_either_language() -> None:
    problem = _problem('a: "abc\nb: 2\n')
    assert problem.hint == "while scanning a quoted scalar at line 1, column 4"
    assert problem.hint_text("vi") == "chuỗi trong dấu ngoặc bắt đầu từ dòng 1, cột 4"
    assert format_problem(problem, "vi").endswith(
        "\n  gợi ý: chuỗi trong dấu ngoặc bắt đầu từ dòng 1, cột 4")
    anchor = _problem("a: &x 1\nb: &x 2\n")
    assert anchor.hint == "first defined at line 1, column 4"
    assert anchor.hint_text("vi") == "khai báo lần đầu ở dòng 1, cột 4"


def test_every_phrase_of_pyyaml_the_tables_know_says_that_phrase_in_english() -> None:
    for table in (THING_WORDS, EXPECTED_WORDS, TOKEN_WORDS):
        for english, message in table.items():
            assert say(message).render("en") == english
            assert say(message).render("vi") not in ("", english.strip("'<>")), message


def test_a_phrase_pyyaml_may_say_one_day_is_kept_in_its_english() -> None:
    mark = Mark("f", 0, 2, 4, None, None)
    exc = MarkedYAMLError("while weaving a carpet", Mark("f", 0, 0, 0, None, None),
                          "Found a knot", mark)
    problem = syntax_problem(exc, "", "f.yaml", lambda text, index: (1, 1))
    assert problem.text("vi") == problem.message == "found a knot"
    assert problem.hint_text("vi") == problem.hint == \
        "while weaving a carpet at line 1, column 1"
    assert str(problem.span) == "f.yaml:3:5"


def test_a_duplicate_key_a_tag_and_a_bad_value_are_said_in_vietnamese() -> None:
    twice = _problem("a: 1\na: 2\n")
    assert (twice.message, twice.hint) == ("duplicate key 'a'", "first defined at line 1")
    assert (twice.text("vi"), twice.hint_text("vi")) == \
        ("khóa 'a' được ghi hai lần", "đã ghi lần đầu ở dòng 1")
    tag = _problem("a: !!python/object x\n")
    assert tag.message == "tag '!!python/object' is not allowed"
    assert tag.text("vi") == "không được dùng thẻ '!!python/object'"
    nan = _problem("a: .nan\n")
    assert nan.message == "'.nan' is not a finite number"
    assert nan.text("vi") == "'.nan' không phải là một số hữu hạn"
    assert nan.hint_text("vi") == \
        "hãy viết một số hữu hạn, hoặc đặt trong dấu ngoặc kép để thành văn bản"
    key = _problem("[1]: x\n")
    assert key.text("vi") == "khóa phải là văn bản, không phải danh sách hay bảng khóa–giá trị"


def test_too_many_aliases_is_said_in_vietnamese() -> None:
    text = "a: &a [1]\nb: [" + ", ".join(["*a"] * 101) + "]\n"
    problem = _problem(text)
    assert problem.message == "more than 100 aliases"
    assert problem.text("vi") == "có hơn 100 bí danh (*)"
    assert problem.hint_text("vi") == \
        "bí danh của bí danh làm số giá trị nhân lên; hãy viết các giá trị ra đầy đủ"


def test_validate_and_lint_say_a_syntax_error_in_vietnamese_and_in_english_on_demand(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: learning-models/criteria-set/1\nid: x\ntitle: a: b\n",
                    encoding="utf-8")
    for command in ("validate", "lint"):
        assert main([command, str(path)]) != 0
        err = capsys.readouterr().err
        assert f"{path}:3:9: không được đặt một giá trị (sau dấu ':') ở đây" in err
        assert main([command, "--lang", "en", str(path)]) != 0
        err = capsys.readouterr().err
        assert f"{path}:3:9: mapping values are not allowed here [yaml-syntax]" in err


def test_loading_a_set_with_a_tab_says_it_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text("format: learning-models/criteria-set/1\nid: x\n\tmodel: family\n",
                    encoding="utf-8")
    with pytest.raises(lm.errors.CriteriaError) as caught:
        lm.load_criteria(path)
    assert "thụt lề bằng dấu cách" in caught.value.problems[0].text("vi")


def test_a_file_the_system_will_not_let_us_read_is_said_in_vietnamese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(CriteriaError) as caught:
        load_yaml(path)
    (problem,) = caught.value.problems
    assert problem.message == f"cannot read {str(path)!r}: permission denied"
    assert problem.text("vi") == f"không đọc được {str(path)!r}: không có quyền đọc"
