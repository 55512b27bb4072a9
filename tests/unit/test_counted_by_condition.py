"""A count of related subjects restricted by a condition over their inputs (``from: when``,
format 1.1): a family's learning citizens are its members aged 19–60."""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm
from learning_models.errors import CriteriaError

POINTS = ("plan_points,new_learning_points,reading_points,applying_points,language_points,"
          "digital_use_points,information_points,online_learning_points,relations_points,"
          "community_points")
FULL = ",".join(["10"] * 10)
FAMILY = ("id,school_age_children,children_in_school,children_results_ok,children_conduct_ok,"
          "adults,adults_literate,adults_learning,study_corner,study_fund,internet_device,"
          "income,cultural_family\n")


def _dataset(folder: Path) -> lm.DatasetEvaluation:
    (folder / "citizen.csv").write_text(
        f"id,family,group,age,{POINTS}\nA,H1,farmer,30,{FULL}\nB,H1,farmer,45,{FULL}\n"
        f"C,H1,farmer,70,{FULL}\nD,H2,farmer,,{FULL}\n", encoding="utf-8")
    (folder / "family.csv").write_text(
        FAMILY + "H1,0,0,,,2,2,2,có,có,có,stable,có\nH2,0,0,,,1,1,1,có,có,có,stable,có\n",
        encoding="utf-8")
    return lm.evaluate_dataset(lm.read_dataset(folder), year=2024)


def test_a_family_counts_its_learning_citizens_aged_19_to_60(tmp_path: Path) -> None:
    evaluation = _dataset(tmp_path)
    assert evaluation.errors == ()
    counts = dict(evaluation.results["family"].scored.select("id", "learning_citizens").rows())
    assert counts == {"H1": 2, "H2": 1}     # the member aged 70 is not counted; no age: counted


def test_a_condition_that_is_not_one_is_an_error(tmp_path: Path) -> None:
    sets = tmp_path / "sets"
    sets.mkdir()
    text = (Path(__file__).resolve().parents[2] / "criteria" / "vn" / "2021-2025" /
            "family.yaml").read_text(encoding="utf-8")
    text = text.replace('when: "default(age >= 19 and age <= 60, True)"', 'when: "age"')
    (sets / "family.yaml").write_text(text, encoding="utf-8")
    catalog = lm.Catalog.default([sets])
    (tmp_path / "data").mkdir()
    with pytest.raises(CriteriaError, match="must be a condition") as caught:
        lm.evaluate_dataset(lm.read_dataset(_write(tmp_path / "data")), year=2024,
                            catalog=catalog)
    assert caught.value.problems[0].text("vi").startswith(
        "'from: when: age' phải là một điều kiện (đúng hoặc sai) trên các thông tin của "
        "'citizen', nhưng có kiểu ")


def _write(folder: Path) -> Path:
    _dataset(folder)
    return folder
