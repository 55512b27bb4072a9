"""Properties of writing an .xls's cells as text (`excel.cells_xls`): xlrd's numbers and
dates are written exactly as fastexcel writes the same cells of an .xlsx, so that an .xls
(read by xlrd, never by fastexcel) gives the same text, hence the same records.

The oracle is fastexcel itself, on an .xlsx holding the same numbers: a number cell in the
general format, and the same number in a date format."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import fastexcel
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st

from learning_models._evidence.excel.cells_xls import date_text, number_text

#: Numbers as a sheet holds them: whole and decimal, tiny and huge, dates and times.
numbers = st.one_of(
    st.floats(-1e308, 1e308),       # (the largest would be written as an infinity)
    st.integers(-10**6, 10**6).map(float),
    st.decimals(-10**7, 10**7, places=9, allow_nan=False, allow_infinity=False).map(float),
)
#: Day numbers fastexcel writes as dates (within ±27,000 years of 1900: beyond, fastexcel's
#: milliseconds are off by one, or it cannot write the date at all).
days = st.one_of(st.floats(-10**6, 10**7, allow_nan=False),
                 st.integers(-1000, 80_000).map(float),
                 st.tuples(st.integers(0, 80_000), st.integers(0, 86_400_000))
                 .map(lambda d: d[0] + d[1] / 86_400_000))


def _as_written(number: float) -> float:
    """The number xlsxwriter writes (16 significant digits), as the .xlsx holds it."""
    return float(f"{number:.16G}")


def _fastexcel_texts(values: list[float], date: bool) -> list[str | None]:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "so.xlsx"
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("s")
        style = book.add_format({"num_format": "dd/mm/yyyy hh:mm" if date else "General"})
        for row, value in enumerate(values):
            sheet.write_number(row, 0, value, style)
        book.close()
        read = fastexcel.read_excel(path).load_sheet(0, header_row=None, dtypes="string")
        texts: list[str | None] = read.to_polars()[:, 0].to_list()
        return texts


@given(st.lists(numbers, min_size=1, max_size=40))
def test_a_number_is_written_as_fastexcel_writes_it(values: list[float]) -> None:
    held = [_as_written(v) for v in values]
    assert [number_text(v) for v in held] == _fastexcel_texts(held, date=False)


@given(st.lists(days, min_size=1, max_size=40))
def test_a_date_is_written_as_fastexcel_writes_it(values: list[float]) -> None:
    held = [_as_written(v) for v in values]
    assert [date_text(v) for v in held] == _fastexcel_texts(held, date=True)
