"""The roll-up: counts per area and model, area trees, targets, and the tables of figures.
"""

from .._publish import publish_stage
from .build import (
    ALL,
    LEVELS,
    MODELS,
    SHARES,
    AreaCounts,
    AreaRollup,
    ModelFigures,
    RateChange,
    Rollup,
    ShareFigures,
    TargetsLike,
    add_counts,
    area_closure,
    assemble_rollup,
    count_by_area,
    extend_closure,
    format_percent,
    gap_sentence,
    hierarchy,
    rollup,
    rollup_table,
)
from .quality import DataQuality, QualityIssue
from .quality_check import assess_quality
from .types import (
    TOTAL_OF,
    UNLOCATED,
    CountedFigures,
    SetFigures,
    TargetCheck,
    TargetLike,
    TextLike,
    ordered_models,
)

__all__ = [
    "ALL",
    "LEVELS",
    "MODELS",
    "SHARES",
    "TOTAL_OF",
    "UNLOCATED",
    "AreaCounts",
    "AreaRollup",
    "CountedFigures",
    "DataQuality",
    "ModelFigures",
    "QualityIssue",
    "RateChange",
    "Rollup",
    "SetFigures",
    "ShareFigures",
    "TargetCheck",
    "TargetLike",
    "TargetsLike",
    "TextLike",
    "add_counts",
    "area_closure",
    "assemble_rollup",
    "assess_quality",
    "count_by_area",
    "extend_closure",
    "format_percent",
    "gap_sentence",
    "hierarchy",
    "ordered_models",
    "rollup",
    "rollup_table",
]

publish_stage(globals())
