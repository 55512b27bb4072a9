"""The catalogue: criteria sets by id, model and year, sets offered by plugins, loading a set
from a file, and the plans' targets files.
"""

from .._publish import publish_stage
from .catalog import Catalog, CatalogEntry, shipped_criteria_dir, told_apart
from .load import load_criteria
from .plugin_sources import (
    collect_criteria_sources,
    collect_functions,
    collect_overlays,
    plugin_items,
    plugin_results,
)
from .targets import (
    Area,
    Letterhead,
    Target,
    Targets,
    load_targets,
    shipped_targets,
    targets_schema,
    validate_targets,
)
from .targets_sets import counted_by, without_period

__all__ = [
    "Area",
    "Catalog",
    "CatalogEntry",
    "Letterhead",
    "Target",
    "Targets",
    "collect_criteria_sources",
    "collect_functions",
    "collect_overlays",
    "counted_by",
    "load_criteria",
    "load_targets",
    "plugin_items",
    "plugin_results",
    "shipped_criteria_dir",
    "shipped_targets",
    "targets_schema",
    "told_apart",
    "validate_targets",
    "without_period",
]

publish_stage(globals())
