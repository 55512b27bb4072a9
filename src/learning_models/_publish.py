"""Public objects say they are ``learning_models.X``, wherever they are defined.

`STAGES` says where each public name lives: the stage (or ``errors``) that defines it.
``learning_models`` resolves its names from it on first use (PEP 562), so that
``import learning_models`` loads no stage, and each stage calls `publish_stage` once it is
loaded: its public classes and functions get ``__module__ == "learning_models"`` (as httpx
and attrs do), so reprs, docs and pickles name the public path and the private layout stays
free to change, however the stage was reached. A class's annotations are resolved first, in
the module that defined it, so that `typing.get_type_hints` still works on it.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterable, Mapping

__all__ = ["PUBLIC", "STAGES", "home", "publish_stage"]

PUBLIC = "learning_models"

#: Each public name (but ``__version__``) by the module that exports it, below ``PUBLIC``.
STAGES: Mapping[str, tuple[str, ...]] = {
    "_authoring": ("Case", "CaseFile", "CaseReport", "CaseResult", "CriterionRef",
                   "EnumChoice", "Expectation", "FieldChange", "ItemChange", "LevelRow",
                   "Mismatch", "SetDiff", "SetRef", "cases_schema", "diff_sets", "lint_set",
                   "load_cases", "run_cases"),
    "_catalog": ("Area", "Catalog", "CatalogEntry", "Letterhead", "Target", "Targets",
                 "load_criteria", "load_targets", "targets_schema", "validate_targets"),
    "_criteria": ("AppliedOverlay", "Change", "CompiledIndicator", "CriteriaSet", "Criterion",
                  "Derivation", "Document", "EnumValue", "Grade", "HistoryDerivation",
                  "Indicator", "InputSpec", "Item", "Level", "Overlay", "Program",
                  "Recognition", "Source", "Text", "compile_criteria", "criteria_set_schema",
                  "validate_criteria"),
    "_documents": ("DuplicateKey", "RawDocument", "SourceMap", "YamlLimits", "load_yaml"),
    "_evidence": ("CodeCorrection", "Dataset", "RecordError", "Table", "evidence_schema",
                  "read_dataset", "read_evidence", "read_workbook", "rename_headers",
                  "template_sets", "write_template"),
    "_expressions": ("Function", "FunctionRegistry", "NotScalar"),
    "_history": ("AreaImpact", "History", "HistoryRun", "Impact", "Lost", "Review",
                 "ReviewReport", "Series", "SetSide", "SubjectChange", "TargetShift",
                 "YearFigure", "build_review_report", "impact", "open_history", "review"),
    "_plugins": ("get_plugin_manager",),
    "_report": ("AreaSummary", "CommuneList", "Figure", "LetterheadUsed", "ListEntry",
                "ModelRow", "ModelTable", "OverlayUsed", "Report", "SetRow", "SetUsed",
                "SourceNotice", "build_report", "write_html", "write_results", "write_xlsx"),
    "_rollup": ("AreaRollup", "CountedFigures", "DataQuality", "ModelFigures", "QualityIssue",
                "RateChange", "Rollup", "SetFigures", "ShareFigures", "TargetCheck",
                "TargetLike", "TargetsLike", "TextLike", "rollup"),
    "_runs": ("PartitionedEvaluation", "PartitionSummary", "evaluate_partitioned"),
    "_scoring": ("DatasetEvaluation", "Evaluation", "Evaluations", "Gap", "IndicatorResult",
                 "ModelEvaluations", "PastResults", "Provenance", "Routed", "evaluate",
                 "evaluate_dataset", "evaluate_routed"),
    "errors": ("ArgumentError", "CriteriaError", "EvidenceError", "HistoryError",
               "LearningModelsError", "PluginError", "Problem", "Span"),
}

_HOMES = {name: f"{PUBLIC}.{stage}" for stage, names in STAGES.items() for name in names}


def home(name: str) -> str | None:
    """The module that exports public ``name`` (``learning_models._scoring``), or None."""
    return _HOMES.get(name)


def publish_stage(namespace: Mapping[str, object]) -> None:
    """Publish the public names a stage's (or ``errors``') namespace exports."""
    stage = str(namespace["__name__"]).removeprefix(f"{PUBLIC}.")
    _publish_names(namespace, STAGES[stage])


def _publish_names(namespace: Mapping[str, object], names: Iterable[str]) -> None:
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
