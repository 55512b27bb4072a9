"""Write the empty data-entry workbook for the criteria sets in force in a year.

One sheet per model (Vietnamese name, `excel.layout`), then ``Địa bàn`` and a guide sheet
(``Hướng dẫn``): Vietnamese headers, an explanation row whose first cell starts with ``# ``
(the reader skips that one row, right below the header, and no other), drop-downs for
yes/no, enum and level columns (long lists in a hidden sheet),
bounds checks for numbers, and a prompt on every cell. Written with XlsxWriter; what is
written is what `excel.read` reads back.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..._catalog import Catalog
from ..._criteria import EVIDENCE_PREFIX, CriteriaSet, Derivation, Document, InputSpec
from ..._documents import atomic_path, new_workbook, say, verbatim
from ..._expressions import expression_names, parse_expression
from ...errors import CriteriaError, LearningModelsError
from ..dataset import AREA_TOTALS, RELATIONS
from .layout import (
    AREA_HEADERS,
    AREAS_SHEET,
    CROSSWALK_HEADERS,
    CROSSWALK_SHEET,
    EVIDENCE_HEADER,
    GUIDE_SHEET,
    LISTS_SHEET,
    MARKER,
    MODEL_SHEETS,
    REFORM_YEAR,
    REFORMED_LEVELS,
    RELATION_HEADERS,
    TEMPLATE_LEVELS,
    column_letter,
    fold,
)

__all__ = ["template_sets", "write_template"]


def template_sets(catalog: Catalog, year: int) -> dict[str, tuple[CriteriaSet, ...]]:
    """The sets in force in `year` for every model that has one, in the usual model order:
    one, or several told apart by ``applies_to`` (their columns share the model's sheet)."""
    models = sorted({e.model for e in catalog.entries() if year in e.years},
                    key=lambda m: (list(MODEL_SHEETS).index(m) if m in MODEL_SHEETS else 99, m))
    if not models:
        raise LearningModelsError.saying(say("template-no-set", year=year))
    return {model: tuple(catalog.variants(model, year)) for model in models}


_TYPE_WORDS = {"integer": "Số nguyên", "number": "Số", "boolean": "Có/Không",
               "string": "Văn bản", "enum": "Chọn một"}
_WHERE_WORDS = {"any": "", "evaluated": " đã đánh giá", "recognised": " được công nhận",
                "not_recognised": " không được công nhận",
                "incomplete": " chưa đủ minh chứng"}
_COUNTED = {"citizen": "công dân", "family": "gia đình", "clan": "dòng họ",
            "community": "cộng đồng", "unit": "đơn vị"}
_RELATION_NOTES = {
    "id": "Mã định danh, bắt buộc, không trùng",
    "name": "Tên (không bắt buộc)",
    "family": "Mã gia đình (sheet Gia đình)",
    "unit": "Mã đơn vị nơi làm việc (sheet Đơn vị)",
    "community": "Mã thôn, tổ dân phố (sheet Cộng đồng)",
    "clan": "Mã dòng họ (sheet Dòng họ)",
    "area": "Mã địa bàn (sheet Địa bàn)",
    "worker": "Người lao động: Có/Không",
}
_AREA_NOTES = {
    "code": "Mã địa bàn, không trùng (ví dụ mã thống kê 01840)",
    "name": "Tên địa bàn",
    "level": "Cấp: quốc gia, tỉnh, huyện, xã (cả phường, thị trấn), thôn (cả tổ dân phố)",
    "level_reformed": "Cấp: quốc gia, tỉnh, xã (cả phường, đặc khu), thôn (cả tổ dân phố) — "
                      "từ 1/7/2025 không còn cấp huyện",
    "parent": "Mã địa bàn cấp trên",
    **{t: "Tổng số (mẫu số của tỷ lệ), số nguyên ≥ 0" for t in AREA_TOTALS},
}


@dataclass(frozen=True)
class _Column:
    name: str
    header: str
    note: str
    kind: str                    # text, boolean, integer, number, enum, level
    spec: InputSpec | None = None
    prompt: str | None = None    # shown when a cell of the column is selected


def write_template(path: str | os.PathLike[str],
                   sets: Mapping[str, CriteriaSet | Sequence[CriteriaSet]] |
                   Iterable[CriteriaSet], *, year: int | None = None) -> Path:
    """Write the empty data-entry workbook for `sets`: one sheet per model (the columns of
    every set of the model, when several are in force), Địa bàn, and a guide; Vietnamese
    headers, an explanation row, drop-downs and bounds checks."""
    given = sets.values() if isinstance(sets, Mapping) else sets
    chosen = [s for g in given for s in ((g,) if isinstance(g, CriteriaSet) else g)]
    by_model: dict[str, list[CriteriaSet]] = {}
    for spec in chosen:
        by_model.setdefault(spec.model, []).append(spec)
    target = Path(path)
    if not target.parent.is_dir():  # the template never creates folders
        raise LearningModelsError.saying(say("template-no-folder", name=str(path),
                                             folder=str(target.parent)))
    try:
        with atomic_path(target) as temporary:
            # Dated by the year it is for, not by the clock: two runs give the same bytes.
            book = new_workbook(temporary, created=datetime(year or 2000, 1, 1))
            styles = _styles(book)
            lists = _Lists(book)
            reformed = year is not None and year >= REFORM_YEAR
            _write_guide(book, styles, chosen, year)
            for model, specs in by_model.items():
                sheet = book.add_worksheet(MODEL_SHEETS.get(model, model)[:31])
                _write_sheet(sheet, styles, lists, _model_columns(specs))
            areas = book.add_worksheet(AREAS_SHEET)
            _write_sheet(areas, styles, lists, _area_columns(reformed))
            if reformed:
                _write_sheet(book.add_worksheet(CROSSWALK_SHEET), styles, lists,
                             _crosswalk_columns())
            book.close()
    except LearningModelsError:
        raise
    except Exception as exc:  # XlsxWriter's FileCreateError and OS errors
        raise LearningModelsError.saying(say("template-unwritable", name=str(path),
                                             reason=verbatim(str(exc)))) from exc
    return target


def _styles(book: Any) -> dict[str, Any]:
    return {
        "header": book.add_format({"bold": True, "text_wrap": True, "valign": "vcenter",
                                   "bg_color": "#DDEBF7", "border": 1}),
        "note": book.add_format({"italic": True, "font_color": "#595959", "text_wrap": True,
                                 "valign": "top", "bg_color": "#F2F2F2", "border": 1}),
        "text": book.add_format({"num_format": "@"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
        "bold": book.add_format({"bold": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "date": book.add_format({"num_format": "dd/mm/yyyy"}),
    }


class _Lists:
    """Drop-down values that cannot be written inline (Excel allows 255 characters)."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._sheet: Any = None
        self._column = 0

    def source(self, values: Sequence[str]) -> str | list[str]:
        """The list inline, or a range of the hidden sheet when it is too long or a value
        holds a comma or a quote (an inline list is comma-separated)."""
        if len(",".join(values)) <= 250 and not any("," in v or '"' in v for v in values):
            return list(values)
        if self._sheet is None:
            self._sheet = self._book.add_worksheet(LISTS_SHEET)
            self._sheet.hide()
        for row, value in enumerate(values):
            self._sheet.write_string(row, self._column, value)
        letter = column_letter(self._column)
        self._column += 1
        return f"='{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"


def _model_columns(specs: Sequence[CriteriaSet]) -> list[_Column]:
    """A model's columns: relations, then the inputs of each of its sets (an input two sets
    declare, once: the first's)."""
    spec = specs[0]
    inputs = {n: g for s in reversed(specs) for n, g in s.inputs.items()}
    inputs = {n: inputs[n] for n in dict.fromkeys(n for s in specs for n in s.inputs)}
    columns = [_Column("id", RELATION_HEADERS["id"], _RELATION_NOTES["id"], "text"),
               _Column("name", RELATION_HEADERS["name"], _RELATION_NOTES["name"], "text")]
    for name in (*RELATIONS.get(spec.model, {}), "area"):
        columns.append(_Column(name, RELATION_HEADERS[name], _RELATION_NOTES[name], "text"))
    if spec.model == "citizen":
        columns.append(_Column("worker", RELATION_HEADERS["worker"], _RELATION_NOTES["worker"],
                               "boolean"))
    taken = {fold(c.header) for c in columns}
    labels = [fold(s.label.vi) for s in inputs.values() if s.label]
    awarded: dict[str, list[str]] = {}
    for notes in (_awarded_notes(s) for s in specs):
        for name, said in notes.items():
            awarded[name] = list(dict.fromkeys([*awarded.get(name, ()), *said]))
    for name, given in inputs.items():
        header = given.label.vi if given.label else name
        if fold(header) in taken or labels.count(fold(header)) > 1:
            header = name  # a label that would be ambiguous: the name is always understood
        taken.add(fold(header))
        extra = "".join(f"; {note}" for note in awarded.get(name, ()))
        columns.append(_Column(name, header, _input_note(given) + extra, given.type, given,
                               _prompt(given) + extra))
    evidence = {c.name: c for s in specs for c in _evidence_columns(s)}   # one per column
    return columns + list(evidence.values())


def _awarded_notes(spec: CriteriaSet) -> dict[str, list[str]]:
    """Per input, what it gives the points of: the indicators whose ``awarded`` reads it
    (format 1.1) — every awarded expression reads inputs, which have columns already."""
    notes: dict[str, list[str]] = {}
    for ind in spec.indicators:
        if ind.awarded is None:
            continue
        try:
            names = expression_names(parse_expression(ind.awarded, None))
        except CriteriaError:  # a set that does not compile is refused before this
            continue
        for name in sorted(names & set(spec.inputs)):
            notes.setdefault(name, []).append(
                f"điểm chấm chỉ số {ind.id} (tối đa {_number(ind.points)})")
    return notes


def _evidence_columns(spec: CriteriaSet) -> list[_Column]:
    """A column of references per indicator with named evidence documents (format 1.1)."""
    columns = []
    for ind in spec.indicators:
        documents = [e for e in ind.evidence if isinstance(e, Document)]
        if not documents:
            continue
        named = len(ind.required_documents) > 1
        listed = ", ".join((f"{d.id}: " if named else "") + d.title.vi
                           + (" (bắt buộc)" if d.required else "") for d in documents)
        note = (f"Tên tệp hoặc đường dẫn minh chứng của chỉ số {ind.id}, nhiều minh chứng "
                f"cách nhau bởi dấu ;" + (", mỗi minh chứng ghi mã ở đầu (ví dụ "
                f"{documents[0].id}: tep.pdf)" if named else "") + f" — {listed}")
        columns.append(_Column(f"{EVIDENCE_PREFIX}{ind.id}",
                               EVIDENCE_HEADER.format(id=ind.id), note, "text", prompt=note))
    return columns


def _area_columns(reformed: bool = False) -> list[_Column]:
    """The Địa bàn sheet's columns; after the reform its levels have no district."""
    def kind(name: str) -> str:
        if name == "level":
            return "level_reformed" if reformed else "level"
        return "integer" if name in AREA_TOTALS else "text"

    return [_Column(name, header, _AREA_NOTES["level_reformed" if reformed and
                                              name == "level" else name], kind(name))
            for name, header in AREA_HEADERS.items()]


def _crosswalk_columns() -> list[_Column]:
    """The Chuyển đổi địa bàn sheet: each old area code, the code it became, and when."""
    return [_Column(name, header, note, kind) for (name, header), (note, kind) in zip(
        CROSSWALK_HEADERS.items(),
        (("Mã địa bàn cũ (trước sắp xếp), ví dụ 01834", "text"),
         ("Mã địa bàn mới mà địa bàn cũ thuộc về, ví dụ 01840", "text"),
         ("Ngày có hiệu lực: ô ngày hoặc dd/mm/yyyy, ví dụ 01/07/2025", "date")),
        strict=True)]


def _prompt(spec: InputSpec) -> str:
    text = (spec.description or "").strip()
    note = _input_note(spec, description=False)
    return f"{text}\n{note}" if text and not _looks_vietnamese(text) else _input_note(spec)


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _looks_vietnamese(text: str) -> bool:
    """Whether a set's free-text description is Vietnamese (it has letters with marks)."""
    return any(unicodedata.combining(ch) or ch in "đĐ"
               for ch in unicodedata.normalize("NFD", text))


def _input_note(spec: InputSpec, *, description: bool = True) -> str:
    """Type, bounds and derivation in Vietnamese; the set's description first when it is
    in Vietnamese (the row is Vietnamese; other descriptions go in the cell prompt)."""
    text = (spec.description or "").strip().rstrip(".")
    parts = [text] if text and description and _looks_vietnamese(text) else []
    kind = _TYPE_WORDS[spec.type]
    if spec.type == "enum":  # the Vietnamese labels, as the drop-down offers them
        kind += ": " + ", ".join(spec.value_labels("vi"))
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None:
        kind += f" từ {_number(low)} đến {_number(high)}"
    elif low is not None:
        kind += f" ≥ {_number(low)}"
    elif high is not None:
        kind += f" ≤ {_number(high)}"
    parts.append(kind)
    if spec.required:
        parts.append("bắt buộc")
    if isinstance(spec.from_, Derivation):
        what = _COUNTED.get(spec.from_.count, spec.from_.count)
        sheet = MODEL_SHEETS.get(spec.from_.count, spec.from_.count)
        parts.append(f"tự đếm số {what}{_WHERE_WORDS[spec.from_.where]} từ sheet {sheet} "
                     + ("(số ghi ở đây được ưu tiên)" if spec.from_.prefer == "data"
                        else "khi sheet đó có dữ liệu"))
    return "; ".join(parts)


def _write_sheet(sheet: Any, styles: Mapping[str, Any], lists: _Lists,
                 columns: Sequence[_Column]) -> None:
    last_row = 1_048_575
    lines = {0: 2, 1: 3}
    for k, column in enumerate(columns):
        note = column.note if k else f"{MARKER} {column.note}"
        width = min(max(len(column.header) + 3, 12, min(len(note) // 3, 30)), 40)
        lines[0] = max(lines[0], math.ceil(len(column.header) * 1.1 / width))
        lines[1] = max(lines[1], math.ceil(len(note) * 1.1 / width))
        text = column.kind in ("text", "enum", "string", "level", "level_reformed")
        shown = styles["text"] if text else styles["date"] if column.kind == "date" else None
        sheet.set_column(k, k, width, shown)
        sheet.write_string(0, k, column.header, styles["header"])
        sheet.write_string(1, k, note, styles["note"])
        rule = _validation(column, lists)
        if rule is not None:
            rule["input_title"] = column.header[:32]
            rule["input_message"] = (column.prompt or column.note)[:255]
            sheet.data_validation(2, k, last_row, k, rule)
    sheet.set_row(0, 15 * min(lines[0], 6))
    sheet.set_row(1, 15 * min(lines[1], 8))
    sheet.freeze_panes(2, 1)
    _print_setup(sheet, header_rows=2)


def _print_setup(sheet: Any, header_rows: int = 0) -> None:
    """A4 landscape, every column on the page's width (as many pages down as it takes),
    the header rows repeated on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)                       # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)


def _validation(column: _Column, lists: _Lists) -> dict[str, Any] | None:
    spec = column.spec
    if column.kind == "boolean":
        return {"validate": "list", "source": ["Có", "Không"],
                "error_title": "Có hoặc Không", "error_message": "Chọn Có hoặc Không."}
    if column.kind in ("level", "level_reformed"):
        levels = REFORMED_LEVELS if column.kind == "level_reformed" else TEMPLATE_LEVELS
        return {"validate": "list", "source": list(levels),
                "error_title": "Cấp địa bàn", "error_message": "Chọn một cấp trong danh sách."}
    if column.kind == "date":
        return {"validate": "date", "criteria": ">=", "value": datetime(2000, 1, 1),
                "error_title": "Ngày", "error_message": "Nhập một ngày, ví dụ 01/07/2025."}
    if column.kind == "enum" and spec is not None and spec.values:
        labels = spec.value_labels("vi")
        return {"validate": "list", "source": lists.source(labels),
                "error_title": "Giá trị không hợp lệ",
                "error_message": ("Chọn một giá trị: " + ", ".join(labels))[:255]}
    if column.kind not in ("integer", "number"):
        return None
    whole = column.kind == "integer"
    low = spec.minimum if spec is not None else 0.0
    high = spec.maximum if spec is not None else None
    rule: dict[str, Any] = {"validate": "integer" if whole else "decimal",
                            "error_title": "Số không hợp lệ"}
    def bound(value: float, up: bool) -> float | int:
        if not whole:
            return int(value) if float(value).is_integer() else value
        return math.ceil(value) if up else math.floor(value)

    if low is not None and high is not None:
        rule.update(criteria="between", minimum=bound(low, True), maximum=bound(high, False))
        words = f"từ {_number(low)} đến {_number(high)}"
    elif low is not None:
        rule.update(criteria=">=", value=bound(low, True))
        words = f"≥ {_number(low)}"
    elif high is not None:
        rule.update(criteria="<=", value=bound(high, False))
        words = f"≤ {_number(high)}"
    else:
        rule.update(criteria="between", minimum=-10**12, maximum=10**12)
        words = ""
    kind = "một số nguyên" if whole else "một số"
    rule["error_message"] = f"Nhập {kind} {words}".strip() + "."
    return rule


def _write_guide(book: Any, styles: Mapping[str, Any], sets: Sequence[CriteriaSet],
                 year: int | None) -> None:
    sheet = book.add_worksheet(GUIDE_SHEET)
    sheet.set_column(0, 0, 110, styles["wrap"])
    _print_setup(sheet)
    title = "Mẫu nhập liệu minh chứng — mô hình học tập (Chương trình 387)"
    sheet.write_string(0, 0, title + (f", năm {year}" if year else ""), styles["title"])
    lines = [
        "Mỗi sheet là một loại đối tượng: "
        + ", ".join(MODEL_SHEETS.get(s.model, s.model) for s in sets)
        + f"; sheet {AREAS_SHEET} là danh sách địa bàn (tỉnh, xã, thôn…) và tổng số hộ.",
        "Dòng 1 là tên cột; dòng 2 (bắt đầu bằng #) giải thích cột — đừng xóa hai dòng này. "
        "Nhập dữ liệu từ dòng 3, mỗi đối tượng một dòng.",
        "Cột Mã: mỗi đối tượng một mã không trùng. Quan hệ ghi bằng mã: cột Gia đình của "
        "công dân ghi mã gia đình, cột Cộng đồng của gia đình ghi mã thôn, tổ dân phố…",
        "Cột Có/Không: chọn trong danh sách. Cột số: chỉ nhập số trong giới hạn đã ghi.",
        "Ô để trống nghĩa là chưa có minh chứng: đối tượng đó được xếp “chưa đủ minh chứng”, "
        "không bị coi là không đạt.",
        "Sheet không dùng có thể để trống. Ghi chú riêng đặt trong sheet có tên bắt đầu "
        "bằng dấu _ .",
        "",
        "Bộ tiêu chí áp dụng:",
    ]
    if year is not None and year >= REFORM_YEAR:
        lines[1:1] = [f"Sheet {CROSSWALK_SHEET}: mỗi mã địa bàn cũ (trước 1/7/2025) với mã "
                      "địa bàn mới nó thuộc về và ngày có hiệu lực, để so sánh với các năm "
                      "trước. Từ 1/7/2025 không còn cấp huyện."]
    lines += [f"• {s.title.vi} — mã bộ tiêu chí {s.id}"
              + (f" (áp dụng cho: {s.applies_to})" if s.applies_to else "") for s in sets]
    for row, line in enumerate(lines, start=2):
        sheet.write_string(row, 0, line, styles["bold"] if line.endswith(":") else None)
