"""The message catalogue: every problem code and every message in Vietnamese and English,
with the same named parameters, and every output rendering it in the language asked for."""

from __future__ import annotations

import re
import string
import typing
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._documents import format_problem, say
from learning_models._evidence import RecordError
from learning_models._words import MESSAGES, PROBLEM_CODES
from learning_models.errors import Problem, ProblemCode, Span

SOURCE = Path(__file__).parents[2] / "src" / "learning_models"
EXAMPLES = Path(__file__).parents[2] / "examples" / "family"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_problem_code_has_a_vietnamese_and_an_english_description() -> None:
    codes = typing.get_args(ProblemCode)
    missing = [code for code in codes
               if set(PROBLEM_CODES.get(code, {})) != {"vi", "en"}
               or not all(PROBLEM_CODES[code].values())]
    assert missing == [], ("add these codes to _words.PROBLEM_CODES, in Vietnamese and "
                           f"English: {missing}")
    assert sorted(set(PROBLEM_CODES) - set(codes)) == []   # no description of a lost code


def test_every_message_has_both_languages_with_the_same_named_parameters() -> None:
    uneven = {key: (sorted(_fields(texts["vi"])), sorted(_fields(texts["en"])))
              for key, texts in MESSAGES.items()
              if set(texts) != {"vi", "en"} or _fields(texts["vi"]) != _fields(texts["en"])}
    assert uneven == {}


def test_every_message_the_code_says_is_in_the_catalogue() -> None:
    used = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        used |= set(re.findall(r"\b(?:say|column_text)\(\s*\"([a-z0-9-]+)\"", text))
        used |= set(re.findall(r"MESSAGES\[\"([a-z0-9-]+)\"\]", text))
    assert len(used) > 50
    assert sorted(used - set(MESSAGES)) == []


class _Any:
    """A parameter value that takes any format specification."""

    def __format__(self, spec: str) -> str:
        return "7"

    def __repr__(self) -> str:
        return "'x'"


def test_every_message_renders_in_both_languages() -> None:
    for key, texts in MESSAGES.items():
        params = dict.fromkeys(_fields(texts["en"]), _Any())
        message = say(key, **params)
        assert message.render("vi") and message.render("en"), key


@given(st.text(max_size=30))
def test_a_value_with_braces_or_any_text_is_shown_as_it_is(value: str) -> None:
    message = say("id-used-before", id=value)
    assert message.render("en") == f"id '{value}' is used by an earlier record"
    assert message.render("vi") == f"mã hồ sơ '{value}' đã dùng ở dòng trước"


def test_a_problem_keeps_english_as_its_message_and_says_it_in_either_language() -> None:
    problem = Problem.of("unknown-column", say("unknown-column", column="incom",
                                               suggestion=say("did-you-mean", name="income")),
                         Span("a.csv", 1, 3), hint=say("label-record"))
    assert problem.message == "unknown column 'incom' (did you mean 'income'?); the set " \
        "declares no such input"
    assert problem.text("vi") == "không có cột 'incom' trong bộ tiêu chí (có phải là " \
        "'income'?)"
    assert problem.format() == f"a.csv:1:3: {problem.message} [unknown-column]\n  hint: record"
    assert format_problem(problem, "vi") == \
        f"a.csv:1:3: {problem.text('vi')} [unknown-column]\n  gợi ý: hồ sơ"
    # the text is not part of what makes two problems the same
    assert problem == Problem("unknown-column", problem.message, problem.span, "record")
    plain = Problem("unknown-name", "unknown name 'x'")
    assert plain.text("vi") == plain.text("en") == "unknown name 'x'"


def test_a_rejected_record_is_said_in_vietnamese_by_default_and_english_on_demand() -> None:
    results = lm.evaluate(lm.load_criteria(EXAMPLES / "family-set.yaml"),
                          [{"id": "H1", "school_age_children": "hai"}], year=2024)
    error = results.errors[0]
    assert error.message == "'school_age_children' must be a whole number, found 'hai'"
    assert error.text() == "'school_age_children' phải là số nguyên, nhưng đã ghi 'hai'"
    assert error.to_dict()["message"] == error.message
    assert error.to_dict("vi")["message"] == error.text("vi")
    assert error.format("vi") == f"record #1: H1: {error.text('vi')} [invalid-record]".replace(
        "record", "hồ sơ", 1)
    assert results.to_dict("vi")["errors"][0]["message"] == error.text("vi")


def test_a_number_written_two_ways_is_explained_in_the_language_asked() -> None:
    cs = lm.load_criteria(EXAMPLES.parents[1] / "criteria" / "vn" / "2021-2030" / "citizen.yaml")
    frame = pl.DataFrame({"id": ["C1"], "plan_points": ["7.500"]})
    error = lm.evaluate(cs, frame, year=2024).errors[0]
    assert error.text("en").endswith("write it without the dot (7500) or with a decimal comma")
    assert "đọc theo cách viết Việt Nam là 7500, theo cách viết tiếng Anh là 7.500" in \
        error.text("vi")


def test_an_error_built_from_plain_text_still_works() -> None:
    error = RecordError("H1", 1, "invalid-record", "as a plugin wrote it")
    assert error.text("vi") == error.text("en") == "as a plugin wrote it"
    assert error.followed_by(say("in-place", place="cột 3")).text("vi") == \
        "as a plugin wrote it (cột 3)"


#: Files that still build a `Problem` from a bare English string, with how many such places
#: each has; a problem built there is shown wholly in English. The list only shrinks: a file
#: converted to `Problem.of(code, say(...))` leaves it, and a new bare `Problem(` fails.
STILL_ENGLISH: dict[str, int] = {}


def test_no_new_problem_is_built_from_a_bare_english_string() -> None:
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        text = path.read_text("utf-8")
        count = len(re.findall(r"(?<![\w.])Problem\(", text)) - text.count("class Problem(")
        if count:
            found[path.relative_to(SOURCE).as_posix()] = count
    grown = {name: n for name, n in found.items() if n > STILL_ENGLISH.get(name, 0)}
    assert grown == {}, "say it with Problem.of(code, say(...)): add the message to " \
        "_words.MESSAGES in Vietnamese and English"
    shrunk = {name: found.get(name, 0) for name, n in STILL_ENGLISH.items()
              if found.get(name, 0) < n}
    assert shrunk == {}, "fewer bare Problem( places: lower STILL_ENGLISH to these counts"


def test_a_broken_set_is_refused_in_vietnamese_with_every_line_of_the_catalogue(
        tmp_path: Path) -> None:
    text = (EXAMPLES / "family-set.yaml").read_text("utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("model: family", "modle: family", 1), encoding="utf-8")
    with pytest.raises(lm.errors.CriteriaError) as caught:
        lm.load_criteria(broken)
    problems = caught.value.problems
    assert problems and all(p.said is not None for p in problems)
    assert [format_problem(p, "en") for p in problems] == [p.format() for p in problems]
    assert any("khóa 'modle' không có trong định dạng của bộ tiêu chí" in p.text("vi")
               for p in problems)
