"""The annual report as one self-contained web page (``bao-cao-<year>.html``).

Inline CSS, charts drawn with CSS: no network, no scripts. Under the cover, a notice says
which criteria sets were applied and how many of their indicators are verified against the
original documents. The page then shows the summary against the targets, then per model a
bar chart of each commune's rate against the target line and the per-commune figures, then a
table of contents of the recognition lists — each commune's list is on pages of its own in a
folder beside the page (`html_lists`), so the page stays small whatever the number of
subjects — then the sources.

The chart is HTML: each commune a row of name, bar track and value, the target a dashed line
inside the tracks; so its text keeps the page's font size on any screen (an SVG scaled to a
phone would shrink it) and the values, in a column of their own, are never crossed by the
target line. On a narrow screen (a phone) wide tables scroll inside their box, never the
page. A print stylesheet puts each section on its own A4 page and repeats table headers. The
same report gives the same bytes; every file is written atomically.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from .._documents import write_text
from .html_lists import list_pages, lists_toc
from .report import Figure, ModelTable, Report

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
div.scroll { overflow-x: auto; max-width: 100%; }
table.toc td.rest { color: var(--muted); font-size: 12px; }
table.toc td.pages a { margin-right: 6px; }
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
figure.chart { margin: 8px 0 16px; max-width: 860px; }
.bars { display: grid; grid-template-columns: minmax(0, 14em) minmax(0, 1fr) 4.5em;
  gap: 4px 10px; align-items: center; font-size: 12px; }
.bars .name { text-align: right; overflow-wrap: anywhere; }
.bars .value { font-variant-numeric: tabular-nums; }
.bars .track { position: relative; height: 18px; background: #f1f3f6; border-radius: 3px; }
.bars .bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px;
  background: #9aa5b1; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bars .bar.met { background: var(--ok); }
.bars .bar.short { background: var(--bar); }
.bars .goal { position: absolute; top: -3px; bottom: -3px; width: 0;
  border-left: 2px dashed var(--short); }
.bars .axis { position: relative; height: 16px; color: var(--muted); font-size: 11px; }
.bars .axis span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.bars .axis span:first-child { transform: none; }
.bars .axis span:last-child { transform: translateX(-100%); }
.bars .goal-label { position: relative; height: 16px; color: var(--short); font-size: 11px; }
.bars .goal-label span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.bars .goal-label span.end { transform: translateX(-100%); }
figure.chart figcaption { color: var(--muted); font-size: 12px; margin-top: 6px; }
p.footnote { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
ul.notes { margin: 8px 0 0; padding-left: 20px; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px;
  overflow-wrap: anywhere; }
@media (max-width: 600px) {
  main { padding: 10px; }
  header.cover { padding: 18px 16px; }
  header.cover h1 { font-size: 21px; }
  section { padding: 14px 12px; }
  dl.meta { grid-template-columns: 1fr; gap: 0; }
  dl.meta dd { margin-bottom: 6px; overflow-wrap: anywhere; }
  .bars { grid-template-columns: minmax(0, 8.5em) minmax(0, 1fr) 3.8em; gap: 4px 6px; }
  td.assessment { min-width: 160px; }
}
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
  div.scroll { overflow: visible; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def write_html(report: Report, path: str | os.PathLike[str]) -> list[Path]:
    """Write `report` as a self-contained page at `path` and each commune's recognition list
    in the folder ``<path's stem>-danh-sach`` beside it (every file atomically,
    reproducibly); the files written, the page first."""
    page = Path(path)
    folder = page.with_name(f"{page.stem}-danh-sach")
    write_text(page, render_html(report, lists_folder=folder.name))
    written = [page]
    for listed in list_pages(report, page.name):
        write_text(folder / listed.name, listed.html)
        written.append(folder / listed.name)
    return written


def render_html(report: Report, *, lists_folder: str | None = None) -> str:
    """The report's page; its lists' table of contents links into `lists_folder` (by
    default ``bao-cao-<year>-danh-sach``, where `write_html` puts them)."""
    year = "" if report.year is None else f"-{report.year}"
    folder = lists_folder or f"bao-cao{year}-danh-sach"
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
        lists_toc(report, folder),
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
    return ("" if figure.denominator_kind == "area_total" else "†") + \
        ("‡" if figure.counted else "")


def _counted_note(report: Report) -> list[str]:
    """``‡ …``: which sets the targets that name their sets count (none: no line)."""
    sets = sorted({s for area in report.summary for f in area.figures for s in f.counted})
    if not sets:
        return []
    return [f'<p class="footnote">{_e(report.label("counted_note", sets=", ".join(sets)))}</p>']


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
        '<div class="scroll"><table>',
        "<thead><tr>" + "".join(head) + "</tr></thead>",
        "<tbody>", *rows, "</tbody>",
        "</table></div>",
        f'<p class="footnote">{_e(report.label("subjects_note"))}</p>',
        *_counted_note(report),
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
        '<div class="scroll"><table>',
        "<thead><tr>" + "".join(f'<th class="{c}">{_e(h)}</th>' if c else f"<th>{_e(h)}</th>"
                                for h, c in head) + "</tr></thead>",
        "<tbody>", *rows, "</tbody>",
        "</table></div>",
        *_by_set(report, table),
        "</section>",
    ])


def _by_set(report: Report, table: ModelTable) -> list[str]:
    """Under a model whose records went to several sets: its figures per set."""
    if not table.by_set:
        return []
    head = [report.label("set_id"), report.label("name"), report.label("set_applies_to"),
            report.label("evaluated"), report.label("recognised"),
            report.label("not_recognised"), report.label("incomplete")]
    rows = ["<tr>" + "".join(
        [f"<td>{_e(s.id)}</td>", f"<td>{_e(s.title)}</td>", f"<td>{_e(s.applies_to)}</td>",
         *(f'<td class="num">{_e(report.number(v))}</td>'
           for v in (s.evaluated, s.recognised, s.not_recognised, s.incomplete))]) + "</tr>"
            for s in table.by_set]
    return [f"<h3>{_e(report.label('by_set'))}</h3>", '<div class="scroll"><table>',
            "<thead><tr>" + "".join(f"<th>{_e(h)}</th>" if k < 3 else
                                    f'<th class="num">{_e(h)}</th>'
                                    for k, h in enumerate(head)) + "</tr></thead>",
            "<tbody>", *rows, "</tbody>", "</table></div>"]


def _chart(report: Report, table: ModelTable) -> str:
    """Horizontal bars: each commune's rate, with the target as a dashed line."""
    rows = [r for r in table.rows if r.code != "*"]
    if not rows:
        return ""
    target = table.target
    title = report.label("chart", target=report.percent(target), year=table.milestone_year) \
        if target is not None else report.label("chart_no_target")
    goal = "" if target is None else \
        f'<span class="goal" style="left:{_share(target)}"></span>'
    out = [f'<figure class="chart" role="img" aria-label="{_e(title)}"><div class="bars">']
    if target is not None:
        end = ' class="end"' if target > 0.85 else ""
        out.append(f'<span></span><div class="goal-label"><span{end} style="left:'
                   f'{_share(target)}">{_e(report.label("target"))} '
                   f"{_e(report.percent(target))}</span></div><span></span>")
    for row in rows:
        f = row.figure
        bar = "" if f.rate is None else \
            f'<span class="bar{_state(f)}" style="width:{_share(f.rate)}"></span>'
        value = "" if f.rate is None else f"{report.percent(f.rate)}{_dagger(f)}"
        out.append(f'<span class="name">{_e(row.name)}</span>'
                   f'<span class="track">{bar}{goal}</span>'
                   f'<span class="value">{_e(value)}</span>')
    ticks = "".join(f'<span style="left:{_share(tick)}">{_e(report.percent(tick))}</span>'
                    for tick in (0, 0.25, 0.5, 0.75, 1.0))
    out.append(f'<span></span><div class="axis">{ticks}</div><span></span>')
    out.append(f"</div><figcaption>{_e(title)}</figcaption></figure>")
    return "\n".join(out)


def _share(rate: float) -> str:
    """A rate as a CSS length along the track (0–100 %)."""
    return f"{max(0.0, min(rate, 1.0)) * 100:.1f}%"


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
        '<div class="scroll"><table><thead><tr>'
        f"<th>{_e(report.label('model'))}</th><th>{_e(report.label('sets'))}</th>"
        f"<th>{_e(report.label('period'))}</th><th>{_e(report.label('document'))}</th>"
        f'<th class="num">{_e(report.label("verified"))}</th>'
        f"<th>{_e(report.label('hash'))}</th></tr></thead><tbody>{rows}</tbody></table></div>",
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
            '<div class="scroll"><table><thead><tr>'
            f"<th>{_e(report.label('overlays'))}</th><th>{_e(report.label('sets'))}</th>"
            f"<th>{_e(report.label('overlay_plugin'))}</th>"
            f"<th>{_e(report.label('overlay_changes'))}</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></div>")
