"""The annual report as one self-contained web page (``bao-cao-<year>.html``).

Inline CSS and inline SVG charts: no network, no scripts. Under the cover, a notice says
which criteria sets were applied and how many of their indicators are verified against the
original documents. The page then shows the summary against the targets, then per model a
bar chart of each commune's rate against the target line and the per-commune figures, then
the recognition lists per commune (the subjects proposed for recognition; how many others
``results.csv`` holds), then the sources. A print stylesheet puts each section on its own A4
page and repeats table headers. The same report gives the same bytes; the file is written
atomically.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from html import escape

from .._documents import write_text
from .report import CommuneList, Figure, ModelTable, Report

__all__ = ["render_html", "write_html"]

CSS = """
:root { --ink: #1d2733; --muted: #5b6675; --line: #d9dee5; --head: #eef2f7;
  --accent: #1f5c99; --ok: #2e7d32; --ok-bg: #e6f4e7; --short: #b3261e; --short-bg: #fdecea;
  --bar: #e08a1e; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f5f8; color: var(--ink); line-height: 1.45;
  font: 14px/1.45 "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
header.cover { background: var(--accent); color: #fff; border-radius: 10px;
  padding: 28px 32px; }
header.cover .kicker { margin: 0 0 6px; font-size: 13px; opacity: .85; }
header.cover h1 { margin: 0; font-size: 26px; line-height: 1.25; }
header.cover .subtitle { margin: 6px 0 18px; font-size: 18px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0;
  font-size: 13px; }
dl.meta dt { opacity: .8; }
dl.meta dd { margin: 0; }
nav.contents { margin: 16px 0 0; font-size: 13px; }
nav.contents a { color: var(--accent); margin-right: 14px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 20px 24px; margin: 20px 0; }
h2 { margin: 0 0 6px; font-size: 20px; color: var(--accent); }
h3 { margin: 22px 0 8px; font-size: 16px; }
p.intro { margin: 0 0 14px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left;
  vertical-align: top; }
thead th { background: var(--head); font-weight: 600; border-bottom: 2px solid #c5cdd8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.total td { font-weight: 600; background: #f8fafc; }
tr.top td { font-weight: 600; }
td.area-commune { padding-left: 22px; }
.cell .rate { font-size: 16px; font-weight: 700; }
.cell .frac, .cell .gap, .muted { color: var(--muted); font-size: 12px; }
.cell .frac, .cell .gap { display: block; font-weight: 400; }
td.assessment { min-width: 200px; }
.met { color: var(--ok); }
.short { color: var(--short); }
th .target { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
table.list { table-layout: fixed; }
table.list td:first-child, table.list td:nth-child(4) { text-align: right;
  font-variant-numeric: tabular-nums; }
table.list tr.model th { background: #f8fafc; font-weight: 600; }
p.rest { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
aside.notice { background: #fff8e6; border: 1px solid #e8c36a; border-left: 6px solid
  var(--bar); border-radius: 10px; padding: 14px 20px; margin: 16px 0 0; }
aside.notice.verified { background: var(--ok-bg); border-color: #9fd0a3;
  border-left-color: var(--ok); }
aside.notice h2 { font-size: 16px; color: #8a5300; margin: 0 0 6px; }
aside.notice.verified h2 { color: var(--ok); }
aside.notice ul { margin: 0; padding-left: 20px; }
aside.notice p { margin: 8px 0 0; font-weight: 600; }
aside.quality { background: #fdecec; border: 1px solid #e0a0a0; border-left: 6px solid
  #b42318; border-radius: 10px; padding: 14px 20px; margin: 16px 0 0; }
aside.quality h2 { font-size: 16px; color: #b42318; margin: 0 0 6px; }
aside.quality ul { margin: 0; padding-left: 20px; }
p.quality-mark { display: inline-block; background: #b42318; color: #fff; font-weight: 700;
  border-radius: 6px; padding: 2px 10px; margin: 6px 0 0; }
figure.chart { margin: 8px 0 16px; }
figure.chart svg { width: 100%; height: auto; max-width: 860px; display: block; }
figure.chart figcaption { color: var(--muted); font-size: 12px; }
p.footnote { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
ul.notes { margin: 8px 0 0; padding-left: 20px; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  header.cover { background: none; color: var(--ink); border: 2px solid var(--accent);
    break-after: avoid; }
  nav.contents { display: none; }
  section { border: none; border-radius: 0; padding: 0; margin: 0;
    break-before: page; }
  section#tong-hop { break-before: auto; margin-top: 16px; }
  thead { display: table-header-group; }
  tr, figure.chart, aside.notice { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def write_html(report: Report, path: str | os.PathLike[str]) -> None:
    """Write `report` as a self-contained page at `path` (atomically, reproducibly)."""
    write_text(path, render_html(report))


def render_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{report.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        _cover(report),
        *filter(None, [quality_html(report)]),
        _notice(report),
        _summary(report),
        *(_model_section(report, table) for table in report.tables),
        _lists(report),
        _sources(report),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _anchor(key: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in key.lower())


def _cover(report: Report) -> str:
    meta = [(report.label("year"), str(report.year)),
            (report.label("targets"), report.targets_title or report.targets_id
             or report.label("no_targets")),
            (report.label("records"), report.label(
                "input_rows", rows=report.number(report.input_rows),
                evaluated=report.number(report.evaluated),
                rejected=report.number(report.rejected))),
            (report.label("sets"), ", ".join(s.id for s in report.sets))]
    links = [("tong-hop", report.label("summary")),
             *((f"mo-hinh-{_anchor(t.model)}", t.title) for t in report.tables),
             ("danh-sach", report.label("lists")), ("nguon", report.label("sources"))]
    return "\n".join([
        '<header class="cover">',
        f'<p class="kicker">{_e(report.label("programme"))}</p>',
        f"<h1>{_e(report.title)}</h1>",
        *([f'<p class="quality-mark">{_e(report.quality_mark)}</p>']
          if report.quality_mark else []),
        f'<p class="subtitle">{_e(report.subtitle)}</p>' if report.subtitle else "",
        '<dl class="meta">',
        *(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in meta),
        "</dl>",
        "</header>",
        f'<nav class="contents" aria-label="{_e(report.label("contents"))}">'
        + "".join(f'<a href="#{a}">{_e(t)}</a>' for a, t in links) + "</nav>",
    ])


def quality_html(report: Report) -> str:
    """The data-quality section: first under the cover, when the data has problems."""
    if not report.quality:
        return ""
    return "\n".join([
        '<aside class="quality" id="chat-luong-so-lieu" role="alert">',
        f"<h2>{_e(report.label('quality'))}</h2>",
        f"<p>{_e(report.label('quality_intro'))}</p>",
        "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in report.quality) + "</ul>",
        "</aside>"])


def _notice(report: Report) -> str:
    """Which sets were applied and how far they are verified: near the top, never missed."""
    notice = report.notice
    if notice is None:
        return ""
    css = "notice" if notice.unverified else "notice verified"
    return "\n".join(part for part in [
        f'<aside class="{css}" id="luu-y" role="note">',
        f"<h2>{_e(notice.heading)}</h2>",
        "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in notice.lines) + "</ul>",
        f"<p>{_e(notice.closing)}</p>" if notice.closing else "",
        "</aside>",
    ] if part)


def _state(figure: Figure) -> str:
    return "" if figure.met is None else " met" if figure.met else " short"


def _dagger(figure: Figure) -> str:
    return "" if figure.denominator_kind == "area_total" else "†"


def _summary(report: Report) -> str:
    targets: dict[str, Figure] = {}
    for area in report.summary:
        for shown in area.figures:
            if shown.target is not None:
                targets.setdefault(shown.key, shown)
    head = [f"<th>{_e(report.label('area'))}</th>"]
    for key, label in report.indicators:
        first = targets.get(key)
        target = "" if first is None or first.target is None else \
            (f'<span class="target">{_e(report.label("target"))} '
             f"{_e(report.percent(first.target))} ({first.milestone_year})</span>")
        head.append(f"<th>{_e(label)}{target}</th>")
    rows = []
    for area in report.summary:
        by_key = {f.key: f for f in area.figures}
        css = "total" if area.level == "all" else "top" if area.level != "commune" else ""
        cells = [f'<td class="area-{area.level}">{_e(area.name)}'
                 f'<span class="muted"> {_e(area.code) if area.level != "all" else ""}'
                 f"</span></td>"]
        for key, _ in report.indicators:
            figure = by_key.get(key)
            if figure is None:
                cells.append('<td class="cell muted">—</td>')
                continue
            gap = ""
            if figure.gap is not None:
                gap = _e(report.label("still", gap=report.number(figure.gap))
                         if figure.gap else report.label("met_short"))
                gap = f'<span class="gap" title="{_e(figure.assessment)}">{gap}</span>'
            cells.append(
                f'<td class="cell"><span class="rate{_state(figure)}">'
                f"{_e(report.percent(figure.rate) or '—')}</span>"
                f'<span class="frac">{report.number(figure.reached)}/'
                f"{report.number(figure.denominator)}{_dagger(figure)}</span>{gap}</td>")
        rows.append(f'<tr class="{css}">' + "".join(cells) + "</tr>")
    return "\n".join([
        '<section id="tong-hop">',
        f"<h2>{_e(report.label('summary'))}</h2>",
        f'<p class="intro">{_e(report.label("summary_intro"))}</p>',
        "<table>",
        "<thead><tr>" + "".join(head) + "</tr></thead>",
        "<tbody>", *rows, "</tbody>",
        "</table>",
        f'<p class="footnote">{_e(report.label("subjects_note"))}</p>',
        _notes(report),
        "</section>",
    ])


def _notes(report: Report) -> str:
    if not report.notes:
        return ""
    return (f"<h3>{_e(report.label('notes'))}</h3><ul class=\"notes\">"
            + "".join(f"<li>{_e(n)}</li>" for n in report.notes) + "</ul>")


def _model_section(report: Report, table: ModelTable) -> str:
    years = report.previous_years
    assessed = any(r.figure.assessment for r in table.rows)
    head = [(report.label("code"), ""), (report.label("commune"), ""),
            (report.label("subjects"), "num"), (report.label("recognised"), "num"),
            (report.label("not_recognised"), "num"), (report.label("incomplete"), "num"),
            (report.label("rejected"), "num"), (report.label("denominator"), "num"),
            (report.label("rate"), "num"),
            *([(report.label("assessment"), "")] if assessed else []),
            *((report.label("change", year=y), "num") for y in years)]
    rows = []
    for row in table.rows:
        f = row.figure
        by_year = {c.year: c for c in f.changes}
        cells = [
            ("" if row.code == "*" else row.code, ""), (row.name, ""),
            (report.number(row.subjects), "num"), (report.number(row.recognised), "num"),
            (report.number(row.not_recognised), "num"), (report.number(row.incomplete), "num"),
            (report.number(row.rejected), "num"),
            (report.number(f.denominator) + _dagger(f), "num"),
            (report.percent(f.rate), f"num{_state(f)}"),
            *([(f.assessment, "assessment")] if assessed else []),
            *((report.change_text(by_year[y]) if y in by_year else "", "num")
              for y in years),
        ]
        css = ' class="total"' if row.code == "*" else ""
        rows.append(f"<tr{css}>" + "".join(f'<td class="{c}">{_e(v)}</td>' if c else
                                           f"<td>{_e(v)}</td>" for v, c in cells) + "</tr>")
    return "\n".join([
        f'<section id="mo-hinh-{_anchor(table.model)}">',
        f"<h2>{_e(table.title)}</h2>",
        _chart(report, table),
        "<table>",
        "<thead><tr>" + "".join(f'<th class="{c}">{_e(h)}</th>' if c else f"<th>{_e(h)}</th>"
                                for h, c in head) + "</tr></thead>",
        "<tbody>", *rows, "</tbody>",
        "</table>",
        "</section>",
    ])


def _chart(report: Report, table: ModelTable) -> str:
    """Horizontal bars: each commune's rate, with the target as a dashed line."""
    rows = [r for r in table.rows if r.code != "*"]
    if not rows:
        return ""
    width, left, right, top, row_h, bottom = 860, 230, 70, 30, 28, 26
    span = width - left - right
    height = top + row_h * len(rows) + bottom
    target = table.target
    title = report.label("chart", target=report.percent(target), year=table.milestone_year) \
        if target is not None else report.label("chart_no_target")
    out = [f'<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'aria-label="{_e(title)}" font-family="Noto Sans, DejaVu Sans, Arial, sans-serif">',
           f"<title>{_e(title)}</title>"]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * span
        out.append(f'<line x1="{x:g}" y1="{top - 6}" x2="{x:g}" y2="{height - bottom}" '
                   f'stroke="#e3e7ed" stroke-width="1"/>')
        out.append(f'<text x="{x:g}" y="{height - bottom + 16}" font-size="11" '
                   f'fill="#5b6675" text-anchor="middle">{_e(report.percent(tick))}</text>')
    for n, row in enumerate(rows):
        f = row.figure
        y = top + n * row_h
        rate = f.rate
        colour = "#9aa5b1" if f.met is None else "#2e7d32" if f.met else "#e08a1e"
        out.append(f'<text x="{left - 8}" y="{y + row_h / 2 + 4:g}" font-size="12" '
                   f'fill="#1d2733" text-anchor="end">{_e(_short(row.name, 34))}</text>')
        if rate is not None:
            bar = min(rate, 1.0) * span
            out.append(f'<rect x="{left}" y="{y + 5}" width="{bar:.1f}" height="{row_h - 10}" '
                       f'rx="3" fill="{colour}"/>')
            out.append(f'<text x="{left + bar + 6:.1f}" y="{y + row_h / 2 + 4:g}" '
                       f'font-size="12" fill="#1d2733">{_e(report.percent(rate))}'
                       f"{_dagger(f)}</text>")
    if target is not None:
        x = left + min(target, 1.0) * span
        out.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{height - bottom}" '
                   f'stroke="#b3261e" stroke-width="2" stroke-dasharray="6 4"/>')
        out.append(f'<text x="{x:.1f}" y="{top - 12}" font-size="11" fill="#b3261e" '
                   f'text-anchor="{"end" if target > 0.8 else "middle"}">'
                   f'{_e(report.label("target"))} {_e(report.percent(target))}</text>')
    out.append("</svg>")
    out.append(f"<figcaption>{_e(title)}</figcaption></figure>")
    return "\n".join(out)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _lists(report: Report) -> str:
    """Per commune, the subjects proposed for recognition, numbered per model under the
    model's name, then how many were not listed (not recognised, incomplete)."""
    head = "".join(f'<th class="{c}">{_e(h)}</th>' if c else f"<th>{_e(h)}</th>" for h, c in (
        (report.label("number"), "num"), (report.label("id"), ""), (report.label("name"), ""),
        (report.label("score"), "num"), (report.label("grade"), "")))
    parts = ['<section id="danh-sach">', f"<h2>{_e(report.label('lists'))}</h2>",
             f'<p class="intro">{_e(report.label("lists_intro"))}</p>']
    for commune in report.lists:
        parts.append(f"<h3>{_e(commune.name)}"
                     + (f' <span class="muted">{_e(commune.code)}</span>' if commune.code
                        else "") + "</h3>")
        if commune.entries:
            parts.append('<table class="list"><colgroup><col style="width:8%">'
                         '<col style="width:22%"><col style="width:46%">'
                         '<col style="width:12%"><col style="width:12%"></colgroup>'
                         f"<thead><tr>{head}</tr></thead><tbody>")
            parts.extend(_entries(report, commune))
            parts.append("</tbody></table>")
        else:
            parts.append(f'<p class="rest">{_e(report.label("lists_none"))}</p>')
        if commune.rest:
            parts.append(f'<p class="rest">{_e(commune.rest)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _entries(report: Report, commune: CommuneList) -> Iterator[str]:
    """The rows, a heading row where the model changes; compact (the lists are long)."""
    model, n = None, 0
    for e in commune.entries:
        if e.model != model:
            model, n = e.model, 0
            yield f'<tr class="model"><th colspan="5">{_e(e.model_title)}</th></tr>'
        n += 1
        yield (f"<tr><td>{n}</td><td>{_e(e.id)}</td><td>{_e(e.name)}</td>"
               f"<td>{_e(report.number(e.total))}/{_e(report.number(e.max_total))}</td>"
               f"<td>{_e(e.grade)}</td></tr>")


def _sources(report: Report) -> str:
    rows = "".join(f"<tr><td>{_e(s.title)}</td><td><code>{_e(s.id)}</code></td>"
                   f"<td>{_e(s.period)}</td>"
                   f"<td>{_e(s.document or report.label('no_document'))}</td>"
                   f'<td class="num">{_e(report.verified_text(s))}</td>'
                   f"<td><code>{_e(s.content_hash[:16])}</code></td></tr>"
                   for s in report.sets)
    generated = report.label("generated", year=report.year, engine=report.engine)
    targets = report.targets_id or report.label("no_targets")
    if report.targets_title:
        targets = f"{report.targets_title} ({targets})"
    return "\n".join(part for part in [
        '<section id="nguon">',
        f"<h2>{_e(report.label('sources'))}</h2>",
        "<table><thead><tr>"
        f"<th>{_e(report.label('model'))}</th><th>{_e(report.label('sets'))}</th>"
        f"<th>{_e(report.label('period'))}</th><th>{_e(report.label('document'))}</th>"
        f'<th class="num">{_e(report.label("verified"))}</th>'
        f"<th>{_e(report.label('hash'))}</th></tr></thead><tbody>{rows}</tbody></table>",
        _overlays(report),
        f"<p><strong>{_e(report.label('targets'))}:</strong> {_e(targets)}</p>",
        f'<p class="footnote">{_e(generated)}</p>',
        "</section>",
    ] if part)


def _overlays(report: Report) -> str:
    """The overlays applied to each set (name, plugin, changes); nothing when none were."""
    rows = "".join(
        f"<tr><td><code>{_e(o.name)}</code></td><td><code>{_e(s.id)}</code></td>"
        f"<td>{_e(o.plugin or report.label('overlay_file'))}</td>"
        f"<td>{'<br>'.join(_e(c) for c in o.changes)}</td></tr>"
        for s in report.sets for o in s.overlays)
    if not rows:
        return ""
    return (f"<h3>{_e(report.label('overlays'))}</h3>"
            "<table><thead><tr>"
            f"<th>{_e(report.label('overlays'))}</th><th>{_e(report.label('sets'))}</th>"
            f"<th>{_e(report.label('overlay_plugin'))}</th>"
            f"<th>{_e(report.label('overlay_changes'))}</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>")
