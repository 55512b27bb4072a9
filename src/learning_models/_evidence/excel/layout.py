"""The data-entry workbook's layout: its sheet names, column headers and level words.

Shared by the reader (`excel.read`) and the template writer (`excel.template`), so that
the workbook written is the one read back. Also how the reader compares what a user typed
with these names: headers folded (trimmed, case-insensitive, one Unicode form), sheet names
without diacritics or separators ("Gia dinh", "gia-dinh" are the sheet "Gia đình").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "AREAS_SHEET",
    "AREA_ALIASES",
    "AREA_HEADERS",
    "CROSSWALK_HEADERS",
    "CROSSWALK_SHEET",
    "EVIDENCE_HEADER",
    "GUIDE_SHEET",
    "LEVEL_WORDS",
    "LISTS_SHEET",
    "MARKER",
    "MODEL_SHEETS",
    "REFORMED_LEVELS",
    "REFORM_YEAR",
    "RELATION_HEADERS",
    "TEMPLATE_LEVELS",
    "WORKBOOK_SUFFIXES",
    "column_letter",
    "fold",
    "is_note_sheet",
    "sheet_kind",
]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
#: The Vietnamese sheet name of each model (also accepted: the model id, and either
#: without diacritics, e.g. "Gia dinh", "gia-dinh").
MODEL_SHEETS: dict[str, str] = {
    "citizen": "Công dân", "family": "Gia đình", "clan": "Dòng họ",
    "community": "Cộng đồng", "unit": "Đơn vị",
}
AREAS_SHEET = "Địa bàn"
CROSSWALK_SHEET = "Chuyển đổi địa bàn"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "_danh-muc"
#: A row right below the header whose first cell starts with this is an explanation.
MARKER = "#"

#: The Vietnamese headers of the relation columns (and their model-independent names).
RELATION_HEADERS: dict[str, str] = {
    "id": "Mã", "name": "Tên", "family": "Gia đình", "unit": "Đơn vị",
    "community": "Cộng đồng", "clan": "Dòng họ", "area": "Địa bàn", "worker": "Người lao động",
}
AREA_HEADERS: dict[str, str] = {
    "code": "Mã", "name": "Tên", "level": "Cấp", "parent": "Thuộc",
    "households": "Số hộ gia đình", "clans": "Số dòng họ", "communities": "Số cộng đồng",
    "units": "Số đơn vị", "higher_units": "Số đơn vị cấp huyện, tỉnh",
    "workers": "Số người lao động", "staff": "Số cán bộ, nhân viên",
}
#: Other headers the Địa bàn sheet accepts (folded).
AREA_ALIASES = {"mã cấp trên": "parent", "số hộ": "households",
                "số thôn, tổ dân phố": "communities", "số cán bộ": "staff"}
CROSSWALK_HEADERS: dict[str, str] = {
    "old_code": "Mã cũ", "new_code": "Mã mới", "since": "Từ ngày",
}
#: Vietnamese words for the area levels (the template offers the first of each).
LEVEL_WORDS: dict[str, str] = {
    "quốc gia": "country", "tỉnh": "province", "thành phố trực thuộc trung ương": "province",
    "huyện": "district", "quận": "district", "thị xã": "district",
    "thành phố thuộc tỉnh": "district", "xã": "commune", "phường": "commune",
    "thị trấn": "commune", "đặc khu": "commune", "thôn": "village", "tổ dân phố": "village",
    "bản": "village", "ấp": "village", "xóm": "village", "làng": "village", "buôn": "village",
}
#: The level words the template's drop-down offers.
TEMPLATE_LEVELS = ("quốc gia", "tỉnh", "huyện", "xã", "phường", "thị trấn", "thôn",
                   "tổ dân phố")
#: The first evaluation year of the two-tier map (no districts since 1 July 2025), and the
#: levels its template offers.
REFORM_YEAR = 2026
REFORMED_LEVELS = ("quốc gia", "tỉnh", "xã", "phường", "đặc khu", "thôn", "tổ dân phố")
_IGNORED_SHEETS = ("huong dan", "instructions", "readme", "ghi chu", "notes")


#: The header of the column of an indicator's evidence references (format 1.1 named
#: evidence), e.g. ``Minh chứng C1.1``; read back as ``evidence.C1.1``.
EVIDENCE_HEADER = "Minh chứng {id}"


def fold(text: str) -> str:
    """Compare headers trimmed, case-insensitively, in one Unicode form, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _plain(text: str) -> str:
    """A sheet name without diacritics, case or separators ("Gia đình" → "gia dinh")."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-_.]", " ", bare).split())


_SHEET_KINDS: dict[str, str] = {
    **{_plain(m): m for m in MODEL_SHEETS}, **{_plain(v): m for m, v in MODEL_SHEETS.items()},
    _plain(AREAS_SHEET): "areas", "areas": "areas",
    _plain(CROSSWALK_SHEET): "crosswalk", "crosswalk": "crosswalk",
}


def sheet_kind(name: str) -> str | None:
    """What a sheet holds: a model id, ``areas`` or ``crosswalk``; None for another sheet."""
    return _SHEET_KINDS.get(_plain(name))


def is_note_sheet(name: str) -> bool:
    """A sheet of notes, never read: named ``_…``, ``#…`` or like a guide (Hướng dẫn)."""
    return name.startswith(("_", MARKER)) or _plain(name) in _IGNORED_SHEETS


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
