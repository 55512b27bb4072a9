"""The plugin manager and the calls into plugins, each checked and blamed by plugin name.

`get_plugin_manager()` builds a fresh manager (nothing happens at import): the hook
specifications, the built-in plugins, then — unless disabled with the environment variable
``LEARNING_MODELS_DISABLE_PLUGINS=1`` or ``entry_points=False`` — every plugin installed under
the entry-point group ``learning_models``. Each ``collect_*`` function calls one hook
implementation at a time so that a wrong return is a `PluginError` naming its plugin.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import pluggy

from . import hookspecs
from ._functions import Function, FunctionRegistry
from ._overlays import Overlay
from .errors import PluginError

__all__ = [
    "DISABLE_ENV",
    "collect_criteria_sources",
    "collect_functions",
    "collect_overlays",
    "collect_readers",
    "collect_writers",
    "get_plugin_manager",
    "notify",
    "plugin_versions",
]

DISABLE_ENV = "LEARNING_MODELS_DISABLE_PLUGINS"
T = TypeVar("T")


def get_plugin_manager(
    *, entry_points: bool | None = None,
    builtins: Sequence[tuple[str, object]] | None = None,
) -> pluggy.PluginManager:
    """A new plugin manager with the built-in plugins and (by default) installed ones."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    from ._builtin_plugins import BUILTIN_PLUGINS

    chosen: Sequence[tuple[str, object]] = builtins if builtins is not None else BUILTIN_PLUGINS
    for name, plugin in chosen:
        pm.register(plugin, name=name)
    if entry_points is None:
        entry_points = os.environ.get(DISABLE_ENV, "").strip().lower() not in ("1", "true", "yes")
    if entry_points:
        try:
            pm.load_setuptools_entrypoints(hookspecs.PROJECT)
        except Exception as exc:  # a plugin that fails to import is the plugin's fault
            raise PluginError(f"a plugin of the entry-point group {hookspecs.PROJECT!r} could "
                              f"not be loaded: {exc}") from exc
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = (pm.get_name(exc.plugin) if exc.plugin is not None else None) or "?"
        raise PluginError(f"plugin {name!r} implements a hook that does not exist: "
                          f"{exc.args[0] if exc.args else exc}") from exc
    return pm


def _results(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
    caller = getattr(pm.hook, hook)
    for impl in reversed(caller.get_hookimpls()):  # registration order
        try:
            value = impl.function(**kwargs)
        except Exception as exc:
            raise PluginError(f"plugin {impl.plugin_name!r} failed in {hook}: {exc}") from exc
        yield impl.plugin_name, value


def _items(pm: pluggy.PluginManager, hook: str, kind: type[T] | tuple[type, ...],
           what: str) -> Iterator[tuple[str, Any]]:
    for plugin, value in _results(pm, hook):
        if value is None:
            continue
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
            raise PluginError(f"plugin {plugin!r}: {hook} must return a list of {what}, "
                              f"got {type(value).__name__}")
        for item in value:
            if not isinstance(item, kind):
                raise PluginError(f"plugin {plugin!r}: {hook} returned {item!r:.80}, "
                                  f"which is not {what}")
            yield plugin, item


def collect_criteria_sources(pm: pluggy.PluginManager,
                             ) -> list[tuple[str, list[Path | Mapping[str, Any]]]]:
    """Per plugin: the directories and in-memory set documents it adds."""
    found: dict[str, list[Path | Mapping[str, Any]]] = {}
    items: Iterator[tuple[str, Any]] = _items(
        pm, "learning_models_criteria_sources", (str, os.PathLike, Mapping),
        "directories or set documents (mappings)")
    for plugin, item in items:
        entry: Path | Mapping[str, Any] = item if isinstance(item, Mapping) else Path(item)
        if isinstance(entry, Path) and not entry.is_dir():
            raise PluginError(f"plugin {plugin!r}: criteria directory {str(entry)!r} does not "
                              "exist")
        found.setdefault(plugin, []).append(entry)
    return list(found.items())


def collect_overlays(pm: pluggy.PluginManager) -> dict[str, Overlay]:
    """Every overlay offered, by name (names must be unique across plugins)."""
    found: dict[str, Overlay] = {}
    for plugin, overlay in _items(pm, "learning_models_overlays", Overlay, "Overlay objects"):
        if overlay.name in found:
            raise PluginError(f"plugin {plugin!r}: overlay {overlay.name!r} is already offered "
                              f"by {found[overlay.name].plugin!r}")
        found[overlay.name] = Overlay(overlay.name, overlay.target, overlay.changes,
                                      overlay.after, overlay.source, plugin, overlay.raw)
    return found


def collect_functions(pm: pluggy.PluginManager,
                      base: FunctionRegistry | None = None) -> FunctionRegistry:
    """The built-in functions plus every plugin's; a name taken twice is a `PluginError`."""
    from ._functions import BUILTIN_FUNCTIONS

    registry = base or BUILTIN_FUNCTIONS
    for plugin, function in _items(pm, "learning_models_functions", Function,
                                   "Function objects"):
        try:
            registry = registry.with_function(function)
        except ValueError as exc:
            raise PluginError(f"plugin {plugin!r}: {exc}") from exc
    return registry


def _named(pm: pluggy.PluginManager, hook: str, protocol: type, what: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    owner: dict[str, str] = {}
    items: Iterator[tuple[str, Any]] = _items(pm, hook, protocol, what)
    for plugin, item in items:
        if item.name in found:
            raise PluginError(f"plugin {plugin!r}: {what} {item.name!r} is already registered "
                              f"by {owner[item.name]!r}")
        found[item.name] = item
        owner[item.name] = plugin
    return found


def collect_readers(pm: pluggy.PluginManager) -> dict[str, hookspecs.EvidenceReader]:
    return _named(pm, "learning_models_evidence_readers", hookspecs.EvidenceReader,
                  "evidence reader")


def collect_writers(pm: pluggy.PluginManager) -> dict[str, hookspecs.ReportWriter]:
    return _named(pm, "learning_models_report_writers", hookspecs.ReportWriter,
                  "report writer")


def notify(pm: pluggy.PluginManager, evaluation: Any) -> None:
    """Tell every plugin about finished results."""
    for _ in _results(pm, "learning_models_after_evaluation", evaluation=evaluation):
        pass


def plugin_versions(pm: pluggy.PluginManager) -> list[tuple[str, str, str]]:
    """(plugin name, distribution, version) for every registered plugin."""
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    rows = []
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        dist = dists.get(id(plugin))
        if dist is not None:
            rows.append((name, dist.project_name, dist.version))
        else:
            rows.append((name, "learning-models", metadata.version("learning-models")
                         if _installed() else "built-in"))
    return sorted(rows)


def _installed() -> bool:
    try:
        metadata.version("learning-models")
    except metadata.PackageNotFoundError:
        return False
    return True
