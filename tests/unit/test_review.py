"""The period review: the example city's 2024 and 2026 annual reports recorded into one
history (the 2025 reform between them), then reviewed — every figure of the review equals
the figure its annual report printed; the same with PostgreSQL; continuity of recognition.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
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
            figures = _measured_on(_area(printed, series.code)["models"][series.model])
            assert (point.recognised, point.denominator) == \
                (figures["recognised"], figures["denominator"])
            assert point.rate == figures["rate"]


def _measured_on(figures: dict[str, Any]) -> dict[str, Any]:
    """What the annual report measured the model's target on: the ``counted`` block of a
    target that names its sets, else the model's figure."""
    counted = [t["counted"] for t in figures["targets"] if "counted" in t]
    return counted[0] if counted else figures


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


# --- the review as a document: sơ kết / tổng kết, area, letterhead, review writers ----------


class _Milestones:
    def __init__(self, *years: int) -> None:
        self.milestones = {y: 0.9 for y in years}


class _Plan:
    def __init__(self, *years: int) -> None:
        self.targets = (_Milestones(*years),)


@pytest.mark.parametrize(("end", "last", "plan", "kind"), [
    (2025, 2024, (2025, 2030), "interim"),    # part way through a phase
    (2025, 2025, (2025, 2030), "interim"),    # a phase inside the plan: sơ kết
    (2030, 2026, (2025, 2030), "interim"),    # part way through the plan
    (2030, 2030, (2025, 2030), "final"),      # the plan's end reached: tổng kết
    (2025, 2025, None, "final"),              # no plan: the period is the whole
])
def test_a_review_is_final_only_when_the_figures_reach_the_end_of_the_plan(
        end: int, last: int, plan: tuple[int, ...] | None, kind: str) -> None:
    from learning_models._history.period_review import _kind

    assert _kind(end, last, None if plan is None else _Plan(*plan)) == kind  # type: ignore[arg-type]


@pytest.mark.slow
def test_the_review_document_is_about_the_targets_area_with_its_letterhead(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, _, _ = recorded
    targets = lm.load_targets("bac-kan-city")
    document = lm.build_review_report(_review(place, "2021-2025"), "vi", targets)
    assert (document.title, document.kind) == ("Báo cáo sơ kết giai đoạn 2021–2025", "sơ kết")
    assert (document.area, document.issuer) == ("Thành phố Bắc Kạn", "")
    assert document.letterhead is not None
    assert document.letterhead.issuer == "Hội Khuyến học\nthành phố Bắc Kạn"
    assert document.number(10549) == "10.549" and document.percent(0.925) == "92,5%"
    assert [m for m, _ in document.models] == ["family", "clan", "community", "unit", "citizen"]
    english = lm.build_review_report(_review(place, "2021-2025"), "en", targets)
    assert english.title == "Review of 2021–2025" and english.number(10549) == "10,549"


@pytest.mark.slow
def test_a_review_of_a_former_area_is_issued_by_the_body_that_holds_it_now(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, _, _ = recorded
    document = lm.build_review_report(_review(place, "2021-2030"), "vi",
                                      lm.load_targets("bac-kan-city"))
    assert document.area == "Thành phố Bắc Kạn (địa bàn cũ): Phường Đức Xuân, Phường Bắc Kạn"
    assert document.issuer == "Tỉnh Thái Nguyên" and document.letterhead is None
    assert document.notes and "01834 → 01840" in document.notes[0]


class _ReviewWriter:
    def __init__(self, name: str, *, fail: bool = False) -> None:
        self.name, self.fail = name, fail
        self.seen: list[lm.ReviewReport] = []

    def write(self, review: lm.ReviewReport, out_dir: Path) -> list[Path]:
        if self.fail:
            raise OSError("no room left on the device")
        self.seen.append(review)
        path = Path(out_dir) / f"review.{self.name}"
        path.write_text(review.title + "\n", encoding="utf-8")
        return [path]


def _review_cli(monkeypatch: pytest.MonkeyPatch, writer: _ReviewWriter) -> None:
    from learning_models import hookspecs
    from learning_models._cli import options as _cli_options
    from learning_models._plugins import get_plugin_manager

    class Writers:
        @hookspecs.hookimpl
        def learning_models_review_writers(self) -> list[object]:
            return [writer]

    monkeypatch.setattr(_cli_options, "get_plugin_manager", lambda entry_points=None:
                        get_plugin_manager(entry_points=False, plugins=[("txt", Writers())]))


@pytest.mark.slow
def test_the_review_command_writes_with_every_review_writer_and_names_the_files(
        recorded: tuple[str, dict[int, dict[str, Any]], Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    place, _, tmp = recorded
    writer = _ReviewWriter("txt")
    _review_cli(monkeypatch, writer)
    out = tmp / "with-writer"
    assert main(["review", "--history", place, "--period", "2021-2025", "--targets",
                 "bac-kan-city", "--out", str(out), "--recipient", "Đảng ủy phường Đức Xuân",
                 "--symbol", "BC-HKHP"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(str(out / "review.txt"))
    (seen,) = writer.seen
    assert seen.letterhead is not None
    assert seen.letterhead.recipients == ("Đảng ủy phường Đức Xuân",)
    assert (seen.letterhead.symbol, seen.letterhead.place) == ("BC-HKHP", "Bắc Kạn")


@pytest.mark.slow
def test_a_failing_review_writer_is_named_and_the_built_in_files_stay(
        recorded: tuple[str, dict[int, dict[str, Any]], Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    place, _, tmp = recorded
    _review_cli(monkeypatch, _ReviewWriter("txt", fail=True))
    out = tmp / "fragile"
    assert main(["review", "--history", place, "--period", "2021-2025",
                 "--out", str(out), "--lang", "en"]) == 3
    assert "plugin 'txt' failed writing the review with review writer 'txt': no room left " \
           "on the device" in capsys.readouterr().err
    assert (out / "danh-gia-2021-2025.xlsx").exists()
    assert main(["review", "--history", place, "--period", "2021-2025",
                 "--out", str(tmp / "fragile-vi")]) == 3
    assert "plugin 'txt' gặp lỗi khi ghi báo cáo sơ kết bằng bộ ghi báo cáo sơ kết 'txt': no " \
           "room left on the device" in capsys.readouterr().err


@pytest.mark.slow
def test_without_installed_plugins_the_review_is_the_page_the_workbook_and_the_json(
        recorded: tuple[str, dict[int, dict[str, Any]], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    place, _, tmp = recorded
    out = tmp / "no-plugins"
    assert main(["review", "--history", place, "--period", "2021-2025", "--targets",
                 "bac-kan-city", "--out", str(out), "--no-plugins"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "danh-gia-2021-2025.html", "danh-gia-2021-2025.xlsx", "review.json"]
    assert capsys.readouterr().out.count(str(out)) == 3


@pytest.mark.slow
@pytest.mark.parametrize("period", ["2021-2025", "2021-2030"])
def test_a_target_that_names_its_sets_is_measured_in_the_review_as_in_the_annual_report(
        recorded: tuple[str, dict[int, dict[str, Any]], Path], period: str) -> None:
    place, rollups, _ = recorded
    found = _review(place, period)
    checked = 0
    for series in found.series:
        for point in series.years:
            printed = [a for a in rollups[point.year]["areas"] if a["code"] == series.code
                       and a["level"] == series.level]
            if not printed or (point.year == 2024 and series.code in ("01840", "01843")):
                continue   # carried onto the new areas: summed, checked above
            targets = printed[0]["models"][series.model]["targets"]
            counted = [t for t in targets if "counted" in t]
            if not counted:
                assert point.measured_on is None
                continue
            (target,) = counted
            block = target["counted"]
            assert point.measured_on == "sets" and list(point.sets) == block["sets"]
            assert (point.recognised, point.denominator, point.denominator_kind,
                    point.rate) == (block["recognised"], block["denominator"],
                                    block["denominator_kind"], block["rate"])
            assert point.milestone == target["value"] and point.met == target["met"]
            checked += 1
    assert checked > 0
    whole = found.series_of("*", "unit")
    first = whole.years[0]
    assert (first.year, first.recognised, first.denominator) == (2024, 54, 58)
    if whole.goal_year == whole.years[-1].milestone_year:
        (target,) = [t for t in _area(rollups[whole.years[-1].year], "*")["models"]["unit"]
                     ["targets"] if "counted" in t]
        assert whole.gap == target["gap"]


@pytest.mark.slow
def test_the_review_says_in_the_annual_reports_words_what_the_unit_target_counts(
        recorded: tuple[str, dict[int, dict[str, Any]], Path]) -> None:
    place, rollups, tmp = recorded
    out = tmp / "narrowed"
    assert main(["review", "--history", place, "--period", "2021-2025", "--targets",
                 "bac-kan-city", "--out", str(out)]) == 0
    page = (out / "danh-gia-2021-2025.html").read_text(encoding="utf-8")
    (target,) = [t for t in _area(rollups[2024], "*")["models"]["unit"]["targets"]
                 if "counted" in t]
    assert target["sentence"]["vi"] in page
    assert "54/58 (93,1%); cần thêm 2 đơn vị học tập để đạt 95%" in page
    data = json.loads((out / "review.json").read_text(encoding="utf-8"))
    (unit,) = [s for s in data["series"] if s["code"] == "*" and s["model"] == "unit"]
    assert unit["target_sets"] == ["vn/unit"]
    assert unit["years"][0]["measured_on"] == "sets"
    assert unit["years"][0]["sets"] == ["vn/2021-2025/unit"]
    sheet = openpyxl.load_workbook(out / "danh-gia-2021-2025.xlsx")["Theo năm"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[:3] ==
            ("Toàn bộ dữ liệu", "Đơn vị học tập", 2024)]
    assert [r[3:5] + r[8:9] for r in rows] == [(54, 58, "vn/2021-2025/unit")]
