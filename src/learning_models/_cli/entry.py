"""The ``learning-models`` command line.

Each group of commands lives in its own module with a ``register(subparsers)`` function;
this module only assembles them, importing only the groups of the commands named on the
command line (`commands` lists them all: ``--help`` imports none), and maps errors to exit
statuses. Exit status: 0 when all is well; 1 when a file has problems or any record was
rejected (the output is complete: every record is in it or in its errors); 2 for a wrong
command line; 3 when nothing could be produced (a file, folder or set missing, unreadable or
refused).
Problems go to standard error as FILE:LINE:COLUMN lines (or one line saying what is wrong,
where, and what was expected); results go to standard output. A wrong command line is one
that is wrong in itself (an unknown option or choice, options that do not go together, an
output file of the wrong kind); a problem with the files or folders it names that stops
the command (missing, unreadable, not writable, already there) is status 3.

Ctrl-C (SIGINT) and SIGTERM stop a command cleanly: every ``finally`` runs (a file being
written is removed, never left half-written or as a hidden ``.part``), one line says it
stopped, and the exit status is 128 + the signal's number (130, 143), as a shell reports it.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from .._version import __version__
from .._words import Lang
from ..errors import LearningModelsError
from .argparsing import Parser, lang_of
from .commands import COMMANDS, GROUPS, groups_named

__all__ = ["Terminated", "main"]


#: The line printed when a command is stopped, in its --lang.
STOPPED: dict[Lang, str] = {"vi": "đã dừng", "en": "interrupted"}


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when the process is asked to stop (SIGTERM): it unwinds
    like Ctrl-C's `KeyboardInterrupt`, running every ``finally`` and ``except BaseException``
    (the atomic writers remove their temporary files)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    words = sys.argv[1:] if argv is None else argv
    lang = lang_of(words)
    args: argparse.Namespace | None = None
    try:
        with _stop_on_sigterm():
            parser = _parser(groups_named(words), lang)
            args = parser.parse_args(words)
            if not hasattr(args, "run"):
                parser.print_help(sys.stderr)
                return 2
            return _run(args, lang)
    except KeyboardInterrupt as exc:
        print(STOPPED[getattr(args, "lang", lang)], file=sys.stderr)
        return 128 + (exc.signum if isinstance(exc, Terminated) else signal.SIGINT)


def _run(args: argparse.Namespace, lang: Lang) -> int:
    # the command's group has imported its options already: this costs nothing more
    from .options import UsageError, check_inputs, error_text

    lang = getattr(args, "lang", lang)
    try:
        check_inputs(args)
        status: int = args.run(args)
    except UsageError as exc:
        print(error_text(exc, lang), file=sys.stderr)
        return 2
    except LearningModelsError as exc:  # nothing could be produced
        print(error_text(exc, lang), file=sys.stderr)
        return 3
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    return status


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """While the command runs, SIGTERM raises `Terminated` (by default it ends the process
    at once, leaving temporary files behind); the previous handler is put back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (an application embedding main())
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


def _parser(groups: Collection[str] = GROUPS, lang: Lang = "vi") -> Parser:
    """The command line's parser, speaking `lang`. The commands of `groups` (default: all)
    are registered in full by their modules, imported here; every other command only by its
    name and summary, its module left unimported (it is never parsed: `main` passes the
    groups of every command its arguments name)."""
    parser = Parser(prog="learning-models", description="program", lang=lang)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="version")
    sub = parser.add_subparsers(metavar="COMMAND")
    for group in GROUPS:
        if group in groups:
            importlib.import_module(f"{__package__}.{group}").register(sub)
            continue
        for command in COMMANDS:
            if command.group == group:
                sub.add_parser(command.name, help=command.summary)
    return parser
