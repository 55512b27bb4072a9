"""Score evidence against versioned criteria sets for Vietnam's learning models.

Programme 387 (2021–2030) recognises learning citizens, families, clans, communities and
units against official criteria sets. This package loads those sets from YAML, scores
evidence column-wise, explains every point, decides recognition, rolls the results up by
area against a plan's targets and writes the reports officials send.

Everything a user needs is here, in `__all__` (``docs/api.md`` lists it by task); plugin
authors also import `learning_models.hookspecs` and `learning_models.errors`. The
subpackages (``_documents`` … ``_cli``) are private and free to change.

Each name is imported on first use, with the stage that defines it (`_publish.STAGES` says
which): importing the package loads no stage, and neither Polars nor pydantic. Type checkers
read the imports under ``TYPE_CHECKING`` below, which a test keeps equal to that table.
"""

import importlib as _importlib
from typing import TYPE_CHECKING

from ._publish import home as _home
from ._version import __version__

if TYPE_CHECKING:  # each stage is imported when one of its names is first used
    from ._authoring import (
        Case,
        CaseFile,
        CaseReport,
        CaseResult,
        CriterionRef,
        EnumChoice,
        Expectation,
        FieldChange,
        ItemChange,
        LevelRow,
        Mismatch,
        SetDiff,
        SetRef,
        cases_schema,
        diff_sets,
        lint_set,
        load_cases,
        run_cases,
    )
    from ._catalog import (
        Area,
        Catalog,
        CatalogEntry,
        Letterhead,
        Target,
        Targets,
        load_criteria,
        load_targets,
        targets_schema,
        validate_targets,
    )
    from ._criteria import (
        AppliedOverlay,
        Change,
        CompiledIndicator,
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
        Level,
        Overlay,
        Program,
        Recognition,
        Source,
        Text,
        compile_criteria,
        criteria_set_schema,
        validate_criteria,
    )
    from ._documents import DuplicateKey, RawDocument, SourceMap, YamlLimits, load_yaml
    from ._evidence import (
        CodeCorrection,
        Dataset,
        RecordError,
        Table,
        evidence_schema,
        read_dataset,
        read_evidence,
        read_workbook,
        rename_headers,
        template_sets,
        write_template,
    )
    from ._expressions import Function, FunctionRegistry, NotScalar
    from ._history import (
        AreaImpact,
        History,
        HistoryRun,
        Impact,
        Lost,
        Review,
        ReviewReport,
        Series,
        SetSide,
        SubjectChange,
        TargetShift,
        YearFigure,
        build_review_report,
        impact,
        open_history,
        review,
    )
    from ._plugins import get_plugin_manager
    from ._report import (
        AreaSummary,
        CommuneList,
        Figure,
        LetterheadUsed,
        ListEntry,
        ModelRow,
        ModelTable,
        OverlayUsed,
        Report,
        SetRow,
        SetUsed,
        SourceNotice,
        build_report,
        write_html,
        write_results,
        write_xlsx,
    )
    from ._rollup import (
        AreaRollup,
        CountedFigures,
        DataQuality,
        ModelFigures,
        QualityIssue,
        RateChange,
        Rollup,
        SetFigures,
        ShareFigures,
        TargetCheck,
        TargetLike,
        TargetsLike,
        TextLike,
        rollup,
    )
    from ._runs import PartitionedEvaluation, PartitionSummary, evaluate_partitioned
    from ._scoring import (
        DatasetEvaluation,
        Evaluation,
        Evaluations,
        Gap,
        IndicatorResult,
        ModelEvaluations,
        PastResults,
        Provenance,
        Routed,
        evaluate,
        evaluate_dataset,
        evaluate_routed,
    )
    from .errors import (
        ArgumentError,
        CriteriaError,
        EvidenceError,
        HistoryError,
        LearningModelsError,
        PluginError,
        Problem,
        Span,
    )

__all__ = [
    "AppliedOverlay",
    "Area",
    "AreaImpact",
    "AreaRollup",
    "AreaSummary",
    "ArgumentError",
    "Case",
    "CaseFile",
    "CaseReport",
    "CaseResult",
    "Catalog",
    "CatalogEntry",
    "Change",
    "CodeCorrection",
    "CommuneList",
    "CompiledIndicator",
    "CountedFigures",
    "CriteriaError",
    "CriteriaSet",
    "Criterion",
    "CriterionRef",
    "DataQuality",
    "Dataset",
    "DatasetEvaluation",
    "Derivation",
    "Document",
    "DuplicateKey",
    "EnumChoice",
    "EnumValue",
    "Evaluation",
    "Evaluations",
    "EvidenceError",
    "Expectation",
    "FieldChange",
    "Figure",
    "Function",
    "FunctionRegistry",
    "Gap",
    "Grade",
    "History",
    "HistoryDerivation",
    "HistoryError",
    "HistoryRun",
    "Impact",
    "Indicator",
    "IndicatorResult",
    "InputSpec",
    "Item",
    "ItemChange",
    "LearningModelsError",
    "Letterhead",
    "LetterheadUsed",
    "Level",
    "LevelRow",
    "ListEntry",
    "Lost",
    "Mismatch",
    "ModelEvaluations",
    "ModelFigures",
    "ModelRow",
    "ModelTable",
    "NotScalar",
    "Overlay",
    "OverlayUsed",
    "PartitionSummary",
    "PartitionedEvaluation",
    "PastResults",
    "PluginError",
    "Problem",
    "Program",
    "Provenance",
    "QualityIssue",
    "RateChange",
    "RawDocument",
    "Recognition",
    "RecordError",
    "Report",
    "Review",
    "ReviewReport",
    "Rollup",
    "Routed",
    "Series",
    "SetDiff",
    "SetFigures",
    "SetRef",
    "SetRow",
    "SetSide",
    "SetUsed",
    "ShareFigures",
    "Source",
    "SourceMap",
    "SourceNotice",
    "Span",
    "SubjectChange",
    "Table",
    "Target",
    "TargetCheck",
    "TargetLike",
    "TargetShift",
    "Targets",
    "TargetsLike",
    "Text",
    "TextLike",
    "YamlLimits",
    "YearFigure",
    "__version__",
    "build_report",
    "build_review_report",
    "cases_schema",
    "compile_criteria",
    "criteria_set_schema",
    "diff_sets",
    "evaluate",
    "evaluate_dataset",
    "evaluate_partitioned",
    "evaluate_routed",
    "evidence_schema",
    "get_plugin_manager",
    "impact",
    "lint_set",
    "load_cases",
    "load_criteria",
    "load_targets",
    "load_yaml",
    "open_history",
    "read_dataset",
    "read_evidence",
    "read_workbook",
    "rename_headers",
    "review",
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


def _public(name: str) -> object:
    """A public name, its stage imported on first use: the module's ``__getattr__`` (PEP 562),
    hidden from type checkers, which see the imports above (and so a misspelt name)."""
    module = _home(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if not TYPE_CHECKING:
    __getattr__ = _public
