"""Hook specifications: how plugins extend learning-models.

Plugins are found through the entry-point group ``learning_models`` (pluggy project name
``learning_models``) and implement any of the hooks below with ``@hookimpl``::

    from learning_models.hookspecs import hookimpl

    @hookimpl
    def learning_models_overlays():
        return [Overlay.from_yaml(Path(__file__).parent / "overlay.yaml")]

Hooks are grouped by stage, in the order of the data flow: criteria (sources, overlays,
functions), evidence (readers), reports (writers of the annual report and of the period
review), results (after evaluation). Every hook is
called with keyword arguments; what a hook returns is checked where it is used, and a bad
return is a `PluginError` naming the plugin. No hook may change what it is given. The
built-in readers, writers and shipped criteria are registered the same way, as plugins
named ``builtin-*``; nothing runs at import time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pluggy

from ._criteria import Overlay
from ._evidence import Dataset
from ._expressions import Function
from ._history import ReviewReport
from ._report import Report
from ._scoring import DatasetEvaluation, Evaluations

__all__ = [
    "PROJECT",
    "EvidenceReader",
    "ReportWriter",
    "ReviewWriter",
    "hookimpl",
    "hookspec",
    "learning_models_after_evaluation",
    "learning_models_criteria_sources",
    "learning_models_evidence_readers",
    "learning_models_functions",
    "learning_models_overlays",
    "learning_models_report_writers",
    "learning_models_review_writers",
]

PROJECT = "learning_models"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@runtime_checkable
class EvidenceReader(Protocol):
    """Reads one kind of evidence file or folder into a `Dataset`."""

    name: str                          # unique, e.g. "xlsx"
    suffixes: tuple[str, ...]          # e.g. (".xlsx",); () for folders

    def read(self, path: Path) -> Dataset: ...


@runtime_checkable
class ReportWriter(Protocol):
    """Writes a report in one format; returns the files it wrote.

    The `Report` is plain, frozen data (``docs/hooks.md`` shows it): every text already in
    the report's language. A writer must not try to change it."""

    name: str                          # unique, e.g. "docx"

    def write(self, report: Report, out_dir: Path) -> Sequence[Path]: ...


@runtime_checkable
class ReviewWriter(Protocol):
    """Writes a period review (sơ kết / tổng kết) in one format; returns the files it wrote.

    The `ReviewReport` is plain, frozen data: the texts already in the review's language,
    the figures those of its `Review` (the web page and the workbook show the same). A
    writer must not try to change it."""

    name: str                          # unique among review writers, e.g. "docx"

    def write(self, review: ReviewReport, out_dir: Path) -> Sequence[Path]: ...


# --- criteria -------------------------------------------------------------------------

@hookspec
def learning_models_criteria_sources() -> Sequence[str | os.PathLike[str] | Mapping[str, Any]]:
    """Add criteria sets to the catalogue (local criteria).

    Called once when a catalogue is built with plugins.
    :returns: directories (searched for criteria-set files like the shipped ones) and/or
        in-memory set documents (mappings in the criteria-set format). Each plugin's sets form
        one catalogue layer after the shipped sets; a set that extends a shipped set of an
        overlapping period supersedes it for those years.
    """
    raise NotImplementedError  # a specification: pluggy never calls this body


@hookspec
def learning_models_overlays() -> Sequence[Overlay]:
    """Offer overlays: named changes (add / replace / remove) to a resolved set.

    Called once when a catalogue is built with plugins. An overlay applies only when asked for
    by name (``--overlay NAME``, ``Catalog.default(overlays=[...])``), so installing a plugin
    never changes national results silently; every evaluation under an overlaid set records
    the overlays in its provenance.
    :returns: `Overlay` objects with unique names.
    """
    raise NotImplementedError


@hookspec
def learning_models_functions() -> Sequence[Function]:
    """Register expression functions for criteria sets.

    Called once when a catalogue is built with plugins.
    :returns: `Function` objects: a name not already taken, parameter and result types, and
        a column-wise implementation building a Polars expression from Polars expressions;
        optionally (``scalar=``) the same function for one row's Python values, so that a
        few subjects are scored without a Polars query (it raises `NotScalar` for a value
        it cannot compute as the column-wise form does).
    """
    raise NotImplementedError


# --- evidence -------------------------------------------------------------------------

@hookspec
def learning_models_evidence_readers() -> Sequence[EvidenceReader]:
    """Register readers of evidence formats (a file or folder → a `Dataset`).

    Called when a command needs to read evidence.
    :returns: readers with unique ``name`` and the ``suffixes`` they read.
    """
    raise NotImplementedError


# --- reports --------------------------------------------------------------------------

@hookspec
def learning_models_report_writers() -> Sequence[ReportWriter]:
    """Register report formats.

    Called when a command writes a report.
    :returns: writers, each with a unique ``name`` (e.g. ``"docx"``); a writer must not
        change the report it is given.
    """
    raise NotImplementedError


@hookspec
def learning_models_review_writers() -> Sequence[ReviewWriter]:
    """Register formats of the period review (``learning-models review``).

    Called when the ``review`` command writes a review: every review writer registered
    writes, after the built-in web page, workbook and JSON.
    :returns: writers, each with a unique ``name`` (e.g. ``"docx"``); a writer must not
        change the review it is given.
    """
    raise NotImplementedError


# --- results --------------------------------------------------------------------------

@hookspec
def learning_models_after_evaluation(evaluation: DatasetEvaluation | Evaluations) -> None:
    """Be told about finished evaluations (e.g. to store or forward them).

    Called after a command has evaluated evidence, once per run, with the frozen results.
    :param evaluation: the results; do not change them.
    """


#: Every hook name, for checks that the documentation and the manager agree.
HOOK_NAMES: tuple[str, ...] = tuple(
    name for name, value in list(globals().items())
    if name.startswith("learning_models_") and isinstance(value, Callable)  # type: ignore[arg-type]
)
