"""Scoring: evaluate records against a program, results with their explanation and gap
advice, and the dataset pipeline over every model.
"""

from .evaluator import evaluate
from .explain import word
from .outcome import Gap, IndicatorResult, Provenance
from .past import PastResults
from .pipeline import DatasetEvaluation, evaluate_dataset, gather_by_link, scored_table
from .results import Evaluation, Evaluations
from .score import outcome_pass, points_column

__all__ = [
    "DatasetEvaluation",
    "Evaluation",
    "Evaluations",
    "Gap",
    "IndicatorResult",
    "PastResults",
    "Provenance",
    "evaluate",
    "evaluate_dataset",
    "gather_by_link",
    "outcome_pass",
    "points_column",
    "scored_table",
    "word",
]
