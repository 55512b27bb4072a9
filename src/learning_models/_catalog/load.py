"""Load a criteria-set file: read (YAML with positions) → validate → resolve → compile.

`load_criteria` runs every stage eagerly so that every problem in a file surfaces when it
is loaded, never later at evaluation time. A set that ``extends`` another is resolved
against the shipped sets and the sets beside it (the file itself taking precedence).
"""

from __future__ import annotations

import os
from pathlib import Path

from .._criteria import CriteriaSet, check_document, program_of, validate_criteria
from .._documents import check_path, load_yaml
from .catalog import Catalog

__all__ = ["load_criteria"]


def load_criteria(path: str | os.PathLike[str], *, display_name: str | None = None,
                  catalog: Catalog | None = None) -> CriteriaSet:
    """Load, validate, resolve and compile the criteria set in `path`.

    With `catalog`, the set is resolved through it (the file taking precedence over a set
    with the same id), so the catalogue's overlays and functions apply. Raises
    `CriteriaError` with every problem found, each as FILE:LINE:COLUMN.
    """
    check_path(path, "path")
    raw = load_yaml(path, display_name=display_name)
    check_document(raw)
    if catalog is None:
        if "extends" not in raw.data:
            spec = validate_criteria(raw)
            program_of(spec)   # every problem surfaces when the file is loaded
            return spec
        catalog = Catalog.default([Path(path).parent])
    # Through the catalogue: its base (extends), its overlays and its plugins' functions.
    catalog.add_documents([raw])
    return catalog.get(raw.data["id"])
