"""Criteria sets: the frozen model, validation (JSON Schema + pydantic), extends, overlays,
and compilation of a set into a `Program`.
"""

from .._publish import publish_stage
from .compile import (
    ITEMS_MET,
    ITEMS_TOTAL,
    CompiledIndicator,
    Program,
    compile_criteria,
    program_of,
)
from .model import (
    CRITERIA_FORMATS,
    EVIDENCE_PREFIX,
    FORMAT,
    MODELS,
    CriteriaSet,
    Criterion,
    Derivation,
    Document,
    EnumValue,
    Grade,
    HistoryDerivation,
    Indicator,
    InputSpec,
    Item,
    Lang,
    Level,
    Recognition,
    Source,
    Text,
    fold_word,
    period_years,
)
from .overlays import AppliedOverlay, Overlay, apply_overlays, order_overlays
from .recognition import ScopeRef, rule_refs, scope_name
from .resolve import Change, resolve_extension
from .validate import check_document, criteria_set_schema, validate_criteria

__all__ = [
    "CRITERIA_FORMATS",
    "EVIDENCE_PREFIX",
    "FORMAT",
    "ITEMS_MET",
    "ITEMS_TOTAL",
    "MODELS",
    "AppliedOverlay",
    "Change",
    "CompiledIndicator",
    "CriteriaSet",
    "Criterion",
    "Derivation",
    "Document",
    "EnumValue",
    "Grade",
    "HistoryDerivation",
    "Indicator",
    "InputSpec",
    "Item",
    "Lang",
    "Level",
    "Overlay",
    "Program",
    "Recognition",
    "ScopeRef",
    "Source",
    "Text",
    "apply_overlays",
    "check_document",
    "compile_criteria",
    "criteria_set_schema",
    "fold_word",
    "order_overlays",
    "period_years",
    "program_of",
    "resolve_extension",
    "rule_refs",
    "scope_name",
    "validate_criteria",
]

publish_stage(globals())
