"""Properties of format 1.1 ``items`` over random checklists and random records.

A set is drawn as data: one indicator with a checklist whose ladder over ``items_met`` may
or may not grow with the count, next to awarded indicators, and a pass rule over the total
and ``min_points()``. The properties: the row engine and the column-wise engine agree;
a score never exceeds the maximum; known evidence gives the points and the decision of a
plain Python reference; and however the open items (and missing values) are filled in, a
decided status holds and the checklist's points stay between those given for the worst and
the best case.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._documents.yaml import parse_yaml
from learning_models._scoring.score_rows import FEW

Record = dict[str, Any]


@dataclass(frozen=True)
class Drawn:
    items: int                                   # item j reads the boolean input ``b{j}``
    ladder: tuple[tuple[int, float], ...]        # (items_met >= count, points), first wins
    top: int                                     # the checklist indicator's points
    maxima: tuple[int, ...]                      # awarded indicator k reads ``a{k}``
    total: float
    least: float

    def load(self) -> lm.CriteriaSet:
        checklist = {
            "id": "L", "title": {"vi": "Danh mục", "en": "Checklist"}, "points": self.top,
            "items": [{"id": f"i{j}", "title": {"vi": f"Nội dung {j}", "en": f"Item {j}"},
                       "when": f"b{j}"} for j in range(self.items)],
            "levels": [{"when": f"items_met >= {count}", "points": points}
                       for count, points in self.ladder]}
        others = [{"id": f"I{k}", "title": {"vi": "Chỉ số", "en": "Ind"}, "points": most,
                   "awarded": f"a{k}"} for k, most in enumerate(self.maxima)]
        inputs: dict[str, Any] = {f"b{j}": {"type": "boolean"} for j in range(self.items)}
        inputs.update({f"a{k}": {"type": "number"} for k in range(len(self.maxima))})
        data = {"format": "learning-models/criteria-set/1.1", "id": "test/items",
                "model": "citizen", "period": "2021-2030",
                "title": {"vi": "Ngẫu nhiên", "en": "Random"}, "source": {"verified": False},
                "inputs": inputs,
                "criteria": [{"id": "C", "title": {"vi": "Tiêu chí", "en": "C"},
                              "indicators": [checklist, *others]}],
                "recognition": {"pass": f"total >= {self.total:g} and "
                                        f"min_points() >= {self.least:g}"}}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return lm.validate_criteria(parse_yaml(text, "random.yaml"))

    def checklist_points(self, met: int) -> float:
        return next((p for count, p in self.ladder if met >= count), 0.0)

    def points(self, record: Record) -> list[float]:
        met = sum(record[f"b{j}"] is True for j in range(self.items))
        return [self.checklist_points(met),
                *(min(max(record[f"a{k}"], 0.0), float(m)) for k, m in enumerate(self.maxima))]

    def passes(self, record: Record) -> bool:
        points = self.points(record)
        return sum(points) >= self.total and min(points) >= self.least


@st.composite
def drawn_sets(draw: st.DrawFn) -> Drawn:
    items = draw(st.integers(1, 5))
    top = draw(st.sampled_from([10, 25]))
    counts = draw(st.lists(st.integers(0, items), min_size=1, max_size=3))
    ladder = tuple((c, float(draw(st.sampled_from([0, top / 2, top])))) for c in counts)
    maxima = tuple(draw(st.lists(st.sampled_from([5, 10]), max_size=2)))
    full = top + sum(maxima)
    return Drawn(items, ladder, top, maxima, draw(st.sampled_from([0, full / 2, full * 0.8])),
                 draw(st.sampled_from([0, 1, 5])))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Drawn, list[Record]]:
    drawn = draw(drawn_sets())
    rows = []
    for n in range(draw(st.integers(1, 4))):
        row: Record = {"id": f"S{n}"}
        row.update({f"b{j}": draw(st.one_of(st.none(), st.booleans()))
                    for j in range(drawn.items)})
        row.update({f"a{k}": draw(st.one_of(st.none(), st.sampled_from([0.0, 2.5, m, m + 1.0])))
                    for k, m in enumerate(drawn.maxima)})
        rows.append(row)
    return drawn, rows


def fills(drawn: Drawn, record: Record) -> list[Record]:
    """Every way of filling the record's missing values (numbers from a few choices)."""
    choices: list[list[tuple[str, object]]] = []
    for name, value in record.items():
        if value is None and name.startswith("b"):
            choices.append([(name, True), (name, False)])
        elif value is None:
            most = float(drawn.maxima[int(name[1:])])
            choices.append([(name, v) for v in (0.0, most / 2, most)])
    return [{**record, **dict(combo), "id": f"{record['id']}-{n}"}
            for n, combo in enumerate(itertools.product(*choices))]


@given(cases())
def test_the_row_engine_and_the_column_wise_engine_agree(case: tuple[Drawn, list[Record]],
                                                         ) -> None:
    drawn, records = case
    spec = drawn.load()
    padding = [{**records[k % len(records)], "id": f"P{k}"} for k in range(FEW + 1)]
    batch = lm.evaluate(spec, [*records, *padding], year=2024)
    assert batch.errors == ()
    for record, result in zip(records, batch, strict=False):
        alone = lm.evaluate(spec, [record], year=2024)[0]
        assert alone.to_dict() == result.to_dict()
        assert alone.explain() == result.explain()


@given(cases())
def test_known_evidence_gives_the_reference_points_and_decision(
        case: tuple[Drawn, list[Record]]) -> None:
    drawn, records = case
    spec = drawn.load()
    for record in records:
        every = fills(drawn, record)
        for filled, result in zip(every, lm.evaluate(spec, every, year=2024), strict=True):
            assert [r.points for r in result.indicators] == drawn.points(filled)
            assert 0 <= result.total <= result.max_total == spec.max_total
            assert result.status == ("recognised" if drawn.passes(filled)
                                     else "not_recognised")


@given(cases())
def test_filling_open_items_stays_within_the_cases_given(case: tuple[Drawn, list[Record]],
                                                         ) -> None:
    drawn, records = case
    spec = drawn.load()
    for record, result in zip(records, lm.evaluate(spec, records, year=2024), strict=True):
        outcomes = lm.evaluate(spec, fills(drawn, record), year=2024)
        checklist = [o.indicators[0].points for o in outcomes]
        low = result.indicators[0].points
        assert min(checklist) == low       # the worst case is reached by some filling
        if result.indicators[0].status != "missing":
            assert set(checklist) == {low}
        if result.status != "incomplete":
            assert {o.status for o in outcomes} == {result.status}
