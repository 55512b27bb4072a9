"""The plugin manager and the calls into plugins, each checked and blamed by plugin name.

`get_plugin_manager()` builds a fresh manager (nothing happens at import): the hook
specifications, the built-in plugins, then — unless disabled with the environment variable
``LEARNING_MODELS_DISABLE_PLUGINS=1`` or ``entry_points=False`` — every plugin installed under
the entry-point group ``learning_models``. Each ``collect_*`` function calls one hook
implementation at a time so that a wrong return is a `PluginError` naming its plugin.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pluggy

from .. import hookspecs
from .._catalog import collect_criteria_sources, collect_overlays, plugin_items, plugin_results
from .._documents import Message, say
from .._expressions import Function
from .._version import __version__
from ..errors import PluginError
from .builtin import BUILTIN_PLUGINS

__all__ = [
    "DISABLE_ENV",
    "Named",
    "PluginInfo",
    "collect_readers",
    "collect_review_writers",
    "collect_writers",
    "describe_plugins",
    "get_plugin_manager",
    "notify",
    "plugin_versions",
    "plugins_disabled",
]

DISABLE_ENV = "LEARNING_MODELS_DISABLE_PLUGINS"
T = TypeVar("T")


def get_plugin_manager(
    *, entry_points: bool | None = None,
    builtins: Sequence[tuple[str, object]] | None = None,
    plugins: Sequence[tuple[str, object]] = (),
) -> pluggy.PluginManager:
    """A new plugin manager with the built-in plugins and (by default) installed ones.

    `builtins` replaces the built-in ``(name, plugin)`` list (``[]``: none); `plugins` are
    registered after them, by name — how a plugin's tests register it without installing
    it: ``get_plugin_manager(entry_points=False, plugins=[("bac-kan", module)])``.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    chosen: Sequence[tuple[str, object]] = builtins if builtins is not None else BUILTIN_PLUGINS
    for name, plugin in (*chosen, *plugins):
        try:
            pm.register(plugin, name=name)
        except ValueError as exc:  # a name or an object registered twice
            raise PluginError.saying(say("plugin-not-registered", plugin=name,
                                         reason=str(exc))) from exc
    if entry_points is None:
        entry_points = not plugins_disabled()
    if entry_points:
        try:
            pm.load_setuptools_entrypoints(hookspecs.PROJECT)
        except Exception as exc:  # a plugin that fails to import is the plugin's fault
            raise PluginError.saying(_not_loaded(pm, exc)) from exc
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = (pm.get_name(exc.plugin) if exc.plugin is not None else None) or "?"
        raise PluginError.saying(say("plugin-unknown-hook", plugin=name,
                                     reason=str(exc.args[0] if exc.args else exc))) from exc
    return pm


def _not_loaded(pm: pluggy.PluginManager, exc: Exception) -> Message:
    """What to say when loading the entry points failed: which one (the first of the group,
    in pluggy's order, that is not registered), of which distribution, and the exception."""
    reason = f"{type(exc).__name__}: {exc}"
    hint = say("plugin-not-loaded-hint", env=DISABLE_ENV)
    for dist in importlib.metadata.distributions():
        for ep in dist.entry_points:
            if ep.group == hookspecs.PROJECT and not pm.has_plugin(ep.name) \
                    and not pm.is_blocked(ep.name):
                return say("plugin-not-loaded", plugin=ep.name, reason=reason,
                           entry=f"{ep.name} = {ep.value}", group=hookspecs.PROJECT,
                           dist=f"{dist.metadata['name'] or '?'} {dist.version}").plus(hint)
    return say("plugin-group-not-loaded", group=hookspecs.PROJECT, reason=reason).plus(hint)


def plugins_disabled() -> bool:
    """Whether the environment asks for no installed plugin (``LEARNING_MODELS_DISABLE_PLUGINS``
    set to ``1``, ``true`` or ``yes``)."""
    return os.environ.get(DISABLE_ENV, "").strip().lower() in ("1", "true", "yes")


class Named(dict[str, T]):
    """Readers or writers by name, remembering which plugin registered each."""

    def __init__(self) -> None:
        super().__init__()
        self.owners: dict[str, str] = {}

    def plugin_of(self, name: str) -> str:
        """The name of the plugin that registered `name`."""
        return self.owners[name]


#: The kinds of item a plugin registers by name, and the catalogue's word for each.
_KINDS = {"evidence reader": "plugin-evidence-reader", "report writer": "plugin-report-writer",
          "review writer": "plugin-review-writer"}


def _named(pm: pluggy.PluginManager, hook: str, protocol: type, what: str) -> Named[Any]:
    found: Named[Any] = Named()
    kind = say(_KINDS[what])
    items: Iterator[tuple[str, Any]] = plugin_items(pm, hook, protocol, kind)
    for plugin, item in items:
        if not isinstance(item.name, str) or not item.name:
            raise PluginError.saying(say("plugin-item-unnamed", plugin=plugin, what=kind,
                                         name=repr(item.name)))
        if item.name in found:
            raise PluginError.saying(say("plugin-item-twice", plugin=plugin, what=kind,
                                         name=item.name, other=found.owners[item.name]))
        found[item.name] = item
        found.owners[item.name] = plugin
    return found


def collect_readers(pm: pluggy.PluginManager) -> Named[hookspecs.EvidenceReader]:
    """Every evidence reader, by name (`Named.plugin_of` tells whose); a name registered by
    two plugins is a `PluginError` naming both."""
    readers: Named[hookspecs.EvidenceReader] = _named(
        pm, "learning_models_evidence_readers", hookspecs.EvidenceReader, "evidence reader")
    for name, reader in readers.items():
        suffixes = reader.suffixes
        if not isinstance(suffixes, tuple) or not all(
                isinstance(x, str) and x.startswith(".") for x in suffixes):
            raise PluginError.saying(say("plugin-reader-suffixes", plugin=readers.plugin_of(name),
                                         name=name, suffixes=repr(suffixes)))
    return readers


def collect_writers(pm: pluggy.PluginManager) -> Named[hookspecs.ReportWriter]:
    """Every report writer, by name (`Named.plugin_of` tells whose); a name registered by
    two plugins is a `PluginError` naming both."""
    writers: Named[hookspecs.ReportWriter] = _named(
        pm, "learning_models_report_writers", hookspecs.ReportWriter, "report writer")
    return writers


def collect_review_writers(pm: pluggy.PluginManager) -> Named[hookspecs.ReviewWriter]:
    """Every period-review writer, by name (`Named.plugin_of` tells whose); a name
    registered by two plugins is a `PluginError` naming both."""
    writers: Named[hookspecs.ReviewWriter] = _named(
        pm, "learning_models_review_writers", hookspecs.ReviewWriter, "review writer")
    return writers


def notify(pm: pluggy.PluginManager, evaluation: Any) -> None:
    """Tell every plugin about finished results."""
    for _ in plugin_results(pm, "learning_models_after_evaluation", evaluation=evaluation):
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
        elif name.startswith("builtin-"):
            rows.append((name, "learning-models", __version__))
        else:  # registered by hand (tests, an application embedding the library)
            rows.append((name, "-", "-"))
    return sorted(rows)


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """What one registered plugin is and offers (``learning-models plugins``)."""

    name: str
    distribution: str
    version: str
    hooks: tuple[str, ...]
    overlays: tuple[tuple[str, str], ...] = ()        # (name, target)
    functions: tuple[str, ...] = ()
    readers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, suffixes)
    writers: tuple[str, ...] = ()
    criteria_sources: int = 0                          # directories and documents added
    review_writers: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "distribution": self.distribution, "version": self.version,
                "hooks": list(self.hooks),
                "overlays": [{"name": n, "target": t} for n, t in self.overlays],
                "functions": list(self.functions),
                "readers": [{"name": n, "suffixes": list(s)} for n, s in self.readers],
                "writers": list(self.writers), "criteria_sources": self.criteria_sources,
                "review_writers": list(self.review_writers)}


def describe_plugins(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Every registered plugin in registration order: its distribution and version, the
    hooks it implements and what they offer. Offers are collected with the same checks as
    everywhere else, so a broken plugin is a `PluginError` naming it."""
    versions = {name: (dist, version) for name, dist, version in plugin_versions(pm)}
    hooks: dict[str, list[str]] = {}
    for hook in hookspecs.HOOK_NAMES:
        for impl in getattr(pm.hook, hook).get_hookimpls():
            hooks.setdefault(impl.plugin_name, []).append(hook)
    overlays: dict[str, list[tuple[str, str]]] = {}
    for overlay in collect_overlays(pm).values():
        overlays.setdefault(overlay.plugin or "?", []).append((overlay.name, overlay.target))
    functions: dict[str, list[str]] = {}
    for plugin, function in plugin_items(pm, "learning_models_functions", Function,
                                         say("plugin-what-functions")):
        functions.setdefault(plugin, []).append(function.name)
    readers: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    found_readers = collect_readers(pm)
    for name, reader in found_readers.items():
        readers.setdefault(found_readers.plugin_of(name), []).append(
            (name, tuple(reader.suffixes)))
    writers = _owned(collect_writers(pm))
    review_writers = _owned(collect_review_writers(pm))
    sources = {plugin: len(items) for plugin, items in collect_criteria_sources(pm)}
    infos = []
    for plugin_name, registered in pm.list_name_plugin():
        if registered is None or plugin_name is None:
            continue
        dist, version = versions.get(plugin_name, ("?", "?"))
        infos.append(PluginInfo(
            plugin_name, dist, version, tuple(hooks.get(plugin_name, ())),
            tuple(overlays.get(plugin_name, ())), tuple(functions.get(plugin_name, ())),
            tuple(readers.get(plugin_name, ())), tuple(writers.get(plugin_name, ())),
            sources.get(plugin_name, 0), tuple(review_writers.get(plugin_name, ()))))
    return infos


def _owned(found: Named[Any]) -> dict[str, list[str]]:
    """Plugin name → the names it registered."""
    owned: dict[str, list[str]] = {}
    for name in found:
        owned.setdefault(found.plugin_of(name), []).append(name)
    return owned
