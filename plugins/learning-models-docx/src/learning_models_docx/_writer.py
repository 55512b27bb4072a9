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

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from learning_models import Report

from ._decree import add_page_numbers, draw_rule, letterhead, text_width_mm

__all__ = ["DocxWriter", "render_docx", "report_area"]

FONT = "Times New Roman"
BODY_SIZE = 13
TABLE_SIZE = 10.5
TEXT_WIDTH_MM = 165                      # A4 (210 mm) less margins of 30 and 15 mm
HEADER_LEFT_MM = 62                      # the issuing body's column
CELL_PADDING_MM = 3.8                    # a table cell's left and right margins together
RULE_SHARE = 0.4                         # a short rule: 1/3 to 1/2 of the line above it
_LEVELS = ("country", "province", "district", "commune")
_PREFIXES = ("thành phố ", "tỉnh ", "thị xã ", "thị trấn ", "huyện ", "quận ", "phường ",
             "xã ")

#: The document's own words (the report's labels give the rest), in both languages.
WORDS: dict[str, dict[str, str]] = {
    "nation": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "en": "SOCIALIST REPUBLIC OF VIET NAM"},
    "motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "issuer": {"vi": "Hội Khuyến học", "en": "Study promotion association"},
    "number": {"vi": "Số:        /{symbol}", "en": "No.:        /{symbol}"},
    "date": {"vi": "{place}, ngày      tháng      năm {year}",
             "en": "{place}, ……… {year}"},
    "kind": {"vi": "BÁO CÁO", "en": "REPORT"},
    "subject": {"vi": "Kết quả xây dựng các mô hình học tập năm {year}",
                "en": "Results of building learning models in {year}"},
    "intro": {"vi": "Thực hiện Chương trình “{programme}”, Hội Khuyến học {area} báo cáo kết "
                    "quả xây dựng các mô hình học tập năm {year} như sau:",
              "en": "Under the programme “{programme}”, the study promotion association of "
                    "{area} reports the results of building learning models in {year}:"},
    "intro_about": {
        "vi": "Thực hiện Chương trình “{programme}”, Hội Khuyến học {issuer} báo cáo kết quả "
              "xây dựng các mô hình học tập năm {year} trên {area} như sau:",
        "en": "Under the programme “{programme}”, the study promotion association of "
              "{issuer} reports the results of building learning models in {year} in "
              "{area}:"},
    "s1": {"vi": "I. ĐẶC ĐIỂM TÌNH HÌNH", "en": "I. BACKGROUND"},
    "s2": {"vi": "II. KẾT QUẢ THỰC HIỆN", "en": "II. RESULTS"},
    "s3": {"vi": "III. ĐÁNH GIÁ CHUNG", "en": "III. OVERALL ASSESSMENT"},
    "s4": {"vi": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", "en": "IV. NEXT STEPS"},
    "area_line": {"vi": "Địa bàn báo cáo: {area}, gồm {n} xã, phường: {names}.",
                  "en": "Area: {area}, with {n} communes and wards: {names}."},
    "data_line": {"vi": "Số liệu: {text}.", "en": "Data: {text}."},
    "sets_line": {"vi": "Bộ tiêu chí áp dụng:", "en": "Criteria sets applied:"},
    "set_item": {"vi": "{title} (mã {id}, mã băm nội dung {hash})",
                 "en": "{title} (id {id}, content hash {hash})"},
    "overlay_item": {"vi": "điều chỉnh của địa phương “{name}” ({plugin}): {changes}",
                     "en": "local overlay “{name}” ({plugin}): {changes}"},
    "targets_line": {"vi": "Chỉ tiêu so sánh: {targets}.", "en": "Targets: {targets}."},
    "overall": {"vi": "1. Kết quả chung so với chỉ tiêu", "en": "1. Overall results against "
                                                                  "the targets"},
    "model_heading": {"vi": "{n}. {title}", "en": "{n}. {title}"},
    "set_used": {"vi": "Đánh giá theo bộ tiêu chí: {title}.",
                 "en": "Evaluated with the criteria set: {title}."},
    "against": {"vi": "So với chỉ tiêu", "en": "Against target"},
    "indicator_col": {"vi": "Nội dung", "en": "Indicator"},
    "target_col": {"vi": "Chỉ tiêu kế hoạch", "en": "Plan target"},
    "rate_of": {"vi": "Tỷ lệ đạt (đạt/mẫu số)", "en": "Rate (reached/denominator)"},
    "target_year": {"vi": "{target} (năm {year})", "en": "{target} ({year})"},
    "strengths": {"vi": "1. Kết quả đạt được", "en": "1. Achievements"},
    "weaknesses": {"vi": "2. Tồn tại, hạn chế", "en": "2. Shortcomings"},
    "notes": {"vi": "3. Ghi chú về số liệu", "en": "3. Notes on the figures"},
    "met_item": {"vi": "{label}: {rate} ({reached}/{denominator}) — {assessment}.",
                 "en": "{label}: {rate} ({reached}/{denominator}) — {assessment}."},
    "plain_item": {"vi": "{label}: {rate} ({reached}/{denominator}).",
                   "en": "{label}: {rate} ({reached}/{denominator})."},
    "communes_met": {"vi": "{title}: {met}/{all} xã, phường đạt chỉ tiêu.",
                     "en": "{title}: {met} of {all} communes and wards reach the target."},
    "communes_short": {"vi": "{title}: chưa đạt chỉ tiêu ở {items}.",
                       "en": "{title}: target not reached in {items}."},
    "commune_short": {"vi": "{name} ({rate}, {assessment})",
                      "en": "{name} ({rate}, {assessment})"},
    "no_targets": {"vi": "Báo cáo không so với chỉ tiêu của kế hoạch.",
                   "en": "The report is not compared with a plan's targets."},
    "none_short": {"vi": "Các chỉ tiêu tính được từ số liệu đều đạt.",
                   "en": "Every target the data can measure is reached."},
    "incomplete": {"vi": "{n} hồ sơ chưa đủ minh chứng để kết luận.",
                   "en": "{n} records lack the evidence for a decision."},
    "rejected": {"vi": "{n} hồ sơ bị từ chối do dữ liệu không hợp lệ.",
                 "en": "{n} records were rejected as invalid."},
    "todo_commune": {"vi": "{title}: {items}.", "en": "{title}: {items}."},
    "todo_item": {"vi": "{name} {assessment}", "en": "{name}: {assessment}"},
    "todo_incomplete": {"vi": "Bổ sung minh chứng cho {n} hồ sơ chưa đủ minh chứng.",
                        "en": "Complete the evidence of {n} records."},
    "todo_rejected": {"vi": "Rà soát, nhập lại {n} hồ sơ bị từ chối.",
                      "en": "Review and re-enter the {n} rejected records."},
    "todo_keep": {"vi": "Duy trì, giữ vững các chỉ tiêu đã đạt.",
                  "en": "Keep the targets already reached."},
    "todo_unmeasured": {"vi": "Báo cáo riêng các chỉ tiêu chưa tính được từ số liệu.",
                        "en": "Report separately the targets the data cannot measure."},
    "closing": {"vi": "Trên đây là báo cáo kết quả xây dựng các mô hình học tập năm {year} "
                      "của Hội Khuyến học {area}./.",
                "en": "This concludes the report on building learning models in {year} of "
                      "the study promotion association of {area}."},
    "recipients": {"vi": "Nơi nhận:", "en": "To:"},
    "committee": {"vi": "Ủy ban nhân dân {area}", "en": "The People's Committee of {area}"},
    "archive": {"vi": "Lưu: VT", "en": "File copy: VT"},
    "on_behalf": {"vi": "TM. BAN THƯỜNG VỤ", "en": "ON BEHALF OF THE STANDING COMMITTEE"},
    "chair": {"vi": "CHỦ TỊCH", "en": "CHAIR"},
    "blank": {"vi": "……", "en": "……"},
}


class DocxWriter:
    """Writes ``bao-cao-<year>.docx`` into the output folder."""

    name = "docx"

    def write(self, report: Report, out_dir: Path) -> Sequence[Path]:
        year = "" if report.year is None else f"-{report.year}"
        path = Path(out_dir) / f"bao-cao{year}.docx"
        _write_atomically(path, render_docx(report))
        return [path]


def render_docx(report: Report) -> bytes:
    """The report as the bytes of a ``.docx`` file (the same report, the same bytes)."""
    doc = _Doc(report)
    doc.build()
    buffer = io.BytesIO()
    doc.document.save(buffer)
    return _fixed_zip(buffer.getvalue(), report.year)


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


class _Doc:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.lang = report.lang if report.lang in ("vi", "en") else "vi"
        self.document: DocumentObject = Document()
        self.area = report_area(report) or self.w("blank")
        # who issues and signs: the current body; a former area is what the report is about
        self.issuer = getattr(report, "issuer", "") or self.area
        self.year = "" if report.year is None else str(report.year)
        self.head = letterhead(report, self.issuer, place_name(self.issuer),
                               {key: words[self.lang] for key, words in WORDS.items()})

    def w(self, key: str, **values: object) -> str:
        text = WORDS[key][self.lang]
        return text.format(**values) if values else text

    def build(self) -> None:
        _setup(self.document, self.report, self.area)
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

    def header(self) -> None:
        """Decree 30/2020, Phụ lục I: the issuing body with a short rule under it and the
        number on the left; the Quốc hiệu, the Tiêu ngữ with a rule its own length and the
        place and date on the right."""
        head = self.head
        widths = (HEADER_LEFT_MM, TEXT_WIDTH_MM - HEADER_LEFT_MM + 5)
        table = self._layout_table(list(widths))
        left, right = table.rows[0].cells
        if head.superior:
            _cell_text(left, head.superior, size=12)
        for line in head.issuer_lines:
            _cell_text(left, line, bold=True, size=12)
        longest = max(text_width_mm(line, 12) for line in head.issuer_lines)
        draw_rule(left.add_paragraph(), longest * RULE_SHARE, widths[0] - CELL_PADDING_MM)
        _cell_text(left, head.number, size=13, space_before=6)
        _cell_text(right, self.w("nation"), bold=True, size=12)
        _cell_text(right, self.w("motto"), bold=True, size=13)
        draw_rule(right.add_paragraph(), text_width_mm(self.w("motto"), 13),
                  widths[1] - CELL_PADDING_MM)
        _cell_text(right, self.w("date", place=head.place, year=self.year),
                   italic=True, size=13, space_before=6)

    def title(self) -> None:
        self.paragraph(self.w("kind"), bold=True, size=14, align="center", space_before=18)
        subject = self.w("subject", year=self.year)
        self.paragraph(subject, bold=True, size=14, align="center")
        draw_rule(self.document.add_paragraph(), text_width_mm(subject, 14) * RULE_SHARE,
                  TEXT_WIDTH_MM)
        self.paragraph("", space_before=0)
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
        table = self._layout_table([TEXT_WIDTH_MM])
        table.style = self.document.styles["Table Grid"]
        cell = table.rows[0].cells[0]
        _shade(cell, "FDECEC")
        mark = getattr(report, "quality_mark", "")
        heading = report.label("quality") + (f" — {mark.upper()}" if mark else "")
        _cell_text(cell, heading, bold=True, size=12, align="left", first=True, space_before=4)
        _cell_text(cell, report.label("quality_intro"), size=12, align="justify")
        for line in lines:
            _cell_text(cell, f"- {line}", size=12, align="justify")
        self.paragraph("", space_before=0)

    def notice(self) -> None:
        """The report's notice on the sets applied, in a shaded box under the title."""
        notice = self.report.notice
        if notice is None:
            return
        table = self._layout_table([TEXT_WIDTH_MM])
        table.style = self.document.styles["Table Grid"]
        cell = table.rows[0].cells[0]
        _shade(cell, "FFF4E0" if notice.unverified else "E6F4E7")
        _cell_text(cell, notice.heading, bold=True, size=12, align="left", first=True,
                   space_before=4)
        for line in notice.lines:
            _cell_text(cell, f"- {line}", size=12, align="justify")
        if notice.closing:
            _cell_text(cell, notice.closing, italic=True, size=12, align="justify")
        self.paragraph("", space_before=0)

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

    def signature(self) -> None:
        table = self._layout_table([85, TEXT_WIDTH_MM - 85])
        left, right = table.rows[0].cells
        _cell_text(left, self.w("recipients"), bold=True, italic=True, size=12,
                   align="left", space_before=12)
        for line in self.head.recipients:
            _cell_text(left, line, size=11, align="left")
        _cell_text(right, self.w("on_behalf"), bold=True, size=13, space_before=12)
        _cell_text(right, self.w("chair"), bold=True, size=13)
        for _ in range(4):
            _cell_text(right, "", size=13)

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

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level=level)

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False,
                  size: float | None = None, align: str = "justify", indent: bool = False,
                  space_before: float | None = None) -> Paragraph:
        paragraph = self.document.add_paragraph()
        _format(paragraph, align=align, space_before=space_before)
        if indent:
            paragraph.paragraph_format.first_line_indent = Mm(10)
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if size is not None:
                run.font.size = Pt(size)
        return paragraph

    def bullet(self, text: str, level: int = 1) -> None:
        mark = {1: "- ", 2: "+ ", 3: "• "}[level]
        paragraph = self.paragraph(mark + text)
        paragraph.paragraph_format.first_line_indent = Mm(10)

    def table(self, heads: Sequence[str], rows: Sequence[Sequence[str]],
              widths_mm: Sequence[float], *, numeric: set[int] | frozenset[int] = frozenset(),
              bold_rows: set[int] | frozenset[int] = frozenset()) -> Table:
        scale = TEXT_WIDTH_MM / sum(widths_mm)
        widths = [Mm(w * scale) for w in widths_mm]
        table: Table = self.document.add_table(rows=1 + len(rows), cols=len(heads))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for k, head in enumerate(heads):
            cell = table.rows[0].cells[k]
            _cell_text(cell, head, bold=True, size=TABLE_SIZE, first=True)
            _shade(cell, "E7EEF6")
        _repeat_header(table.rows[0])
        for n, values in enumerate(rows, start=1):
            for k, value in enumerate(values):
                _cell_text(table.rows[n].cells[k], value, size=TABLE_SIZE, first=True,
                           bold=(n - 1) in bold_rows,
                           align="center" if k in numeric else "left")
        _widths(table, widths)
        for row in table.rows:
            _keep_whole(row)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)
        return table

    def _layout_table(self, widths_mm: Sequence[float]) -> Table:
        table: Table = self.document.add_table(rows=1, cols=len(widths_mm))
        table.autofit = False
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _widths(table, [Mm(w) for w in widths_mm])
        for cell in table.rows[0].cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
        return table


# --- formatting helpers ---------------------------------------------------------------------


def _setup(document: DocumentObject, report: Report, area: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    _east_asian(normal.element, FONT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    for name, size in (("Heading 1", BODY_SIZE), ("Heading 2", BODY_SIZE)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = None
        _east_asian(style.element, FONT)
        style.paragraph_format.space_before = Pt(8)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    _language(document, "vi-VN" if report.lang == "vi" else "en-GB")
    add_page_numbers(section)
    year = report.year if report.year is not None else 1980
    moment = datetime(max(year, 1980), 12, 31, 0, 0, 0)
    properties = document.core_properties
    properties.author = "learning-models"
    properties.last_modified_by = "learning-models"
    properties.title = WORDS["subject"]["vi" if report.lang == "vi" else "en"].format(
        year=report.year or "")
    properties.subject = area
    properties.keywords = "learning-models; Programme 387"
    properties.comments = report.engine
    properties.category = "BC"
    properties.revision = 1
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment


def _east_asian(element: Any, font: str) -> None:
    """Set the font for every script (Word keeps separate fonts per script)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _language(document: DocumentObject, tag: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _format(paragraph: Paragraph, *, align: str = "justify",
            space_before: float | None = None) -> None:
    paragraph.alignment = _ALIGN[align]
    if space_before is not None:
        paragraph.paragraph_format.space_before = Pt(space_before)


def _cell_text(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
               size: float = BODY_SIZE, align: str = "center",
               space_before: float | None = None, first: bool = False) -> None:
    """Add a line to a cell (``first``: into its first, empty paragraph)."""
    existing = cell.paragraphs[0]
    paragraph = existing if first or (len(cell.paragraphs) == 1 and not existing.runs) \
        else cell.add_paragraph()
    _format(paragraph, align=align, space_before=space_before)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    run.font.size = Pt(size)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _keep_whole(row: Any) -> None:
    """A row is never split across two pages."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _widths(table: Table, widths: Sequence[Any]) -> None:
    """Column widths, in the table grid (what LibreOffice reads) and in every cell (Word)."""
    for k, column in enumerate(table.columns):
        column.width = widths[k]
    for row in table.rows:
        for k, cell in enumerate(row.cells):
            cell.width = widths[k]


def _dagger(figure: Any) -> str:
    return "" if figure.denominator_kind == "area_total" else "†"


# --- files ----------------------------------------------------------------------------------


def _fixed_zip(data: bytes, year: int | None) -> bytes:
    """The same archive with every entry stamped with one fixed time (1 January of the
    report year), in the same order, so that two runs give the same bytes."""
    stamp = (max(year or 1980, 1980), 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, 0o644)
        os.replace(name, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(name)
        raise
