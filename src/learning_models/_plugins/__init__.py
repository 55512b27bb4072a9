"""The plugin manager and the built-in plugins (readers, writers, shipped criteria).
"""

from .._publish import publish_stage
from .manager import (
    DISABLE_ENV,
    Named,
    PluginInfo,
    collect_readers,
    collect_review_writers,
    collect_writers,
    describe_plugins,
    get_plugin_manager,
    notify,
    plugins_disabled,
)

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
    "plugins_disabled",
]

publish_stage(globals())
