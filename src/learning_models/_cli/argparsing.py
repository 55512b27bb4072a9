"""The command line's parser, speaking the catalogue: argparse's own texts (its errors, the
"usage:" line, the titles of the help) in Vietnamese by default, English when ``--lang en``
is anywhere on the command line (`lang_of`).

argparse builds its texts in English through ``gettext`` and hands a wrong command line's
text, already written, to `ArgumentParser.error`. Rather than installing a translation for
the whole process (argparse's gettext domain: global state, chosen by the environment, not
by ``--lang``), `Parser.error` reads the text back against argparse's templates (`_TEXTS`)
and says the same thing from the catalogue (`_words.MESSAGES`, ids ``argparse-…``); a text
it does not know is shown as argparse wrote it. The titles of the help and the "usage:"
prefix are set where argparse lets a parser choose them; the help of the commands (their
summaries, descriptions, options and groups) is given as keys of `_words.CLI_HELP`, which
the help formatter shows in the parser's language.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .._words import CLI_HELP, MESSAGES, Lang

__all__ = ["Parser", "argparse_text", "help_words", "lang_of"]

#: argparse's texts of a wrong command line (CPython's templates, each a pattern naming its
#: values) and the catalogue's message saying each. A value named ``message`` is itself one
#: of these texts; ``type`` is the name of the type a value was read as.
_TEXTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key) for pattern, key in (
        (r"argument (?P<argument>\S+): (?P<message>.+)", "argparse-argument"),
        (r"invalid (?P<type>\S+) value: (?P<value>.+)", "argparse-invalid-value"),
        (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.*)\)",
         "argparse-invalid-choice"),
        (r"the following arguments are required: (?P<names>.+)", "argparse-required"),
        (r"one of the arguments (?P<names>.+) is required", "argparse-one-required"),
        (r"unrecognized arguments: (?P<names>.*)", "argparse-unrecognized"),
        (r"not allowed with argument (?P<other>.+)", "argparse-not-allowed"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
         "argparse-ambiguous"),
        (r"expected one argument", "argparse-expected-one"),
        (r"expected at most one argument", "argparse-expected-at-most-one"),
        (r"expected at least one argument", "argparse-expected-at-least-one"),
        (r"expected 1 argument", "argparse-expected-1"),
        (r"expected (?P<n>\d+) arguments", "argparse-expected-n"),
        (r"ignored explicit argument (?P<value>.+)", "argparse-ignored-value"),
        (r"can't open '(?P<file>.+)': (?P<reason>.+)", "argparse-cannot-open"),
    ))

#: The names of the types the command line reads values as, said in Vietnamese.
_TYPES = {"int": "argparse-type-int", "float": "argparse-type-float",
          "Path": "argparse-type-path"}


def lang_of(words: Sequence[str]) -> Lang:
    """The language a command line asks for: English when ``--lang en`` (or ``--lang=en``)
    is among its options, else Vietnamese."""
    for at, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang=en" or (word == "--lang" and words[at + 1:at + 2] == ["en"]):
            return "en"
    return "vi"


def argparse_text(text: str, lang: Lang) -> str:
    """argparse's English `text` of a wrong command line said in `lang` (as it is when it
    is none of argparse's known texts)."""
    for pattern, key in _TEXTS:
        found = pattern.fullmatch(text)
        if found is not None:
            values = {name: _value(name, value, lang)
                      for name, value in found.groupdict().items()}
            return MESSAGES[key][lang].format(**values)
    return text


def _value(name: str, value: str, lang: Lang) -> str:
    if name == "message":
        return argparse_text(value, lang)
    if name == "type" and value in _TYPES:
        return MESSAGES[_TYPES[value]][lang]
    return value


class Parser(argparse.ArgumentParser):
    """An `argparse.ArgumentParser` that speaks `lang`: its errors, the "usage:" line, the
    help's titles; a help text, description or group title that is a key of
    `_words.CLI_HELP` is shown from there (`help_words`). The parsers of its commands speak
    the same language."""

    def __init__(self, *args: Any, lang: Lang = "vi", **kwargs: Any) -> None:
        self.lang: Lang = lang
        kwargs.setdefault("formatter_class", _formatter(lang))
        super().__init__(*args, **kwargs)
        self._positionals.title = MESSAGES["argparse-positionals"][lang]
        self._optionals.title = MESSAGES["argparse-options"][lang]
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = MESSAGES["argparse-help"][lang]

    def add_subparsers(self, **kwargs: Any) -> Any:
        lang, mine = self.lang, type(self)

        def parser_class(**options: Any) -> Parser:
            return mine(lang=lang, **options)

        kwargs.setdefault("parser_class", parser_class)
        return super().add_subparsers(**kwargs)

    def error(self, message: str | Any) -> NoReturn:
        """Print the usage and `message` (argparse's English text, or a `Message` of the
        catalogue) in this parser's language to standard error; exit with status 2."""
        render = getattr(message, "render", None)
        text = render(self.lang) if callable(render) else argparse_text(str(message), self.lang)
        self.print_usage(sys.stderr)
        self.exit(2, MESSAGES["argparse-error"][self.lang].format(prog=self.prog, message=text))


def help_words(text: str | None, lang: Lang) -> str | None:
    """`text` in `lang` when it is a key of `CLI_HELP` (a help text), else as it is."""
    if text is not None and text in CLI_HELP:
        return CLI_HELP[text][lang]
    return text


def _formatter(lang: Lang) -> type[argparse.HelpFormatter]:
    """argparse's help formatter speaking `lang`: the "usage:" prefix, and every help text,
    description and section title that is a key of `CLI_HELP`."""

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: str | None, actions: Any, groups: Any,
                      prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups,
                              MESSAGES["argparse-usage"][lang] if prefix is None else prefix)

        def start_section(self, heading: str | None) -> None:
            super().start_section(help_words(heading, lang))

        def add_text(self, text: str | None) -> None:
            super().add_text(help_words(text, lang))

        def _get_help_string(self, action: argparse.Action) -> str | None:
            return help_words(action.help, lang)

    return Formatter
