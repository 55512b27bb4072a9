"""The catalogue on the command line: ``list``, ``show``, sets named by id or by model and year
in ``evaluate`` and ``explain``, and ``validate`` building one catalogue for what it checks.

The sets are the small ones of the ``small_sets`` fixture (tests/conftest.py), in a folder
given with ``--criteria-dir``. The shipped sets are part of the package: a test about them
fails, never skips, when they are missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import learning_models as lm
from learning_models._catalog.catalog import Catalog, shipped_criteria_dir
from learning_models._cli import main
from learning_models._documents.yaml import parse_yaml
from learning_models.errors import CriteriaError

EVIDENCE = """\
id,name,adults,adults_learning,corner,income
HH-1,Hộ bà Lương Thị Hoa,2,2,có,stable
HH-2,Hộ ông Nông Văn Ba,2,1,có,stable
HH-3,Hộ ông Ma Văn Tư,3,3,không,
"""

FAMILY = "test/2021-2025/family"
NEXT = "test/2026-2030/family"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_shipped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A catalogue without shipped sets (theirs govern the same years as the small sets)."""
    empty = tmp_path / "no-shipped"
    empty.mkdir()
    monkeypatch.setattr("learning_models._catalog.catalog.shipped_criteria_dir", lambda: empty)
    monkeypatch.setattr("learning_models._plugins.builtin.shipped_criteria_dir", lambda: empty)
    monkeypatch.setattr("learning_models._cli.catalog.shipped_criteria_dir", lambda: empty)


@pytest.fixture
def evidence(tmp_path: Path) -> str:
    return str(write(tmp_path, "households.csv", EVIDENCE))


def shipped_ids() -> list[str]:
    return Catalog.default().ids()


# --- list --------------------------------------------------------------------------------------


def test_list_shows_id_model_period_verified_shares_and_title(
        capsys: pytest.CaptureFixture[str], small_sets: Path, no_shipped: None) -> None:
    status, out, err = run(capsys, "list", "--criteria-dir", str(small_sets))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["mã", "mô", "hình", "giai", "đoạn", "đã", "xác", "minh",
                                "điều", "kiện", "đã", "xác", "minh", "tên"]
    mine = [line for line in lines if line.startswith("test/")]
    assert [line.split()[:5] for line in mine] == [
        [FAMILY, "family", "2021-2025", "67%", "100%"], [NEXT, "family", "2026-2030", "0%", "0%"]]
    assert mine[0].endswith("  Gia đình học tập thử")
    assert len(lines) == 3


def test_list_in_english(capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    _, out, _ = run(capsys, "list", "--criteria-dir", str(small_sets), "--lang", "en")
    assert out.splitlines()[0].split() == ["id", "model", "period", "verified", "rule",
                                           "verified", "title"]
    assert any(line.endswith("  Test learning family 2026–2030") for line in out.splitlines())


def test_list_as_json(capsys: pytest.CaptureFixture[str], small_sets: Path,
                      no_shipped: None) -> None:
    status, out, _ = run(capsys, "list", "--criteria-dir", str(small_sets), "--format", "json")
    entries = {e["id"]: e for e in json.loads(out)}
    assert status == 0
    assert entries[NEXT] == {
        "id": NEXT, "model": "family", "period": "2026-2030",
        "title": {"vi": "Gia đình học tập thử 2026–2030", "en": "Test learning family 2026–2030"},
        "file": str(small_sets / "family-next.yaml"), "extends": FAMILY, "verified_share": 0.0,
        "rule_verified_share": 0.0, "applies_to": None}
    assert list(entries) == [FAMILY, NEXT]


def test_list_names_shipped_files_as_criteria(capsys: pytest.CaptureFixture[str]) -> None:
    assert shipped_ids(), "the shipped criteria/ folder is missing or empty"
    status, out, err = run(capsys, "list", "--format", "json")
    assert (status, err) == (0, "")
    assert {e["id"] for e in json.loads(out)} == set(shipped_ids())
    assert all(e["file"].startswith("criteria/") for e in json.loads(out))


def test_list_says_when_a_set_overlaps_another(capsys: pytest.CaptureFixture[str],
                                               small_sets: Path) -> None:
    assert any(e.model == "family" for e in Catalog.default().entries()), \
        "no shipped family set: the shipped criteria/ folder is missing or incomplete"
    status, out, err = run(capsys, "list", "--lang", "en", "--criteria-dir", str(small_sets))
    assert status == 1 and FAMILY in out  # listed, and the ambiguity reported
    assert "[overlapping-periods]" in err


def test_list_reports_catalogue_problems_on_stderr_and_exits_1(
        capsys: pytest.CaptureFixture[str], small_sets: Path, no_shipped: None) -> None:
    family = (small_sets / "family.yaml").read_text(encoding="utf-8")
    write(small_sets, "other.yaml", family.replace(f"id: {FAMILY}", "id: test/other")
          .replace("period: 2021-2025", "period: 2024-2026"))
    write(small_sets, "broken.yaml", family.replace(f"id: {FAMILY}", "id: test/broken")
          .replace("points: 30\n        when: corner", "points: many\n        when: corner"))
    status, out, err = run(capsys, "list", "--lang", "en", "--criteria-dir", str(small_sets))
    assert status == 1
    assert "test/other" in out and "test/broken" not in out
    assert (f"{small_sets / 'broken.yaml'}:27:17: 'criteria[0].indicators[1].points' must be a "
            "number, found string 'many' (indicator 'C1.2') [wrong-type]\n") in err
    assert "[overlapping-periods]" in err
    assert "sets 'test/2021-2025/family' and 'test/other' both govern 'family' in 2024–2025" \
        in err or "sets 'test/other' and 'test/2021-2025/family'" in err


# --- show --------------------------------------------------------------------------------------


def test_show_prints_the_file_as_written(capsys: pytest.CaptureFixture[str],
                                         small_sets: Path) -> None:
    status, out, _ = run(capsys, "show", NEXT, "--criteria-dir", str(small_sets))
    assert (status, out) == (0, (small_sets / "family-next.yaml").read_text(encoding="utf-8"))


def test_show_resolved_prints_the_complete_set_readably(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    status, out, _ = run(capsys, "show", NEXT, "--resolved", "--criteria-dir", str(small_sets))
    assert status == 0
    assert "extends" not in out and "add:" not in out
    assert "vi: Gia đình học tập thử 2026–2030" in out  # Vietnamese stays readable
    assert "\\u" not in out
    assert out.startswith(f"format: learning-models/criteria-set/1\nid: {NEXT}\nmodel: family\n")
    assert "points: 40\n" in out and "points: 40.0" not in out
    resolved = lm.validate_criteria(parse_yaml(out, "resolved.yaml"))
    original = Catalog.default([small_sets], shipped=False).get(NEXT)
    assert resolved.content_hash() == original.content_hash()
    assert [i.id for i in resolved.indicators] == ["C1.1", "C1.2", "C2.1", "C2.2"]


def test_show_resolved_as_json(capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    status, out, _ = run(capsys, "show", NEXT, "--resolved", "--format", "json",
                         "--criteria-dir", str(small_sets))
    data = json.loads(out)
    assert status == 0 and "Gia đình học tập thử" in out
    assert data["recognition"] == {"pass": "total >= 70 and mandatory_met", "grades": [
        {"id": "good", "title": {"vi": "Tốt", "en": "Good"}, "min": 90},
        {"id": "fair", "title": {"vi": "Khá", "en": "Fair"}, "min": 70}]}


def test_show_as_written_in_json_is_the_files_data(capsys: pytest.CaptureFixture[str],
                                                   small_sets: Path) -> None:
    status, out, _ = run(capsys, "show", NEXT, "--format", "json", "--criteria-dir",
                         str(small_sets))
    assert status == 0
    assert json.loads(out) == yaml.safe_load(
        (small_sets / "family-next.yaml").read_text(encoding="utf-8"))


def test_show_by_model_and_year_picks_the_set_in_force(capsys: pytest.CaptureFixture[str],
                                                       small_sets: Path) -> None:
    status, out, _ = run(capsys, "show", "--model", "family", "--year", "2027", "--resolved",
                         "--criteria-dir", str(small_sets))
    if status != 0:  # the shipped family sets govern the same years: say so, cleanly
        assert out == ""
        return
    assert f"id: {NEXT}\n" in out


def test_show_by_model_and_year_without_the_shipped_sets_overlapping(
        capsys: pytest.CaptureFixture[str], small_sets: Path,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-shipped"
    empty.mkdir()
    monkeypatch.setattr("learning_models._catalog.catalog.shipped_criteria_dir", lambda: empty)
    monkeypatch.setattr("learning_models._plugins.builtin.shipped_criteria_dir", lambda: empty)
    monkeypatch.setattr("learning_models._cli.catalog.shipped_criteria_dir", lambda: empty)
    status, out, _ = run(capsys, "show", "--model", "family", "--year", "2027",
                         "--criteria-dir", str(small_sets))
    assert (status, out) == (0, (small_sets / "family-next.yaml").read_text(encoding="utf-8"))
    status, out, _ = run(capsys, "show", "--model", "family", "--year", "2022", "--resolved",
                         "--criteria-dir", str(small_sets))
    assert status == 0 and f"id: {FAMILY}\n" in out
    status, out, err = run(capsys, "show", "--model", "family", "--year", "2040",
                           "--criteria-dir", str(small_sets), "--lang", "en")
    assert (status, out) == (3, "")
    assert err == ("no criteria set for 'family' covers 2040; periods available: 2021-2025 "
                   f"({FAMILY}), 2026-2030 ({NEXT})\n")
    status, out, err = run(capsys, "show", "--model", "family", "--year", "2040",
                           "--criteria-dir", str(small_sets))
    assert (status, out) == (3, "")
    assert err == ("không có bộ tiêu chí nào của mô hình 'family' áp dụng cho năm 2040; các "
                   f"giai đoạn hiện có: 2021-2025 ({FAMILY}), 2026-2030 ({NEXT})\n")


def test_show_a_shipped_set_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    ids = shipped_ids()
    assert ids, "the shipped criteria/ folder is missing or empty"
    status, out, _ = run(capsys, "show", ids[0])
    assert status == 0 and f"id: {ids[0]}" in out
    status, out, _ = run(capsys, "show", ids[0], "--resolved")
    assert status == 0 and out.startswith("format: learning-models/criteria-set/1\n")


def test_show_a_file(capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    path = small_sets / "family.yaml"
    assert run(capsys, "show", str(path)) == (0, path.read_text(encoding="utf-8"), "")


def test_show_an_unknown_id_suggests_one(capsys: pytest.CaptureFixture[str],
                                         small_sets: Path) -> None:
    status, out, err = run(capsys, "show", "test/2026-2030/famly", "--criteria-dir",
                           str(small_sets), "--lang", "en")
    assert (status, out) == (3, "")
    assert err == ("'test/2026-2030/famly' is neither a file nor the id of a criteria set "
                   f"[unknown-set]\n  hint: did you mean '{NEXT}'?\n")
    status, out, err = run(capsys, "show", "test/2026-2030/famly", "--criteria-dir",
                           str(small_sets))
    assert (status, out) == (3, "")
    assert err == ("'test/2026-2030/famly' không phải một tệp, cũng không phải mã của bộ tiêu "
                   f"chí nào [unknown-set]\n  gợi ý: có phải là '{NEXT}'?\n")


def test_an_unknown_id_suggests_the_closest_set_or_lists_the_known_ones(
        small_sets: Path) -> None:
    catalog = Catalog.default([small_sets], shipped=False)
    with pytest.raises(CriteriaError) as close:
        catalog.get("test/2021-2025/famly")
    assert close.value.problems[0].hint == f"did you mean '{FAMILY}'?"
    with pytest.raises(CriteriaError) as far:
        catalog.get("zzz")
    assert far.value.problems[0].hint == f"known sets: {', '.join(catalog.ids())}"
    assert FAMILY in catalog.ids()


@pytest.mark.parametrize("argv", [
    ["show"], ["show", FAMILY, "--model", "family", "--year", "2024"],
    ["show", "--model", "family"], ["show", FAMILY, "--format", "xml"],
])
def test_show_with_a_wrong_command_line_exits_2(capsys: pytest.CaptureFixture[str],
                                                argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--lang", "en"])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


# --- evaluate and explain name the set by id, or by model and year -----------------------------


def test_evaluate_a_set_by_id(capsys: pytest.CaptureFixture[str], small_sets: Path,
                              evidence: str) -> None:
    status, out, err = run(capsys, "evaluate", "--criteria", FAMILY, "--criteria-dir",
                           str(small_sets), "--input", evidence, "--year", "2024", "--lang", "en")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "HH-1\t100/100\tRecognised\tGood", "HH-2\t80/100\tNot recognised",
        "HH-3\t40/100\tIncomplete: evidence missing",
        "3 evaluated: 1 recognised, 1 not recognised, 1 incomplete; 0 records rejected"]


def test_evaluate_the_set_in_force_for_a_model_and_year(
        capsys: pytest.CaptureFixture[str], small_sets: Path, evidence: str,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-shipped"
    empty.mkdir()
    monkeypatch.setattr("learning_models._catalog.catalog.shipped_criteria_dir", lambda: empty)
    monkeypatch.setattr("learning_models._plugins.builtin.shipped_criteria_dir", lambda: empty)
    status, out, _ = run(capsys, "evaluate", "--model", "family", "--year", "2027",
                         "--criteria-dir", str(small_sets), "--input", evidence,
                         "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert {e["criteria_set"] for e in data["evaluations"]} == {NEXT}
    assert {e["year"] for e in data["evaluations"]} == {2027}


def test_explain_by_model_and_year(capsys: pytest.CaptureFixture[str], small_sets: Path,
                                   evidence: str, monkeypatch: pytest.MonkeyPatch,
                                   tmp_path: Path) -> None:
    empty = tmp_path / "no-shipped"
    empty.mkdir()
    monkeypatch.setattr("learning_models._catalog.catalog.shipped_criteria_dir", lambda: empty)
    monkeypatch.setattr("learning_models._plugins.builtin.shipped_criteria_dir", lambda: empty)
    status, out, _ = run(capsys, "explain", "--model", "family", "--year", "2024",
                         "--criteria-dir", str(small_sets), "--input", evidence,
                         "--subject", "HH-2", "--lang", "en")
    assert status == 0
    assert out.startswith("Subject: HH-2 — Hộ ông Nông Văn Ba\nCriteria set: Test learning "
                          f"family ({FAMILY}, 2021-2025)\n")


def test_evaluate_by_model_and_year_with_the_shipped_sets(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    catalog = Catalog.default()
    families = [e for e in catalog.entries() if e.model == "family" and 2024 in e.years]
    assert len(families) == 1, "exactly one shipped family set governs 2024"
    path = write(tmp_path, "one.csv", "id\nHH-1\n")
    status, out, _ = run(capsys, "evaluate", "--model", "family", "--year", "2024",
                         "--input", str(path), "--format", "json")
    assert status == 0
    assert json.loads(out)["evaluations"][0]["criteria_set"] == families[0].id


def test_a_file_still_wins_and_a_missing_file_is_still_a_file_error(
        capsys: pytest.CaptureFixture[str], small_sets: Path, evidence: str) -> None:
    status, out, _ = run(capsys, "evaluate", "--criteria", str(small_sets / "family.yaml"),
                         "--input", evidence)
    assert status == 0 and out.startswith("HH-1\t100/100\t")
    assert run(capsys, "evaluate", "--criteria", "nope.yaml", "--input", evidence) == (
        3, "", "không tìm thấy tệp 'nope.yaml' [file-not-found]\n")


def test_an_extending_file_resolves_against_criteria_dirs(
        capsys: pytest.CaptureFixture[str], small_sets: Path, evidence: str,
        tmp_path: Path) -> None:
    elsewhere = write(tmp_path / "province", "family.yaml",
                      (small_sets / "family-next.yaml").read_text(encoding="utf-8"))
    status, _, err = run(capsys, "evaluate", "--criteria", str(elsewhere), "--input", evidence)
    assert status == 3 and "[unknown-base]" in err
    status, out, _ = run(capsys, "evaluate", "--criteria", str(elsewhere), "--criteria-dir",
                         str(small_sets), "--input", evidence, "--year", "2026")
    assert status == 0 and out.startswith("HH-1\t100/110\t")


def test_an_unknown_id_is_a_clean_error(capsys: pytest.CaptureFixture[str], small_sets: Path,
                                        evidence: str) -> None:
    status, out, err = run(capsys, "evaluate", "--criteria", "test/2021-2025/famly",
                           "--criteria-dir", str(small_sets), "--input", evidence,
                           "--lang", "en")
    assert (status, out) == (3, "")
    assert err == ("'test/2021-2025/famly' is neither a file nor the id of a criteria set "
                   f"[unknown-set]\n  hint: did you mean '{FAMILY}'?\n")


@pytest.mark.parametrize("argv", [
    ["evaluate", "--input", "x.csv"],
    ["evaluate", "--model", "family", "--input", "x.csv"],
    ["evaluate", "--criteria", FAMILY, "--model", "family", "--year", "2024", "--input", "x"],
    ["explain", "--model", "family", "--input", "x.csv", "--subject", "A"],
])
def test_evaluate_without_a_set_is_a_wrong_command_line(capsys: pytest.CaptureFixture[str],
                                                        argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--lang", "en"])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


# --- validate builds one catalogue -------------------------------------------------------------


def test_validate_resolves_extends_across_the_paths_given(capsys: pytest.CaptureFixture[str],
                                                          small_sets: Path,
                                                          tmp_path: Path) -> None:
    province = tmp_path / "province"
    write(province, "family.yaml", (small_sets / "family-next.yaml").read_text(encoding="utf-8")
          .replace(f"id: {NEXT}", "id: province/family"))
    (small_sets / "family-next.yaml").unlink()
    status, _, err = run(capsys, "validate", "--lang", "en", str(province))
    assert status == 1
    assert err.startswith(f"{province / 'family.yaml'}:3:10: no criteria set with id "
                          f"'{FAMILY}' [unknown-base]\n")
    assert err.endswith("\n0 of 1 criteria sets valid\n")
    status, _, err = run(capsys, "validate", "--lang", "en", str(small_sets), str(province))
    assert (status, err) == (0, "2 of 2 criteria sets valid\n")


def test_validate_reports_overlapping_periods_among_the_sets_given(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    other = write(small_sets, "other.yaml", (small_sets / "family.yaml").read_text(
        encoding="utf-8").replace(f"id: {FAMILY}", "id: test/other").replace(
        "period: 2021-2025", "period: 2025-2027"))
    status, out, err = run(capsys, "validate", "--lang", "en", str(small_sets))
    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert lines[-1] == "1 of 3 criteria sets valid"
    assert [line for line in lines if "[overlapping-periods]" in line] == [
        f"{small_sets / 'family-next.yaml'}:4:9: sets 'test/other' and '{NEXT}' both govern "
        "'family' in 2026–2027 [overlapping-periods]",
        f"{other}:4:9: sets '{FAMILY}' and 'test/other' both govern 'family' in 2025 "
        "[overlapping-periods]"]


def test_validate_reports_an_id_used_twice_in_one_folder(capsys: pytest.CaptureFixture[str],
                                                        small_sets: Path) -> None:
    copy = write(small_sets, "sub/copy.yaml", (small_sets / "family.yaml").read_text(
        encoding="utf-8").replace("period: 2021-2025", "period: 2031-2035"))
    status, _, err = run(capsys, "validate", "--lang", "en", str(small_sets))
    assert status == 1
    assert f"{copy}:2:5: criteria set id '{FAMILY}' is used twice [duplicate-id]" in err
    assert err.splitlines()[-1] == "2 of 3 criteria sets valid"


def test_validate_does_not_blame_a_set_for_overlapping_sets_it_was_not_given(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    # The shipped family sets govern the same years as the small ones: a local set may be
    # chosen by its id, so only the sets given are compared with each other.
    assert run(capsys, "validate", "--lang", "en", str(small_sets)) == (
        0, "", "2 of 2 criteria sets valid\n")


def test_validate_the_shipped_criteria(capsys: pytest.CaptureFixture[str]) -> None:
    count = len(shipped_ids())
    assert count, "the shipped criteria/ folder is missing or empty"
    status, out, err = run(capsys, "validate", "--lang", "en", str(shipped_criteria_dir()))
    assert (status, out) == (0, "")
    assert err.splitlines()[-1].startswith(f"{count} of {count} criteria sets valid")


def test_validate_a_named_extending_set_finds_its_base_beside_it(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    path = small_sets / "family-next.yaml"
    assert run(capsys, "validate", "--lang", "en", str(path)) == (
        0, "", "1 of 1 criteria sets valid\n")


def test_validate_a_named_test_file_finds_its_set_beside_it(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    path = write(small_sets, "family.test.yaml", "format: learning-models/test-cases/1\n"
                 f"criteria: {FAMILY}\ncases:\n  - name: x\n    expect: {{total: 0}}\n")
    assert run(capsys, "validate", "--lang", "en", str(path)) == (
        0, "", "0 of 0 criteria sets valid, 1 of 1 test files valid\n")
