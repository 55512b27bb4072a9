"""Numbers an official can sign: the example city, with one typo each in otherwise correct
data, gives truthful reports — no rate above 100 %, the damaged area kept and named in the
data-quality section, exit 1, the same figures for the untouched areas as before.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "bac-kan-city"
COMMUNES = ("01834", "01837", "01840", "01843", "01846", "01849", "01852", "01855")


def damaged(tmp_path: Path, year: str, file: str, old: str, new: str) -> Path:
    """A copy of the example's `year` with `old` (exactly once in `file`) replaced."""
    folder = tmp_path / year
    shutil.copytree(EXAMPLE / year, folder)
    text = (folder / file).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (folder / file).write_text(text.replace(old, new), encoding="utf-8")
    return folder


def rolled(folder: Path, year: int, previous: tuple[Path, int] | None = None) -> lm.Rollup:
    evaluation = lm.evaluate_dataset(lm.read_dataset(folder), year=year)
    earlier = [] if previous is None else \
        [lm.evaluate_dataset(lm.read_dataset(previous[0]), year=previous[1])]
    return lm.rollup(evaluation, lm.load_targets("bac-kan-city"), previous=earlier)


def rates(r: lm.Rollup) -> list[float]:
    return [f.rate for a in r.areas for f in (*a.models.values(), *a.shares.values())
            if f.rate is not None]


@pytest.fixture(scope="module")
def clean_2024() -> lm.Rollup:
    return rolled(EXAMPLE / "2024", 2024)


def test_an_unreadable_census_cell_keeps_the_commune_and_names_it(
        tmp_path: Path, clean_2024: lm.Rollup) -> None:
    folder = damaged(tmp_path, "2024", "areas.csv", "Xã Dương Quang,commune,058,820,",
                     "Xã Dương Quang,commune,058,8 20,")
    r = rolled(folder, 2024)
    assert {a.code for a in r.at_level("commune")} >= set(COMMUNES)
    assert all(rate <= 1 for rate in rates(r))
    # the commune keeps its records; its denominator is the sum over its villages
    family = r.area("01849").models["family"]
    assert family.subjects == clean_2024.area("01849").models["family"].subjects
    assert (family.denominator, family.denominator_kind) == (820, "area_total")
    [issue] = r.quality.issues
    assert (Path(issue.file or "").name, issue.line, issue.column, issue.kind) == \
        ("areas.csv", 79, "households", "area_total_unknown")
    assert "Xã Dương Quang (01849)" in issue.message.vi and "'8 20'" in issue.message.vi
    assert not r.quality.complete
    for code in set(COMMUNES) - {"01849"}:
        assert r.area(code).to_dict() == clean_2024.area(code).to_dict(), code


def test_a_census_total_with_a_thousands_dot_is_read_as_thousands(
        tmp_path: Path, clean_2024: lm.Rollup) -> None:
    folder = damaged(tmp_path, "2024", "areas.csv", "Minh Khai,commune,058,1750,",
                     "Minh Khai,commune,058,1.750,")
    r = rolled(folder, 2024)
    assert r.quality.issues == ()
    assert r.to_dict() == clean_2024.to_dict()


def test_more_records_than_the_area_total_is_a_data_problem_never_a_target_met(
        tmp_path: Path) -> None:
    folder = damaged(tmp_path, "2024", "areas.csv", "Xã Dương Quang,commune,058,820,8,11,",
                     "Xã Dương Quang,commune,058,820,8,2,")
    r = rolled(folder, 2024)
    community = r.area("01849").models["community"]
    assert (community.rate, community.targets, community.data_problem) == \
        (None, (), "over_total")
    assert all(rate <= 1 for rate in rates(r))
    assert any(i.kind == "over_total" and i.areas == ("01849",) for i in r.quality.issues)


def test_a_lost_leading_zero_in_the_crosswalk_is_corrected_with_a_warning(
        tmp_path: Path) -> None:
    folder = damaged(tmp_path, "2026", "crosswalk.csv", "\n01846,", "\n1846,")
    before = (EXAMPLE / "2024", 2024)
    r, clean = rolled(folder, 2026, before), rolled(EXAMPLE / "2026", 2026, before)
    [issue] = r.quality.issues
    assert (Path(issue.file or "").name, issue.line, issue.column, issue.severity) == \
        ("crosswalk.csv", 6, "old_code", "warning")
    assert "'01846'" in issue.message.vi
    assert r.quality.complete            # corrected: no figure changes
    assert r.to_dict()["areas"] == clean.to_dict()["areas"]


def test_a_crosswalk_code_that_names_no_area_is_an_error(tmp_path: Path) -> None:
    folder = damaged(tmp_path, "2026", "crosswalk.csv", "\n01846,", "\n09846,")
    r = rolled(folder, 2026, (EXAMPLE / "2024", 2024))
    [issue] = r.quality.issues
    assert (issue.kind, issue.line, issue.column, issue.record) == \
        ("crosswalk_rejected", 6, "old_code", "09846")
    assert not r.quality.complete
    assert all(rate <= 1 for rate in rates(r))
    assert all(c.rate is None or c.rate <= 1 for a in r.areas for f in a.models.values()
               for c in f.changes)


def test_the_report_of_an_area_a_reform_removed_stops_without_its_crosswalk(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    status = main(["report", str(EXAMPLE / "2026"), "--year", "2026", "--targets",
                   "bac-kan-city", "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert status == 3  # nothing could be produced (docs/errors.md)
    assert "Thành phố Bắc Kạn (mã 058)" in err and "--previous" in err
    assert not out.exists() or not any(out.iterdir())


def test_the_report_of_damaged_data_says_so_everywhere_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = damaged(tmp_path, "2024", "areas.csv", "Xã Dương Quang,commune,058,820,",
                     "Xã Dương Quang,commune,058,8 20,")
    out = tmp_path / "report"
    status = main(["report", str(folder), "--year", "2024", "--targets", "bac-kan-city",
                   "--out", str(out), "--quiet"])
    stdout, err = capsys.readouterr()
    assert status == 1
    assert "SỐ LIỆU CHƯA ĐẦY ĐỦ" in stdout.splitlines()[0]
    assert "Chất lượng số liệu" in err and "areas.csv:79 (households)" in err
    html = (out / "bao-cao-2024.html").read_text(encoding="utf-8")
    assert "Số liệu chưa đầy đủ" in html and "Xã Dương Quang (01849)" in html
    # the figures the unreadable total touches are marked where they are shown
    assert "⚠ số liệu chưa đầy đủ (xem mục Chất lượng số liệu)" in html
    assert "⚠" in next(line for line in stdout.splitlines() if "Gia đình học tập" in line)
    assert "⚠" not in next(line for line in stdout.splitlines() if "Dòng họ học tập" in line)
    quality = json.loads((out / "rollup.json").read_text(encoding="utf-8"))["data_quality"]
    assert quality["complete"] is False and quality["issues"][0]["line"] == 79
    strict = tmp_path / "strict"
    assert main(["report", str(folder), "--year", "2024", "--targets", "bac-kan-city",
                 "--out", str(strict), "--quiet", "--strict"]) == 1
    assert "--strict" in capsys.readouterr().err
    assert not strict.exists() or not any(strict.iterdir())


def test_a_dataset_model_file_is_evaluated_on_its_own(
        capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["evaluate", "--model", "family", "--year", "2024", "--input",
                   str(EXAMPLE / "2024" / "family.csv"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0 and data["errors"] == []
    first = data["evaluations"][0]
    assert (first["community"], first["clan"]) == ("0183401", "DH-01834-NGUYEN")


def test_a_record_with_an_area_is_accepted_and_keeps_it() -> None:
    family = lm.load_criteria(Path(__file__).parents[2] / "criteria" / "vn" / "2021-2025"
                              / "family.yaml")
    results = lm.evaluate(family, [{"id": "H1", "area": "01834", "community": "0183401",
                                    "school_age_children": 1, "children_in_school": 1}],
                          year=2024)
    assert results.errors == ()
    assert results[0].to_dict()["area"] == "01834"
    assert results.to_frame()["community"].to_list() == ["0183401"]


def test_area_codes_that_lost_their_leading_zero_are_corrected_naming_the_cell(
        tmp_path: Path, clean_2024: lm.Rollup) -> None:
    folder = damaged(tmp_path, "2024", "areas.csv", "\n01849,Xã Dương Quang",
                     "\n1849,Xã Dương Quang")
    unit = (folder / "unit.csv").read_text(encoding="utf-8")
    (folder / "unit.csv").write_text(unit.replace("UBND-01849,Ủy ban nhân dân xã Dương Quang,"
                                                  "01849,", "UBND-01849,Ủy ban nhân dân xã "
                                                  "Dương Quang,1849,"), encoding="utf-8")
    r = rolled(folder, 2024)
    places = {(Path(i.file or "").name, i.line, i.column, i.record, i.severity)
              for i in r.quality.issues}
    assert places == {("areas.csv", 79, "code", "1849", "warning"),
                      ("unit.csv", 33, "area", "1849", "warning")}
    assert r.quality.complete
    assert r.to_dict()["areas"] == clean_2024.to_dict()["areas"]


def test_the_national_table_publishes_no_rate_above_its_area_total(tmp_path: Path) -> None:
    from learning_models._rollup import area_closure, count_by_area, rollup_table
    from learning_models._rollup.areas import evaluation_hierarchy

    folder = damaged(tmp_path, "2024", "areas.csv", "Xã Dương Quang,commune,058,820,8,11,",
                     "Xã Dương Quang,commune,058,820,8,2,")
    evaluation = lm.evaluate_dataset(lm.read_dataset(folder), year=2024)
    areas = evaluation_hierarchy(evaluation)
    counts = count_by_area(evaluation, areas, area_closure(areas))
    table = rollup_table(2024, lm.load_targets("bac-kan-city"), areas, counts)
    row = table.filter((table["code"] == "01849") & (table["measure"] == "community")).row(
        0, named=True)
    assert (row["subjects"], row["area_total"], row["rate"], row["met"]) == (11, 2, None, None)
    assert table["rate"].drop_nulls().max() <= 1
