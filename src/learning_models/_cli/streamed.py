"""``evaluate`` of one set, a piece of the input at a time.

The records are read (`input_pieces`), typed, scored (`evaluate_pieces`) and written
(`write_json_parts`, `write_csv_parts`, a table) one piece after another, so a file of
millions of records takes the memory of a piece, not of the file; the output is the same,
byte for byte, as the evaluation of the whole. The rejected records are gathered as the
pieces go and written last (in the JSON document, ``--errors FILE``, standard error).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from .._criteria import CriteriaSet
from .._documents import say, write_text
from .._evidence import RecordError
from .._report import errors_csv, write_csv_parts, write_json_parts
from .._scoring import Evaluations, evaluate_pieces
from .._words import CLI_WORDS as WORDS
from .evaluate_text import counts_sentence, print_errors, print_rows
from .options import cannot_write, make_folder_of
from .stdin import input_pieces

__all__ = ["PIECE_ROWS", "evaluate_streamed"]

#: Lines of the input file read, typed and scored at a time.
PIECE_ROWS = 200_000


def evaluate_streamed(args: argparse.Namespace, spec: CriteriaSet) -> int:
    """Run ``evaluate`` for the records of ``--input`` and the one set `spec`."""
    errors: list[RecordError] = []
    counts = dict.fromkeys(("recognised", "not_recognised", "incomplete", "rejected"), 0)
    out = _Output(sys.stdout)
    with input_pieces(args.input, args.input_format, rows=PIECE_ROWS) as (pieces, name):
        parts = _tallied(evaluate_pieces(spec, pieces, year=args.year, file=name),
                         errors, counts)
        if args.format == "json":
            write_json_parts(parts, lambda: errors, out, lang=args.lang)
        elif args.format == "csv":
            write_csv_parts(parts, out)
        else:
            for part in parts:
                print_rows(part, args.lang, out)
            out.write(counts_sentence(counts, args.lang) + "\n")
    if args.errors is not None:
        make_folder_of(args.errors, say("output-errors"))
        try:
            write_text(args.errors, errors_csv([(args.year, e) for e in errors], args.lang))
        except OSError as exc:
            raise cannot_write(say("output-errors"), args.errors, exc) from exc
    if out.broken:  # the reader left (`| head`): the errors file is whole all the same
        raise BrokenPipeError
    see = ("file" if args.errors is not None else args.format if args.format == "json"
           else "none")
    print_errors(errors, args.lang, WORDS[f"see_{see}"][args.lang].format(
        file=args.errors), sys.stderr)
    return 1 if errors else 0


def _tallied(parts: Iterable[Evaluations], errors: list[RecordError],
             counts: dict[str, int]) -> Iterator[Evaluations]:
    """`parts` as they come, their rejected records added to `errors` and their statuses
    to `counts`."""
    for part in parts:
        errors += part.errors
        for key, value in part.counts().items():
            counts[key] += value
        yield part


class _Output:
    """Standard output that, once its reader has gone, takes the rest of the output
    without writing it: the records are still all evaluated, so ``--errors FILE`` is
    whole (and written when the evaluation ends, as in any run)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self.stream.write(text)
            except BrokenPipeError:
                self.broken = True
        return len(text)
