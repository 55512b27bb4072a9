"""Scoring: evaluate records against a program, results with their explanation and gap
advice, and the dataset pipeline over every model.
"""

from .evaluator import evaluate
from .explain import word
from .outcome import Gap, IndicatorResult, Provenance
from .pipeline import DatasetEvaluation, evaluate_dataset, gather_by_link, scored_table
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
    "Provenance",
    "Routed",
    "evaluate",
    "evaluate_dataset",
    "evaluate_routed",
    "gather_by_link",
    "outcome_pass",
    "points_column",
    "route",
    "scored_table",
    "word",
]
