"""Why Python's parser refused an expression, as a message of the catalogue.

An expression is parsed with the standard library's `ast`, whose `SyntaxError` says what is
wrong in a known set of English phrases ("invalid syntax", "'(' was never closed"). Each
phrase met in a criteria set is a message whose English is the phrase itself, so the English
reads as before and Vietnamese is the default; a phrase this table does not know (another
Python version) is kept as it is (`verbatim`).
"""

from __future__ import annotations

import re

from .._documents import Message, say, verbatim

__all__ = ["syntax_reason"]

_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message) for pattern, message in (
        (r"invalid syntax", "py-invalid-syntax"),
        (r"invalid syntax\. Perhaps you forgot a comma\?", "py-forgot-comma"),
        (r"invalid syntax\. Maybe you meant '==' or ':=' instead of '='\?", "py-equals"),
        (r"'(?P<bracket>[(\[{])' was never closed", "py-never-closed"),
        (r"unmatched '(?P<bracket>[)\]}])'", "py-unmatched"),
        (r"closing parenthesis '(?P<closing>[)\]}])' does not match opening parenthesis "
         r"'(?P<opening>[(\[{])'", "py-mismatched"),
        (r"unterminated string literal \(detected at line (?P<line>\d+)\)", "py-unterminated"),
        (r"unterminated triple-quoted string literal \(detected at line (?P<line>\d+)\)",
         "py-unterminated-triple"),
        (r"invalid decimal literal", "py-invalid-decimal"),
        (r"invalid hexadecimal literal", "py-invalid-hexadecimal"),
        (r"invalid octal literal", "py-invalid-octal"),
        (r"invalid binary literal", "py-invalid-binary"),
        (r"invalid character '(?P<char>.)' \((?P<code>U\+[0-9A-F]{4,6})\)", "py-invalid-character"),
        (r"invalid non-printable character (?P<code>U\+[0-9A-F]{4,6})", "py-non-printable"),
        (r"leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
         r"octal integers", "py-leading-zeros"),
        (r"unexpected character after line continuation character", "py-after-backslash"),
        (r"expected 'else' after 'if' expression", "py-if-without-else"),
        (r"unexpected EOF while parsing", "py-unexpected-end"),
    )
)


def syntax_reason(english: str) -> Message:
    """Python's reason `english` for refusing an expression, said from the catalogue."""
    for pattern, message in _REASONS:
        if (match := pattern.fullmatch(english)) is not None:
            return say(message, **match.groupdict())
    return verbatim(english)
