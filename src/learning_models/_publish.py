"""Public objects say they are ``learning_models.X``, wherever they are defined.

`publish` gives each class and function of the public API ``__module__ ==
"learning_models"`` (as httpx and attrs do), so reprs, docs and pickles name the public path
and the private layout stays free to change. A class's annotations are resolved first, in
the module that defined it, so that `typing.get_type_hints` still works on it.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterable, Mapping

__all__ = ["publish"]

PUBLIC = "learning_models"


def publish(namespace: Mapping[str, object], names: Iterable[str]) -> None:
    for name in names:
        obj = namespace[name]
        if inspect.isclass(obj):
            _resolve_annotations(obj)
        elif not inspect.isfunction(obj):
            continue          # constants, type aliases
        if obj.__module__.startswith(f"{PUBLIC}."):
            obj.__module__ = PUBLIC


def _resolve_annotations(cls: type) -> None:
    own = inspect.get_annotations(cls)
    if not own or not cls.__module__.startswith(f"{PUBLIC}."):
        return
    hints = typing.get_type_hints(cls, include_extras=True)
    cls.__annotations__ = {key: hints.get(key, value) for key, value in own.items()}
