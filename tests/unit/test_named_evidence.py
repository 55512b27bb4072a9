"""Format 1.1 named evidence: ``evidence`` entries ``{id, title, required}``, and records
that name the documents each indicator rests on (``evidence.<indicator id>``).

A required document that a record does not give makes the indicator ``missing`` — never
met on no evidence. With one required document any reference counts; with several, each
reference names its document (``photo: anh.jpg``). Every scenario is scored by both
engines.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import polars as pl
import pytest
from builders import dump, lines_of, load_text, text

import learning_models as lm
from learning_models._authoring.diff import diff_sets
from learning_models._cli import main
from learning_models._evidence import rename_headers, write_template
from learning_models._scoring.output_schema import results_schema

FORMAT_1_1 = "learning-models/criteria-set/1.1"
FEW = 16


def family_set(fmt: str = FORMAT_1_1) -> dict[str, Any]:
    return {
        "format": fmt, "id": "test/documents", "model": "family", "period": "2021-2030",
        "title": text("Gia đình học tập", "Learning family"), "source": {"verified": False},
        "inputs": {"children": {"type": "integer", "minimum": 0},
                   "in_school": {"type": "integer", "minimum": 0},
                   "books": {"type": "boolean"}},
        "criteria": [{"id": "C1", "title": text("Trẻ em", "Children"), "indicators": [
            {"id": "C1.1", "title": text("Trẻ em đi học", "Children in school"), "points": 50,
             "when": "in_school == children",
             "evidence": [{"id": "school_confirmation",
                           "title": text("Giấy xác nhận của nhà trường",
                                         "The school's confirmation"),
                           "required": True}]},
            {"id": "C1.2", "title": text("Góc học tập", "Study corner"), "points": 30,
             "when": "books",
             "evidence": [
                 {"id": "photo", "title": text("Ảnh góc học tập", "Photo"), "required": True},
                 {"id": "book_list", "title": text("Danh mục sách", "Book list"),
                  "required": True},
                 {"id": "note", "title": text("Ghi chú", "Note")},
                 "household register"]},
            {"id": "C1.3", "title": text("Khác", "Other"), "points": 20, "when": "books",
             "evidence": ["household register"]}]}],
        "recognition": {"pass": "total >= 80"},
    }


FAMILY = load_text(dump(family_set()))


def family(**values: Any) -> dict[str, Any]:
    return {"id": "H", "children": 1, "in_school": 1, "books": True, **values}


def both_engines(record: Mapping[str, Any]) -> lm.Evaluation:
    alone = lm.evaluate(FAMILY, [dict(record)], year=2024)
    padded = [dict(record), *({**record, "id": f"P{k}"} for k in range(FEW + 1))]
    batch = lm.evaluate(FAMILY, padded, year=2024)
    assert alone.errors == () and batch.errors == ()
    assert alone[0].to_dict() == batch[0].to_dict()
    assert alone[0].explain() == batch[0].explain()
    return alone[0]


def statuses(result: lm.Evaluation) -> list[str]:
    return [r.status for r in result.indicators]


# --------------------------------------------------------------------------- scoring

def test_every_required_document_given_scores_as_usual() -> None:
    result = both_engines(family(**{"evidence.C1.1": "xac-nhan.pdf",
                                    "evidence.C1.2": "photo: anh.jpg; book_list: sach.xlsx"}))
    assert statuses(result) == ["met", "met", "met"]
    assert result.status == "recognised"


def test_a_required_document_absent_makes_the_indicator_missing_never_met() -> None:
    result = both_engines(family(**{"evidence.C1.2": "photo: anh.jpg; book_list: sach.xlsx"}))
    assert statuses(result) == ["missing", "met", "met"]
    assert result.indicators[0].points == 0.0
    assert result.status == "incomplete"


def test_with_several_required_documents_each_reference_names_its_own() -> None:
    only_photo = both_engines(family(**{"evidence.C1.1": "a.pdf",
                                        "evidence.C1.2": "photo: anh.jpg"}))
    assert statuses(only_photo)[1] == "missing"
    unnamed = both_engines(family(**{"evidence.C1.1": "a.pdf",
                                     "evidence.C1.2": "anh.jpg; sach.xlsx"}))
    assert statuses(unnamed)[1] == "missing"


def test_an_empty_reference_cell_is_no_document() -> None:
    result = both_engines(family(**{"evidence.C1.1": " ; ",
                                    "evidence.C1.2": "photo: a; book_list: b"}))
    assert statuses(result)[0] == "missing"


def test_a_json_list_of_references_is_read_like_a_cell() -> None:
    result = both_engines(family(**{"evidence.C1.1": ["xac-nhan.pdf"],
                                    "evidence.C1.2": ["photo: anh.jpg",
                                                      "book_list: https://example.org/sach"]}))
    assert statuses(result) == ["met", "met", "met"]
    assert result.indicators[1].documents == ("photo: anh.jpg",
                                              "book_list: https://example.org/sach")


def test_a_not_met_indicator_stays_not_met_whatever_its_documents() -> None:
    result = both_engines(family(in_school=0, **{"evidence.C1.1": "a.pdf"}))
    assert statuses(result)[0] == "not_met"


def test_an_indicator_without_required_documents_needs_none() -> None:
    assert statuses(both_engines(family()))[2] == "met"


def test_a_reference_column_for_an_indicator_the_set_lacks_is_refused() -> None:
    results = lm.evaluate(FAMILY, [family(**{"evidence.C9": "a.pdf"})], year=2024)
    (error,) = results.errors
    assert error.code == "unknown-column"
    assert "no indicator 'C9'" in error.message


# --------------------------------------------------------------------------- results

def test_the_results_list_the_documents_each_result_rests_on() -> None:
    batch = lm.evaluate(FAMILY, [family(**{"evidence.C1.1": "xac-nhan.pdf"})], year=2024)
    indicators = batch.to_dict()["evaluations"][0]["indicators"]
    assert indicators[0]["documents"] == ["xac-nhan.pdf"]
    assert "documents" not in indicators[1]
    jsonschema.Draft202012Validator(results_schema()).validate(batch.to_dict())


def test_the_explanation_lists_the_documents_given_and_those_missing() -> None:
    result = both_engines(family(**{"evidence.C1.2": "photo: anh.jpg"}))
    vi, en = result.explain(), result.explain(lang="en")
    assert "      thiếu minh chứng bắt buộc: Giấy xác nhận của nhà trường" in vi
    assert "      minh chứng đã nộp: photo: anh.jpg" in vi
    assert "      thiếu minh chứng bắt buộc: Danh mục sách" in vi
    assert "required documents missing: Book list" in en
    assert "+50 điểm; minh chứng: Giấy xác nhận của nhà trường" in vi


def test_a_csv_file_gives_references_in_a_column(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    criteria = tmp_path / "set.yaml"
    criteria.write_text(dump(family_set()), encoding="utf-8")
    data = tmp_path / "families.csv"
    data.write_text("id,children,in_school,books,evidence.C1.1,evidence.C1.2\n"
                    "H1,1,1,yes,xn.pdf,photo: a.jpg; book_list: b.xlsx\n"
                    "H2,1,1,yes,,photo: a.jpg\n", encoding="utf-8")
    main(["evaluate", "--criteria", str(criteria), "--input", str(data), "--year", "2024",
          "--format", "json"])
    found = json.loads(capsys.readouterr().out)["evaluations"]
    assert [e["status"] for e in found] == ["recognised", "incomplete"]
    assert found[0]["indicators"][1]["documents"] == ["photo: a.jpg", "book_list: b.xlsx"]


# --------------------------------------------------------------------------- authoring

def test_named_documents_in_a_format_1_file_say_to_declare_format_1_1() -> None:
    found = [line for line in lines_of(dump(family_set("learning-models/criteria-set/1")))
             if "named evidence document" in line]
    assert len(found) == 4 and all(FORMAT_1_1 in line for line in found)   # one each


def test_plain_evidence_names_stay_valid_in_format_1() -> None:
    data = family_set("learning-models/criteria-set/1")
    for ind in data["criteria"][0]["indicators"]:
        ind["evidence"] = ["household register"]
    spec = load_text(dump(data))
    assert spec.indicators[0].evidence == ("household register",)


def test_a_document_id_is_unique_within_its_indicator() -> None:
    data = family_set()
    data["criteria"][0]["indicators"][1]["evidence"][1]["id"] = "photo"
    assert any("evidence document 'photo' of 'C1.2' is listed twice" in line
               for line in lines_of(dump(data)))


def test_diff_shows_a_document_made_optional() -> None:
    data = family_set()
    data["criteria"][0]["indicators"][0]["evidence"][0]["required"] = False
    (change,) = diff_sets(FAMILY, load_text(dump(data))).indicators
    (field,) = change.fields
    assert (field.field, field.old, field.new) == \
        ("required_documents", ("school_confirmation",), None)


def test_the_template_has_a_reference_column_per_indicator_with_documents(
        tmp_path: Path) -> None:
    path = write_template(tmp_path / "mau.xlsx", [FAMILY], year=2024)
    sheet = openpyxl.load_workbook(path)["Gia đình"]
    headers = [c.value for c in sheet[1]]
    assert headers[-2:] == ["Minh chứng C1.1", "Minh chứng C1.2"]
    note = sheet.cell(2, len(headers)).value
    assert "photo: Ảnh góc học tập (bắt buộc)" in note and "dấu ;" in note
    read = rename_headers(pl.DataFrame({"Mã": ["H"], "Minh chứng C1.1": ["a.pdf"]}), FAMILY)
    assert read.columns == ["id", "evidence.C1.1"]


def test_the_evidence_schema_takes_references_per_indicator() -> None:
    schema = lm.evidence_schema(FAMILY)
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate({"id": "H", "evidence.C1.1": "a.pdf",
                        "evidence.C1.2": ["photo: a.jpg", "book_list: b.xlsx"]})
    assert not validator.is_valid({"id": "H", "evidence.C9": "a.pdf"})
    assert "photo (required)" in schema["properties"]["evidence.C1.2"]["description"]


def test_a_test_case_gives_references_and_expects_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "set.yaml").write_text(dump(family_set()), encoding="utf-8")
    (tmp_path / "set.test.yaml").write_text(
        "format: learning-models/test-cases/1\ncriteria: test/documents\nyear: 2024\n"
        "defaults:\n  inputs: {children: 1, in_school: 1, books: true}\ncases:\n"
        "  - name: no school confirmation\n"
        "    inputs: {evidence.C1.2: 'photo: a.jpg; book_list: b.xlsx'}\n"
        "    expect: {total: 50, status: incomplete, indicators: {C1.1: missing, C1.2: met}}\n"
        "  - name: every document\n"
        "    inputs: {evidence.C1.1: a.pdf, evidence.C1.2: 'photo: a; book_list: b'}\n"
        "    expect: {total: 100, status: recognised}\n", encoding="utf-8")
    assert main(["test", str(tmp_path), "--criteria-dir", str(tmp_path)]) == 0, \
        capsys.readouterr()
