"""argparse's own texts (a wrong command line, the help's titles, the "usage:" line) said from
the catalogue: Vietnamese by default, English, exactly as argparse writes it, with ``--lang
en`` anywhere on the command line."""

from __future__ import annotations

import argparse
import re

import pytest

from learning_models._cli import main
from learning_models._cli.argparsing import Parser, argparse_text, lang_of

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")


class _Caught(Exception):
    pass


class _Stock(argparse.ArgumentParser):
    """argparse as it comes: what it hands to `error` is kept."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _Caught(message)


def _stock() -> _Stock:
    parser = _Stock(prog="p")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--share", type=float)
    parser.add_argument("--format", choices=("text", "json"))
    parser.add_argument("--input-one")
    parser.add_argument("--input-two")
    parser.add_argument("--flag", action="store_true")
    parser.add_argument("--pair", nargs=2)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quiet", action="store_true")
    group.add_argument("--loud", action="store_true")
    return parser


BROKEN = [
    ["--year", "abc"], ["--year", "1", "--share", "x"], ["--year", "1", "--format", "xml"],
    [], ["--year", "1", "extra"], ["--year"], ["--year", "1", "--input", "a"],
    ["--year", "1", "--quiet", "--loud"], ["--year", "1", "--flag=yes"],
    ["--year", "1", "--pair", "a"],
]


def _texts() -> list[str]:
    texts = []
    for argv in BROKEN:
        with pytest.raises(_Caught) as caught:
            _stock().parse_args(argv)
        texts.append(str(caught.value))
    required = _Stock(prog="p")
    group = required.add_mutually_exclusive_group(required=True)
    group.add_argument("--a")
    group.add_argument("--b")
    with pytest.raises(_Caught) as caught:
        required.parse_args([])
    return [*texts, str(caught.value)]


def test_every_text_argparse_writes_is_known_and_said_in_vietnamese() -> None:
    for text in _texts():
        said = argparse_text(text, "vi")
        assert said != text and VIETNAMESE.search(said), text


def test_in_english_argparse_text_is_unchanged() -> None:
    texts = _texts()
    assert len(texts) == len(BROKEN) + 1
    assert [argparse_text(text, "en") for text in texts] == texts


def test_a_wrong_value_is_said_with_its_option_and_the_kind_expected() -> None:
    assert argparse_text("argument --year: invalid int value: 'abc'", "vi") == \
        "tham số --year: 'abc' không phải số nguyên hợp lệ"
    assert argparse_text("argument --format: invalid choice: 'xml' (choose from 'text', "
                         "'json')", "vi") == \
        "tham số --format: không có lựa chọn 'xml'; hãy chọn một trong: 'text', 'json'"


def test_a_text_argparse_does_not_write_is_shown_as_it_is() -> None:
    assert argparse_text("something new", "vi") == "something new"


@pytest.mark.parametrize(("words", "lang"), [
    (["evaluate", "--year", "x"], "vi"), (["evaluate", "--lang", "en"], "en"),
    (["--lang=en", "list"], "en"), (["list", "--lang", "vi"], "vi"),
    (["list", "--", "--lang", "en"], "vi"), (["list", "--lang"], "vi"),
])
def test_the_language_is_read_from_anywhere_on_the_command_line(words: list[str],
                                                                lang: str) -> None:
    assert lang_of(words) == lang


def test_a_wrong_value_stops_with_status_2_in_either_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["evaluate", "--input", "x.csv", "--year", "abc"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: learning-models evaluate")
    assert err.endswith("learning-models evaluate: lỗi: tham số --year: 'abc' không phải số "
                        "nguyên hợp lệ\n")
    with pytest.raises(SystemExit) as stopped:
        main(["evaluate", "--lang", "en", "--input", "x.csv", "--year", "abc"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: learning-models evaluate")
    assert err.endswith("learning-models evaluate: error: argument --year: invalid int value: "
                        "'abc'\n")


def test_the_help_titles_and_usage_speak_the_parser_language() -> None:
    vi = Parser(prog="p", lang="vi").format_help()
    en = Parser(prog="p", lang="en").format_help()
    assert vi.startswith("cách dùng: p [-h]")
    assert "tùy chọn:\n  -h, --help  in hướng dẫn này rồi thoát" in vi
    assert en == argparse.ArgumentParser(prog="p").format_help()
