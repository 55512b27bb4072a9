"""A target that names the criteria sets it counts (``sets:``, ``census:``): the names it
may use (a set id, or one without its period), the located problems of a wrong name, and the
roll-up measuring it on those sets' subjects over their census — the model's own figure and
every other target unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm
from learning_models._catalog import counted_by, without_period
from learning_models._cli import main
from learning_models._documents.yaml import parse_yaml

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "bac-kan-city"

PLAN = """\
format: learning-models/targets/1
id: test-city
title: {vi: Chỉ tiêu thử, en: Test targets}
source: {verified: false}
area: {level: city, code: "058", name: {vi: Thành phố thử, en: Test city}}
targets:
  - id: units_recognised
    title: {vi: Tỷ lệ đơn vị cấp xã, en: Share of commune-level units}
    measure: recognised_share
    model: unit
    sets: [vn/unit]
    milestones: {2025: 0.95}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(lm.CriteriaError) as caught:
        lm.validate_targets(parse_yaml(text, "plan.yaml"))
    return [p.format() for p in caught.value.problems]


def test_a_set_id_without_its_period_names_that_set_in_every_period() -> None:
    assert without_period("vn/2021-2025/unit") == "vn/unit"
    assert without_period("vn/2026-2030/unit-tt24") == "vn/unit-tt24"
    assert counted_by(["vn/unit"], "vn/2021-2025/unit")
    assert counted_by(["vn/unit"], "vn/2026-2030/unit")
    assert not counted_by(["vn/unit"], "vn/2021-2025/unit-tt22")
    assert counted_by(["vn/2021-2025/unit-tt22"], "vn/2021-2025/unit-tt22")
    assert not counted_by(["vn/2021-2025/unit"], "vn/2026-2030/unit")


def test_a_target_keeps_the_sets_it_names_and_its_census() -> None:
    plan = lm.validate_targets(parse_yaml(PLAN.replace(
        "sets: [vn/unit]", "sets: [vn/unit-tt22, vn/2026-2030/unit-tt24]\n    census: "
        "higher_units"), "plan.yaml"))
    target = plan.targets[0]
    assert (target.sets, target.census) == (("vn/unit-tt22", "vn/2026-2030/unit-tt24"),
                                            "higher_units")


def test_an_unknown_set_is_located_with_a_did_you_mean() -> None:
    assert problems(PLAN.replace("[vn/unit]", "[vn/unti]")) == [
        "plan.yaml:11:12: unknown criteria set 'vn/unti' in 'targets[0].sets[0]' "
        "[invalid-value]\n  hint: did you mean 'vn/unit'?"]
    assert problems(PLAN.replace("[vn/unit]", "[xx/office]")) == [
        "plan.yaml:11:12: unknown criteria set 'xx/office' in "
        "'targets[0].sets[0]' [invalid-value]\n  hint: sets of model 'unit': vn/2021-2025/unit, "
        "vn/2021-2025/unit-tt22, vn/2026-2030/unit, vn/2026-2030/unit-tt24, vn/unit, "
        "vn/unit-tt22, vn/unit-tt24"]


def test_a_set_of_another_model_is_refused() -> None:
    assert problems(PLAN.replace("[vn/unit]", "[vn/unit, vn/family]")) == [
        "plan.yaml:11:21: criteria set 'vn/family' in 'targets[0].sets[1]' governs model "
        "'family', not the target's 'unit' [invalid-value]\n"
        "  hint: a target counts the subjects of its own model's sets"]


def test_sets_need_a_model_and_a_census_needs_sets() -> None:
    other = PLAN.replace("measure: recognised_share\n    model: unit\n",
                         "measure: reported_share\n")
    assert problems(other) == [
        "plan.yaml:10:5: 'sets' in 'targets[0]' needs the target's model [invalid-value]\n"
        "  hint: sets narrow measure 'recognised_share' of one model; add 'model'"]
    assert problems(PLAN.replace("    sets: [vn/unit]\n", "    census: units\n")) == [
        "plan.yaml:11:5: 'census' in 'targets[0]' is only allowed with 'sets' "
        "[invalid-value]\n"
        "  hint: a target over every set of its model uses the model's census"]


def test_the_schema_refuses_an_empty_list_and_an_unknown_census() -> None:
    (empty,) = problems(PLAN.replace("[vn/unit]", "[]"))
    assert empty.startswith("plan.yaml:11:11: ") and "'targets[0].sets'" in empty
    assert problems(PLAN.replace("sets: [vn/unit]", "sets: [vn/unit]\n    census: staff")) == [
        "plan.yaml:12:13: 'targets[0].census' must be one of 'households', 'clans', "
        "'communities', 'units', 'higher_units', found 'staff' [invalid-value]"]


def test_validate_locates_an_unknown_set(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    path = tmp_path / "tg.yaml"
    path.write_text(PLAN.replace("[vn/unit]", "[vn/unti]"), encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr()
    assert f"{path}:11:12: unknown criteria set 'vn/unti'" in out.out + out.err
    assert "did you mean 'vn/unit'?" in out.out + out.err


def test_the_schema_command_describes_sets_and_census(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "targets"]) == 0
    out = capsys.readouterr().out
    assert '"sets"' in out and '"census"' in out and "higher_units" in out


def test_the_shipped_unit_targets_count_the_commune_level_units() -> None:
    for ident in ("bac-kan-city", "vn-387"):
        target = lm.load_targets(ident).get("units_recognised")
        assert target.sets == ("vn/unit",) and target.census is None


@pytest.fixture(scope="module")
def city_2024() -> lm.Rollup:
    evaluation = lm.evaluate_dataset(lm.read_dataset(EXAMPLE / "2024"), year=2024)
    return lm.rollup(evaluation, lm.load_targets("bac-kan-city"))


def test_the_city_unit_target_reads_the_commune_level_units_over_their_census(
        city_2024: lm.Rollup) -> None:
    units = city_2024.area("058").models["unit"]
    # the model's figure: both kinds of unit over both columns of the area list
    assert (units.recognised, units.denominator, units.area_total) == (57, 61, 61)
    assert [(s.criteria_set, s.evaluated) for s in units.by_set] == [
        ("vn/2021-2025/unit", 54), ("vn/2021-2025/unit-tt22", 3)]
    (check,) = units.targets
    assert check.counted == lm.CountedFigures(("vn/2021-2025/unit",), 54, 54, 58,
                                              "area_total", 54 / 58)
    assert (check.required, check.gap, check.met) == (56, 2, False)
    assert check.sentence.vi == (
        "chỉ tiêu chỉ tính đối tượng của bộ tiêu chí vn/2021-2025/unit: 54/58 (93,1%); "
        "cần thêm 2 đơn vị học tập để đạt 95%")
    assert check.sentence.en.startswith(
        "the target counts only the subjects of the criteria set vn/2021-2025/unit: "
        "54/58 (93.1%); needs 2 more")
    assert check.to_dict()["counted"]["denominator"] == 58


def test_a_commune_counts_its_own_units_and_the_city_adds_them_up(
        city_2024: lm.Rollup) -> None:
    communes = city_2024.at_level("commune")
    counted = [a.models["unit"].targets[0].counted for a in communes]
    assert all(c is not None for c in counted)
    city = city_2024.area("058").models["unit"].targets[0].counted
    assert city is not None
    assert sum(c.denominator for c in counted if c) == city.denominator == 58
    assert sum(c.recognised for c in counted if c) == city.recognised == 54


def test_other_targets_keep_the_models_figure(city_2024: lm.Rollup) -> None:
    families = city_2024.area("058").models["family"]
    (check,) = families.targets
    assert check.counted is None and "counted" not in check.to_dict()
    assert check.sentence.vi.startswith("cần thêm") or check.sentence.vi.startswith("đã đạt")


def test_a_one_set_model_counts_all_its_subjects_when_the_target_names_its_set(
        tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "areas.csv").write_text("code,name,level,parent,clans\n01834,Phường,commune,,4\n",
                                      encoding="utf-8")
    clans = (EXAMPLE / "2024" / "clan.csv").read_text(encoding="utf-8").splitlines()
    header, rows = clans[0], [r for r in clans[1:] if ",01834," in r][:3]
    (folder / "clan.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    plan = PLAN.replace("model: unit\n    sets: [vn/unit]", "model: clan\n    sets: [vn/clan]")
    text = plan + ("  - id: other_period\n    title: {vi: Thử, en: Test}\n"
                   "    measure: recognised_share\n    model: clan\n"
                   "    sets: [vn/2026-2030/clan]\n    milestones: {2025: 0.5}\n")
    targets = lm.validate_targets(parse_yaml(text, "plan.yaml"))
    evaluation = lm.evaluate_dataset(lm.read_dataset(folder), year=2024)
    clan = lm.rollup(evaluation, targets).area("01834").models["clan"]
    mine, other = clan.targets
    assert mine.counted is not None and other.counted is not None
    assert (mine.counted.evaluated, mine.counted.recognised, mine.counted.denominator) == \
        (clan.evaluated, clan.recognised, 4)
    assert mine.gap == next(t for t in lm.rollup(evaluation, lm.validate_targets(parse_yaml(
        text.replace("    sets: [vn/clan]\n", ""), "plan.yaml"))).area("01834")
        .models["clan"].targets if t.target == "units_recognised").gap
    # a set that evaluated nothing this year counts nothing: 0 of the census, never more
    assert (other.counted.evaluated, other.counted.recognised, other.counted.sets) == (0, 0, ())


def test_lint_checks_a_targets_file_against_the_sets_of_the_catalogue(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "tg.yaml"
    path.write_text(PLAN.replace("[vn/unit]", "[vn/2021-2025/unit-tt2]"), encoding="utf-8")
    assert main(["lint", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:11:12: unknown criteria set 'vn/2021-2025/unit-tt2' in " \
        "'targets[0].sets[0]'" in err
    assert "did you mean 'vn/2021-2025/unit-tt22'?" in err
    path.write_text(PLAN, encoding="utf-8")
    assert main(["lint", str(path)]) == 0


LOCAL_UNIT = """\
format: learning-models/criteria-set/1.1
id: {ident}
extends: {base}
period: "{period}"
title: {{vi: Đơn vị học tập cấp xã của tỉnh, en: The province's commune-level learning unit}}
source: {{verified: false, note: a province's own version of the national set}}
"""


def local_set(folder: Path, ident: str, base: str, period: str = "2021-2025") -> None:
    path = folder / f"{ident.replace('/', '-')}.yaml"
    path.write_text(LOCAL_UNIT.format(ident=ident, base=base, period=period), encoding="utf-8")


def test_a_target_counts_a_provinces_version_of_a_set_it_names_in_the_same_period(
        tmp_path: Path) -> None:
    local_set(tmp_path, "hn/2021-2025/unit", "vn/2021-2025/unit")
    local_set(tmp_path, "hn/2021-2025/unit-x", "hn/2021-2025/unit")   # through another
    local_set(tmp_path, "hn/2021-2025/unit-tt22", "vn/2021-2025/unit-tt22")
    local_set(tmp_path, "hn/2026-2030/unit", "vn/2021-2025/unit", "2026-2030")
    catalog = lm.Catalog.default([tmp_path])
    targets = lm.validate_targets(parse_yaml(PLAN, "plan.yaml"), catalog=catalog)
    # the set a later period bases on the earlier one is new law: named, or not counted
    assert targets.targets[0].sets == ("vn/unit", "hn/2021-2025/unit", "hn/2021-2025/unit-x")
    named = lm.validate_targets(parse_yaml(PLAN.replace(
        "[vn/unit]", "[vn/2021-2025/unit-tt22]"), "plan.yaml"), catalog=catalog)
    assert named.targets[0].sets == ("vn/2021-2025/unit-tt22", "hn/2021-2025/unit-tt22")
    # without a catalogue, the names as written
    assert lm.validate_targets(parse_yaml(PLAN, "plan.yaml")).targets[0].sets == ("vn/unit",)


def test_the_city_target_reads_the_same_when_a_province_version_supersedes_the_national_set(
        tmp_path: Path, city_2024: lm.Rollup) -> None:
    local_set(tmp_path, "bk/2021-2025/unit", "vn/2021-2025/unit")
    catalog = lm.Catalog.default([tmp_path])
    evaluation = lm.evaluate_dataset(lm.read_dataset(EXAMPLE / "2024"), year=2024,
                                     catalog=catalog)
    targets = lm.load_targets("bac-kan-city", catalog=catalog)
    units = lm.rollup(evaluation, targets).area("058").models["unit"]
    assert [(s.criteria_set, s.evaluated) for s in units.by_set] == [
        ("bk/2021-2025/unit", 54), ("vn/2021-2025/unit-tt22", 3)]
    (check,) = units.targets
    national = city_2024.area("058").models["unit"].targets[0]
    assert check.counted is not None and national.counted is not None
    assert check.counted.sets == ("bk/2021-2025/unit",)
    assert (check.counted.recognised, check.counted.denominator, check.gap) == \
        (national.counted.recognised, national.counted.denominator, national.gap) == (54, 58, 2)
