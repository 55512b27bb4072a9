"""A battery of broken command lines, one or more for every command, run as a person types
them: what standard error says is Vietnamese by default (with its diacritics, none of
argparse's or the commands' English texts) and English with ``--lang en`` given anywhere on
the line; the exit status is the same in both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_data import DATA, SETS

import learning_models as lm
from learning_models._cli import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
SET = str(EXAMPLES / "family-set.yaml")
GOOD = str(EXAMPLES / "households.csv")
REPORT = ["report", str(DATA / "2026"), "--year", "2026", "--criteria-dir", str(SETS),
          "--no-shipped", "--quiet", "--format", "results"]

VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")

#: English that must not reach a Vietnamese reader: argparse's texts and the words the
#: commands' English messages are made of.
ENGLISH = re.compile(
    r"usage:|error:|hint:|\bargument\b|invalid|required|unrecognized|expected|ambiguous|"
    r"not allowed|choose from|\bcannot\b|\bno such\b|\bmust\b|\bis not\b|\bneeds\b|"
    r"\bgive\b|\bis a\b|\bnot a\b|\bunknown\b|\bnamed\b|\brecorded\b|\bnot both\b|\bgoes with\b")


def _words(err: str, scratch: Path) -> str:
    """What standard error says, without the options, the problem codes and the paths it
    names."""
    return re.sub(r"--[a-z-]+|\[[a-z-]+\]", "", err.replace(str(scratch), ""))

#: Each broken command line, by what is wrong with it; "{tmp}" is a scratch folder holding
#: "file.txt" (a file) and "empty" (an empty folder).
BROKEN = {
    "validate: no path": ["validate"],
    "validate: a wrong --lang": ["validate", "x.yaml", "--lang", "fr"],
    "evaluate: a year that is not a number": ["evaluate", "--criteria", SET, "--input", GOOD,
                                              "--year", "abc"],
    "evaluate: no --input": ["evaluate", "--criteria", SET],
    "evaluate: an unknown format": ["evaluate", "--criteria", SET, "--input", GOOD,
                                    "--format", "xml"],
    "evaluate: an unknown option": ["evaluate", "--criteria", SET, "--input", GOOD, "--bogus"],
    "evaluate: an ambiguous option": ["evaluate", "--criteria", SET, "--inp", GOOD],
    "evaluate: an option without its value": ["evaluate", "--criteria", SET, "--input"],
    "evaluate: no set": ["evaluate", "--input", GOOD],
    "evaluate: --criteria and --model": ["evaluate", "--criteria", SET, "--model", "family",
                                         "--input", GOOD],
    "evaluate: --model without --year": ["evaluate", "--model", "family", "--input", GOOD],
    "evaluate: a folder as --input": ["evaluate", "--criteria", SET, "--input", "{tmp}"],
    "evaluate: an unknown set": ["evaluate", "--criteria", "vn/nosuch", "--input", GOOD],
    "explain: no --subject": ["explain", "--criteria", SET, "--input", GOOD],
    "explain: an absent subject": ["explain", "--criteria", SET, "--input", GOOD,
                                   "--subject", "HH-999"],
    "schema: an unknown schema": ["schema", "nosuch"],
    "schema: evidence without a set": ["schema", "evidence"],
    "schema: --criteria with another schema": ["schema", "targets", "--criteria", SET],
    "list: an unknown option": ["list", "--bogus"],
    "show: no set": ["show"],
    "show: --year without --model": ["show", "vn/2021-2025/family", "--year", "2024"],
    "show: a folder as the set": ["show", "{tmp}/empty"],
    "test: a wrong --lang": ["test", "--lang", "fr"],
    "template: no --year": ["template"],
    "template: not an .xlsx": ["template", "--year", "2026", "-o", "{tmp}/mau.txt"],
    "diff: one set only": ["diff", SET],
    "lint: an unknown option": ["lint", "--bogus"],
    "report: a year that is not a number": ["report", str(DATA / "2026"), "--year", "soon"],
    "report: an unknown writer": [*REPORT, "--format", "pdf", "--out", "{tmp}/out"],
    "report: an unknown reader": [*REPORT, "--reader", "nosuch", "--out", "{tmp}/out"],
    "report: a history that is a file": [*REPORT, "--history", "{tmp}/file.txt",
                                         "--out", "{tmp}/out"],
    "review: no --period": ["review", "--history", "{tmp}/empty"],
    "review: a period that is not YYYY-YYYY": ["review", "--history", "{tmp}/empty",
                                               "--period", "2021-25"],
    "review: a history that is a file": ["review", "--history", "{tmp}/file.txt", "--period",
                                         "2021-2025", "--out", "{tmp}/out"],
    "review: a period with no year recorded": ["review", "--history", "{tmp}/empty",
                                               "--period", "2021-2025", "--out", "{tmp}/out"],
    "impact: no --before": ["impact", GOOD, "--year", "2024", "--after", SET],
    "plugins: an unknown format": ["plugins", "--format", "xml"],
    "serve: a port of 0": ["serve", "--port", "0"],
    "serve: another address without keys": ["serve", "--host", "0.0.0.0"],
    "serve: a missing API keys file": ["serve", "--api-keys", "{tmp}/keys.txt"],
    "serve: a keys file line that is not a key": ["serve", "--api-keys", "{tmp}/file.txt"],
}


def _stderr(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        status = main(argv)
    except SystemExit as stopped:
        status = int(stopped.code or 0)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    (tmp_path / "file.txt").write_text("not a history\n", "utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_command_line_is_refused_in_vietnamese_and_in_english_on_demand(
        case: str, scratch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [word.replace("{tmp}", str(scratch)) for word in BROKEN[case]]
    status, vi = _stderr(argv, capsys)
    assert status in (1, 2, 3)
    assert VIETNAMESE.search(vi), vi
    assert not ENGLISH.search(_words(vi, scratch)), vi
    status_en, en = _stderr([*argv[:1], "--lang", "en", *argv[1:]], capsys)
    assert status_en == status
    assert not VIETNAMESE.search(en), en
    assert ENGLISH.search(_words(en, scratch)), en


def test_an_unknown_run_of_a_history_is_said_in_either_language(tmp_path: Path) -> None:
    history = lm.open_history(tmp_path / "history")
    with pytest.raises(lm.errors.HistoryError) as caught:
        history.run("2024-nosuch")
    assert caught.value.text("vi") == (f"{tmp_path / 'history'}: không có lần chạy "
                                       "'2024-nosuch' trong lịch sử (các lần chạy gần nhất: "
                                       "không có)")
    assert str(caught.value) == (f"{tmp_path / 'history'}: no run '2024-nosuch' in the "
                                 "history (latest runs: none)")


def test_a_history_in_a_database_without_sqlalchemy_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "learning_models._history.sql", None)
    with pytest.raises(lm.errors.HistoryError) as caught:
        lm.open_history("sqlite:///history.db")
    assert caught.value.text("vi") == (
        "sqlite:///history.db: lịch sử trong cơ sở dữ liệu cần SQLAlchemy và một trình điều "
        "khiển: python -m pip install 'learning-models[history-sql]'")
    assert str(caught.value).startswith("sqlite:///history.db: a history in a database needs")
