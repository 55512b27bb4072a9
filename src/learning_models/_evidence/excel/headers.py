"""Column headers → column names: what a table's header row may say, and what it means.

A header may be an input's name or one of the labels its criteria set gives it, or the
Vietnamese name of a relation column (Mã, Tên, Gia đình, …); the sheets whose columns are
fixed (Địa bàn, Chuyển đổi địa bàn) have Vietnamese headers of their own. Used for workbooks
and, where the sets are known, for CSV tables too (`rename_headers`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from ..._criteria import EVIDENCE_PREFIX, FORMAT, CriteriaSet
from ..._documents import say
from ...errors import EvidenceError, Problem
from ..records import LINE, ROW
from .layout import (
    AREA_ALIASES,
    AREA_HEADERS,
    CROSSWALK_HEADERS,
    EVIDENCE_HEADER,
    RELATION_HEADERS,
    fold,
)

__all__ = ["fixed_headers", "rename_headers"]


def rename_headers(frame: pl.DataFrame,
                   spec: CriteriaSet | Sequence[CriteriaSet] | None = None, *,
                   file: str | None = None) -> pl.DataFrame:
    """Headers given as labels → input names, Vietnamese relation headers → column names.

    A header equal (trimmed, case-insensitive) to an input's name, ``label.vi`` or
    ``label.en`` becomes that input's name; ``Mã``, ``Tên``, ``Gia đình``, ``Đơn vị``,
    ``Cộng đồng``, ``Dòng họ``, ``Địa bàn``, ``Người lao động`` become ``id``, ``name``,
    ``family``, ``unit``, ``community``, ``clan``, ``area``, ``worker``; in a format-1.1
    set, ``Minh chứng C1.1`` becomes ``evidence.C1.1``. A label shared by two inputs maps to
    neither. Two headers that end up with one name raise `EvidenceError` (naming `file`,
    where the table came from, when given).
    """
    names: dict[str, str | None] = {}
    for name, header in RELATION_HEADERS.items():
        names[fold(header)] = name
    specs = () if spec is None else (spec,) if isinstance(spec, CriteriaSet) else spec
    if specs:   # several sets of one model in force: the inputs of each
        labelled: dict[str, str | None] = {}
        for name, given in ((n, g) for s in specs for n, g in s.inputs.items()):
            for text in (given.label.vi, given.label.en) if given.label else ():
                key = fold(text)
                labelled[key] = name if labelled.get(key, name) == name else None
        names.update(labelled)
        names.update({fold(name): name for s in specs for name in s.inputs})
        for ind in (i for s in specs if s.format != FORMAT for i in s.indicators):
            # evidence references (format 1.1): evidence.<id>
            column = f"{EVIDENCE_PREFIX}{ind.id}"
            names[fold(EVIDENCE_HEADER.format(id=ind.id))] = column
            names[fold(column)] = column
    names.update({name: name for name in RELATION_HEADERS})
    return _rename(frame, names, file)


def _rename(frame: pl.DataFrame, names: Mapping[str, str | None],
            file: str | None) -> pl.DataFrame:
    mapping: dict[str, str] = {}
    for column in frame.columns:
        if column in (ROW, LINE):
            continue
        target = names.get(column) or names.get(fold(column))
        if target is not None and target != column:
            mapping[column] = target
    if not mapping:
        return frame
    final: dict[str, str] = {}
    problems = []
    for column in frame.columns:
        name = mapping.get(column, column)
        if name in final:
            problems.append(Problem.of(
                "unreadable-evidence",
                say("columns-one-name", where=f"{file}: " if file else "", first=final[name],
                    second=column, name=name), hint=say("columns-one-name-hint")))
        final[name] = column
    if problems:
        raise EvidenceError(problems)
    return frame.rename(mapping)



def fixed_headers(kind: str) -> dict[str, str | None]:
    """Folded header → column name, for the sheets whose columns are fixed (a model's
    relation columns, ``areas``, ``crosswalk``)."""
    pairs = {"areas": AREA_HEADERS, "crosswalk": CROSSWALK_HEADERS}.get(kind, RELATION_HEADERS)
    names: dict[str, str | None] = dict(AREA_ALIASES) if kind == "areas" else {}
    names.update({fold(header): name for name, header in pairs.items()})
    names.update({name: name for name in pairs})
    return names
