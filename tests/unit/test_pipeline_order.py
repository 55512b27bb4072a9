"""The order of the records never changes an evaluation.

Relations are resolved, related records counted and subjects placed in areas faster when
records come grouped by what they name (a household's people one after the other, as the
Bắc Kạn example and most registry exports have them); the same records in any other order
must give the same links, counts, areas and decisions. (Only duplicate ids depend on the
order: the first record keeps its id.)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

from learning_models._evidence.dataset import Dataset, read_dataset
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset
from learning_models._scoring.pipeline import _dense as dense
from learning_models._scoring.pipeline import _lookup as lookup

EXAMPLE = Path(__file__).parents[2] / "examples" / "bac-kan-city"
SHOWN = ("id", "area", "total", "status", "grade", "households", "learning_families",
         "learning_citizens", "staff", "staff_learning_citizens")


def reordered(dataset: Dataset, how: str) -> Dataset:
    """Every table's records shuffled, or in reverse (each keeps its row and line)."""
    tables = {}
    for model, table in dataset.tables.items():
        frame = table.frame
        frame = frame.sample(fraction=1.0, shuffle=True, seed=7) if how == "shuffled" \
            else frame.reverse()
        tables[model] = replace(table, frame=frame)
    return replace(dataset, tables=tables)


def results(evaluation: DatasetEvaluation) -> dict[str, pl.DataFrame]:
    out = {}
    for model, evaluations in evaluation.results.items():
        frame = evaluations.scored
        out[model] = frame.select(c for c in SHOWN if c in frame.columns).sort("id")
    return out


@pytest.mark.parametrize("how", ["shuffled", "reversed"])
def test_records_in_any_order_give_the_same_results(how: str) -> None:
    dataset = read_dataset(EXAMPLE / "2024")
    grouped = evaluate_dataset(dataset, year=2024)
    other = evaluate_dataset(reordered(dataset, how), year=2024)
    assert results(other).keys() == results(grouped).keys()
    for model, frame in results(grouped).items():
        assert results(other)[model].equals(frame), model
    assert not grouped.errors and not other.errors


def test_a_run_of_values_is_looked_up_once_and_nulls_name_nothing() -> None:
    ids = pl.DataFrame({"_key": ["a", "b", "c"],
                        "_at": pl.Series([0, 1, 2], dtype=pl.UInt32)})
    values = pl.Series([None, None, *"aaaa", "x", "x", *"cccc", None, *"bbb"],
                       dtype=pl.String)
    expected = [None, None, 0, 0, 0, 0, None, None, 2, 2, 2, 2, None, 1, 1, 1]
    assert lookup(values, ids).to_list() == expected
    assert lookup(values.reverse(), ids).to_list() == expected[::-1]
    assert lookup(pl.Series([], dtype=pl.String), ids).to_list() == []


@pytest.mark.parametrize("links", [[0, 0, 2, 2, 2, None, 3], [2, None, 0, 3, 2, 0, 2], []])
def test_positions_are_counted_in_any_order(links: list[int | None]) -> None:
    counts = dense(pl.Series("_link", links, dtype=pl.UInt32), 5).to_list()
    assert counts == [links.count(k) for k in range(5)]


def test_a_citizen_without_a_household_takes_the_area_of_their_unit() -> None:
    dataset = read_dataset(EXAMPLE / "2024")
    citizens = dataset.tables["citizen"]
    staff = pl.col("unit").is_not_null() & (pl.int_range(pl.len()) % 3 == 0)
    frame = citizens.frame.with_columns(pl.when(staff).then(None).otherwise(pl.col("family"))
                                        .alias("family"))
    evaluation = evaluate_dataset(replace(dataset, tables={
        **dataset.tables, "citizen": replace(citizens, frame=frame)}), year=2024)
    area = {m: dict(evaluation.results[m].scored.select("id", "area").iter_rows())
            for m in ("citizen", "family", "unit")}
    placed = frame.select("id", "family", "unit").iter_rows()
    homeless = 0
    for ident, family, unit in placed:
        expected = area["family"][family] if family is not None else area["unit"][unit]
        homeless += family is None
        assert expected is not None
        assert area["citizen"][ident] == expected
    assert homeless > 100
