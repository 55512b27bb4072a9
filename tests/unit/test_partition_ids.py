"""Ids used in two partitions: only partitions whose id ranges overlap are compared, and
every record whose id an earlier partition uses is named with where the first one is."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning_models._runs.partition_ids import IdRanges, repeated_ids, taken_ids
from learning_models.errors import EvidenceError


def ranges(*parts: list[str]) -> IdRanges:
    found = IdRanges()
    for p, ids in enumerate(parts):
        kept = [i.strip() for i in ids if i is not None and i.strip()]
        found.add(p, "family", min(kept, default=None), max(kept, default=None))
    return found


def test_area_coded_ids_never_overlap_so_nothing_is_read_again() -> None:
    assert ranges(["H01-1", "H01-9"], ["H02-1", "H02-5"], ["H03-2"]).overlapping() == {}


def test_partitions_whose_ranges_overlap_are_named_and_the_others_are_not() -> None:
    found = ranges(["H01-1", "H01-9"], ["H03-1"], ["H01-5", "H02-0"], ["H04-1"])
    assert found.overlapping() == {"family": [0, 2]}


def frames(parts: dict[int, list[object]]) -> dict[int, tuple[pl.DataFrame, str]]:
    return {p: (pl.DataFrame({"id": pl.Series(ids, dtype=pl.String),
                              "row": list(range(1, len(ids) + 1))}), f"p{p}/family.csv")
            for p, ids in parts.items()}


def spans(data: dict[int, tuple[pl.DataFrame, str]]) -> list[tuple[int, str, str]]:
    """Each partition's (number, smallest id, largest id), trimmed, as `IdRanges` keeps it."""
    out = []
    for p, (frame, _) in data.items():
        ids = [i.strip() for i in frame["id"].to_list() if i is not None and i.strip()]
        if ids:
            out.append((p, min(ids), max(ids)))
    return out


def test_an_id_of_an_earlier_partition_is_repeated_wherever_it_comes_again() -> None:
    data = frames({0: ["A", "B", "B"], 1: ["C", " B ", "B"], 2: ["B", "D"], 3: ["A"]})
    found = repeated_ids(spans(data), lambda p: data[p])
    assert found == {1: {"B": "p0/family.csv, record 2"}, 2: {"B": "p0/family.csv, record 2"},
                     3: {"A": "p0/family.csv, record 1"}}


def test_ids_repeated_inside_one_partition_only_are_left_to_that_partition() -> None:
    data = frames({0: ["A", "A"], 1: ["B", "B", None, ""], 2: [None, ""]})
    assert repeated_ids(spans(data), lambda p: data[p]) == {}


@given(st.lists(st.lists(st.sampled_from(["A", "B", "C", "D", " A", "", "E"]), max_size=6),
                min_size=1, max_size=5))
def test_the_overlap_filter_never_hides_a_repeated_id(parts: list[list[str]]) -> None:
    overlapping = set(ranges(*parts).overlapping().get("family", []))
    trimmed = [{i.strip() for i in ids if i.strip()} for ids in parts]
    for a, b in itertools.combinations(range(len(parts)), 2):
        if trimmed[a] & trimmed[b]:
            assert {a, b} <= overlapping
    data = frames(dict(enumerate(parts)))
    found = repeated_ids([r for r in spans(data) if r[0] in overlapping],
                         lambda p: data[p]) if overlapping else {}
    expected = {}
    for p in range(len(parts)):
        earlier = set().union(*trimmed[:p]) if p else set()
        if trimmed[p] & earlier:
            expected[p] = trimmed[p] & earlier
    assert {p: set(ids) for p, ids in found.items()} == expected


def test_many_partitions_with_one_shared_id_cost_one_grouping() -> None:
    data = frames({p: [f"P{p:04d}-{k}" for k in range(50)] + (["SHARED"] if p % 100 == 7
                                                             else []) for p in range(1000)})
    found = ranges(*(d[0]["id"].to_list() for d in data.values())).overlapping()
    assert len(found["family"]) > 2
    repeats = repeated_ids([r for r in spans(data) if r[0] in found["family"]],
                           lambda p: data[p])
    assert sorted(repeats) == list(range(107, 1000, 100))
    assert all(r == {"SHARED": "p7/family.csv, record 51"} for r in repeats.values())


def write(folder: Path, name: str, model: str, frame: pl.DataFrame, suffix: str) -> Path:
    path = folder / name / f"{model}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".parquet":
        frame.write_parquet(path)
    else:
        frame.write_csv(path)
    return path


def test_taken_ids_read_parquet_and_csv_partitions_and_name_the_first_record(
        tmp_path: Path) -> None:
    a = write(tmp_path, "p=01", "family", pl.DataFrame({"id": ["H01-1", "H01-2", "X"]}),
              ".parquet")
    b = write(tmp_path, "p=02", "family", pl.DataFrame({"id": ["H02-1", " X ", "H02-2"]}),
              ".csv")
    c = write(tmp_path, "p=03", "family", pl.DataFrame({"id": ["H03-1"]}), ".parquet")
    citizens = write(tmp_path, "p=03", "citizen", pl.DataFrame({"id": ["X"]}), ".parquet")
    found = taken_ids([("p=01", {"family": a}), ("p=02", {"family": b}),
                       ("p=03", {"family": c, "citizen": citizens})])
    assert found == {"p=02": {"family": {"X": "p=01/family.parquet, record 3"}}}


def test_taken_ids_of_a_csv_name_the_line_of_the_first_record(tmp_path: Path) -> None:
    a = write(tmp_path, "p=01", "unit", pl.DataFrame({"id": ["A", "B"]}), ".csv")
    b = write(tmp_path, "p=02", "unit", pl.DataFrame({"id": ["B"]}), ".csv")
    assert taken_ids([("p=01", {"unit": a}), ("p=02", {"unit": b})]) == {
        "p=02": {"unit": {"B": "p=01/unit.csv:3"}}}


def test_a_file_without_ids_or_with_integer_ids_is_read_as_the_run_reads_it(
        tmp_path: Path) -> None:
    a = write(tmp_path, "p=01", "clan", pl.DataFrame({"members": [1, 2]}), ".parquet")
    b = write(tmp_path, "p=02", "clan", pl.DataFrame({"id": [7, 8]}), ".parquet")
    c = write(tmp_path, "p=03", "clan", pl.DataFrame({"id": ["8"]}), ".parquet")
    assert taken_ids([("p=01", {"clan": a}), ("p=02", {"clan": b}), ("p=03", {"clan": c})]) \
        == {"p=03": {"clan": {"8": "p=02/clan.parquet, record 2"}}}


def test_a_broken_parquet_file_is_named(tmp_path: Path) -> None:
    good = write(tmp_path, "p=01", "unit", pl.DataFrame({"id": ["A"]}), ".parquet")
    bad = tmp_path / "p=02" / "unit.parquet"
    bad.parent.mkdir()
    bad.write_bytes(b"PAR1 this is not parquet PAR1")
    with pytest.raises(EvidenceError, match=r"p=02/unit\.parquet"):
        taken_ids([("p=01", {"unit": good}), ("p=02", {"unit": bad})])
