"""Hardening (issue 18, cases 13, 14, 15): what we write is whole, never clobbers, and is
safe to open in a spreadsheet.

13. A report folder is replaced as a whole or not at all; leftovers of a killed run are
    cleaned (or put back) on the next run, and named.
14. ``evaluate --errors FILE`` and ``report --out DIR`` replace what exists only with
    ``--force``.
15. Text cells of ``results.csv`` and ``errors.csv`` that a spreadsheet would run as a
    formula are written with a leading apostrophe (OWASP).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main
from learning_models._documents import write_pieces
from learning_models._report import files as _writers

ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "golden" / "report" / "data" / "2026"
SETS = ROOT / "tests" / "golden" / "report" / "sets"
FAMILY = ROOT / "examples" / "family"
REPORT = ["report", str(DATA), "--year", "2026", "--criteria-dir", str(SETS), "--no-shipped",
          "--no-plugins", "--quiet", "--format", "results"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


# --- 14: no silent overwrite ------------------------------------------------------------------


def test_evaluate_does_not_overwrite_an_errors_file_without_force(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "errors.csv"
    target.write_text("mine\n", encoding="utf-8")
    argv = ["evaluate", "--criteria", str(FAMILY / "family-set.yaml"), "--input",
            str(FAMILY / "households.csv"), "--errors", str(target)]
    status, out, err = run(capsys, *argv)
    assert (status, out) == (3, "")  # nothing produced
    assert "đã có; thêm --force" in err
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run(capsys, *argv, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("year,file,row")


def test_report_does_not_replace_a_folder_with_files_without_force(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    status, _, err = run(capsys, *REPORT, "--out", str(out))
    assert status == 3  # nothing produced
    assert "đã có tệp; thêm --force" in err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_report_with_force_replaces_the_folder_as_a_whole(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "bao-cao-2020.html").write_text("an old report", encoding="utf-8")
    run(capsys, *REPORT, "--out", str(out), "--force")
    assert sorted(p.name for p in out.iterdir()) == [
        "errors.csv", "results.csv", "results.json", "rollup.json"]
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # nothing hidden beside it


def test_force_never_replaces_a_folder_that_holds_folders(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "work"
    (out / "photos").mkdir(parents=True)
    status, _, err = run(capsys, *REPORT, "--out", str(out), "--force")
    assert status == 3  # nothing produced
    assert "chứa thư mục 'photos'" in err
    assert (out / "photos").is_dir()


# --- 13: whole or not at all ------------------------------------------------------------------


def test_a_failing_writer_leaves_the_old_report_as_it_was(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    out = tmp_path / "report"
    run(capsys, *REPORT, "--out", str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    original = _writers.write_text
    calls: list[str] = []

    def fails_on_the_last(path: Path, text: str) -> None:
        calls.append(Path(path).name)
        if Path(path).name == "rollup.json":
            disk_full()
        original(path, text)

    def pieces_counted(path: Path, pieces: Iterable[str]) -> None:
        calls.append(Path(path).name)
        original_pieces(path, pieces)

    original_pieces = _writers.write_pieces
    monkeypatch.setattr(_writers, "write_text", fails_on_the_last)
    monkeypatch.setattr(_writers, "write_pieces", pieces_counted)
    status, _, err = run(capsys, *REPORT, "--out", str(out), "--force")
    assert status == 3 and "no space left on device" in err.lower()
    assert calls[-1] == "rollup.json" and len(calls) == 4  # three files were written first
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


@pytest.mark.parametrize("left", [".report.x1.part", ".report.x2.old"])
def test_leftovers_of_a_killed_run_are_removed_and_named(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, left: str) -> None:
    (tmp_path / left).mkdir()
    (tmp_path / left / "results.json.x.part").write_text("{", encoding="utf-8")
    out = tmp_path / "report"
    out.mkdir()
    _, _, err = run(capsys, *REPORT, "--out", str(out))
    assert f"removed {left!r}, left by an interrupted run" in err
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_a_report_killed_between_the_two_renames_is_put_back(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    aside = tmp_path / ".report.x3.old"
    aside.mkdir()
    (aside / "results.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "report"
    status, _, err = run(capsys, *REPORT, "--out", str(out))
    assert status == 3  # nothing produced
    assert "đã có tệp" in err  # the old report is back: not replaced without --force
    assert "put back from '.report.x3.old'" in err
    assert (out / "results.json").read_text(encoding="utf-8") == "{}"


# --- 15: formulas neutralised -----------------------------------------------------------------


FORMULAS = ["=1+2", "+1+2", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]


def test_csv_cells_that_would_run_as_formulas_start_with_an_apostrophe(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rows = ["id,adults,name"] + [f'"{f}",1,"{f}"' for f in FORMULAS] + ['"=BAD",x,n']
    evidence = tmp_path / "households.csv"
    evidence.write_text("\n".join(rows) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.csv"
    status, out, _ = run(capsys, "evaluate", "--criteria", str(FAMILY / "family-set.yaml"),
                         "--input", str(evidence), "--year", "2024", "--format", "csv",
                         "--errors", str(errors))
    assert status == 1  # records were rejected; the output is complete
    ids = [row["id"] for row in csv.DictReader(io.StringIO(out))]
    assert ids == ["'" + f for f in FORMULAS]
    [error] = list(csv.DictReader(io.StringIO(errors.read_text(encoding="utf-8"))))
    assert error["record"] == "'=BAD"


def test_results_csv_of_a_report_neutralises_formulas_but_keeps_numbers(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for file in DATA.iterdir():
        text = file.read_text(encoding="utf-8")
        if file.name == "family.csv":
            header, first, *rest = text.splitlines()
            text = "\n".join([header, "=1+2" + first[first.index(","):], *rest]) + "\n"
        (data / file.name).write_text(text, encoding="utf-8")
    out = tmp_path / "report"
    argv = [*REPORT, "--out", str(out)]
    argv[1] = str(data)
    run(capsys, *argv)
    rows = list(csv.DictReader(io.StringIO((out / "results.csv").read_text(encoding="utf-8"))))
    assert "'=1+2" in [r["id"] for r in rows]
    assert all(not r["total"].startswith("'") for r in rows)


def test_results_json_is_written_a_subject_at_a_time_and_whole_or_not_at_all(
        tmp_path: Path) -> None:
    evaluation = lm.evaluate_dataset(lm.read_dataset(ROOT / "examples" / "bac-kan-city" / "2024"),
                                     year=2024)
    pieces = list(_writers.results_json_pieces(evaluation, "vi"))
    families = len(evaluation.results["family"])
    assert len(pieces) > families   # never the whole text in one piece
    path = tmp_path / "results.json"
    write_pieces(path, pieces)
    text = path.read_text("utf-8")
    assert text == _writers.results_json(evaluation, "vi")
    assert json.loads(text)["models"]["family"]["counts"]["recognised"] > 0

    def broken() -> Iterator[str]:
        yield from pieces[:100]
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_pieces(path, broken())
    assert path.read_text("utf-8") == text and [p.name for p in tmp_path.iterdir()] == [
        "results.json"]
