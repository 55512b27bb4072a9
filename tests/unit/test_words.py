"""Every word a person reads lives in one module, in both languages."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from learning_models import _words

TABLES = [name for name in _words.__all__ if name != "Lang"]


def _entries(table: Mapping[str, Any], path: str = "") -> Iterator[tuple[str, Any]]:
    """Each (path, {vi, en}) entry of a table, however deeply it nests."""
    for key, value in table.items():
        if set(value) & {"vi", "en"}:
            yield f"{path}{key}", value
        else:
            yield from _entries(value, f"{path}{key}.")


@pytest.mark.parametrize("name", TABLES)
def test_every_entry_of_a_table_has_vietnamese_and_english(name: str) -> None:
    missing = [where for where, texts in _entries(getattr(_words, name))
               if set(texts) != {"vi", "en"} or not all(texts.values())]
    assert missing == []


def test_the_vietnamese_words_keep_their_diacritics_composed() -> None:
    # written once, in NFC: a report never shows decomposed letters
    texts = [t for name in TABLES for _, entry in _entries(getattr(_words, name))
             for t in entry.values() if isinstance(t, str)]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert any("ệ" in t for t in texts)
