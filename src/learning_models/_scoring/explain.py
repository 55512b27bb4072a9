"""Render one evaluation as readable text, Vietnamese by default, English on request.

It only formats what the evaluation already holds (points, statuses, values read, gaps); it
never recomputes a decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .._criteria import Criterion, Indicator, InputSpec, Lang, Program
from .._documents import check_lang
from .._expressions import expression_names
from .._words import EXPLANATION_WORDS as WORDS
from .documents import SEPARATOR, absent_documents
from .outcome import Gap, IndicatorResult, Provenance, Status


class Explained(Protocol):
    """What an explanation reads of an evaluation (`Evaluation` has it all)."""

    @property
    def program(self) -> Program: ...
    @property
    def subject(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def provenance(self) -> Provenance: ...
    @property
    def indicators(self) -> tuple[IndicatorResult, ...]: ...
    @property
    def total(self) -> float: ...
    @property
    def max_total(self) -> float: ...
    @property
    def status(self) -> Status: ...
    @property
    def grade(self) -> str | None: ...
    @property
    def grade_range(self) -> tuple[str | None, str | None] | None: ...
    @property
    def gaps_reachable(self) -> bool: ...
    @property
    def gaps(self) -> tuple[Gap, ...]: ...
    @property
    def gaps_exhaustive(self) -> bool: ...
    @property
    def input_sources(self) -> dict[str, str]: ...

__all__ = ["WORDS", "Explained", "render_explanation"]


#: How the statuses an earlier year is read with are shown (the source says them in English).
_YEAR_STATUS = {"recognised": "met", "not_recognised": "not_met", "incomplete": "missing",
                "absent": "absent_year", "not recorded": "not recorded"}


def word(key: str, lang: Lang) -> str:
    return WORDS[key][lang]


def _value(value: object, lang: Lang, spec: InputSpec | None = None) -> str:
    if isinstance(value, str) and spec is not None and spec.values is not None:
        shown = dict(zip(spec.values, spec.value_labels(lang), strict=True))
        return shown.get(value, value)
    if value is None:
        return word("absent", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _points(value: float) -> str:
    return f"{value:g}"


def render_explanation(evaluation: Explained, lang: Lang = "vi") -> str:
    check_lang(lang)
    spec = evaluation.program.spec
    lines = [
        f"{word('subject', lang)}: {evaluation.subject}"
        + (f" — {evaluation.name}" if evaluation.name else ""),
        f"{word('set', lang)}: {spec.title.get(lang)} ({spec.id}, {spec.period})",
    ]
    if evaluation.provenance.year is not None:
        lines.append(f"{word('year', lang)}: {evaluation.provenance.year}")
    results = {r.indicator: r for r in evaluation.indicators}
    for criterion in spec.criteria:
        lines += _criterion_lines(evaluation, criterion, results, lang)
    lines.append("")
    lines.append(f"{word('total', lang)}: {_points(evaluation.total)}/"
                 f"{_points(evaluation.max_total)} {word('points', lang)}")
    lines.append(f"{word('decision', lang)}: {word(evaluation.status, lang)}")
    if evaluation.grade is not None:
        grade = next(g for g in spec.recognition.grades if g.id == evaluation.grade)
        lines.append(f"{word('grade', lang)}: {grade.title.get(lang)}")
    elif evaluation.grade_range is not None:
        titles = {g.id: g.title.get(lang) for g in spec.recognition.grades}
        low, high = (titles[g] if g is not None else word("no_grade", lang)
                     for g in evaluation.grade_range)
        lines.append(f"{word('grade', lang)}: "
                     + word("grade_range", lang).format(low=low, high=high))
    lines.extend(_gap_lines(evaluation, lang))
    return "\n".join(lines) + "\n"


def _criterion_lines(evaluation: Explained, criterion: Criterion,
                     results: Mapping[str, IndicatorResult], lang: Lang) -> list[str]:
    """A criterion's subtotal of what applies to the subject (format 1.1 ``applies``), then
    each indicator: its points, flags, the values read, its items and documents."""
    spec = evaluation.program.spec
    counted = [results[i.id] for i in criterion.indicators
               if results[i.id].status != "not_applicable"]
    subtotal = sum(r.points for r in counted)
    maximum = sum(r.max_points for r in counted)
    lines = ["", f"{criterion.id}. {criterion.title.get(lang)}: "
             + (f"{_points(subtotal)}/{_points(maximum)} {word('points', lang)}"
                if counted else word("not_applicable", lang))]
    for indicator in criterion.indicators:
        r = results[indicator.id]
        flags = [word(r.status, lang)]
        if applies_open(evaluation.program, r):
            flags.append(word("applies_open", lang))
        if r.mandatory:
            flags.append(word("mandatory", lang))
        if indicator.source is not None and not indicator.source.verified:
            flags.append(word("unverified", lang))
        scored = "—" if r.status == "not_applicable" else \
            f"{_points(r.points)}/{_points(r.max_points)}"
        lines.append(f"  {r.indicator} {indicator.title.get(lang)}: {scored} "
                     f"({', '.join(flags)})")
        if r.inputs:
            shown = ", ".join(f"{k} = {_value(v, lang, spec.inputs.get(k))}"
                              for k, v in r.inputs.items())
            lines.append(f"      {word('read', lang)}: {shown}")
            lines += _history_lines(evaluation.input_sources, r.inputs, lang)
        lines += _item_lines(indicator, r, lang)
        lines += _document_lines(indicator, r, lang)
    return lines


def applies_open(program: Program, result: IndicatorResult) -> bool:
    """Whether an indicator is missing because the evidence of whether it applies to the
    subject (format 1.1 ``applies``) is missing."""
    if result.status != "missing":
        return False
    compiled = next(i for i in program.indicators if i.id == result.indicator)
    if compiled.applicability is None:
        return False
    return any(result.inputs.get(name) is None
               for name in expression_names(compiled.applicability) if name != "year")


def _item_lines(indicator: Indicator, result: IndicatorResult, lang: Lang) -> list[str]:
    """Each item of a checklist (format 1.1 ``items``): met, not met or missing."""
    if not result.items:
        return []
    titles = {item.id: item.title.get(lang) for item in indicator.items or ()}
    met = sum(status == "met" for _, status in result.items)
    lines = [f"      {word('items', lang).format(met=met, total=len(result.items))}:"]
    lines += [f"        - {ident} {titles[ident]}: {word(status, lang)}"
              for ident, status in result.items]
    return lines


def _document_lines(indicator: Indicator, result: IndicatorResult, lang: Lang) -> list[str]:
    """The documents the record gives for the indicator, and the required ones it lacks
    (format 1.1 named evidence)."""
    lines = []
    if result.documents:
        lines.append(f"      {word('documents', lang)}: {'; '.join(result.documents)}")
    required = {d.id: d.title.get(lang) for d in indicator.required_documents}
    absent = absent_documents(SEPARATOR.join(result.documents), tuple(required)) \
        if required else ()
    if absent:
        lines.append(f"      {word('documents_absent', lang)}: "
                     f"{', '.join(required[d] for d in absent)}")
    return lines


def _history_lines(sources: dict[str, str], inputs: Mapping[str, object], lang: Lang,
                   ) -> list[str]:
    """For each input read from earlier years, the years read and what they said."""
    lines = []
    for name in inputs:
        source = sources.get(name, "")
        if not source.startswith("history: "):
            continue
        read = []
        for part in source.removeprefix("history: ").split(", "):
            year, _, status = part.partition(" ")
            read.append(f"{year} {word(_YEAR_STATUS[status], lang)}"
                        if status in _YEAR_STATUS else word("history_none", lang))
        lines.append(f"      {word('history', lang)} ({name}): {', '.join(read)}")
    return lines


def _gap_lines(evaluation: Explained, lang: Lang) -> list[str]:
    if evaluation.status == "recognised":
        return []
    if not evaluation.gaps_reachable:
        return [word("unreachable", lang)]
    titles = {i.id: i.title.get(lang) for i in evaluation.program.spec.indicators}
    lines = [f"{word('gaps', lang)}:"]
    for gap in evaluation.gaps:
        extra = f"+{_points(gap.points)} {word('points', lang)}"
        if gap.mandatory:
            extra += f", {word('mandatory', lang)}"
        if gap.status == "missing" and gap.evidence:
            names = (e if isinstance(e, str) else e.title.get(lang) for e in gap.evidence)
            extra += f"; {word('evidence', lang)}: {', '.join(names)}"
        lines.append(f"  - {gap.indicator} {titles[gap.indicator]} ({extra})")
    if not evaluation.gaps_exhaustive:
        lines.append(f"  {word('greedy', lang)}")
    return lines
