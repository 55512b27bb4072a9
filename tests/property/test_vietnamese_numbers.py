"""Numbers written the Vietnamese way are read as they are meant, or refused — never misread.

For any count written with thousands dots or spaces, and any number written with a
decimal comma, the reading is the number written; a number whose reading depends on the
convention is refused, with both readings in the message.
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from hypothesis import given
from hypothesis import strategies as st
from test_typing_few import INPUTS  # a set with an unbounded count and amount

from learning_models._evidence.numbers import read_count
from learning_models._evidence.records import records_to_frame, type_frame


def vietnamese(n: int, separator: str = ".") -> str:
    """``1234567`` → ``1.234.567``."""
    return f"{n:,}".replace(",", separator)


def typed(name: str, written: str) -> tuple[list[object], list[str]]:
    frame, errors = records_to_frame([{"id": "R1", name: written}])
    kept, more = type_frame(frame, {k: INPUTS[k] for k in ("count", "amount")})
    return kept[name].to_list(), [e.message for e in errors + more]


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([".", " ", ""]))
def test_a_count_with_thousands_separators_reads_as_written(n: int, separator: str) -> None:
    written = vietnamese(n, separator)
    assert typed("count", written) == ([n], [])
    assert read_count(written) == (n, None)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_a_number_with_a_decimal_comma_reads_as_written(whole: int, cents: int) -> None:
    fraction = f"{cents:02d}".rstrip("0")
    written = f"{vietnamese(whole)},{fraction}"
    expected = float(Decimal(f"{whole}.{fraction}"))
    assert typed("amount", written) == ([expected], [])


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_number_whose_reading_depends_on_the_convention_is_refused(head: int,
                                                                      tail: int) -> None:
    written = f"{head}.{tail:03d}"
    values, [message] = typed("amount", written)
    assert values == []
    assert f"the Vietnamese way it is {head}{tail:03d}" in message


def test_an_area_total_reads_the_same_way() -> None:
    assert read_count("5.930") == (5930, None)
    assert read_count(" 1 750 ") == (1750, None)
    assert read_count(1200) == (1200, None)
    assert read_count(None) == (None, None)
    value, why = read_count("8 20")
    assert value is None and why is not None
    assert "'8 20'" in why.render("en") and "'820'" in why.render("en")
    assert "dấu cách" in why.render("vi") and "'820'" in why.render("vi")
    value, why = read_count("1,500")
    assert value is None and why is not None
    assert "1.500" in why.render("en") and "1500" in why.render("en")
    assert pl.Series([read_count("-3")[0]]).to_list() == [None]
