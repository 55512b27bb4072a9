"""Stopping a command: Ctrl-C (SIGINT) or SIGTERM prints one line, never a traceback, exits
with 128 + the signal's number, and leaves no temporary file where the report was going."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from report_data import DATA, SETS

import learning_models as lm
from learning_models._cli import core as _cli_core
from learning_models._cli import main
from learning_models._cli import streamed as _cli_streamed

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
EVALUATE = ["evaluate", "--criteria", str(EXAMPLES / "family-set.yaml"), "--input",
            str(EXAMPLES / "households.csv")]
REPORT = ["report", str(DATA / "2026"), "--year", "2026", "--criteria-dir", str(SETS),
          "--no-shipped", "--no-plugins", "--quiet"]


def interrupted_main(argv: list[str]) -> int:
    try:
        return main(argv)
    except KeyboardInterrupt:  # escaping, it would stop the whole test run
        pytest.fail("KeyboardInterrupt escaped main()")


def ctrl_c(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(("lang", "line"), [("vi", "đã dừng"), ("en", "interrupted")])
def test_ctrl_c_prints_one_line_and_exits_130(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch, lang: str,
                                              line: str) -> None:
    monkeypatch.setattr(_cli_streamed, "evaluate_pieces", ctrl_c)
    assert interrupted_main([*EVALUATE, "--lang", lang]) == 130
    assert capsys.readouterr() == ("", line + "\n")


def test_a_command_printing_no_text_says_it_in_its_lang(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cli_core, "criteria_set_schema", ctrl_c)
    assert interrupted_main(["schema", "criteria-set"]) == 130
    assert capsys.readouterr().err == "đã dừng\n"
    assert interrupted_main(["schema", "criteria-set", "--lang", "en"]) == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_validate_stopped_says_it_in_vietnamese_by_default(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cli_core, "files_by_format", ctrl_c)
    assert interrupted_main(["validate", "x.yaml"]) == 130
    assert capsys.readouterr().err == "đã dừng\n"


def test_ctrl_c_while_a_file_is_written_removes_its_temporary_file(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    monkeypatch.setattr(Path, "write_bytes", ctrl_c)  # in `atomic_path`, writing results.json
    out = tmp_path / "report"
    assert interrupted_main([*REPORT, "--format", "results", "--out", str(out)]) == 130
    assert capsys.readouterr().err == "đã dừng\n"
    assert list(tmp_path.iterdir()) == []  # no report folder, no hidden .part folder left


def test_the_sigterm_handler_is_put_back_after_the_command() -> None:
    before = signal.getsignal(signal.SIGTERM)
    assert main([*EVALUATE, "--format", "csv"]) == 0
    assert signal.getsignal(signal.SIGTERM) == before


# A report run in its own process, stopped by a signal the process sends itself in the middle
# of writing a file: the workbook (while it is being built, its .part file still empty) or
# the results (just before the written file replaces the old one).
STOP = """\
import os, signal, sys
import xlsxwriter
from learning_models._cli import main

def stop(original):
    def stopped(*args, **kwargs):
        signal.raise_signal(signal.{signal})
        return original(*args, **kwargs)
    return stopped

if {where!r} == "xlsx":
    xlsxwriter.Workbook.add_worksheet = stop(xlsxwriter.Workbook.add_worksheet)
else:
    os.fsync = stop(os.fsync)
sys.exit(main({argv!r}))
"""


@pytest.mark.parametrize("where", ["xlsx", "results"])
@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_while_writing_the_report_leaves_nothing_behind(
        tmp_path: Path, where: str, name: str, status: int) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    argv = [*REPORT, "--format", where, "--out", str(out), "--force"]
    script = textwrap.dedent(STOP).format(signal=name, where=where, argv=argv)
    source = str(Path(lm.__file__).parents[1])
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": source,
                               "LEARNING_MODELS_DISABLE_PLUGINS": "1"}, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (status, "", "đã dừng\n")
    assert [p.name for p in out.iterdir()] == ["keep.txt"]  # the old folder, as it was
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # no hidden .part folder
