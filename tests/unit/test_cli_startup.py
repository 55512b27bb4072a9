"""The command line imports only the groups of the commands it is asked to run.

``learning-models --help`` lists every command from the table of `_cli.commands` without
importing any group (so no stage); a command imports its own group. What a fresh process has
loaded is read in that process (`subprocess`): no timing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from learning_models._cli import entry, main
from learning_models._cli.commands import COMMANDS, GROUPS, groups_named
from learning_models._words import CLI_HELP

STAGES = ("_documents", "_expressions", "_criteria", "_catalog", "_evidence", "_scoring",
          "_rollup", "_report", "_history", "_runs", "_plugins", "_authoring", "_serve")


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def loaded_after(argv: list[str]) -> list[str]:
    """The modules of this package (and Polars) a fresh process has loaded after running
    the command line with `argv`."""
    code = ("import json, sys\nfrom learning_models._cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('learning_models', 'polars'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_the_table_lists_every_command_in_order_with_the_summary_its_group_registers() -> None:
    listed = [(a.dest, a.help) for a in _subcommands(entry._parser())._choices_actions]
    assert listed == [(c.name, c.summary) for c in COMMANDS]
    for lang in ("vi", "en"):
        shown = entry._parser(lang=lang).format_help()
        assert all(CLI_HELP[c.summary][lang].split()[0] in shown for c in COMMANDS)


def test_the_help_is_the_same_whether_or_not_the_groups_are_imported() -> None:
    assert entry._parser(set()).format_help() == entry._parser().format_help()


@pytest.mark.parametrize("group", GROUPS)
def test_a_group_registered_alone_gives_its_commands_in_full(group: str) -> None:
    alone = _subcommands(entry._parser({group})).choices
    full = _subcommands(entry._parser()).choices
    for command in (c.name for c in COMMANDS if c.group == group):
        assert alone[command].format_help() == full[command].format_help()


def test_every_command_named_on_the_line_is_registered_in_full() -> None:
    assert groups_named(["--no-plugins", "report", "data", "list"]) == {"report", "catalog"}
    assert groups_named(["--help"]) == set()


def test_the_help_imports_no_stage_and_not_polars() -> None:
    loaded = loaded_after(["--help"])
    assert "polars" not in loaded
    assert [m for m in loaded if m.split(".")[1:2] and m.split(".")[1] in STAGES] == []


def test_a_command_imports_its_group_not_the_others() -> None:
    loaded = loaded_after(["plugins", "--no-plugins"])
    assert "learning_models._cli.plugins" in loaded
    # (the hook specifications name the annual and the period report, so their stages load)
    assert {"learning_models._cli.report", "learning_models._cli.review",
            "learning_models._cli.authoring", "learning_models._authoring"}.isdisjoint(loaded)


def test_a_wrong_command_is_refused_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["nosuch"])
    assert stopped.value.code == 2
    refused = capsys.readouterr().err
    with pytest.raises(SystemExit):
        entry._parser().parse_args(["nosuch"])
    assert capsys.readouterr().err == refused
