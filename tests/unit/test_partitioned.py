"""Partitioned runs (`evaluate_partitioned`) on the Bắc Kạn city example, split by commune.

Every relation of the example stays inside a commune (households in its villages, clans and
units of the commune, staff from its households), so each commune is a closed partition and
the partitioned run must give exactly what one run over the whole folder gives.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest

import learning_models as lm
from learning_models._catalog.catalog import Catalog
from learning_models._evidence.dataset import read_dataset
from learning_models._rollup.build import rollup
from learning_models._runs.partitioned import STAGES, evaluate_partitioned, read_partition
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "bac-kan-city"
TARGETS = ROOT / "criteria" / "targets" / "bac-kan-city.yaml"
MODELS = ("citizen", "family", "clan", "community", "unit")


def commune_of(model: str) -> pl.Expr:
    """The commune code of each record of the example, from its id or relations."""
    return {"citizen": pl.col("family").str.slice(1, 5),
            "family": pl.col("community").str.slice(0, 5),
            "clan": pl.col("area"), "community": pl.col("area").str.slice(0, 5),
            "unit": pl.col("area")}[model]


def split(folder: Path, into: Path, suffix: str = "csv") -> dict[str, Path]:
    """One folder per commune (``commune=01834``…), each with its records of every model."""
    frames = {m: pl.read_csv(folder / f"{m}.csv", infer_schema=False)
              for m in MODELS if (folder / f"{m}.csv").exists()}
    communes = sorted(set().union(*(set(f.select(commune_of(m)).to_series().drop_nulls())
                                    for m, f in frames.items())))
    parts = {}
    for code in communes:
        part = into / f"commune={code}"
        part.mkdir(parents=True)
        for model, frame in frames.items():
            rows = frame.filter(commune_of(model) == code)
            if suffix == "csv":
                rows.write_csv(part / f"{model}.csv")
            else:
                rows.write_parquet(part / f"{model}.parquet")
        parts[part.name] = part
    return parts


@pytest.fixture(scope="module")
def targets() -> lm.Targets:
    return lm.load_targets(TARGETS)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.default()


@pytest.fixture(scope="module")
def whole(catalog: Catalog, targets: lm.Targets) -> tuple[DatasetEvaluation, lm.Rollup]:
    evaluation = evaluate_dataset(read_dataset(EXAMPLE / "2024"), year=2024, catalog=catalog)
    return evaluation, rollup(evaluation, targets)


def results_of(evaluation: DatasetEvaluation) -> dict[str, pl.DataFrame]:
    return {m: r.to_frame().sort("id") for m, r in evaluation.results.items()}


def written(out: Path) -> dict[str, pl.DataFrame]:
    return {m: pl.concat([pl.read_parquet(f) for f in sorted(out.glob(f"results/*/{m}.parquet"))])
            .sort("id") for m in MODELS}


def test_by_commune_gives_exactly_the_whole_runs_results_and_rollup(
        tmp_path: Path, catalog: Catalog, targets: lm.Targets,
        whole: tuple[DatasetEvaluation, lm.Rollup]) -> None:
    evaluation, expected = whole
    parts = split(EXAMPLE / "2024", tmp_path / "parts")
    assert len(parts) == 9      # the eight communes, and the city's own units (058)
    result = evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                                  catalog=catalog, targets=targets, out_dir=tmp_path / "out",
                                  rollup_levels=None, indicators=True)
    assert result.rollup.to_dict() == expected.to_dict()
    ours = written(tmp_path / "out")
    for model, frame in results_of(evaluation).items():
        got = ours[model]
        assert got["id"].to_list() == frame["id"].to_list()
        assert got["status"].equals(frame["status"])
        assert got["total"].equals(frame["total"])
        assert got["grade"].equals(frame["grade"])
        for column in (c for c in frame.columns if c.startswith("points[")):
            # (a unit's row has no points for the indicators of the other unit set)
            assert got[column].fill_null(0.0).equals(frame[column].fill_null(0.0)), column
    assert result.errors == ()
    counts = result.counts()
    assert {m: c["read"] for m, c in counts.items()} == \
        {m: len(r) for m, r in evaluation.results.items()}


def test_the_order_of_the_partitions_does_not_matter(
        tmp_path: Path, catalog: Catalog, targets: lm.Targets) -> None:
    parts = split(EXAMPLE / "2024", tmp_path / "parts", suffix="parquet")
    shuffled = dict(reversed(list(parts.items())))
    one = evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                               catalog=catalog, targets=targets)
    other = evaluate_partitioned(shuffled, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                                 catalog=catalog, targets=targets)
    assert one.rollup.to_dict() == other.rollup.to_dict()
    assert one.table.equals(other.table)
    # the Rollup object stops at the communes by default; the table has the villages too
    assert {a.level for a in one.rollup.areas} == {"all", "province", "district", "commune"}
    assert set(one.table["level"]) == {"all", "province", "district", "commune", "village"}


def test_the_table_says_what_the_rollup_objects_say(
        tmp_path: Path, catalog: Catalog, targets: lm.Targets,
        whole: tuple[DatasetEvaluation, lm.Rollup]) -> None:
    _, expected = whole
    parts = split(EXAMPLE / "2024", tmp_path / "parts", suffix="parquet")
    table = evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                                 catalog=catalog, targets=targets).table
    rows: list[tuple[object, ...]] = []
    for area in expected.areas:
        for model, f in area.models.items():
            for check in f.targets or (None,):
                counted = None if check is None else check.counted
                # a target that names its sets: its row holds those sets' subjects only
                figures = (f.subjects, f.evaluated, f.recognised, f.rejected, f.area_total,
                           f.denominator, f.denominator_kind, f.rate) if counted is None else (
                    counted.evaluated, counted.evaluated, counted.recognised, 0,
                    counted.denominator if counted.denominator_kind == "area_total" else None,
                    counted.denominator, counted.denominator_kind, counted.rate)
                rows.append((area.code, area.level, model, *figures,
                             None if check is None else check.required,
                             None if check is None else check.gap))
        for measure, s in area.shares.items():
            for check in s.targets or (None,):
                rows.append((area.code, area.level, measure, None, None, s.learning, None,
                             None, s.citizens, "subjects", s.rate,
                             None if check is None else check.required,
                             None if check is None else check.gap))
    got = table.select("code", "level", "measure", "subjects", "evaluated", "recognised",
                       "rejected", "area_total", "denominator", "denominator_kind", "rate",
                       "required", "gap").rows()
    assert sorted(got, key=repr) == sorted(rows, key=repr)


def test_bad_records_are_rejected_with_their_partition_file_and_counted(
        tmp_path: Path, catalog: Catalog) -> None:
    folder = EXAMPLE / "2024-with-errors"
    whole = evaluate_dataset(read_dataset(folder), year=2024, catalog=catalog)
    part = tmp_path / "xa=01849"
    part.mkdir()
    for model in ("citizen", "family", "community"):
        (part / f"{model}.csv").write_bytes((folder / f"{model}.csv").read_bytes())
    areas = pl.read_csv(folder / "areas.csv", infer_schema=False).filter(
        pl.col("parent").is_null() | (pl.col("parent") != "01899"))  # drop its bad area
    result = evaluate_partitioned({"xa=01849": part}, areas=areas, year=2024, catalog=catalog,
                                  out_dir=tmp_path / "out")
    assert {(e.record, e.field, e.code) for e in result.errors} == \
        {(e.record, e.field, e.code) for e in whole.errors
         if not (e.file or "").endswith("areas.csv")}
    assert all(e.file is not None and e.file.startswith("xa=01849/") for e in result.errors)
    for model, c in result.counts().items():
        assert c["read"] == c["evaluated"] + c["rejected"], model
    assert sum(c["rejected"] for c in result.counts().values()) == \
        len({(e.file, e.row) for e in result.errors})
    errors = pl.read_csv(tmp_path / "out" / "errors.csv", infer_schema=False)
    assert errors.height == len(result.errors)
    assert set(errors["file"]) == {e.file for e in result.errors}
    assert errors["message"].null_count() == 0


def test_parquet_partitions_read_only_the_columns_the_sets_know(
        tmp_path: Path, catalog: Catalog) -> None:
    part = tmp_path / "p"
    part.mkdir()
    families = pl.read_csv(EXAMPLE / "2024" / "family.csv", infer_schema=False).head(20)
    families.with_columns(pl.lit("x").alias("digital_channel")).write_parquet(
        part / "family.parquet")
    sets = {"family": catalog.for_year("family", 2024)}
    tables, _, ignored = read_partition("p", part, sets, extra_columns="ignore")
    assert "digital_channel" not in tables["family"].frame.columns
    assert ignored == {"p/family.parquet": ("digital_channel",)}
    assert tables["family"].file == "p/family.parquet"
    # by default an unknown column is read, and its records rejected as in a dataset folder
    result = evaluate_partitioned({"p": part}, areas=EXAMPLE / "2024" / "areas.csv",
                                  year=2024, catalog=catalog)
    assert {e.code for e in result.errors} == {"unknown-column"}
    assert result.counts()["family"] == {"read": 20, "evaluated": 0, "rejected": 20}
    kept = evaluate_partitioned({"p": part}, areas=EXAMPLE / "2024" / "areas.csv",
                                year=2024, catalog=catalog, extra_columns="ignore")
    assert kept.counts()["family"] == {"read": 20, "evaluated": 20, "rejected": 0}
    assert kept.ignored_columns == {"p/family.parquet": ("digital_channel",)}


def test_every_stage_of_every_partition_is_observed_and_timed(
        tmp_path: Path, catalog: Catalog) -> None:
    parts = dict(list(split(EXAMPLE / "2024", tmp_path / "parts").items())[:2])
    seen: list[tuple[str, str | None]] = []

    @contextmanager
    def observe(stage: str, partition: str | None) -> Iterator[None]:
        seen.append((stage, partition))
        yield

    result = evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                                  catalog=catalog, observe=observe)
    names = list(parts)
    assert seen == [("read", None),    # the ids of every partition, before the first
                    *((s, names[0]) for s in STAGES), *((s, names[1]) for s in STAGES),
                    ("roll-up", None), ("write", None)]
    assert set(result.seconds) == set(STAGES)
    assert all(set(p.seconds) == set(STAGES) for p in result.partitions)


def test_progress_is_drawn_only_when_asked_or_on_a_terminal(
        tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    parts = dict(list(split(EXAMPLE / "2024", tmp_path / "parts").items())[:1])
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                         catalog=catalog)
    assert stream.getvalue() == ""          # not a terminal: silent
    evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                         catalog=catalog, progress=True, lang="en")
    drawn = stream.getvalue()
    assert "commune=01834 (1/1): evaluate" in drawn and "roll-up" in drawn
    stream.seek(0)
    stream.truncate()
    evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                         catalog=catalog, progress=True)      # in Vietnamese by default
    drawn = stream.getvalue()
    assert "commune=01834 (1/1): đánh giá" in drawn and "tổng hợp theo địa bàn" in drawn
    assert "evaluate" not in drawn


def test_the_area_list_is_required_and_must_be_valid(tmp_path: Path,
                                                      catalog: Catalog) -> None:
    parts = dict(list(split(EXAMPLE / "2024", tmp_path / "parts").items())[:1])
    bad = pl.DataFrame({"code": ["A", "A"], "name": ["x", "y"], "level": ["commune"] * 2})
    with pytest.raises(lm.EvidenceError, match="used twice"):
        evaluate_partitioned(parts, areas=bad, year=2024, catalog=catalog)


def test_relations_are_resolved_once_on_trimmed_ids(tmp_path: Path, catalog: Catalog) -> None:
    """A relation written with spaces around the id names the same subject everywhere:
    the check, the derived counts, the area and the roll-up (one lookup serves them all)."""
    part = tmp_path / "p"
    part.mkdir()
    families = pl.read_csv(EXAMPLE / "2024" / "family.csv", infer_schema=False).head(3)
    citizens = pl.read_csv(EXAMPLE / "2024" / "citizen.csv", infer_schema=False).filter(
        pl.col("family").is_in(families["id"].implode()))
    padded = citizens.with_columns(pl.format("  {} ", pl.col("family")).alias("family"))
    villages = pl.read_csv(EXAMPLE / "2024" / "community.csv", infer_schema=False).filter(
        pl.col("id").is_in(families["community"].implode()))
    families.write_csv(part / "family.csv")
    villages.write_csv(part / "community.csv")
    padded.write_csv(part / "citizen.csv")
    result = evaluate_partitioned({"p": part}, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                                  catalog=catalog, rollup_levels=None)
    assert result.errors == ()
    plain = tmp_path / "q"
    plain.mkdir()
    for model in ("family", "community"):
        (plain / f"{model}.csv").write_bytes((part / f"{model}.csv").read_bytes())
    citizens.write_csv(plain / "citizen.csv")
    expected = evaluate_partitioned({"p": plain}, areas=EXAMPLE / "2024" / "areas.csv",
                                    year=2024, catalog=catalog, rollup_levels=None)
    assert result.rollup.to_dict() == expected.rollup.to_dict()
    village = families["community"][0]
    assert result.rollup.area(village).models["citizen"].subjects == \
        citizens.filter(pl.col("family").is_in(
            families.filter(pl.col("community") == village)["id"].implode())).height


def test_models_the_sets_given_leave_out_come_from_the_shipped_catalogue(
        tmp_path: Path, catalog: Catalog) -> None:
    part = tmp_path / "p"
    part.mkdir()
    for model in ("family", "citizen"):
        pl.read_csv(EXAMPLE / "2024" / f"{model}.csv", infer_schema=False).head(20) \
            .write_parquet(part / f"{model}.parquet")
    family = catalog.for_year("family", 2024)
    result = evaluate_partitioned({"p": part}, areas=EXAMPLE / "2024" / "areas.csv",
                                  year=2024, sets={"family": family},
                                  extra_columns="ignore")
    assert result.counts()["citizen"]["read"] == 20
    assert result.counts()["family"]["read"] == 20


def test_every_copy_of_an_id_kept_by_an_earlier_partition_names_the_kept_record(
        tmp_path: Path, catalog: Catalog) -> None:
    parts = dict(list(split(EXAMPLE / "2024", tmp_path / "parts").items())[:2])
    first, second = parts.values()
    units = pl.read_csv(first / "unit.csv", infer_schema=False)
    kept = units["id"][0]
    later = pl.read_csv(second / "unit.csv", infer_schema=False)
    copies = units.head(1).with_columns(pl.lit(later["area"][0]).alias("area"))
    pl.concat([later, copies, copies]).write_csv(second / "unit.csv")
    result = evaluate_partitioned(parts, areas=EXAMPLE / "2024" / "areas.csv", year=2024,
                                  catalog=catalog)
    repeats = [e for e in result.errors if e.record == kept]
    where = f"{first.name}/unit.csv:2"
    assert [(e.code, e.line) for e in repeats] == [
        ("duplicate-record", later.height + 2), ("duplicate-record", later.height + 3)]
    column = " (column 1 'id')"
    assert repeats[0].message == \
        f"id '{kept}' is used by a record of an earlier partition, at {where}{column}"
    assert repeats[1].message == f"id '{kept}' is used by an earlier record, at {where}{column}"
    assert result.counts()["unit"]["rejected"] == 2
