"""A few plain records are typed in Python (`type_few`); whenever it answers, its table is
the one the column-wise typing gives, and that typing rejects nothing. Anything it cannot
be sure of (and every record with a problem) it leaves to the column-wise typing."""

from __future__ import annotations

from typing import Any

import polars as pl
from hypothesis import event, given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import learning_models as lm
from learning_models._documents.yaml import parse_yaml
from learning_models._evidence.records import records_to_frame, type_query
from learning_models._evidence.records_few import type_few
from learning_models._expressions.polars_engine import collect_plain

SET = """\
format: learning-models/criteria-set/1
id: test/typing
model: family
period: 2021-2025
title: {vi: Thử, en: Test}
source: {verified: false}
inputs:
  adults: {type: integer, minimum: 0, maximum: 30}
  count: {type: integer}
  share: {type: number, minimum: 0, maximum: 1}
  amount: {type: number}
  corner: {type: boolean}
  income:
    type: enum
    values:
      - {value: lower, label: {vi: giảm, en: lower}}
      - {value: stable, label: {vi: ổn định, en: stable}}
      - higher
  note: {type: string}
  members: {type: integer, required: true}
criteria:
  - id: C1
    title: {vi: Một, en: One}
    indicators:
      - {id: C1.1, title: {vi: Một, en: One}, points: 10, when: adults >= 1}
recognition:
  pass: total >= 5
"""
INPUTS = lm.validate_criteria(parse_yaml(SET, "typing.yaml")).inputs

WORDS = ["có", "Có", "CÓ", "không", "KHÔNG", "yes", "No", "TRUE", "x", "X", "0", "1",
         "maybe", "co\u0301", "giảm", "Giảm", "ổn định", "stable", "lower", "higher",
         "HIGHER", "tăng"]
texts = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: f" {w}\t"),
    st.text(alphabet=" \t\u00a0+-.0123456789eE٣_", max_size=6),
    st.from_regex(r"[+-]?[0-9]{1,20}(\.[0-9]{1,5})?", fullmatch=True),
    st.text(max_size=5),
)
values = st.one_of(st.none(), texts, st.booleans(), st.integers(-2**70, 2**70),
                   st.integers(-5, 40), st.floats(allow_nan=False, allow_infinity=False),
                   st.sampled_from([0.5, 2.0, 1e-05, 0.1, -0.0, 1e300]))
MISSING = object()


@st.composite
def records(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        record: dict[str, Any] = {}
        ident = draw(st.one_of(st.sampled_from(["A", "B", "C", " A", "", "7"]),
                               st.integers(0, 3), st.none()))
        if draw(st.integers(0, 9)):   # now and then no id at all
            record["id"] = ident
        if draw(st.booleans()):
            record["name"] = draw(st.one_of(st.none(), st.text(max_size=4), st.integers()))
        for name in INPUTS:
            value = draw(st.one_of(st.just(MISSING), values))
            if value is not MISSING:
                record[name] = value
        if not draw(st.integers(0, 19)):
            record["adultz"] = 1
        out.append(record)
    return out


#: For each input: values it reads without a second look, and near misses (out of bounds,
#: another case or spacing, forms read only on a second look, beyond 64 bits).
PLAIN: dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]] = {
    "adults": (st.one_of(st.integers(0, 30), st.integers(0, 30).map(str), st.just("+3")),
               st.sampled_from([-1, 31, "2.0", "1e1", " 3", "٣"])),
    "count": (st.one_of(st.integers(-2**63, 2**63 - 1), st.sampled_from(["-0", "+0", "012"])),
              st.sampled_from([2**63, -2**63 - 1, "1_000", "+-1"])),
    "share": (st.one_of(st.floats(0, 1), st.sampled_from(["0.5", "1", "1.0", "-0.0", "0.10"])),
              st.sampled_from([1.5, -0.1, ".5", "1.", "1e-1", "nan", "inf"])),
    "amount": (st.one_of(st.integers(-10**20, 10**20), st.floats(-1e300, 1e300),
                         st.from_regex(r"[+-]?[0-9]{1,25}(\.[0-9]{1,25})?", fullmatch=True)),
               st.sampled_from(["9" * 400, "1e400", "0x10", "١"])),
    "corner": (st.one_of(st.booleans(), st.sampled_from(WORDS[:12])),
               st.sampled_from(["maybe", "co\u0301", " có", "İ"])),
    "income": (st.sampled_from(["lower", "stable", "higher", "giảm", "ổn định"]),
               st.sampled_from(["tăng", "Giảm", "STABLE", "on dinh", "ổn định", "o\u0302\u0309n"])),
    "note": (st.one_of(st.text(max_size=6).filter(lambda t: t == t.strip()), st.integers()),
             st.sampled_from([" x", "x\t", "\u00a0"])),
    "members": (st.integers(0, 9), st.sampled_from([None, "", " "])),
}


@st.composite
def plain_records(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for k in range(draw(st.integers(1, 4))):
        record: dict[str, Any] = {"id": draw(st.sampled_from([f"S{k}"] * 8 + [k, "S0"]))}
        if draw(st.booleans()):
            record["name"] = draw(st.text(max_size=4))
        for name, (plain, near) in PLAIN.items():
            choice = draw(st.integers(0, 39))
            if choice == 0 and name != "members":
                continue                    # not given
            record[name] = draw(near if choice == 1 else st.none() if choice == 2 and
                                name != "members" else plain)
        out.append(record)
    return out


def column_wise(batch: list[dict[str, Any]]) -> tuple[pl.DataFrame, list[Any]]:
    raw, errors = records_to_frame(batch)
    typed, type_errors = type_query(raw, INPUTS)
    return collect_plain(typed), [*errors, *type_errors]


@given(st.one_of(records(), plain_records(), plain_records()))
def test_a_few_records_typed_in_python_give_the_column_wise_table(
        batch: list[dict[str, Any]]) -> None:
    few = type_few(batch, INPUTS)
    event("typed in Python" if few is not None else "left to the column-wise typing")
    if few is None:
        return
    rows, schema = few
    expected, errors = column_wise(batch)
    assert errors == []
    assert_frame_equal(pl.from_dicts(rows, schema=schema), expected, check_exact=True)


def test_plain_records_are_typed_in_python() -> None:
    batch = [{"id": "A", "name": "Hộ A", "adults": 2, "count": "-3", "share": "0.25",
              "amount": 7, "corner": "Có", "income": "ổn định", "note": "ghi chú",
              "members": 4},
             {"id": 7, "adults": None, "corner": True, "income": "higher", "members": "+1"}]
    few = type_few(batch, INPUTS)
    assert few is not None
    rows, schema = few
    assert_frame_equal(pl.from_dicts(rows, schema=schema), column_wise(batch)[0])
    assert rows[0]["income"] == "stable" and rows[1]["count"] is None


def test_anything_to_report_or_to_read_twice_is_left_to_the_column_wise_typing() -> None:
    plain = {"id": "A", "members": 1}
    for change in ({"adults": 31}, {"adults": "2.0"}, {"share": "1e-1"}, {"members": None},
                   {"id": " A"}, {"id": ""}, {"corner": "có lẽ"}, {"income": "STABLE"},
                   {"adultz": 1}, {"note": " x"}, {"count": 2**63}, {"adults": "٣"},
                   {"count": "1_000"}, {"amount": "1e400"}, {"share": "0.5 "},
                   {"corner": "co\u0301"}, {"count": "1" * 5000}, {"amount": "1" * 5000}):
        assert type_few([{**plain, **change}], INPUTS) is None, change
    assert type_few([plain, dict(plain)], INPUTS) is None   # a repeated id
    assert type_few([plain] * 17, INPUTS) is None           # more than a few
