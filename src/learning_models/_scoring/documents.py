"""Stage 4: the evidence documents a record names for an indicator (format 1.1).

A record may carry, per indicator, references to its documents — file names or links — in
the column (or key) ``evidence.<indicator id>``, several separated by ``;`` (a list in JSON
or YAML is joined so). An indicator whose set names ``required`` documents is scored only
when they are given; otherwise it is missing, never met on no evidence:

* with one required document, any reference counts for it;
* with several, each needs a reference that names it: ``school_confirmation: xac-nhan.pdf``.

The same rule is written here for both engines (a Polars expression and a Python function
over the same regular expressions), so they cannot read a reference apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polars as pl

from .._criteria import EVIDENCE_PREFIX, CompiledIndicator, Program

__all__ = ["SEPARATOR", "absent_documents", "documents_given", "evidence_column",
           "present_expr", "references", "with_evidence_columns"]

#: What separates two references in one cell.
SEPARATOR = ";"
#: A cell that holds some reference: a character that is neither a separator nor a space.
_ANY = r"[^;\s]"


def evidence_column(ident: str) -> str:
    """The column of a record holding indicator `ident`'s references."""
    return f"{EVIDENCE_PREFIX}{ident}"


def _naming(document: str) -> str:
    """A reference that names `document`: at the start of the cell or after a separator."""
    return rf"(?:^|;)\s*{re.escape(document)}\s*:"


def references(text: object) -> tuple[str, ...]:
    """The references of a cell, in order, trimmed, empty ones left out."""
    if text is None:
        return ()
    return tuple(part.strip() for part in str(text).split(SEPARATOR) if part.strip())


def absent_documents(text: object, required: Sequence[str]) -> tuple[str, ...]:
    """The required documents (ids) a cell does not give."""
    cell = "" if text is None else str(text)
    if len(required) == 1:
        return () if re.search(_ANY, cell) else tuple(required)
    return tuple(d for d in required if not re.search(_naming(d), cell))


def documents_given(ind: CompiledIndicator, text: object) -> bool:
    """Whether a cell gives every document the indicator requires."""
    return not ind.documents or not absent_documents(text, ind.documents)


def present_expr(ind: CompiledIndicator) -> pl.Expr:
    """`documents_given` as a column (false where the cell is empty)."""
    cell = pl.col(evidence_column(ind.id)).cast(pl.String)
    if len(ind.documents) == 1:
        return cell.str.contains(_ANY).fill_null(False)
    return pl.all_horizontal([cell.str.contains(_naming(d)).fill_null(False)
                              for d in ind.documents])


def with_evidence_columns(program: Program, lf: pl.LazyFrame) -> pl.LazyFrame:
    """`lf` with an empty reference column for each indicator that requires documents and
    that the records gave none for."""
    needed = [evidence_column(i.id) for i in program.indicators if i.documents]
    if not needed:
        return lf
    have = set(lf.collect_schema().names())
    return lf.with_columns(pl.lit(None, dtype=pl.String).alias(c)
                           for c in needed if c not in have)
