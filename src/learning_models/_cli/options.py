"""What the commands share: the catalogue options, wrong command lines, and the checks of
the paths a command reads from or writes to.

    --criteria-dir DIR      more criteria sets after the shipped ones (repeatable)
    --overlay NAME|FILE     apply an overlay offered by a plugin, or an overlay file
                            (repeatable; applied in the order their ``after`` lists require)
    --no-plugins            load no installed plugin (as LEARNING_MODELS_DISABLE_PLUGINS=1)

`add_catalog_options` adds them to every command that reads criteria sets;
`catalog_from_args` builds the catalogue they describe, `catalog_maker` a function building
such catalogues over more folders, and `plugin_manager_from_args` the plugin manager (one
per run: a command that needs both asks for the manager first and passes it on).
`check_inputs` checks the folders and overlay files named before a command runs;
`resolve_criteria` finds the set a command names (a file, an id, or a model in a year).

A `UsageError` is a wrong command line (exit status 2); a `LearningModelsError` is a problem
with the files named that stops the command (exit status 3: nothing could be produced).
`check_output_folder` and `check_output_file` look at where a command will write before it
does any work (`make_folder_of` makes a file's folder when the work is done);
`cannot_write` turns an `OSError` met while writing into a one-line error naming the path
and the reason.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pluggy

from .._catalog import Catalog, load_criteria
from .._criteria import CriteriaSet
from .._documents import Message, format_problem, say, suggestion
from .._plugins import get_plugin_manager
from .._words import Lang
from ..errors import CriteriaError, EvidenceError, LearningModelsError, Problem

__all__ = [
    "CatalogMaker",
    "UsageError",
    "add_catalog_options",
    "add_lang_option",
    "add_plugin_options",
    "cannot_write",
    "catalog_from_args",
    "catalog_maker",
    "check_inputs",
    "check_output_file",
    "check_output_folder",
    "error_text",
    "make_folder_of",
    "plugin_manager_from_args",
    "resolve_criteria",
]

#: Builds a catalogue of the shipped sets, the plugins' sets and the directories given.
CatalogMaker = Callable[[Sequence[Path]], Catalog]


class UsageError(LearningModelsError):
    """A wrong command line: its message goes to standard error, the exit status is 2."""


def error_text(exc: LearningModelsError, lang: Lang) -> str:
    """What standard error says of an error that stopped a command, in `lang`: each located
    problem of a criteria set or of evidence on its line, else the error's message."""
    if isinstance(exc, CriteriaError | EvidenceError) and exc.problems:
        return "\n".join(format_problem(p, lang) for p in exc.problems)
    return exc.text(lang)


def add_catalog_options(parser: argparse.ArgumentParser) -> None:
    """``--criteria-dir DIR``, ``--overlay NAME|FILE`` (both repeatable), ``--no-plugins``:
    for every command that reads criteria sets."""
    parser.add_argument(
        "--criteria-dir", action="append", default=[], type=Path, metavar="DIR",
        help="criteria-dir")
    parser.add_argument(
        "--overlay", action="append", default=[], metavar="NAME|FILE",
        help="overlay")
    add_plugin_options(parser)


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang vi|en``: the language of the messages (for commands that print no text of
    their own in a language; the others say what their --lang changes)."""
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="language")


def add_plugin_options(parser: argparse.ArgumentParser) -> None:
    """``--no-plugins`` only (for commands that build no catalogue)."""
    parser.add_argument(
        "--no-plugins", action="store_true",
        help="no-plugins")


def plugin_manager_from_args(args: argparse.Namespace) -> pluggy.PluginManager:
    """The built-in plugins and, unless ``--no-plugins`` (or the environment variable), the
    installed ones."""
    return get_plugin_manager(entry_points=False if getattr(args, "no_plugins", False)
                              else None)


def catalog_from_args(args: argparse.Namespace, *, shipped: bool = True,
                      plugins: pluggy.PluginManager | None = None) -> Catalog:
    """The shipped sets, the plugins' sets, the ``--criteria-dir`` folders, with the
    ``--overlay`` overlays applied."""
    pm = plugins if plugins is not None else plugin_manager_from_args(args)
    return Catalog.default(getattr(args, "criteria_dir", []), shipped=shipped, plugins=pm,
                           overlays=getattr(args, "overlay", []))


def catalog_maker(args: argparse.Namespace) -> CatalogMaker:
    """A function building catalogues with this run's plugins (``--no-plugins``) and
    overlays (``--overlay``); the plugin manager is built once, on first use."""
    managers: list[pluggy.PluginManager] = []

    def make(directories: Sequence[Path]) -> Catalog:
        if not managers:
            managers.append(plugin_manager_from_args(args))
        return Catalog.default(directories, plugins=managers[0],
                               overlays=getattr(args, "overlay", []))

    return make


# --------------------------------------------------------------------------- paths


def resolve_criteria(criteria: str | None, model: str | None, year: int | None,
                     criteria_dirs: Sequence[Path],
                     make: CatalogMaker = Catalog.default) -> CriteriaSet:
    """The set a command names: a file, a catalogue id, or a model's set in force in a year.

    `criteria` wins when given; a path that exists is read as a file (a set that extends
    another is resolved against the --criteria-dir folders and its own folder), anything
    else is looked up in the catalogue (the shipped sets and the --criteria-dir folders).
    """
    if criteria is not None:
        path = Path(criteria)
        if path.is_file() or path.suffix.lower() in (".yaml", ".yml"):
            catalog = make([*criteria_dirs, path.parent])
            return load_criteria(path, catalog=catalog)
        catalog = make(criteria_dirs)
        if criteria not in catalog:
            if path.is_dir():
                raise CriteriaError([Problem.of(
                    "file-not-found", say("cli-set-is-folder", criteria=criteria),
                    hint=say("cli-set-is-folder-hint"))])
            hint = suggestion(criteria, catalog.ids()) or \
                say("known-sets", ids=", ".join(catalog.ids()) or say("cli-none"))
            raise CriteriaError([Problem.of(
                "unknown-set", say("cli-no-such-set", criteria=criteria), hint=hint)])
        return catalog.get(criteria)
    if model is None or year is None:
        raise LearningModelsError.saying(say("cli-name-the-set"))
    return make(criteria_dirs).for_year(model, year)


def check_inputs(args: argparse.Namespace) -> None:
    """Every ``--criteria-dir`` exists, and every ``--overlay`` named as a file (by its
    .yaml suffix) is one: a folder or file given and silently ignored is a mistake."""
    problems = [Problem.of("file-not-found", say("cli-no-folder", folder=str(d)),
                           hint=say("cli-no-folder-hint"))
                for d in getattr(args, "criteria_dir", []) if not d.exists()]
    problems += [Problem.of("file-not-found", say("cli-no-overlay", file=item),
                            hint=say("cli-no-overlay-hint"))
                 for item in getattr(args, "overlay", [])
                 if Path(item).suffix.lower() in (".yaml", ".yml") and not Path(item).is_file()]
    if problems:
        raise CriteriaError(problems)


def check_output_folder(folder: Path, what: Message) -> None:
    """`folder` can be written into (made, with its parents, if it does not exist)."""
    reason = _unusable(folder, folder)
    if reason is not None:
        raise LearningModelsError.saying(say("cli-cannot-write", what=what, path=str(folder),
                                             reason=reason))


def check_output_file(file: Path, what: Message, *, suffix: str, force: bool) -> None:
    """`file` has the `suffix` a command writes (else a `UsageError`), does not exist unless
    `force`, and its folder can be written into (`make_folder_of` makes it when missing)."""
    if file.suffix.lower() != suffix or file.is_dir():
        raise UsageError.saying(say("cli-wrong-suffix-folder" if file.is_dir()
                                    else "cli-wrong-suffix", what=what, suffix=suffix,
                                    path=str(file)))
    if file.exists() and not force:
        raise LearningModelsError.saying(say("cli-exists", path=str(file)))
    reason = _unusable(file, file.parent)
    if reason is not None:
        raise LearningModelsError.saying(say("cli-cannot-write", what=what, path=str(file),
                                             reason=reason))


def make_folder_of(file: Path, what: Message) -> None:
    """Make the folder `file` goes in, with its parents, if it does not exist."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(what, file, exc) from exc


def cannot_write(what: Message, path: Path, exc: OSError) -> LearningModelsError:
    """The error to raise for an `OSError` met writing `what` to `path`."""
    name = exc.filename
    theirs = isinstance(name, str | bytes) and Path(os.fsdecode(name)) != path
    it: object = repr(os.fsdecode(name)) if theirs else say("cli-it")
    reason: object
    if isinstance(exc, FileExistsError | NotADirectoryError):
        reason = say("cli-is-file", it=it)
    elif isinstance(exc, IsADirectoryError):
        reason = say("cli-is-folder", it=it)
    elif isinstance(exc, PermissionError):
        reason = say("cli-denied", on=say("cli-on", path=it) if theirs else None)
    else:
        reason = exc.strerror or str(exc)
    return LearningModelsError.saying(say("cli-cannot-write", what=what, path=str(path),
                                          reason=reason))


def _unusable(target: Path, folder: Path) -> Message | None:
    """Why `target` cannot be written in `folder`: the nearest of `folder` and its parents
    that exists is a file, or cannot be written into (None: it can)."""
    for parent in (folder, *folder.parents):
        if not parent.exists():
            continue
        mine = parent == target
        if not parent.is_dir():
            return say("cli-is-file", it=say("cli-it") if mine else repr(str(parent)))
        if not os.access(parent, os.W_OK | os.X_OK):
            return say("cli-denied", on=None if mine else say("cli-on", path=repr(str(parent))))
        return None
    return None  # pragma: no cover - the root of a path always exists
