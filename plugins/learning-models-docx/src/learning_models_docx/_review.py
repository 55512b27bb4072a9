"""`DocxReviewWriter`: the period review as ``danh-gia-<period>.docx``, a "Báo cáo sơ kết /
tổng kết" laid out like the annual report (Decree 30/2020/NĐ-CP, Phụ lục I: the same header,
rules, page numbers, recipients and signature block; ``_page``).

The title is ``BÁO CÁO`` / ``Sơ kết (Tổng kết) kết quả xây dựng các mô hình học tập giai
đoạn 2021–2025``; then I. the area, the years with figures and the targets; II. a section per
model: the whole area's year-by-year series against the milestone in force, the goal of the
period (reached when, or what is still needed), the subjects recognised every year and those
that lost recognition, and a table per model with a row per area and year, then the goal per
area; III. the overall assessment; IV. next steps. Every figure is the `Review`'s, formatted
as the web page and the workbook format it (numbers grouped the language's way).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from learning_models import ReviewReport, Series

from ._decree import letterhead
from ._page import DecreePage, write_atomically
from ._words import REVIEW_DOC_WORDS as WORDS
from ._writer import place_name

__all__ = ["DocxReviewWriter", "render_review_docx"]


class DocxReviewWriter:
    """Writes ``danh-gia-<period>.docx`` into the review's output folder."""

    name = "docx"

    def write(self, review: ReviewReport, out_dir: Path) -> Sequence[Path]:
        path = Path(out_dir) / f"danh-gia-{review.review.period}.docx"
        write_atomically(path, render_review_docx(review))
        return [path]


def render_review_docx(review: ReviewReport) -> bytes:
    """The review as the bytes of a ``.docx`` file (the same review, the same bytes)."""
    doc = _ReviewDoc(review)
    doc.build()
    return doc.finished(review.review.years[-1] if review.review.years else None)


class _ReviewDoc(DecreePage):
    def __init__(self, review: ReviewReport) -> None:
        lang = review.lang if review.lang in ("vi", "en") else "vi"
        self.r = review
        self.area = review.area or WORDS["blank"][lang]
        self.issuer = review.issuer or self.area
        # dated in the last year with figures: the review follows that year's report
        last = str(review.review.years[-1]) if review.review.years else ""
        super().__init__(lang, WORDS, letterhead(
            review, self.issuer, place_name(self.issuer),
            {key: words[lang] for key, words in WORDS.items()}), last)

    def build(self) -> None:
        r = self.r
        subject = self.w("subject", kind=r.kind[:1].upper() + r.kind[1:], period=r.period)
        self.setup(title=subject, subject=self.area, comments=r.targets_id or "",
                   year=int(self.year) if self.year.isdigit() else None)
        self.header()
        self.title_block(subject)
        self.paragraph(self.w("intro" if self.issuer == self.area else "intro_about",
                              programme=r.programme, area=self.area, issuer=self.issuer,
                              kind=r.kind, period=r.period), indent=True)
        self.situation()
        self.heading(self.w("s2"), 1)
        for n, (model, title) in enumerate(r.models, start=1):
            self.model_section(n, model, title)
        self.assessment()
        self.next_steps()
        self.paragraph(self.w("closing", kind=r.kind, period=r.period, area=self.issuer),
                       indent=True)
        self.signature()

    # --- sections -------------------------------------------------------------------------

    def situation(self) -> None:
        r = self.r
        self.heading(self.w("s1"), 1)
        communes = list(dict.fromkeys(s.name for s in r.review.series if s.level == "commune"))
        if communes:
            self.bullet(self.w("area_line", area=self.area, n=len(communes),
                               names=", ".join(communes)))
        self.bullet(self.w("years_line", years=", ".join(map(str, r.review.years))))
        first, last = (int(y) for y in r.review.period.split("-"))
        missing = [str(y) for y in range(first, last + 1)
                   if y not in r.review.years and y <= max(r.review.years)]
        if missing:
            self.bullet(self.w("missing_line", years=", ".join(missing)))
        targets = r.targets_title or r.targets_id
        self.bullet(self.w("targets_line", targets=targets) if targets
                    else self.w("no_targets"))
        for note in r.notes:
            self.bullet(note)

    def model_section(self, n: int, model: str, title: str) -> None:
        r = self.r
        self.heading(self.w("model_heading", n=n, title=title), 2)
        main = self._main_of(model)
        lines = self._shown(model)
        for point in main.years:
            milestone = "" if point.milestone is None else self.w(
                "year_milestone", year=point.milestone_year, value=r.percent(point.milestone),
                met=r.label("yes" if point.met else "no"))
            self.bullet(self.w("year_item", year=point.year, reached=r.number(point.recognised),
                               denominator=r.number(point.denominator),
                               rate=r.percent(point.rate), milestone=milestone))
        for note in r.measured.get(model, ()):
            self.bullet(note)
        if main.goal is not None:
            self.bullet(self._goal(main, model))
        self.bullet(self.w("every_year", years=", ".join(map(str, r.review.years)),
                           n=r.number(r.review.every_year.get(model, 0))))
        self.bullet(self._lost(model))
        self.paragraph(self.w("series_table"), italic=True)
        self.table(self._series_heads(), self._series_rows(lines),
                   [12, 48, 13, 21, 20, 17, 17, 19], numeric={0, 2, 3, 4, 5, 6})
        if any(s.goal is not None for s in lines):
            self.paragraph(self.w("goal_table"), italic=True)
            self.table([self.w("row_number"), r.label("area"), r.label("goal"), r.label("reached"),
                        r.label("gap")],
                       [[str(k), r.area_name(s), r.percent(s.goal),
                         "" if s.reached_in is None else str(s.reached_in), r.number(s.gap)]
                        for k, s in enumerate(lines, start=1)],
                       [12, 60, 30, 22, 30], numeric={0, 2, 3, 4})

    def assessment(self) -> None:
        r = self.r
        self.heading(self.w("s3"), 1)
        self.heading(self.w("strengths"), 2)
        self.strengths()
        self.heading(self.w("weaknesses"), 2)
        self.weaknesses()
        self.heading(self.w("notes"), 2)
        self.bullet(self.w("note_figures"))
        for note in r.notes:
            self.bullet(note)
        if r.review.lost:
            self.bullet(self.w("note_lists", file=f"danh-gia-{r.review.period}.xlsx"))

    def strengths(self) -> None:
        """The goals reached (when, by how many communes); the milestones met on the way."""
        r = self.r
        for model, title in r.models:
            main = self._main_of(model)
            if main.goal is None or main.reached_in is None:
                continue
            communes = [s for s in self._lines(model) if s.level == "commune"]
            self.bullet(self.w("model_reached", title=title, goal=r.percent(main.goal),
                               reached=main.reached_in, all=len(communes),
                               met=sum(1 for s in communes if s.reached_in is not None)))
        for _, title, main in self._short():
            met = [p for p in main.years if p.met]
            if met:
                self.bullet(self.w("milestones_met", title=title, items="; ".join(
                    self.w("milestone_met", year=p.year, value=r.percent(p.milestone),
                           milestone=p.milestone_year, rate=r.percent(p.rate)) for p in met)))
        if not r.targets_id:
            self.bullet(self.w("no_targets"))

    def weaknesses(self) -> None:
        """The goals not reached, the communes behind, the recognitions lost."""
        r = self.r
        short = self._short()
        for model, title, main in short:
            last = main.years[-1]
            self.bullet(self.w("model_short", title=title, goal=r.percent(main.goal),
                               year=main.goal_year, last=last.year, rate=r.percent(last.rate),
                               gap=r.number(main.gap), noun=r.nouns[model]))
        behind = False
        for model, title in r.models:
            lagging = [s for s in self._lines(model) if s.level == "commune" and s.gap]
            if lagging:
                behind = True
                self.bullet(self.w("communes_short", title=title, items="; ".join(
                    self.w("commune_short", name=s.name, gap=r.number(s.gap))
                    for s in lagging)))
        for model, title in r.models:
            lost = sum(1 for x in r.review.lost if x.model == model)
            if lost:
                self.bullet(self.w("model_lost", title=title, n=r.number(lost)))
        if not short and not behind and r.targets_id:
            self.bullet(self.w("none_short"))

    def next_steps(self) -> None:
        r = self.r
        self.heading(self.w("s4"), 1)
        for model, title, main in self._short():
            lagging = [s.name for s in self._lines(model) if s.level == "commune" and s.gap]
            where = self.w("todo_where", names=", ".join(lagging)) if lagging else ""
            self.bullet(self.w("todo_model", title=title, gap=r.number(main.gap),
                               noun=r.nouns[model], goal=r.percent(main.goal),
                               year=main.goal_year, where=where))
        if r.review.lost:
            self.bullet(self.w("todo_lost", n=r.number(len(r.review.lost))))
        if any(s.reached_in is not None for s in r.review.series):
            self.bullet(self.w("todo_keep"))

    # --- pieces ---------------------------------------------------------------------------

    def _lines(self, model: str) -> list[Series]:
        return [s for s in self.r.review.series if s.model == model]

    def _shown(self, model: str) -> list[Series]:
        """The rows of a model's tables: the area reviewed, then its communes (the wider
        areas the data also names, a province holding the city, show the same figures)."""
        main = self._main_of(model)
        return [main, *(s for s in self._lines(model) if s.level == "commune" and s is not main)]

    def _main_of(self, model: str) -> Series:
        return self._main(self._lines(model))

    def _main(self, lines: Sequence[Series]) -> Series:
        """The series of the area reviewed: the one of that name, else the whole data."""
        named = [s for s in lines if s.name == self.area]
        return named[0] if named else next((s for s in lines if s.code == "*"), lines[0])

    def _short(self) -> list[tuple[str, str, Series]]:
        """The models whose goal the area reviewed has not reached."""
        return [(m, t, s) for m, t in self.r.models if (s := self._main_of(m)).goal is not None
                and s.reached_in is None]

    def _goal(self, main: Series, model: str) -> str:
        r = self.r
        if main.reached_in is not None:
            return self.w("goal_reached", year=main.goal_year, goal=r.percent(main.goal),
                          reached=main.reached_in)
        return self.w("goal_short", year=main.goal_year, goal=r.percent(main.goal),
                      last=main.years[-1].year, gap=r.number(main.gap), noun=r.nouns[model])

    def _lost(self, model: str) -> str:
        r = self.r
        lost = [x for x in r.review.lost if x.model == model]
        if not lost:
            return self.w("lost_none")
        pairs = Counter((x.recognised_in, x.lost_in) for x in lost)
        statuses = Counter(x.status for x in lost)
        parts = [self.w("lost_pair", before=a, after=b, n=r.number(k))
                 for (a, b), k in sorted(pairs.items())]
        parts += [f"{self.w(f'status_{s}')}: {r.number(k)}"
                  for s, k in sorted(statuses.items()) if f"status_{s}" in WORDS]
        return self.w("lost_line", n=r.number(len(lost)), detail=f" ({'; '.join(parts)})")

    def _series_heads(self) -> list[str]:
        r = self.r
        return [self.w("row_number"), r.label("area"), r.label("year"), r.label("recognised"),
                r.label("denominator"), r.label("rate"), r.label("milestone_col"),
                r.label("met")]

    def _series_rows(self, lines: Sequence[Series]) -> list[list[str]]:
        r = self.r
        rows = []
        for k, series in enumerate(lines, start=1):
            for m, point in enumerate(series.years):
                rows.append([str(k) if m == 0 else "", r.area_name(series) if m == 0 else "",
                             str(point.year), r.number(point.recognised),
                             r.number(point.denominator), r.percent(point.rate),
                             r.percent(point.milestone),
                             "" if point.met is None else r.label("yes" if point.met else "no")])
        return rows
