"""``--input -``: evidence read from standard input, in the format ``--input-format`` names.

The bytes are saved in a temporary folder of the run, read as the evidence file they are,
and the folder removed; every problem names them ``<stdin>``. ``--input-format`` goes with
``--input -`` only (a file's suffix says its format).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import polars as pl

from .._documents import say
from .._evidence import RecordError, read_evidence_pieces
from .options import UsageError

__all__ = ["INPUT_FORMATS", "STDIN", "input_pieces", "read_input"]

INPUT_FORMATS = ("csv", "json", "yaml", "parquet")
#: How problems name evidence read from standard input.
STDIN = "<stdin>"

Pieces = Iterator[tuple[pl.DataFrame, Sequence[RecordError]]]


def read_input(path: Path, input_format: str | None, stream: BinaryIO | None = None,
               ) -> tuple[pl.DataFrame, list[RecordError], str]:
    """The records of ``--input`` (a file, or ``-``: `stream`, default standard input) and
    the name problems give it."""
    parts: list[pl.DataFrame] = []
    errors: list[RecordError] = []
    with input_pieces(path, input_format, stream) as (pieces, name):
        for part, wrong in pieces:
            parts.append(part)
            errors += wrong
    return parts[0] if len(parts) == 1 else pl.concat(parts, rechunk=False), errors, name


@contextmanager
def input_pieces(path: Path, input_format: str | None, stream: BinaryIO | None = None,
                 rows: int = 0) -> Iterator[tuple[Pieces, str]]:
    """The records of ``--input`` a piece at a time (`read_evidence_pieces`), to be read
    inside the ``with`` block, and the name problems give it."""
    if str(path) != "-":
        if input_format is not None:
            raise UsageError.saying(say("cli-input-format-file"))
        yield read_evidence_pieces(path, rows=rows), str(path)
        return
    if input_format is None:
        raise UsageError.saying(say("cli-input-format-needed",
                                    formats=f"{{{','.join(INPUT_FORMATS)}}}"))
    data = (stream or sys.stdin.buffer).read()
    with tempfile.TemporaryDirectory(prefix="learning-models-stdin-") as folder:
        file = Path(folder) / f"stdin.{input_format}"
        file.write_bytes(data)
        del data
        yield read_evidence_pieces(file, display_name=STDIN, rows=rows), STDIN
