"""Checks of the arguments the Python API receives, at its boundary: a wrong kind or value
is an `ArgumentError` naming the argument and what it accepts, never a `KeyError` or an
`AttributeError` from deep inside."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from ..errors import ArgumentError

__all__ = ["check_kind", "check_lang", "check_path", "check_records"]

LANGS = ("vi", "en")


def check_lang(lang: object) -> None:
    if lang not in LANGS:
        raise ArgumentError(f"lang must be 'vi' or 'en', not {lang!r:.60}")


def check_path(path: object, what: str) -> None:
    if not isinstance(path, str | os.PathLike):
        raise ArgumentError(f"{what} must be a path (str or os.PathLike), not "
                            f"{type(path).__name__}")


def check_kind(value: object, kind: type | tuple[type, ...], what: str, hint: str = "") -> None:
    if not isinstance(value, kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise ArgumentError(f"{what} must be {names}, not {type(value).__name__}"
                            + (f"; {hint}" if hint else ""))


def check_records(records: Any) -> None:
    """`records` is a Polars table or an iterable of records (not text, not one record)."""
    if isinstance(records, pl.DataFrame):
        return
    if isinstance(records, pl.LazyFrame):
        raise ArgumentError("records must be a polars DataFrame or an iterable of mappings, "
                            "not a LazyFrame; collect it first: records.collect()")
    if isinstance(records, str | bytes | os.PathLike):
        raise ArgumentError("records must be a polars DataFrame or an iterable of mappings, "
                            f"not a path ({type(records).__name__}); read a file with "
                            "read_evidence(path) first")
    if isinstance(records, Mapping) or not isinstance(records, Iterable):
        raise ArgumentError("records must be a polars DataFrame or an iterable of mappings, "
                            f"not {type(records).__name__}"
                            + ("; put one record in a list" if isinstance(records, Mapping)
                               else ""))

