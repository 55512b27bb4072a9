"""Shared pytest configuration.

Test-case files (``*.test.yaml``) are collected by the plugin
`learning_models._authoring.cases_pytest`: each case is an item named by the case. It is
loaded here for the test suite, and by the repository's top-level ``conftest.py`` for
``pytest criteria/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# One hypothesis profile for the whole suite, chosen by HYPOTHESIS_PROFILE:
# - ``ci`` (the default): the same examples on every run (derandomized: a failure seen in
#   CI is seen again locally), no example database, and the blob to reproduce a failure
#   printed with it;
# - ``dev``: random examples, many more of them, remembered between runs.
# A test whose every example is costly (a whole dataset per example) lowers its own budget.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large,
          HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=60, derandomize=True, database=None,
                          deadline=None, print_blob=True, suppress_health_check=_QUIET)
settings.register_profile("dev", max_examples=500, deadline=None, print_blob=True,
                          suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files (``--update-goldens``)."""
    return bool(request.config.getoption("--update-goldens"))


CASES_PLUGIN = "learning_models._authoring.cases_pytest"


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin(CASES_PLUGIN):
        config.pluginmanager.import_plugin(CASES_PLUGIN)


# --- small criteria sets written to a folder (test cases, targets, catalogue commands) ------

SMALL_FAMILY = """\
format: learning-models/criteria-set/1
id: test/2021-2025/family
model: family
period: 2021-2025
title: {vi: Gia đình học tập thử, en: Test learning family}
source: {document: Bộ tiêu chí thử, verified: true}
inputs:
  adults: {type: integer, minimum: 0, maximum: 30}
  adults_learning: {type: integer, minimum: 0, maximum: 30}
  corner: {type: boolean}
  income: {type: enum, values: [lower, stable, higher]}
derived:
  learning_share: ratio(adults_learning, adults)
criteria:
  - id: C1
    title: {vi: Học tập, en: Learning}
    indicators:
      - id: C1.1
        title: {vi: Người lớn học tập, en: Adults learn}
        points: 40
        mandatory: true
        levels:
          - {when: learning_share >= 1, points: 40}
          - {when: learning_share >= 0.5, points: 20}
      - id: C1.2
        title: {vi: Góc học tập, en: Study corner}
        points: 30
        when: corner
  - id: C2
    title: {vi: Đời sống, en: Living}
    indicators:
      - id: C2.1
        title: {vi: Thu nhập ổn định, en: Stable income}
        points: 30
        when: income in ['stable', 'higher']
        source: {verified: false, note: a reconstruction}
recognition:
  pass: total >= 70 and mandatory_met
  grades:
    - {id: good, title: {vi: Tốt, en: Good}, min: 90}
    - {id: fair, title: {vi: Khá, en: Fair}, min: 70}
"""

#: The 2026–2030 set: extends the 2021–2025 one and adds a digital-skills indicator.
SMALL_FAMILY_NEXT = """\
format: learning-models/criteria-set/1
id: test/2026-2030/family
extends: test/2021-2025/family
period: 2026-2030
title: {vi: Gia đình học tập thử 2026–2030, en: Test learning family 2026–2030}
source: {verified: false, note: the revised test set}
add:
  inputs:
    digital: {type: boolean}
  indicators:
    - criterion: C2
      id: C2.2
      title: {vi: Kỹ năng số, en: Digital skills}
      points: 10
      when: digital
"""


@pytest.fixture
def small_sets(tmp_path: Path) -> Path:
    """A folder with two small family sets (2021–2025, and 2026–2030 extending it)."""
    folder = tmp_path / "sets"
    folder.mkdir()
    (folder / "family.yaml").write_text(SMALL_FAMILY, encoding="utf-8")
    (folder / "family-next.yaml").write_text(SMALL_FAMILY_NEXT, encoding="utf-8")
    return folder
