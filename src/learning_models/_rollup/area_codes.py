"""Area codes are codes: the crosswalks' codes checked against the area lists, a lost
leading zero put back with a warning, a code that names no area refused.

A spreadsheet reads ``01846`` typed into a General cell as the number 1846; the crosswalk
row ``1846 → 01843`` then maps nothing, the 2024 records of Huyền Tụng fall out of the
comparison, and the rates compared become impossible. So, before a roll-up uses them, every
crosswalk row of the current dataset and of the earlier ones is checked:

- the new code must be an area of the current year's area list (or of the crosswalk's own
  dataset's); the old code an area of an earlier year's area list, of the current one, or
  of its own dataset's — when no earlier area list is given, an old code can only be checked
  for its length;
- a code that is not known but is once left-padded with zeros to a level's length
  (province 2, former district 3, commune 5, village as the area lists define them) is
  corrected, with a warning naming the file, row and column — under ``--strict`` the report
  is then refused;
- any other unknown code rejects its row (an error of the data-quality section).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import polars as pl

from .._criteria import Text
from .._evidence import CODE_LENGTHS, LINE, ROW, Dataset, padded
from .quality import QualityIssue

if TYPE_CHECKING:
    from .._scoring import DatasetEvaluation

__all__ = ["checked_crosswalks", "correction_issues"]

_COLUMNS = ("old_code", "new_code")


def checked_crosswalks(current: DatasetEvaluation, previous: Sequence[DatasetEvaluation],
                       ) -> tuple[DatasetEvaluation, list[DatasetEvaluation],
                                  list[QualityIssue]]:
    """`current` and `previous` with their crosswalks checked (codes corrected, rows that
    name no area dropped) and the issues found."""
    now = _codes(current.dataset)
    before: set[str] = set().union(*(_codes(p.dataset) for p in previous))
    lengths = _lengths([current.dataset, *(p.dataset for p in previous)])
    issues: list[QualityIssue] = []
    fixed = []
    for evaluation in (current, *previous):
        data = evaluation.dataset
        if data.crosswalk is None:
            fixed.append(evaluation)
            continue
        own = _codes(data)
        known = {"new_code": now | own, "old_code": now | own | before}
        crosswalk, found = _check(data.crosswalk, data.crosswalk_file, known,
                                  checkable=bool(before) or evaluation is not current,
                                  lengths=lengths)
        issues += found
        fixed.append(replace(evaluation, dataset=replace(data, crosswalk=crosswalk)))
    return fixed[0], fixed[1:], issues


def correction_issues(data: Dataset) -> list[QualityIssue]:
    """The codes of `data`'s files read with their lost leading zeros, as warnings."""
    return [_corrected((c.file, c.row, c.line, c.column), c.found, c.read_as, True)
            for c in data.corrections]


def _codes(data: Dataset) -> set[str]:
    if data.areas is None:
        return set()
    return set(data.areas["code"].cast(pl.String).drop_nulls().to_list())


def _lengths(datasets: Sequence[Dataset]) -> list[int]:
    """The code lengths of the levels: the fixed ones and those the area lists use for
    villages."""
    found = set(CODE_LENGTHS.values())
    for data in datasets:
        if data.areas is not None:
            villages = data.areas.filter(pl.col("level") == "village")["code"]
            found |= set(villages.cast(pl.String).str.len_chars().unique().to_list())
    return sorted(found)


def _clean(value: object) -> str | None:
    """A code as text: trimmed, a number's ``.0`` (a spreadsheet's number cell) dropped."""
    if value is None:
        return None
    text = str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text or None


def _check(frame: pl.DataFrame, file: str | None, known: dict[str, set[str]], *,
           checkable: bool, lengths: Sequence[int]) -> tuple[pl.DataFrame, list[QualityIssue]]:
    """The crosswalk with its codes corrected and its rows naming no area left out."""
    issues: list[QualityIssue] = []
    rows = frame.to_dicts()
    kept: list[dict[str, object]] = []
    for number, row in enumerate(rows, start=1):
        ok = True
        for column in _COLUMNS:
            code = _clean(row.get(column))
            if code is None:
                continue
            codes = known[column] if column == "new_code" or checkable else set()
            where = (file, row.get(ROW) or number, row.get(LINE), column)
            if code in codes or (not codes and len(code) in lengths):
                row[column] = code
                continue
            fix = padded(code, codes, lengths)
            if fix is not None:
                issues.append(_corrected(where, code, fix, bool(codes)))
                row[column] = fix
            elif codes:
                issues.append(_unknown(where, code, column))
                ok = False
        if ok:
            kept.append(row)
    fixed = pl.DataFrame(kept, schema=frame.schema) if kept else frame.clear()
    return fixed, issues


def _corrected(where: tuple[str | None, int, int | None, str], code: str, fix: str,
               checked: bool) -> QualityIssue:
    file, row, line, column = where
    vi_check = "" if checked else " (chưa đối chiếu được: không có danh mục địa bàn năm trước)"
    en_check = "" if checked else " (not checked: no earlier area list given)"
    return QualityIssue(
        "code_corrected", "warning", file, row, line, column, code,
        Text(vi=f"Mã địa bàn {code!r} thiếu số 0 ở đầu; đã đọc là {fix!r}{vi_check}",
             en=f"area code {code!r} lacks its leading zeros; read as {fix!r}{en_check}"),
        Text(vi="không làm thay đổi số liệu; cần sửa ô này trong tệp (định dạng ô là văn bản)",
             en="no figure changes; correct the cell in the file (format it as text)"),
        (fix,))


def _unknown(where: tuple[str | None, int, int | None, str], code: str,
             column: str) -> QualityIssue:
    file, row, line, _ = where
    vi_side = "mới" if column == "new_code" else "cũ"
    return QualityIssue(
        "crosswalk_rejected", "error", file, row, line, column, code,
        Text(vi=f"Mã địa bàn {vi_side} {code!r} của bảng chuyển đổi không có trong danh mục "
                "địa bàn; dòng này bị bỏ qua",
             en=f"the crosswalk's {column} {code!r} names no area of the area lists; the "
                "row is left out"),
        Text(vi="hồ sơ năm trước của địa bàn cũ này không được so sánh theo địa bàn (chỉ "
                "tính trong toàn bộ dữ liệu)",
             en="the earlier records of that old area are not compared area by area (only "
                "in the whole dataset)"))
