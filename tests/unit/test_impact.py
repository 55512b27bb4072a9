"""The impact of a criteria change: per subject, per area and model, per target; equal to
the difference of two separate evaluations; the same set changes nothing; A → B mirrors B → A.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import hypothesis.strategies as st
import polars as pl
import pytest
from builders import MINI, WHEN, load_text, mini
from hypothesis import given, settings

import learning_models as lm
from learning_models._cli import main
from learning_models._documents import output as _output
from learning_models._history import write_impact

CITY = Path(__file__).parents[2] / "examples" / "bac-kan-city" / "2024"
OLD, NEW = "vn/2021-2025/family", "vn/2026-2030/family"
STRICTER = mini(WHEN, "when: adults >= 1 and adults_learning >= 2")


@pytest.fixture(scope="module")
def city() -> lm.Dataset:
    return lm.read_dataset(CITY)


@pytest.fixture(scope="module")
def city_impact(city: lm.Dataset) -> lm.Impact:
    catalog = lm.Catalog.default()
    return lm.impact(city, year=2024, before=catalog.get(OLD), after=catalog.get(NEW),
                     targets=lm.load_targets("bac-kan-city"), catalog=catalog)


def _recognised_by_commune(evaluation: lm.DatasetEvaluation, model: str) -> dict[str, int]:
    rolled = lm.rollup(evaluation)
    return {a.code: a.models[model].recognised for a in rolled.areas
            if a.level == "commune" and model in a.models}


@pytest.mark.slow
def test_the_city_impact_equals_the_difference_of_two_separate_evaluations(
        city: lm.Dataset, city_impact: lm.Impact) -> None:
    catalog = lm.Catalog.default()
    new = catalog.get(NEW)
    # the 2024 data carry a column only the older set reads: the newer set's evaluation
    # is of the same records without it, as the impact evaluates them
    family = city.tables["family"]
    unread = [c for c in family.frame.columns if c in catalog.get(OLD).inputs
              and c not in new.inputs]
    trimmed = replace(city, tables={**city.tables,
                                    "family": replace(family, frame=family.frame.drop(unread))})
    before = lm.evaluate_dataset(city, year=2024, catalog=catalog)
    after = lm.evaluate_dataset(trimmed, year=2024, catalog=catalog, sets={"family": new})
    for model in ("family", "clan", "community"):
        then, now = _recognised_by_commune(before, model), _recognised_by_commune(after, model)
        assert then.keys() == now.keys()
        for code in then:
            area = city_impact.area(code, model)
            assert (area.recognised_before, area.recognised_after) == (then[code], now[code])
            d = area.directions
            assert now[code] - then[code] == d["gained"] - d["lost"]


@pytest.mark.slow
def test_the_city_impact_names_the_indicators_behind_each_change(
        city_impact: lm.Impact) -> None:
    families = [c for c in city_impact.changes if c.model == "family"]
    assert families and all(c.indicators for c in families)
    whole = city_impact.area("*", "family")
    assert whole.changed == len(families)
    (target,) = whole.targets
    assert target.met_before and not target.met_after and target.gap_after > 0


households = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.booleans()),
                      min_size=1, max_size=12)


def _dataset(tmp: Path, rows: list[tuple[int, int, bool]]) -> lm.Dataset:
    lines = ["id,area,adults,adults_learning,corner,income"] + [
        f"HH-{n},X{n % 3},{a},{b},{'yes' if c else 'no'},stable"
        for n, (a, b, c) in enumerate(rows)]
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "family.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lm.read_dataset(tmp)


@settings(max_examples=25)
@given(rows=households)
def test_a_set_against_itself_changes_nothing(tmp_path_factory: pytest.TempPathFactory,
                                              rows: list[tuple[int, int, bool]]) -> None:
    data = _dataset(tmp_path_factory.mktemp("d"), rows)
    spec = load_text(MINI)
    found = lm.impact(data, year=2024, before=spec, after=spec)
    assert not found and all(a.changed == 0 for a in found.areas)


@settings(max_examples=25)
@given(rows=households)
def test_the_impact_of_a_to_b_mirrors_b_to_a(tmp_path_factory: pytest.TempPathFactory,
                                             rows: list[tuple[int, int, bool]]) -> None:
    data = _dataset(tmp_path_factory.mktemp("d"), rows)
    a, b = load_text(MINI), load_text(STRICTER)
    forth = lm.impact(data, year=2024, before=a, after=b)
    back = lm.impact(data, year=2024, before=b, after=a)
    mirrored = {(c.model, c.subject, c.after, c.before, c.indicators) for c in back.changes}
    assert {(c.model, c.subject, c.before, c.after, c.indicators)
            for c in forth.changes} == mirrored
    for there, here in zip(forth.areas, back.areas, strict=True):
        assert (there.recognised_before, there.recognised_after) == \
            (here.recognised_after, here.recognised_before)
        assert there.directions["gained"] == here.directions["lost"]


def test_sets_of_different_models_are_refused(tmp_path: Path) -> None:
    data = _dataset(tmp_path, [(1, 1, True)])
    other = load_text(mini("model: family", "model: clan"))
    with pytest.raises(lm.LearningModelsError, match="different models"):
        lm.impact(data, year=2024, before=load_text(MINI), after=other)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["json", "html", "xlsx", "text"])
def test_the_impact_command_writes_each_format(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"tac-dong.{kind}"
    status = main(["impact", str(CITY), "--year", "2024", "--before", OLD, "--after", NEW,
                   "--targets", "bac-kan-city", "--format", kind, "--out", str(out)])
    assert status == 0 and out.stat().st_size > 0
    if kind == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["before"]["id"] == OLD and data["changes"]
    elif kind == "xlsx":
        sheets = pl.read_excel(out, sheet_id=0)
        assert set(sheets) == {"Tác động", "Hồ sơ"}
    else:
        assert "Gia đình học tập" in out.read_text(encoding="utf-8")


def test_html_without_a_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", str(CITY), "--year", "2024", "--before", OLD, "--after", NEW,
                 "--format", "html"]) == 2
    assert "--out FILE" in capsys.readouterr().err


@pytest.mark.slow
def test_an_overlay_applies_to_the_proposed_side_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overlay = (CITY.parents[2] / "plugins" / "learning-models-bac-kan" / "src"
               / "learning_models_bac_kan" / "overlays" / "family.yaml")
    assert main(["impact", str(CITY), "--year", "2024", "--before", OLD, "--after", OLD,
                 "--overlay", str(overlay), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["before"]["content_hash"] == lm.Catalog.default().get(OLD).content_hash()
    assert data["after"]["content_hash"] != data["before"]["content_hash"]
    (whole,) = [a for a in data["areas"] if a["code"] == "*" and a["model"] == "family"]
    assert whole["recognised_after"] < whole["recognised_before"]
    assert {c["indicator"] for c in whole["causes"]} >= {"C5.1"}


def test_an_impact_longer_than_a_sheet_goes_on_over_sheets_losing_no_subject(
        city_impact: lm.Impact, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a sheet holds 1,048,576 rows, and rows past it would be dropped without a word
    monkeypatch.setattr(_output, "SHEET_ROWS", 500)
    out = write_impact(city_impact, tmp_path / "tac-dong.xlsx", "xlsx")
    sheets = pl.read_excel(out, sheet_id=0)
    parts = [n for n in sheets if n.startswith("Hồ sơ")]
    changes = len(city_impact.changes)
    assert changes > 1_000 and parts == ["Hồ sơ", *(f"Hồ sơ ({k})" for k in range(
        2, -(-changes // 499) + 1))]
    subjects = [s for n in parts for s in sheets[n]["subject"].to_list()]
    assert subjects == [c.subject for c in city_impact.changes]
    assert all(sheets[n].height <= 499 for n in parts)   # the header, then 499 subjects
