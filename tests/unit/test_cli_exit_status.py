"""The exit status of every command: 0 all evaluated (or all well), 1 some records or files
rejected with the output complete, 2 a wrong command line, 3 nothing could be produced.
And ``--input -``: evidence from standard input, as a pipeline gives it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from report_data import DATA, SETS

from learning_models._cli import main

ROOT = Path(__file__).parents[2]
FAMILY = ROOT / "examples" / "family"
SET = str(FAMILY / "family-set.yaml")
GOOD = str(FAMILY / "households.csv")
BAD = str(FAMILY / "households-with-errors.csv")
REPORT = ["report", str(DATA / "2026"), "--year", "2026", "--criteria-dir", str(SETS),
          "--no-shipped", "--quiet", "--format", "results"]


def status_of(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    """The exit status (argparse's own refusals exit 2 by `SystemExit`)."""
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    assert "Traceback" not in capsys.readouterr().err
    return status


@pytest.fixture
def broken_set(tmp_path: Path) -> str:
    path = tmp_path / "broken" / "broken.yaml"
    path.parent.mkdir()
    path.write_text((FAMILY / "family-set.yaml").read_text(encoding="utf-8")
                    .replace("id: examples/family-448", "id: examples/broken\nnonsense: 1"),
                    encoding="utf-8")
    return str(path)


CASES = [
    # command, argv, status
    ("validate", ["validate", SET], 0),
    ("validate", ["validate", "{broken}"], 1),
    ("validate", ["validate"], 2),
    ("validate", ["validate", "{empty}"], 3),
    ("lint", ["lint", SET], 0),
    ("lint", ["lint", "{broken}"], 1),
    ("lint", ["lint", SET, "--bogus"], 2),
    ("lint", ["lint", "{empty}"], 3),
    ("test", ["test", str(ROOT / "criteria" / "vn" / "2021-2025" / "family.test.yaml")], 0),
    ("test", ["test", "--lang", "fr"], 2),
    ("test", ["test", "--criteria-dir", "{missing}"], 3),
    ("list", ["list", "--format", "json"], 0),
    ("list", ["list", "--criteria-dir", "{broken_dir}"], 1),
    ("list", ["list", "--format", "xml"], 2),
    ("list", ["list", "--criteria-dir", "{missing}"], 3),
    ("show", ["show", "vn/2021-2025/family"], 0),
    ("show", ["show"], 2),
    ("show", ["show", "vn/2021-2025/famly"], 3),
    ("diff", ["diff", "vn/2021-2025/family", "vn/2026-2030/family"], 0),
    ("diff", ["diff", "vn/2021-2025/family"], 2),
    ("diff", ["diff", "vn/nope", "vn/2026-2030/family"], 3),
    ("evaluate", ["evaluate", "--criteria", SET, "--input", GOOD, "--format", "json"], 0),
    ("evaluate", ["evaluate", "--criteria", SET, "--input", BAD, "--format", "json"], 1),
    ("evaluate", ["evaluate", "--criteria", SET, "--input", GOOD, "--format", "xml"], 2),
    ("evaluate", ["evaluate", "--criteria", SET, "--input", "{missing}.csv"], 3),
    ("explain", ["explain", "--criteria", SET, "--input", GOOD, "--subject", "HH-001"], 0),
    ("explain", ["explain", "--criteria", SET, "--input", BAD, "--subject", "HH-102"], 1),
    ("explain", ["explain", "--criteria", SET, "--input", GOOD], 2),
    ("explain", ["explain", "--criteria", SET, "--input", GOOD, "--subject", "HH-999"], 3),
    ("schema", ["schema", "results"], 0),
    ("schema", ["schema", "results", "--criteria", SET], 2),
    ("schema", ["schema", "evidence", "--criteria", "vn/nope"], 3),
    ("template", ["template", "--year", "2024", "-o", "{tmp}/mau.xlsx"], 0),
    ("template", ["template", "--year", "2024", "-o", "{tmp}/mau.txt"], 2),
    ("template", ["template", "--year", "1999", "-o", "{tmp}/mau.xlsx"], 3),
    ("report", [*REPORT, "--out", "{tmp}/out"], 1),
    ("report", [*REPORT, "--out", "{tmp}/out", "--previous-year", "2024"], 2),
    ("report", ["report", "{missing}", "--year", "2026", "--out", "{tmp}/out"], 3),
    ("plugins", ["plugins", "--format", "json"], 0),
    ("plugins", ["plugins", "--format", "xml"], 2),
    ("impact", ["impact", str(DATA / "2026"), "--year", "2026", "--before",
                "vn/2026-2030/family", "--after", "vn/2026-2030/family"], 0),
    ("impact", ["impact", str(DATA / "2026"), "--year", "2026"], 2),
    ("impact", ["impact", "{missing}", "--year", "2026", "--before", "vn/2026-2030/family",
                "--after", "vn/2026-2030/family"], 3),
    ("review", ["review", "--period", "2021-2025"], 2),
    ("review", ["review", "--history", "{missing}", "--period", "2021-2025", "--out",
                "{tmp}/rv"], 3),
    ("serve", ["serve", "--host", "0.0.0.0"], 2),
    ("serve", ["serve", "--api-keys", "{missing}"], 3),
]


@pytest.mark.parametrize(("command", "argv", "status"), CASES,
                         ids=[f"{c}-{s}-{n}" for n, (c, _, s) in enumerate(CASES)])
def test_every_command_exits_with_the_documented_status(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, broken_set: str, command: str,
        argv: list[str], status: int) -> None:
    (tmp_path / "empty").mkdir()
    names = {"broken": broken_set, "broken_dir": str(Path(broken_set).parent),
             "empty": str(tmp_path / "empty"), "missing": str(tmp_path / "missing"),
             "tmp": str(tmp_path)}
    assert status_of(capsys, *(a.format(**names) for a in argv)) == status


def test_the_statuses_cover_every_command() -> None:
    from learning_models._cli.entry import _parser

    commands = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert {c for c, _, _ in CASES} == commands


# --- --input - ----------------------------------------------------------------------------------


def stdin_of(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_evaluate_reads_standard_input_in_the_format_named(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    main(["evaluate", "--criteria", SET, "--input", GOOD, "--format", "json"])
    from_file = json.loads(capsys.readouterr().out)
    stdin_of(monkeypatch, Path(GOOD).read_bytes())
    assert main(["evaluate", "--criteria", SET, "--input", "-", "--input-format", "csv",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == from_file


def test_records_rejected_from_standard_input_are_named_stdin(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_of(monkeypatch, json.dumps([{"id": "A", "adults": 2},
                                      {"id": "B", "adults": -1}]).encode())
    assert main(["evaluate", "--criteria", SET, "--input", "-", "--input-format", "json",
                 "--format", "json"]) == 1
    out, err = capsys.readouterr()
    errors = json.loads(out)["errors"]
    assert [(e["record"], e["file"], e["row"]) for e in errors] == [("B", "<stdin>", 2)]
    assert err.startswith("<stdin> #2: B: ")


def test_explain_reads_standard_input(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    main(["explain", "--criteria", SET, "--input", GOOD, "--subject", "HH-002"])
    expected = capsys.readouterr().out
    stdin_of(monkeypatch, Path(GOOD).read_bytes())
    assert main(["explain", "--criteria", SET, "--input", "-", "--input-format", "csv",
                 "--subject", "HH-002"]) == 0
    assert capsys.readouterr().out == expected
    stdin_of(monkeypatch, Path(GOOD).read_bytes())
    assert main(["explain", "--criteria", SET, "--input", "-", "--input-format", "csv",
                 "--subject", "HH-999"]) == 3
    assert capsys.readouterr().err.startswith("không có đối tượng 'HH-999' trong '<stdin>'\n")


@pytest.mark.parametrize(("argv", "message"), [
    (["--input", "-"], "--input - đọc đầu vào chuẩn: hãy cho biết định dạng bằng --input-format"),
    (["--input", GOOD, "--input-format", "csv"], "--input-format chỉ dùng với --input -"),
])
def test_input_format_and_standard_input_go_together(
        capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(["evaluate", "--criteria", SET, *argv]) == 2
    assert capsys.readouterr().err.startswith(message)


def test_unreadable_standard_input_produces_nothing(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_of(monkeypatch, b"\xff\xfe\x00garbage")
    assert main(["evaluate", "--criteria", SET, "--input", "-", "--input-format", "json"]) == 3
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("<stdin>")


def test_schema_results_is_the_schema_evaluate_json_follows(
        capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    main(["schema", "results"])
    schema = json.loads(capsys.readouterr().out)
    main(["evaluate", "--criteria", SET, "--input", BAD, "--format", "json"])
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)
