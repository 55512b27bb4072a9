"""The impact as a table a person reads (Vietnamese by default, English with ``lang="en"``):
one row per model and area with a change or a target, shared by the text, HTML and XLSX
forms so that they always show the same figures."""

from __future__ import annotations

from dataclasses import dataclass

from .._criteria import Lang
from .._report import LABELS
from .._rollup import format_percent
from .._words import IMPACT_WORDS as WORDS
from .impact_model import AreaImpact, Impact, TargetShift

__all__ = ["WORDS", "ImpactTable", "impact_table"]


@dataclass(frozen=True)
class ImpactTable:
    title: str
    subtitle: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    empty: str


def model_word(model: str, lang: Lang) -> str:
    """The model's short name in reports ("Gia đình học tập"), its id when it has none."""
    return LABELS.get(f"short_{model}", {}).get(lang, model)


def impact_table(impact: Impact, lang: Lang = "vi") -> ImpactTable:
    """The rows: each model and area where a subject changes or a target is checked."""
    w = {k: v[lang] for k, v in WORDS.items()}
    headers = (w["model"], w["area"], w["before"], w["after"], w["gained"], w["lost"],
               w["changed"], w["regraded"], w["causes"], w["targets"])
    rows = tuple(_row(a, lang) for a in impact.areas if a.changed or a.targets)
    title = w["title"].format(model=model_word(impact.model, lang))
    subtitle = w["subtitle"].format(before=impact.before.id, after=impact.after.id,
                                    year=impact.year)
    return ImpactTable(title, subtitle, headers, rows, w["none"])


def _row(area: AreaImpact, lang: Lang) -> tuple[str | int, ...]:
    name = WORDS["whole"][lang] if area.code == "*" else f"{area.name} ({area.code})"
    causes = ", ".join(f"{i} ({n})" for i, n in area.causes)
    targets = "; ".join(_shift(t, lang) for t in area.targets)
    d = area.directions
    return (model_word(area.model, lang), name, area.recognised_before,
            area.recognised_after, d.get("gained", 0), d.get("lost", 0), d.get("changed", 0),
            d.get("regraded", 0), causes, targets)


def _shift(shift: TargetShift, lang: Lang) -> str:
    def state(rate: float | None, met: bool, gap: int) -> str:
        shown = "—" if rate is None else format_percent(rate, lang)
        return f"{shown} ({WORDS['met'][lang] if met else WORDS['short'][lang].format(gap=gap)})"

    title = shift.title.vi if lang == "vi" else shift.title.en
    return (f"{title}: {state(shift.rate_before, shift.met_before, shift.gap_before)} → "
            f"{state(shift.rate_after, shift.met_after, shift.gap_after)}")
