"""The period review's continuity: subjects recognised every year, subjects that lost
recognition, a period with no recorded year."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import MINI, load_text

import learning_models as lm
from learning_models._history import open_history, review


def _record(history: lm.History, tmp: Path, year: int, learning: dict[str, int]) -> None:
    folder = tmp / str(year)
    folder.mkdir()
    lines = ["id,area,adults,adults_learning,corner,income",
             *(f"{hh},X1,2,{n},yes,stable" for hh, n in learning.items())]
    (folder / "family.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    evaluation = lm.evaluate_dataset(lm.read_dataset(folder), year=year,
                                     sets={"family": load_text(MINI)})
    history.record(evaluation)


def test_kept_and_lost_recognition_over_three_years(tmp_path: Path) -> None:
    with open_history(tmp_path / "h") as history:
        _record(history, tmp_path, 2022, {"A": 1, "B": 1, "C": 0})
        _record(history, tmp_path, 2023, {"A": 1, "B": 0, "C": 1})
        _record(history, tmp_path, 2024, {"A": 1, "B": 1, "C": 0})
        found = review(history, "2021-2025")
    assert found.years == (2022, 2023, 2024)
    assert found.every_year == {"family": 1}
    assert [(x.subject, x.recognised_in, x.lost_in) for x in found.lost] == \
        [("B", 2022, 2023), ("C", 2023, 2024)]
    series = found.series_of("*", "family")
    assert [p.recognised for p in series.years] == [2, 2, 2]
    assert series.goal is None and series.gap is None


def test_a_period_without_a_recorded_year_is_a_history_error(tmp_path: Path) -> None:
    with open_history(tmp_path / "h") as history:
        _record(history, tmp_path, 2024, {"A": 1})
        with pytest.raises(lm.HistoryError, match=r"no year of 2026-2030 is recorded "
                                                  r"\(years: 2024\)"):
            review(history, "2026-2030")
