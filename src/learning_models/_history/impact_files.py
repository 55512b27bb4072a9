"""The impact written as text, JSON, one self-contained HTML page, or a workbook — each from
`impact_table` (JSON: `Impact.to_dict`), each file written atomically."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import Any

from .._criteria import Lang
from .._documents import atomic_path, new_workbook, write_rows_over_sheets, write_text
from .impact_model import Impact
from .impact_table import impact_table

__all__ = ["IMPACT_FORMATS", "format_impact", "write_impact"]

IMPACT_FORMATS = ("text", "json", "html", "xlsx")
#: A fixed creation date: the same impact, the same workbook bytes.
_CREATED = datetime(2000, 1, 1)


def format_impact(impact: Impact, lang: Lang = "vi") -> str:
    """The impact as plain text: a title, then one block per model and area that changes."""
    table = impact_table(impact, lang)
    lines = [table.title, table.subtitle, ""]
    if not impact.changes:
        lines.append(table.empty)
    for row in table.rows:
        lines.append(f"{row[0]} — {row[1]}: {row[2]} → {row[3]}")
        details = [f"{h}: {v}" for h, v in zip(table.headers[4:8], row[4:8], strict=True)
                   if v]
        if details:
            lines.append("  " + "; ".join(details))
        for header, value in zip(table.headers[8:], row[8:], strict=True):
            if value:
                lines.append(f"  {header}: {value}")
    return "\n".join(lines) + "\n"


def write_impact(impact: Impact, path: Path, kind: str, lang: Lang = "vi") -> Path:
    """Write the impact to `path` in `kind` (one of `IMPACT_FORMATS`)."""
    if kind == "text":
        write_text(path, format_impact(impact, lang))
    elif kind == "json":
        write_text(path, impact.to_json())
    elif kind == "html":
        write_text(path, _html(impact, lang))
    elif kind == "xlsx":
        _xlsx(impact, path, lang)
    else:
        raise ValueError(f"unknown impact format {kind!r}; formats: {', '.join(IMPACT_FORMATS)}")
    return path


def _html(impact: Impact, lang: Lang) -> str:
    table = impact_table(impact, lang)
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in table.headers)
    body = "".join("<tr>" + "".join(
        f"<td class=\"n\">{v}</td>" if isinstance(v, int) else f"<td>{e(v)}</td>" for v in row)
        + "</tr>\n" for row in table.rows)
    empty = "" if impact.changes else f"<p>{e(table.empty)}</p>"
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{e(table.title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
            "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;"
            "vertical-align:top}td.n{text-align:right}</style></head><body>\n"
            f"<h1>{e(table.title)}</h1>\n<p>{e(table.subtitle)}</p>\n{empty}"
            f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n"
            "</body></html>\n")


def _xlsx(impact: Impact, path: Path, lang: Lang) -> None:
    table = impact_table(impact, lang)
    with atomic_path(path) as temporary:
        book = new_workbook(temporary, created=_CREATED, properties={"title": table.title})
        sheet = book.add_worksheet("Tác động" if lang == "vi" else "Impact")
        bold = book.add_format({"bold": True})
        sheet.write(0, 0, table.title, bold)
        sheet.write(1, 0, table.subtitle)
        sheet.write_row(3, 0, table.headers, bold)
        for n, row in enumerate(table.rows, start=4):
            sheet.write_row(n, 0, row)
        if not impact.changes:
            sheet.write(4, 0, table.empty)
        columns = ("model", "subject", "area", "before", "after", "grade_before",
                   "grade_after", "direction", "indicators")

        def header(sheet: Any) -> int:
            sheet.write_row(0, 0, columns, bold)
            return 1

        write_rows_over_sheets(
            book, "Hồ sơ" if lang == "vi" else "Subjects", header,
            ([", ".join(data[c]) if c == "indicators" else data[c] for c in columns]
             for data in (change.to_dict() for change in impact.changes)))
        book.close()
