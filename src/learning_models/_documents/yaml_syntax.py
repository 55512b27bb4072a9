"""A YAML syntax error as a problem of the catalogue.

PyYAML's scanner, parser and composer say what went wrong in a finite set of English
phrases: a *problem* ("mapping values are not allowed here", "expected ',' or ']', but got
':'") and, where it helps, the *context* it was reading ("while scanning a quoted scalar")
with where that started. Each known phrase is a message of the catalogue whose English is
the phrase itself, so ``--lang en`` reads exactly as PyYAML wrote it and Vietnamese is the
default; a phrase this table does not know (a later PyYAML) is kept as it is (`verbatim`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml
from yaml.error import Mark, MarkedYAMLError
from yaml.reader import ReaderError

from ..errors import Problem, Span
from .texts import Message, say, verbatim

__all__ = ["EXPECTED_WORDS", "THING_WORDS", "TOKEN_WORDS", "syntax_problem"]

#: What the parser was reading ("while scanning a simple key"): the thing, by its English.
THING_WORDS: dict[str, str] = {
    "a simple key": "yaml-thing-simple-key",
    "a directive": "yaml-thing-directive",
    "an anchor": "yaml-thing-anchor",
    "an alias": "yaml-thing-alias",
    "a tag": "yaml-thing-tag",
    "a block scalar": "yaml-thing-block-scalar",
    "a double-quoted scalar": "yaml-thing-double-quoted",
    "a quoted scalar": "yaml-thing-quoted",
    "a node": "yaml-thing-node",
    "a block node": "yaml-thing-block-node",
    "a flow node": "yaml-thing-flow-node",
    "a block collection": "yaml-thing-block-collection",
    "a block mapping": "yaml-thing-block-mapping",
    "a flow sequence": "yaml-thing-flow-sequence",
    "a flow mapping": "yaml-thing-flow-mapping",
}

#: What the scanner or parser expected ("expected ' ', but found 'x'"), by its English.
EXPECTED_WORDS: dict[str, str] = {
    "alphabetic or numeric character": "yaml-expected-alphanumeric",
    "a digit or '.'": "yaml-expected-digit-dot",
    "a digit or ' '": "yaml-expected-digit-space",
    "a digit": "yaml-expected-digit",
    "' '": "yaml-expected-space",
    "a comment or a line break": "yaml-expected-line-end",
    "'>'": "yaml-expected-angle",
    "'!'": "yaml-expected-bang",
    "URI": "yaml-expected-uri",
    "URI escape sequence of 2 hexadecimal numbers": "yaml-expected-uri-escape",
    "chomping or indentation indicators": "yaml-expected-block-indicators",
    "indentation indicator in the range 1-9": "yaml-expected-indentation",
    "'<document start>'": "yaml-expected-document-start",
    "the node content": "yaml-expected-node",
}

#: The parser's tokens, as PyYAML names them (``%r`` of a token id).
TOKEN_WORDS: dict[str, str] = {
    "'<stream start>'": "yaml-token-stream-start",
    "'<stream end>'": "yaml-token-stream-end",
    "'<directive>'": "yaml-token-directive",
    "'<document start>'": "yaml-token-document-start",
    "'<document end>'": "yaml-token-document-end",
    "'<block sequence start>'": "yaml-token-block-sequence",
    "'<block mapping start>'": "yaml-token-block-mapping",
    "'<block end>'": "yaml-token-block-end",
    "'<alias>'": "yaml-token-alias",
    "'<anchor>'": "yaml-token-anchor",
    "'<tag>'": "yaml-token-tag",
    "'<scalar>'": "yaml-token-scalar",
}

#: Problems with a fixed shape: a pattern over PyYAML's English and the message it is.
_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message) for pattern, message in (
        (r"found character '\\t' that cannot start any token", "yaml-tab"),
        (r"found character (?P<char>.+) that cannot start any token", "yaml-cannot-start"),
        (r"could not find expected ':'", "yaml-no-colon"),
        (r"sequence entries are not allowed here", "yaml-entry-here"),
        (r"mapping keys are not allowed here", "yaml-key-here"),
        (r"mapping values are not allowed here", "yaml-value-here"),
        (r"expected <block end>, but found (?P<found>.+)", "yaml-block-end"),
        (r"expected ',' or '\]', but got (?P<found>.+)", "yaml-flow-sequence-end"),
        (r"expected ',' or '\}', but got (?P<found>.+)", "yaml-flow-mapping-end"),
        (r"expected escape sequence of (?P<digits>\d+) hexadecimal numbers, but found "
         r"(?P<found>.+)", "yaml-escape-digits"),
        (r"expected indentation indicator in the range 1-9, but found 0",
         "yaml-indentation-zero"),
        (r"found unknown escape character (?P<char>.+)", "yaml-unknown-escape"),
        (r"found unexpected end of stream", "yaml-end-in-quotes"),
        (r"found unexpected document separator", "yaml-separator-in-quotes"),
        (r"found duplicate YAML directive", "yaml-directive-twice"),
        (r"found incompatible YAML document \(version 1\.\* is required\)", "yaml-version"),
        (r"duplicate tag handle (?P<handle>.+)", "yaml-handle-twice"),
        (r"found undefined tag handle (?P<handle>.+)", "yaml-handle-unknown"),
        (r"found undefined alias (?P<anchor>.+)", "yaml-alias-unknown"),
        (r"found duplicate anchor (?P<anchor>.+)", "yaml-anchor-twice"),
        (r"expected a single document in the stream, but found another document",
         "yaml-two-documents"),
    )
)
_EXPECTED = re.compile(r"expected (?P<what>.+?), but (?P<verb>found|got) (?P<found>.+)")
_WHILE = re.compile(r"while (?P<verb>scanning|parsing) (?P<thing>.+)")


def syntax_problem(exc: yaml.YAMLError, text: str, file: str,
                   position: Callable[[str, int], tuple[int, int]]) -> Problem:
    """The ``yaml-syntax`` problem `exc` is, located in `file` (`position` turns an index of
    `text` into its line and column)."""
    if isinstance(exc, ReaderError) and isinstance(exc.character, int):
        line, column = position(text, exc.position)
        return Problem.of("yaml-syntax", say("yaml-special-character", char=chr(exc.character)),
                          Span(file, line, column), hint=say("yaml-special-character-hint"))
    if not isinstance(exc, MarkedYAMLError):
        return Problem.of("yaml-syntax", verbatim(_lower(str(exc))), Span(file, 1, 1))
    mark = exc.problem_mark or exc.context_mark
    span = Span(file, 1, 1) if mark is None else _span(file, mark)
    message: Message = _phrase(exc.problem or exc.context or "invalid YAML")
    hint: Message | None = None
    context, where = exc.context, exc.context_mark
    if context and exc.problem and where is not None:
        at = {"line": where.line + 1, "column": where.column + 1}
        if exc.problem == "second occurrence":  # duplicate anchor
            message = _phrase(context.replace("; first occurrence", ""))
            hint = say("yaml-first-defined-at", **at)
        elif exc.problem.startswith("but "):
            message = _phrase(f"{context}, {exc.problem}")
        elif _span(file, where) != span:
            hint = _context(context, at)
    return Problem.of("yaml-syntax", message, span, hint=hint)


def _phrase(english: str) -> Message:
    """PyYAML's problem `english` (lower-cased) as a message of the catalogue."""
    english = _lower(english)
    for pattern, message in _PROBLEMS:
        if (match := pattern.fullmatch(english)) is not None:
            return say(message, **_words(match.groupdict()))
    match = _EXPECTED.fullmatch(english)
    if match is not None and match["what"] in EXPECTED_WORDS:
        found = _token(match["found"])
        message = "yaml-expected-found" if match["verb"] == "found" else "yaml-expected-got"
        return say(message, what=say(EXPECTED_WORDS[match["what"]]), found=found)
    return verbatim(english)


def _words(groups: dict[str, str]) -> dict[str, object]:
    """A pattern's groups as parameters; a token found (``'<stream end>'``) said in words."""
    return {name: _token(value) if name == "found" else value for name, value in groups.items()}


def _token(shown: str) -> Message:
    return say(TOKEN_WORDS[shown]) if shown in TOKEN_WORDS else verbatim(shown)


def _context(english: str, at: dict[str, int]) -> Message:
    """Where the thing PyYAML was reading when it failed starts (`english`: "while ...")."""
    match = _WHILE.fullmatch(english)
    if match is None or match["thing"] not in THING_WORDS:
        return verbatim(f"{english} at line {at['line']}, column {at['column']}")
    thing = say(THING_WORDS[match["thing"]])
    reading = say("yaml-while-scanning", thing=thing) if match["verb"] == "scanning" \
        else say("yaml-while-parsing", thing=thing)
    return say("yaml-while-at", context=reading, **at)


def _span(file: str, mark: Mark) -> Span:
    return Span(file, mark.line + 1, mark.column + 1)


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]
