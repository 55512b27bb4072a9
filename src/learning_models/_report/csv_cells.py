"""Text cells of the CSV files we write, made safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return runs as a
formula when Excel or LibreOffice opens the file ("CSV injection"). As OWASP recommends,
such a text cell is written with a leading apostrophe (``'=1+2``), which a spreadsheet shows
as text. Numbers are written as numbers: only text columns are changed. The xlsx writer
types its cells and needs none of this.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

__all__ = ["FORMULA_STARTS", "safe_cell", "safe_row", "safe_text_columns"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PATTERN = "^[=+\\-@\t\r]"


def safe_cell(value: object) -> object:
    """`value`, with an apostrophe in front when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in values]


def safe_text_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every text cell a spreadsheet would run given a leading apostrophe."""
    texts = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_PATTERN)).then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c)).alias(c) for c in texts)
