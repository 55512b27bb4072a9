"""The commands of the command line: each one's name, the module of its group and the line
``learning-models --help`` shows for it, in the order it shows them.

`entry` builds the parser from this table: the groups of the commands named on the command
line are imported and register their commands in full; every other command is named with
its summary only, so that ``learning-models --help`` imports no stage and a command imports
only what its own group needs. Each group's ``register`` takes its commands' summaries from
here (`summary`), so the two cannot differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["COMMANDS", "GROUPS", "Command", "groups_named", "summary"]


@dataclass(frozen=True)
class Command:
    """One command: its name, its group (a module of ``learning_models._cli``), its summary
    (a key of `_words.CLI_HELP`: the parser says it in the command line's language)."""

    name: str
    group: str
    summary: str


COMMANDS = (
    Command("validate", "core", "summary-validate"),
    Command("evaluate", "core", "summary-evaluate"),
    Command("explain", "core", "summary-explain"),
    Command("schema", "core", "summary-schema"),
    Command("list", "catalog", "summary-list"),
    Command("show", "catalog", "summary-show"),
    Command("test", "cases", "summary-test"),
    Command("template", "template", "summary-template"),
    Command("diff", "authoring", "summary-diff"),
    Command("lint", "authoring", "summary-lint"),
    Command("report", "report", "summary-report"),
    Command("review", "review", "summary-review"),
    Command("impact", "impact", "summary-impact"),
    Command("plugins", "plugins", "summary-plugins"),
    Command("serve", "serve", "summary-serve"),
)

#: The groups, in the order their commands are listed.
GROUPS = tuple(dict.fromkeys(command.group for command in COMMANDS))

_BY_NAME = {command.name: command for command in COMMANDS}


def summary(name: str) -> str:
    """The key (in `_words.CLI_HELP`) of the line ``learning-models --help`` shows for
    command `name`."""
    return _BY_NAME[name].summary


def groups_named(words: Iterable[str]) -> set[str]:
    """The groups of the commands among `words` (a command line's arguments): the parser
    may dispatch to any of them, so each is registered in full."""
    return {_BY_NAME[word].group for word in words if word in _BY_NAME}
