"""Area codes read as text, with the leading zeros a spreadsheet drops put back.

A code typed into a General cell loses its leading zeros (``01849`` becomes ``1849``). The
statistics office's codes have a fixed length per level — province 2, former district 3,
commune 5; villages as the area list numbers them — so a code shorter than its level's, or
one that names no area until it is left-padded with zeros, is corrected here, and each
correction is kept (`CodeCorrection`) for the report's data-quality section to name the
cell. Only digits are padded; nothing else about a code is guessed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import polars as pl

from .records import LINE, ROW

__all__ = ["CODE_LENGTHS", "CodeCorrection", "pad_area_list", "pad_column", "padded"]

#: The length of an area code at each level (the statistics office's numbering).
CODE_LENGTHS = {"province": 2, "district": 3, "commune": 5}


@dataclass(frozen=True, slots=True)
class CodeCorrection:
    """A code read with the leading zeros its cell lost."""

    file: str
    row: int
    line: int | None
    column: str
    found: str
    read_as: str


def padded(code: str, known: Collection[str], lengths: Sequence[int]) -> str | None:
    """`code` left-padded with zeros to the first length of `lengths` at which it is a code
    of `known` (with no `known`, to the first length longer than it), or None."""
    if not code.isdigit():
        return None
    for length in sorted(lengths):
        if length > len(code) and (not known or code.zfill(length) in known):
            return code.zfill(length)
    return None


def pad_area_list(frame: pl.DataFrame, file: str,
                  ) -> tuple[pl.DataFrame, list[CodeCorrection]]:
    """The area list with its codes at their level's length and its parents padded to the
    codes they name (`frame`: text columns code, level, parent, _row, _line)."""
    if not {"code", "level", ROW}.issubset(frame.columns):
        return frame, []
    corrections: list[CodeCorrection] = []
    codes: list[str | None] = []
    for code, level, row, line in frame.select(
            pl.col("code").cast(pl.String).str.strip_chars(), pl.col("level").cast(pl.String),
            ROW, LINE if LINE in frame.columns else pl.lit(None).alias(LINE)).iter_rows():
        length = CODE_LENGTHS.get(level or "")
        if code and length and code.isdigit() and len(code) < length:
            corrections.append(CodeCorrection(file, row, line, "code", code, code.zfill(length)))
            code = code.zfill(length)
        codes.append(code)
    frame = frame.with_columns(pl.Series("code", codes, dtype=pl.String))
    if "parent" not in frame.columns:
        return frame, corrections
    frame, found = pad_column(frame, "parent", set(c for c in codes if c), file)
    return frame, corrections + found


def pad_column(frame: pl.DataFrame, column: str, known: Collection[str], file: str,
               lengths: Sequence[int] | None = None,
               ) -> tuple[pl.DataFrame, list[CodeCorrection]]:
    """`frame` with the codes of `column` that name nothing in `known` until left-padded
    with zeros corrected; one correction per cell."""
    if column not in frame.columns or not known:
        return frame, []
    sizes = sorted({len(k) for k in known}) if lengths is None else list(lengths)
    # the distinct values first: millions of records name a few thousand areas
    distinct = frame[column].unique().cast(pl.String).str.strip_chars().unique()
    unknown = distinct.filter(distinct.is_not_null() & ~distinct.is_in(list(known)))
    fixes = {v: p for v in unknown.to_list() if (p := padded(v, known, sizes)) is not None}
    if not fixes:
        return frame, []
    values = frame[column].cast(pl.String).str.strip_chars()
    numbered = frame if ROW in frame.columns else frame.with_row_index(ROW, offset=1) \
        .with_columns(pl.col(ROW).cast(pl.Int64))  # e.g. Parquet: numbered as `type_frame` does
    hit = numbered.with_columns(values.alias("_value")).filter(
        pl.col("_value").is_in(list(fixes)))
    lines = hit[LINE] if LINE in hit.columns else pl.repeat(None, hit.height, eager=True)
    corrections = [CodeCorrection(file, row, line, column, value, fixes[value])
                   for row, line, value in zip(hit[ROW], lines, hit["_value"], strict=True)]
    fixed = values.replace(list(fixes), list(fixes.values()))
    return frame.with_columns(fixed.alias(column)), corrections
