"""Lets ``pytest criteria/`` (or any folder) run the test cases of ``*.test.yaml`` files, and
gives every test folder (the plugins' too) the option ``--update-goldens``."""

from __future__ import annotations

import pytest

pytest_plugins = ["learning_models._authoring.cases_pytest"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected output of the golden tests from the current output",
    )
