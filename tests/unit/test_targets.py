"""Targets files (format ``learning-models/targets/1``): loading by file or shipped id, the
milestone in force for a year, located problems for broken and hostile files, the published
schema, and ``validate`` routing every YAML file by its ``format:``."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pydantic
import pytest
import yaml

import learning_models as lm
from learning_models._catalog.targets import shipped_targets
from learning_models._cli import main
from learning_models._documents.yaml import parse_yaml

PLAN = """\
format: learning-models/targets/1
id: test-province
title: {vi: Chỉ tiêu thử của tỉnh, en: Test targets of a province}
source: {document: Kế hoạch thử, issuer: UBND tỉnh, date: "2022", verified: true}
area: {level: province, code: "06", name: {vi: Tỉnh thử, en: Test province}}
targets:
  - id: families_recognised
    title: {vi: Tỷ lệ gia đình học tập, en: Share of learning families}
    measure: recognised_share
    model: family
    milestones: {2030: 0.8, 2025: 0.7}
  - id: centres_managed
    title: {vi: Tỷ lệ trung tâm, en: Share of centres}
    measure: reported_share
    milestones: {2025: 1}
    source: {verified: false, note: no document found}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(text: str | bytes) -> list[str]:
    with pytest.raises(lm.CriteriaError) as caught:
        lm.validate_targets(parse_yaml(text, "plan.yaml"))
    return [p.format() for p in caught.value.problems]


def codes(text: str | bytes) -> list[str]:
    with pytest.raises(lm.CriteriaError) as caught:
        lm.validate_targets(parse_yaml(text, "plan.yaml"))
    return [p.code for p in caught.value.problems]


# --- loading -----------------------------------------------------------------------------------


def test_a_targets_file_loads_into_frozen_models(tmp_path: Path) -> None:
    plan = lm.load_targets(write(tmp_path, "plan.yaml", PLAN))
    assert (plan.id, plan.title.vi, plan.area.level, plan.area.code) == (
        "test-province", "Chỉ tiêu thử của tỉnh", "province", "06")
    families, centres = plan.targets
    assert (families.measure, families.model, families.milestones) == (
        "recognised_share", "family", {2030: 0.8, 2025: 0.7})
    assert (centres.model, centres.milestones) == (None, {2025: 1.0})
    assert plan.get("centres_managed") is centres
    assert plan.source_of(families) is plan.source
    assert plan.source_of(centres).verified is False
    assert plan.file == str(tmp_path / "plan.yaml")
    assert plan.source_map is not None
    with pytest.raises(pydantic.ValidationError):
        families.model = "clan"  # type: ignore[misc]
    with pytest.raises(KeyError):
        plan.get("nope")


@pytest.mark.parametrize(("year", "expected"), [
    (2020, (2025, 0.7)), (2025, (2025, 0.7)), (2026, (2030, 0.8)), (2030, (2030, 0.8)),
    (2031, (2030, 0.8)), (2099, (2030, 0.8)),
])
def test_the_milestone_in_force_is_the_nearest_at_or_after_the_year_else_the_last(
        year: int, expected: tuple[int, float]) -> None:
    plan = lm.validate_targets(parse_yaml(PLAN, "plan.yaml"))
    assert plan.targets[0].milestone_for(year) == expected


def test_a_single_milestone_is_in_force_every_year() -> None:
    centres = lm.validate_targets(parse_yaml(PLAN, "plan.yaml")).targets[1]
    assert [centres.milestone_for(y) for y in (2000, 2025, 2040)] == [(2025, 1.0)] * 3


# Without shipped targets the one parameter is None and the test fails (never an empty,
# skipped parametrisation).
@pytest.mark.parametrize("ident", sorted(shipped_targets()) or [None])
def test_shipped_targets_load_by_id_and_name_their_file_as_shipped(ident: str | None) -> None:
    assert ident is not None, "no shipped targets: the criteria/targets/ folder is missing"
    plan = lm.load_targets(ident)
    assert plan.id == ident
    assert plan.file == f"criteria/targets/{ident}.yaml"
    for target in plan.targets:
        assert (target.model is not None) == (target.measure == "recognised_share")
        assert all(0 <= share <= 1 for share in target.milestones.values())


def test_the_known_plans_are_shipped() -> None:
    assert {"vn-387", "bac-kan-city"} <= set(shipped_targets()), \
        "the shipped criteria/targets/ folder is missing or incomplete"


def test_an_existing_file_wins_over_an_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "vn-387", PLAN)
    assert lm.load_targets("vn-387").id == "test-province"


def test_an_unknown_id_says_which_ids_exist(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_targets("nowhere-at-all")
    (problem,) = caught.value.problems
    assert problem.code == "file-not-found"
    assert problem.message == "no targets file or shipped targets with id 'nowhere-at-all'"
    if "vn-387" in shipped_targets():
        with pytest.raises(lm.CriteriaError) as caught:
            lm.load_targets("vn-386")
        assert caught.value.problems[0].hint == "did you mean 'vn-387'?"


def test_a_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_targets(tmp_path / "plan.yaml")
    assert [p.code for p in caught.value.problems] == ["file-not-found"]
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_targets("missing/plan.yaml")
    assert [p.format() for p in caught.value.problems] == [
        "file not found: 'missing/plan.yaml' [file-not-found]"]


def test_the_report_command_loads_targets_through_this_module() -> None:
    from learning_models._cli.report import load_targets

    assert "vn-387" in shipped_targets(), "the shipped national targets are missing"
    plan = load_targets("vn-387")
    assert isinstance(plan, lm.Targets)


def test_a_letterhead_is_optional_and_says_who_issues_the_written_report() -> None:
    assert lm.validate_targets(parse_yaml(PLAN, "plan.yaml")).letterhead is None
    text = PLAN.replace("targets:\n", """\
letterhead:
  issuer: {vi: "Hội Khuyến học\\ntỉnh thử", en: Test association}
  symbol: BC-HKH
  recipients: [{vi: Trung ương Hội Khuyến học Việt Nam, en: The national association}]
targets:
""", 1)
    head = lm.validate_targets(parse_yaml(text, "plan.yaml")).letterhead
    assert head is not None and head.issuer is not None
    assert (head.issuer.vi, head.symbol, head.place, head.superior) == (
        "Hội Khuyến học\ntỉnh thử", "BC-HKH", None, None)
    assert [r.vi for r in head.recipients] == ["Trung ương Hội Khuyến học Việt Nam"]
    report_head = lm.LetterheadUsed().merged(recipients=["Hội Khuyến học tỉnh thử"])
    assert report_head.recipients == ("Hội Khuyến học tỉnh thử",) and report_head.issuer == ""


def test_an_unknown_letterhead_key_is_located() -> None:
    text = PLAN.replace("targets:\n", "letterhead: {recipient: []}\ntargets:\n", 1)
    assert problems(text) == ["plan.yaml:6:14: unknown key 'recipient' in 'letterhead' "
                              "[unknown-key]\n  hint: did you mean 'recipients'?"]


# --- broken and hostile files ------------------------------------------------------------------


def test_unknown_keys_are_located_with_a_did_you_mean() -> None:
    text = PLAN.replace("measure: reported_share", "meassure: reported_share").replace(
        "area: {level", "area: {levl")
    assert problems(text) == [
        "plan.yaml:5:7: missing key 'level' in 'area' [missing-key]",
        "plan.yaml:5:8: unknown key 'levl' in 'area' [unknown-key]\n"
        "  hint: did you mean 'level'?",
        "plan.yaml:12:5: missing key 'measure' in 'targets[1]' [missing-key]",
        "plan.yaml:14:5: unknown key 'meassure' in 'targets[1]' [unknown-key]\n"
        "  hint: did you mean 'measure'?",
    ]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("2025: 0.7}", "2025: 70%}",
     "11:35: 'targets[0].milestones.2025' must be a number, found string '70%' [wrong-type]"),
    ("2025: 0.7}", "2025: 1.5}",
     "11:35: 'targets[0].milestones.2025': 1.5 is greater than the maximum of 1 "
     "[invalid-value]"),
    ("{2030: 0.8, 2025: 0.7}", "{2030: 0.8, soon: 0.7}",
     "11:29: 'soon' is not a milestone year in 'targets[0].milestones' [invalid-value]\n"
     "  hint: milestones are years with their share: {2025: 0.7, 2030: 0.8}"),
    ("{2030: 0.8, 2025: 0.7}", "{}",
     "11:17: 'targets[0].milestones': {} should be non-empty [invalid-value]"),
    ("level: province", "level: region",
     "5:15: 'area.level' must be one of 'country', 'province', 'city', 'district', "
     "'commune', found 'region' [invalid-value]"),
    ('code: "06"', "code: 6",
     "5:31: 'area.code' must be a string, found integer 6 [wrong-type]"),
    ('code: "06"', 'code: "0x6"',
     "5:31: 'area.code' has the invalid value '0x6' [invalid-value]\n"
     "  hint: an administrative code is digits, written as text: \"058\""),
    ("measure: recognised_share", "measure: recognized_share",
     "9:14: 'targets[0].measure' must be one of 'recognised_share', "
     "'citizens_in_learning_households', 'citizens_in_learning_units', 'reported_share', "
     "found 'recognized_share' [invalid-value]"),
    ("verified: true}", "verified: yes please}",
     "4:77: 'source.verified' must be true or false, found string 'yes please' [wrong-type]"),
    ("id: test-province", "id: Test Province",
     "2:5: 'id' has the invalid value 'Test Province' [invalid-value]\n"
     "  hint: ids use lower-case letters, digits, '_', '.' and '-'"),
])
def test_wrong_types_and_values_are_located(old: str, new: str, message: str) -> None:
    assert PLAN.count(old) == 1
    assert problems(PLAN.replace(old, new)) == [f"plan.yaml:{message}"]


def test_recognised_share_needs_a_model_and_other_measures_refuse_one() -> None:
    text = PLAN.replace("    model: family\n", "").replace(
        "measure: reported_share", "measure: reported_share\n    model: unit")
    assert problems(text) == [
        "plan.yaml:7:5: missing key 'model' in 'targets[0]' [missing-key]\n"
        "  hint: measure 'recognised_share' counts one model's recognised subjects; name it: "
        "citizen, family, clan, community or unit",
        "plan.yaml:14:5: 'targets[1].model' is only allowed with measure 'recognised_share', "
        "not 'reported_share' [invalid-value]\n"
        "  hint: remove 'model', or use measure 'recognised_share'",
    ]


def test_a_target_id_used_twice_is_an_error() -> None:
    text = PLAN.replace("id: centres_managed", "id: families_recognised")
    assert problems(text) == [
        "plan.yaml:12:9: target id 'families_recognised' is used twice [duplicate-target]\n"
        "  hint: first used at line 7"]


def test_an_unknown_model_is_located_with_a_did_you_mean() -> None:
    assert problems(PLAN.replace("model: family", "model: familly")) == [
        "plan.yaml:10:12: unknown model 'familly' in 'targets[0]' [invalid-value]\n"
        "  hint: did you mean 'family'?"]
    assert problems(PLAN.replace("model: family", "model: library")) == [
        "plan.yaml:10:12: unknown model 'library' in 'targets[0]' [invalid-value]\n"
        "  hint: models: citizen, family, clan, community, unit; a model a plugin adds is "
        "checked when the targets are used (report)"]


def test_a_model_a_plugin_adds_is_known_when_the_caller_names_it(tmp_path: Path) -> None:
    text = PLAN.replace("model: family", "model: library")
    plan = lm.validate_targets(parse_yaml(text, "plan.yaml"), models={"library"})
    assert plan.targets[0].model == "library"
    path = write(tmp_path, "plan.yaml", text.replace("model: library", "model: librar"))
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_targets(path, models={"library"})
    assert [p.hint for p in caught.value.problems] == ["did you mean 'library'?"]
    # the built-in models stay known whatever the caller names
    assert lm.load_targets(write(tmp_path, "ok.yaml", PLAN), models=()).targets[0].model \
        == "family"


def test_validate_refuses_a_misspelt_model(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    path = write(tmp_path, "tg.yaml", PLAN.replace("model: family", "model: clann"))
    assert run(capsys, "validate", "--lang", "en", str(path)) == (1, "", (
        f"{path}:10:12: unknown model 'clann' in 'targets[0]' [invalid-value]\n"
        "  hint: did you mean 'clan'?\n"
        "0 of 0 criteria sets valid, 0 of 1 targets files valid\n"))


@pytest.mark.parametrize(("text", "code"), [
    ("", "wrong-type"),
    ("[1, 2]", "wrong-type"),
    ("id: x\n", "unknown-format"),
    ("format: learning-models/targets/2\n", "unknown-format"),
    ("format: learning-models/criteria-set/1\n", "unknown-format"),
    (PLAN.replace("targets:\n", "targets: []\nold_targets:\n"), "unknown-key"),
    ("format: learning-models/targets/1\n", "missing-key"),
    ("format: !!python/name:os.system x\n", "yaml-tag"),
    ("format: learning-models/targets/1\nid: [\n", "yaml-syntax"),
    ("a: &a [1]\n" + "".join(f"k{i}: &k{i} [*{'a' if i == 0 else f'k{i - 1}'}, "
                              f"*{'a' if i == 0 else f'k{i - 1}'}]\n" for i in range(120)),
     "too-many-aliases"),
    (b"format: learning-models/targets/1\nid: \xc3\x28\n", "not-utf8"),
])
def test_broken_and_hostile_files_are_refused_cleanly(text: str | bytes, code: str) -> None:
    assert code in codes(text)


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = PLAN.replace("0.8", "8").replace("level: province", "level: state").replace(
        "verified: false", "verified: 0")
    found = problems(text)
    assert [p.split(":")[1] for p in found] == ["5", "11", "16"]


def test_a_file_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"# " + b"x" * (6 * 1024 * 1024))
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_targets(path)
    assert [p.code for p in caught.value.problems] == ["too-large"]


# --- the schema --------------------------------------------------------------------------------


def test_the_schema_is_valid_and_accepts_the_shipped_files() -> None:
    schema = lm.targets_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(yaml.safe_load(PLAN.replace("{2030: 0.8, 2025: 0.7}",
                                                   "{'2030': 0.8, '2025': 0.7}")
                                      .replace("{2025: 1}", "{'2025': 1}")))
    for path in shipped_targets().values():
        data = lm.load_yaml(path).data
        validator.validate(data)


def test_the_schema_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "targets"]) == 0
    assert yaml.safe_load(capsys.readouterr().out) == lm.targets_schema()
    assert main(["schema", "test-cases"]) == 0
    assert yaml.safe_load(capsys.readouterr().out) == lm.cases_schema()


# --- validate routes files by their format -----------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


CASES = """\
format: learning-models/test-cases/1
criteria: test/2021-2025/family
cases:
  - name: nothing known
    expect: {status: incomplete}
"""


def test_validate_checks_sets_test_files_and_targets_under_a_folder(
        capsys: pytest.CaptureFixture[str], small_sets: Path) -> None:
    write(small_sets, "family.test.yaml", CASES)
    write(small_sets, "plan.yaml", PLAN)
    write(small_sets, "notes.yaml", "format: something/else\n")
    write(small_sets, "data.yaml", "- just data\n")
    assert run(capsys, "validate", "--lang", "en", str(small_sets)) == (0, "", (
        "2 of 2 criteria sets valid, 1 of 1 test files valid, 1 of 1 targets files valid\n"))


def test_validate_lists_the_problems_of_each_kind(capsys: pytest.CaptureFixture[str],
                                                  small_sets: Path) -> None:
    cases = write(small_sets, "family.test.yaml", CASES.replace("incomplete", "done"))
    plan = write(small_sets, "plan.yaml", PLAN.replace("0.8", "80"))
    status, out, err = run(capsys, "validate", "--lang", "en", str(small_sets))
    assert (status, out) == (1, "")
    assert err == (
        f"{cases}:5:22: 'cases[0].expect.status' must be one of 'recognised', 'not_recognised', "
        "'incomplete', found 'done' [invalid-value]\n"
        f"{plan}:11:24: 'targets[0].milestones.2030': 80 is greater than the maximum of 1 "
        "[invalid-value]\n"
        "2 of 2 criteria sets valid, 0 of 1 test files valid, 0 of 1 targets files valid\n")


def test_validate_a_file_named_with_an_unknown_format_is_an_error(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "notes.yaml", "format: something/else\n")
    assert run(capsys, "validate", "--lang", "en", str(path)) == (1, "", (
        f"{path}:1:9: unknown format 'something/else'; expected "
        "'learning-models/criteria-set/1' [unknown-format]\n"
        "  hint: this command reads learning-models/criteria-set/1, learning-models/"
        "test-cases/1 and learning-models/targets/1 files\n"
        "0 of 1 criteria sets valid\n"))


def test_validate_a_named_targets_file_of_another_version(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    path = write(tmp_path, "plan.yaml", PLAN.replace("targets/1", "targets/2"))
    assert run(capsys, "validate", "--lang", "en", str(path)) == (1, "", (
        f"{path}:1:9: unknown format 'learning-models/targets/2'; expected "
        "'learning-models/targets/1' [unknown-format]\n"
        "0 of 0 criteria sets valid, 0 of 1 targets files valid\n"))


def test_validate_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._catalog.catalog import shipped_criteria_dir

    count = len(shipped_targets())
    assert count, "the shipped criteria/targets/ folder is missing or empty"
    status, _, err = run(capsys, "validate", "--lang", "en", str(shipped_criteria_dir()))
    assert err.splitlines()[-1].endswith(f"{count} of {count} targets files valid")
    assert status == 0
