"""Criteria sources, overlays and expression functions that plugins offer the catalogue.

The catalogue asks a plugin manager it is given (it never builds one) for what plugins add
to it. Each hook implementation is called on its own, so that a wrong return is a
`PluginError` naming its plugin; `plugin_items` does that for every list-returning hook,
the report writers and evidence readers of ``_plugins.manager`` included.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pluggy

from .._criteria import Overlay
from .._documents import Message, say, verbatim
from .._expressions import BUILTIN_FUNCTIONS, Function, FunctionRegistry
from ..errors import PluginError

__all__ = [
    "collect_criteria_sources",
    "collect_functions",
    "collect_overlays",
    "plugin_items",
    "plugin_results",
]

T = TypeVar("T")


def plugin_results(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
    caller = getattr(pm.hook, hook)
    for impl in caller.get_hookimpls():  # registration order (pluggy calls LIFO)
        try:
            value = impl.function(**kwargs)
        except Exception as exc:
            raise PluginError.saying(say("plugin-failed", plugin=impl.plugin_name, hook=hook,
                                         error=verbatim(str(exc)))) from exc
        yield impl.plugin_name, value


def plugin_items(pm: pluggy.PluginManager, hook: str, kind: type[T] | tuple[type, ...],
           what: str | Message) -> Iterator[tuple[str, Any]]:
    for plugin, value in plugin_results(pm, hook):
        if value is None:
            continue
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
            raise PluginError.saying(say("plugin-not-list", plugin=plugin, hook=hook, what=what,
                                         kind=type(value).__name__))
        for item in value:
            if not isinstance(item, kind):
                raise PluginError.saying(say("plugin-not-item", plugin=plugin, hook=hook,
                                             item=f"{item!r:.80}", what=what))
            yield plugin, item


def collect_criteria_sources(pm: pluggy.PluginManager,
                             ) -> list[tuple[str, list[Path | Mapping[str, Any]]]]:
    """Per plugin: the directories and in-memory set documents it adds."""
    found: dict[str, list[Path | Mapping[str, Any]]] = {}
    items: Iterator[tuple[str, Any]] = plugin_items(
        pm, "learning_models_criteria_sources", (str, os.PathLike, Mapping),
        say("plugin-what-sources"))
    for plugin, item in items:
        entry: Path | Mapping[str, Any] = item if isinstance(item, Mapping) else Path(item)
        if isinstance(entry, Path) and not entry.is_dir():
            raise PluginError.saying(say("plugin-no-directory", plugin=plugin,
                                         folder=str(entry)))
        found.setdefault(plugin, []).append(entry)
    return list(found.items())


def collect_overlays(pm: pluggy.PluginManager) -> dict[str, Overlay]:
    """Every overlay offered, by name (names must be unique across plugins)."""
    found: dict[str, Overlay] = {}
    for plugin, overlay in plugin_items(pm, "learning_models_overlays", Overlay,
                                        say("plugin-what-overlays")):
        if overlay.name in found:
            raise PluginError.saying(say("plugin-overlay-twice", plugin=plugin,
                                         name=overlay.name, other=found[overlay.name].plugin))
        found[overlay.name] = Overlay(overlay.name, overlay.target, overlay.changes,
                                      overlay.after, overlay.source, plugin, overlay.raw)
    return found


def collect_functions(pm: pluggy.PluginManager,
                      base: FunctionRegistry | None = None) -> FunctionRegistry:
    """The built-in functions plus every plugin's; a name taken twice is a `PluginError`."""
    registry = base or BUILTIN_FUNCTIONS
    for plugin, function in plugin_items(pm, "learning_models_functions", Function,
                                         say("plugin-what-functions")):
        if function.name in registry:
            raise PluginError.saying(say("plugin-function-twice", plugin=plugin,
                                         name=function.name))
        try:
            registry = registry.with_function(function)
        except ValueError as exc:  # not reached: a Function checks itself when it is built
            raise PluginError.saying(say("plugin-says", plugin=plugin,
                                         error=verbatim(str(exc)))) from exc
    return registry
