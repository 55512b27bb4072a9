"""The annual report as plain data: what the workbook and the web page both show.

`build_report` turns an evaluation and its roll-up into a `Report`: a title and the area it
is about (the one the plan's targets name — when an administrative reform removed it, the
areas the crosswalk says it became), the year, where the figures come from (criteria
sets with their content hashes, source documents and how many of their indicators are
verified — the notice every report shows near the top — and the plan's targets), summary
rows per area against the targets, per-model per-commune figures, and the recognition lists
per commune (the subjects proposed for recognition with their score and grade; how many were
not recognised or are incomplete, which ``results.csv`` lists). Every text is already in the
report's language; writers only lay it out. Nothing here depends on the time of day, so the
same inputs give the same report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import polars as pl

from .._criteria import AppliedOverlay, CriteriaSet, Lang, fold_word
from .._documents import check_lang
from .._rollup import (
    ALL,
    LEVELS,
    MODELS,
    SHARES,
    UNLOCATED,
    AreaRollup,
    ModelFigures,
    RateChange,
    Rollup,
    ShareFigures,
    TargetsLike,
    format_percent,
)
from .._scoring import GRADE_BEST, GRADE_WORST, DatasetEvaluation, Provenance, check_evaluation
from .._version import __version__
from ..errors import LearningModelsError
from .letterhead import LetterheadUsed, letterhead_of
from .levels import level_label

__all__ = [
    "LABELS",
    "AreaSummary",
    "CommuneList",
    "Figure",
    "ListEntry",
    "ModelRow",
    "ModelTable",
    "OverlayUsed",
    "Report",
    "SetUsed",
    "SourceNotice",
    "build_report",
]

#: Every word the report shows, in Vietnamese and English.
LABELS: dict[str, dict[Lang, str]] = {
    "title": {"vi": "Báo cáo kết quả xây dựng các mô hình học tập năm {year}",
              "en": "Learning models: annual report {year}"},
    "summary": {"vi": "Tổng hợp", "en": "Summary"},
    "summary_intro": {"vi": "Kết quả so với chỉ tiêu của kế hoạch, theo địa bàn.",
                      "en": "Results against the plan's targets, by area."},
    "lists": {"vi": "Danh sách đề nghị công nhận", "en": "Recognition lists"},
    "lists_intro": {"vi": "Các đối tượng đạt tiêu chí, đề nghị công nhận, theo xã/phường, với "
                          "điểm và xếp loại. Hồ sơ không đạt hoặc chưa đủ minh chứng không "
                          "có trong danh sách này; tệp results.csv có kết quả của mọi hồ sơ.",
                    "en": "The subjects that meet the criteria, proposed for recognition, by "
                          "commune, with their score and grade. Records not recognised or "
                          "incomplete are not listed here; results.csv has every record's "
                          "result."},
    "lists_rest": {"vi": "Không đưa vào danh sách: {items} (xem results.csv).",
                   "en": "Not listed: {items} (see results.csv)."},
    "rest_not_recognised": {"vi": "{n} hồ sơ không đạt", "en": "{n} not recognised"},
    "rest_incomplete": {"vi": "{n} hồ sơ chưa đủ minh chứng", "en": "{n} incomplete"},
    "lists_none": {"vi": "Không có đối tượng đề nghị công nhận.",
                   "en": "No subject is proposed for recognition."},
    "lists_rest_head": {"vi": "Hồ sơ không đưa vào danh sách (xem results.csv)",
                        "en": "Records not listed (see results.csv)"},
    "lists_toc": {"vi": "Mỗi xã, phường có trang danh sách riêng (mở từ tên xã, phường), "
                        "{rows} đối tượng một trang.",
                  "en": "Each commune's list is on pages of its own (open them from the "
                        "commune's name), {rows} subjects a page."},
    "proposed": {"vi": "Đề nghị công nhận", "en": "Proposed"},
    "not_listed": {"vi": "Không đưa vào danh sách", "en": "Not listed"},
    "pages": {"vi": "Trang", "en": "Pages"},
    "page_of": {"vi": "Trang {n}/{pages}", "en": "Page {n} of {pages}"},
    "back_to_report": {"vi": "← Về báo cáo tổng hợp", "en": "← Back to the report"},
    "previous_page": {"vi": "← Trang trước", "en": "← Previous page"},
    "next_page": {"vi": "Trang sau →", "en": "Next page →"},
    "notice": {"vi": "Lưu ý về nguồn của bộ tiêu chí", "en": "About the criteria's sources"},
    "notice_sources": {"vi": "Nguồn của bộ tiêu chí", "en": "The criteria's sources"},
    "notice_unverified": {
        "vi": "Lưu ý: bộ tiêu chí “{title}” ({id}; văn bản nguồn: {document}) có "
              "{unverified}/{total} chỉ tiêu chưa được đối chiếu với văn bản gốc (verified: "
              "false); đã đối chiếu {verified}/{total} chỉ tiêu ({share}).",
        "en": "Note: the criteria set “{title}” ({id}; source document: {document}) has "
              "{unverified} of {total} indicators not checked against the original document "
              "(verified: false); {verified} of {total} are verified ({share})."},
    "notice_verified": {
        "vi": "Bộ tiêu chí “{title}” ({id}; văn bản nguồn: {document}): cả {total}/{total} "
              "chỉ tiêu đã được đối chiếu với văn bản gốc.",
        "en": "The criteria set “{title}” ({id}; source document: {document}): all {total} "
              "indicators are checked against the original document."},
    "notice_overlay": {
        "vi": "Bộ tiêu chí {id} được điều chỉnh tại địa phương: “{name}” ({who}) — {changes}.",
        "en": "The set {id} is changed locally: “{name}” ({who}) — {changes}."},
    "notice_closing": {
        "vi": "Các chỉ tiêu chưa đối chiếu là bản dựng lại khi chưa tìm được văn bản chính "
              "thức; cần đối chiếu với văn bản gốc trước khi dùng kết quả để công nhận chính "
              "thức.",
        "en": "Unverified indicators are reconstructions made where the official text was "
              "not found; check them against the original documents before the results are "
              "used for official recognition."},
    "no_document": {"vi": "chưa xác định", "en": "none named"},
    "document": {"vi": "Văn bản nguồn", "en": "Source document"},
    "verified": {"vi": "Chỉ tiêu đã đối chiếu", "en": "Indicators verified"},
    "verified_share": {"vi": "{verified}/{total} ({share})",
                       "en": "{verified} of {total} ({share})"},
    "sources": {"vi": "Nguồn số liệu", "en": "Sources"},
    "notes": {"vi": "Ghi chú", "en": "Notes"},
    "year": {"vi": "Năm đánh giá", "en": "Evaluation year"},
    "sets": {"vi": "Bộ tiêu chí", "en": "Criteria sets"},
    "targets": {"vi": "Chỉ tiêu theo kế hoạch", "en": "Targets (plan)"},
    "no_targets": {"vi": "không so với chỉ tiêu", "en": "no targets given"},
    "engine": {"vi": "Phần mềm", "en": "Software"},
    "hash": {"vi": "Mã băm nội dung", "en": "Content hash"},
    "period": {"vi": "Giai đoạn", "en": "Period"},
    "model": {"vi": "Mô hình", "en": "Model"},
    "records": {"vi": "Hồ sơ đầu vào", "en": "Input records"},
    "input_rows": {"vi": "{rows} hồ sơ đầu vào: {evaluated} đã đánh giá, {rejected} bị từ chối",
                   "en": "{rows} input records: {evaluated} evaluated, {rejected} rejected"},
    "area": {"vi": "Địa bàn", "en": "Area"},
    "code": {"vi": "Mã", "en": "Code"},
    "level": {"vi": "Cấp", "en": "Level"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "reached": {"vi": "Số đạt", "en": "Reached"},
    "denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "denominator_kind": {"vi": "Cơ sở mẫu số", "en": "Denominator basis"},
    "rate": {"vi": "Tỷ lệ", "en": "Rate"},
    "target": {"vi": "Chỉ tiêu", "en": "Target"},
    "milestone": {"vi": "Mốc năm", "en": "Milestone"},
    "gap": {"vi": "Còn thiếu", "en": "Still needed"},
    "assessment": {"vi": "Nhận xét", "en": "Assessment"},
    "change": {"vi": "So với năm {year}", "en": "Change since {year}"},
    "rate_in": {"vi": "Tỷ lệ {year}", "en": "Rate {year}"},
    "points_change": {"vi": "{sign}{value} điểm % (từ {before})",
                      "en": "{sign}{value} pts (from {before})"},
    "subjects": {"vi": "Số hồ sơ", "en": "Records"},
    "evaluated": {"vi": "Đã đánh giá", "en": "Evaluated"},
    "recognised": {"vi": "Đạt", "en": "Recognised"},
    "not_recognised": {"vi": "Không đạt", "en": "Not recognised"},
    "incomplete": {"vi": "Chưa đủ minh chứng", "en": "Incomplete"},
    "rejected": {"vi": "Bị từ chối", "en": "Rejected"},
    "area_total": {"vi": "tổng số của địa bàn", "en": "area total"},
    "subjects_basis": {"vi": "số hồ sơ trong dữ liệu", "en": "records in the data"},
    "subjects_note": {"vi": "† Mẫu số là số hồ sơ trong dữ liệu vì danh mục địa bàn chưa có "
                            "tổng số.",
                      "en": "† The denominator is the number of records in the data: the "
                            "area list gives no total."},
    "citizens_basis": {"vi": "số người trong dữ liệu", "en": "people in the data"},
    "number": {"vi": "STT", "en": "No."},
    "id": {"vi": "Mã hồ sơ", "en": "ID"},
    "name": {"vi": "Tên", "en": "Name"},
    "score": {"vi": "Điểm", "en": "Score"},
    "max_score": {"vi": "Điểm tối đa", "en": "Out of"},
    "grade": {"vi": "Xếp loại", "en": "Grade"},
    "grade_range": {"vi": "{low} – {high} (chưa xác định: thiếu minh chứng)",
                    "en": "{low} – {high} (not decided: evidence missing)"},
    "decision": {"vi": "Kết quả", "en": "Decision"},
    "commune": {"vi": "Xã/phường", "en": "Commune"},
    "total_row": {"vi": "Toàn bộ dữ liệu", "en": "Whole dataset"},
    "sum_row": {"vi": "Tổng cộng", "en": "Total"},
    "short_family": {"vi": "Gia đình học tập", "en": "Learning families"},
    "short_clan": {"vi": "Dòng họ học tập", "en": "Learning clans"},
    "short_community": {"vi": "Cộng đồng học tập", "en": "Learning communities"},
    "short_unit": {"vi": "Đơn vị học tập", "en": "Learning units"},
    "short_citizen": {"vi": "Công dân học tập", "en": "Learning citizens"},
    "unknown_area": {"vi": "Chưa xác định địa bàn", "en": "Area unknown"},
    "chart": {"vi": "Tỷ lệ đạt theo xã/phường so với chỉ tiêu {target} ({year})",
              "en": "Rate by commune against the target of {target} ({year})"},
    "chart_no_target": {"vi": "Tỷ lệ đạt theo xã/phường", "en": "Rate by commune"},
    "unmeasured": {"vi": "Chỉ tiêu chưa tính được từ dữ liệu (cần báo cáo riêng): {items}",
                   "en": "Targets the data cannot measure (report them separately): {items}"},
    "citizens_in_learning_households": {
        "vi": "Công dân học tập trong gia đình, dòng họ, cộng đồng học tập",
        "en": "Learning citizens among workers in learning families, clans, communities"},
    "citizens_in_learning_units": {
        "vi": "Công dân học tập trong đơn vị học tập",
        "en": "Learning citizens among staff of learning units"},
    "level_all": {"vi": "Toàn bộ", "en": "All"},
    "level_country": {"vi": "Toàn quốc", "en": "Country"},
    "level_province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "level_district": {"vi": "Huyện/quận", "en": "District"},
    "level_commune": {"vi": "Xã/phường", "en": "Commune"},
    "level_village": {"vi": "Thôn/tổ dân phố", "en": "Village"},
    "programme": {"vi": "Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng "
                        "đồng, đơn vị (Quyết định 387/QĐ-TTg)",
                  "en": "Lifelong learning in families, clans, communities and units "
                        "(Decision 387/QĐ-TTg)"},
    "contents": {"vi": "Nội dung", "en": "Contents"},
    "still": {"vi": "thiếu {gap}", "en": "{gap} short"},
    "met_short": {"vi": "đạt chỉ tiêu", "en": "target met"},
    "overlays": {"vi": "Điều chỉnh của địa phương", "en": "Local changes (overlays)"},
    "overlay_plugin": {"vi": "Gói mở rộng", "en": "Plugin"},
    "overlay_changes": {"vi": "Thay đổi", "en": "Changes"},
    "overlay_file": {"vi": "tệp điều chỉnh", "en": "overlay file"},
    "overlay_by": {"vi": "gói mở rộng {plugin}", "en": "plugin {plugin}"},
    "generated": {"vi": "Lập từ dữ liệu năm {year} bằng {engine}.",
                  "en": "Built from the {year} data with {engine}."},
    "former_area": {"vi": "{name} (địa bàn cũ): {areas}", "en": "{name} (former area): {areas}"},
    "former_many": {"vi": "{n} địa bàn", "en": "{n} areas"},
    "former_note": {
        "vi": "Địa bàn của chỉ tiêu, {name} (mã {code}), không có trong danh mục địa bàn của "
              "dữ liệu; theo bảng chuyển đổi địa bàn, nay thuộc: {areas}. Số liệu tổng hợp là "
              "của các địa bàn này.",
        "en": "The targets' area, {name} (code {code}), is not in the data's area list; by "
              "the crosswalk it now lies in: {areas}. The figures are those of these areas."},
    "quality": {"vi": "Chất lượng số liệu", "en": "Data quality"},
    "quality_mark": {"vi": "Số liệu chưa đầy đủ", "en": "Incomplete data"},
    "quality_intro": {
        "vi": "Các vấn đề của dữ liệu làm ảnh hưởng đến số liệu của báo cáo (tệp, dòng, cột; "
              "số liệu bị ảnh hưởng):",
        "en": "Problems of the data that affect the report's figures (file, row, column; "
              "the figures affected):"},
    "doubtful": {"vi": "⚠ số liệu chưa đầy đủ (xem mục Chất lượng số liệu)",
                 "en": "⚠ incomplete data (see Data quality)"},
    "quality_more": {"vi": "… và {n} vấn đề khác (xem rollup.json và errors.csv).",
                     "en": "… and {n} more (see rollup.json and errors.csv)."},
    "over_total": {"vi": "lỗi số liệu: {subjects} hồ sơ, nhiều hơn tổng số của địa bàn "
                         "({total}); tỷ lệ không được công bố",
                   "en": "data problem: {subjects} records, more than the area's total "
                         "({total}); no rate is published"},
    "area_not_found": {
        "vi": "địa bàn của chỉ tiêu, {name} (mã {code}), không có trong danh mục địa bàn của "
              "dữ liệu và không bảng chuyển đổi địa bàn nào cho biết nay nó thuộc địa bàn "
              "nào: báo cáo không được lập (không lấy địa bàn khác thay cho nó)\n"
              "  gợi ý: thêm dữ liệu năm trước cải cách (--previous DATA --previous-year "
              "NĂM), một bảng chuyển đổi địa bàn có mã {code}, hoặc dùng chỉ tiêu của địa bàn "
              "hiện nay",
        "en": "the targets' area, {name} (code {code}), is not in the data's area list and no "
              "crosswalk says which areas it became: no report is made (no other area is "
              "taken for it)\n"
              "  hint: add the dataset of a year before the reform (--previous DATA "
              "--previous-year YEAR), a crosswalk that maps {code}, or targets of a current "
              "area"},
    "previous_rejected": {
        "vi": "Dữ liệu năm {year} dùng để so sánh có {n} hồ sơ bị từ chối (xem errors.csv); "
              "số liệu năm {year} không tính các hồ sơ này.",
        "en": "The {year} data compared with has {n} rejected records (see errors.csv); the "
              "{year} figures leave them out."},
}
#: How many current areas a former area's subtitle names (more: only how many).
FORMER_NAMED = 4
#: How many data-quality issues a report lists (rollup.json has them all).
QUALITY_SHOWN = 50
#: Levels the summary shows (villages stay in the roll-up data).
SUMMARY_LEVELS = ("all", "country", "province", "district", "commune")
_SWAP_SEPARATORS = str.maketrans(",.", ".,")


@dataclass(frozen=True, slots=True)
class OverlayUsed:
    """An overlay applied to a set the figures rest on: its name, the plugin that offered it
    (None for an overlay file) and what it changed (``add indicators C5.1``, …)."""

    name: str
    plugin: str | None
    changes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SetUsed:
    """A criteria set the figures rest on, with the overlays applied to it (in order), the
    document it rests on (None when it names none) and how many of its indicators (as
    applied, overlays included) have a verified source."""

    model: str
    id: str
    title: str
    period: str
    content_hash: str
    overlays: tuple[OverlayUsed, ...] = ()
    document: str | None = None
    indicators: int = 0
    verified: int = 0

    @property
    def verified_share(self) -> float:
        return self.verified / self.indicators if self.indicators else 0.0


@dataclass(frozen=True, slots=True)
class SourceNotice:
    """What every report shows near the top: which criteria sets were applied and how far
    their indicators are verified — one sentence per set, then one per overlay that changed
    it — under a heading, with a closing sentence when any indicator is unverified."""

    heading: str
    lines: tuple[str, ...]
    closing: str
    unverified: int              # indicators not verified, over every set
    indicators: int


@dataclass(frozen=True, slots=True)
class Figure:
    """One indicator in one area: reached of denominator, the rate, the target and the gap."""

    key: str                     # a model, or a share measure
    label: str
    reached: int
    denominator: int
    denominator_kind: str        # "area_total" | "subjects"
    rate: float | None
    target: float | None = None
    milestone_year: int | None = None
    gap: int | None = None
    met: bool | None = None
    assessment: str = ""         # the gap sentence
    changes: tuple[RateChange, ...] = ()


@dataclass(frozen=True, slots=True)
class AreaSummary:
    """The summary row(s) of one area: a figure per indicator."""

    code: str
    name: str
    level: str
    level_label: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True, slots=True)
class ModelRow:
    """One commune (or the whole dataset) in a model's table."""

    code: str
    name: str
    subjects: int
    evaluated: int
    recognised: int
    not_recognised: int
    incomplete: int
    rejected: int
    figure: Figure


@dataclass(frozen=True, slots=True)
class ModelTable:
    """One model's table: a row per commune, then the whole dataset, against its target."""

    model: str
    title: str                       # the set's title
    short_title: str                 # the model's name (a sheet name)
    rows: tuple[ModelRow, ...]       # communes, then the whole dataset
    target: float | None
    milestone_year: int | None


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One subject of a recognition list: its score, grade and decision, in words."""

    model: str
    model_title: str
    id: str
    name: str
    total: float
    max_total: float
    grade: str
    status: str
    status_text: str


@dataclass(frozen=True, slots=True)
class CommuneList:
    """One commune's list: the subjects proposed for recognition (recognised), and how many
    were not recognised or are incomplete (not listed; ``results.csv`` has them)."""

    code: str
    name: str
    entries: tuple[ListEntry, ...]
    not_recognised: int = 0
    incomplete: int = 0
    rest: str = ""                   # the sentence saying what is not listed and where it is


@dataclass(frozen=True)
class Report:
    """Everything the annual report shows, in one language: plain, frozen data (texts,
    numbers and the dataclasses below), what every report writer receives."""

    lang: Lang
    title: str
    subtitle: str
    year: int | None
    sets: tuple[SetUsed, ...]
    engine: str
    targets_id: str | None
    targets_title: str | None
    evaluated: int
    rejected: int
    indicators: tuple[tuple[str, str], ...]   # the summary's columns: key, label
    summary: tuple[AreaSummary, ...]
    tables: tuple[ModelTable, ...]
    lists: tuple[CommuneList, ...]
    previous_years: tuple[int | None, ...]
    notes: tuple[str, ...]
    labels: Mapping[str, str]
    notice: SourceNotice | None = None
    #: Per earlier year compared with (in the order of `previous_years`), how many of its
    #: records were rejected.
    previous_rejected: tuple[int, ...] = ()
    #: The data-quality section (one line per problem, the first `QUALITY_SHOWN`, then how
    #: many more) and the mark the title area shows when a figure is doubtful.
    quality: tuple[str, ...] = ()
    quality_mark: str = ""
    #: The body that issues the report when it is not the area reported on: after a reform,
    #: the current area that holds the former one (or the one a report option names);
    #: empty when the report's area issues it.
    issuer: str = ""
    #: Who issues the report and whom it goes to, as the targets file (or the caller) gave it.
    letterhead: LetterheadUsed | None = None

    @property
    def input_rows(self) -> int:
        return self.evaluated + self.rejected

    def label(self, key: str, **values: object) -> str:
        text = self.labels[key]
        return text.format(**values) if values else text

    def percent(self, value: float | None) -> str:
        return "" if value is None else format_percent(value, self.lang)

    def number(self, value: float | None) -> str:
        """``1669074`` → ``1.669.074`` (vi) / ``1,669,074`` (en); ``80.5`` → ``80,5`` (vi)."""
        return format_number(value, self.lang)

    def verified_text(self, used: SetUsed) -> str:
        """How many of a set's indicators are verified: ``5/13 (38,5%)``."""
        return self.label("verified_share", verified=used.verified, total=used.indicators,
                          share=self.percent(used.verified_share))

    def change_text(self, change: RateChange) -> str:
        if change.rate_change is None:
            return ""
        shown = f"{abs(change.rate_change):.1f}"
        if self.lang == "vi":
            shown = shown.replace(".", ",")
        sign = "+" if change.rate_change > 0 else "−" if change.rate_change < 0 else "±"
        return self.label("points_change", sign=sign, value=shown,
                          before=self.percent(change.rate))

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dump (used by tests and tools)."""
        from dataclasses import asdict

        data = asdict(self)
        data["labels"] = dict(self.labels)
        return data


def format_number(value: float | None, lang: Lang) -> str:
    """`Report.number`: thousands separated, as the language writes numbers."""
    if value is None:
        return ""
    shown = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
    if lang == "vi":
        shown = shown.translate(_SWAP_SEPARATORS)
    return shown


def build_report(evaluation: DatasetEvaluation, rollup: Rollup, *, lang: Lang = "vi",
                 targets: TargetsLike | None = None,
                 previous: Sequence[DatasetEvaluation] = ()) -> Report:
    """The report of `evaluation` (rolled up as `rollup`, compared with the `previous`
    years' evaluations) in `lang`.

    With the `targets` the roll-up compared with, the report is about the area they name
    (its name under the title; the summary shows it and the areas under it) when the data
    has that area; when it does not, but the crosswalks map it (or the areas an earlier
    year's area list puts under it) onto areas the data has, about those (the targets' name
    marked as a former area, with the current areas; the summary shows them and the whole
    dataset; the current area that holds them issues it, `Report.issuer`). When the targets
    name an area by code that the data has in neither way, no report is made
    (`LearningModelsError`: no wider area is measured against its targets); without targets,
    or with targets that name their area only by name, the report is about the data's one top
    area. The data-quality section of `rollup` comes first (`Report.quality`), and the
    figures it touches are marked.
    """
    check_lang(lang)
    check_evaluation(evaluation)
    labels = {k: v[lang] for k, v in LABELS.items()}
    titles = {m: evaluation.sets[m].title.get(lang) if m in evaluation.sets else m
              for m in evaluation.results}
    sets = tuple(_set_used(m, r.program.spec, r.provenance, titles[m], lang)
                 for m, r in sorted(evaluation.results.items(), key=lambda i: _model_key(i[0])))
    indicators = _indicators(rollup, titles, labels)
    roots = [a for a in rollup.areas if a.level not in ("all", "village") and a.parent is None
             and a.code != UNLOCATED]
    top, subtitle = _report_area(rollup, targets, lang)
    former = None if top is not None else _former_area(evaluation, rollup, targets, previous,
                                                       lang, labels)
    if top is None and former is None:
        _check_area_found(targets, lang)
        top, subtitle = (roots[0], roots[0].name) if len(roots) == 1 else (None, "")
    communes = [a for a in rollup.areas if a.level == "commune"]
    whole = rollup.area(ALL)
    issuer = ""
    if former is not None:
        covered, subtitle, note = former
        within = _within(rollup, covered)
        issuer = _issuer(rollup, covered)
    else:
        within = _within(rollup, None if top is None else [top])
    # the whole dataset is shown apart only when it differs from the area reported on
    shown = [a for a in rollup.areas if a.level in SUMMARY_LEVELS
             and (a.code in within if a is not whole else not (top and _same(top, whole)))]
    summary = tuple(
        AreaSummary(a.code, labels["total_row"] if a.code == ALL else labels["unknown_area"]
                    if a.code == UNLOCATED else a.name, a.level,
                    level_label(a.name, a.level, labels, lang),
                    tuple(f for key, label in indicators
                          if (f := _figure(a, key, label, lang)) is not None))
        for a in shown)
    doubtful = _doubtful(rollup)
    summary = tuple(replace(s, figures=tuple(_marked(f, labels, s.code, doubtful)
                                             for f in s.figures)) for s in summary)
    tables = []
    for model in _ordered(evaluation.results):
        rows = tuple(_model_row(a, model, titles[model], lang, labels)
                     for a in (*communes, whole) if model in a.models)
        rows = tuple(replace(r, figure=_marked(r.figure, labels, r.code, doubtful))
                     for r in rows)
        head = whole.models.get(model)
        check = head.targets[0] if head is not None and head.targets else None
        tables.append(ModelTable(model, titles[model], labels.get(f"short_{model}", model), rows,
                                 None if check is None else check.value,
                                 None if check is None else check.milestone_year))
    notes = [] if former is None else [note]
    notes += [n.get(lang) for n in rollup.notes]
    previous_rejected = tuple(_rejected(before) for before in previous)
    notes += [labels["previous_rejected"].format(year=before.year, n=format_number(n, lang))
              for before, n in zip(previous, previous_rejected, strict=True) if n]
    if rollup.unmeasured:
        notes.append(labels["unmeasured"].format(
            items="; ".join(t.get(lang) for _, t in rollup.unmeasured)))
    evaluated = sum(len(r) for r in evaluation.results.values())
    title = labels["title"].format(year=evaluation.year if evaluation.year is not None else "")
    return Report(lang, title.strip(), subtitle, evaluation.year, sets,
                  f"learning-models {__version__}", rollup.targets_id,
                  None if rollup.targets_title is None else rollup.targets_title.get(lang),
                  evaluated, _rejected(evaluation), indicators, summary, tuple(tables),
                  _lists(evaluation, rollup, titles, labels, lang), rollup.previous_years,
                  tuple(notes), labels, _notice(sets, labels, lang), previous_rejected,
                  *_quality(rollup, labels, lang), issuer,
                  None if issuer else letterhead_of(targets, lang))


def _doubtful(rollup: Rollup) -> set[tuple[str, str | None]]:
    """The (area, model) figures a data-quality error touches — model None: every model of
    the area —, and the whole dataset's with them."""
    found = {(c, m) for i in rollup.quality.issues if i.severity == "error"
             for c in i.areas for m in (i.models or (None,))}
    return found | {(ALL, m) for _, m in found}


def _marked(figure: Figure, labels: Mapping[str, str], code: str,
            doubtful: set[tuple[str, str | None]]) -> Figure:
    """`figure` of the area `code`, with the mark when a data-quality error touches it."""
    if (code, None) not in doubtful and (code, figure.key) not in doubtful:
        return figure
    return replace(figure, assessment="; ".join(
        t for t in (figure.assessment, labels["doubtful"]) if t))


def _issuer(rollup: Rollup, covered: Sequence[AreaRollup]) -> str:
    """The current body that issues a report about a former area: the one area it became,
    or the area that holds all of those it became (a province); else their names."""
    if len(covered) == 1:
        return covered[0].name
    parents = {a.parent for a in covered}
    if len(parents) == 1 and None not in parents:
        (code,) = parents
        return next((a.name for a in rollup.areas if a.code == code), "")
    return ", ".join(a.name for a in covered)


def _quality(rollup: Rollup, labels: Mapping[str, str], lang: Lang,
             ) -> tuple[tuple[str, ...], str]:
    """The data-quality lines and the title area's mark (empty when the data is complete)."""
    issues = rollup.quality.issues
    lines = [i.text(lang) for i in issues[:QUALITY_SHOWN]]
    if len(issues) > QUALITY_SHOWN:
        lines.append(labels["quality_more"].format(n=len(issues) - QUALITY_SHOWN))
    return tuple(lines), "" if rollup.quality.complete else labels["quality_mark"]


def _rejected(evaluation: DatasetEvaluation) -> int:
    """How many records of `evaluation` were rejected (a record may have several errors)."""
    return len({(e.file, e.row) for e in evaluation.errors})


def _set_used(model: str, spec: CriteriaSet, provenance: Provenance, title: str,
              lang: Lang) -> SetUsed:
    """A set as the report names it: provenance, overlays, document, verified indicators."""
    return SetUsed(model, provenance.criteria_set, title, provenance.period,
                   provenance.content_hash, _overlays_used(provenance.overlays, lang),
                   spec.source.document, len(spec.indicators), spec.verified_indicators)


def _notice(sets: Sequence[SetUsed], labels: Mapping[str, str], lang: Lang,
            ) -> SourceNotice:
    lines = []
    for used in sets:
        unverified = used.indicators - used.verified
        lines.append(labels["notice_unverified" if unverified else "notice_verified"].format(
            title=used.title, id=used.id, document=used.document or labels["no_document"],
            unverified=unverified, verified=used.verified, total=used.indicators,
            share=format_percent(used.verified_share, lang)))
        lines += [labels["notice_overlay"].format(
            id=used.id, name=o.name, changes="; ".join(o.changes),
            who=labels["overlay_by"].format(plugin=o.plugin) if o.plugin
            else labels["overlay_file"]) for o in used.overlays]
    total = sum(u.indicators for u in sets)
    unverified = total - sum(u.verified for u in sets)
    return SourceNotice(labels["notice" if unverified else "notice_sources"], tuple(lines),
                        labels["notice_closing"] if unverified else "", unverified, total)


def _report_area(rollup: Rollup, targets: TargetsLike | None, lang: Lang,
                 ) -> tuple[AreaRollup | None, str]:
    """The area the targets name, as the data has it (by code; by name when the targets give
    no code), with the targets' name for it; (None, "") when the data does not have it."""
    area = getattr(targets, "area", None)
    if area is None:
        return None, ""
    code, name = _part(area, "code"), _part(area, "name")
    vi, shown = (name, name) if isinstance(name, str) else ("", "") if name is None \
        else (name.get("vi"), name.get(lang))
    candidates = [a for a in rollup.areas if a.level != "all"]
    if code is not None:
        found = [a for a in candidates if a.code == str(code)]
    else:
        found = [a for a in candidates if fold_word(a.name) == fold_word(vi)]
    if len(found) != 1:
        return None, ""
    return found[0], shown or found[0].name


def _check_area_found(targets: TargetsLike | None, lang: Lang) -> None:
    """A report about an area the targets name by code, which the data lacks and no
    crosswalk maps, is not made: falling back to a wider area would measure other areas
    against its targets."""
    area = getattr(targets, "area", None)
    code = None if area is None else _part(area, "code")
    if code is None:
        return
    name = _part(area, "name")
    shown = name if isinstance(name, str) else code if name is None else name.get(lang)
    raise LearningModelsError(LABELS["area_not_found"][lang].format(name=shown, code=code))


def _former_area(evaluation: DatasetEvaluation, rollup: Rollup, targets: TargetsLike | None,
                 previous: Sequence[DatasetEvaluation], lang: Lang,
                 labels: Mapping[str, str]) -> tuple[list[AreaRollup], str, str] | None:
    """When the targets' area (by code) is not in the data but the crosswalks (this year's
    and the earlier years') map it, or the areas an earlier year's area list puts under it,
    onto areas of the data: the topmost of those areas, the subtitle and the note saying so.
    None otherwise."""
    area = getattr(targets, "area", None)
    code = None if area is None else _part(area, "code")
    if code is None:
        return None
    code = str(code)
    known = {a.code: a for a in rollup.areas if a.level not in ("all", "village")}
    if code in known:
        return None
    walk: dict[str, set[str]] = {}
    old = {code}
    for data in (evaluation.dataset, *(before.dataset for before in previous)):
        if data.crosswalk is not None:
            for was, now in data.crosswalk.select(
                    pl.col("old_code").cast(pl.String).str.strip_chars(),
                    pl.col("new_code").cast(pl.String).str.strip_chars()).drop_nulls() \
                    .iter_rows():
                walk.setdefault(was, set()).add(now)
        if data is not evaluation.dataset and data.areas is not None:
            old |= _under(code, data.areas)

    def current(c: str, steps: int = 0) -> set[str]:
        if c in known:
            return {c}
        if steps > len(LEVELS) or c not in walk:
            return set()
        return set().union(*(current(n, steps + 1) for n in sorted(walk[c])))

    found: set[str] = set().union(*(current(c) for c in old if c not in known))
    if not found:                    # the crosswalks lead nowhere the data has
        return None
    found |= old & known.keys()
    parents = {a.code: a.parent for a in rollup.areas}

    def covered_above(c: str) -> bool:
        p, steps = parents.get(c), 0
        while p is not None and steps <= len(LEVELS):
            if p in found:
                return True
            p, steps = parents.get(p), steps + 1
        return False

    tops = sorted((known[c] for c in found if not covered_above(c)), key=lambda a: a.code)
    name = _part(area, "name")
    shown = name if isinstance(name, str) else code if name is None else name.get(lang)
    names = [a.name for a in tops]
    subtitle = labels["former_area"].format(
        name=shown, areas=", ".join(names) if len(names) <= FORMER_NAMED
        else labels["former_many"].format(n=len(names)))
    note = labels["former_note"].format(
        name=shown, code=code, areas=", ".join(f"{a.name} ({a.code})" for a in tops))
    return tops, subtitle, note


def _under(code: str, areas: pl.DataFrame) -> set[str]:
    """The codes of the areas under `code` in an area list (code, parent)."""
    links = areas.select(pl.col("code").cast(pl.String),
                         pl.col("parent").cast(pl.String)).iter_rows()
    children: dict[str | None, list[str]] = {}
    for child, parent in links:
        if parent is not None:
            children.setdefault(parent, []).append(child)
    return _reach(children, code) - {code}


def _part(area: Any, key: str) -> Any:
    """A field of a targets' area: an `Area` (``_catalog.targets``) or a plain mapping."""
    return area.get(key) if isinstance(area, Mapping) else getattr(area, key, None)


def _within(rollup: Rollup, tops: Sequence[AreaRollup] | None) -> set[str]:
    """The codes of `tops` and every area under them; every code when `tops` is None."""
    if tops is None:
        return {a.code for a in rollup.areas}
    children: dict[str | None, list[str]] = {}
    for a in rollup.areas:
        children.setdefault(a.parent, []).append(a.code)
    return _reach(children, *(a.code for a in tops))


def _reach(children: Mapping[str | None, list[str]], *codes: str) -> set[str]:
    """`codes` and every code under them, following `children` (parent → its children)."""
    found: set[str] = set()
    pending = list(codes)
    while pending:
        c = pending.pop()
        if c not in found:
            found.add(c)
            pending += children.get(c, [])
    return found


def _overlays_used(applied: Iterable[AppliedOverlay], lang: Lang) -> tuple[OverlayUsed, ...]:
    """The provenance's overlays as the report shows them, their changes in `lang`."""
    return tuple(OverlayUsed(o.name, o.plugin, o.describe(lang)) for o in applied)


def _model_key(model: str) -> tuple[int, str]:
    return (MODELS.index(model) if model in MODELS else len(MODELS), model)


def _ordered(models: Iterable[str]) -> list[str]:
    return sorted(models, key=_model_key)


def _indicators(rollup: Rollup, titles: Mapping[str, str],
                labels: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The summary's columns: each model with a denominator of its own (not citizens), then
    the learning-citizen shares."""
    present_models = {m for a in rollup.areas for m in a.models}
    present_shares = {s for a in rollup.areas for s in a.shares}
    columns = [(m, titles.get(m, m)) for m in _ordered(present_models) if m != "citizen"]
    columns += [(s, labels[s]) for s in SHARES if s in present_shares]
    return tuple(columns)


def _figure(area: AreaRollup, key: str, label: str, lang: Lang) -> Figure | None:
    figures: ModelFigures | ShareFigures | None = area.models.get(key) or area.shares.get(key)
    if figures is None:
        return None
    if isinstance(figures, ModelFigures):
        reached, denominator, kind = figures.recognised, figures.denominator, \
            figures.denominator_kind
    else:
        reached, denominator, kind = figures.learning, figures.citizens, \
            figures.denominator_kind
    if isinstance(figures, ModelFigures) and figures.data_problem:
        return Figure(key, label, reached, denominator, kind, None, changes=figures.changes,
                      assessment=LABELS["over_total"][lang].format(
                          subjects=figures.subjects, total=figures.area_total))
    check = figures.targets[0] if figures.targets else None
    if check is None:
        return Figure(key, label, reached, denominator, kind, figures.rate,
                      changes=figures.changes)
    return Figure(key, label, reached, denominator, kind, figures.rate, check.value,
                  check.milestone_year, check.gap, check.met, check.sentence.get(lang),
                  figures.changes)


def _same(one: AreaRollup, other: AreaRollup) -> bool:
    """Whether two areas have the same figures (the whole dataset and its one top area)."""
    def key(area: AreaRollup) -> object:
        return ({m: (f.subjects, f.recognised, f.denominator) for m, f in area.models.items()},
                {s: (f.citizens, f.learning) for s, f in area.shares.items()})
    return key(one) == key(other)


def _model_row(area: AreaRollup, model: str, title: str, lang: Lang,
               labels: Mapping[str, str]) -> ModelRow:
    figures = area.models[model]
    figure = _figure(area, model, title, lang)
    assert figure is not None
    name = labels["sum_row"] if area.code == ALL else \
        labels["unknown_area"] if area.code == UNLOCATED else area.name
    return ModelRow(area.code, name,
                    figures.subjects, figures.evaluated, figures.recognised,
                    figures.not_recognised, figures.incomplete, figures.rejected, figure)


def _grade_text(scored: pl.DataFrame, grades: Mapping[str, str], undecided: str) -> pl.Expr:
    """The grade's title; where missing evidence could change the grade, its range."""
    def title(column: str) -> pl.Expr:
        return pl.col(column).cast(pl.String).replace_strict(grades, default="")
    decided = title("grade").fill_null("")
    if GRADE_WORST not in scored.columns:
        return decided
    between, after = undecided.split("{low}")[1].split("{high}")
    open_ = pl.col("grade").is_null() & pl.col(GRADE_WORST).ne_missing(pl.col(GRADE_BEST))
    text = pl.concat_str([title(GRADE_WORST).fill_null("—"), pl.lit(between),
                          title(GRADE_BEST).fill_null("—"), pl.lit(after)])
    return pl.when(open_).then(text).otherwise(decided)


def _lists(evaluation: DatasetEvaluation, rollup: Rollup, titles: Mapping[str, str],
           labels: Mapping[str, str], lang: Lang) -> tuple[CommuneList, ...]:
    """The subjects proposed for recognition by commune (those of no known commune last),
    with how many of each commune's were not recognised or are incomplete."""
    communes = {a.code: a.name for a in rollup.areas if a.level == "commune"}
    # an area below a commune (a village in the area list) is shown under its commune
    upward = {a.code: a.parent for a in rollup.areas if a.level != "all"}
    frames = []
    for model in _ordered(evaluation.results):
        scored = evaluation.results[model].scored
        grades = {g.id: g.title.get(lang) for g in evaluation.sets[model].recognition.grades} \
            if model in evaluation.sets else {}
        name = pl.col("name").cast(pl.String) if "name" in scored.columns \
            else pl.lit(None, dtype=pl.String)
        frames.append(scored.select(
            pl.lit(model).alias("model"), pl.lit(_model_key(model)[0]).alias("_m"),
            pl.col("id").cast(pl.String), name.fill_null("").alias("name"),
            pl.col("area").cast(pl.String).alias("area"),
            pl.col("total").cast(pl.Float64), pl.col("max_total").cast(pl.Float64),
            _grade_text(scored, grades, LABELS["grade_range"][lang]).alias("grade"),
            pl.col("status").cast(pl.String)))
    if not frames:
        return ()
    table = pl.concat(frames)
    commune_of = {code: _commune(code, upward, communes) for code in
                  table["area"].drop_nulls().unique().to_list()}
    table = table.with_columns(
        pl.col("area").replace_strict(commune_of, default=None, return_dtype=pl.String)
        .fill_null("").alias("commune")).sort("commune", "_m", "id")
    recognised = labels["recognised"]
    lists = []
    for (commune,), part in table.group_by("commune", maintain_order=True):
        listed = part.filter(pl.col("status") == "recognised")
        entries = tuple(ListEntry(r["model"], titles[r["model"]], r["id"], r["name"],
                                  r["total"], r["max_total"], r["grade"], r["status"],
                                  recognised) for r in listed.iter_rows(named=True))
        rest = {s: int((part["status"] == s).sum()) for s in ("not_recognised", "incomplete")}
        items = ", ".join(labels[f"rest_{s}"].format(n=format_number(n, lang))
                          for s, n in rest.items() if n)
        code = str(commune)
        lists.append(CommuneList(code, communes.get(code, labels["unknown_area"]), entries,
                                 **rest, rest=labels["lists_rest"].format(items=items)
                                 if items else ""))
    known = [c for c in lists if c.code]
    return (*known, *(c for c in lists if not c.code))


def _commune(code: str, upward: Mapping[str, str | None], communes: Mapping[str, str],
             ) -> str | None:
    seen = 0
    current: str | None = code
    while current is not None and seen <= len(LEVELS):
        if current in communes:
            return current
        current = upward.get(current)
        seen += 1
    return None
