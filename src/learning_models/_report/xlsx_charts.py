"""The native chart of a model's sheet in the XLSX report: each commune's rate as a bar,
the plan's target as a line across them (Excel draws it, and redraws it if a figure is
corrected in the sheet)."""

from __future__ import annotations

from typing import Any

__all__ = ["add_rate_chart"]


def add_rate_chart(book: Any, sheet: Any, *, title: str, rows: tuple[int, int],
                   name_col: int, rate_col: int, target_col: int | None, anchor: str) -> None:
    """A column chart of `sheet`'s rates in `rows` (first, last: 0-based, inclusive) named
    by `name_col`, with the target of `target_col` as a dashed red line; placed at
    `anchor` (a cell, e.g. ``"P3"``)."""
    first, last = rows
    name = sheet.get_name()
    bars = book.add_chart({"type": "column"})
    bars.add_series({
        "name": title,
        "categories": [name, first, name_col, last, name_col],
        "values": [name, first, rate_col, last, rate_col],
        "fill": {"color": "#E08A1E"},
        "data_labels": {"value": True, "num_format": "0.0%", "position": "inside_base"},
    })
    if target_col is not None:
        line = book.add_chart({"type": "line"})
        line.add_series({
            "name": [name, first - 1, target_col],
            "categories": [name, first, name_col, last, name_col],
            "values": [name, first, target_col, last, target_col],
            "line": {"color": "#B3261E", "width": 2, "dash_type": "dash"},
            "marker": {"type": "none"},
        })
        bars.combine(line)
    bars.set_title({"name": title, "name_font": {"size": 12}})
    bars.set_y_axis({"min": 0, "max": 1, "num_format": "0%",
                     "major_gridlines": {"visible": True, "line": {"color": "#E3E7ED"}}})
    bars.set_legend({"position": "bottom"})
    bars.set_size({"width": 720, "height": 360})
    sheet.insert_chart(anchor, bars, {"object_position": 3})
