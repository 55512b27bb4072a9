"""The period review as a document's plain data, every text in one language: what a
review writer (a plugin's ``learning_models_review_writers``, e.g. the Word layout of a
"Báo cáo sơ kết / tổng kết") lays out.

`build_review_report` adds to a `Review` its title (the same as the web page's and the
workbook's), the area reviewed (the targets' area; when a reform removed it, marked as a
former area with the areas it became, and issued by the current body that holds them, as
the annual report does), the letterhead, the models' titles and the words of both
languages' numbers. The figures stay those of the `Review`, so that every format of a
review shows the same ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._criteria import Lang
from .._documents import check_lang
from .._report import LABELS, LetterheadUsed, format_number, letterhead_of
from .._rollup import TargetsLike, format_percent, ordered_models
from .._words import REVIEW_WORDS, TARGET_NOUNS
from .impact_table import model_word
from .review_model import Review, Series
from .review_table import carried_notes
from .review_targets import target_notes_by_model

__all__ = ["ReviewReport", "build_review_report"]

#: The levels whose single area names a review's area, widest first.
_LEVELS = ("country", "province", "district", "commune")


@dataclass(frozen=True)
class ReviewReport:
    """A period review ready to be laid out: `review` holds the figures; every text here
    is in `lang` (``labels``: the review's words, as the web page shows them)."""

    lang: Lang
    title: str                        # "Báo cáo sơ kết giai đoạn 2021–2025"
    kind: str                         # "sơ kết" / "tổng kết" (interim / final)
    period: str                       # "2021–2025"
    area: str                         # the area reviewed (a former one marked so)
    issuer: str                       # the current body issuing about a former area, or ""
    targets_id: str | None
    targets_title: str | None
    programme: str                    # the programme's name, as the annual report gives it
    models: tuple[tuple[str, str], ...]   # (model, its short title), in the review's order
    nouns: Mapping[str, str]          # model → what its targets count ("gia đình học tập")
    notes: tuple[str, ...]            # the areas carried through crosswalks, by year
    labels: Mapping[str, str]
    review: Review
    letterhead: LetterheadUsed | None = None
    #: model → per year, what its target that names its sets was measured on, in the
    #: annual report's words (`TARGET_WORDS`); models whose target names no sets: none
    measured: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def label(self, key: str, **values: object) -> str:
        text = self.labels[key]
        return text.format(**values) if values else text

    def area_name(self, series: Series) -> str:
        """The name of a series' area (the whole dataset's line: ``Toàn bộ dữ liệu``)."""
        return self.labels["whole"] if series.code == "*" else series.name

    def percent(self, value: float | None) -> str:
        """``0.925`` → ``92,5%`` (vi) / ``92.5%`` (en); None → ``""``."""
        return "" if value is None else format_percent(value, self.lang)

    def number(self, value: float | None) -> str:
        """``10549`` → ``10.549`` (vi) / ``10,549`` (en)."""
        return format_number(value, self.lang)


def build_review_report(found: Review, lang: Lang = "vi", targets: TargetsLike | None = None,
                        ) -> ReviewReport:
    """`found` as a document in `lang`: the `targets` it was reviewed against name its area
    and give its letterhead (unless the area is a former one: then the current body that
    holds it issues the review, as the annual report does)."""
    check_lang(lang)
    labels = {k: v[lang] for k, v in REVIEW_WORDS.items()}
    period = found.period.replace("-", "–")
    kind = labels[found.kind]
    area, issuer = _area(found, targets, lang)
    title = getattr(targets, "title", None)
    models = ordered_models(dict.fromkeys(s.model for s in found.series))
    return ReviewReport(
        lang, labels["title"].format(kind=kind, period=period), kind, period, area, issuer,
        found.targets, None if title is None else title.get(lang),
        LABELS["programme"][lang], tuple((m, model_word(m, lang)) for m in models),
        {m: TARGET_NOUNS[m][lang][1] if m in TARGET_NOUNS else model_word(m, lang)
         for m in models},
        carried_notes(found, lang), labels, found,
        None if issuer else letterhead_of(targets, lang), target_notes_by_model(found, lang))


def _area(found: Review, targets: TargetsLike | None, lang: Lang) -> tuple[str, str]:
    """The area reviewed and, for a former area, the current body that issues the review.

    The targets' area when the latest year has it; when it does not (a reform removed it),
    its name marked as former, with the areas the earlier years' communes were carried
    onto; without targets' area, the narrowest level with one area in the latest year."""
    areas = {s.code: (s.name, s.level) for s in found.series if s.code != "*"}
    given = getattr(targets, "area", None)
    code = None if given is None else _part(given, "code")
    name = None if given is None else _part(given, "name")
    shown = name if isinstance(name, str) or name is None else name.get(lang)
    if code is not None and str(code) in areas:
        return areas[str(code)][0], ""
    became = sorted({new for _, _, new in found.carried if new in areas})
    if code is not None and became:
        names = [areas[c][0] for c in became]
        former = LABELS["former_area"][lang].format(name=shown or code,
                                                    areas=", ".join(names))
        return former, names[0] if len(names) == 1 else _holder(found, became) or names[0]
    return _narrowest(areas) or shown or "", ""


def _holder(found: Review, codes: list[str]) -> str:
    """The one wider area of the latest year above `codes` (the province that holds the
    wards a former city became), when the review shows exactly one."""
    wider = {s.name for s in found.series
             if s.level in ("province", "district") and s.code not in codes}
    return wider.pop() if len(wider) == 1 else ""


def _narrowest(areas: Mapping[str, tuple[str, str]]) -> str:
    found = ""
    for level in _LEVELS:
        at = [name for name, lv in areas.values() if lv == level]
        if len(at) == 1:
            found = at[0]
        elif len(at) > 1:
            break
    return found


def _part(area: Any, key: str) -> Any:
    return area.get(key) if isinstance(area, Mapping) else getattr(area, key, None)
