"""Scoring: evaluate records against a program, results with their explanation and gap
advice, and the dataset pipeline over every model.
"""

from .evaluator import evaluate
from .explain import word
from .outcome import Gap, IndicatorResult, Provenance
from .output_schema import results_schema
from .past import PastResults
from .pieces import evaluate_pieces
from .pipeline import (
    DatasetEvaluation,
    check_evaluation,
    evaluate_dataset,
    gather_by_link,
    scored_table,
)
from .results import CARRIED, Evaluation, Evaluations
from .route import Routed, evaluate_routed, route
from .score import GRADE_BEST, GRADE_WORST, outcome_pass, points_column

__all__ = [
    "CARRIED",
    "GRADE_BEST",
    "GRADE_WORST",
    "DatasetEvaluation",
    "Evaluation",
    "Evaluations",
    "Gap",
    "IndicatorResult",
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
    "points_column",
    "results_schema",
    "route",
    "scored_table",
    "word",
]
