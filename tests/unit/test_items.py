"""Format 1.1 ``items``: a checklist inside an indicator.

The eight qualities of a learning citizen behind one 25-point indicator: 25 points if all
eight are met, 15 if six. The indicator's ``levels`` (or ``when``, ``awarded``) read
``items_met`` and ``items_total``. An item whose evidence is missing leaves ``items_met``
open between the items known met and those plus the open ones: the indicator's points in
the worst and best case are the least and the greatest its ladder gives over that range.
Every scenario is scored by both engines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jsonschema
import pytest
from builders import dump, lines_of, load_text, text

import learning_models as lm
from learning_models._authoring.diff import diff_sets
from learning_models._scoring.output_schema import results_schema

FORMAT_1_1 = "learning-models/criteria-set/1.1"
FEW = 16
QUALITIES = 8


def citizen_set(pass_rule: str = "total >= 80", *, fmt: str = FORMAT_1_1,
                levels: Sequence[tuple[str, float]] = (("items_met == items_total", 25),
                                                       ("items_met >= 6", 15)),
                ) -> dict[str, Any]:
    items = [{"id": f"q{j}", "title": text(f"Phẩm chất {j}", f"Quality {j}"),
              "when": f"q{j}"} for j in range(1, QUALITIES + 1)]
    return {
        "format": fmt, "id": "test/items", "model": "citizen", "period": "2021-2030",
        "title": text("Công dân học tập", "Learning citizen"), "source": {"verified": False},
        "inputs": {**{f"q{j}": {"type": "boolean"} for j in range(1, QUALITIES + 1)},
                   "other": {"type": "number", "minimum": 0, "maximum": 75}},
        "criteria": [{"id": "A", "title": text("Năng lực", "Competences"), "indicators": [
            {"id": "A.1", "title": text("Tám phẩm chất", "Eight qualities"), "points": 25,
             "items": items,
             "levels": [{"when": when, "points": points} for when, points in levels]},
            {"id": "A.2", "title": text("Khác", "Other"), "points": 75,
             "awarded": "other"}]}],
        "recognition": {"pass": pass_rule},
    }


CITIZEN = load_text(dump(citizen_set()))


def citizen(*qualities: bool | None, other: float = 60) -> dict[str, Any]:
    return {"id": "CD", "other": other,
            **{f"q{j}": v for j, v in enumerate(qualities, start=1)}}


def both_engines(spec: lm.CriteriaSet, record: Mapping[str, Any]) -> lm.Evaluation:
    alone = lm.evaluate(spec, [dict(record)], year=2024)
    padded = [dict(record), *({**record, "id": f"P{k}"} for k in range(FEW + 1))]
    batch = lm.evaluate(spec, padded, year=2024)
    assert alone.errors == () and batch.errors == ()
    assert alone[0].to_dict() == batch[0].to_dict()
    assert alone[0].explain() == batch[0].explain()
    return alone[0]


Y, N, U = True, False, None     # met, not met, unknown (evidence missing)


@pytest.mark.parametrize(("qualities", "points", "status"), [
    ((Y,) * 8, 25.0, "met"),
    ((Y,) * 7 + (N,), 15.0, "partly_met"),
    ((Y,) * 6 + (N, N), 15.0, "partly_met"),
    ((Y,) * 5 + (N,) * 3, 0.0, "not_met"),
    ((Y,) * 6 + (U, N), 15.0, "partly_met"),    # 6 or 7 met: 15 either way, decided
    ((Y,) * 7 + (U,), 15.0, "missing"),         # 7 or 8: 15 or 25, the item decides
    ((Y,) * 5 + (U, N, N), 0.0, "missing"),     # 5 or 6: 0 or 15
])
def test_the_points_follow_the_items_met(qualities: tuple[bool | None, ...], points: float,
                                         status: str) -> None:
    result = both_engines(CITIZEN, citizen(*qualities))
    first = result.indicators[0]
    assert (first.points, first.status) == (points, status)


@pytest.mark.parametrize(("qualities", "other", "status"), [
    ((Y,) * 7 + (U,), 60, "incomplete"),         # 75 or 85
    ((Y,) * 7 + (U,), 65, "recognised"),         # at least 15 + 65 = 80
    ((Y,) * 5 + (U, N, N), 60, "not_recognised"),  # at most 15 + 60 = 75
    ((Y,) * 6 + (U, U), 64, "incomplete"),       # 79 or 89
    ((Y,) * 6 + (U, U), 65, "recognised"),       # at least 15: six are met
])
def test_open_items_decide_exactly(qualities: tuple[bool | None, ...], other: float,
                                   status: str) -> None:
    assert both_engines(CITIZEN, citizen(*qualities, other=other)).status == status


def test_the_least_and_greatest_points_follow_any_ladder() -> None:
    # a ladder that does not grow with the count: 10 for exactly seven met, else 5
    spec = load_text(dump(citizen_set("total >= 70", levels=(("items_met == 7", 10),
                                                              ("items_met >= 0", 5)))))
    # 6, 7 or 8 met: 5, 10 or 5 — the worst case is 5, the best 10
    result = both_engines(spec, citizen(*(Y,) * 6, U, U, other=65))
    assert (result.indicators[0].points, result.indicators[0].status) == (5.0, "missing")
    assert result.status == "recognised"                                        # 70 at least
    assert both_engines(spec, citizen(*(Y,) * 6, U, U, other=62)).status == "incomplete"
    assert both_engines(spec, citizen(*(Y,) * 6, U, U, other=56)).status \
        == "not_recognised"                                                     # 66 at most


def test_when_reads_the_count_all_or_nothing() -> None:
    data = citizen_set()
    ind = data["criteria"][0]["indicators"][0]
    del ind["levels"]
    ind["when"] = "items_met >= items_total - 1"
    spec = load_text(dump(data))
    assert both_engines(spec, citizen(*(Y,) * 7, N)).indicators[0].points == 25.0
    assert both_engines(spec, citizen(*(Y,) * 6, N, N)).indicators[0].points == 0.0


def test_the_explanation_lists_every_item_in_both_languages() -> None:
    result = both_engines(CITIZEN, citizen(*(Y,) * 6, U, N))
    vi, en = result.explain(), result.explain(lang="en")
    assert "      các nội dung (6/8 đạt):" in vi
    assert "        - q1 Phẩm chất 1: đạt" in vi
    assert "        - q7 Phẩm chất 7: thiếu minh chứng" in vi
    assert "        - q8 Phẩm chất 8: không đạt" in vi
    assert "      items (6 of 8 met):" in en and "        - q8 Quality 8: not met" in en


def test_the_results_list_each_item() -> None:
    batch = lm.evaluate(CITIZEN, [citizen(*(Y,) * 6, U, N)], year=2024)
    first = batch.to_dict()["evaluations"][0]["indicators"][0]
    assert first["items"][6:] == [{"id": "q7", "status": "missing"},
                                  {"id": "q8", "status": "not_met"}]
    assert "items" not in batch.to_dict()["evaluations"][0]["indicators"][1]
    jsonschema.Draft202012Validator(results_schema()).validate(batch.to_dict())


def test_the_gap_advice_counts_from_the_points_known() -> None:
    result = both_engines(CITIZEN, citizen(*(Y,) * 6, N, N, other=60))
    assert [(g.indicator, g.points) for g in result.gaps] == [("A.2", 15.0)]
    result = both_engines(CITIZEN, citizen(*(Y,) * 6, N, N, other=75))
    assert result.status == "recognised"


# --------------------------------------------------------------------------- authoring

def test_items_in_a_format_1_file_says_to_declare_format_1_1() -> None:
    data = citizen_set(fmt="learning-models/criteria-set/1")
    del data["criteria"][0]["indicators"][1]
    data["recognition"]["pass"] = "total >= 5"
    found = [line for line in lines_of(dump(data)) if "'items' needs format 1.1" in line]
    assert found and "indicator 'A.1'" in found[0] and FORMAT_1_1 in "".join(lines_of(
        dump(data)))


def test_items_met_is_read_only_by_an_indicator_with_items() -> None:
    data = citizen_set()
    data["criteria"][0]["indicators"][1] = {
        "id": "A.2", "title": text("Khác", "Other"), "points": 75, "when": "items_met >= 1"}
    assert any("items_met" in line and "unknown-name" in line
               for line in lines_of(dump(data)))


def test_an_item_must_be_a_condition() -> None:
    data = citizen_set()
    data["criteria"][0]["indicators"][0]["items"][1]["when"] = "other + 1"
    assert any("the condition of item 'q2' of 'A.1' must be a condition" in line
               for line in lines_of(dump(data)))


def test_an_items_id_is_unique_within_its_indicator() -> None:
    data = citizen_set()
    data["criteria"][0]["indicators"][0]["items"][2]["id"] = "q1"
    assert any("item 'q1' of 'A.1' is listed twice" in line and "[duplicate-id]" in line
               for line in lines_of(dump(data)))


def test_items_met_is_a_reserved_name_in_format_1_1() -> None:
    data = citizen_set()
    data["inputs"]["items_met"] = {"type": "integer"}
    assert any("'items_met' is a reserved name" in line for line in lines_of(dump(data)))


def test_diff_shows_a_changed_checklist() -> None:
    data = citizen_set()
    data["criteria"][0]["indicators"][0]["items"][7]["when"] = "q8 and q1"
    (change,) = diff_sets(CITIZEN, load_text(dump(data))).indicators
    (field,) = change.fields
    assert field.field == "items" and isinstance(field.new, tuple)
    assert field.new[-1] == "q8: q8 and q1"


def test_lint_checks_an_items_condition() -> None:
    data = citizen_set()
    data["criteria"][0]["indicators"][0]["items"][0]["when"] = "other >= 0"
    found = [p for p in lm.lint_set(load_text(dump(data)))
             if p.code == "comparison-out-of-bounds"]
    assert found and found[0].span is not None


def test_lint_flags_a_level_that_needs_more_items_than_there_are() -> None:
    spec = load_text(dump(citizen_set(levels=(("items_met == items_total", 25),
                                              ("items_met >= 9", 15)))))
    found = [p for p in lm.lint_set(spec) if p.code == "unreachable-level"]
    assert len(found) == 1 and "'items_met >= 9' is never true" in found[0].message
    assert not [p for p in lm.lint_set(CITIZEN) if p.code == "unreachable-level"]
