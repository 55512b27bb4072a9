"""``evaluate``'s output for large inputs: JSON and CSV written part by part (the same bytes
as written whole), and the rejected records shown on standard error without flooding it."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._cli import main
from learning_models._evidence.read import read_evidence
from learning_models._report import stream as _stream
from learning_models._scoring.results import Evaluations

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
SET = "family-set.yaml"
GOOD = "households.csv"
BAD = "households-with-errors.csv"
HEADER = (EXAMPLES / GOOD).read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture(autouse=True)
def _in_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def evaluated(evidence: str | Path) -> Evaluations:
    """What ``evaluate --criteria SET --input EVIDENCE --year 2024`` evaluates."""
    frame, read_errors = read_evidence(evidence)
    return lm.evaluate(lm.load_criteria(SET), frame, year=2024,
                       file=str(evidence)).with_errors(read_errors)


def header_only(tmp_path: Path) -> str:
    path = tmp_path / "empty.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    return str(path)


def unknown_columns(tmp_path: Path, rows: int) -> str:
    """`rows` households, each with two columns the set does not declare."""
    lines = (EXAMPLES / GOOD).read_text(encoding="utf-8").splitlines()
    path = tmp_path / "wide.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(lines[0] + ",ghi_chu,thon\n")
        for k in range(rows):
            cells = lines[1 + k % 10].split(",")
            cells[0] = f"H{k:05}"
            handle.write(",".join(cells) + ",0183401,DH-1\n")
    return str(path)


# --- JSON and CSV, part by part ------------------------------------------------------------------


@pytest.mark.parametrize("chunk", [1, 3, 10_000])
@pytest.mark.parametrize("evidence", [GOOD, BAD, "empty"])
@pytest.mark.parametrize("kind", ["json", "csv"])
def test_output_written_in_parts_is_the_whole_output_byte_for_byte(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        chunk: int, evidence: str, kind: str) -> None:
    path = header_only(tmp_path) if evidence == "empty" else evidence
    monkeypatch.setattr(_stream, "CHUNK_ROWS", chunk)
    _, out, _ = run(capsys, "evaluate", "--criteria", SET, "--input", path, "--year", "2024",
                    "--format", kind)
    whole = evaluated(path)
    # the command speaks Vietnamese unless asked otherwise: the errors' messages too
    assert out == (whole.to_json("vi") if kind == "json" else whole.to_frame().write_csv())


class Recorder(io.StringIO):
    """Standard output that notes each write among the events of the run."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def write(self, text: str) -> int:
        self.events.append("write")
        return super().write(text)


def test_json_never_holds_every_subjects_dictionary_at_once(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    events: list[str] = []
    made = Evaluations.subject_dicts

    def spy(self: Evaluations) -> Iterator[dict[str, Any]]:
        events.append(f"dicts of {len(self)}")
        yield from made(self)

    monkeypatch.setattr(Evaluations, "subject_dicts", spy)
    monkeypatch.setattr(_stream, "CHUNK_ROWS", 3)
    monkeypatch.setattr("sys.stdout", Recorder(events))
    main(["evaluate", "--criteria", SET, "--input", GOOD, "--year", "2024", "--format", "json"])
    parts = [e for e in events if e.startswith("dicts")]
    assert parts == ["dicts of 3", "dicts of 3", "dicts of 3", "dicts of 1"]
    # each part is written before the next one is made
    first, second = events.index(parts[0]), events.index(parts[1], events.index(parts[0]) + 1)
    assert "write" in events[first + 1:second]


def test_csv_is_written_part_by_part(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    monkeypatch.setattr(_stream, "CHUNK_ROWS", 4)
    monkeypatch.setattr("sys.stdout", out := Recorder(events))
    main(["evaluate", "--criteria", SET, "--input", GOOD, "--format", "csv"])
    assert events == ["write"] * 3
    assert len(out.getvalue().splitlines()) == 11


def test_a_part_is_evaluated_like_the_same_rows_of_the_whole() -> None:
    whole = evaluated(GOOD)
    part = whole.part(3, 4)
    assert [e.subject for e in part] == [e.subject for e in whole[3:7]]
    assert list(part.subject_dicts()) == list(whole.subject_dicts())[3:7]
    assert part.errors == ()


_scalars = (st.none() | st.booleans() | st.integers() | st.text()
            | st.floats(allow_nan=True, allow_infinity=True))
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


@given(_json, st.sampled_from(["", "  ", "    "]))
def test_indented_is_json_dumps_with_indent_2(value: object, pad: str) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
    assert _stream.indented(value, pad) == expected


def test_indented_leaves_other_kinds_to_the_standard_library() -> None:
    value = {"a": (1, 2.5), 3: [math.inf]}
    assert _stream.indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


# --- rejected records on standard error ----------------------------------------------------------


def test_a_column_the_set_does_not_declare_is_one_line_per_column_not_per_record(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = unknown_columns(tmp_path, 500)
    status, out, err = run(capsys, "evaluate", "--criteria", SET, "--input", path,
                           "--lang", "en")
    assert status == 1
    assert out.splitlines()[-1].endswith("; 500 records rejected")
    assert err.splitlines() == [
        f"{path}:2: H00000: unknown column 'ghi_chu'; the set declares no such input "
        "[unknown-column] (and 499 more records with the same problem)",
        f"{path}:2: H00000: unknown column 'thon'; the set declares no such input "
        "[unknown-column] (and 499 more records with the same problem)"]


def test_json_keeps_every_rejected_record_with_its_reason(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = unknown_columns(tmp_path, 30)
    _, out, err = run(capsys, "evaluate", "--criteria", SET, "--input", path, "--format",
                      "json")
    errors = json.loads(out)["errors"]
    assert len(errors) == 60
    assert {(e["field"], e["code"]) for e in errors} == {("ghi_chu", "unknown-column"),
                                                        ("thon", "unknown-column")}
    assert len(err.splitlines()) == 2


def test_many_different_problems_show_the_first_then_how_many_more(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    rows = [f"H{k:02},Hộ,{k + 100},1,có,có,2,2,2,1,có,có,có,stable,có" for k in range(25)]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    status, _, err = run(capsys, "evaluate", "--criteria", SET, "--input", str(path))
    lines = err.splitlines()
    assert status == 1
    assert len(lines) == 21
    assert lines[0].startswith(f"{path}:2: H00: ")
    assert lines[-1] == "… và 5 lỗi khác (xem tất cả: --errors FILE)"


@pytest.mark.parametrize(("extra", "lang", "see"), [
    ([], "en", "all of them: --errors FILE"),
    (["--format", "json"], "en", "see 'errors' in the JSON output"),
    (["--format", "json"], "vi", "xem mục 'errors' của kết quả JSON"),
    (["--errors", "out/errors.csv"], "en", "see out/errors.csv"),
])
def test_the_last_line_says_where_every_problem_is(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        extra: list[str], lang: str, see: str) -> None:
    path = tmp_path / "bad.csv"
    rows = [f"H{k:02},Hộ,{k + 100},1,có,có,2,2,2,1,có,có,có,stable,có" for k in range(22)]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, _, err = run(capsys, "evaluate", "--criteria", str(EXAMPLES / SET), "--input",
                    str(path), "--lang", lang, *extra)
    more = "more problems" if lang == "en" else "lỗi khác"
    assert err.splitlines()[-1] == f"… {'and' if lang == 'en' else 'và'} 2 {more} ({see})"


def test_errors_file_lists_every_rejected_record(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    target = tmp_path / "new" / "errors.csv"
    status, _, err = run(capsys, "evaluate", "--criteria", SET, "--input", BAD, "--year",
                         "2024", "--errors", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert status == 1
    assert len(rows) == len(evaluated(BAD).errors) == len(err.splitlines())
    assert (rows[0]["row"], rows[0]["record"], rows[0]["field"], rows[0]["code"]) == (
        "2", "HH-102", "school_age_children", "invalid-record")


def test_errors_file_is_written_with_no_error_too(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    target = tmp_path / "errors.csv"
    target.write_text("stale\n", encoding="utf-8")
    assert run(capsys, "evaluate", "--criteria", SET, "--input", GOOD, "--errors",
               str(target), "--force")[0] == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1  # the header


@pytest.mark.parametrize(("name", "status", "message"), [
    ("errors.txt", 2, "tệp lỗi phải là một tệp có đuôi .csv, không phải '{path}'"),
    ("taken/errors.csv", 3, "không ghi được tệp lỗi vào '{path}': 'taken' là một tệp, không "
                            "phải thư mục"),
])
def test_a_wrong_errors_file_is_refused_before_the_work(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        name: str, status: int, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("taken").write_text("", encoding="utf-8")
    assert run(capsys, "evaluate", "--criteria", str(EXAMPLES / SET), "--input",
               str(EXAMPLES / GOOD), "--errors", name) == (
        status, "", message.format(path=name) + "\n")
