"""National runs: partitioned evaluation, ids repeated across partitions, progress.
"""

from .partitioned import PartitionedEvaluation, evaluate_partitioned
from .progress import Progress

__all__ = [
    "PartitionedEvaluation",
    "Progress",
    "evaluate_partitioned",
]
