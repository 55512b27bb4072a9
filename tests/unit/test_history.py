"""The history of results: append-only runs, the current run explicit, provenance, every
back end alike (a Parquet folder, SQLite, PostgreSQL), concurrent writers, schema versions.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from builders import MINI, load_text
from history_places import BACKENDS, history_place

import learning_models as lm
from learning_models._history import open_history

HOUSEHOLDS = [  # id, area, adults, adults_learning, corner, income
    ("HH-1", "X1", 2, 2, "yes", "stable"),
    ("HH-2", "X1", 2, 0, "no", "lower"),
    ("HH-3", "X2", 3, 1, "yes", "higher"),
]


def write_dataset(folder: Path, rows: list[tuple[object, ...]] = HOUSEHOLDS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["id,area,adults,adults_learning,corner,income",
             *(",".join(map(str, row)) for row in rows)]
    (folder / "family.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def evaluate(folder: Path, year: int = 2024) -> lm.DatasetEvaluation:
    return lm.evaluate_dataset(lm.read_dataset(folder), year=year,
                               sets={"family": load_text(MINI)})


@pytest.fixture(params=BACKENDS)
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from history_place(request.param, tmp_path)


@pytest.fixture
def evaluation(tmp_path: Path) -> lm.DatasetEvaluation:
    return evaluate(write_dataset(tmp_path / "data"))


def test_a_recorded_run_gives_back_every_subject_with_its_provenance(
        place: str, evaluation: lm.DatasetEvaluation) -> None:
    with open_history(place) as history:
        run = history.record(evaluation, note="lần đầu")
        rows = history.results()
    assert run.year == 2024 and run.subjects == 3 and run.note == "lần đầu"
    assert rows["subject"].to_list() == ["HH-1", "HH-2", "HH-3"]
    assert rows["status"].to_list() == ["recognised", "not_recognised", "recognised"]
    assert rows["area"].to_list() == ["X1", "X1", "X2"]
    results = evaluation.results["family"]
    assert set(rows["content_hash"]) == {results.provenance.content_hash}
    assert set(rows["criteria_set"]) == {"test/mini"}
    assert set(rows["run"]) == {run.id}
    assert rows["evidence_hash"].n_unique() == 3


def test_rerunning_a_year_adds_a_run_and_the_current_run_is_the_one_decided(
        place: str, tmp_path: Path, evaluation: lm.DatasetEvaluation) -> None:
    changed = [("HH-1", "X1", 2, 2, "yes", "stable"), ("HH-2", "X1", 2, 1, "no", "lower")]
    second_evaluation = evaluate(write_dataset(tmp_path / "again", changed))
    with open_history(place) as history:
        first = history.record(evaluation)
        second = history.record(second_evaluation)
        assert [r.id for r in history.runs()] == [first.id, second.id]
        assert history.current() == {2024: second}
        assert history.results()["status"].to_list() == ["recognised", "recognised"]
        # the first run is still there, unchanged
        assert history.results(runs=[first.id]).height == 3
        history.set_current(first.id)
        assert history.current() == {2024: first}
        assert history.results()["subject"].to_list() == ["HH-1", "HH-2", "HH-3"]


def test_a_run_recorded_without_being_made_current_leaves_the_current_run(
        place: str, evaluation: lm.DatasetEvaluation) -> None:
    with open_history(place) as history:
        first = history.record(evaluation)
        history.record(evaluation, current=False)
        assert history.current() == {2024: first}
        assert len(history.runs()) == 2


def test_the_evidence_hash_changes_with_the_record_and_only_with_it(
        tmp_path: Path, evaluation: lm.DatasetEvaluation) -> None:
    edited = [HOUSEHOLDS[0], ("HH-2", "X1", 2, 1, "no", "lower"), HOUSEHOLDS[2]]
    with open_history(tmp_path / "h") as history:
        before = history.results(runs=[history.record(evaluation).id])
        after = history.results(runs=[history.record(
            evaluate(write_dataset(tmp_path / "edited", edited))).id])
    same = before["evidence_hash"] == after["evidence_hash"]
    assert same.to_list() == [True, False, True]


def test_years_are_kept_apart_and_read_by_year(
        place: str, tmp_path: Path, evaluation: lm.DatasetEvaluation) -> None:
    with open_history(place) as history:
        history.record(evaluation)
        history.record(evaluate(tmp_path / "data", year=2025))
        assert history.years() == (2024, 2025)
        assert set(history.results(years=[2025])["year"]) == {2025}
        assert history.results().height == 6


def test_an_unknown_run_is_a_history_error_naming_the_place(place: str) -> None:
    with open_history(place) as history, pytest.raises(lm.HistoryError, match="no run 'x'"):
        history.set_current("x")


def _record_in(place: str, folder: str, note: str) -> None:
    with open_history(place) as history:
        history.record(evaluate(Path(folder)), note=note)


def _record_at_once(place: str, folder: Path) -> None:
    """Two processes record the same year's evaluation into `place` at the same time."""
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_record_in, args=(place, str(folder), f"writer {n}"))
               for n in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
        assert writer.exitcode == 0


def test_two_writers_of_the_same_year_at_once_are_both_recorded(
        place: str, tmp_path: Path) -> None:
    open_history(place).close()   # the schema first: what is tested is the writing
    _record_at_once(place, write_dataset(tmp_path / "data"))
    with open_history(place) as history:
        runs = history.runs()
        assert sorted(r.note for r in runs) == ["writer 0", "writer 1"]
        for run in runs:
            assert history.results(runs=[run.id]).height == 3
        assert history.current()[2024] in runs


def test_two_processes_creating_a_new_history_at_once_both_succeed(
        place: str, tmp_path: Path) -> None:
    _record_at_once(place, write_dataset(tmp_path / "data"))
    with open_history(place) as history:
        assert len(history.runs()) == 2


def test_a_folder_that_is_not_a_history_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(lm.HistoryError, match=r"not empty and has no history\.json") as caught:
        open_history(tmp_path)
    assert caught.value.text("vi") == f"{tmp_path}: thư mục đã có tệp nhưng không có " \
        "history.json; cần một thư mục lịch sử hoặc một thư mục mới"


def test_a_history_folder_of_a_newer_version_is_refused(tmp_path: Path) -> None:
    open_history(tmp_path / "h")
    (tmp_path / "h" / "history.json").write_text(
        json.dumps({"format": "learning-models/history", "version": 99}), encoding="utf-8")
    with pytest.raises(lm.HistoryError, match=r"version 99.*upgrade learning-models") as caught:
        open_history(tmp_path / "h")
    assert caught.value.text("vi") == f"{tmp_path / 'h' / 'history.json'}: lịch sử có phiên " \
        "bản 99, phần mềm này chỉ đọc đến phiên bản 2; hãy nâng cấp learning-models"


def test_results_of_no_run_are_an_empty_table_with_every_column(tmp_path: Path) -> None:
    rows = open_history(tmp_path / "h").results()
    assert rows.height == 0 and "evidence_hash" in rows.columns
    assert rows.schema["year"] == pl.Int64
