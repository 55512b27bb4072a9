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
