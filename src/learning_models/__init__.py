"""Score evidence against versioned criteria sets for Vietnam's learning models.

Programme 387 (2021–2030) recognises learning citizens, families, clans, communities and
units against official criteria sets. This package loads those sets from YAML, scores
evidence column-wise, explains every point, and decides recognition.
"""

from ._cases import (
    Case,
    CaseFile,
    CaseReport,
    CaseResult,
    Expectation,
    Mismatch,
    cases_schema,
    load_cases,
    run_cases,
)
from ._catalog import Catalog, CatalogEntry
from ._compile import Program, compile_criteria
from ._dataset import Dataset, read_dataset
from ._diff import SetDiff, diff_sets
from ._evaluate import evaluate
from ._evidence import read_evidence
from ._evidence_schema import evidence_schema
from ._excel import read_workbook, rename_headers, template_sets, write_template
from ._functions import Function, NotScalar
from ._lint import lint_set
from ._load import load_criteria
from ._model import CriteriaSet, Criterion, Grade, Indicator, InputSpec, Level, Source, Text
from ._overlays import Overlay
from ._partitioned import PartitionedEvaluation, evaluate_partitioned
from ._pipeline import DatasetEvaluation, evaluate_dataset
from ._plugins import get_plugin_manager
from ._records import RecordError
from ._report import Report, build_report
from ._results import Evaluation, Evaluations, Gap, IndicatorResult, Provenance
from ._rollup import Rollup, rollup
from ._targets import Area, Target, Targets, load_targets, targets_schema, validate_targets
from ._validate import criteria_set_schema, validate_criteria
from ._version import __version__
from ._write_html import write_html
from ._write_xlsx import write_xlsx
from ._writers import write_results
from ._yaml import load_yaml
from .errors import (
    ArgumentError,
    CriteriaError,
    EvidenceError,
    LearningModelsError,
    PluginError,
    Problem,
    Span,
)

__all__ = [
    "Area",
    "ArgumentError",
    "Case",
    "CaseFile",
    "CaseReport",
    "CaseResult",
    "Catalog",
    "CatalogEntry",
    "CriteriaError",
    "CriteriaSet",
    "Criterion",
    "Dataset",
    "DatasetEvaluation",
    "Evaluation",
    "Evaluations",
    "EvidenceError",
    "Expectation",
    "Function",
    "Gap",
    "Grade",
    "Indicator",
    "IndicatorResult",
    "InputSpec",
    "LearningModelsError",
    "Level",
    "Mismatch",
    "NotScalar",
    "Overlay",
    "PartitionedEvaluation",
    "PluginError",
    "Problem",
    "Program",
    "Provenance",
    "RecordError",
    "Report",
    "Rollup",
    "SetDiff",
    "Source",
    "Span",
    "Target",
    "Targets",
    "Text",
    "__version__",
    "build_report",
    "cases_schema",
    "compile_criteria",
    "criteria_set_schema",
    "diff_sets",
    "evaluate",
    "evaluate_dataset",
    "evaluate_partitioned",
    "evidence_schema",
    "get_plugin_manager",
    "lint_set",
    "load_cases",
    "load_criteria",
    "load_targets",
    "load_yaml",
    "read_dataset",
    "read_evidence",
    "read_workbook",
    "rename_headers",
    "rollup",
    "run_cases",
    "targets_schema",
    "template_sets",
    "validate_criteria",
    "validate_targets",
    "write_html",
    "write_results",
    "write_template",
    "write_xlsx",
]
