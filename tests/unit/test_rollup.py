"""Roll-ups by area, checked by hand on the small dataset of `report_data`.

2026: Thái Nguyên (19) → Đức Xuân 01840 (10 households, 2 clans, 2 communities, 2 units),
Bắc Kạn 01843 (4 households, 1 unit), 08000 (6 households); villages V1, V2 (01840), V3 (01843).
Families: F1 (V1, clan D1) ✓, F2 (V1) ✗, F3 (V2) ✓, F4 (V3) ✓, F5 (V3) incomplete, F6 (08000)
✓, F7 (V3) rejected. Clans D1 ✓, D2 ✗ (01840). Communities V1 ✓, V2 ✗, V3 ✓. Units U1 ✓
(01840), U2 ✗ (01843). Citizens: C1 (F1, worker) ✓, C2 (F1, worker) ✗, C3 (F2, worker) ✓,
C4 (F3, not a worker) ✓, C5 (F4, worker) ✓, C6 (F6, worker) ✗, C7 (U1) ✓, C8 (U1) ✗,
C9 (U2) ✓, C10 (F3) rejected.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from report_data import CITY, DATA, evaluate

import learning_models as lm
from learning_models._rollup.build import Rollup, format_percent, gap_sentence, rollup


@pytest.fixture(scope="module")
def current() -> Rollup:
    return rollup(evaluate(2026), CITY, previous=[evaluate(2024)])


def figures(r: Rollup, code: str, model: str) -> tuple[object, ...]:
    f = r.area(code).models[model]
    return (f.subjects, f.evaluated, f.recognised, f.not_recognised, f.incomplete, f.rejected,
            f.denominator, f.denominator_kind, f.rate)


# --- areas and counts ---------------------------------------------------------------------


def test_every_level_is_rolled_up_top_first(current: Rollup) -> None:
    assert [(a.level, a.code) for a in current.areas] == [
        ("all", "*"), ("province", "19"), ("commune", "01840"), ("commune", "01843"),
        ("commune", "08000"), ("village", "V1"), ("village", "V2"), ("village", "V3")]
    assert current.area("V3").name == "Tổ dân phố Nà Cưởm"
    assert current.area("V3").parent == "01843"
    assert [a.code for a in current.at_level("commune")] == ["01840", "01843", "08000"]


def test_families_over_the_area_total_when_the_area_list_gives_it(current: Rollup) -> None:
    # subjects, evaluated, recognised, not recognised, incomplete, rejected, denominator
    assert figures(current, "01840", "family") == (3, 3, 2, 1, 0, 0, 10, "area_total", 0.2)
    # F7 was rejected; it points at V3, so it counts in V3 and 01843
    assert figures(current, "01843", "family") == (3, 2, 1, 0, 1, 1, 4, "area_total", 0.25)
    assert figures(current, "08000", "family") == (1, 1, 1, 0, 0, 0, 6, "area_total", 1 / 6)


def test_a_higher_area_sums_its_childrens_totals_when_every_child_has_one(
        current: Rollup) -> None:
    assert figures(current, "19", "family") == (7, 6, 4, 1, 1, 1, 20, "area_total", 0.2)
    assert current.area("19").models["family"].area_total == 20
    assert figures(current, "*", "family") == (7, 6, 4, 1, 1, 1, 20, "area_total", 0.2)


def test_otherwise_the_denominator_is_the_subjects_in_the_data_and_says_so(
        current: Rollup) -> None:
    # 01840 gives 2 clans; 01843 and 08000 give none, so the province counts its records
    assert figures(current, "01840", "clan") == (2, 2, 1, 1, 0, 0, 2, "area_total", 0.5)
    assert figures(current, "19", "clan") == (2, 2, 1, 1, 0, 0, 2, "subjects", 0.5)
    assert current.area("19").models["clan"].area_total is None
    assert figures(current, "01843", "community") == (1, 1, 1, 0, 0, 0, 1, "subjects", 1.0)
    # a village is a community subject: its families are counted, over the records
    assert figures(current, "V1", "family") == (2, 2, 1, 1, 0, 0, 2, "subjects", 0.5)
    assert figures(current, "V3", "family") == (3, 2, 1, 0, 1, 1, 3, "subjects", 1 / 3)


def test_rejected_citizens_count_where_the_family_they_name_is(current: Rollup) -> None:
    # C10 names F3 (V2, 01840); C7, C8 belong to U1 (01840) only; C9 to U2 (01843)
    assert figures(current, "01840", "citizen") == (7, 6, 4, 2, 0, 1, 7, "subjects", 4 / 7)
    assert figures(current, "V2", "citizen") == (2, 1, 1, 0, 0, 1, 2, "subjects", 0.5)
    assert figures(current, "01843", "citizen") == (2, 2, 2, 0, 0, 0, 2, "subjects", 1.0)
    assert "unit" not in current.area("08000").models  # no unit, no total: nothing to say


def test_an_area_with_a_total_and_no_subjects_still_shows_its_rate(tmp_path: Path) -> None:
    folder = tmp_path / "2026"
    shutil.copytree(DATA / "2026", folder)
    families = pl.read_csv(folder / "family.csv", infer_schema=False)
    families.filter(pl.col("id") != "F6").write_csv(folder / "family.csv")
    r = rollup(evaluate(2026, folder), CITY)
    assert figures(r, "08000", "family") == (0, 0, 0, 0, 0, 0, 6, "area_total", 0.0)
    assert r.area("08000").models["family"].targets[0].gap == 6    # ceil(0.95 × 6)


# --- learning-citizen shares --------------------------------------------------------------


def test_workers_in_learning_families_clans_and_communities(current: Rollup) -> None:
    # workers whose family, or its clan or community, is recognised: C1, C2 (F1 ✓),
    # C3 (F2 ✗ but V1 ✓), C5 (F4 ✓), C6 (F6 ✓) — C4 is not a worker; of them C1, C3, C5
    share = current.area("*").shares["citizens_in_learning_households"]
    assert (share.citizens, share.learning, share.rate) == (5, 3, 0.6)
    assert share.basis == ("family", "clan", "community")
    assert share.denominator_kind == "subjects"
    by_area = {code: (s.citizens, s.learning) for code in ("01840", "01843", "08000", "V1")
               if (s := current.area(code).shares.get("citizens_in_learning_households"))}
    assert by_area == {"01840": (3, 2), "01843": (1, 1), "08000": (1, 0), "V1": (3, 2)}


def test_without_a_worker_column_every_citizen_counts(tmp_path: Path) -> None:
    folder = tmp_path / "2026"
    shutil.copytree(DATA / "2026", folder)
    citizens = pl.read_csv(folder / "citizen.csv", infer_schema=False).drop("worker")
    citizens.write_csv(folder / "citizen.csv")
    share = rollup(evaluate(2026, folder)).area("*").shares["citizens_in_learning_households"]
    assert (share.citizens, share.learning) == (6, 4)     # C4 (F3 ✓) now counts, recognised


def test_staff_of_learning_units_count_in_the_units_area(current: Rollup) -> None:
    # U1 ✓: C7 ✓, C8 ✗; U2 is not recognised, so C9 does not count
    share = current.area("01840").shares["citizens_in_learning_units"]
    assert (share.citizens, share.learning, share.rate, share.basis) == (2, 1, 0.5, ("unit",))
    assert "citizens_in_learning_units" not in current.area("01843").shares


# --- targets and gaps ---------------------------------------------------------------------


def test_the_gap_is_ceil_of_target_times_denominator_less_recognised(current: Rollup) -> None:
    check = current.area("01840").models["family"].targets[0]
    # 2026 → the 2030 milestone, 95%: ceil(0.95 × 10) − 2 = 8
    assert (check.target, check.milestone_year, check.value, check.required, check.gap,
            check.met) == ("families", 2030, 0.95, 10, 8, False)
    assert check.sentence.vi == "cần thêm 8 gia đình học tập để đạt 95%"
    assert check.sentence.en == "needs 8 more learning families to reach 95%"
    village = current.area("V1").models["family"].targets[0]
    assert village.sentence.en == "needs 1 more learning family to reach 95%"
    met = current.area("V2").models["family"].targets[0]
    assert (met.gap, met.met, met.sentence.vi, met.sentence.en) == (
        0, True, "đã đạt chỉ tiêu 95%", "target of 95% reached")


def test_the_milestone_is_the_nearest_year_on_or_after_the_evaluation_year() -> None:
    r = rollup(evaluate(2024, DATA / "2026"), CITY)
    check = r.area("01840").models["family"].targets[0]
    assert (check.milestone_year, check.value, check.gap) == (2025, 0.9, 7)
    assert check.sentence.vi == "cần thêm 7 gia đình học tập để đạt 90%"
    assert check.sentence.en == "needs 7 more learning families to reach 90%"


def test_share_targets_and_what_the_data_cannot_measure(current: Rollup) -> None:
    households = current.area("*").shares["citizens_in_learning_households"].targets[0]
    assert (households.value, households.required, households.gap) == (0.75, 4, 1)
    assert households.sentence.vi == "cần thêm 1 công dân học tập để đạt 75%"
    units = current.area("*").shares["citizens_in_learning_units"].targets[0]
    assert (units.value, units.required, units.gap) == (0.9, 2, 1)
    assert [t for t, _ in current.unmeasured] == ["centre-managers"]
    assert current.area("*").models["citizen"].targets == ()


def test_exact_arithmetic_no_float_surprises() -> None:
    # 0.55 × 100 is 55.000000000000007 in floating point; the plan means 55
    assert gap_sentence(55 - 40, 0.55, "family").vi == "cần thêm 15 gia đình học tập để đạt 55%"
    r = rollup(evaluate(2026))
    assert r.targets_id is None and r.area("01840").models["family"].targets == ()


def test_percentages_are_written_the_vietnamese_way() -> None:
    assert format_percent(0.555, "vi") == "55,5%"
    assert format_percent(0.555, "en") == "55.5%"
    assert format_percent(0.9, "vi") == "90%"
    assert format_percent(2 / 3, "vi") == "66,7%"


def test_targets_need_a_year() -> None:
    evaluation = dataclasses.replace(evaluate(2026), year=None)
    with pytest.raises(lm.LearningModelsError, match="year"):
        rollup(evaluation, CITY)


# --- year on year, across the 2025 merger -------------------------------------------------


def test_an_earlier_year_is_rolled_up_onto_the_new_wards(current: Rollup) -> None:
    # 2024: 01834 (5 households: P1 ✓, P2 ✗) and 01837 (5: P3 ✗) became 01840 → 1 of 10
    change = current.area("01840").models["family"].changes[0]
    assert (change.year, change.recognised, change.denominator, change.denominator_kind,
            change.rate, change.recognised_change, change.rate_change) == (
        2024, 1, 10, "area_total", 0.1, 1, 10.0)
    change = current.area("01843").models["family"].changes[0]
    assert (change.recognised, change.denominator, change.rate, change.rate_change) == (
        0, 4, 0.0, 25.0)


def test_rates_over_different_denominators_are_not_compared(current: Rollup) -> None:
    # 08000 had no data in 2024, so in 2024 the province counts its 4 records
    change = current.area("19").models["family"].changes[0]
    assert (change.recognised, change.denominator, change.denominator_kind, change.rate) == (
        1, 4, "subjects", 0.25)
    assert change.rate_change is None
    assert change.recognised_change == 3
    new = current.area("08000").models["family"].changes[0]
    assert (new.recognised, new.denominator, new.rate, new.rate_change) == (0, 0, None, None)


def test_models_the_earlier_year_lacks_have_no_change(current: Rollup) -> None:
    assert current.area("01840").models["clan"].changes == ()
    assert current.area("01840").shares["citizens_in_learning_households"].changes == ()
    assert current.previous_years == (2024,)


def test_the_crosswalk_applies_only_to_years_before_it() -> None:
    # the same old codes, claimed to be 2025 data: the July 2025 crosswalk no longer applies
    r = rollup(evaluate(2026), CITY, previous=[evaluate(2025, DATA / "2024")])
    change = r.area("01840").models["family"].changes[0]
    assert (change.year, change.recognised, change.denominator, change.rate) == (
        2025, 0, 0, None)
    assert r.area("*").models["family"].changes[0].recognised == 1   # P1 is still counted


def test_an_old_code_split_over_two_new_areas_is_not_compared_and_said_so() -> None:
    before = evaluate(2024)
    walk = pl.DataFrame({"old_code": ["01834", "01834", "01837"],
                         "new_code": ["01840", "01843", "01840"],
                         "since": ["2025-07-01"] * 3})
    before = dataclasses.replace(before,
                                 dataset=dataclasses.replace(before.dataset, crosswalk=walk))
    r = rollup(evaluate(2026), previous=[before])
    change = r.area("01840").models["family"].changes[0]
    assert (change.recognised, change.denominator, change.denominator_kind) == (
        0, 1, "subjects")      # only P3 (01837); P1, P2 of the split 01834 are left out
    assert any("01834" in note.vi and "01834" in note.en for note in r.notes)


# --- without an area list; output ---------------------------------------------------------


def test_without_an_area_list_the_subjects_communes_are_the_areas(tmp_path: Path) -> None:
    folder = tmp_path / "2026"
    shutil.copytree(DATA / "2026", folder)
    (folder / "areas.csv").unlink()
    r = rollup(evaluate(2026, folder), CITY)
    assert [(a.level, a.code) for a in r.areas if a.level != "village"] == [
        ("all", "*"), ("commune", "01840"), ("commune", "01843"), ("commune", "08000")]
    assert figures(r, "01840", "family") == (3, 3, 2, 1, 0, 0, 3, "subjects", 2 / 3)
    assert figures(r, "*", "family")[6:8] == (7, "subjects")


def test_to_dict_is_json_ready_sorted_and_deterministic(current: Rollup) -> None:
    again = rollup(evaluate(2026), CITY, previous=[evaluate(2024)])
    assert current.to_json() == again.to_json()
    data = json.loads(current.to_json())
    assert data["year"] == 2026 and data["targets"] == "test/city"
    assert [a["code"] for a in data["areas"]][:3] == ["*", "19", "01840"]
    family = data["areas"][2]["models"]["family"]
    assert family["denominator_kind"] == "area_total"
    assert family["targets"][0]["sentence"]["vi"] == "cần thêm 8 gia đình học tập để đạt 95%"
    assert list(data["areas"][2]["models"]) == sorted(data["areas"][2]["models"])


def test_rollup_is_public() -> None:
    assert lm.rollup is rollup
    assert "rollup" in lm.__all__


def test_the_shipped_city_targets_apply_when_available() -> None:
    targets_module = pytest.importorskip("learning_models._catalog.targets",
                                         reason="the targets loader is not available")
    targets = targets_module.load_targets("bac-kan-city")
    r = rollup(evaluate(2026), targets)
    check = r.area("01840").models["family"].targets[0]
    assert (check.milestone_year, check.value, check.gap) == (2030, 0.95, 8)
