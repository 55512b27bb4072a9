"""National runs: partitioned evaluation, ids repeated across partitions, progress.
"""

from .partitioned import PartitionedEvaluation, PartitionSummary, evaluate_partitioned
from .progress import Progress

__all__ = [
    "PartitionSummary",
    "PartitionedEvaluation",
    "Progress",
    "evaluate_partitioned",
]
