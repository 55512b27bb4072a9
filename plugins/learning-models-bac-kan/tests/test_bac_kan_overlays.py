"""The Bắc Kạn overlays: what they change, that they keep the sets at 100 points, that they
apply only when named and are recorded, and the test cases of the overlaid sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import learning_models as lm

bac_kan = pytest.importorskip(
    "learning_models_bac_kan",
    reason="learning-models-bac-kan is not installed: "
           "python -m pip install ./plugins/learning-models-bac-kan")

CASES = Path(__file__).parent / "cases"
NAMES = ["bac-kan/family", "bac-kan/community"]
SETS = ["vn/2021-2025/family", "vn/2026-2030/family", "vn/2021-2025/community",
        "vn/2026-2030/community"]
PLAN = "Kế hoạch của UBND thành phố Bắc Kạn, 2022"


def manager() -> object:
    """The built-in plugins and this one, registered by hand (no entry points)."""
    return lm.get_plugin_manager(entry_points=False, plugins=[("bac-kan", bac_kan)])


@pytest.fixture(scope="module")
def overlaid() -> lm.Catalog:
    return lm.Catalog.default(plugins=manager(), overlays=NAMES)  # type: ignore[arg-type]


def test_the_plugin_offers_two_overlays_on_the_2021_2025_sets() -> None:
    offered = {o.name: o.target for o in bac_kan.learning_models_overlays()}
    assert offered == {"bac-kan/family": "vn/2021-2025/family",
                       "bac-kan/community": "vn/2021-2025/community"}


@pytest.mark.parametrize("ident", SETS)
def test_each_overlaid_set_stays_at_100_points_with_the_national_pass_mark(
        overlaid: lm.Catalog, ident: str) -> None:
    spec = overlaid.get(ident)
    assert spec.max_total == 100
    assert spec.recognition.pass_ == "total >= 80 and mandatory_met"
    assert [o.name for o in spec.overlays] == [f"bac-kan/{spec.model}"]
    assert spec.content_hash() != lm.Catalog.default().get(ident).content_hash()


def test_the_culture_titles_are_required(overlaid: lm.Catalog) -> None:
    family = {i.id: i for i in overlaid.get("vn/2021-2025/family").indicators}
    community = {i.id: i for i in overlaid.get("vn/2021-2025/community").indicators}
    assert family["C4.2"].mandatory and family["C4.2"].when == "cultural_family"
    assert community["P6.1"].mandatory and community["P6.1"].when == "cultural_area"
    assert {"C5.1", "C5.2"} <= set(family) and "P4.2" in community


def test_every_local_indicator_says_it_is_our_unverified_reading_of_the_city_plan(
        overlaid: lm.Catalog) -> None:
    changed = {"vn/2021-2025/family": {"C3.1", "C4.2", "C5.1", "C5.2"},
               "vn/2021-2025/community": {"P1.1", "P4.2", "P6.1"}}
    for ident, ids in changed.items():
        for indicator in overlaid.get(ident).indicators:
            if indicator.id in ids:
                assert indicator.source is not None and not indicator.source.verified
                assert PLAN in " ".join((indicator.source.note or "").split()), indicator.id


def test_the_overlay_files_invent_no_decision_number() -> None:
    folder = Path(bac_kan.__file__).parent / "overlays"
    for file in folder.glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"\d+/(QĐ|KH|BC|NQ|CT)-", text), file.name
        assert "Số:" not in text and "verified: true" not in text


def test_nothing_changes_until_an_overlay_is_named() -> None:
    plain = lm.Catalog.default(plugins=manager())  # type: ignore[arg-type]
    for ident in SETS:
        assert plain.get(ident).overlays == ()
        assert plain.get(ident).content_hash() == lm.Catalog.default().get(ident).content_hash()


def test_evaluations_record_the_overlay_in_their_provenance(overlaid: lm.Catalog) -> None:
    spec = overlaid.for_year("family", 2024)
    record = {"id": "H-1", "school_age_children": 0, "children_in_school": 0, "adults": 1,
              "adults_literate": 1, "adults_learning": 1, "learning_citizens": 1,
              "study_corner": True, "study_fund": True, "internet_device": True,
              "income": "stable", "cultural_family": True, "reading_habit": True,
              "reading_activities": True}
    result = lm.evaluate(spec, [record], year=2024)[0]
    assert (result.status, result.total) == ("recognised", 100)
    (applied,) = result.to_dict()["provenance"]["overlays"]
    assert applied["name"] == "bac-kan/family" and applied["plugin"] == "bac-kan"
    assert "add criteria C5" in applied["changes"]


def test_national_data_without_the_new_columns_is_still_evaluated(overlaid: lm.Catalog,
                                                                  ) -> None:
    spec = overlaid.for_year("community", 2024)
    village = {"id": "T-1", "households": 50, "learning_families": 45, "members": 100,
               "learning_citizens": 60, "school_age_children": 10, "children_in_school": 10,
               "yearly_plan": True, "communication": True, "lifelong_learning_week": True,
               "study_fund": True, "coordination": True, "centre_classes": True,
               "cultural_house_learning": True}
    results = lm.evaluate(spec, [village], year=2024)
    assert not results.errors
    result = results[0]
    assert result.status == "incomplete"       # the required title's evidence is missing
    assert {g.indicator for g in result.gaps} >= {"P6.1"}


@pytest.mark.parametrize("file", sorted(CASES.glob("*.cases.yaml")), ids=lambda p: p.stem)
def test_the_cases_of_the_overlaid_sets_pass(overlaid: lm.Catalog, file: Path) -> None:
    report = lm.run_cases([file], overlaid, lang="en",
                          display_root=None)
    assert report.results, f"{file.name} has no cases"
    assert report.ok, report.format()


def test_the_cases_fail_against_the_national_sets() -> None:
    """The cases really exercise the overlays: without them, the files do not even load."""
    report = lm.run_cases(sorted(CASES.glob("*.cases.yaml")), lm.Catalog.default())
    assert not report.ok
    assert any(p.code == "unknown-input" or "reading_habit" in p.message
               for p in report.problems), report.format()
