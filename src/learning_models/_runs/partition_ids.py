"""Ids used in more than one partition of a partitioned run, found before it evaluates.

A run over a whole dataset rejects a record whose id an earlier record uses. A partitioned
run sees one partition at a time, so before it starts, `taken_ids` finds, for every
partition, the ids an earlier partition (in the run's order) uses, and where: the run then
rejects those records, as a run over the partitions' files one after the other would.

Comparing every id of the country with every other would hold them all; instead the
smallest and largest id of each partition's file is read first (`IdRanges`; for Parquet,
the id column alone; a file in another format is read whole). Only partitions whose
ranges overlap can share an id, and only their ids are read again and compared
(`repeated_ids`), each with those whose range is still open: memory holds the ids of the
partitions whose ranges overlap at one point (two, when each province repeats a few of the
previous one's; all, when every province numbers its records from 1). Ids that carry an
area code, as registries' do, never overlap from one province to the next, and the check
then reads nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from .._evidence import LINE, ROW, parquet_unreadable, read_evidence
from ..errors import EvidenceError

__all__ = ["IdRanges", "Taken", "repeated_ids", "taken_ids"]

#: model → id → where the record that keeps it is ("province=01/family.parquet, record 12").
Taken = dict[str, dict[str, str]]

_ID = pl.col("id").cast(pl.String).str.strip_chars()       # as typing reads an id
_PRESENT = pl.col("id").is_not_null() & (pl.col("id") != "")   # of the trimmed ids


@dataclass
class IdRanges:
    """Each partition's smallest and largest id, per model."""

    ranges: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)

    def add(self, partition: int, model: str, low: str | None, high: str | None) -> None:
        if low is not None and high is not None:
            self.ranges.setdefault(model, []).append((partition, low, high))

    def overlapping(self) -> dict[str, list[int]]:
        """Per model, the partitions whose range overlaps another's (sorted)."""
        found: dict[str, list[int]] = {}
        for model, ranges in self.ranges.items():
            members: set[int] = set()
            reach, holder = "", -1   # the highest end so far, and whose it is
            for partition, low, high in sorted(ranges, key=lambda r: (r[1], r[2], r[0])):
                if holder >= 0 and low <= reach:
                    members.update((partition, holder))
                if holder < 0 or high > reach:
                    reach, holder = high, partition
            if members:
                found[model] = sorted(members)
        return found


def taken_ids(partitions: Sequence[tuple[str, Mapping[str, Path]]]) -> dict[str, Taken]:
    """For each partition (name → model → file, in the run's order) that has some: the ids
    of each model an earlier partition uses, with where the first record with it is.

    Files are shown as ``<partition>/<file name>``, as the run names them in errors.
    """
    ranges = IdRanges()
    files = [(p, model, file, f"{name}/{file.name}")
             for p, (name, models) in enumerate(partitions) for model, file in models.items()]
    parquet = [f for f in files if f[2].suffix.lower() == ".parquet"]
    if parquet:   # one query: the files are read side by side
        # trimmed once: every later step reads the trimmed column
        scans = [_scan(file, shown).select(_ID).filter(_PRESENT).select(
            pl.col("id").min().alias("low"), pl.col("id").max().alias("high"))
            for _, _, file, shown in parquet]
        try:
            bounds = pl.concat(scans).collect()
        except (pl.exceptions.PolarsError, OSError):   # name the file that cannot be read
            bounds = pl.concat([_collect(scan, shown) for scan, (*_, shown)
                                in zip(scans, parquet, strict=True)])
        for (p, model, _, _), (low, high) in zip(parquet, bounds.iter_rows(), strict=True):
            ranges.add(p, model, low, high)
    for p, model, file, shown in files:
        if file.suffix.lower() != ".parquet":
            present = _read(file, shown).select(_ID).filter(_PRESENT)["id"]
            ranges.add(p, model, present.min(), present.max())  # type: ignore[arg-type]
    where = {(p, model): (file, shown) for p, model, file, shown in files}
    out: dict[str, Taken] = {}
    for model, members in ranges.overlapping().items():
        chosen = [r for r in ranges.ranges[model] if r[0] in members]
        found = repeated_ids(chosen, lambda p, m=model: _ids(*where[(p, m)]))  # type: ignore[misc]
        for p, ids in found.items():
            out.setdefault(partitions[p][0], {})[model] = ids
    return out


def repeated_ids(ranges: Sequence[tuple[int, str, str]],
                 read: Callable[[int], tuple[pl.DataFrame, str]]) -> dict[int, dict[str, str]]:
    """The ids that a partition shares with an earlier one (a lower number): partition →
    id → where the first record with that id is.

    `ranges` are the partitions' (number, smallest id, largest id); `read(p)` gives
    partition `p`'s ids (column ``id``, raw) with each record's row (``row``, 1-based) and
    line (``line``, or none), and the file's name as errors show it. The partitions are
    swept in the order of their smallest id, each compared with those whose range is still
    open: only they can share an id with it, and only they are held.
    """
    open_: list[tuple[str, pl.DataFrame]] = []      # (largest id, ids) of open ranges
    found: list[pl.DataFrame] = []                   # every record of a shared id
    files: dict[int, str] = {}
    for p, low, high in sorted(ranges, key=lambda r: (r[1], r[2], r[0])):
        open_ = [(end, ids) for end, ids in open_ if end >= low]
        frame, files[p] = read(p)
        ids = frame.select(
            _ID, pl.col("row").cast(pl.Int64),
            (pl.col("line") if "line" in frame.columns else pl.lit(None)).cast(pl.Int64)
            .alias("line"), pl.lit(p, dtype=pl.Int64).alias("partition")).filter(_PRESENT)
        if open_:
            earlier = pl.concat([ids for _, ids in open_])
            here = ids.join(earlier.select("id").unique(), on="id", how="semi")
            if here.height:
                found += [here, earlier.join(here.select("id").unique(), on="id",
                                             how="semi")]
        open_.append((high, ids))
    if not found:
        return {}
    every = pl.concat(found).unique().sort("partition", "row")
    first = every.group_by("id", maintain_order=True).agg(pl.all().first())
    places = {ident: _place(files[p], row, line) for ident, p, row, line
              in first.select("id", "partition", "row", "line").iter_rows()}
    later = every.join(first.select("id", pl.col("partition").alias("first")), on="id") \
        .filter(pl.col("partition") != pl.col("first")).unique(["id", "partition"])
    out: dict[int, dict[str, str]] = {}
    for ident, p in later.sort("partition", "id").select("id", "partition").iter_rows():
        out.setdefault(p, {})[ident] = places[ident]
    return out


def _place(shown: str, row: int, line: int | None) -> str:
    return f"{shown}:{line}" if line else f"{shown}, record {row}"


def _scan(file: Path, shown: str) -> pl.LazyFrame:
    """The id column of a Parquet file (none when it has no ``id``: its records are
    rejected as having none)."""
    try:
        scan = pl.scan_parquet(file)
        if "id" not in scan.collect_schema().names():
            return pl.LazyFrame(schema={"id": pl.String})
        return scan.select("id")
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise _unreadable(shown, exc) from exc


def _collect(scan: pl.LazyFrame, shown: str) -> pl.DataFrame:
    try:
        return scan.collect()
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise _unreadable(shown, exc) from exc


def _ids(file: Path, shown: str) -> tuple[pl.DataFrame, str]:
    if file.suffix.lower() == ".parquet":   # numbered as the run numbers them
        try:
            names = pl.scan_parquet(file).collect_schema().names()
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise _unreadable(shown, exc) from exc
        if "id" not in names:
            return pl.DataFrame(schema={"id": pl.String, "row": pl.Int64}), shown
        rows = pl.col(ROW) if ROW in names else pl.int_range(1, pl.len() + 1, dtype=pl.Int64)
        lines = pl.col(LINE) if LINE in names else pl.lit(None, dtype=pl.Int64)
        scan = pl.scan_parquet(file).select("id", rows.alias("row"), lines.alias("line"))
        return _collect(scan, shown), shown
    frame = _read(file, shown)
    rows = pl.col(ROW) if ROW in frame.columns else pl.int_range(1, pl.len() + 1)
    lines = pl.col(LINE) if LINE in frame.columns else pl.lit(None)
    return frame.select("id", rows.alias("row"), lines.alias("line")), shown


def _read(file: Path, shown: str) -> pl.DataFrame:
    frame = read_evidence(file)[0]
    if "id" not in frame.columns:
        return pl.DataFrame(schema={"id": pl.String, ROW: pl.Int64})
    return frame


def _unreadable(shown: str, exc: Exception) -> EvidenceError:
    return parquet_unreadable(shown, exc)
