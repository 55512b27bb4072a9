"""Messages of the catalogue (`_words.MESSAGES`) as data: an id and its named parameters,
rendered in Vietnamese (the default) or English only when they are shown.

A `Problem` or a `RecordError` keeps its `Message`, so every output (standard error, the
errors file, JSON, the report) renders it in the language it is asked for; its English
rendering is the `message` the Python API has always carried. A parameter may itself be a
`Message` (the kind of value expected, how a number was read), rendered in the same language;
`then` holds texts that follow it (where the first record of a duplicate id is, the column's
place in the file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._words import MESSAGES, Lang

if TYPE_CHECKING:
    from ..errors import Problem, Said

__all__ = ["Message", "Number", "format_problem", "say", "verbatim"]


@dataclass(frozen=True, slots=True)
class Message:
    """One message of the catalogue with its parameters (`say` builds it)."""

    id: str
    params: tuple[tuple[str, object], ...] = ()
    then: tuple[Said, ...] = ()

    def render(self, lang: Lang = "vi") -> str:
        """The message in `lang`; a parameter that is a `Message` in the same language, None
        as nothing."""
        values = {name: _value(value, lang) for name, value in self.params}
        text = MESSAGES[self.id][lang].format(**values)
        return text + "".join(more.render(lang) for more in self.then)

    def plus(self, *more: Said) -> Message:
        """This text followed by `more`."""
        return Message(self.id, self.params, self.then + more)

    def __str__(self) -> str:
        return self.render("en")


def _value(value: object, lang: Lang) -> object:
    render = getattr(value, "render", None)
    if callable(render):  # a `Message`, or another text that can be said in either language
        return render(lang)
    if value is None:
        return ""
    return value


def say(message: str, /, **params: object) -> Message:
    """The catalogue's message `message` with `params` (a KeyError for an unknown id: a
    message is added to `_words.MESSAGES` in both languages before it is used)."""
    if message not in MESSAGES:
        raise KeyError(f"no message {message!r} in the catalogue")
    return Message(message, tuple(params.items()))


@dataclass(frozen=True, slots=True)
class Number:
    """A whole number in a message, its thousands grouped as the language groups them
    (``131.072`` in Vietnamese, ``131,072`` in English)."""

    value: int

    def render(self, lang: Lang = "vi") -> str:
        shown = f"{self.value:,}"
        return shown.translate(_VI_GROUPS) if lang == "vi" else shown


_VI_GROUPS = str.maketrans({",": ".", ".": ","})


def verbatim(text: str) -> Message:
    """Message that comes as it is from elsewhere (a plugin, a dependency's message), shown
    the same in both languages."""
    return Message("verbatim", (("text", text),))


def format_problem(problem: Problem, lang: Lang = "vi", default_file: str | None = None) -> str:
    """``FILE:LINE:COL: message [code]`` in `lang` and, on the next line, ``  hint: ...``
    (`Problem.format` in English). A problem whose message is not a text of the catalogue
    is shown in English, labels too, rather than in two languages at once."""
    if problem.said is None:
        lang = "en"
    where = problem.place(default_file)
    kind = "" if problem.severity == "error" else f"{MESSAGES['label-' + problem.severity][lang]}: "
    text = f"{where}{kind}{problem.text(lang)} [{problem.code}]"
    hint = problem.hint_text(lang)
    if hint:
        text += f"\n  {MESSAGES['label-hint'][lang]}: {hint}"
    return text
