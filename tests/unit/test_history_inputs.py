"""Inputs derived from earlier years (``from: {history: …}``): a set with a "recognised
three years in a row" indicator evaluated over a history, at its boundaries — two years,
three years, a gap, a missing year, a subject that did not exist — and the other forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import MINI, load_text, mini

import learning_models as lm
from learning_models._history import open_history

STREAK_INPUT = ("  streak: {type: integer, minimum: 0,\n"
                "           from: {history: recognised, count: consecutive_years, limit: 3}}\n"
                "  since: {type: integer, from: {history: recognised_since}}\n"
                "  last_status: {type: string, from: {history: status}}\n")
THREE_IN_A_ROW = mini("  corner: {type: boolean}\n",
                      "  corner: {type: boolean}\n" + STREAK_INPUT).replace(
    "recognition:\n  pass: total >= 5",
    "      - id: C1.2\n"
    "        title: {vi: Ba năm liền được công nhận, en: Recognised three years in a row}\n"
    "        points: 10\n"
    "        when: streak >= 3\n"
    "recognition:\n  pass: total >= 15")

#: adults_learning per household and year: 1 → recognised under MINI, 0 → not recognised.
YEARS = {
    2022: {"TWO": 0, "THREE": 1, "GAP": 1, "NEVER": 0},
    2023: {"TWO": 1, "THREE": 1, "GAP": 0, "NEVER": 0},
    2024: {"TWO": 1, "THREE": 1, "GAP": 1, "NEVER": 0},
}


def _data(folder: Path, learning: dict[str, int], extra: str = "") -> Path:
    folder.mkdir(parents=True)
    header = "id,area,adults,adults_learning,corner,income" + extra
    lines = [header, *(f"{hh},X1,2,{n},yes,stable" + ("," if extra else "")
                       for hh, n in learning.items())]
    (folder / "family.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _history(tmp: Path, years: dict[int, dict[str, int]]) -> lm.History:
    history = open_history(tmp / "h")
    for year, learning in years.items():
        data = _data(tmp / str(year), learning)
        history.record(lm.evaluate_dataset(lm.read_dataset(data), year=year,
                                           sets={"family": load_text(MINI)}))
    return history


def _evaluate_2025(tmp: Path, history: lm.History, households: list[str],
                   ) -> lm.Evaluations:
    data = _data(tmp / "2025", dict.fromkeys(households, 1))
    evaluation = lm.evaluate_dataset(lm.read_dataset(data), year=2025, past=history,
                                     sets={"family": load_text(THREE_IN_A_ROW)})
    return evaluation.results["family"]


@pytest.fixture
def results(tmp_path: Path) -> lm.Evaluations:
    return _evaluate_2025(tmp_path, _history(tmp_path, YEARS),
                          ["TWO", "THREE", "GAP", "NEVER", "NEW"])


def _inputs(results: lm.Evaluations, subject: str) -> dict[str, object]:
    (indicator,) = [i for i in results.get(subject).indicators if i.indicator == "C1.2"]
    return dict(indicator.inputs)


def test_three_years_in_a_row_meets_the_indicator(results: lm.Evaluations) -> None:
    assert _inputs(results, "THREE") == {"streak": 3}
    assert results.get("THREE").status == "recognised"


def test_two_years_in_a_row_do_not(results: lm.Evaluations) -> None:
    assert _inputs(results, "TWO") == {"streak": 2}
    assert results.get("TWO").status == "not_recognised"


def test_a_gap_ends_the_streak(results: lm.Evaluations) -> None:
    assert _inputs(results, "GAP") == {"streak": 1}
    assert results.get("GAP").status == "not_recognised"


def test_a_subject_absent_from_recorded_years_did_not_exist_then(
        results: lm.Evaluations) -> None:
    assert _inputs(results, "NEW") == {"streak": 0}
    assert results.get("NEW").status == "not_recognised"


def test_a_missing_year_leaves_the_streak_unknown_not_false(tmp_path: Path) -> None:
    history = _history(tmp_path, {2022: YEARS[2022], 2024: YEARS[2024]})   # no 2023
    found = _evaluate_2025(tmp_path, history, ["THREE", "NEVER"])
    assert _inputs(found, "THREE") == {"streak": None}
    assert found.get("THREE").status == "incomplete"
    (c12,) = [i for i in found.get("THREE").indicators if i.indicator == "C1.2"]
    assert c12.status == "missing"
    assert found.get("THREE").input_sources["streak"] == \
        "history: 2024 recognised, 2023 not recorded"
    # a year without recognition before the missing one settles it
    assert _inputs(found, "NEVER") == {"streak": 0}


def test_explanations_say_which_earlier_results_were_read(results: lm.Evaluations) -> None:
    assert results.get("TWO").input_sources["streak"] == \
        "history: 2024 recognised, 2023 recognised, 2022 not_recognised"
    assert results.get("THREE").input_sources["streak"] == \
        "history: 2024 recognised, 2023 recognised, 2022 recognised"


def test_recognised_since_and_last_years_status(results: lm.Evaluations) -> None:
    frame = results.scored.select("id", "since", "last_status")
    values = {r[0]: r[1:] for r in frame.iter_rows()}
    assert values["TWO"] == (2023, "recognised")
    assert values["GAP"] == (2024, "recognised")
    assert values["NEVER"] == (2025, "not_recognised")
    assert values["NEW"] == (2025, "absent")
    assert values["THREE"] == (None, "recognised")   # recognised since before the history


def test_without_a_history_the_data_give_the_value(tmp_path: Path) -> None:
    data = _data(tmp_path / "2025", {"A": 1}, extra=",streak")
    (data / "family.csv").write_text(
        "id,area,adults,adults_learning,corner,income,streak\nA,X1,2,1,yes,stable,3\n",
        encoding="utf-8")
    evaluation = lm.evaluate_dataset(lm.read_dataset(data), year=2025,
                                     sets={"family": load_text(THREE_IN_A_ROW)})
    result = evaluation.results["family"].get("A")
    assert result.status == "recognised" and result.input_sources["streak"] == "data"


def test_the_explanation_says_which_earlier_results_were_read(tmp_path: Path) -> None:
    history = _history(tmp_path, {2022: YEARS[2022], 2024: YEARS[2024]})   # no 2023
    found = _evaluate_2025(tmp_path, history, ["THREE"]).get("THREE")
    assert "      kết quả các năm trước (streak): 2024 đạt, 2023 chưa ghi nhận\n" in \
        found.explain("vi")
    assert "      earlier results (streak): 2024 met, 2023 not recorded\n" in found.explain("en")
