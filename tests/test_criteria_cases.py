"""Every case of every shipped ``*.test.yaml``, one test each: ``FILE::case name``.

A failing case fails with the same text as ``learning-models test``: the case's FILE:LINE,
one line per field that differs, and the explanation of the indicators concerned. A test file
that cannot be read fails as one test listing its problems. Without shipped test files (a
package that lost its ``criteria/`` folder) the module fails; it never skips.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from learning_models._authoring.cases import (
    CaseFile,
    CaseResult,
    find_case_files,
    load_cases,
    run_case_file,
)
from learning_models._catalog.catalog import Catalog, shipped_criteria_dir
from learning_models.errors import CriteriaError, Problem

SHIPPED = shipped_criteria_dir()
FILES = find_case_files([SHIPPED]) if SHIPPED.is_dir() else []


def _name(file: Path) -> str:
    return f"criteria/{file.relative_to(SHIPPED).as_posix()}"


@cache
def _catalog() -> Catalog:
    return Catalog.default()


def _load(file: Path) -> CaseFile | tuple[Problem, ...]:
    try:
        return load_cases(file, catalog=_catalog(), display_name=_name(file))
    except CriteriaError as exc:
        return exc.problems


LOADED = {file: _load(file) for file in FILES}


@cache
def _results(file: Path) -> list[CaseResult]:
    loaded = LOADED[file]
    assert isinstance(loaded, CaseFile)
    return run_case_file(loaded)


def _params() -> list[object]:
    if not FILES:  # one failing test, never an empty (skipped) parametrisation
        return [pytest.param(None, -1, id="<no shipped test files>")]
    params: list[object] = []
    for file, loaded in LOADED.items():
        if isinstance(loaded, CaseFile):
            params += [pytest.param(file, k, id=f"{_name(file)}::{case.name}")
                       for k, case in enumerate(loaded.cases)]
        else:
            params.append(pytest.param(file, -1, id=f"{_name(file)}::<problems>"))
    return params


@pytest.mark.parametrize(("file", "index"), _params())
def test_shipped_case(file: Path | None, index: int) -> None:
    if file is None:
        pytest.fail(f"no shipped test files (*.test.yaml) in {SHIPPED}", pytrace=False)
    loaded = LOADED[file]
    if not isinstance(loaded, CaseFile):
        pytest.fail("\n".join(p.format() for p in loaded), pytrace=False)
    result = _results(file)[index]
    if not result.passed:
        pytest.fail(result.diff(), pytrace=False)
