"""The page every document of this plugin shares, as Decree 30/2020/NĐ-CP (Phụ lục I) lays
out an administrative report: A4, Times New Roman 13 pt, margins 20/20/30/15 mm; the header
(the issuing body and the number on the left, the Quốc hiệu and Tiêu ngữ, place and date on
the right, each with its short rule); the title and the trích yếu with its rule; headings,
justified paragraphs, bullets and tables whose header row repeats on every page; the
recipients and the signature block; page numbers in the top margin from page 2 on.

`DecreePage` holds the document being built; the annual report (``_writer``) and the period
review (``_review``) each add their sections. `finished_bytes` gives the same bytes for the
same document (fixed zip timestamps), `write_atomically` writes them with one rename.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
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

from ._decree import Letterhead, add_page_numbers, draw_rule, text_width_mm

__all__ = ["BODY_SIZE", "TABLE_SIZE", "TEXT_WIDTH_MM", "DecreePage", "finished_bytes",
           "write_atomically"]

FONT = "Times New Roman"
BODY_SIZE = 13
TABLE_SIZE = 10.5
TEXT_WIDTH_MM = 165                      # A4 (210 mm) less margins of 30 and 15 mm
HEADER_LEFT_MM = 62                      # the issuing body's column
CELL_PADDING_MM = 3.8                    # a table cell's left and right margins together
RULE_SHARE = 0.4                         # a short rule: 1/3 to 1/2 of the line above it


class DecreePage:
    """A Word document being laid out as an administrative report: `words` are its own
    words in `lang` (``nation``, ``motto``, ``date``, ``kind``, ``recipients``,
    ``on_behalf``, ``chair``, …), `head` who issues it, `year` the year of its date line."""

    def __init__(self, lang: str, words: Mapping[str, Mapping[str, str]], head: Letterhead,
                 year: str) -> None:
        self.lang = lang if lang in ("vi", "en") else "vi"
        self.words = words
        self.head = head
        self.year = year
        self.document: DocumentObject = Document()

    def w(self, key: str, **values: object) -> str:
        text = self.words[key][self.lang]
        return text.format(**values) if values else text

    def setup(self, *, title: str, subject: str, comments: str, year: int | None) -> None:
        """The page, the styles, the page numbers and the document's properties (dated
        with `year`, never the time of day)."""
        _setup(self.document, self.lang)
        moment = datetime(max(year or 1980, 1980), 12, 31, 0, 0, 0)
        properties = self.document.core_properties
        properties.author = "learning-models"
        properties.last_modified_by = "learning-models"
        properties.title = title
        properties.subject = subject
        properties.keywords = "learning-models; Programme 387"
        properties.comments = comments
        properties.category = "BC"
        properties.revision = 1
        properties.created = moment
        properties.modified = moment
        properties.last_printed = moment

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

    def title_block(self, subject: str) -> None:
        """``BÁO CÁO`` and the trích yếu (`subject`) centred, with a short rule under it."""
        self.paragraph(self.w("kind"), bold=True, size=14, align="center", space_before=18)
        self.paragraph(subject, bold=True, size=14, align="center")
        draw_rule(self.document.add_paragraph(), text_width_mm(subject, 14) * RULE_SHARE,
                  TEXT_WIDTH_MM)
        self.paragraph("", space_before=0)

    def boxed(self, heading: str, lines: Sequence[str], fill: str, *, intro: str = "",
              closing: str = "") -> None:
        """A shaded box across the text: a bold heading, an introducing line, lines as
        dashes, a closing line."""
        table = self._layout_table([TEXT_WIDTH_MM])
        table.style = self.document.styles["Table Grid"]
        cell = table.rows[0].cells[0]
        _shade(cell, fill)
        _cell_text(cell, heading, bold=True, size=12, align="left", first=True,
                   space_before=4)
        if intro:
            _cell_text(cell, intro, size=12, align="justify")
        for line in lines:
            _cell_text(cell, f"- {line}", size=12, align="justify")
        if closing:
            _cell_text(cell, closing, italic=True, size=12, align="justify")
        self.paragraph("", space_before=0)

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

    def finished(self, year: int | None) -> bytes:
        """The document's bytes: the same document, the same bytes."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return finished_bytes(buffer.getvalue(), year)


# --- formatting helpers ---------------------------------------------------------------------


def _setup(document: DocumentObject, lang: str) -> None:
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
    _language(document, "vi-VN" if lang == "vi" else "en-GB")
    add_page_numbers(section)


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


# --- files ----------------------------------------------------------------------------------


def finished_bytes(data: bytes, year: int | None) -> bytes:
    """The same archive with every entry stamped with one fixed time (1 January of the
    document's year), in the same order, so that two runs give the same bytes."""
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


def write_atomically(path: Path, data: bytes) -> None:
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
