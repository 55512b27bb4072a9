"""A history written before the runs kept their narrowed target figures (folder version 1,
SQL schema version 3): it still opens, is migrated, and its years' targets that name their
sets are measured on the model's figure, visibly; a run recorded after the migration is
measured as its annual report measured it.

The old history is the city's 2024 report recorded now, then taken back to the old layout
exactly (the target figures' table removed, the version set back).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa
from history_places import BACKENDS, history_place

import learning_models as lm
from learning_models._cli import main
from learning_models._history import open_history, review
from learning_models._history.folder import FOLDER_VERSION
from learning_models._history.sql import SCHEMA_VERSION, make_engine, schema_version

CITY = Path(__file__).parents[2] / "examples" / "bac-kan-city"


def _record_2024(place: str, out: Path) -> dict[str, object]:
    assert main(["report", str(CITY / "2024"), "--year", "2024", "--targets", "bac-kan-city",
                 "--out", str(out), "--format", "results", "--quiet",
                 "--history", place]) == 0
    rolled: dict[str, object] = json.loads((out / "rollup.json").read_text(encoding="utf-8"))
    return rolled


def _make_old(place: str) -> None:
    """Take the history back to the layout before target figures were kept."""
    if "://" not in place:
        shutil.rmtree(Path(place) / "target_figures")
        (Path(place) / "history.json").write_text(json.dumps(
            {"format": "learning-models/history", "version": 1}), encoding="utf-8")
        return
    engine = make_engine(place)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE lm_target_figures"))
        conn.execute(sa.text("UPDATE lm_meta SET value = '3' WHERE key = 'schema_version'"))
    engine.dispose()


def _migrated(place: str) -> bool:
    if "://" not in place:
        header = json.loads((Path(place) / "history.json").read_text(encoding="utf-8"))
        return bool(header["version"] == FOLDER_VERSION == 2)
    engine = make_engine(place)
    with engine.begin() as conn:
        done = schema_version(conn) == SCHEMA_VERSION == 4
    engine.dispose()
    return done


def _unit_2024(place: str) -> lm.Review:
    with open_history(place) as history:
        return review(history, "2021-2025", lm.load_targets("bac-kan-city"))


@pytest.fixture(params=BACKENDS)
def old_place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A history of each back end holding the city's 2024 run in the old layout."""
    for place in history_place(request.param, tmp_path):
        _record_2024(place, tmp_path / "r1")
        _make_old(place)
        yield place


@pytest.mark.slow
def test_an_old_history_is_migrated_and_says_its_target_is_on_the_models_figure(
        old_place: str, tmp_path: Path) -> None:
    with open_history(old_place) as history:
        (run,) = history.runs()
        assert history.target_figures().is_empty()
        assert history.results().height == run.subjects
    assert _migrated(old_place)
    point = _unit_2024(old_place).series_of("*", "unit").years[0]
    # the model's own figure, both unit sets: what the old run kept
    assert (point.measured_on, point.sets) == ("model", ())
    assert (point.recognised, point.denominator) == (57, 61)
    out = tmp_path / "old-review"
    assert main(["review", "--history", old_place, "--period", "2021-2025",
                 "--targets", "bac-kan-city", "--out", str(out)]) == 0
    page = (out / "danh-gia-2021-2025.html").read_text(encoding="utf-8")
    assert "lượt ghi của năm không lưu số liệu riêng của bộ tiêu chí vn/unit (ghi trước " \
           "khi lịch sử lưu, hoặc không theo chỉ tiêu này), chỉ tiêu tính trên số liệu chung " \
           "của mô hình: 57/61 (93,4%); cần thêm 1 đơn vị học tập để đạt 95%" in page
    assert "<td>số liệu chung của mô hình</td>" in page


@pytest.mark.slow
def test_a_run_recorded_after_the_migration_is_measured_as_its_annual_report(
        old_place: str, tmp_path: Path) -> None:
    rolled = _record_2024(old_place, tmp_path / "r2")
    with open_history(old_place) as history:
        old, new = history.runs()
        kept = history.target_figures(runs=[old.id, new.id])
        assert set(kept["run"].to_list()) == {new.id}
        whole = kept.filter(pl.col("code") == "*", pl.col("model") == "unit")
        assert whole.select("sets", "census", "recognised", "denominator").row(0) == \
            ("vn/2021-2025/unit", "units", 54, 58)
    (area,) = [a for a in rolled["areas"] if a["code"] == "*"]  # type: ignore[attr-defined]
    (target,) = [t for t in area["models"]["unit"]["targets"] if "counted" in t]
    point = _unit_2024(old_place).series_of("*", "unit").years[0]
    assert point.measured_on == "sets"
    assert (point.recognised, point.denominator, point.rate) == (
        target["counted"]["recognised"], target["counted"]["denominator"],
        target["counted"]["rate"])
