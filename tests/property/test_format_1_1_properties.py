"""Properties of format 1.1 over random sets of awarded indicators and random records.

A set is drawn as data: indicators with awarded points (half points, values beyond the
maximum, missing values), a pass rule and grades that read the total, ``points()``,
``met()``, ``min_points()``, an input and the year. The properties: the row engine and
the column-wise engine give the same results; the status and the grade agree with a plain
Python reference; and however the missing evidence is filled in, the grade found never lies
outside the `grade_range` given (nor differs from a grade given).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_models as lm
from learning_models._documents.yaml import parse_yaml
from learning_models._scoring.score_rows import FEW

# Each example loads a set of its own: a smaller budget, the suite's profile otherwise.
PROPERTY = settings(max_examples=40)
YEARS = (2021, 2030)

Record = dict[str, Any]


@dataclass(frozen=True)
class Drawn:
    maxima: tuple[int, ...]                  # indicator k reads input ``a{k}``
    criteria: tuple[str, ...]                # the criterion of each indicator
    rule: tuple[float, float, int | None]    # total >=, min_points() >=, met(k) required
    grades: tuple[tuple[str, float, float | None], ...]   # id, min, min_points('C1') >=

    def pass_text(self) -> str:
        total, least, met = self.rule
        parts = [f"total >= {total:g}", f"min_points() >= {least:g}", "(staff >= 1 or year < 2026)"]
        if met is not None:
            parts.append(f"met('I{met}')")
        return " and ".join(parts)

    def load(self) -> lm.CriteriaSet:
        criteria: dict[str, list[dict[str, Any]]] = {}
        for k, (most, cid) in enumerate(zip(self.maxima, self.criteria, strict=True)):
            criteria.setdefault(cid, []).append(
                {"id": f"I{k}", "title": {"vi": "Chỉ số", "en": "Indicator"}, "points": most,
                 "awarded": f"a{k}"})
        grades = []
        for ident, low, least in self.grades:
            entry: dict[str, Any] = {"id": ident, "title": {"vi": ident, "en": ident},
                                     "min": low}
            if least is not None:
                entry["when"] = f"min_points('C1') >= {least:g}"
            grades.append(entry)
        data = {
            "format": "learning-models/criteria-set/1.1", "id": "test/awarded",
            "model": "citizen", "period": "2021-2030",
            "title": {"vi": "Ngẫu nhiên", "en": "Random"}, "source": {"verified": False},
            "inputs": {**{f"a{k}": {"type": "number"} for k in range(len(self.maxima))},
                       "staff": {"type": "integer", "minimum": 0}},
            "criteria": [{"id": cid, "title": {"vi": "Tiêu chí", "en": "Criterion"},
                          "indicators": inds} for cid, inds in criteria.items()],
            "recognition": {"pass": self.pass_text(), "grades": grades},
        }
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return lm.validate_criteria(parse_yaml(text, "random.yaml"))

    # ----------------------------------------------------------------- the reference

    def outcome(self, values: Sequence[float], staff: int | None, year: int,
                ) -> tuple[bool | None, list[float]]:
        """Whether known points pass (None: the input the rule reads is missing)."""
        total, least, met = self.rule
        holds = sum(values) >= total and min(values) >= least
        if met is not None:
            holds = holds and values[met] >= self.maxima[met]
        if not holds:
            return False, list(values)
        if year < 2026:
            return True, list(values)
        return (None if staff is None else staff >= 1), list(values)

    def grade(self, values: Sequence[float]) -> str | None:
        first = [v for v, c in zip(values, self.criteria, strict=True) if c == "C1"]
        for ident, low, least in self.grades:
            if sum(values) >= low and (least is None or min(first) >= least):
                return ident
        return None


@st.composite
def drawn_sets(draw: st.DrawFn) -> Drawn:
    n = draw(st.integers(1, 4))
    maxima = tuple(draw(st.lists(st.sampled_from([2, 5, 10]), min_size=n, max_size=n)))
    criteria = ("C1", *draw(st.lists(st.sampled_from(["C1", "C2"]), min_size=n - 1,
                                     max_size=n - 1)))
    top = sum(maxima)
    rule = (draw(st.sampled_from([0, top / 2, top * 0.8])),
            draw(st.sampled_from([0, 1, 1.5])),
            draw(st.one_of(st.none(), st.integers(0, n - 1))))
    lows = sorted(draw(st.lists(st.sampled_from([0, top / 2, top * 0.7, top]), max_size=3,
                                unique=True)), reverse=True)
    grades = tuple((f"g{k}", float(low), draw(st.one_of(st.none(), st.sampled_from([1, 2]))))
                   for k, low in enumerate(lows))
    return Drawn(maxima, criteria, rule, grades)


def values(maximum: int) -> st.SearchStrategy[float | None]:
    return st.one_of(st.none(), st.sampled_from([0, 0.5, maximum / 2, maximum, maximum + 3,
                                                 -1]).map(float))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Drawn, list[Record], int]:
    drawn = draw(drawn_sets())
    records = draw(st.lists(st.tuples(*(values(m) for m in drawn.maxima),
                                      st.one_of(st.none(), st.integers(0, 2))),
                            min_size=1, max_size=5))
    rows = [{"id": f"S{j}", **{f"a{k}": v for k, v in enumerate(r[:-1])}, "staff": r[-1]}
            for j, r in enumerate(records)]
    return drawn, rows, draw(st.sampled_from(YEARS))


def clip(value: float, maximum: int) -> float:
    return min(max(value, 0.0), float(maximum))


@PROPERTY
@given(cases())
def test_the_row_engine_and_the_column_wise_engine_agree(case: tuple[Drawn, list[Record], int],
                                                         ) -> None:
    drawn, records, year = case
    spec = drawn.load()
    padding = [{**records[k % len(records)], "id": f"P{k}"} for k in range(FEW + 1)]
    batch = lm.evaluate(spec, [*records, *padding], year=year)
    assert batch.errors == ()
    for record, result in zip(records, batch, strict=False):
        assert lm.evaluate(spec, [record], year=year)[0].to_dict() == result.to_dict()


@PROPERTY
@given(cases())
def test_known_evidence_gives_the_reference_decision(case: tuple[Drawn, list[Record], int],
                                                     ) -> None:
    drawn, records, year = case
    spec = drawn.load()
    for record, result in zip(records, lm.evaluate(spec, records, year=year), strict=True):
        given = [record[f"a{k}"] for k in range(len(drawn.maxima))]
        if any(v is None for v in given):
            continue
        points = [clip(v, m) for v, m in zip(given, drawn.maxima, strict=True)]
        holds, _ = drawn.outcome(points, record["staff"], year)
        expected = {True: "recognised", False: "not_recognised", None: "incomplete"}[holds]
        assert result.status == expected
        assert [i.points for i in result.indicators] == points
        if holds:
            assert result.grade == drawn.grade(points)


@PROPERTY
@given(cases())
def test_filling_the_missing_evidence_never_leaves_the_grade_range(
        case: tuple[Drawn, list[Record], int]) -> None:
    drawn, records, year = case
    spec = drawn.load()
    order = [g[0] for g in drawn.grades] + [None]      # best first; None: no grade
    for record, result in zip(records, lm.evaluate(spec, records, year=year), strict=True):
        low, high = result.grade_range or (result.grade, result.grade)
        missing = [k for k in range(len(drawn.maxima)) if record[f"a{k}"] is None]
        staff = [record["staff"]] if record["staff"] is not None else [0, 1]
        fills = [[0.0, drawn.maxima[k] / 2, 0.5, float(drawn.maxima[k])] for k in missing]
        for combo in itertools.product(*fills, staff):
            filled = {**record, "staff": combo[-1],
                      **{f"a{k}": v for k, v in zip(missing, combo, strict=False)}}
            outcome = lm.evaluate(spec, [filled], year=year)[0]
            assert outcome.status != "incomplete"
            found = outcome.grade if outcome.status == "recognised" else None
            assert order.index(high) <= order.index(found) <= order.index(low), \
                (record, filled, result.grade_range)
            if result.grade is not None:
                assert found == result.grade
