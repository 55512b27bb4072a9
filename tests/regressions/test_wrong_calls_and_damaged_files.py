"""Hardening (issue 18, cases 9 and 10): a damaged workbook part and wrong arguments to the
Python API are documented errors, never a `zlib.error`, `KeyError` or `AttributeError`."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import learning_models as lm
from learning_models.errors import ArgumentError

ROOT = Path(__file__).parents[2]
FAMILY = ROOT / "examples" / "family"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mau.xlsx"
    lm.write_template(path, lm.template_sets(lm.Catalog.default(), 2024), year=2024)
    return path


def damaged(workbook: Path, part: str, out: Path) -> Path:
    """`workbook` with the compressed bytes of `part` scrambled (its local header kept)."""
    info = zipfile.ZipFile(workbook).getinfo(part)
    data = bytearray(workbook.read_bytes())
    at = info.header_offset
    start = at + 30 + int.from_bytes(data[at + 26:at + 28], "little") \
        + int.from_bytes(data[at + 28:at + 30], "little")
    for k in range(start + 2, start + min(info.compress_size, 40)):
        data[k] ^= 0x5A
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                  "xl/sharedStrings.xml", "xl/styles.xml"])
def test_a_workbook_with_a_damaged_part_is_refused_with_its_reason(
        workbook: Path, tmp_path: Path, part: str) -> None:
    path = damaged(workbook, part, tmp_path / "hong.xlsx")
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_workbook(path)
    [problem] = caught.value.problems
    assert problem.code == "unreadable-evidence"
    assert "'" + str(path) + "'" in problem.message


def _evaluation() -> lm.Evaluation:
    results = lm.evaluate(lm.load_criteria(FAMILY / "family-set.yaml"),
                          [{"id": "A", "adults": 1}], year=2024)
    return results[0]


SET = FAMILY / "family-set.yaml"
WRONG_CALLS: dict[str, tuple[Callable[[], Any], str]] = {
    "explain in French": (lambda: _evaluation().explain(lang="fr"),  # type: ignore[arg-type]
                          "lang must be 'vi' or 'en', not 'fr'"),
    "a LazyFrame for records": (
        lambda: lm.evaluate(lm.load_criteria(SET), pl.DataFrame({"id": ["A"]}).lazy(),
                            year=2024),  # type: ignore[arg-type]
        "not a LazyFrame; collect it first"),
    "a path for records": (lambda: lm.evaluate(lm.load_criteria(SET), str(SET)),
                           "not a path (str); read a file with read_evidence"),
    "one record, not a list": (lambda: lm.evaluate(lm.load_criteria(SET), {"id": "A"}),
                               "put one record in a list"),
    "a path for the criteria": (lambda: lm.evaluate(str(SET), [{"id": "A"}]),  # type: ignore[arg-type]
                                "criteria must be CriteriaSet or Program, not str"),
    "a number for a path": (lambda: lm.load_criteria(5),  # type: ignore[arg-type]
                            "path must be a path (str or os.PathLike), not int"),
    "a folder name for a dataset": (lambda: lm.evaluate_dataset("data", year=2024),  # type: ignore[arg-type]
                                    "dataset must be Dataset, not str"),
    "evaluations where a dataset's are expected": (
        lambda: lm.rollup(lm.evaluate(lm.load_criteria(SET), [{"id": "A"}])),  # type: ignore[arg-type]
        "evaluation must be DatasetEvaluation, not Evaluations"),
    "a report in German": (lambda: lm.build_report(None, None, lang="de"),  # type: ignore[arg-type]
                           "lang must be 'vi' or 'en', not 'de'"),
}


@pytest.mark.parametrize("name", WRONG_CALLS)
def test_a_wrong_argument_is_an_argument_error_naming_it(name: str) -> None:
    call, message = WRONG_CALLS[name]
    with pytest.raises(ArgumentError, match="^.*" + message.replace("(", r"\(")
                       .replace(")", r"\)")) as caught:
        call()
    assert isinstance(caught.value, lm.LearningModelsError)
    assert isinstance(caught.value, TypeError)  # what Python code expects of a wrong call
