"""Scoring: evaluate records against a program, results with their explanation and gap
advice, and the dataset pipeline over every model.
"""

from .._publish import publish_stage
from .evaluator import evaluate
from .explain import word
from .outcome import Gap, IndicatorResult, Provenance
from .output_schema import results_schema
from .past import PastResults
from .pieces import evaluate_pieces
from .pipeline import (
    DatasetEvaluation,
    GivenSets,
    check_evaluation,
    evaluate_dataset,
    gather_by_link,
    scored_table,
)
from .results import CARRIED, Evaluation, Evaluations
from .route import Routed, evaluate_routed, route
from .score import GRADE_BEST, GRADE_WORST, outcome_pass, points_column
from .variants import SET_COLUMN, ModelEvaluations, parts_of, set_counts

__all__ = [
    "CARRIED",
    "GRADE_BEST",
    "GRADE_WORST",
    "SET_COLUMN",
    "DatasetEvaluation",
    "Evaluation",
    "Evaluations",
    "Gap",
    "GivenSets",
    "IndicatorResult",
    "ModelEvaluations",
    "PastResults",
    "Provenance",
    "Routed",
    "check_evaluation",
    "evaluate",
    "evaluate_dataset",
    "evaluate_pieces",
    "evaluate_routed",
    "gather_by_link",
    "outcome_pass",
    "parts_of",
    "points_column",
    "results_schema",
    "route",
    "scored_table",
    "set_counts",
    "word",
]

publish_stage(globals())
