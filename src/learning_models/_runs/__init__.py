"""National runs: partitioned evaluation, ids repeated across partitions, progress.
"""

from .._publish import publish_stage
from .partitioned import PartitionedEvaluation, PartitionSummary, evaluate_partitioned
from .progress import Progress

__all__ = [
    "PartitionSummary",
    "PartitionedEvaluation",
    "Progress",
    "evaluate_partitioned",
]

publish_stage(globals())
