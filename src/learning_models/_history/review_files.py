"""The review written as one self-contained HTML page (a line chart per model: each area's
rate year by year, the plan's milestones dashed) and as a workbook, both from
`review_tables`; JSON from `Review.to_dict`. Every file is written atomically."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from .._criteria import Lang
from .._documents import atomic_path, new_workbook, write_rows_over_sheets, write_text
from .impact_table import model_word
from .review_model import Review, Series
from .review_table import REVIEW_WORDS, review_tables, series_label

__all__ = ["write_review"]

_CREATED = datetime(2000, 1, 1)
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
            "#17becf", "#7f7f7f", "#bcbd22")
_W, _H, _PAD = 640, 280, 48
#: The page lists this many lost recognitions; the workbook and the JSON list them all.
LOST_SHOWN = 100
_Axis = Callable[[float], float]


def write_review(found: Review, out: Path, lang: Lang = "vi") -> list[Path]:
    """Write ``danh-gia-<period>.html``, ``.xlsx`` and ``review.json`` into `out`."""
    stem = f"danh-gia-{found.period}"
    paths = [out / f"{stem}.html", out / f"{stem}.xlsx", out / "review.json"]
    write_text(paths[0], _html(found, lang))
    _xlsx(found, paths[1], lang)
    write_text(paths[2], found.to_json())
    return paths


def _html(found: Review, lang: Lang) -> str:
    t = review_tables(found, lang)
    e = html.escape
    charts = "".join(_chart(found, model, lang)
                     for model in dict.fromkeys(s.model for s in found.series))
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{e(t.title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
            "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #999;"
            "padding:3px 8px}svg{display:block;margin-bottom:1em}</style></head><body>\n"
            f"<h1>{e(t.title)}</h1>\n<p>{e(t.subtitle)}</p>\n"
            + "".join(f"<p>{e(note)}</p>\n" for note in t.notes) + charts +
            f"<h2>{e(REVIEW_WORDS['goal'][lang])}</h2>\n"
            + f"{_table(t.summary_headers, t.summary_rows)}"
            f"<h2>{e(REVIEW_WORDS['year'][lang])}</h2>\n"
            f"{_table(t.series_headers, t.series_rows)}"
            f"<h2>{e(REVIEW_WORDS['every_year'][lang])}</h2>\n<ul>"
            + "".join(f"<li>{e(model_word(m, lang))}: {n}</li>"
                      for m, n in sorted(found.every_year.items()))
            + f"</ul>\n<h2>{e(REVIEW_WORDS['lost'][lang])}: {len(found.lost)}</h2>\n"
            f"{_table(t.lost_headers, t.lost_rows[:LOST_SHOWN])}{_more(t.lost_rows, lang)}"
            "</body></html>\n")


def _more(rows: Sequence[object], lang: Lang) -> str:
    """The line saying how many lost recognitions the page leaves to the workbook."""
    if len(rows) <= LOST_SHOWN:
        return ""
    return f"<p>{html.escape(REVIEW_WORDS['more'][lang].format(n=len(rows) - LOST_SHOWN))}</p>\n"


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e('' if v is None else str(v))}</td>" for v in row)
                   + "</tr>\n" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n"


def _chart(found: Review, model: str, lang: Lang) -> str:
    """An SVG line chart of the model's rate by year, one line per area (the whole dataset
    and the communes), the milestones dashed."""
    lines = [s for s in found.series if s.model == model and s.level in ("all", "commune")]
    years = found.years
    if not lines or not any(y.rate is not None for s in lines for y in s.years):
        return ""

    def x(year: float) -> float:
        span = (years[-1] - years[0]) or 1
        return _PAD + (year - years[0]) / span * (_W - 2 * _PAD) if len(years) > 1 \
            else _W / 2

    def y(rate: float) -> float:
        return _H - _PAD + rate * -(_H - 2 * _PAD)

    parts = [f'<line x1="{_PAD}" y1="{y(0)}" x2="{_W - _PAD}" y2="{y(0)}" stroke="#333"/>',
             *(f'<text x="{x(yr):.1f}" y="{_H - _PAD + 18}" text-anchor="middle" '
               f'font-size="12">{yr}</text>' for yr in years),
             *(f'<text x="{_PAD - 6}" y="{y(v / 100) + 4:.1f}" text-anchor="end" '
               f'font-size="11">{v}%</text>' for v in (0, 50, 100))]
    parts += _milestones(lines[0], x, y)
    for n, series in enumerate(lines):
        parts += _line(series, _COLOURS[n % len(_COLOURS)], x, y, n, lang)
    title = html.escape(model_word(model, lang))
    height = _H + 16 * len(lines)
    return (f"<h2>{title}</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{_W + 260}\""
            f" height=\"{height}\" role=\"img\" aria-label=\"{title}\">"
            + "".join(parts) + "</svg>\n")


def _milestones(series: Series, x: _Axis, y: _Axis) -> list[str]:
    points = [(p.year, p.milestone) for p in series.years if p.milestone is not None]
    if not points:
        return []
    path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in points)
    return [f'<polyline points="{path}" fill="none" stroke="#000" stroke-dasharray="6 4"/>']


def _line(series: Series, colour: str, x: _Axis, y: _Axis, n: int, lang: Lang,
          ) -> list[str]:
    points = [(p.year, p.rate) for p in series.years if p.rate is not None]
    path = " ".join(f"{x(yr):.1f},{y(rate):.1f}" for yr, rate in points)
    dots = [f'<circle cx="{x(yr):.1f}" cy="{y(rate):.1f}" r="3" fill="{colour}"/>'
            for yr, rate in points]
    label = html.escape(series_label(series, lang))
    return [f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>',
            *dots, f'<text x="{_W - _PAD + 12}" y="{_PAD + 16 * n}" font-size="12" '
                   f'fill="{colour}">{label}</text>']


def _xlsx(found: Review, path: Path, lang: Lang) -> None:
    t = review_tables(found, lang)
    vi = lang == "vi"
    with atomic_path(path) as temporary:
        book = new_workbook(temporary, created=_CREATED, properties={"title": t.title})
        bold = book.add_format({"bold": True})
        for name, headers, rows in (
                ("Tổng hợp" if vi else "Summary", t.summary_headers, t.summary_rows),
                ("Theo năm" if vi else "By year", t.series_headers, t.series_rows),
                ("Mất danh hiệu" if vi else "Lost", t.lost_headers, t.lost_rows)):
            def head(sheet: Any, headers: Sequence[str] = headers) -> int:
                sheet.write(0, 0, t.title, bold)
                sheet.write_column(1, 0, (t.subtitle, *t.notes))
                top = 3 + len(t.notes)
                sheet.write_row(top, 0, headers, bold)
                return top + 1

            write_rows_over_sheets(book, name, head,
                                   (["" if v is None else v for v in row] for row in rows))
        book.close()
