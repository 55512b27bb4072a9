"""The built-in criteria, readers and writers, registered like any plugin.

Nothing here runs at import: each hook is called by the plugin manager when needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ._catalog import shipped_criteria_dir
from ._dataset import Dataset, read_dataset
from .hookspecs import EvidenceReader, hookimpl

__all__ = ["BUILTIN_PLUGINS"]


class FolderReader:
    """A dataset folder: one file per model, plus areas and crosswalk."""

    name = "folder"
    suffixes: tuple[str, ...] = ()

    def read(self, path: Path) -> Dataset:
        return read_dataset(path)


class _Criteria:
    @hookimpl
    def learning_models_criteria_sources(self) -> Sequence[Path]:
        return [shipped_criteria_dir()]


class _Readers:
    @hookimpl
    def learning_models_evidence_readers(self) -> Sequence[EvidenceReader]:
        return [FolderReader()]


BUILTIN_PLUGINS: tuple[tuple[str, object], ...] = (
    ("builtin-criteria", _Criteria()),
    ("builtin-readers", _Readers()),
)
