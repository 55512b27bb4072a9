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
from .._documents import Number, check_lang
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
from .._scoring import (
    GRADE_BEST,
    GRADE_WORST,
    DatasetEvaluation,
    Provenance,
    check_evaluation,
    parts_of,
)
from .._version import __version__
from .._words import REPORT_LABELS as LABELS
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
    #: The sets its target counts, when the target names them (``sets:``): reached,
    #: denominator and rate are then those sets' alone, not the model's across its sets.
    counted: tuple[str, ...] = ()


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
class SetRow:
    """A model's subjects of the whole dataset that one of its sets evaluated, when several
    sets of the model were in force (format 1.1): the breakdown under the model's table."""

    id: str
    title: str
    applies_to: str
    evaluated: int
    recognised: int
    not_recognised: int
    incomplete: int


@dataclass(frozen=True, slots=True)
class ModelTable:
    """One model's table: a row per commune, then the whole dataset, against its target;
    counted across the model's sets, and per set (`by_set`) when it had several."""

    model: str
    title: str                       # the set's title (the model's, with several sets)
    short_title: str                 # the model's name (a sheet name)
    rows: tuple[ModelRow, ...]       # communes, then the whole dataset
    target: float | None
    milestone_year: int | None
    by_set: tuple[SetRow, ...] = ()


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

    def basis(self, figure: Figure) -> str:
        """What `figure`'s denominator counts, in the report's words: the area's total, the
        total of the sets its target names, or the records in the data."""
        if figure.counted:
            return self.label("counted_basis", sets=", ".join(figure.counted))
        if figure.denominator_kind == "area_total":
            return self.label("area_total")
        if figure.key.startswith("citizens_"):
            return self.label("citizens_basis")
        return self.label("subjects_basis")

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
    if not value % 1:   # a whole number, as a message of the catalogue says it
        return Number(int(value)).render(lang)
    shown = f"{value:,.2f}".rstrip("0").rstrip(".")
    return shown.translate(_SWAP_SEPARATORS) if lang == "vi" else shown


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
    titles = {m: _title(evaluation, m, labels, lang) for m in evaluation.results}
    sets = tuple(_set_used(m, p.program.spec, p.provenance, p.program.spec.title.get(lang),
                           lang)
                 for m, r in sorted(evaluation.results.items(), key=lambda i: _model_key(i[0]))
                 for p in parts_of(r))
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
                                 None if check is None else check.milestone_year,
                                 _by_set(evaluation, model, head, lang)))
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


def _title(evaluation: DatasetEvaluation, model: str, labels: Mapping[str, str],
           lang: Lang) -> str:
    """A model's title in the report: its set's, or with several sets the model's name."""
    sets = evaluation.sets_of(model)
    if len(sets) > 1:
        return labels.get(f"short_{model}", model)
    return sets[0].title.get(lang) if sets else model


def _by_set(evaluation: DatasetEvaluation, model: str, head: ModelFigures | None,
            lang: Lang) -> tuple[SetRow, ...]:
    """The model's figures of the whole dataset per set, when several sets evaluated it."""
    if head is None or not head.by_set:
        return ()
    specs = {s.id: s for s in evaluation.sets_of(model)}
    return tuple(SetRow(f.criteria_set, specs[f.criteria_set].title.get(lang)
                        if f.criteria_set in specs else f.criteria_set,
                        (specs[f.criteria_set].applies_to or "") if f.criteria_set in specs
                        else "", f.evaluated, f.recognised, f.not_recognised, f.incomplete)
                 for f in head.by_set)


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
    rate, counted = figures.rate, check.counted
    if counted is not None:   # the target counts only its sets: the figure is theirs
        reached, denominator, kind, rate = counted.recognised, counted.denominator, \
            counted.denominator_kind, counted.rate
    return Figure(key, label, reached, denominator, kind, rate, check.value,
                  check.milestone_year, check.gap, check.met, check.sentence.get(lang),
                  figures.changes, () if counted is None else counted.sets)


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
    # subjects of an area above the communes (a district's own units) have a list of theirs
    above = {a.code: a.name for a in rollup.areas if a.level in ("district", "province")}
    frames = []
    for model, results in ((m, p) for m in _ordered(evaluation.results)
                           for p in parts_of(evaluation.results[m])):
        scored = results.scored
        grades = {g.id: g.title.get(lang) for g in results.program.spec.recognition.grades}
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
    commune_of = {code: _commune(code, upward, communes) or (code if code in above else None)
                  for code in table["area"].drop_nulls().unique().to_list()}
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
        lists.append(CommuneList(code, communes.get(code, above.get(code,
                                                                labels["unknown_area"])),
                                 entries,
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
