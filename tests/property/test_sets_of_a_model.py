"""A model with several sets in force (format 1.1, ``applies_to``), over damaged data: the
units of a city, commune-level and district-level ones in one file, evaluated with the two
shipped unit sets of 2021–2025. Whatever the levels, points and ids are, every record is
evaluated by the one set whose ``applies_to`` holds for it or rejected with its reason, and
in every area the per-set figures add up to the model's: nothing counted twice or lost.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._rollup import ALL
from learning_models._scoring import parts_of, set_counts

COMMUNE, TT22 = "vn/2021-2025/unit", "vn/2021-2025/unit-tt22"
AREAS = ("code,name,level,parent,units\n"
         "058,Thành phố Bắc Kạn,district,,\n"
         "01834,Phường Nguyễn Thị Minh Khai,commune,058,4\n"
         "01837,Phường Sông Cầu,commune,058,\n")
#: What a unit's level may be written as, right or wrong.
LEVELS = ("commune", "district", "province", "cấp xã", "cấp huyện", "", "city", "xã ")
COMMUNE_COLUMNS = ("study_plan", "learning_rules", "learning_resources", "staff",
                   "staff_with_plan", "staff_disciplined", "staff_trained",
                   "staff_advanced_workers", "staff_learning_citizens",
                   "tasks_completed_well", "initiatives")
TT22_COLUMNS = ("plan_points", "rules_points", "resources_points", "self_study_points",
                "discipline_points", "training_points", "advanced_worker_points",
                "citizen_points", "unit_title_points", "sharing_points")

#: The two sets in force for units in 2024, loaded once.
SETS = {"unit": lm.Catalog.default().variants("unit", 2024)}

units = st.lists(st.fixed_dictionaries({
    "id": st.sampled_from(["U1", "U2", "U3", "U4", "U5", "U6", ""]),
    "area": st.sampled_from(["01834", "01837", "058", "", "99999"]),
    "level": st.sampled_from(LEVELS),
    "yes": st.sampled_from(["có", "không", "", "có lẽ"]),
    "staff": st.sampled_from(["10", "0", "", "mười", "10"]),
    "points": st.sampled_from(["10", "5", "2.5", "", "11", "-1", "x"]),
}), min_size=1, max_size=12)


def _csv(rows: list[dict[str, str]]) -> str:
    header = ["id", "name", "area", "level", *COMMUNE_COLUMNS, *TT22_COLUMNS]
    lines = [",".join(header)]
    for k, row in enumerate(rows):
        commune = [row["yes"]] * 3 + [row["staff"]] * 5 + ["10"] + [row["yes"]] * 2
        awarded = [row["points"]] * len(TT22_COLUMNS)
        if row["level"].strip() == "commune":
            awarded = [""] * len(TT22_COLUMNS)
        elif row["level"] in ("district", "province"):
            commune = [""] * len(COMMUNE_COLUMNS)
        lines.append(",".join([row["id"], f"Đơn vị {k}", row["area"], row["level"], *commune,
                               *awarded]))
    return "\n".join(lines) + "\n"


@given(units)
def test_per_set_counts_add_up_to_the_models_and_no_record_is_lost(
        rows: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "areas.csv").write_text(AREAS, encoding="utf-8")
        (root / "unit.csv").write_text(_csv(rows), encoding="utf-8")
        evaluation = lm.evaluate_dataset(lm.read_dataset(root), year=2024, sets=SETS)
        summary = lm.rollup(evaluation)
    results = evaluation.results["unit"]
    table = evaluation.dataset.tables["unit"]
    rejected = {e.row for e in evaluation.errors if e.file == table.file}
    evaluated = {int(r) for p in parts_of(results) for r in p.scored["_row"]} \
        if "_row" in results.scored.columns else set()
    assert len(results) + len(rejected) == table.frame.height       # none lost
    assert not evaluated & rejected                                  # none twice
    assert [p.program.spec.id for p in parts_of(results)] == [COMMUNE, TT22]
    for part in parts_of(results):   # each record scored by the set whose applies_to holds
        wanted = "commune" if part.program.spec.id == COMMUNE else ("district", "province")
        assert all(level in wanted for level in part.scored["level"].cast(pl.String).to_list())
    by_set = set_counts(results)
    model = results.counts()
    for status in ("recognised", "not_recognised", "incomplete"):
        assert sum(c[status] for c in by_set.values()) == model[status]
    for area in summary.areas:
        figures = area.models.get("unit")
        if figures is None:
            continue
        if figures.by_set:   # an area with subjects (one with a total only has none)
            assert [s.criteria_set for s in figures.by_set] == [COMMUNE, TT22]
        for status in ("evaluated", "recognised", "not_recognised", "incomplete"):
            assert sum(getattr(s, status) for s in figures.by_set) == \
                getattr(figures, status), (area.code, status)
    whole = summary.area(ALL).models["unit"]
    assert whole.evaluated == len(results) and whole.rejected == len(rejected)


TARGETS = """format: learning-models/targets/1
id: narrowed
title: {vi: Chỉ tiêu thử, en: Test targets}
source: {verified: false}
area: {level: city, code: "058", name: {vi: Thành phố Bắc Kạn, en: Bắc Kạn city}}
targets:
  - {id: all_units, title: {vi: Mọi đơn vị, en: Every unit}, measure: recognised_share,
     model: unit, milestones: {2025: 0.9}}
  - {id: commune_units, title: {vi: Đơn vị cấp xã, en: Commune-level units},
     measure: recognised_share, model: unit, sets: [vn/unit], milestones: {2025: 0.9}}
  - {id: higher_units, title: {vi: Đơn vị cấp huyện, en: District-level units},
     measure: recognised_share, model: unit, sets: [vn/2021-2025/unit-tt22],
     census: higher_units, milestones: {2025: 0.9}}
"""


def _targets() -> lm.Targets:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "targets.yaml").write_text(TARGETS, encoding="utf-8")
        return lm.load_targets(Path(tmp) / "targets.yaml")


NARROWED = _targets()
#: A census cell, right or wrong.
CENSUS = ("4", "1", "0", "", "x", "-1")


@given(units, st.lists(st.sampled_from(CENSUS), min_size=6, max_size=6))
def test_a_target_that_names_its_sets_counts_those_subjects_over_their_census_only(
        rows: list[dict[str, str]], census: list[str]) -> None:
    areas = ("code,name,level,parent,units,higher_units\n"
             f"058,Thành phố Bắc Kạn,district,,{census[0]},{census[1]}\n"
             f"01834,Phường Nguyễn Thị Minh Khai,commune,058,{census[2]},{census[3]}\n"
             f"01837,Phường Sông Cầu,commune,058,{census[4]},{census[5]}\n")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "areas.csv").write_text(areas, encoding="utf-8")
        (root / "unit.csv").write_text(_csv(rows), encoding="utf-8")
        evaluation = lm.evaluate_dataset(lm.read_dataset(root), year=2024, sets=SETS)
        summary = lm.rollup(evaluation, NARROWED)
    for area in summary.areas:
        figures = area.models.get("unit")
        if figures is None:
            continue
        checks = {c.target: c for c in figures.targets}
        if figures.data_problem:   # more records than the census: no target checked
            assert not checks
            continue
        assert checks["all_units"].counted is None        # the model's figure, as before
        per_set = {s.criteria_set: s for s in figures.by_set}
        counted = {}
        for ident, wanted in (("commune_units", COMMUNE), ("higher_units", TT22)):
            check = checks.get(ident)
            mine = per_set.get(wanted)
            evaluated = 0 if mine is None else mine.evaluated
            if check is None:   # only when those subjects outnumber their census
                assert check is None and evaluated > 0
                continue
            assert check.counted is not None
            c = check.counted
            assert (c.evaluated, c.recognised) == (
                (0, 0) if mine is None else (mine.evaluated, mine.recognised))
            assert c.recognised <= c.evaluated <= c.denominator          # never above 100 %
            assert c.rate is None or 0 <= c.rate <= 1
            assert check.met == (check.gap == 0) and check.required <= c.denominator
            counted[ident] = c
        if len(counted) == 2:  # every evaluated subject in one of the two, none twice
            assert sum(c.evaluated for c in counted.values()) == figures.evaluated
            assert sum(c.recognised for c in counted.values()) == figures.recognised
