"""The Bắc Kạn city example: generated deterministically, shipped as generated, evaluated
without rejections, with rates that spread around the city's 2025 targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import openpyxl
import polars as pl
import pytest

import learning_models as lm
from learning_models._catalog.catalog import Catalog
from learning_models._evidence.dataset import read_dataset
from learning_models._scoring import parts_of
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

EXAMPLE = Path(__file__).parents[2] / "examples" / "bac-kan-city"
FOLDERS = ("2024", "2026", "2024-with-errors")
#: Bắc Kạn city's 2025 targets (share of all subjects recognised), per model.
TARGETS = {"family": 0.90, "clan": 0.90, "community": 0.90, "unit": 0.95}
TOTAL_OF = {"family": "households", "clan": "clans", "community": "communities",
            "unit": "units"}
COMMUNES_2024 = {
    "01834": "Phường Nguyễn Thị Minh Khai", "01837": "Phường Sông Cầu",
    "01840": "Phường Đức Xuân", "01843": "Phường Phùng Chí Kiên",
    "01846": "Phường Huyền Tụng", "01849": "Xã Dương Quang", "01852": "Xã Nông Thượng",
    "01855": "Phường Xuất Hóa",
}
REGENERATE = "the shipped example is stale: run  python examples/bac-kan-city/generate.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bac_kan_generate", EXAMPLE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _generator()


@pytest.fixture(scope="module")
def generated(generator: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generator.generate(out)
    return out


@pytest.fixture(scope="module")
def evaluations() -> dict[int, DatasetEvaluation]:
    return {year: evaluate_dataset(read_dataset(EXAMPLE / str(year)), year=year)
            for year in (2024, 2026)}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in FOLDERS for p in sorted((root / folder).iterdir())}


# --- generation -------------------------------------------------------------------------

@pytest.mark.slow
def test_the_generator_writes_the_same_bytes_every_time(
        generator: ModuleType, generated: Path, tmp_path: Path) -> None:
    assert generator.main(["--out", str(tmp_path)]) == 0     # as a script, the second time
    assert files(tmp_path) == files(generated)


def test_the_shipped_data_is_a_fresh_generation(generated: Path) -> None:
    shipped, fresh = files(EXAMPLE), files(generated)
    assert sorted(shipped) == sorted(fresh), REGENERATE
    stale = [name for name in fresh if shipped[name] != fresh[name]]
    assert stale == [], REGENERATE


def test_the_shipped_data_stays_small() -> None:
    size = sum(len(b) for b in files(EXAMPLE).values())
    assert size < 6 * 2**20


# --- the areas --------------------------------------------------------------------------

def test_2024_areas_are_the_city_wards_and_communes() -> None:
    areas = pl.read_csv(EXAMPLE / "2024" / "areas.csv", infer_schema=False)
    top = areas.filter(pl.col("level") != "village").select("code", "name", "level", "parent")
    assert top.rows()[:2] == [("06", "Tỉnh Bắc Kạn", "province", None),
                              ("058", "Thành phố Bắc Kạn", "district", "06")]
    communes = top.filter(pl.col("level") == "commune")
    assert dict(communes.select("code", "name").rows()) == COMMUNES_2024
    assert set(communes["parent"]) == {"058"}
    villages = areas.filter(pl.col("level") == "village")
    per_commune = villages.group_by("parent").len()
    assert set(per_commune["parent"]) == set(COMMUNES_2024)
    assert all(10 <= n <= 16 for n in per_commune["len"])
    assert villages["name"].str.contains(r"^(Tổ|Thôn) ").all()


def test_2026_areas_are_two_wards_of_thai_nguyen_with_a_crosswalk() -> None:
    areas = pl.read_csv(EXAMPLE / "2026" / "areas.csv", infer_schema=False)
    assert "district" not in set(areas["level"])
    wards = areas.filter(pl.col("level") == "commune")
    assert wards.select("code", "name", "parent").rows() == [
        ("01840", "Phường Đức Xuân", "19"), ("01843", "Phường Bắc Kạn", "19")]
    assert areas.filter(pl.col("level") == "province").select("code", "name").rows() == [
        ("19", "Tỉnh Thái Nguyên")]
    crosswalk = pl.read_csv(EXAMPLE / "2026" / "crosswalk.csv", infer_schema=False)
    assert set(crosswalk["old_code"]) == set(COMMUNES_2024)
    assert set(crosswalk["new_code"]) == {"01840", "01843"}
    assert set(crosswalk["since"]) == {"2025-07-01"}
    before = pl.read_csv(EXAMPLE / "2024" / "areas.csv", infer_schema=False)
    old_villages = set(before.filter(pl.col("level") == "village")["code"])
    assert set(areas.filter(pl.col("level") == "village")["code"]) == old_villages


def test_census_households_exceed_the_households_in_the_data(
        evaluations: dict[int, DatasetEvaluation]) -> None:
    dataset = evaluations[2024].dataset
    assert dataset.areas is not None
    families = dataset.tables["family"].frame.group_by("community").len()
    census = dataset.areas.select(pl.col("code").alias("community"), "households")
    joined = families.join(census, on="community")
    assert joined.height == families.height
    assert (joined["households"] > joined["len"]).all()
    assert 10_500 <= families["len"].sum() <= 11_500


# --- evaluation -------------------------------------------------------------------------

@pytest.mark.parametrize("year", [2024, 2026])
def test_the_main_data_evaluates_without_a_rejected_row(
        evaluations: dict[int, DatasetEvaluation], year: int) -> None:
    evaluation = evaluations[year]
    assert [e.format() for e in evaluation.errors] == []
    assert set(evaluation.results) == {"citizen", "family", "clan", "community", "unit"}
    period = "2021-2025" if year == 2024 else "2026-2030"
    assert {s.period for m, s in evaluation.sets.items() if m != "citizen"} == {period}
    assert evaluation.sets["citizen"].period == "2021-2030"    # one set for the decade


def test_some_evidence_is_missing(evaluations: dict[int, DatasetEvaluation]) -> None:
    counts = evaluations[2024].results
    assert counts["family"].counts()["incomplete"] > 0
    assert counts["citizen"].counts()["incomplete"] > 0


def test_recognition_counts_agree_between_levels(
        evaluations: dict[int, DatasetEvaluation]) -> None:
    results = evaluations[2024].results
    citizens = results["citizen"].scored
    recognised = citizens.filter(pl.col("status") == "recognised").group_by("family").len()
    families = results["family"].scored.join(
        recognised.rename({"family": "id", "len": "counted"}), on="id", how="left")
    assert (families["learning_citizens"] == families["counted"].fill_null(0)).all()
    learning = results["family"].scored.filter(pl.col("status") == "recognised") \
        .group_by("community").len()
    villages = results["community"].scored.join(
        learning.rename({"community": "id", "len": "counted"}), on="id", how="left")
    assert (villages["learning_families"] == villages["counted"].fill_null(0)).all()
    staff = citizens.filter(pl.col("unit").is_not_null()).group_by("unit").len()
    commune = parts_of(results["unit"])[0]   # the staff of commune-level units
    units = commune.scored.join(staff.rename({"unit": "id", "len": "n"}), on="id")
    assert (units["staff"] == units["n"]).all() and units.height == commune.scored.height


def test_units_of_both_kinds_are_evaluated_each_by_its_set(
        evaluations: dict[int, DatasetEvaluation]) -> None:
    ids = {year: {p.program.spec.id: sorted(p.scored["id"].to_list())
                  for p in parts_of(e.results["unit"])} for year, e in evaluations.items()}
    assert ids[2024]["vn/2021-2025/unit-tt22"] == ["GDNN-058", "PGD-058", "VHTT-058"]
    assert ids[2026]["vn/2026-2030/unit-tt24"] == ["GDNN-058"]     # the province's now
    assert len(ids[2024]["vn/2021-2025/unit"]) == 54 and len(ids[2026]["vn/2026-2030/unit"]) > 0
    city = lm.rollup(evaluations[2024]).area("058").models["unit"]
    assert [(s.criteria_set, s.evaluated) for s in city.by_set] == [
        ("vn/2021-2025/unit", 54), ("vn/2021-2025/unit-tt22", 3)]
    assert city.evaluated == 57 and city.area_total == 61   # the city's own units counted


def commune_rates(evaluation: DatasetEvaluation, model: str) -> dict[str, float]:
    """Recognised ÷ the commune's census total, per commune."""
    areas = evaluation.dataset.areas
    assert areas is not None
    parent = dict(zip(areas["code"], areas["parent"], strict=True))
    communes = areas.filter(pl.col("level") == "commune")
    scored = evaluation.results[model].scored
    commune = scored["area"].map_elements(
        lambda code: code if code in set(communes["code"]) else parent.get(code),
        return_dtype=pl.String)
    # subjects above the communes (the city's own units) are in no commune's rate
    counts = scored.with_columns(commune.alias("commune")) \
        .filter(pl.col("commune").is_in(communes["code"].implode())).group_by("commune").agg(
        (pl.col("status") == "recognised").sum().alias("recognised"))
    totals = dict(communes.select("code", TOTAL_OF[model]).rows())
    return {c: r / totals[c] for c, r in counts.rows()}


@pytest.mark.parametrize("model", list(TARGETS))
def test_2024_rates_spread_around_the_city_targets(
        evaluations: dict[int, DatasetEvaluation], model: str) -> None:
    rates = commune_rates(evaluations[2024], model)
    target = TARGETS[model]
    assert set(rates) == set(COMMUNES_2024)
    above = [c for c, r in rates.items() if r >= target]
    below = [c for c, r in rates.items() if r < target]
    assert above and below, rates
    assert all(target - 0.2 <= r <= 1 for r in rates.values()), rates


def test_the_error_set_shows_each_kind_of_mistake() -> None:
    evaluation = evaluate_dataset(read_dataset(EXAMPLE / "2024-with-errors"), year=2024)
    codes = {e.code for e in evaluation.errors}
    assert codes == {"invalid-record", "out-of-bounds", "missing-id", "duplicate-record"}
    assert 8 <= len(evaluation.errors) <= 15
    assert all(e.file and "2024-with-errors" in e.file for e in evaluation.errors)
    assert evaluation.results["family"].counts()["recognised"] + \
        evaluation.results["family"].counts()["not_recognised"] > 0


# --- the workbook round trip with the shipped sets --------------------------------------

@pytest.mark.slow
def test_one_village_typed_into_the_template_evaluates_like_its_csv(tmp_path: Path) -> None:
    """A village's households and adults, with the commune's clans and units, typed into
    the template of 2024 as a user would (values, Có/Không), read back: the same results."""
    source = read_dataset(EXAMPLE / "2024")
    village = "0184901"
    families = source.tables["family"].frame.filter(pl.col("community") == village)
    ids = families["id"]
    citizens = source.tables["citizen"].frame.filter(pl.col("family").is_in(ids.implode()))
    tables = {
        "family": families,
        "citizen": citizens,
        "community": source.tables["community"].frame.filter(pl.col("id") == village),
        "clan": source.tables["clan"].frame.filter(pl.col("area") == "01849"),
        "unit": source.tables["unit"].frame.filter(pl.col("area") == "01849"),
    }
    folder = tmp_path / "csv"
    folder.mkdir()
    for model, frame in tables.items():
        frame.drop("_row", "_line").write_csv(folder / f"{model}.csv")
    catalog = Catalog.default()
    sets = lm.template_sets(catalog, 2024)
    book = tmp_path / "mau.xlsx"
    lm.write_template(book, sets, year=2024)
    workbook = openpyxl.load_workbook(book)
    for model, frame in tables.items():
        sheet = workbook[{"citizen": "Công dân", "family": "Gia đình", "clan": "Dòng họ",
                          "community": "Cộng đồng", "unit": "Đơn vị"}[model]]
        headers = [c.value for c in sheet[1]]
        spec = sets[model]
        assert len(headers) == len(set(headers))
        column_of = {name: headers.index(_header(name, spec)) + 1 for name in frame.columns
                     if name not in ("_row", "_line")}
        for k, row in enumerate(frame.drop("_row", "_line").iter_rows(named=True), start=3):
            for name, value in row.items():
                if value is None or value == "":
                    continue
                cell = sheet.cell(k, column_of[name])
                if any(name in one.inputs and one.inputs[name].type == "integer"
                       for one in spec):
                    cell.value = int(value)
                elif value in ("có", "không"):
                    cell.value = "Có" if value == "có" else "Không"
                else:
                    cell.value = value
    workbook.save(book)
    from_csv = evaluate_dataset(read_dataset(folder), year=2024)
    from_book = evaluate_dataset(lm.read_workbook(book), year=2024)
    assert from_book.errors == () and from_csv.errors == ()
    for model in tables:
        a = from_csv.results[model].to_frame().sort("id")
        b = from_book.results[model].to_frame().sort("id")
        assert a.equals(b), model


def _header(name: str, specs: tuple[lm.CriteriaSet, ...]) -> str:
    """The template's header of column `name`, for a model's sets in force."""
    relation = {"id": "Mã", "name": "Tên", "family": "Gia đình", "unit": "Đơn vị",
                "community": "Cộng đồng", "clan": "Dòng họ", "area": "Địa bàn",
                "worker": "Người lao động"}
    if name in relation:
        return relation[name]
    label = next(s.inputs[name] for s in specs if name in s.inputs).label
    return label.vi if label else name
