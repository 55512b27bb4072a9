"""Evidence files (CSV, JSON, YAML, Parquet) → records; a bad file raises, bad records don't."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from builders import build, ind, make_set

import learning_models as lm

SPEC = build(make_set(
    {"n": {"type": "integer", "minimum": 0, "maximum": 10}, "b": "boolean",
     "e": {"type": "enum", "values": ["low", "high"]}},
    {"C1": [ind("I1", "n >= 1"), ind("I2", "b"), ind("I3", "e == 'high'")]},
    "total >= 20",
))
HEADER = "id,n,b,e\n"
EXAMPLES = Path(__file__).parents[2] / "examples" / "family"


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # files are named as a user names them: relative


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = Path(name)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def evaluate_file(path: Path, spec: lm.CriteriaSet = SPEC) -> lm.Evaluations:
    """What the command line does: read, evaluate, and join the reader's errors."""
    frame, errors = lm.read_evidence(path)
    return lm.evaluate(spec, frame, file=str(path)).with_errors(errors)


def subjects(results: lm.Evaluations) -> list[tuple[str, float]]:
    return [(r.subject, r.total) for r in results]


def refused(path: Path) -> lm.Problem:
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_evidence(path)
    (problem,) = caught.value.problems
    return problem


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_with_bom_is_read_like_without(tmp_path: Path) -> None:
    body = HEADER + "A,1,có,high\n"
    plain = evaluate_file(write(tmp_path, "plain.csv", body))
    bom = evaluate_file(write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + body.encode()))
    assert subjects(bom) == subjects(plain) == [("A", 30.0)]
    assert bom.errors == ()


def test_a_csv_that_is_not_utf8_names_the_line_and_column_of_the_bad_byte(tmp_path: Path) -> None:
    content = (HEADER + "A,1,có,high\nBé,1,c").encode() + b"\xf3" + b",high\n"
    problem = refused(write(tmp_path, "latin.csv", content))
    assert problem.code == "not-utf8"
    assert problem.message.startswith("byte 0xf3 at line 3, column 7 is not valid UTF-8: ")
    assert problem.span == lm.Span("latin.csv", 3, 7)
    assert problem.hint is not None and "CSV UTF-8" in problem.hint


def test_ragged_rows_are_rejected_with_their_line_and_the_rest_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", HEADER + "A,1,có,high,extra\nB,1\nC,1,có,high\n")
    results = evaluate_file(path)
    assert subjects(results) == [("C", 30.0)]
    assert [e.format() for e in results.errors] == [
        "r.csv:2: A: the row has 5 fields, the header 4 [invalid-record]",
        "r.csv:3: B: the row has 2 fields, the header 4 [invalid-record]",
    ]


def test_an_unclosed_quote_is_one_bad_row_shown_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", HEADER + 'A,1,có,high\n"B,1,có,high\nC,1,có,high\n')
    results = evaluate_file(path)
    assert subjects(results) == [("A", 30.0)]
    (error,) = results.errors
    assert "\n" not in error.format()
    assert error.format() == (
        "q.csv:3: B,1,có,high…: the row has 1 fields, the header 4; it runs on to line 4: "
        "is a quote not closed? [invalid-record]")


def test_blank_lines_are_layout_and_lines_still_count(tmp_path: Path) -> None:
    path = write(tmp_path, "b.csv", HEADER + "\nA,1,có,high\n,,,\n\r\nB,-1,có,high\n\n")
    results = evaluate_file(path)
    assert subjects(results) == [("A", 30.0)]
    assert [(e.row, e.line, e.code) for e in results.errors] == [(2, 6, "out-of-bounds")]


def test_a_quoted_cell_over_two_lines_keeps_later_lines_right(tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", 'id,name,n\nA,"Hộ\nông A",1\nB,x,99\n')
    results = evaluate_file(path)
    assert results[0].name == "Hộ\nông A"
    assert [(e.record, e.line) for e in results.errors] == [("B", 4)]


def test_empty_cells_are_missing_evidence(tmp_path: Path) -> None:
    results = evaluate_file(write(tmp_path, "m.csv", HEADER + "A,, ,\n"))
    assert results.errors == ()
    assert [i.status for i in results[0].indicators] == ["missing"] * 3
    assert results[0].status == "incomplete"


@pytest.mark.parametrize(("header", "message"), [
    ("id,n,n\n", "column 'n' appears twice in the header"),
    ("id,,n\n", "column 2 has no name"),
])
def test_a_broken_header_makes_the_file_unreadable(tmp_path: Path, header: str,
                                                   message: str) -> None:
    problem = refused(write(tmp_path, "h.csv", header + "A,1,1\n"))
    assert (problem.code, problem.message) == ("unreadable-evidence", message)


def test_an_empty_csv_has_no_header(tmp_path: Path) -> None:
    problem = refused(write(tmp_path, "e.csv", ""))
    assert (problem.code, problem.message) == ("unreadable-evidence",
                                               "the CSV file has no header row")


def test_a_header_only_csv_has_no_records(tmp_path: Path) -> None:
    results = evaluate_file(write(tmp_path, "h.csv", HEADER))
    assert len(results) == 0
    assert results.errors == ()


def test_a_cell_larger_than_the_csv_limit_rejects_only_its_record(tmp_path: Path) -> None:
    path = write(tmp_path, "big.csv", "id,n\nA," + "9" * 200_000 + "\nB,1\n")
    results = evaluate_file(path)
    assert [r.subject for r in results] == ["B"]
    assert [(e.row, e.line, e.code) for e in results.errors] == [(1, 2, "invalid-record")]


def test_the_suffix_decides_the_reader_whatever_its_case(tmp_path: Path) -> None:
    results = evaluate_file(write(tmp_path, "UP.CSV", HEADER + "A,1,có,high\n"))
    assert subjects(results) == [("A", 30.0)]


# --- files that cannot be read -------------------------------------------------------------------


def test_an_unknown_kind_of_file_is_unreadable(tmp_path: Path) -> None:
    problem = refused(write(tmp_path, "x.txt", "id\n"))
    assert problem.code == "unreadable-evidence"
    assert problem.hint == "use .csv, .json, .yaml or .parquet"


@pytest.mark.parametrize("make_dir", [False, True])
def test_a_missing_file_or_a_directory_is_not_found(tmp_path: Path, make_dir: bool) -> None:
    path = Path("x.csv")
    if make_dir:
        path.mkdir()
    assert refused(path).code == "file-not-found"


# --- JSON and YAML -------------------------------------------------------------------------------


@pytest.mark.parametrize("wrap", [False, True])
def test_json_records_come_as_a_list_or_under_records(tmp_path: Path, wrap: bool) -> None:
    records = [{"id": "A", "n": 2, "b": True, "e": "high"}, {"id": "B", "n": "x"}]
    data = {"records": records} if wrap else records
    results = evaluate_file(write(tmp_path, "r.json", json.dumps(data)))
    assert subjects(results) == [("A", 30.0)]
    assert [e.format() for e in results.errors] == [
        "r.json #2: B: 'n' must be a whole number, found 'x' [invalid-record]"]


@pytest.mark.parametrize(("content", "code", "where"), [
    ('{"records": [', "unreadable-evidence", (1, 14)),
    ('{"records": 5}', "unreadable-evidence", (1, 1)),
    ('{"records": [], "more": 1}', "unreadable-evidence", (1, 1)),
    ('"id"', "unreadable-evidence", (1, 1)),
])
def test_json_that_is_not_a_list_of_records_is_unreadable(tmp_path: Path, content: str,
                                                          code: str,
                                                          where: tuple[int, int]) -> None:
    problem = refused(write(tmp_path, "r.json", content))
    assert problem.code == code
    assert problem.span is not None
    assert (problem.span.line, problem.span.column) == where


YAML_RECORDS = """\
records:
  - id: A
    n: 2
    b: có
    e: high
  - id: B
    n: many
  - id: C
    n: 99
"""


def test_yaml_records_are_located_by_line(tmp_path: Path) -> None:
    results = evaluate_file(write(tmp_path, "r.yaml", YAML_RECORDS))
    assert subjects(results) == [("A", 30.0)]
    assert [e.format() for e in results.errors] == [
        "r.yaml:6: B: 'n' must be a whole number, found 'many' [invalid-record]",
        "r.yaml:8: C: 'n' is 99, above the maximum 10 [out-of-bounds]",
    ]


def test_yaml_records_may_be_a_bare_list(tmp_path: Path) -> None:
    content = "- {id: A, n: 2, b: true, e: high}\n- id: B\n  n: [1]\n"
    results = evaluate_file(write(tmp_path, "r.yml", content))
    assert subjects(results) == [("A", 30.0)]
    assert [(e.line, e.message) for e in results.errors] == [
        (2, "'n' must be a single value, found list")]


def test_broken_yaml_evidence_is_an_evidence_error_with_its_position(tmp_path: Path) -> None:
    problem = refused(write(tmp_path, "r.yaml", "records:\n  - id: A\n    n: [1\n"))
    assert problem.code == "yaml-syntax"
    assert problem.span is not None
    assert problem.span.line == 4


# --- a key given twice in a record ---------------------------------------------------------------

JSON_TWICE = """\
[
  {"id": "A", "n": 2, "b": true, "e": "high"},
  {"id": "HH-1", "n": 2,
   "n": "two"},
  {"id": "C", "n": 1, "b": true, "e": "low"}
]
"""
YAML_TWICE = """\
records:
  - {id: A, n: 2, b: true, e: high}
  - id: HH-1
    n: 2
    n: two
  - id: C
    n: 1
    b: true
    e: low
"""


@pytest.mark.parametrize(("name", "content", "where"), [
    ("r.json", JSON_TWICE, "r.json:3: HH-1: 'n' is given twice; keep one"),
    ("r.yaml", YAML_TWICE, "r.yaml:5: HH-1: 'n' is given twice (first defined at line 4); "
                           "keep one"),
])
def test_a_record_giving_a_key_twice_is_rejected_and_the_others_evaluated(
        tmp_path: Path, name: str, content: str, where: str) -> None:
    results = evaluate_file(write(tmp_path, name, content))
    assert subjects(results) == [("A", 30.0), ("C", 20.0)]
    assert [e.format() for e in results.errors] == [f"{where} [duplicate-key]"]
    (error,) = results.errors
    assert (error.row, error.field) == (2, "n")
    assert results.counts()["rejected"] == 1


def test_json_on_one_line_names_the_record_by_its_id_and_row(tmp_path: Path) -> None:
    records = '[{"id":"HH-1","n":2,"n":"two","b":1,"b":0},{"id":"B","n":1},{"id":"C","e":"low"}]'
    results = evaluate_file(write(tmp_path, "r.json", '{"records":' + records + "}"))
    assert [r.subject for r in results] == ["B", "C"]
    assert [(e.record, e.row, e.line, e.field, e.code) for e in results.errors] == [
        ("HH-1", 1, 1, "b", "duplicate-key"), ("HH-1", 1, 1, "n", "duplicate-key")]


def test_the_records_key_twice_is_a_problem_of_the_file(tmp_path: Path) -> None:
    problem = refused(write(tmp_path, "r.json", '{"records": [], "records": []}'))
    assert (problem.code, problem.message) == ("duplicate-key", "duplicate key 'records'")
    problem = refused(write(tmp_path, "r.yaml", "records: []\nrecords:\n  - id: A\n"))
    assert (problem.code, problem.span) == ("duplicate-key", lm.Span("r.yaml", 2, 1))


def test_a_key_twice_in_a_record_of_a_bare_yaml_list(tmp_path: Path) -> None:
    content = "- {id: A, n: 2, b: true, e: high}\n- {id: B, e: low, e: high, e: low}\n"
    results = evaluate_file(write(tmp_path, "r.yml", content))
    assert subjects(results) == [("A", 30.0)]
    assert [(e.line, e.record, e.field) for e in results.errors] == [(2, "B", "e")]


# --- Parquet -------------------------------------------------------------------------------------


def test_parquet_keeps_its_column_types(tmp_path: Path) -> None:
    path = Path("r.parquet")
    pl.DataFrame({"id": ["A", "B", "C"], "n": [2, None, 11], "b": [True, False, None],
                  "e": ["high", "low", None]}).write_parquet(path)
    results = evaluate_file(path)
    assert subjects(results) == [("A", 30.0), ("B", 0.0)]
    assert [(e.record, e.code) for e in results.errors] == [("C", "out-of-bounds")]


def test_a_file_that_is_not_parquet_is_unreadable(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "r.parquet", b"PAR1 not really")).code == "unreadable-evidence"


# --- the example file and a large one ------------------------------------------------------------


def test_the_example_with_errors_rejects_six_records_and_evaluates_one() -> None:
    spec = lm.load_criteria(EXAMPLES / "family-set.yaml")
    results = evaluate_file(EXAMPLES / "households-with-errors.csv", spec)
    assert [r.subject for r in results] == ["HH-101"]
    assert [(e.line, e.record, e.code) for e in results.errors] == [
        (3, "HH-102", "invalid-record"), (4, "HH-103", "out-of-bounds"),
        (5, "HH-101", "duplicate-record"), (6, "HH-104", "invalid-record"),
        (7, "HH-105", "invalid-record"), (8, None, "missing-id")]
    assert results.counts() == {"recognised": 1, "not_recognised": 0, "incomplete": 0,
                                "rejected": 6}


def test_a_large_csv_is_evaluated_with_every_row_accounted_for(tmp_path: Path) -> None:
    rows = 200_000
    path = Path("large.csv")
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for k in range(rows):
            n = -1 if k % 997 == 0 else k % 4          # out of bounds
            flag = ("có", "không", "", "maybe")[k % 4] if k % 1013 else "?"
            label = "" if k % 7 == 0 else ("low", "high")[k % 2]
            ident = f"H{k - 1}" if k % 50_000 == 1 else f"H{k}"  # a few duplicates
            out.write(f"{ident},{n},{flag},{label}\n")
    results = evaluate_file(path)
    counts = results.counts()
    evaluated = counts["recognised"] + counts["not_recognised"] + counts["incomplete"]
    assert evaluated == len(results)
    assert evaluated + counts["rejected"] == rows
    assert counts["rejected"] == len({e.row for e in results.errors})
    assert counts["rejected"] > rows // 4  # every 'maybe' is rejected
    assert {e.code for e in results.errors} == {"out-of-bounds", "invalid-record",
                                                "duplicate-record"}
    assert results.to_frame().height == evaluated
