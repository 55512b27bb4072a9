"""`DocxWriter`: the annual report as ``bao-cao-<year>.docx``.

The layout follows Decree 30/2020/NĐ-CP (Phụ lục I): the issuing body with a short rule
under it and the number line on the left, the Quốc hiệu, the Tiêu ngữ with its rule and the
place and date on the right; the title and the trích yếu with its rule; page numbers centred
in the top margin from page 2 on (none on page 1, no footer); a boxed notice on the criteria
sets applied (their source documents and how many of their indicators are verified against
the original texts, the local overlays that changed them); sections I–IV; the recipients
("Nơi nhận") and the signature block. Everything shown comes from the report — nothing is
invented: the number and the day and month are left blank for the office that issues it, and
so is the signatory's name. The issuing body, the number's symbol, the place and the
recipients come from the report's letterhead (a targets file's ``letterhead:`` or the
``report`` command's options); what it leaves out is drawn from the area (``Hội Khuyến học``
of the area, its People's Committee as recipient).

Reproducible: the document's core properties carry the report year, not the time of day, and
the zip entries a fixed timestamp, so the same report gives the same bytes. Written
atomically (a temporary file beside the target, then one rename).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from learning_models import Report

from ._decree import letterhead
from ._page import DecreePage, write_atomically
from ._words import ANNUAL_WORDS as WORDS

__all__ = ["DocxWriter", "place_name", "render_docx", "report_area"]

_LEVELS = ("country", "province", "district", "commune")
_PREFIXES = ("thành phố ", "tỉnh ", "thị xã ", "thị trấn ", "huyện ", "quận ", "phường ",
             "xã ")


class DocxWriter:
    """Writes ``bao-cao-<year>.docx`` into the output folder."""

    name = "docx"

    def write(self, report: Report, out_dir: Path) -> Sequence[Path]:
        year = "" if report.year is None else f"-{report.year}"
        path = Path(out_dir) / f"bao-cao{year}.docx"
        write_atomically(path, render_docx(report))
        return [path]


def render_docx(report: Report) -> bytes:
    """The report as the bytes of a ``.docx`` file (the same report, the same bytes)."""
    doc = _Doc(report)
    doc.build()
    return doc.finished(report.year)


def report_area(report: Report) -> str:
    """The area the report is about: the narrowest level with a single area in the summary
    (a city whose wards and communes are listed below it), else the report's subtitle."""
    rows = [a for a in report.summary if a.level != "all"]
    found = ""
    for level in _LEVELS:
        at = [a for a in rows if a.level == level]
        if len(at) == 1:
            found = at[0].name
        elif len(at) > 1:
            break
    return found or report.subtitle


def place_name(area: str) -> str:
    """``Thành phố Bắc Kạn`` → ``Bắc Kạn``: the area without its administrative kind."""
    for prefix in _PREFIXES:
        if area.lower().startswith(prefix):
            return area[len(prefix):]
    return area


# --- the document ---------------------------------------------------------------------------


class _Doc(DecreePage):
    def __init__(self, report: Report) -> None:
        lang = report.lang if report.lang in ("vi", "en") else "vi"
        self.report = report
        self.area = report_area(report) or WORDS["blank"][lang]
        # who issues and signs: the current body; a former area is what the report is about
        self.issuer = getattr(report, "issuer", "") or self.area
        super().__init__(lang, WORDS, letterhead(
            report, self.issuer, place_name(self.issuer),
            {key: words[lang] for key, words in WORDS.items()}),
            "" if report.year is None else str(report.year))

    def build(self) -> None:
        self.setup(title=WORDS["subject"][self.lang].format(year=self.report.year or ""),
                   subject=self.area, comments=self.report.engine, year=self.report.year)
        self.header()
        self.title()
        self.quality()
        self.notice()
        self.situation()
        self.results()
        self.assessment()
        self.next_steps()
        self.paragraph(self.w("closing", year=self.year, area=self.issuer), indent=True)
        self.signature()

    # --- blocks ---------------------------------------------------------------------------

    def title(self) -> None:
        self.title_block(self.w("subject", year=self.year))
        self.paragraph(self.w("intro" if self.issuer == self.area else "intro_about",
                              programme=self.report.label("programme"), area=self.area,
                              issuer=self.issuer, year=self.year), indent=True)

    def quality(self) -> None:
        """The data-quality section (and the mark "Số liệu chưa đầy đủ"), first under the
        title, when the data has problems."""
        report = self.report
        lines = getattr(report, "quality", ())
        if not lines:
            return
        mark = getattr(report, "quality_mark", "")
        heading = report.label("quality") + (f" — {mark.upper()}" if mark else "")
        self.boxed(heading, lines, "FDECEC", intro=report.label("quality_intro"))

    def notice(self) -> None:
        """The report's notice on the sets applied, in a shaded box under the title."""
        notice = self.report.notice
        if notice is None:
            return
        self.boxed(notice.heading, notice.lines, "FFF4E0" if notice.unverified else "E6F4E7",
                   closing=notice.closing)

    def situation(self) -> None:
        r = self.report
        self.heading(self.w("s1"), 1)
        communes = [a.name for a in r.summary if a.level == "commune"
                    and a.name != r.label("unknown_area")]
        if communes:
            self.bullet(self.w("area_line", area=self.area, n=len(communes),
                               names=", ".join(communes)))
        self.bullet(self.w("data_line", text=r.label(
            "input_rows", rows=r.number(r.input_rows), evaluated=r.number(r.evaluated),
            rejected=r.number(r.rejected))))
        self.bullet(self.w("sets_line"))
        for used in r.sets:
            self.bullet(self.w("set_item", title=used.title, id=used.id,
                               hash=used.content_hash[:12]), level=2)
            for overlay in used.overlays:
                self.bullet(self.w("overlay_item", name=overlay.name,
                                   plugin=overlay.plugin or self.report.label("overlay_file"),
                                   changes="; ".join(overlay.changes)), level=3)
        targets = r.targets_title or r.targets_id
        self.bullet(self.w("targets_line", targets=targets) if targets
                    else self.w("no_targets"))

    def results(self) -> None:
        r = self.report
        self.heading(self.w("s2"), 1)
        row = self._area_row()
        n = 1
        if row is not None and row.figures:
            self.heading(self.w("overall"), 2)
            heads = [self.w("indicator_col"), r.label("reached"), r.label("denominator"),
                     r.label("rate"), self.w("target_col"), r.label("assessment")]
            body = [[f.label, r.number(f.reached), r.number(f.denominator) + _dagger(f),
                     r.percent(f.rate), self._target(f), f.assessment] for f in row.figures]
            self.table(heads, body, [48, 17, 19, 17, 22, 42], numeric={1, 2, 3})
            self._footnote(row.figures)
            n = 2
        for table in r.tables:
            self.heading(self.w("model_heading", n=n, title=table.short_title), 2)
            n += 1
            self.paragraph(self.w("set_used", title=table.title), indent=True)
            heads = [r.label("number"), r.label("commune"), r.label("evaluated"),
                     r.label("recognised"), r.label("not_recognised"),
                     r.label("incomplete"), self.w("rate_of"), self.w("against")]
            body, totals = [], []
            k = 0
            for model_row in table.rows:
                f = model_row.figure
                cells = ["", model_row.name, r.number(model_row.evaluated),
                         r.number(model_row.recognised), r.number(model_row.not_recognised),
                         r.number(model_row.incomplete),
                         f"{r.percent(f.rate)}{_dagger(f)}\n"
                         f"({r.number(f.reached)}/{r.number(f.denominator)})",
                         self._against(f)]
                if model_row.code == "*":
                    totals.append(len(body))
                else:
                    k += 1
                    cells[0] = str(k)
                body.append(cells)
            self.table(heads, body, [11, 37, 17, 15, 16, 17, 31, 21],
                       numeric={0, 2, 3, 4, 5, 6}, bold_rows=set(totals))
            self._footnote([m.figure for m in table.rows])
            if table.by_set:   # several sets of the model in force: its figures per set
                self.paragraph(r.label("by_set"), indent=True)
                self.table([r.label("set_id"), r.label("name"), r.label("set_applies_to"),
                            r.label("evaluated"), r.label("recognised"),
                            r.label("not_recognised")],
                           [[s.id, s.title, s.applies_to, r.number(s.evaluated),
                             r.number(s.recognised), r.number(s.not_recognised)]
                            for s in table.by_set],
                           [34, 55, 28, 16, 16, 16], numeric={3, 4, 5})

    def assessment(self) -> None:
        r = self.report
        self.heading(self.w("s3"), 1)
        row = self._area_row()
        figures = row.figures if row is not None else ()
        self.heading(self.w("strengths"), 2)
        good = [f for f in figures if f.met or f.met is None]
        for f in good:
            key = "met_item" if f.assessment else "plain_item"
            self.bullet(self.w(key, label=f.label, rate=r.percent(f.rate),
                               reached=r.number(f.reached),
                               denominator=r.number(f.denominator), assessment=f.assessment))
        for table in r.tables:
            communes = [m for m in table.rows if m.code != "*" and m.figure.met is not None]
            if communes:
                self.bullet(self.w("communes_met", title=table.short_title,
                                   met=sum(1 for m in communes if m.figure.met),
                                   all=len(communes)))
        if not r.targets_id:
            self.bullet(self.w("no_targets"))
        self.heading(self.w("weaknesses"), 2)
        short = [f for f in figures if f.met is False]
        for f in short:
            self.bullet(self.w("met_item", label=f.label, rate=r.percent(f.rate),
                               reached=r.number(f.reached),
                               denominator=r.number(f.denominator), assessment=f.assessment))
        listed = False
        for table in r.tables:
            behind = [m for m in table.rows if m.code != "*" and m.figure.met is False]
            if behind:
                listed = True
                self.bullet(self.w("communes_short", title=table.short_title, items="; ".join(
                    self.w("commune_short", name=m.name, rate=r.percent(m.figure.rate),
                           assessment=m.figure.assessment) for m in behind)))
        incomplete = sum(m.incomplete for t in r.tables for m in t.rows if m.code == "*")
        if incomplete:
            self.bullet(self.w("incomplete", n=r.number(incomplete)))
        if r.rejected:
            self.bullet(self.w("rejected", n=r.number(r.rejected)))
        if not short and not listed and not incomplete and not r.rejected and r.targets_id:
            self.bullet(self.w("none_short"))
        if r.notes:
            self.heading(self.w("notes"), 2)
            for note in r.notes:
                self.bullet(note if note.endswith((".", "!", "?", ":")) else note + ".")

    def next_steps(self) -> None:
        r = self.report
        self.heading(self.w("s4"), 1)
        for table in r.tables:
            behind = [m for m in table.rows if m.code != "*" and m.figure.met is False]
            if behind:
                self.bullet(self.w("todo_commune", title=table.short_title, items="; ".join(
                    self.w("todo_item", name=m.name, assessment=m.figure.assessment)
                    for m in behind)))
        incomplete = sum(m.incomplete for t in r.tables for m in t.rows if m.code == "*")
        if incomplete:
            self.bullet(self.w("todo_incomplete", n=r.number(incomplete)))
        if r.rejected:
            self.bullet(self.w("todo_rejected", n=r.number(r.rejected)))
        if any(f.met for a in r.summary for f in a.figures):
            self.bullet(self.w("todo_keep"))
        if any(note for note in r.notes if note.startswith(r.labels["unmeasured"][:20])):
            self.bullet(self.w("todo_unmeasured"))

    # --- pieces ---------------------------------------------------------------------------

    def _area_row(self) -> Any:
        rows = [a for a in self.report.summary if a.name == self.area]
        return rows[0] if rows else (self.report.summary[0] if self.report.summary else None)

    def _target(self, figure: Any) -> str:
        if figure.target is None:
            return ""
        target = self.report.percent(figure.target)
        if figure.milestone_year is None:
            return target
        return self.w("target_year", target=target, year=figure.milestone_year)

    def _against(self, figure: Any) -> str:
        if figure.met is None:
            return ""
        if figure.met:
            return str(self.report.label("met_short"))
        return str(self.report.label("still", gap=self.report.number(figure.gap)))

    def _footnote(self, figures: Iterable[Any]) -> None:
        if any(_dagger(f) for f in figures):
            self.paragraph(self.report.label("subjects_note"), size=10, italic=True)


def _dagger(figure: Any) -> str:
    return "" if figure.denominator_kind == "area_total" else "†"
