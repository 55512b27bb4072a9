"""The annual report as an Excel workbook (``bao-cao-<year>.xlsx``).

Sheets: the summary ("Tổng hợp": above its table, the notice on the criteria sets applied
and how many of their indicators are verified; then the area reported on, each district and
commune under it, against the targets), one sheet per model with its per-commune figures,
the recognition lists ("Danh sách đề nghị công nhận": the subjects proposed for recognition
by commune with their score and grade, then per commune how many were not listed — not
recognised, incomplete — which results.csv holds; a list longer than a sheet holds, a
province's, goes on as many sheets as it needs, "Danh sách đề nghị công nhận (2)" …, each with
its title and header, the numbers going on) and the sources (criteria sets with their
source documents, verified indicators and content hashes, targets, notes). Headers are
frozen, columns sized to their contents, rates formatted as percentages with one decimal.

The workbook is built in memory with fixed document dates (15 December of the data year), so
the same report gives the same bytes; it is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .._documents import atomic_path, new_workbook
from .report import Figure, Report
from .xlsx_charts import add_rate_chart

__all__ = ["sheet_names", "write_xlsx"]

_MAX_WIDTH = 60
#: Rows of the recognition list on one sheet: a sheet holds 1,048,576 rows (rows past it
#: would be dropped without a word), and its title, header and the table of the communes'
#: other subjects must fit too.
LIST_ROWS = 1_000_000
_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_xlsx(report: Report, path: str | os.PathLike[str]) -> None:
    """Write `report` as a workbook at `path` (atomically, reproducibly)."""
    with atomic_path(path) as temporary:
        book = new_workbook(
            temporary, created=datetime(report.year or 2000, 12, 15),
            options={"strings_to_numbers": False, "strings_to_formulas": False,
                     "strings_to_urls": False},
            properties={"title": report.title, "subject": report.subtitle,
                        "author": report.engine, "company": ""})
        try:
            styles = _styles(book)
            parts = _list_parts(report)
            names = sheet_names(report, len(parts))
            _summary(book.add_worksheet(names[0]), report, styles)
            models = len(report.tables)
            for table, name in zip(report.tables, names[1:1 + models], strict=True):
                _model_sheet(book, book.add_worksheet(name), report, table, styles)
            for k, part in enumerate(parts):
                _lists(book.add_worksheet(names[1 + models + k]), report, styles, part,
                       (k + 1, len(parts)))
            _sources(book.add_worksheet(names[-1]), report, styles)
        finally:
            book.close()


def sheet_names(report: Report, list_sheets: int = 1) -> list[str]:
    """Summary, one per model (its title), the lists (on `list_sheets` sheets), the sources
    — valid and unique."""
    wanted = [report.label("summary"), *(t.short_title for t in report.tables),
              *[report.label("lists")] * list_sheets, report.label("sources")]
    names: list[str] = []
    for name in wanted:
        clean = name.translate(_FORBIDDEN).strip()[:31] or "Sheet"
        candidate, n = clean, 2
        while candidate.casefold() in (x.casefold() for x in names):
            suffix = f" ({n})"                      # a name holds at most 31 characters
            candidate = f"{clean[:31 - len(suffix)]}{suffix}"
            n += 1
        names.append(candidate)
    return names


def _styles(book: Any) -> dict[str, Any]:
    base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
    return {
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "subtitle": book.add_format({**base, "italic": True, "font_color": "#444444"}),
        "header": book.add_format({**base, "bold": True, "bg_color": "#DCE6F1", "border": 1,
                                   "text_wrap": True, "valign": "vcenter"}),
        "text": book.add_format({**base, "border": 1}),
        "wrap": book.add_format({**base, "border": 1, "text_wrap": True}),
        "int": book.add_format({**base, "border": 1, "num_format": "#,##0"}),
        "year": book.add_format({**base, "border": 1, "num_format": "0"}),
        "score": book.add_format({**base, "border": 1}),
        "pct": book.add_format({**base, "border": 1, "num_format": "0.0%"}),
        "pct_met": book.add_format({**base, "border": 1, "num_format": "0.0%",
                                    "font_color": "#006100", "bg_color": "#C6EFCE"}),
        "pct_short": book.add_format({**base, "border": 1, "num_format": "0.0%",
                                      "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
        "bold": book.add_format({**base, "border": 1, "bold": True}),
        "group": book.add_format({**base, "bold": True, "bg_color": "#F2F2F2", "border": 1}),
        "notice": book.add_format({**base, "bold": True, "font_color": "#8A5300"}),
        "plain": book.add_format(base),
    }


class _Sheet:
    """Writes rows and remembers each column's widest text, to size the columns."""

    def __init__(self, sheet: Any, styles: dict[str, Any]) -> None:
        self.sheet = sheet
        self.styles = styles
        self.widths: dict[int, int] = {}
        self.row = 0

    def put(self, col: int, value: object, style: str, *, measure: bool = True) -> None:
        fmt = self.styles[style]
        if value is None or value == "":
            self.sheet.write_blank(self.row, col, None, fmt)
            return
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, int | float):
            self.sheet.write_number(self.row, col, value, fmt)
            shown = f"{value * 100:.1f}%" if style.startswith("pct") else \
                str(value) if style == "year" else f"{value:,}"
        else:
            self.sheet.write_string(self.row, col, str(value), fmt)
            shown = str(value)
        if measure:
            self.widths[col] = max(self.widths.get(col, 0), len(shown))

    def line(self, values: Sequence[tuple[object, str]]) -> None:
        for col, (value, style) in enumerate(values):
            self.put(col, value, style)
        self.row += 1

    def header(self, labels: Sequence[str]) -> int:
        for col, label in enumerate(labels):
            self.sheet.write_string(self.row, col, label, self.styles["header"])
            longest = max((len(w) for w in label.split()), default=0)
            self.widths[col] = max(self.widths.get(col, 0), longest + 2, min(len(label), 14))
        self.sheet.set_row(self.row, 30)
        self.row += 1
        return self.row - 1

    def title(self, text: str, subtitle: str = "", lines: Sequence[tuple[str, str]] = (),
              ) -> None:
        """The title, the subtitle, then `lines` (text, style) above the table."""
        self.sheet.write_string(0, 0, text, self.styles["title"])
        if subtitle:
            self.sheet.write_string(1, 0, subtitle, self.styles["subtitle"])
        self.row = 2
        for line, style in lines:
            self.row += 1
            self.sheet.write_string(self.row, 0, line, self.styles[style])
        self.row += 2 if lines else 1

    def finish(self, header_row: int, first_columns: int = 0) -> None:
        for col, width in sorted(self.widths.items()):
            self.sheet.set_column(col, col, min(max(width + 2, 6), _MAX_WIDTH))
        self.sheet.freeze_panes(header_row + 1, first_columns)
        self.sheet.set_landscape()
        self.sheet.set_paper(9)               # A4
        self.sheet.fit_to_pages(1, 0)
        self.sheet.repeat_rows(header_row)


def _pct_style(figure: Figure) -> str:
    if figure.rate is None or figure.met is None:
        return "pct"
    return "pct_met" if figure.met else "pct_short"


def _change_columns(report: Report) -> list[str]:
    labels = []
    for year in report.previous_years:
        labels += [report.label("rate_in", year=year), report.label("change", year=year)]
    return labels


def _change_values(report: Report, figure: Figure) -> list[tuple[object, str]]:
    values: list[tuple[object, str]] = []
    by_year = {c.year: c for c in figure.changes}
    for year in report.previous_years:
        change = by_year.get(year)
        values += [(None if change is None else change.rate, "pct"),
                   ("" if change is None else report.change_text(change), "text")]
    return values


def _summary(sheet: Any, report: Report, styles: dict[str, Any]) -> None:
    out = _Sheet(sheet, styles)
    out.title(report.title, _subtitle(report), [*_quality_lines(report),
                                                *_notice_lines(report)])
    header = out.header([report.label("area"), report.label("code"), report.label("level"),
                         report.label("indicator"), report.label("reached"),
                         report.label("denominator"), report.label("denominator_kind"),
                         report.label("rate"), report.label("target"),
                         report.label("milestone"), report.label("gap"),
                         report.label("assessment"), *_change_columns(report)])
    for area in report.summary:
        for figure in area.figures:
            out.line([(area.name, "bold" if area.level != "commune" else "text"),
                      (area.code if area.level != "all" else "", "text"),
                      (area.level_label, "text"), (figure.label, "text"),
                      (figure.reached, "int"), (figure.denominator, "int"),
                      (report.basis(figure), "text"), (figure.rate, _pct_style(figure)),
                      (figure.target, "pct"), (figure.milestone_year, "year"),
                      (figure.gap, "int"), (figure.assessment, "text"),
                      *_change_values(report, figure)])
    sheet.autofilter(header, 0, max(out.row - 1, header), 11 + 2 * len(report.previous_years))
    out.finish(header, 1)


def _quality_lines(report: Report) -> list[tuple[str, str]]:
    """The title area's mark and the data-quality section, when the data has problems."""
    if not report.quality:
        return []
    head = [(report.quality_mark, "notice")] if report.quality_mark else []
    return [*head, (report.label("quality"), "notice"), (report.label("quality_intro"), "plain"),
            *((line, "plain") for line in report.quality)]


def _notice_lines(report: Report) -> list[tuple[str, str]]:
    """The notice on the sets applied: its heading, a line per set and overlay, the closing."""
    notice = report.notice
    if notice is None:
        return []
    return [(notice.heading, "notice"), *((line, "plain") for line in notice.lines),
            *([(notice.closing, "notice")] if notice.closing else [])]


def _subtitle(report: Report) -> str:
    parts = [report.subtitle] if report.subtitle else []
    parts.append(f"{report.label('year')}: {report.year}")
    parts.append(f"{report.label('targets')}: {report.targets_title or report.targets_id}"
                 if report.targets_id else report.label("no_targets"))
    parts.append(report.label("input_rows", rows=report.number(report.input_rows),
                              evaluated=report.number(report.evaluated),
                              rejected=report.number(report.rejected)))
    return " · ".join(parts)


def _model_sheet(book: Any, sheet: Any, report: Report, table: Any,
                 styles: dict[str, Any]) -> None:
    out = _Sheet(sheet, styles)
    target = "" if table.target is None else \
        f" — {report.label('target')} {report.percent(table.target)} ({table.milestone_year})"
    out.title(table.title + target, _subtitle(report))
    header = out.header([report.label("code"), report.label("commune"),
                         report.label("subjects"), report.label("evaluated"),
                         report.label("recognised"), report.label("not_recognised"),
                         report.label("incomplete"), report.label("rejected"),
                         report.label("denominator"), report.label("denominator_kind"),
                         report.label("rate"), report.label("target"), report.label("gap"),
                         report.label("assessment"), *_change_columns(report)])
    for row in table.rows:
        figure = row.figure
        bold = "bold" if row.code == "*" else "text"
        out.line([(row.code if row.code != "*" else "", bold), (row.name, bold),
                  (row.subjects, "int"), (row.evaluated, "int"), (row.recognised, "int"),
                  (row.not_recognised, "int"), (row.incomplete, "int"), (row.rejected, "int"),
                  (figure.denominator, "int"), (report.basis(figure), "text"),
                  (figure.rate, _pct_style(figure)), (figure.target, "pct"),
                  (figure.gap, "int"), (figure.assessment, "text"),
                  *_change_values(report, figure)])
    _by_set(out, report, table)
    communes = sum(1 for row in table.rows if row.code != "*")
    if communes:
        add_rate_chart(book, sheet, title=report.label("chart", target=report.percent(
                           table.target), year=table.milestone_year)
                       if table.target is not None else report.label("chart_no_target"),
                       rows=(header + 1, header + communes), name_col=1, rate_col=10,
                       target_col=11 if table.target is not None else None,
                       anchor=f"A{out.row + 3}")
    out.finish(header, 2)


def _by_set(out: Any, report: Report, table: Any) -> None:
    """Under a model whose records went to several sets: its figures per set."""
    if not table.by_set:
        return
    out.line([])
    out.line([(report.label("by_set"), "bold")])
    out.line([(report.label(k), "bold") for k in ("set_id", "name", "set_applies_to",
                                                   "evaluated", "recognised",
                                                   "not_recognised", "incomplete")])
    for s in table.by_set:
        out.line([(s.id, "text"), (s.title, "text"), (s.applies_to, "text"),
                  (s.evaluated, "int"), (s.recognised, "int"), (s.not_recognised, "int"),
                  (s.incomplete, "int")])


#: The rows of one list sheet: (commune, its first entry, the entry after its last) each.
_Part = list[tuple[int, int, int]]


def _list_parts(report: Report) -> list[_Part]:
    """The recognition list cut into sheets of at most `LIST_ROWS` rows, in order: every
    entry on exactly one sheet (one sheet, maybe empty, when it fits)."""
    parts: list[_Part] = [[]]
    room = LIST_ROWS
    for c, commune in enumerate(report.lists):
        start = 0
        while start < len(commune.entries):
            if room == 0:
                parts.append([])
                room = LIST_ROWS
            end = min(len(commune.entries), start + room)
            parts[-1].append((c, start, end))
            room -= end - start
            start = end
    return parts


def _lists(sheet: Any, report: Report, styles: dict[str, Any], part: _Part,
           which: tuple[int, int] = (1, 1)) -> None:
    out = _Sheet(sheet, styles)
    more = [(report.label("lists_part", part=which[0], parts=which[1],
                          rows=f"{LIST_ROWS:,}".replace(",", ".")), "notice")] \
        if which[1] > 1 else []
    out.title(report.label("lists"), _subtitle(report),
              [(report.label("lists_intro"), "plain"), *more])
    header = out.header([report.label("number"), report.label("commune"),
                         report.label("code"), report.label("model"), report.label("id"),
                         report.label("name"), report.label("score"),
                         report.label("max_score"), report.label("grade")])
    for c, start, end in part:
        commune = report.lists[c]
        entries = commune.entries
        model, n = None, 0
        for k, entry in enumerate(entries[:end]):  # the numbers count from the commune's first
            model, n = entry.model, (n + 1 if entry.model == model else 1)
            if k >= start:
                out.line([(n, "int"), (commune.name, "text"), (commune.code, "text"),
                          (entry.model_title, "text"), (entry.id, "text"),
                          (entry.name, "text"), (entry.total, "score"),
                          (entry.max_total, "score"), (entry.grade, "text")])
    sheet.autofilter(header, 0, max(out.row - 1, header), 8)
    rest = [c for c in report.lists if c.not_recognised or c.incomplete]
    if rest and which[0] == which[1]:
        out.row += 1
        out.put(0, report.label("lists_rest_head"), "notice", measure=False)
        out.row += 1
        out.line([(report.label("commune"), "bold"), (report.label("code"), "bold"),
                  (report.label("not_recognised"), "bold"),
                  (report.label("incomplete"), "bold")])
        for commune in rest:
            out.line([(commune.name, "text"), (commune.code, "text"),
                      (commune.not_recognised, "int"), (commune.incomplete, "int")])
    out.finish(header, 0)


def _sources(sheet: Any, report: Report, styles: dict[str, Any]) -> None:
    out = _Sheet(sheet, styles)
    out.title(report.label("sources"), report.label("generated", year=report.year,
                                                     engine=report.engine))
    header = out.header([report.label("model"), report.label("sets"), report.label("period"),
                         report.label("document"), report.label("verified"),
                         report.label("hash")])
    for used in report.sets:
        out.line([(used.title, "text"), (used.id, "text"), (used.period, "text"),
                  (used.document or report.label("no_document"), "text"),
                  (report.verified_text(used), "text"), (used.content_hash, "text")])
    overlays = [(used, overlay) for used in report.sets for overlay in used.overlays]
    if overlays:
        out.row += 1
        out.line([(report.label("overlays"), "bold"), (report.label("sets"), "bold"),
                  (report.label("overlay_plugin"), "bold"),
                  (report.label("overlay_changes"), "bold")])
        for used, overlay in overlays:
            out.line([(overlay.name, "text"), (used.id, "text"),
                      (overlay.plugin or report.label("overlay_file"), "text"),
                      ("; ".join(overlay.changes), "wrap")])
    out.row += 1
    out.line([(report.label("targets"), "bold"),
              (report.targets_id or report.label("no_targets"), "text"),
              (report.targets_title or "", "text")])
    out.line([(report.label("records"), "bold"),
              (report.label("input_rows", rows=report.input_rows, evaluated=report.evaluated,
                            rejected=report.rejected), "text")])
    if report.notes:
        out.row += 1
        out.line([(report.label("notes"), "bold")])
        for note in report.notes:
            out.put(0, note, "plain", measure=False)
            out.row += 1
    out.finish(header, 0)
