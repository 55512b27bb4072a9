"""Golden error messages: what a user sees for broken criteria files and bad evidence.

Each ``criteria/NAME.yaml`` is broken on purpose; ``criteria/NAME.expected`` is the exact
standard error of ``learning-models validate NAME.yaml --lang en``, ``NAME.vi.expected``
the same in Vietnamese (the default). ``evidence/`` holds the standard
error and the JSON output of evaluating the example households with errors. A change to a
message shows up here as a diff; to accept it on purpose, run
``pytest tests/golden --update-goldens`` and review the changed files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main

HERE = Path(__file__).parent
CRITERIA = HERE / "criteria"
EVIDENCE = HERE / "evidence"
EXAMPLES = HERE.parents[1] / "examples" / "family"
BROKEN = sorted(p.name for p in CRITERIA.glob("*.yaml"))


def check(expected_file: Path, actual: str, update: bool) -> None:
    if update:
        expected_file.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert expected_file.exists(), f"no {expected_file.name}: run pytest with --update-goldens"
    assert actual == expected_file.read_text(encoding="utf-8")


def test_the_golden_folder_has_a_case_per_main_code() -> None:
    assert len(BROKEN) >= 12
    assert sorted(p.name for p in CRITERIA.glob("*.expected")) == sorted(
        name.removesuffix(".yaml") + suffix for name in BROKEN
        for suffix in (".expected", ".vi.expected"))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", BROKEN)
def test_validate_reports_a_broken_set_exactly(name: str, lang: str, update_goldens: bool,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # Vietnamese by default (NAME.vi.expected), English with --lang en (NAME.expected)
    monkeypatch.chdir(CRITERIA)
    asked = ["--lang", "en"] if lang == "en" else []
    status = main(["validate", name, *asked])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.endswith("0 of 1 criteria sets valid\n" if lang == "en"
                        else "0/1 bộ tiêu chí hợp lệ\n")
    assert f"[{name.removesuffix('.yaml')}]" in err  # the case shows the code it is named for
    golden = name.replace(".yaml", ".expected" if lang == "en" else ".vi.expected")
    check(CRITERIA / golden, err, update_goldens)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_evaluate_reports_the_example_errors_exactly(lang: str, update_goldens: bool,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Vietnamese by default (households-with-errors.*), English with --lang en (*.en.*)
    monkeypatch.chdir(EXAMPLES)
    asked = ["--lang", "en"] if lang == "en" else []
    status = main(["evaluate", "--criteria", "family-set.yaml", "--input",
                   "households-with-errors.csv", "--year", "2024", "--format", "json", *asked])
    out, err = capsys.readouterr()
    assert status == 1
    engine = f"learning-models {lm.__version__}"
    assert engine in out
    out = out.replace(engine, "learning-models <version>")  # stable across releases
    name = "households-with-errors" + (".en" if lang == "en" else "")
    check(EVIDENCE / f"{name}.stderr", err, update_goldens)
    check(EVIDENCE / f"{name}.json", out, update_goldens)
