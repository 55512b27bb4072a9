"""The command-line options shared by every command that builds a catalogue.

    --criteria-dir DIR      more criteria sets after the shipped ones (repeatable)
    --overlay NAME|FILE     apply an overlay offered by a plugin, or an overlay file
                            (repeatable; applied in the order their ``after`` lists require)
    --no-plugins            load no installed plugin (as LEARNING_MODELS_DISABLE_PLUGINS=1)

`add_catalog_options` adds them to a command's parser; `catalog_from_args` builds the
catalogue they describe and `plugin_manager_from_args` the plugin manager (one per run: a
command that needs both asks for the manager first and passes it on).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

import pluggy

from ._catalog import Catalog
from ._plugins import DISABLE_ENV, get_plugin_manager

__all__ = ["CatalogMaker", "add_catalog_options", "add_plugin_options", "catalog_from_args",
           "catalog_maker", "plugin_manager_from_args"]

#: Builds a catalogue of the shipped sets, the plugins' sets and the directories given.
CatalogMaker = Callable[[Sequence[Path]], Catalog]


def add_catalog_options(parser: argparse.ArgumentParser, *, criteria_dir: bool = True) -> None:
    """``--criteria-dir DIR`` (unless the command has its own), ``--overlay``,
    ``--no-plugins``."""
    if criteria_dir:
        parser.add_argument(
            "--criteria-dir", action="append", default=[], type=Path, metavar="DIR",
            help="more criteria sets, for ids and for 'extends' (repeatable; later "
                 "directories override earlier ones by id)")
    parser.add_argument(
        "--overlay", action="append", default=[], metavar="NAME|FILE",
        help="apply a local overlay to the sets it targets: a name offered by an installed "
             "plugin (see 'learning-models plugins') or an overlay file; repeatable")
    add_plugin_options(parser)


def add_plugin_options(parser: argparse.ArgumentParser) -> None:
    """``--no-plugins`` only (for commands that build no catalogue)."""
    parser.add_argument(
        "--no-plugins", action="store_true",
        help=f"load no installed plugin, only the built-in ones (or set {DISABLE_ENV}=1)")


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
