"""``--input -``: evidence read from standard input, in the format ``--input-format`` names.

The bytes are saved in a temporary folder of the run, read as the evidence file they are,
and the folder removed; every problem names them ``<stdin>``. ``--input-format`` goes with
``--input -`` only (a file's suffix says its format).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

import polars as pl

from .._documents import say
from .._evidence import RecordError, read_evidence
from .options import UsageError

__all__ = ["INPUT_FORMATS", "STDIN", "read_input"]

INPUT_FORMATS = ("csv", "json", "yaml", "parquet")
#: How problems name evidence read from standard input.
STDIN = "<stdin>"


def read_input(path: Path, input_format: str | None, stream: BinaryIO | None = None,
               ) -> tuple[pl.DataFrame, list[RecordError], str]:
    """The records of ``--input`` (a file, or ``-``: `stream`, default standard input) and
    the name problems give it."""
    if str(path) != "-":
        if input_format is not None:
            raise UsageError.saying(say("cli-input-format-file"))
        frame, errors = read_evidence(path)
        return frame, errors, str(path)
    if input_format is None:
        raise UsageError.saying(say("cli-input-format-needed",
                                    formats=f"{{{','.join(INPUT_FORMATS)}}}"))
    data = (stream or sys.stdin.buffer).read()
    with tempfile.TemporaryDirectory(prefix="learning-models-stdin-") as folder:
        file = Path(folder) / f"stdin.{input_format}"
        file.write_bytes(data)
        frame, errors = read_evidence(file, display_name=STDIN)
    return frame, errors, STDIN
