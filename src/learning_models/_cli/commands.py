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
    """One command: its name, its group (a module of ``learning_models._cli``), its summary."""

    name: str
    group: str
    summary: str


COMMANDS = (
    Command("validate", "core", "check criteria sets, test-case files and targets files"),
    Command("evaluate", "core", "score evidence records"),
    Command("explain", "core", "explain one subject's evaluation"),
    Command("schema", "core", "print a JSON Schema"),
    Command("list", "catalog", "list the criteria sets known: id, model, period, title"),
    Command("show", "catalog", "print a criteria set, as written or resolved (--resolved)"),
    Command("test", "cases", "run the test cases (*.test.yaml) of criteria sets"),
    Command("template", "template",
            "write the empty data-entry workbook (.xlsx) for a year's sets"),
    Command("diff", "authoring", "what changed between two criteria sets"),
    Command("lint", "authoring", "look for likely authoring mistakes in criteria sets"),
    Command("report", "report",
            "roll a year's results up by area against a plan's targets and write the annual "
            "report"),
    Command("review", "review",
            "the period review from a history: series by year against the plan's milestones"),
    Command("impact", "impact",
            "how many subjects of each area a criteria change would move, in which "
            "direction, and why"),
    Command("plugins", "plugins",
            "list the plugins loaded: versions, hooks, overlays, readers, writers"),
    Command("serve", "serve",
            "run the HTTP service (needs: pip install 'learning-models[server]')"),
)

#: The groups, in the order their commands are listed.
GROUPS = tuple(dict.fromkeys(command.group for command in COMMANDS))

_BY_NAME = {command.name: command for command in COMMANDS}


def summary(name: str) -> str:
    """The line ``learning-models --help`` shows for command `name`."""
    return _BY_NAME[name].summary


def groups_named(words: Iterable[str]) -> set[str]:
    """The groups of the commands among `words` (a command line's arguments): the parser
    may dispatch to any of them, so each is registered in full."""
    return {_BY_NAME[word].group for word in words if word in _BY_NAME}
