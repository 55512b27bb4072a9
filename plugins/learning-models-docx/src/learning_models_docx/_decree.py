"""What Decree 30/2020/NĐ-CP (Phụ lục I) asks of an administrative document's layout, in
Word terms: the short solid rules under the issuing body, the Tiêu ngữ and the trích yếu;
page numbers centred in the top margin and none on the first page; and who issues the
report and whom it goes to, given (the report's letterhead) or drawn from the area.

A rule is an empty paragraph of a tiny exact height with a bottom border, indented on both
sides so that the border has the decree's length and sits centred under the text above it:
Word and LibreOffice both draw it as a line (no drawing objects, no text underline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from learning_models import Report, ReviewReport

__all__ = ["Letterhead", "add_page_numbers", "draw_rule", "letterhead", "text_width_mm"]

_PT_MM = 25.4 / 72
#: Average advance widths of Times New Roman (bold), in ems, by kind of character.
_EM_UPPER, _EM_LOWER, _EM_SPACE, _EM_OTHER = 0.70, 0.50, 0.25, 0.45
PAGE_NUMBER_SIZE = 13
RULE_GAP_PT = 3                          # between the text and its rule


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The values the document prints: every one filled."""

    superior: str
    issuer_lines: tuple[str, ...]
    number: str
    place: str
    recipients: tuple[str, ...]


def letterhead(report: Report | ReviewReport, area: str, place: str, words: dict[str, str],
               ) -> Letterhead:
    """The report's (or the review's) letterhead, each missing value drawn from the `area`
    (`words`: the document's own words in its language: ``issuer``, ``number``,
    ``committee``, ``archive``)."""
    given = report.letterhead
    issuer = (given.issuer if given is not None and given.issuer
              else f"{words['issuer']}\n{area}")
    symbol = given.symbol if given is not None and given.symbol else "BC-HKH"
    recipients = (given.recipients if given is not None and given.recipients
                  else (words["committee"].format(area=area),))
    return Letterhead(
        superior=given.superior.upper() if given is not None else "",
        issuer_lines=tuple(line.strip().upper() for line in issuer.split("\n") if line.strip()),
        number=words["number"].format(symbol=symbol),
        place=given.place if given is not None and given.place else place,
        recipients=(*(f"- {r.rstrip(';. ')};" for r in recipients), f"- {words['archive']}."))


def text_width_mm(text: str, size_pt: float) -> float:
    """About how wide `text` prints in Times New Roman at `size_pt` (bold), in mm."""
    ems = sum(_EM_SPACE if c == " " else _EM_UPPER if c.isupper()
              else _EM_LOWER if c.isalpha() else _EM_OTHER for c in text)
    return ems * size_pt * _PT_MM


def draw_rule(paragraph: Paragraph, length_mm: float, space_mm: float) -> None:
    """Make `paragraph` (empty) a solid rule `length_mm` long, centred in a column
    `space_mm` wide."""
    side = max((space_mm - length_mm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
    fmt.first_line_indent = Mm(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(RULE_GAP_PT)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = paragraph._p.get_or_add_pPr()
    mark = OxmlElement("w:rPr")          # the paragraph mark, tiny: the line sets the height
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    ppr.append(mark)
    borders = OxmlElement("w:pBdr")
    line = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "000000")):
        line.set(qn(key), value)
    borders.append(line)
    # pBdr comes before spacing and indentation in a paragraph's properties (the schema's
    # order); Word refuses a document where it does not
    ppr.insert(_position(ppr), borders)


def _position(ppr: Any) -> int:
    later = {qn(t) for t in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                             "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
                             "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                             "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                             "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                             "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")}
    for k, child in enumerate(ppr):
        if child.tag in later:
            return k
    return len(ppr)


def add_page_numbers(section: Any) -> None:
    """Page numbers centred in the top margin from page 2 on; page 1 has none; no footer."""
    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(PAGE_NUMBER_SIZE)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    shown = OxmlElement("w:t")
    shown.text = "2"
    for element in (_field_char("begin"), instruction, _field_char("separate"), shown,
                    _field_char("end")):
        run._r.append(element)


def _field_char(kind: str) -> Any:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char
