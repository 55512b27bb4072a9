"""Scoring: evaluate records against a program, results with their explanation and gap
advice, and the dataset pipeline over every model.
"""

from .evaluator import evaluate
from .explain import word
from .outcome import Gap, IndicatorResult, Provenance
from .output_schema import results_schema
from .past import PastResults
from .pipeline import (
    DatasetEvaluation,
    check_evaluation,
    evaluate_dataset,
    gather_by_link,
    scored_table,
)
from .results import CARRIED, Evaluation, Evaluations
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
    "check_evaluation",
    "evaluate",
    "evaluate_dataset",
    "gather_by_link",
    "outcome_pass",
    "points_column",
    "results_schema",
    "scored_table",
    "word",
]
