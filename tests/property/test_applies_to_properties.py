"""Routing records between sets in force together (``applies_to``): the column-wise routing
agrees with each set's condition computed row by row (the row engine), for random records
with missing values, labels for values, and conditions that overlap or leave gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_models as lm
from learning_models._expressions.row_engine import to_python
from learning_models._scoring import route

SET = """format: learning-models/criteria-set/1.1
id: {ident}
model: unit
period: "2021-2025"
title: {{vi: Bộ {ident}, en: Set {ident}}}
source: {{verified: false, note: A test.}}
applies_to: "{applies}"
inputs:
  level:
    type: enum
    values:
      - {{value: commune, label: {{vi: cấp xã, en: commune level}}}}
      - {{value: district, label: {{vi: cấp huyện, en: district level}}}}
      - {{value: province, label: {{vi: cấp tỉnh, en: provincial level}}}}
  staff: {{type: integer, minimum: 0, maximum: 100}}
criteria:
  - id: C1
    title: {{vi: Tiêu chí, en: Criterion}}
    indicators:
      - {{id: C1.1, title: {{vi: Chỉ số, en: Indicator}}, points: 10, when: staff >= 1}}
recognition:
  pass: total >= 5
"""
#: Conditions that overlap (a commune unit of 10 staff or more), leave gaps (a district unit
#: of fewer than 10, a unit with no level) and read the year.
CONDITIONS = ("level == 'commune'",
              "level != 'commune' and staff >= 10 or staff >= 90",
              "level == 'province' and year >= 2024")
WORDS = {"commune": "commune", "cấp xã": "commune", "district": "district",
         "cấp huyện": "district", "province": "province", "Cấp Tỉnh": "province"}


def _programs(folder: Path, conditions: tuple[str, ...]) -> list[lm.Program]:
    programs = []
    for k, applies in enumerate(conditions):
        path = folder / f"s{k}.yaml"
        path.write_text(SET.format(ident=f"s{k}", applies=applies), encoding="utf-8")
        programs.append(lm.compile_criteria(lm.load_criteria(path)))
    return programs


records = st.lists(st.tuples(st.sampled_from([*WORDS, None]),
                             st.one_of(st.none(), st.integers(0, 100))), max_size=30)


@settings(max_examples=40)
@given(records=records, chosen=st.sampled_from([(0, 1), (0, 2), (1, 2), (0, 1, 2)]),
       year=st.sampled_from((2021, 2024)))
def test_routing_agrees_with_each_condition_row_by_row(
        tmp_path_factory: Any, records: list[tuple[str | None, int | None]],
        chosen: tuple[int, ...], year: int) -> None:
    programs = _programs(tmp_path_factory.mktemp("sets"),
                         tuple(CONDITIONS[k] for k in chosen))
    frame = pl.DataFrame({"id": [f"U{k}" for k in range(len(records))],
                          "level": [lv for lv, _ in records],
                          "staff": [None if n is None else str(n) for _, n in records]},
                         schema={"id": pl.String, "level": pl.String, "staff": pl.String})
    parts, errors = route(programs, frame, year=year)
    got = {ident: p.spec.id for p, part in zip(programs, parts, strict=True)
           for ident in part["id"]}
    expected = {}
    for k, (level, staff) in enumerate(records):
        row = {"level": WORDS.get(level) if level is not None else None, "staff": staff,
               "year": year}
        holds = [p.spec.id for p in programs
                 if p.applies_to is not None and to_python(p.applies_to)(row) is True]
        if len(holds) == 1:
            expected[f"U{k}"] = holds[0]
    assert got == expected
    assert sorted(e.record or "" for e in errors) == \
        sorted(f"U{k}" for k in range(len(records)) if f"U{k}" not in expected)
    assert {e.code for e in errors} <= {"no-set-applies"}
