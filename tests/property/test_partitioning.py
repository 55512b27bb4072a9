"""Same results whatever the partitioning: a small random nation evaluated whole
(`evaluate_dataset` + `rollup` over one folder), per province, and in random groups of
communes in shuffled order (`evaluate_partitioned`) gives identical results, rejected
records and roll-ups.

A nation is drawn as structure (provinces, communes, villages, households, adults, clans,
units) and a seed for the evidence, which is text as a CSV file gives it: numbers, yes/no
words, blanks (missing evidence). Some villages are not in the area list (their community
hangs below its commune), some totals are unknown, and with ``spoiled`` some records are
bad: words in number columns, households in villages that do not exist, ids used twice.
Every relation stays inside a commune, so any grouping of communes is a closed partition.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import learning_models as lm
from learning_models._catalog.catalog import Catalog
from learning_models._evidence.dataset import read_dataset
from learning_models._rollup.build import rollup
from learning_models._runs.partitioned import evaluate_partitioned
from learning_models._scoring.pipeline import evaluate_dataset

PROPERTY = settings(max_examples=12)
TARGETS = lm.load_targets(Path(__file__).parents[2] / "criteria" / "targets" / "vn-387.yaml")
CATALOG = Catalog.default()
YEAR = 2024
MODELS = ("citizen", "family", "clan", "community", "unit")
YES = ("có", "không", "có", "có", "")

Record = dict[str, str]


@dataclass
class Nation:
    areas: list[Record]
    #: commune code → model → records (text), in file order
    communes: dict[str, dict[str, list[Record]]] = field(default_factory=dict)
    provinces: dict[str, list[str]] = field(default_factory=dict)


def _number(rng: random.Random, low: int, high: int, blank: float = 0.05) -> str:
    return "" if rng.random() < blank else str(rng.randint(low, high))


def _commune(rng: random.Random, code: str, villages: int, spoiled: bool,
             areas: list[Record]) -> dict[str, list[Record]]:
    records: dict[str, list[Record]] = {m: [] for m in MODELS}
    units = [f"U{code}{k}" for k in range(rng.randint(0, 2))]
    clans = [f"D{code}{k}" for k in range(rng.randint(0, 2))]
    for v in range(villages):
        village = f"{code}{v:02d}"
        listed = rng.random() < 0.7
        if listed:
            areas.append({"code": village, "name": f"Thôn {v}", "level": "village",
                          "parent": code, "households": _number(rng, 1, 9, blank=0.3)})
        records["community"].append({
            "id": village, "name": f"Thôn {v}", "area": village if listed else code,
            "households": _number(rng, 1, 9, blank=0.3),
            "members": _number(rng, 0, 20), "learning_citizens": _number(rng, 0, 10),
            "school_age_children": _number(rng, 0, 8), "children_in_school": _number(rng, 0, 8),
            **{k: rng.choice(YES) for k in ("yearly_plan", "communication",
                                            "lifelong_learning_week", "study_fund",
                                            "coordination", "centre_classes",
                                            "cultural_house_learning")}})
        for n in range(rng.randint(0, 4)):
            family = f"H{village}{n}"
            adults = rng.randint(0, 3)
            children = rng.randint(0, 2)
            records["family"].append({
                "id": family, "community": village,
                "clan": rng.choice(clans) if clans and rng.random() < 0.7 else "",
                "school_age_children": str(children),
                "children_in_school": str(max(0, children - (rng.random() < 0.2))),
                "children_results_ok": rng.choice(YES) if children else "",
                "children_conduct_ok": rng.choice(YES) if children else "",
                "adults": str(adults), "adults_literate": str(adults),
                "adults_learning": str(rng.randint(0, adults)),
                **{k: rng.choice(YES) for k in ("study_corner", "study_fund",
                                                "internet_device", "cultural_family")},
                "income": rng.choice(("lower", "stable", "higher", "higher", ""))})
            for m in range(adults):
                records["citizen"].append({
                    "id": f"{family}-{m}", "family": family,
                    "unit": rng.choice(units) if units and rng.random() < 0.3 else "",
                    "worker": rng.choice(YES),
                    "group": rng.choice(("farmer", "worker", "official", "student")),
                    **{k: _number(rng, 4, 10, blank=0.03) for k in (
                        "plan_points", "new_learning_points", "reading_points",
                        "applying_points", "language_points", "digital_use_points",
                        "information_points", "online_learning_points", "relations_points",
                        "community_points")}})
    for clan in clans:
        records["clan"].append({
            "id": clan, "name": f"Dòng họ {clan}", "area": code,
            "members": _number(rng, 0, 30), "learning_citizens": _number(rng, 0, 20),
            "school_age_children": _number(rng, 0, 9), "children_in_school": _number(rng, 0, 9),
            **{k: rng.choice(YES) for k in ("has_board", "has_fund",
                                            "rules_encourage_learning", "awards_held",
                                            "review_held")}})
    for unit in units:
        records["unit"].append({
            "id": unit, "name": f"Đơn vị {unit}", "area": code,
            "staff_with_plan": _number(rng, 0, 3), "staff_disciplined": _number(rng, 0, 1),
            "staff_trained": _number(rng, 0, 3), "staff_advanced_workers": _number(rng, 0, 3),
            **{k: rng.choice(YES) for k in ("study_plan", "learning_rules",
                                            "learning_resources", "tasks_completed_well",
                                            "initiatives")}})
    if spoiled:
        _spoil(rng, records)
    return records


def _spoil(rng: random.Random, records: dict[str, list[Record]]) -> None:
    """Words in number columns, relations to nothing, ids used twice (the copy last)."""
    for rows in records.values():
        if rows and rng.random() < 0.5:
            rows.append(dict(rng.choice(rows)))
    for model, column, bad in (("family", "adults", "ba"), ("family", "community", "X"),
                               ("citizen", "reading_points", "hai"),
                               ("citizen", "family", "HX"), ("community", "households", "0"),
                               ("unit", "area", "99999")):
        rows = records[model]
        if rows and rng.random() < 0.4:
            rng.choice(rows)[column] = bad


@st.composite
def nations(draw: st.DrawFn) -> Nation:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    spoiled = draw(st.booleans())
    areas: list[Record] = [{"code": "VN", "name": "Việt Nam", "level": "country",
                            "parent": ""}]
    nation = Nation(areas)
    for p in range(1, draw(st.integers(1, 3)) + 1):
        province = f"{p:02d}"
        areas.append({"code": province, "name": f"Tỉnh {province}", "level": "province",
                      "parent": "VN"})
        nation.provinces[province] = []
        for c in range(1, draw(st.integers(1, 3)) + 1):
            code = f"{province}{c:03d}"
            areas.append({"code": code, "name": f"Xã {code}", "level": "commune",
                          "parent": province,
                          **{t: _number(rng, 1, 40, blank=0.3)
                             for t in ("households", "clans", "communities", "units")}})
            nation.provinces[province].append(code)
            nation.communes[code] = _commune(rng, code, draw(st.integers(1, 2)), spoiled,
                                             areas)
    return nation


def _write(folder: Path, nation: Nation, communes: list[str]) -> Path:
    folder.mkdir(parents=True)
    for model in MODELS:
        rows = [r for c in communes for r in nation.communes[c][model]]
        if rows:
            columns = list(dict.fromkeys(k for r in rows for k in r))
            pl.DataFrame([[r.get(k, "") for k in columns] for r in rows], schema=columns,
                         orient="row").write_csv(folder / f"{model}.csv")
    return folder


def _areas(nation: Nation) -> pl.DataFrame:
    columns = ("code", "name", "level", "parent", "households", "clans", "communities",
               "units")
    return pl.DataFrame({c: [a.get(c) or None for a in nation.areas] for c in columns},
                        schema=dict.fromkeys(columns, pl.String))


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _subjects(frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple[Any, ...]]]:
    return {m: sorted(f.select("id", "area", "total", "status", "grade").rows(), key=repr)
            for m, f in frames.items()}


def _issue(issue: dict[str, Any]) -> tuple[object, ...]:
    return (issue["kind"], issue["record"], issue["column"], issue["severity"])


@pytest.mark.slow
@given(nations(), st.data())
@PROPERTY
def test_whole_per_province_and_shuffled_groups_agree(nation: Nation,
                                                      data: st.DataObject) -> None:
    communes = list(nation.communes)
    with _folder() as root:
        whole_dir = _write(root / "whole", nation, communes)
        _areas(nation).write_csv(whole_dir / "areas.csv")
        evaluation = evaluate_dataset(read_dataset(whole_dir), year=YEAR, catalog=CATALOG)
        expected = rollup(evaluation, TARGETS)
        subjects = _subjects({m: r.scored for m, r in evaluation.results.items()})
        rejected = sorted((e.record, e.field, e.code) for e in evaluation.errors)

        by_province = {f"province={p}": _write(root / f"province={p}", nation, cs)
                       for p, cs in nation.provinces.items()}
        order = data.draw(st.permutations(communes))
        cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(order) - 1)),
                                        max_size=len(order) - 1)))
        groups = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)
                  if order[a:b]]
        shuffled = {f"group={k}": _write(root / f"group={k}", nation, sorted(g))
                    for k, g in enumerate(groups)}

        for name, parts in (("per province", by_province), ("shuffled", shuffled)):
            out = root / f"out-{name.replace(' ', '-')}"
            result = evaluate_partitioned(parts, areas=_areas(nation), year=YEAR,
                                          catalog=CATALOG, targets=TARGETS, out_dir=out,
                                          rollup_levels=None)
            got, want = result.rollup.to_dict(), expected.to_dict()
            # the data-quality issues name the files each run read: compared without them
            assert sorted(_issue(i) for i in got.pop("data_quality")["issues"]) == \
                sorted(_issue(i) for i in want.pop("data_quality")["issues"]), name
            assert got == want, name
            written = {m: pl.concat([pl.read_parquet(f)
                                     for f in sorted(out.glob(f"results/*/{m}.parquet"))])
                       for m in evaluation.results}
            assert _subjects(written) == subjects, name
            assert sorted((e.record, e.field, e.code) for e in result.errors) == rejected, name
            for model, c in result.counts().items():
                assert c["read"] == c["evaluated"] + c["rejected"], (name, model)
                assert c["evaluated"] == len(evaluation.results[model]), (name, model)


@pytest.mark.slow
@given(nations(), st.data())
@PROPERTY
def test_an_id_repeated_in_a_later_province_is_rejected_there_as_in_one_run(
        nation: Nation, data: st.DataObject) -> None:
    # A person registered twice, in two provinces: the later record is rejected, the
    # earlier one counted, whether the run reads one folder or one province at a time.
    provinces = list(nation.provinces)
    adults = [(p, r) for p in provinces[:-1] for c in nation.provinces[p]
              for r in nation.communes[c]["citizen"]]
    assume(adults)
    province, person = data.draw(st.sampled_from(adults))
    later = data.draw(st.sampled_from(provinces[provinces.index(province) + 1:]))
    commune = data.draw(st.sampled_from(nation.provinces[later]))
    # the copy lives in a household there (or none), works in no unit: its partition is closed
    families = [f["id"] for f in nation.communes[commune]["family"]]
    copied = {**person, "unit": "",
              "family": data.draw(st.sampled_from(families)) if families else ""}
    nation.communes[commune]["citizen"].append(copied)
    with _folder() as root:
        whole_dir = _write(root / "whole", nation, list(nation.communes))
        _areas(nation).write_csv(whole_dir / "areas.csv")
        evaluation = evaluate_dataset(read_dataset(whole_dir), year=YEAR, catalog=CATALOG)
        expected = rollup(evaluation, TARGETS)
        parts = {f"province={p}": _write(root / f"province={p}", nation, cs)
                 for p, cs in nation.provinces.items()}
        result = evaluate_partitioned(parts, areas=_areas(nation), year=YEAR, catalog=CATALOG,
                                      targets=TARGETS, out_dir=root / "out", rollup_levels=None)
        got, want = result.rollup.to_dict(), expected.to_dict()
        assert sorted(_issue(i) for i in got.pop("data_quality")["issues"]) == \
            sorted(_issue(i) for i in want.pop("data_quality")["issues"])
        assert got == want
        assert sorted((e.record, e.field, e.code) for e in result.errors) == \
            sorted((e.record, e.field, e.code) for e in evaluation.errors)
        repeats = [e for e in result.errors if e.record == person["id"]
                   and e.code == "duplicate-record"]
        assert any(e.file == f"province={later}/citizen.csv" and
                   f"earlier partition, at province={province}/citizen.csv:" in e.message
                   for e in repeats), repeats
        for c in result.counts().values():
            assert c["read"] == c["evaluated"] + c["rejected"]
