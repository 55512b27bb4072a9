"""The ``learning-models`` command line.

Each group of commands lives in its own module with a ``register(subparsers)`` function;
this module only assembles them and maps errors to exit statuses. Exit status: 0 when all
is well, 1 when a file has problems or any record was rejected, 2 for a wrong command line.
Problems go to standard error as FILE:LINE:COLUMN lines (or one line saying what is wrong,
where, and what was expected); results go to standard output. A wrong command line is one
that is wrong in itself (an unknown option or choice, options that do not go together, an
output file of the wrong kind); a problem with the files or folders it names (missing,
broken, not writable, already there) is status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import (
    _cli_authoring,
    _cli_cases,
    _cli_catalog,
    _cli_core,
    _cli_plugins,
    _cli_report,
    _cli_template,
)
from ._cli_options import UsageError, check_inputs
from ._version import __version__
from .errors import LearningModelsError

__all__ = ["main"]

COMMAND_MODULES = (_cli_core, _cli_catalog, _cli_cases, _cli_template, _cli_authoring,
                   _cli_report, _cli_plugins)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        check_inputs(args)
        status: int = args.run(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except LearningModelsError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="learning-models",
        description="Score evidence against Vietnam's lifelong-learning criteria sets.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser
