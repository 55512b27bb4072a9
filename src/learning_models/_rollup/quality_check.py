"""Finding the data-quality issues of a roll-up (`assess_quality`); the issues themselves and
their words are in `quality`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from .._criteria import Text
from .._evidence import RELATIONS, RecordError
from .quality import TOTAL_OF, TOTAL_WORDS, DataQuality, QualityIssue
from .types import EXTRA_TOTALS, AreaRollup, ModelFigures

__all__ = ["assess_quality"]


def assess_quality(errors: Iterable[RecordError], areas: pl.DataFrame,
                   built: Sequence[AreaRollup], *, areas_file: str | None = None,
                   files: Mapping[str, str] | None = None,
                   extra: Iterable[QualityIssue] = ()) -> DataQuality:
    """The issues of a roll-up's data: the rejected rows of its area list (`areas_file`)
    and of its relations (`files`: each subject file's model) among `errors`, the figures of
    `built` over their area's total, and `extra` (the crosswalks')."""
    names = {c: n for c, n in areas.select("code", "name").iter_rows()}
    parents = {c: p for c, p in areas.select("code", "parent").iter_rows()}
    issues: list[QualityIssue] = []
    relations = {file: (m, {*RELATIONS.get(m, {}), "area"})
                 for file, m in (files or {}).items()}
    figures = {a.code: a.models for a in built}
    for error in errors:
        if areas_file is not None and error.file == areas_file:
            issues.append(_area_issue(error, names, parents, figures))
        elif error.file in relations and error.field in relations[error.file][1]:
            issues.append(_relation_issue(error, relations[error.file][0]))
    issues += (_over_total(area, model) for area in built
               for model, figures in area.models.items() if figures.data_problem)
    issues += extra
    order = {"error": 0, "warning": 1}
    issues.sort(key=lambda i: (order[i.severity], i.file or "", i.row or 0, i.column or ""))
    return DataQuality(tuple(dict.fromkeys(issues)))


def _chain(code: str, parents: Mapping[str, str | None]) -> tuple[str, ...]:
    """`code` and its ancestors, nearest first."""
    found: list[str] = []
    current: str | None = code
    while current is not None and current not in found and len(found) < 8:
        found.append(current)
        current = parents.get(current)
    return tuple(found)


def _area_issue(error: RecordError, names: Mapping[str, str | None],
                parents: Mapping[str, str | None],
                figures: Mapping[str, Mapping[str, ModelFigures]]) -> QualityIssue:
    code = (error.record or "").strip()
    if code and code in names and error.field in TOTAL_WORDS:
        chain = _chain(code, parents)
        column = error.field or ""
        model = next((m for m, t in TOTAL_OF.items() if t == column), None) or next(
            (m for m, ts in EXTRA_TOTALS.items() if column in ts), None)
        used = [(c, figures.get(c, {}).get(model or "")) for c in chain]
        shown = Text(vi=", ".join(_denominator(names.get(c) or c, c, f, "vi") for c, f in used),
                     en=", ".join(_denominator(names.get(c) or c, c, f, "en") for c, f in used))
        return QualityIssue(
            "area_total_unknown", "error", error.file, error.row, error.line, error.field,
            error.record,
            Text(vi=f"{TOTAL_WORDS[column].capitalize()} của {names.get(code) or code} "
                    f"({code}) không đọc được ({error.text('vi')})",
                 en=f"the {column} total of {names.get(code) or code} ({code}) cannot be "
                    f"read ({error.text('en')})"),
            Text(vi="địa bàn vẫn được giữ với số hồ sơ của nó; mẫu số (tổng của các địa bàn "
                    "con nếu đủ, nếu không là số hồ sơ trong dữ liệu): " + shown.vi,
                 en="the area keeps its place and its records; denominators (the sum over "
                    "the children when they all have one, else the number of records): "
                    + shown.en),
            chain, (model,) if model else ())
    return QualityIssue(
        "area_rejected", "error", error.file, error.row, error.line, error.field,
        error.record,
        Text(vi=f"Địa bàn {code or '(không mã)'} bị loại khỏi danh mục ({error.text('vi')})",
             en=f"area {code or '(no code)'} is left out of the area list "
                f"({error.text('en')})"),
        Text(vi="các hồ sơ ghi địa bàn này bị từ chối; các hồ sơ chỉ thuộc địa bàn này qua "
                "thôn, tổ được tính vào dòng “Chưa xác định địa bàn”",
             en="the records naming this area are rejected; records that belong to it only "
                "through their village are counted in the line “Area unknown”"),
        (code,) if code else ())


def _denominator(name: str, code: str, figures: ModelFigures | None, lang: str) -> str:
    """``Xã Dương Quang (01849) 820 (tổng số của địa bàn)``: the denominator a figure used."""
    if figures is None:
        return f"{name} ({code}) " + ("không có số liệu" if lang == "vi" else "no figure")
    kind = {"area_total": ("tổng số của địa bàn", "area total"),
            "subjects": ("số hồ sơ", "records")}[figures.denominator_kind]
    return f"{name} ({code}) {figures.denominator} ({kind[0] if lang == 'vi' else kind[1]})"


def _relation_issue(error: RecordError, model: str) -> QualityIssue:
    return QualityIssue(
        "relation_rejected", "error", error.file, error.row, error.line, error.field,
        error.record,
        Text(vi=f"Hồ sơ {error.record or ''} bị từ chối vì liên kết “{error.field}” không "
                f"hợp lệ ({error.text('vi')})",
             en=f"record {error.record or ''} is rejected: its {error.field!r} link is not "
                f"valid ({error.text('en')})"),
        Text(vi="hồ sơ được đếm là bị từ chối, không tính vào số đạt",
             en="the record counts as rejected, not as recognised"))


def _over_total(area: AreaRollup, model: str) -> QualityIssue:
    figures = area.models[model]
    return QualityIssue(
        "over_total", "error", None, None, None, None, None,
        Text(vi=f"{area.name} ({area.code}): {figures.subjects} hồ sơ {model} nhiều hơn tổng "
                f"số của địa bàn ({figures.area_total})",
             en=f"{area.name} ({area.code}): {figures.subjects} {model} records, more than "
                f"the area's total ({figures.area_total})"),
        Text(vi="tỷ lệ của địa bàn này không được công bố (lỗi số liệu), không so với chỉ "
                "tiêu",
             en="the area's rate is not published (a data problem) nor checked against the "
                "target"),
        (area.code,), (model,))
