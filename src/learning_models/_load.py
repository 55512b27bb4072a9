"""Load a criteria-set file: read (YAML with positions) → validate → compile.

`load_criteria` runs every stage eagerly so that every problem in a file surfaces when it
is loaded, never later at evaluation time.
"""

from __future__ import annotations

import os

from ._compile import compile_criteria
from ._model import CriteriaSet
from ._validate import validate_criteria
from ._yaml import load_yaml

__all__ = ["load_criteria"]


def load_criteria(path: str | os.PathLike[str], *, display_name: str | None = None,
                  ) -> CriteriaSet:
    """Load, validate and compile the criteria set in `path`.

    Raises `CriteriaError` with every problem found, each as FILE:LINE:COLUMN.
    """
    spec = validate_criteria(load_yaml(path, display_name=display_name))
    compile_criteria(spec)
    return spec
