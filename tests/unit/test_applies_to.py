"""Several sets of one model in force in one year, told apart by `applies_to` (format 1.1)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import learning_models as lm
from learning_models import Catalog, evaluate_routed
from learning_models._history.rows import history_rows
from learning_models.errors import LearningModelsError

SET = """format: learning-models/criteria-set/{fmt}
id: {ident}
model: {model}
period: "2021-2025"
title: {{vi: Đơn vị {ident}, en: Unit {ident}}}
source: {{verified: false}}
{applies}
inputs:
  level:
    type: enum
    values: [commune, district, province]
    label: {{vi: Cấp, en: Level}}
  {extra}:
    type: number
    minimum: 0
    maximum: 10
    label: {{vi: Điểm, en: Points}}
criteria:
  - id: C1
    title: {{vi: Tiêu chí 1, en: Criterion 1}}
    indicators:
      - id: C1.1
        title: {{vi: Chỉ số 1, en: Indicator 1}}
        points: 10
        {points}
recognition:
  pass: total >= {mark}
"""


def _write(folder: Path, ident: str, applies: str | None, *, extra: str = "score",
           mark: int = 5, fmt: str = "1.1", model: str = "unit") -> None:
    points = f"awarded: {extra}" if fmt == "1.1" else f"when: {extra} >= 5"
    text = SET.format(fmt=fmt, model=model, ident=ident, extra=extra, mark=mark, points=points,
                      applies="" if applies is None else f'applies_to: "{applies}"')
    (folder / f"{ident}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def two(tmp_path: Path) -> Catalog:
    _write(tmp_path, "commune", "level == 'commune'", extra="commune_score")
    _write(tmp_path, "upper", "level in ['district', 'province']", mark=8)
    catalog = Catalog()
    catalog.add_directory(tmp_path)
    return catalog


def test_sets_told_apart_by_applies_to_are_both_in_force(two: Catalog) -> None:
    assert two.problems() == []
    assert [s.id for s in two.variants("unit", 2023)] == ["commune", "upper"]
    with pytest.raises(LearningModelsError, match="applies_to"):
        two.for_year("unit", 2023)


def test_each_record_goes_to_the_set_whose_applies_to_holds(two: Catalog) -> None:
    records = [{"id": "u1", "level": "commune", "commune_score": "6"},
               {"id": "u2", "level": "district", "score": "6"},
               {"id": "u3", "level": "province", "score": "9"},
               {"id": "u4", "score": "9"}]
    routed = evaluate_routed(two.variants("unit", 2023), records, year=2023)
    commune, upper = routed.parts
    assert [e.subject for e in commune] == ["u1"]
    assert [(e.subject, e.status) for e in upper] == [("u2", "not_recognised"),
                                                       ("u3", "recognised")]
    assert commune.errors == () or list(commune.errors) == []
    assert [(e.record, e.code) for e in routed.errors] == [("u4", "no-set-applies")]
    assert "commune (applies_to: level == 'commune')" in routed.errors[0].message
    counts = routed.counts()
    assert (counts["recognised"], counts["not_recognised"], counts["rejected"]) == (2, 1, 1)
    assert routed.counts_by_set()["upper"]["recognised"] == 1


def test_a_record_several_sets_apply_to_is_rejected_naming_them(tmp_path: Path) -> None:
    _write(tmp_path, "a", "level != 'province'")
    _write(tmp_path, "b", "level != 'commune'")
    catalog = Catalog()
    catalog.add_directory(tmp_path)
    routed = evaluate_routed(catalog.variants("unit", 2022),
                             [{"id": "x", "level": "district", "score": "5"},
                              {"id": "y", "level": "commune", "score": "5"}], year=2022)
    assert [e.subject for e in routed.parts[0]] == ["y"]
    assert [e.record for e in routed.errors] == ["x"]
    assert "several criteria sets apply" in routed.errors[0].message
    assert "a (applies_to" in routed.errors[0].message and "b (applies_to" in \
        routed.errors[0].message


def test_overlapping_sets_without_applies_to_are_an_error_naming_it(tmp_path: Path) -> None:
    _write(tmp_path, "a", "level == 'commune'")
    _write(tmp_path, "b", None)
    catalog = Catalog()
    catalog.add_directory(tmp_path)
    [problem] = catalog.problems()
    assert problem.code == "overlapping-periods"
    assert problem.span is not None and problem.span.file.endswith("b.yaml")
    assert "applies_to" in (problem.hint or "")
    with pytest.raises(LearningModelsError, match="applies_to"):
        catalog.variants("unit", 2021)


def test_applies_to_needs_format_1_1(tmp_path: Path) -> None:
    from learning_models import load_criteria
    from learning_models.errors import CriteriaError
    _write(tmp_path, "old", "level == 'commune'", fmt="1")
    with pytest.raises(CriteriaError, match="applies_to"):
        load_criteria(tmp_path / "old.yaml")


def test_applies_to_reads_inputs_only_and_is_a_condition(tmp_path: Path) -> None:
    from learning_models import load_criteria
    from learning_models.errors import CriteriaError
    _write(tmp_path, "bad", "total")
    with pytest.raises(CriteriaError, match="total"):
        load_criteria(tmp_path / "bad.yaml")
    _write(tmp_path, "bad2", "score")
    with pytest.raises(CriteriaError, match="condition"):
        load_criteria(tmp_path / "bad2.yaml")


def test_evaluate_model_year_routes_each_record(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._cli import main
    sets = tmp_path / "sets"
    sets.mkdir()
    _write(sets, "commune", "level == 'commune'", extra="commune_score", model="workplace")
    _write(sets, "upper", "level in ['district', 'province']", mark=8, model="workplace")
    data = tmp_path / "units.csv"
    data.write_text("id,level,commune_score,score\nu1,commune,6,\nu2,district,,9\n",
                    encoding="utf-8")
    code = main(["evaluate", "--model", "workplace", "--year", "2023", "--input", str(data),
                 "--criteria-dir", str(sets), "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("criteria_set,")
    assert lines[1].startswith("commune,u1") and lines[2].startswith("upper,u2")


def test_the_example_file_of_both_kinds_of_unit_is_evaluated_each_by_its_set(
        capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._cli import main
    example = Path(__file__).resolve().parents[2] / "examples" / "units"
    code = main(["evaluate", "--model", "unit", "--year", "2024",
                 "--input", str(example / "units.csv"), "--format", "csv", "--lang", "en"])
    captured = capsys.readouterr()
    rows = {line.split(",")[1]: line.split(",")[0] for line in captured.out.splitlines()[1:]}
    assert rows == {"UBND-01": "vn/2021-2025/unit", "TRUONG-01": "vn/2021-2025/unit",
                    "PGD-01": "vn/2021-2025/unit-tt22",
                    "TTGDTX-01": "vn/2021-2025/unit-tt22",
                    "SGD-01": "vn/2021-2025/unit-tt22"}
    assert code == 1 and "X-01: no criteria set applies" in captured.err


def test_the_example_units_at_the_grade_boundary(capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._cli import main
    example = Path(__file__).resolve().parents[2] / "examples" / "units"
    main(["evaluate", "--model", "unit", "--year", "2024",
          "--input", str(example / "units.csv"), "--lang", "en"])
    lines = {line.split("\t")[0]: line.split("\t") for line in capsys.readouterr().out
             .splitlines() if "\t" in line}
    assert lines["TTGDTX-01"][1:] == ["85/100", "Recognised", "Good"]
    assert lines["SGD-01"][1] == "84/100" and lines["SGD-01"][3] == "Fair"


def test_the_circular_24_set_grades_by_level(capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._cli import main
    cases = Path(__file__).resolve().parents[2] / "criteria" / "vn" / "2026-2030" / \
        "unit-tt24.test.yaml"
    assert main(["test", str(cases)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "6 ca kiểm thử đạt, 0 ca không đạt"
    catalog = Catalog.default()
    assert [s.id for s in catalog.variants("unit", 2027)] == [
        "vn/2026-2030/unit", "vn/2026-2030/unit-tt24"]
    assert catalog.get("vn/2026-2030/unit-tt24").recognition_verified_share == \
        pytest.approx(2 / 3)    # the pass rule and Mức 1 verified, Mức 2 not


def _city_units(inputs: object, rows: int = 3) -> list[str]:
    """The header and first `rows` units of the example city (2024), with the columns of
    `inputs` only (and id, name, area)."""
    example = Path(__file__).resolve().parents[2] / "examples" / "bac-kan-city" / "2024"
    lines = (example / "unit.csv").read_text(encoding="utf-8").splitlines()[:rows + 1]
    header = lines[0].split(",")
    keep = [k for k, c in enumerate(header) if c in ("id", "name", "area") or c in inputs]
    return [",".join(line.split(",")[k] for k in keep) for line in lines]


def test_a_dataset_given_one_set_rejects_a_record_its_applies_to_does_not_hold_for(
        tmp_path: Path) -> None:
    commune = Catalog.default().get("vn/2021-2025/unit")
    lines = _city_units(commune.inputs)
    lines[2] = lines[2].replace(",commune,", ",district,", 1)
    lines[3] = lines[3].replace(",commune,", ",,", 1)
    (tmp_path / "unit.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    evaluation = lm.evaluate_dataset(lm.read_dataset(tmp_path), year=2024,
                                     sets={"unit": commune})
    assert [(e.row, e.code) for e in evaluation.errors] == [(2, "no-set-applies"),
                                                            (3, "no-set-applies")]
    assert "level == 'commune'" in evaluation.errors[0].message
    assert evaluation.results["unit"].counts()["recognised"] + \
        evaluation.results["unit"].counts()["not_recognised"] == 1


def test_a_dataset_routes_each_unit_to_the_set_in_force_for_its_level(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "bac-kan-city" / "2024"
    lines = (example / "unit.csv").read_text(encoding="utf-8").splitlines()[:4]
    lines[2] = lines[2].replace(",commune,", ",district,", 1)
    lines[3] = lines[3].replace(",commune,", ",,", 1)
    (tmp_path / "unit.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    evaluation = lm.evaluate_dataset(lm.read_dataset(tmp_path), year=2024)
    assert [(e.row, e.code) for e in evaluation.errors] == [(3, "no-set-applies")]
    assert "vn/2021-2025/unit (" in evaluation.errors[0].message
    assert "vn/2021-2025/unit-tt22 (" in evaluation.errors[0].message
    units = evaluation.results["unit"]
    assert [s.id for s in evaluation.sets_of("unit")] == ["vn/2021-2025/unit",
                                                          "vn/2021-2025/unit-tt22"]
    assert {e.subject: e.provenance.criteria_set for e in units} == {
        lines[1].split(",")[0]: "vn/2021-2025/unit", lines[2].split(",")[0]:
        "vn/2021-2025/unit-tt22"}
    assert units.counts()["rejected"] == 1 and len(units) == 2
    recorded = history_rows(evaluation, "run-1").filter(pl.col("model") == "unit")
    assert dict(recorded.select("subject", "criteria_set").iter_rows()) == {
        e.subject: e.provenance.criteria_set for e in units}   # the history keeps each set


def test_the_city_report_counts_both_kinds_of_unit_and_each_set(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._cli import main
    city = Path(__file__).resolve().parents[2] / "examples" / "bac-kan-city" / "2024"
    code = main(["report", str(city), "--year", "2024", "--targets", "bac-kan-city",
                 "--out", str(tmp_path / "out"), "--format", "results"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    at = next(k for k, line in enumerate(lines) if line.startswith("  Đơn vị học tập: "))
    assert lines[at].startswith("  Đơn vị học tập: 57 đã đánh giá — 57 đạt")
    assert lines[at + 1] == ("    vn/2021-2025/unit (Đơn vị học tập cấp xã (giai đoạn "
                             "2021–2025)): 54 đã đánh giá — 54 đạt, 0 không đạt, 0 chưa đủ "
                             "minh chứng")
    assert lines[at + 2].startswith("    vn/2021-2025/unit-tt22 (Đơn vị học tập cấp huyện, "
                                    "cấp tỉnh (Thông tư 22/2020/TT-BGDĐT)): 3 đã đánh giá")
