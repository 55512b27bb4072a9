"""The lines of a text evidence file, read a piece at a time: a CSV file of hundreds of
megabytes is never held whole in memory (as bytes, then as text, then as cells).

UTF-8 (with or without a byte-order mark) or, with one, UTF-16 (Excel's "Unicode Text").
A NUL character, or bytes that do not decode, stop the reading with the same located
problem `_evidence._decode` gives for the whole file: on that path only, the file is read
again whole to say where.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

__all__ = ["check_text", "text_lines"]

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BLOCK = 8 * 1024 * 1024


def text_lines(file: Path, name: str, locate: Callable[[bytes, str], object]) -> Iterator[str]:
    """The lines of `file` (line ends kept, as ``csv`` wants them). `locate(data, name)` is
    called with the whole file when it is not text, and must raise the located problem."""
    with open(file, "rb") as raw:
        utf16 = raw.read(2) in _UTF16_BOMS
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding="utf-16" if utf16 else "utf-8-sig",
                                  errors="strict", newline="")
        try:
            for line in stream:
                if "\x00" in line:
                    raise UnicodeError("NUL")
                yield line
        except UnicodeError:
            _not_text(file, name, locate)


def check_text(file: Path, name: str, locate: Callable[[bytes, str], object]) -> None:
    """Read `file` through once, a block at a time, and call `locate` (which raises) as
    `text_lines` does when it is not text: a file read a piece at a time is then refused
    before its first piece, not after its first results were written."""
    with open(file, "rb") as raw:
        utf16 = raw.read(2) in _UTF16_BOMS
        raw.seek(0)
        decoder = codecs.getincrementaldecoder("utf-16" if utf16 else "utf-8")("strict")
        try:
            for block in iter(lambda: raw.read(_BLOCK), b""):
                if "\x00" in decoder.decode(block):
                    raise UnicodeError("NUL")
            decoder.decode(b"", final=True)
        except UnicodeError:
            _not_text(file, name, locate)


def _not_text(file: Path, name: str, locate: Callable[[bytes, str], object]) -> NoReturn:
    locate(file.read_bytes(), name)  # raises: the file is not text
    raise AssertionError(f"{name}: not text, but no problem found")  # pragma: no cover
