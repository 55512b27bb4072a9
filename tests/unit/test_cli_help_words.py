"""``--help`` in Vietnamese by default and in English with ``--lang en``: every command's
summary, description, option help and group title is a text of `_words.CLI_HELP`."""

from __future__ import annotations

import argparse
import re

import pytest

from learning_models._cli import entry, main
from learning_models._cli.commands import COMMANDS
from learning_models._cli.evaluate_text import SHOWN_ERRORS
from learning_models._plugins import DISABLE_ENV
from learning_models._words import CLI_HELP

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")


def _commands(lang: str = "vi") -> dict[str, argparse.ArgumentParser]:
    parser = entry._parser(lang=lang)  # type: ignore[arg-type]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **sub.choices}


def test_every_option_has_help_and_every_text_of_the_help_is_of_the_catalogue() -> None:
    loose = []
    for name, parser in _commands().items():
        texts = [parser.description] + [group.description for group in parser._action_groups]
        texts += [group.title for group in parser._action_groups[2:]]
        texts += [a.help for a in parser._actions if not isinstance(a, argparse._HelpAction)]
        loose += [(name, text) for text in texts if text is not None and text not in CLI_HELP]
        loose += [(name, a.dest) for a in parser._actions
                  if a.help is None and not isinstance(a, argparse._SubParsersAction)]
    assert loose == []


def test_every_help_text_has_both_languages_and_reads_as_vietnamese() -> None:
    uneven = [key for key, texts in CLI_HELP.items()
              if set(texts) != {"vi", "en"} or not all(texts.values())
              or not VIETNAMESE.search(texts["vi"])]
    assert uneven == []


def test_the_help_names_the_numbers_and_names_the_code_uses() -> None:
    for lang in ("vi", "en"):
        assert re.search(rf"\b{SHOWN_ERRORS}\b", CLI_HELP["evaluate-errors"][lang])
        assert f"{DISABLE_ENV}=1" in CLI_HELP["no-plugins"][lang]


@pytest.mark.parametrize("command", ["", *(c.name for c in COMMANDS)])
def test_each_command_help_is_vietnamese_by_default_and_english_on_demand(
        command: str, capsys: pytest.CaptureFixture[str]) -> None:
    words = [command] if command else []
    with pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0
    vi = capsys.readouterr().out
    assert vi.startswith("cách dùng: learning-models")
    assert "\ntùy chọn:\n  -h, --help " in vi
    with pytest.raises(SystemExit) as done:
        main([*words, "--help", "--lang", "en"])
    assert done.value.code == 0
    en = capsys.readouterr().out
    assert en.startswith("usage: learning-models")
    assert "\noptions:\n  -h, --help " in en and "show this help message and exit" in en
    flat = " ".join(en.split())
    assert not [key for key, texts in CLI_HELP.items() if texts["vi"][:30] in flat]


def test_the_letterhead_options_are_grouped_under_a_vietnamese_title(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    assert "\nthể thức văn bản:\n  cơ quan ban hành báo cáo (docx) và nơi nhận" in \
        capsys.readouterr().out
