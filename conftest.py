"""Lets ``pytest criteria/`` (or any folder) run the test cases of ``*.test.yaml`` files."""

pytest_plugins = ["learning_models._authoring.cases_pytest"]
