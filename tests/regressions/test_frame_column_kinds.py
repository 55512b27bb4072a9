"""Hardening (issue 18, case 8): Parquet files and Polars frames with column types the
typing does not read are located record errors, never Polars exceptions; a yes/no column of
integers 1/0 is read as in a CSV file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import learning_models as lm

FAMILY_SET = Path(__file__).parents[2] / "examples" / "family" / "family-set.yaml"
IDS = ["H1", "H2", "H3"]


def evaluate(frame: pl.DataFrame, how: str, tmp_path: Path,
             ) -> tuple[list[str], list[tuple[int, str | None, str]]]:
    errors: list[lm.RecordError] = []
    if how == "parquet":
        path = tmp_path / "households.parquet"
        frame.write_parquet(path)
        frame, errors = lm.read_evidence(path)
    results = lm.evaluate(lm.load_criteria(FAMILY_SET), frame, year=2024)
    every = [*errors, *results.errors]
    return [r.subject for r in results], [(e.row, e.field, e.message) for e in every]


HOW = pytest.mark.parametrize("how", ["frame", "parquet"])


@HOW
def test_an_enum_column_empty_in_every_row_is_read_as_no_values(how: str, tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": IDS, "adults": [2, 2, 2],
                          "income": pl.Series([None] * 3, dtype=pl.Null)})
    assert evaluate(frame, how, tmp_path) == (IDS, [])


@HOW
def test_a_yes_no_column_of_1_and_0_is_read_as_in_a_csv_file(how: str, tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": IDS, "study_corner": [1, 0, 2]})
    subjects, errors = evaluate(frame, how, tmp_path)
    assert subjects == ["H1", "H2"]
    assert [(row, field) for row, field, _ in errors] == [(3, "study_corner")]


@HOW
@pytest.mark.parametrize(("column", "word"), [
    (pl.Series("adults_learning", [[1], None, [3]]), "a list"),
    (pl.Series("adults_learning", [[1, 2], None, [3, 4]], dtype=pl.Array(pl.Int64, 2)),
     "an array"),
    (pl.Series("adults_learning", [dt.timedelta(1), None, dt.timedelta(2)]), "a duration"),
    (pl.Series("adults_learning", [{"x": 1}, None, {"x": 2}]), "a group of fields"),
], ids=["list", "array", "duration", "struct"])
def test_a_column_of_collections_rejects_the_records_with_a_value_in_it(
        how: str, tmp_path: Path, column: pl.Series, word: str) -> None:
    frame = pl.DataFrame({"id": IDS, "adults": [2, 2, 2]}).with_columns(column)
    subjects, errors = evaluate(frame, how, tmp_path)
    assert subjects == ["H2"]
    assert errors == [(1, "adults_learning", f"'adults_learning' must be a single value, found "
                                             f"{word}"),
                      (3, "adults_learning", f"'adults_learning' must be a single value, found "
                                             f"{word}")]


@HOW
def test_binary_text_that_is_not_utf8_rejects_its_record(how: str, tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": IDS, "name": pl.Series([b"\xff\xfe", "Hộ bà Oanh".encode(),
                                                        None], dtype=pl.Binary)})
    subjects, errors = evaluate(frame, how, tmp_path)
    assert subjects == ["H2", "H3"]
    assert errors == [(1, "name", "'name' is not UTF-8 text")]


def test_a_frame_of_python_objects_keeps_plain_values_and_rejects_others(
        tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": IDS, "adults": pl.Series([2, object(), "3"], dtype=pl.Object)})
    subjects, errors = evaluate(frame, "frame", tmp_path)
    assert subjects == ["H1", "H3"]
    assert errors == [(2, "adults", "'adults' must be a single value, found object")]


@HOW
def test_a_decimal_column_is_read_as_numbers(how: str, tmp_path: Path) -> None:
    frame = pl.DataFrame({"id": IDS, "adults": pl.Series([1, 2, 3], dtype=pl.Decimal(10, 2))})
    assert evaluate(frame, how, tmp_path) == (IDS, [])
