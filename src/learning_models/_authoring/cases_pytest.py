"""A pytest plugin: every case of a ``*.test.yaml`` file is a test item, named by the case.

``pytest criteria/`` (in this repository, whose ``conftest.py`` loads the plugin) or
``pytest -p learning_models._authoring.cases_pytest local/`` (anywhere the package is
installed) runs
the test cases of criteria sets with pytest: a failing case fails with the same text as
``learning-models test``, and a test file with problems fails as one item listing them.
Sets are looked up among the shipped sets and the sets in the test file's folder.

Only tests and authors import this module; the package itself never needs pytest.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .._catalog import Catalog
from ..errors import CriteriaError, Problem
from .cases import SUFFIXES, CaseFile, CaseResult, case_catalog, load_cases, run_case_file

__all__ = ["CaseFileCollector", "CaseItem", "pytest_collect_file"]

_CATALOGS = pytest.StashKey[dict[Path, Catalog]]()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(SUFFIXES):
        collector: CaseFileCollector = CaseFileCollector.from_parent(parent, path=file_path)
        return collector
    return None


class CaseFailed(Exception):
    """A case whose evaluation differs from what it expects (the message is the diff)."""


class CaseFileCollector(pytest.File):
    """The cases of one test file."""

    _case_file: CaseFile | None = None
    _results: list[CaseResult] | None = None

    def collect(self) -> Iterator[pytest.Item]:
        try:
            self._case_file = load_cases(self.path, catalog=self._catalog(),
                                         display_name=self._display())
        except CriteriaError as exc:
            yield ProblemsItem.from_parent(self, name="problems", problems=exc.problems)
            return
        for k, case in enumerate(self._case_file.cases):
            yield CaseItem.from_parent(self, name=case.name, index=k)

    def result(self, index: int) -> CaseResult:
        """The result of case `index`; the whole file runs on the first request."""
        if self._results is None:
            assert self._case_file is not None
            self._results = run_case_file(self._case_file)
        return self._results[index]

    def _display(self) -> str:
        try:
            return self.path.relative_to(self.config.rootpath).as_posix()
        except ValueError:
            return str(self.path)

    def _catalog(self) -> Catalog:
        catalogs = self.config.stash.setdefault(_CATALOGS, {})
        folder = self.path.parent
        if folder not in catalogs:
            catalogs[folder] = case_catalog([self.path])
        return catalogs[folder]


class CaseItem(pytest.Item):
    """One test case."""

    def __init__(self, *, index: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index

    def runtest(self) -> None:
        assert isinstance(self.parent, CaseFileCollector)
        result = self.parent.result(self.index)
        if not result.passed:
            raise CaseFailed(result.diff())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        assert isinstance(self.parent, CaseFileCollector)
        case_file = self.parent._case_file
        line = case_file.cases[self.index].line if case_file is not None else 1
        return self.path, line - 1, f"case: {self.name}"


class ProblemsItem(pytest.Item):
    """A test file that cannot be read: one failing item listing its problems."""

    def __init__(self, *, problems: tuple[Problem, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self) -> None:
        raise CaseFailed("\n".join(p.format() for p in self.problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, "test file problems"
