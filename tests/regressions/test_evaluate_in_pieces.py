"""Hardening (issue 18, case 3): ``evaluate`` reads, types, scores and writes its input a
piece at a time, with the output of the whole: an id an earlier piece used is rejected as a
repeated id, every record is in the results or the errors, and ``--errors FILE`` is whole
even when the reader of standard output goes away (``| head``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from learning_models._cli import main
from learning_models._cli import streamed as _streamed

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
HOUSEHOLDS = (EXAMPLES / "households.csv").read_text(encoding="utf-8").splitlines()
#: Ten good households, then: HH-002 again (a piece later), a bad number, a row of two
#: fields, a quoted name over two lines, HH-011 twice in one piece, a blank line.
LINES = [*HOUSEHOLDS, HOUSEHOLDS[2].replace("HH-002", " HH-002 "),
         "HH-012,Hộ bà Lò Thị Xuân,x,1,có,có,2,2,2,2,có,có,có,higher,có",
         "HH-013,Hộ thiếu cột", HOUSEHOLDS[4].replace("HH-004", "HH-011")
         .replace("Hộ", '"Hộ\nông"'), HOUSEHOLDS[5].replace("HH-005", "HH-011"), "",
         HOUSEHOLDS[6].replace("HH-006", "HH-014")]


def evaluate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             rows: int, *options: str) -> tuple[int, str, str]:
    path = tmp_path / "households.csv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    monkeypatch.setattr(_streamed, "PIECE_ROWS", rows)
    status = main(["evaluate", "--criteria", str(EXAMPLES / "family-set.yaml"), "--input",
                   str(path), "--year", "2024", *options])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("form", [[], ["--format", "csv"], ["--format", "json"],
                                  ["--lang", "en"]])
def test_an_input_evaluated_in_pieces_gives_the_output_of_the_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        form: list[str]) -> None:
    whole = evaluate(tmp_path, monkeypatch, capsys, 1_000_000, *form)
    for rows in (1, 2, 3, 5):
        assert evaluate(tmp_path, monkeypatch, capsys, rows, *form) == whole
    status, _, err = whole
    assert status == 1
    said = "used by an earlier record" if "en" in form else "đã dùng ở dòng trước"
    assert "HH-002" in err and said in err                             # across pieces
    assert err.count(said) == 2                                        # and within one


def test_the_errors_file_is_whole_when_standard_output_goes_away(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    errors = tmp_path / "errors.csv"
    evaluate(tmp_path, monkeypatch, capsys, 2, "--errors", str(errors))
    expected = errors.read_text(encoding="utf-8")
    errors.unlink()
    monkeypatch.setattr("sys.stdout", Gone())
    status, _, _ = evaluate(tmp_path, monkeypatch, capsys, 2, "--errors", str(errors))
    assert status == 0  # as for any command piped into `head`
    assert errors.read_text(encoding="utf-8") == expected
    assert expected.count("\n") == 5  # header, two repeated ids, a bad number, a short row


def test_a_relation_column_empty_in_the_first_pieces_is_written_from_the_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    lines = [LINES[0] + ",community", *(line + "," for line in LINES[1:8]),
             *(line + ",0183401" for line in LINES[8:11])]
    monkeypatch.setattr(__name__ + ".LINES", lines)
    whole = evaluate(tmp_path, monkeypatch, capsys, 1_000_000, "--format", "csv")
    assert whole[1].splitlines()[0].startswith("id,community,total,")
    assert whole[1].splitlines()[-1].startswith("HH-010,0183401,")
    for rows in (1, 2, 5):
        assert evaluate(tmp_path, monkeypatch, capsys, rows, "--format", "csv") == whole
