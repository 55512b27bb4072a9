"""The recognition lists of the web report, on pages of their own.

A province's lists run to hundreds of thousands of rows: on the report's page they would make
it too heavy to open, and a phone or a printer could not use it. So each commune's list is
its own self-contained page in a folder beside the report (``bao-cao-<year>-danh-sach/``),
split into pages of `PAGE_ROWS` subjects (``01840.html``, ``01840-2.html`` …), each with a
link back to the report, the pages of the commune, and an anchor per model (its id:
``01840.html#family``) linked from the top of the page. The report's page keeps
a table of contents: every commune, how many subjects it proposes, links to its pages.
Numbering (STT) runs per model across a commune's pages. No scripts, no network.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from typing import NamedTuple

from .report import CommuneList, ListEntry, Report

__all__ = ["PAGE_ROWS", "ListPage", "list_pages", "lists_toc"]

#: Subjects on one page of a commune's list.
PAGE_ROWS = 500

LIST_CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #f3f5f8; color: #1d2733;
  font: 14px/1.45 "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; background: #fff; }
a { color: #1f5c99; }
h1 { font-size: 22px; margin: 8px 0; color: #1f5c99; }
.muted, p.intro, p.rest { color: #5b6675; }
p.rest { font-size: 12px; }
nav { margin: 8px 0; font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 12px; }
nav [aria-current] { font-weight: 700; }
table { border-collapse: collapse; width: 100%; font-size: 13px; table-layout: fixed; }
th, td { border-bottom: 1px solid #d9dee5; padding: 6px 8px; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #eef2f7; }
tr.model th { background: #f8fafc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
col.n { width: 9%; } col.id { width: 22%; } col.name { width: 45%; }
col.score { width: 12%; } col.grade { width: 12%; }
@media (max-width: 600px) {
  main { padding: 12px; }
  table { font-size: 12px; }
  th, td { padding: 5px 4px; }
  col.n { width: 12%; } col.id { width: 24%; } col.name { width: 34%; }
  col.score { width: 17%; } col.grade { width: 13%; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 11px; }
  main { padding: 0; max-width: none; }
  nav { display: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


class ListPage(NamedTuple):
    """One page of a commune's list: its file name in the lists folder and its HTML."""

    name: str
    html: str


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def page_names(commune: CommuneList) -> list[str]:
    """The file names of a commune's pages (at least one, even for an empty list)."""
    stem = commune.code or "khong-ro-dia-ban"
    count = max(1, -(-len(commune.entries) // PAGE_ROWS))
    return [f"{stem}.html" if n == 1 else f"{stem}-{n}.html" for n in range(1, count + 1)]


def lists_toc(report: Report, folder: str) -> str:
    """The report page's lists section: each commune with its count and its pages."""
    head = (f"<th>{_e(report.label('commune'))}</th>"
            f'<th class="num">{_e(report.label("proposed"))}</th>'
            f"<th>{_e(report.label('pages'))}</th>"
            f"<th>{_e(report.label('not_listed'))}</th>")
    rows = []
    for commune in report.lists:
        names = page_names(commune)
        pages = " ".join(f'<a href="{_e(folder)}/{_e(name)}">{n}</a>'
                         for n, name in enumerate(names, start=1))
        code = f' <span class="muted">{_e(commune.code)}</span>' if commune.code else ""
        rows.append(f'<tr id="ds-{_e(commune.code or "khong-ro")}"><td>'
                    f'<a href="{_e(folder)}/{_e(names[0])}">{_e(commune.name)}</a>{code}</td>'
                    f'<td class="num">{_e(report.number(len(commune.entries)))}</td>'
                    f'<td class="pages">{pages}</td>'
                    f'<td class="rest">{_e(commune.rest)}</td></tr>')
    return "\n".join([
        '<section id="danh-sach">', f"<h2>{_e(report.label('lists'))}</h2>",
        f'<p class="intro">{_e(report.label("lists_intro"))} '
        f'{_e(report.label("lists_toc", rows=report.number(PAGE_ROWS)))}</p>',
        '<div class="scroll"><table class="toc">',
        f"<thead><tr>{head}</tr></thead><tbody>", *rows, "</tbody></table></div>",
        "</section>"])


def list_pages(report: Report, main_name: str) -> Iterator[ListPage]:
    """Every page of every commune's list (`main_name`: the report page's file name, which
    the pages link back to)."""
    for commune in report.lists:
        names = page_names(commune)
        numbered = list(_numbered(commune.entries))
        for k, name in enumerate(names):
            rows = numbered[k * PAGE_ROWS:(k + 1) * PAGE_ROWS]
            yield ListPage(name, _page(report, commune, names, k, rows, main_name))


def _numbered(entries: Sequence[ListEntry]) -> Iterator[tuple[int, ListEntry]]:
    """Each entry with its STT, counted per model."""
    model, n = None, 0
    for entry in entries:
        if entry.model != model:
            model, n = entry.model, 0
        n += 1
        yield n, entry


def _page(report: Report, commune: CommuneList, names: Sequence[str], k: int,
          rows: Sequence[tuple[int, ListEntry]], main_name: str) -> str:
    title = f"{commune.name} — {report.label('lists')}"
    pager = _pager(report, names, k)
    last = k == len(names) - 1
    return "\n".join(part for part in [
        "<!DOCTYPE html>", f'<html lang="{report.lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — {_e(report.title)}</title>", f"<style>{LIST_CSS}</style>",
        "</head>", "<body>", "<main>",
        f'<nav aria-label="{_e(report.label("contents"))}"><a href="../{_e(main_name)}#ds-'
        f'{_e(commune.code or "khong-ro")}">{_e(report.label("back_to_report"))}</a></nav>',
        f'<p class="muted">{_e(report.title)}</p>',
        f"<h1>{_e(title)}"
        + (f' <span class="muted">{_e(commune.code)}</span>' if commune.code else "") + "</h1>",
        f'<p class="muted">{_e(report.label("page_of", n=k + 1, pages=len(names)))}</p>',
        _models(rows), pager, _table(report, rows) if rows else
        f'<p class="rest">{_e(report.label("lists_none"))}</p>',
        pager if len(names) > 1 else "",
        f'<p class="rest">{_e(commune.rest)}</p>' if last and commune.rest else "",
        "</main>", "</body>", "</html>"] if part) + "\n"


def _models(rows: Sequence[tuple[int, ListEntry]]) -> str:
    """Links to the models on this page (their anchors)."""
    models = dict.fromkeys((e.model, e.model_title) for _, e in rows)
    if len(models) < 2:
        return ""
    return '<nav class="models">' + "".join(
        f'<a href="#{_e(m)}">{_e(title)}</a>' for m, title in models) + "</nav>"


def _pager(report: Report, names: Sequence[str], k: int) -> str:
    if len(names) == 1:
        return ""
    links = []
    if k > 0:
        links.append(f'<a href="{_e(names[k - 1])}" rel="prev">'
                     f'{_e(report.label("previous_page"))}</a>')
    for n, name in enumerate(names):
        current = ' aria-current="page"' if n == k else ""
        links.append(f'<a href="{_e(name)}"{current}>{n + 1}</a>')
    if k < len(names) - 1:
        links.append(f'<a href="{_e(names[k + 1])}" rel="next">'
                     f'{_e(report.label("next_page"))}</a>')
    return f'<nav class="pages" aria-label="{_e(report.label("pages"))}">{"".join(links)}</nav>'


def _table(report: Report, rows: Sequence[tuple[int, ListEntry]]) -> str:
    head = (f'<th class="num">{_e(report.label("number"))}</th>'
            f"<th>{_e(report.label('id'))}</th><th>{_e(report.label('name'))}</th>"
            f'<th class="num">{_e(report.label("score"))}</th>'
            f"<th>{_e(report.label('grade'))}</th>")
    out = ['<table class="list"><colgroup><col class="n"><col class="id"><col class="name">'
           f'<col class="score"><col class="grade"></colgroup><thead><tr>{head}</tr></thead>'
           "<tbody>"]
    model = None
    for n, e in rows:
        if e.model != model:
            model = e.model
            out.append(f'<tr class="model" id="{_e(e.model)}"><th colspan="5">'
                       f"{_e(e.model_title)}</th></tr>")
        out.append(f'<tr><td class="num">{n}</td><td>{_e(e.id)}</td><td>{_e(e.name)}</td>'
                   f'<td class="num">{_e(report.number(e.total))}/'
                   f"{_e(report.number(e.max_total))}</td><td>{_e(e.grade)}</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)
