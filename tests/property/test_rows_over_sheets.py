"""A table longer than a worksheet holds goes on over more sheets: every row lands on exactly
one sheet, in order, below the head each sheet repeats, and no sheet passes the limit."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning_models._documents import output as _output
from learning_models._documents import write_rows_over_sheets


class Book:
    """What `write_rows_over_sheets` uses of an XlsxWriter workbook, recording the writes."""

    def __init__(self) -> None:
        self.sheets: dict[str, dict[int, list[object]]] = {}

    def add_worksheet(self, name: str) -> Any:
        assert name not in self.sheets
        rows = self.sheets[name] = {}

        class Sheet:
            @staticmethod
            def write_row(row: int, col: int, values: list[object]) -> None:
                assert col == 0 and row not in rows
                rows[row] = list(values)

        return Sheet()


@given(rows=st.integers(0, 60), head=st.integers(0, 4), limit=st.integers(1, 12))
def test_every_row_lands_on_exactly_one_sheet_in_order(rows: int, head: int,
                                                         limit: int) -> None:
    if head >= limit:
        head = limit - 1
    book = Book()
    table = [[n, f"hồ sơ {n}"] for n in range(rows)]

    def title(sheet: Any) -> int:
        for r in range(head):
            sheet.write_row(r, 0, ["tiêu đề"])
        return head

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_output, "SHEET_ROWS", limit)
        count = write_rows_over_sheets(book, "Hồ sơ", title, iter(table))
    names = list(book.sheets)
    assert names == ["Hồ sơ", *(f"Hồ sơ ({k})" for k in range(2, count + 1))]
    assert count == max(1, -(-rows // (limit - head)))
    written = []
    for name in names:
        sheet = book.sheets[name]
        assert max(sheet, default=-1) < limit                         # nothing past the limit
        assert [sheet[r] for r in range(head)] == [["tiêu đề"]] * head  # the head, every sheet
        written += [sheet[r] for r in sorted(sheet) if r >= head]
    assert written == table
