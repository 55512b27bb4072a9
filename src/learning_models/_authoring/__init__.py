"""Authoring: criteria test cases (and their pytest plugin), diff between sets, lint.
"""

from .._publish import publish_stage
from .cases import (
    Case,
    CaseFile,
    CaseReport,
    CaseResult,
    Expectation,
    Mismatch,
    case_catalog,
    cases_schema,
    find_case_files,
    load_cases,
    run_cases,
)
from .diff import (
    CriterionRef,
    EnumChoice,
    FieldChange,
    ItemChange,
    LevelRow,
    SetDiff,
    SetRef,
    diff_sets,
)
from .lint import lint_set

__all__ = [
    "Case",
    "CaseFile",
    "CaseReport",
    "CaseResult",
    "CriterionRef",
    "EnumChoice",
    "Expectation",
    "FieldChange",
    "ItemChange",
    "LevelRow",
    "Mismatch",
    "SetDiff",
    "SetRef",
    "case_catalog",
    "cases_schema",
    "diff_sets",
    "find_case_files",
    "lint_set",
    "load_cases",
    "run_cases",
]

publish_stage(globals())
