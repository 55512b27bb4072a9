"""The period review: the example city's 2024 and 2026 annual reports recorded into one
history (the 2025 reform between them), then reviewed — every figure of the review equals
the figure its annual report printed; the same with PostgreSQL; continuity of recognition.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from history_places import history_place

import learning_models as lm
from learning_models._cli import main
from learning_models._history import open_history, review

CITY = Path(__file__).parents[2] / "examples" / "bac-kan-city"


@pytest.fixture(scope="module", params=["folder", "postgresql"])
def recorded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
             ) -> Iterator[tuple[str, dict[int, dict[str, Any]], Path]]:
    """The history PLACE with 2024 and 2026 recorded by ``report --history``, each year's
    rollup.json, and a scratch folder."""
    tmp = tmp_path_factory.mktemp("review")
    for place in history_place(request.param, tmp):
        rollups = {}
        for year in (2024, 2026):
            out = tmp / f"r{year}"
            # 2026: the city's former area needs the 2024 area list to be followed
            earlier = ["--previous", str(CITY / "2024"), "--previous-year", "2024"] \
                if year == 2026 else []
            assert main(["report", str(CITY / str(year)), "--year", str(year), "--targets",
                         "bac-kan-city", "--out", str(out), "--format", "results", "--quiet",
                         "--history", place, *earlier]) == 0
            rollups[year] = json.loads((out / "rollup.json").read_text(encoding="utf-8"))
        yield place, rollups, tmp


def _review(place: str, period: str) -> lm.Review:
    with open_history(place) as history:
        return review(history, period, lm.load_targets("bac-kan-city"))


def _area(rolled: dict[str, Any], code: str) -> dict[str, Any]:
    (area,) = [a for a in rolled["areas"] if a["code"] == code]
    return area


@pytest.mark.slow
def test_the_review_of_both_years_shows_the_annual_reports_figures(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, rollups, _ = recorded
    found = _review(place, "2021-2030")
    assert found.years == (2024, 2026)
    for series in found.series:
        for point in series.years:
            printed = rollups[point.year]
            if series.code != "*" and not any(a["code"] == series.code and
                                              a["level"] == series.level
                                              for a in printed["areas"]):
                continue   # an area of the new list: checked below, summed
            if point.year == 2024 and series.code in ("01840", "01843"):
                continue   # the codes the reform reused: carried, checked below
            figures = _area(printed, series.code)["models"][series.model]
            assert (point.recognised, point.denominator) == \
                (figures["recognised"], figures["denominator"])
            assert point.rate == figures["rate"]


@pytest.mark.slow
def test_the_2024_communes_are_carried_onto_the_wards_they_became(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, rollups, _ = recorded
    found = _review(place, "2021-2030")
    became = {"01840": ("01834", "01840", "01852", "01855"),
              "01843": ("01837", "01843", "01846", "01849")}
    for ward, communes in became.items():
        point = found.series_of(ward, "family").years[0]
        old = [_area(rollups[2024], c)["models"]["family"] for c in communes]
        assert point.year == 2024
        assert point.recognised == sum(f["recognised"] for f in old)
        assert point.denominator == sum(f["denominator"] for f in old)


@pytest.mark.slow
def test_the_review_of_2021_2025_has_2024_only_against_the_2025_milestone(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, rollups, _ = recorded
    found = _review(place, "2021-2025")
    series = found.series_of("*", "family")
    (point,) = series.years
    printed = _area(rollups[2024], "*")["models"]["family"]
    (target,) = printed["targets"]
    assert point.milestone == target["value"] and point.met == target["met"]
    assert series.goal_year == 2025 and series.gap == target["gap"]
    assert series.reached_in == (2024 if target["met"] else None)


@pytest.mark.slow
def test_the_review_command_writes_the_page_the_workbook_and_the_json(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, _, tmp = recorded
    out = tmp / "so-ket"
    assert main(["review", "--history", place, "--period", "2021-2025", "--targets",
                 "bac-kan-city", "--out", str(out)]) == 0
    page = (out / "danh-gia-2021-2025.html").read_text(encoding="utf-8")
    assert "Báo cáo sơ kết giai đoạn 2021–2025" in page and "<polyline" in page
    assert (out / "danh-gia-2021-2025.xlsx").stat().st_size > 0
    data = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert data["years"] == [2024]


@pytest.mark.slow
def test_the_review_says_which_former_areas_it_carried(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, _, _ = recorded
    found = _review(place, "2021-2030")
    assert (2024, "01834", "01840") in found.carried
    assert all(year == 2024 for year, _, _ in found.carried)
