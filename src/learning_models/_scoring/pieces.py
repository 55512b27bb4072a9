"""Evaluating a file a piece at a time: `evaluate_pieces`.

A file of millions of records (a 200 MB CSV export) is read, typed, scored and written one
piece after another, so memory holds one piece, not the file. Every piece is evaluated as
`evaluate` evaluates a table; what crosses pieces is the ids read so far: a record whose id
an earlier piece used is rejected as a repeated id within one table is (``duplicate-record``,
the same message), so the pieces give exactly the evaluations and errors of the whole.

The ids read so far are kept as their 64-bit hashes, sorted, beside the ids themselves: a
piece's ids are looked up among the hashes (a binary search), and only the few that match
are compared as text, so a piece costs the same whatever came before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import polars as pl

from .._criteria import CriteriaSet, Program
from .._evidence import RecordError, earlier_id_check, plain_columns
from .evaluator import checked_program, evaluate_table
from .results import Evaluations

__all__ = ["evaluate_pieces"]

Piece = tuple[pl.DataFrame, Sequence[RecordError]]


def evaluate_pieces(criteria: CriteriaSet | Program, pieces: Iterable[Piece], *,
                    year: int | None = None, file: str | None = None) -> Iterator[Evaluations]:
    """The evaluations of each piece (a table of records and the errors of its records a
    reader rejected, e.g. `read_evidence_pieces`), in order, as `evaluate` of all of them
    at once gives them; each piece's rejected records are in its ``errors``. Records are
    numbered (``_row``) across the pieces, as the reader numbers them."""
    program = checked_program(criteria, year)
    seen = _Ids()
    for records, read_errors in pieces:
        raw, errors = plain_columns(records, file)
        ids = _ids(raw)
        earlier = seen.among(ids)
        checks = [earlier_id_check(earlier)] if earlier else []
        yield evaluate_table(program, raw, [*read_errors, *errors], year=year, file=file,
                             checks=checks)
        seen.add(ids)


def _ids(raw: pl.DataFrame) -> pl.Series:
    """The ids of `raw` as typing reads them (trimmed text), missing ones left out."""
    if "id" not in raw.columns or raw.height == 0:
        return pl.Series("id", [], dtype=pl.String)
    ids = raw["id"].cast(pl.String).str.strip_chars()
    return ids.filter(ids.is_not_null() & (ids != ""))


class _Ids:
    """The ids of the pieces read so far."""

    def __init__(self) -> None:
        self.hashes = pl.Series("h", [], dtype=pl.UInt64)  # sorted
        self.pieces: list[tuple[pl.Series, pl.Series]] = []  # (ids, their hashes)

    def among(self, ids: pl.Series) -> list[str]:
        """The ids of `ids` that an earlier piece used."""
        if ids.len() == 0 or self.hashes.len() == 0:
            return []
        hashes = ids.hash(seed=0)
        at = self.hashes.search_sorted(hashes).clip(0, self.hashes.len() - 1)
        maybe = hashes.filter(self.hashes.gather(at) == hashes)
        if maybe.len() == 0:
            return []
        wanted = maybe.unique().implode()
        earlier = pl.concat([old.filter(h.is_in(wanted)) for old, h in self.pieces])
        return sorted(set(ids.filter(ids.is_in(earlier.implode())).to_list()))

    def add(self, ids: pl.Series) -> None:
        if ids.len() == 0:
            return
        hashes = ids.hash(seed=0)
        self.pieces.append((ids, hashes))
        self.hashes = pl.concat([self.hashes, hashes]).sort()
