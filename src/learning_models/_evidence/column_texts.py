"""Messages for rejected records, built column-wise: a check over a table says which rows it
rejects with a condition, and what it says with a `ColumnText` — the catalogue message's id
and its parameters as expressions over the same table. The parameters are computed only
over the rows some check flags, and each becomes a `Message` in Python, so every output renders
it in the language asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from .._documents import Message, say

__all__ = ["ColumnText", "column_text", "text_columns", "text_of"]


@dataclass(frozen=True, slots=True)
class ColumnText:
    """A message over the rows of a table: `id` is the catalogue's id, or an expression
    giving it per row (null: no message); each parameter is an expression, a fixed value
    (a `Message` too) or another `ColumnText`."""

    id: str | pl.Expr
    params: Mapping[str, object] = field(default_factory=dict)


def column_text(message: str | pl.Expr, /, **params: object) -> ColumnText:
    """The message `message` with `params` (see `ColumnText`)."""
    if isinstance(message, str):
        say(message)  # an unknown id fails here, when the check is built
    return ColumnText(message, params)


def text_columns(text: ColumnText, name: str) -> list[pl.Expr]:
    """The expressions `text_of` reads, as columns named after `name`."""
    columns: list[pl.Expr] = []
    if isinstance(text.id, pl.Expr):
        columns.append(text.id.alias(f"{name}#"))
    for key, value in text.params.items():
        if isinstance(value, pl.Expr):
            columns.append(value.alias(f"{name}.{key}"))
        elif isinstance(value, ColumnText):
            columns += text_columns(value, f"{name}.{key}")
    return columns


def text_of(text: ColumnText, row: Mapping[str, Any], name: str) -> Message | None:
    """The message of one row (`row`: the columns `text_columns` made), or None when its
    id is null there."""
    message = row[f"{name}#"] if isinstance(text.id, pl.Expr) else text.id
    if message is None:
        return None
    params: dict[str, object] = {}
    for key, value in text.params.items():
        if isinstance(value, pl.Expr):
            params[key] = row[f"{name}.{key}"]
        elif isinstance(value, ColumnText):
            params[key] = text_of(value, row, f"{name}.{key}")
        else:
            params[key] = value
    return say(message, **params)
