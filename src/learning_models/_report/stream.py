"""Writing a batch's results part by part: ``evaluate --format json`` and ``--format csv``.

`write_json` writes the bytes of `Evaluations.to_json` and `write_csv` those of
``Evaluations.to_frame().write_csv()``, but `CHUNK_ROWS` subjects at a time: the dictionaries
(or CSV text) of one part only are held at once, so memory stays that of the scored table
however many subjects there are (200,000 subjects make 420 MB of JSON, and a list of their
dictionaries several times that).

`indented` is ``json.dumps(value, ensure_ascii=False, indent=2)`` for the plain values results
are made of (dict with text keys, list, str, int, float, bool, None), twice as fast as the
standard library's encoder, which has no C implementation for indented output; a value of
any other kind is left to the standard library.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring
from typing import Any, Protocol, TextIO

from .._evidence import RecordError
from .._scoring import Evaluations
from .._words import Lang
from .csv_cells import safe_text_columns

__all__ = ["CHUNK_ROWS", "Writer", "indented", "write_csv", "write_csv_parts", "write_json",
           "write_json_parts"]

class Writer(Protocol):
    """Where results are written: standard output, a file, a buffer."""

    def write(self, text: str, /) -> object: ...


#: Subjects turned into JSON or CSV at a time.
CHUNK_ROWS = 10_000


def write_json(results: Evaluations, out: TextIO, chunk: int = 0, lang: Lang = "en") -> None:
    """The bytes of ``results.to_json(lang)``, written `chunk` subjects (default
    `CHUNK_ROWS`) at a time, each part's gaps found together (`Evaluations.part`)."""
    write_json_parts([results], lambda: results.errors, out, chunk, lang)


def write_json_parts(parts: Iterable[Evaluations], errors: Callable[[], Sequence[RecordError]],
                     out: Writer, chunk: int = 0, lang: Lang = "en") -> None:
    """The evaluations of `parts` (e.g. the pieces of a file, `evaluate_pieces`) written as
    one ``to_json(lang)`` document, each part as it comes, then `errors()` (asked for once
    every part is written: the rejected records of them all, in order)."""
    size = chunk or CHUNK_ROWS
    out.write('{\n  "evaluations": ')
    _write_list(out, (part.part(start, size).subject_dicts()
                      for part in parts for start in range(0, len(part), size)))
    out.write(',\n  "errors": ')
    rejected = errors()
    _write_list(out, ((e.to_dict(lang) for e in rejected[start:start + size])
                      for start in range(0, len(rejected), size)))
    out.write("\n}\n")


def write_csv(results: Evaluations, out: TextIO, chunk: int = 0) -> None:
    """The bytes of ``results.to_frame().write_csv()``, written `chunk` rows (default
    `CHUNK_ROWS`) at a time."""
    write_csv_parts([results], out, chunk, carried=results.carried())


def write_csv_parts(parts: Iterable[Evaluations], out: Writer, chunk: int = 0, *,
                    carried: Sequence[str] | None = None) -> None:
    """The evaluations of `parts` as one CSV table (`Evaluations.to_frame`), each part as it
    comes: the header once, and the columns of the first part's table (a relation or area
    column is written when the records have it, even where they leave it empty: the
    pieces of a file share its columns, not their values), unless `carried` names them."""
    size = chunk or CHUNK_ROWS
    header = True
    for part in parts:
        if carried is None:
            carried = part.carried(empty=True)
        table = part.to_frame(carried)
        for start in range(0, max(table.height, 1 if header else 0), size):
            out.write(safe_text_columns(table.slice(start, size)).write_csv(
                include_header=header))
            header = False


def _write_list(out: Writer, parts: Iterable[Iterable[Any]]) -> None:
    """The value of a top-level key holding a list, as ``json.dumps(..., indent=2)`` writes
    it, one part of the list at a time."""
    opened = False
    for part in parts:
        items = list(part)
        if not items:
            continue
        out.write(("[\n    " if not opened else ",\n    ")
                  + ",\n    ".join(indented(item, "    ") for item in items))
        opened = True
    out.write("\n  ]" if opened else "[]")


def indented(value: Any, pad: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, its lines after the first
    indented by `pad` more (the value sits at that depth of a larger document)."""
    pieces: list[str] = []
    try:
        _encode(value, pad, pieces)
    except TypeError:  # a kind of value the fast path does not know
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
    return "".join(pieces)


def _encode(value: Any, pad: str, pieces: list[str]) -> None:
    kind = type(value)
    if kind is not dict and kind is not list:
        pieces.append(_scalar(value))
        return
    mapping = kind is dict
    if not value:
        pieces.append("{}" if mapping else "[]")
        return
    inner = pad + "  "
    separator = ("{\n" if mapping else "[\n") + inner
    for item in value.items() if mapping else value:
        pieces.append(separator)
        if mapping:
            key, item = item
            if type(key) is not str:
                raise TypeError(key)
            pieces += (encode_basestring(key), ": ")
        leaf = _LEAVES.get(type(item))
        if leaf is not None:
            pieces.append(leaf(item))
        else:
            _encode(item, inner, pieces)
        separator = ",\n" + inner
    pieces.append("\n" + pad + ("}" if mapping else "]"))


def _float(value: float) -> str:
    """A float as the standard library's encoder writes it (``allow_nan``)."""
    text = float.__repr__(value)
    return _NON_FINITE.get(text, text)


def _scalar(value: Any) -> str:
    leaf = _LEAVES.get(type(value))
    if leaf is None:
        raise TypeError(type(value))
    return leaf(value)


_NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}
#: The text of each kind of plain value, by its exact type (a subclass is not plain).
_LEAVES: dict[type, Callable[[Any], str]] = {
    str: encode_basestring, float: _float, int: int.__repr__, bool: lambda b: "true" if b
    else "false", type(None): lambda _: "null"}
