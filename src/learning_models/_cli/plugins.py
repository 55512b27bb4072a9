"""The ``plugins`` command: what is loaded, from which distribution, offering what.

    learning-models plugins [--format text|json] [--no-plugins]

Lists every registered plugin — the built-in ones (``builtin-*``) and those installed under
the entry-point group ``learning_models`` — with its distribution and version, the hooks it
implements, and what it offers: overlays (name → target set), expression functions,
evidence readers (with their suffixes), report writers and period-review writers. A plugin
that breaks its hooks' contract is reported by name (exit status 3).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .._plugins import DISABLE_ENV, PluginInfo, describe_plugins, plugins_disabled
from .commands import summary
from .options import add_lang_option, add_plugin_options, plugin_manager_from_args

__all__ = ["register"]

PREFIX = "learning_models_"


def register(sub: Any) -> None:
    """Add the ``plugins`` command to the command line's subparsers."""
    p = sub.add_parser(
        "plugins", help=summary("plugins"),
        description="plugins-description")
    p.add_argument("--format", choices=("text", "json"), default="text", help="format")
    add_plugin_options(p)
    add_lang_option(p)
    p.set_defaults(run=_plugins)


def _plugins(args: argparse.Namespace) -> int:
    pm = plugin_manager_from_args(args)
    infos = describe_plugins(pm)
    disabled = bool(args.no_plugins) or plugins_disabled()
    if args.format == "json":
        data = {"installed_plugins_loaded": not disabled,
                "plugins": [info.to_dict() for info in infos]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(render(infos, disabled=disabled))
    return 0


def render(infos: list[PluginInfo], *, disabled: bool = False) -> str:
    """The text listing: one block per plugin."""
    lines = []
    for info in infos:
        origin = f"{info.distribution} {info.version}" if info.distribution != "-" \
            else "registered directly, not installed"
        lines.append(f"{info.name}  ({origin})")
        hooks = ", ".join(h.removeprefix(PREFIX) for h in info.hooks) or "none"
        lines.append(f"  hooks:     {hooks}")
        if info.criteria_sources:
            lines.append(f"  criteria:  {info.criteria_sources} source(s)")
        if info.overlays:
            lines.append("  overlays:  " + ", ".join(f"{n} → {t}" for n, t in info.overlays))
        if info.functions:
            lines.append("  functions: " + ", ".join(info.functions))
        if info.readers:
            lines.append("  readers:   " + ", ".join(
                f"{n} ({', '.join(s) or 'folders'})" for n, s in info.readers))
        if info.writers:
            lines.append("  writers:   " + ", ".join(info.writers))
        if info.review_writers:
            lines.append("  review writers: " + ", ".join(info.review_writers))
    installed = [i for i in infos if not i.name.startswith("builtin-")]
    if disabled:
        lines.append(f"installed plugins not loaded (--no-plugins or {DISABLE_ENV})")
    elif not installed:
        lines.append("no installed plugins (entry-point group 'learning_models')")
    return "\n".join(lines) + "\n"
