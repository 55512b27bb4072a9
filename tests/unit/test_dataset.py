"""Dataset folders as officials' spreadsheets save them: CSV dialects and encodings, messages
that say where to fix each rejected record, a relation to a rejected record that names it,
and huge or hostile files that end in a clear error or a result, never a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from builders import build, ind, make_set

import learning_models as lm
from learning_models._evidence.dataset import read_dataset
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

EXAMPLE = Path(__file__).parents[2] / "examples" / "bac-kan-city"


def _set(model: str, inputs: dict[str, object], when: str) -> lm.CriteriaSet:
    data = make_set(inputs, {"C1": [ind("I1", when)]})  # type: ignore[arg-type]
    data.update(model=model, id=f"test/{model}")
    return build(data)


SETS = {
    "family": _set("family", {"adults": {"type": "integer", "minimum": 0, "maximum": 30},
                              "income": {"type": "enum", "values": [
                                  {"value": "lower", "label": {"vi": "giảm", "en": "lower"}},
                                  {"value": "stable",
                                   "label": {"vi": "ổn định", "en": "stable"}},
                                  {"value": "higher", "label": {"vi": "tăng", "en": "higher"}},
                              ]}}, "adults >= 1"),
    "citizen": _set("citizen", {"score": {"type": "integer", "minimum": 0, "maximum": 100}},
                    "score >= 50"),
}
AREAS = "code,name,level,parent\nX,Xã A,commune,\nV1,Thôn 1,village,X\n"


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # files are named as a user names them: relative


def folder(files: dict[str, str | bytes], name: str = "data") -> Path:
    root = Path(name)
    root.mkdir()
    for file, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (root / file).write_bytes(data)
    return root


def evaluate(root: Path) -> DatasetEvaluation:
    return evaluate_dataset(read_dataset(root), sets=SETS)


def lines(evaluation: DatasetEvaluation) -> list[str]:
    return sorted(e.format() for e in evaluation.errors)


def refused(root: Path) -> lm.Problem:
    with pytest.raises(lm.EvidenceError) as caught:
        read_dataset(root)
    (problem,) = caught.value.problems
    return problem


FAMILIES = [["id", "adults", "income"], ["F1", "2", "tăng"], ["F2", "0", "giảm"],
            ["F3", "ba", "stable"]]


def table(rows: list[list[str]], sep: str) -> str:
    return "".join(sep.join(row) + "\r\n" for row in rows)


# --- CSV dialects and encodings ------------------------------------------------------------------

def comparable(evaluation: DatasetEvaluation) -> object:
    return (evaluation.results["family"].scored.select("id", "adults", "income").rows(),
            [(e.record, e.field, e.code, e.line) for e in evaluation.errors])


def test_semicolon_and_tab_separated_files_read_like_comma_separated_ones() -> None:
    expected = comparable(evaluate(folder({"family.csv": table(FAMILIES, ",")}, "comma")))
    assert expected == ([("F1", 2, "higher"), ("F2", 0, "lower")],
                        [("F3", "adults", "invalid-record", 4)])
    for name, sep in (("semicolon", ";"), ("tab", "\t")):
        root = folder({"family.csv": table(FAMILIES, sep)}, name)
        assert comparable(evaluate(root)) == expected, name


def test_the_separator_is_read_from_the_header_outside_quotes() -> None:
    text = 'id;"tên; ghi chú, khác";adults\nF1;"Nhà A, thôn 1";2\nF2;"x;y";3\n'
    frame, errors = lm.read_evidence(folder({"family.csv": text}) / "family.csv")
    assert errors == []
    assert frame.select("id", "tên; ghi chú, khác", "adults").rows() == [
        ("F1", "Nhà A, thôn 1", "2"), ("F2", "x;y", "3")]


def test_a_comma_header_with_semicolons_inside_quotes_stays_comma_separated() -> None:
    text = 'id,"a;b;c"\nF1,"1;2"\n'
    frame, _ = lm.read_evidence(folder({"family.csv": text}) / "family.csv")
    assert frame.select("id", "a;b;c").rows() == [("F1", "1;2")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom",
                                      "utf-16-be-bom"])
def test_utf8_with_or_without_bom_and_utf16_with_bom_read_alike(encoding: str) -> None:
    text = table(FAMILIES, "\t" if encoding.startswith("utf-16") else ";")
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    assert comparable(evaluate(folder({"family.csv": data}))) == (
        [("F1", 2, "higher"), ("F2", 0, "lower")], [("F3", "adults", "invalid-record", 4)])


def test_a_windows_code_page_file_is_one_problem_at_its_first_bad_byte() -> None:
    rows = [["id", "name", "adults"]] + [[f"F{k}", "Thôn Pác Đeng", "2"] for k in range(500)]
    root = folder({"family.csv": table(rows, ",").encode("cp1258")})
    problem = refused(root)
    assert problem.code == "not-utf8"
    assert problem.span == lm.Span(str(root / "family.csv"), 2, 6)
    assert problem.message.startswith("byte 0xf4 at line 2, column 6 is not valid UTF-8")
    assert problem.hint is not None and '"CSV UTF-8 (Comma delimited)"' in problem.hint


def test_utf16_without_a_bom_is_one_problem_that_says_so() -> None:
    root = folder({"family.csv": table(FAMILIES, "\t").encode("utf-16-le")})
    problem = refused(root)
    assert problem.code == "not-utf8"
    assert problem.message == ("a NUL byte at line 1, column 2: the file is probably UTF-16 "
                               "without a byte-order mark, or not a text file")


def test_broken_utf16_after_a_bom_is_one_problem() -> None:
    data = b"\xff\xfe" + "id\tadults\r\n".encode("utf-16-le") + b"\x00\xdc\x41"
    problem = refused(folder({"family.csv": data}))
    assert problem.code == "not-utf8"
    assert problem.message.startswith("the file starts like UTF-16")


# --- where to fix each rejected record -----------------------------------------------------------

def test_every_record_error_names_the_file_line_column_number_and_header() -> None:
    root = folder({
        "family.csv": "Mã;Số người lớn;income;ghi_chu\nF1;2;tăng nhẹ;\nF2;31;giảm;\n",
        "citizen.csv": "id,family,score,area\nC1,F1,50,V9\nC2,F2,abc,V1\n,F2,1,\n",
        "areas.csv": AREAS + "V2,Thôn 2,thon,X\n",
    })
    spec = SETS["family"].inputs["adults"].model_copy(
        update={"label": lm.Text(vi="Số người lớn", en="Adults")})
    sets = {**SETS, "family": SETS["family"].model_copy(
        update={"inputs": {**SETS["family"].inputs, "adults": spec}})}
    evaluation = evaluate_dataset(read_dataset(root), sets=sets)
    assert lines(evaluation) == [
        "data/areas.csv:4: V2: level 'thon' is not one of country, province, district, "
        "commune, village (column 3 'level') [invalid-record]",
        "data/citizen.csv:2: C1: area 'V9' is not in the area list (areas.csv) "
        "(column 4 'area') [invalid-record]",
        "data/citizen.csv:3: C2: 'score' must be a whole number, found 'abc' "
        "(column 3 'score') [invalid-record]",
        "data/citizen.csv:4: the record has no 'id' (column 1 'id') [missing-id]",
        "data/family.csv:2: F1: 'income' must be one of 'giảm', 'ổn định', 'tăng' "
        "(or lower, stable, higher), found 'tăng nhẹ' (column 3 'income') [invalid-record]",
        "data/family.csv:2: F1: unknown column 'ghi_chu'; the set declares no such input "
        "(column 4 'ghi_chu') [unknown-column]",
        "data/family.csv:3: F2: 'adults' is 31, above the maximum 30 "
        "(column 2 'Số người lớn') [out-of-bounds]",
        "data/family.csv:3: F2: unknown column 'ghi_chu'; the set declares no such input "
        "(column 4 'ghi_chu') [unknown-column]",
    ]
    assert {e.file for e in evaluation.errors} == {"data/areas.csv", "data/citizen.csv",
                                                    "data/family.csv"}


def test_the_example_with_errors_tells_where_and_what_to_fix_on_every_line() -> None:
    evaluation = evaluate_dataset(read_dataset(EXAMPLE / "2024-with-errors"), year=2024)
    assert len(evaluation.errors) >= 10
    shape = re.compile(r"^\S+/2024-with-errors/\w+\.csv:\d+: .+ \(column \d+ '\w+'\) "
                       r"\[[a-z-]+\]$")
    for error in evaluation.errors:
        assert error.field is not None and error.line is not None, error
        assert shape.match(error.format()), error.format()
    income = next(e for e in evaluation.errors if e.field == "income")
    assert "'giảm', 'ổn định', 'tăng'" in income.message


# --- a relation to a rejected record names it ----------------------------------------------------

def test_a_relation_to_a_record_its_reader_rejected_says_where_that_record_is() -> None:
    root = folder({
        "family.csv": "id,adults\nF0,1\nF1,2,extra\nF2,1\n",
        "citizen.csv": "id,family,score,area\nC1,F1,60,V1\nC2,F2,60,V2\nC3,F9,60,V1\n",
        "areas.csv": AREAS + "V2,Thôn 2,thon,X\n",
    })
    evaluation = evaluate(root)
    messages = {(e.record, e.field): e.message for e in evaluation.errors}
    assert messages[("C1", "family")] == \
        "family 'F1' was rejected (family.csv:3) (column 2 'family')"
    assert messages[("C2", "area")] == "area 'V2' was rejected (areas.csv:4) (column 4 'area')"
    assert messages[("C3", "family")] == \
        "family 'F9' does not exist in family.csv (column 2 'family')"
    assert ("C2", "family") not in messages


def test_a_duplicate_id_says_where_the_record_that_keeps_it_is() -> None:
    root = folder({"family.csv": "id,adults\nF1,1\n\nF2,1\n F1 ,2\n"})
    (error,) = evaluate(root).errors
    assert error.format() == ("data/family.csv:5: F1: id 'F1' is used by an earlier record, "
                              "at family.csv:2 (column 1 'id') [duplicate-record]")


# --- huge and hostile files ----------------------------------------------------------------------

def test_a_ten_megabyte_field_rejects_only_its_row_and_says_why() -> None:
    big = "x" * (10 * 2**20)
    root = folder({"family.csv": f"id,adults\nF1,1\nF2,{big}\nF3,2\n"})
    evaluation = evaluate(root)
    assert [r.subject for r in evaluation.results["family"]] == ["F1", "F3"]
    (error,) = evaluation.errors
    assert (error.line, error.code) == (3, "invalid-record")
    assert error.message == ("not CSV: a value longer than 131,072 characters; is a quote not "
                             "closed?")
    assert error.text("vi") == ("không phải CSV: một giá trị dài hơn 131.072 ký tự; có dấu ngoặc "
                                "kép nào chưa đóng?")


def test_a_ten_megabyte_header_field_is_one_problem() -> None:
    problem = refused(folder({"family.csv": "id," + "y" * (10 * 2**20) + "\nF1,1\n"}))
    assert problem.code == "unreadable-evidence"
    assert "a value longer than 131,072 characters" in problem.message


def test_a_header_of_ten_thousand_columns_is_one_problem() -> None:
    header = ",".join(["id", *(f"c{k}" for k in range(9_999))])
    row = ",".join(["F1", *("1" for _ in range(9_999))])
    problem = refused(folder({"family.csv": f"{header}\n{row}\n" * 1}))
    assert (problem.code, problem.message) == (
        "too-large", "the records have 10,000 columns; at most 1,000 are read")


def test_json_records_with_ten_thousand_keys_are_one_problem() -> None:
    record = {"id": "F1", **{f"c{k}": 1 for k in range(9_999)}}
    problem = refused(folder({"family.json": json.dumps([record])}))
    assert problem.code == "too-large"


@pytest.mark.slow
def test_a_million_rows_with_one_bad_row_give_one_error_at_its_line() -> None:
    n = 1_000_000
    rows = [f"F{k},{k % 30}\n" for k in range(n)]
    rows[654_321] = "F654321,mười\n"
    root = folder({"family.csv": "id,adults\n" + "".join(rows)})
    evaluation = evaluate(root)
    assert [(e.record, e.line, e.field) for e in evaluation.errors] == [
        ("F654321", 654_323, "adults")]
    assert len(evaluation.results["family"]) == n - 1


def test_an_area_list_without_its_columns_names_its_file() -> None:
    root = folder({"family.csv": "id,adults\nF1,1\n", "areas.csv": "code,name\nX,Xã\n"})
    problem = refused(root)
    assert problem.message == "data/areas.csv: the area list lacks the column(s) 'level'"
