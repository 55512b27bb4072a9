"""Score evidence against versioned criteria sets for Vietnam's learning models.

Programme 387 (2021–2030) recognises learning citizens, families, clans, communities and
units against official criteria sets. This package loads those sets from YAML, scores
evidence column-wise, explains every point, and decides recognition.
"""

from ._compile import Program, compile_criteria
from ._evaluate import evaluate
from ._evidence import read_evidence
from ._evidence_schema import evidence_schema
from ._load import load_criteria
from ._model import CriteriaSet, Criterion, Grade, Indicator, InputSpec, Level, Source, Text
from ._records import RecordError
from ._results import Evaluation, Evaluations, Gap, IndicatorResult, Provenance
from ._validate import criteria_set_schema, validate_criteria
from ._version import __version__
from ._yaml import load_yaml
from .errors import (
    CriteriaError,
    EvidenceError,
    LearningModelsError,
    PluginError,
    Problem,
    Span,
)

__all__ = [
    "CriteriaError",
    "CriteriaSet",
    "Criterion",
    "Evaluation",
    "Evaluations",
    "EvidenceError",
    "Gap",
    "Grade",
    "Indicator",
    "IndicatorResult",
    "InputSpec",
    "LearningModelsError",
    "Level",
    "PluginError",
    "Problem",
    "Program",
    "Provenance",
    "RecordError",
    "Source",
    "Span",
    "Text",
    "__version__",
    "compile_criteria",
    "criteria_set_schema",
    "evaluate",
    "evidence_schema",
    "load_criteria",
    "load_yaml",
    "read_evidence",
    "validate_criteria",
]
