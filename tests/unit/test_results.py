"""Results: the documented dictionary and JSON, the table, and the collection's access."""

from __future__ import annotations

import json

import polars as pl
import pytest
from builders import booleans, build, ind, make_set

import learning_models as lm

SPEC = build(make_set(
    booleans("a", "b", "c"),
    {"C1": [ind("C1.1", "a", mandatory=True), ind("C1.2", "b", evidence=["photo"])],
     "C2": [ind("C2.1", "c", points=5)]},
    "total >= 15 and mandatory_met", grades=[("good", 25), ("fair", 15)]))

RECORDS = [
    {"id": "R", "name": "Hộ bà Lê Thị Ánh", "a": True, "b": True, "c": None},
    {"id": "N", "a": False, "b": True, "c": True},
    {"id": "I", "a": None, "b": True, "c": False},
    {"id": "X", "a": "maybe"},
    {"id": "R", "a": True},
]


@pytest.fixture(scope="module")
def results() -> lm.Evaluations:
    return lm.evaluate(SPEC, RECORDS, year=2023, file="in.json")


def test_to_dict_has_exactly_the_documented_keys(results: lm.Evaluations) -> None:
    data = results.get("N").to_dict()
    assert list(data) == ["subject", "criteria_set", "year", "total", "max_total", "status",
                          "grade", "indicators", "gaps", "provenance"]
    assert all(list(i) == ["id", "points", "max_points", "status"] for i in data["indicators"])
    assert all(list(g) == ["id", "points", "mandatory", "status"] for g in data["gaps"])
    assert list(data["provenance"]) == ["criteria_set", "period", "content_hash", "engine",
                                        "year"]


def test_to_dict_holds_the_evaluation(results: lm.Evaluations) -> None:
    assert results.get("N").to_dict() == {
        "subject": "N",
        "criteria_set": "test/built",
        "year": 2023,
        "total": 15.0,
        "max_total": 25.0,
        "status": "not_recognised",
        "grade": None,
        "indicators": [
            {"id": "C1.1", "points": 0.0, "max_points": 10.0, "status": "not_met"},
            {"id": "C1.2", "points": 10.0, "max_points": 10.0, "status": "met"},
            {"id": "C2.1", "points": 5.0, "max_points": 5.0, "status": "met"},
        ],
        "gaps": [{"id": "C1.1", "points": 10.0, "mandatory": True, "status": "not_met"}],
        "provenance": {
            "criteria_set": "test/built",
            "period": "2021-2025",
            "content_hash": SPEC.content_hash(),
            "engine": f"learning-models {lm.__version__}",
            "year": 2023,
        },
    }


def test_a_name_is_carried_when_the_record_has_one(results: lm.Evaluations) -> None:
    data = results.get("R").to_dict()
    assert data["name"] == "Hộ bà Lê Thị Ánh"
    assert list(data)[:2] == ["subject", "name"]
    # 20 points known and C2.1 (5 points) missing: "fair" or "good", so no grade yet
    assert (data["status"], data["grade"]) == ("recognised", None)
    assert data["grade_range"] == ["fair", "good"]
    assert "name" not in results.get("I").to_dict()


def test_to_json_is_deterministic_and_readable(results: lm.Evaluations) -> None:
    again = lm.evaluate(SPEC, RECORDS, year=2023, file="in.json")
    assert results.to_json() == again.to_json() == results.to_json()
    assert "Hộ bà Lê Thị Ánh" in results.to_json()  # not \\u escapes
    assert results.to_json().endswith("}\n")
    data = json.loads(results.to_json())
    assert data == results.to_dict()
    assert [e["subject"] for e in data["evaluations"]] == ["R", "N", "I"]
    assert [(e["row"], e["record"], e["code"], e["file"]) for e in data["errors"]] == [
        (4, "X", "invalid-record", "in.json"), (5, "R", "duplicate-record", "in.json")]


def test_to_frame_has_one_row_per_subject_and_a_column_per_indicator(
        results: lm.Evaluations) -> None:
    frame = results.to_frame()
    assert frame.columns == [
        "id", "total", "max_total", "status", "grade",
        "points[C1.1]", "points[C1.2]", "points[C2.1]",
        "status[C1.1]", "status[C1.2]", "status[C2.1]"]
    assert frame.rows() == [
        ("R", 20.0, 25.0, "recognised", None, 10.0, 10.0, 0.0, "met", "met", "missing"),
        ("N", 15.0, 25.0, "not_recognised", None, 0.0, 10.0, 5.0, "not_met", "met", "met"),
        ("I", 10.0, 25.0, "incomplete", None, 0.0, 10.0, 0.0, "missing", "met", "not_met"),
    ]


def test_indicator_statuses_are_text_in_every_view(results: lm.Evaluations) -> None:
    frame = results.to_frame()
    assert {frame.schema[f"status[{i}]"] for i in ("C1.1", "C1.2", "C2.1")} == {pl.String}
    scored = results.scored
    assert {scored.schema[c] for c in scored.columns if c.startswith("_st_")} == {pl.String}
    assert results.scored is scored  # cast once
    assert [i.status for i in results[0].indicators] == ["met", "met", "missing"]


def test_get_finds_a_subject_by_id(results: lm.Evaluations) -> None:
    assert results.get("I").status == "incomplete"
    with pytest.raises(KeyError):
        results.get("X")  # rejected, so not evaluated


def test_indexing_and_slicing_follow_the_input_order(results: lm.Evaluations) -> None:
    assert len(results) == 3
    assert [r.subject for r in results] == ["R", "N", "I"]
    assert [r.subject for r in results[1:]] == ["N", "I"]
    assert [r.subject for r in results[::-1]] == ["I", "N", "R"]
    assert results[-1].subject == "I"
    assert results[5:] == []
    with pytest.raises(IndexError):
        results[3]
    with pytest.raises(IndexError):
        results[-4]


def test_counts_add_up_with_rejected_records(results: lm.Evaluations) -> None:
    assert results.counts() == {"recognised": 1, "not_recognised": 1, "incomplete": 1,
                                "rejected": 2}


def test_indicator_results_show_the_values_read(results: lm.Evaluations) -> None:
    first, second, third = results.get("I").indicators
    assert (first.indicator, first.criterion, first.inputs) == ("C1.1", "C1", {"a": None})
    assert (second.evidence, second.mandatory) == (("photo",), False)
    assert third.inputs == {"c": False}


def test_provenance_names_the_set_the_engine_and_the_year(results: lm.Evaluations) -> None:
    assert results.provenance == lm.Provenance("test/built", "2021-2025", SPEC.content_hash(),
                                               f"learning-models {lm.__version__}", 2023)
    assert results[0].provenance is results.provenance


def test_without_a_year_the_provenance_says_none() -> None:
    data = lm.evaluate(SPEC, [{"id": "A"}])[0].to_dict()
    assert data["year"] is None
    assert data["provenance"]["year"] is None


def test_with_errors_adds_rejected_records_in_row_order(results: lm.Evaluations) -> None:
    extra = lm.RecordError(None, 1, "invalid-record", "the row is short", None, "in.json")
    merged = results.with_errors([extra])
    assert [e.row for e in merged.errors] == [1, 4, 5]
    assert merged.counts()["rejected"] == 3
    assert [r.subject for r in merged] == ["R", "N", "I"]
    assert results.with_errors([]) is results


def test_an_empty_batch_is_an_empty_result() -> None:
    empty = lm.evaluate(SPEC, [])
    assert len(empty) == 0
    assert empty.to_frame().height == 0
    assert json.loads(empty.to_json()) == {"evaluations": [], "errors": []}
    assert empty.counts() == {"recognised": 0, "not_recognised": 0, "incomplete": 0,
                              "rejected": 0}


def test_a_table_in_gives_the_same_results_as_records(results: lm.Evaluations) -> None:
    table = pl.DataFrame(RECORDS[:3])
    assert lm.evaluate(SPEC, table, year=2023).to_dict()["evaluations"] == \
        results.to_dict()["evaluations"]


def test_repr_shows_the_decision(results: lm.Evaluations) -> None:
    assert repr(results[0]) == "Evaluation(subject='R', total=20, status='recognised', " \
        "grade=None)"
