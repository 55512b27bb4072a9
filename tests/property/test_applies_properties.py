"""Properties of format 1.1 ``applies`` over random sets and random records.

A set is drawn as data: awarded indicators, some that apply only where a boolean input
holds, a criterion that applies only where another holds, and a pass rule over
``total_share``, ``min_points()``, ``mandatory_met`` and ``met()``. The properties: the
row engine and the column-wise engine agree; a score never exceeds the subject's maximum,
which never exceeds the set's; known evidence gives the decision of a plain Python
reference; and however the missing evidence is filled in, a decided status holds.
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
    maxima: tuple[int, ...]              # indicator k reads the number input ``a{k}``
    in_c2: tuple[bool, ...]              # whether indicator k is in criterion C2
    own: tuple[bool, ...]                # whether indicator k applies only where ``f{k}``
    mandatory: tuple[bool, ...]
    c2_applies: bool                     # whether C2 applies only where ``g``
    share: float
    least: float
    met: int | None

    def pass_text(self) -> str:
        parts = [f"total_share >= {self.share:g}", f"min_points() >= {self.least:g}",
                 "mandatory_met"]
        if self.met is not None:
            parts.append(f"met('I{self.met}')")
        return " and ".join(parts)

    def load(self) -> lm.CriteriaSet:
        criteria: dict[str, list[dict[str, Any]]] = {"C1": [], "C2": []}
        for k, most in enumerate(self.maxima):
            entry: dict[str, Any] = {"id": f"I{k}", "title": {"vi": "Chỉ số", "en": "Ind"},
                                     "points": most, "awarded": f"a{k}",
                                     "mandatory": self.mandatory[k]}
            if self.own[k]:
                entry["applies"] = f"f{k}"
            criteria["C2" if self.in_c2[k] else "C1"].append(entry)
        blocks = []
        for cid, inds in criteria.items():
            if inds:
                block: dict[str, Any] = {"id": cid, "title": {"vi": "Tiêu chí", "en": "C"},
                                         "indicators": inds}
                if cid == "C2" and self.c2_applies:
                    block["applies"] = "g"
                blocks.append(block)
        inputs: dict[str, Any] = {f"a{k}": {"type": "number"} for k in range(len(self.maxima))}
        inputs.update({f"f{k}": {"type": "boolean"} for k in range(len(self.maxima))})
        inputs["g"] = {"type": "boolean"}
        data = {"format": "learning-models/criteria-set/1.1", "id": "test/applies",
                "model": "unit", "period": "2021-2030",
                "title": {"vi": "Ngẫu nhiên", "en": "Random"}, "source": {"verified": False},
                "inputs": inputs, "criteria": blocks,
                "recognition": {"pass": self.pass_text()}}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return lm.validate_criteria(parse_yaml(text, "random.yaml"))

    def applies(self, record: Record, k: int) -> bool:
        own = record[f"f{k}"] if self.own[k] else True
        group = record["g"] if self.in_c2[k] and self.c2_applies else True
        return bool(own and group)

    def passes(self, record: Record) -> bool:
        """The reference decision for a record whose evidence is all known."""
        counted = [k for k in range(len(self.maxima)) if self.applies(record, k)]
        points = {k: min(max(record[f"a{k}"], 0.0), float(self.maxima[k])) for k in counted}
        top = sum(self.maxima[k] for k in counted)
        share = sum(points.values()) / top if top > 0 else 0.0
        holds = share >= self.share and min(points.values(), default=float("inf")) >= self.least
        holds = holds and all(points[k] >= self.maxima[k] for k in counted if self.mandatory[k])
        if self.met is not None and self.met in points:
            holds = holds and points[self.met] >= self.maxima[self.met]
        return holds


@st.composite
def drawn_sets(draw: st.DrawFn) -> Drawn:
    n = draw(st.integers(1, 4))

    def flags() -> st.SearchStrategy[tuple[bool, ...]]:
        return st.lists(st.booleans(), min_size=n, max_size=n).map(tuple)

    maxima = tuple(draw(st.lists(st.sampled_from([1, 2, 5, 10]), min_size=n, max_size=n)))
    return Drawn(maxima, draw(flags()), draw(flags()),
                 draw(st.lists(st.sampled_from([False, False, True]), min_size=n,
                               max_size=n).map(tuple)),
                 draw(st.booleans()), draw(st.sampled_from([0, 0.5, 0.8, 1])),
                 draw(st.sampled_from([0, 1, 2])),
                 draw(st.one_of(st.none(), st.integers(0, n - 1))))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Drawn, list[Record]]:
    drawn = draw(drawn_sets())
    maybe = st.one_of(st.none(), st.booleans())
    rows = []
    for j in range(draw(st.integers(1, 4))):
        row: Record = {"id": f"S{j}", "g": draw(maybe)}
        for k, most in enumerate(drawn.maxima):
            row[f"a{k}"] = draw(st.one_of(st.none(), st.sampled_from(
                [0.0, 1.0, most / 2, float(most), most + 1.0])))
            row[f"f{k}"] = draw(maybe)
        rows.append(row)
    return drawn, rows


#: At most this many fillings of one record are tried (in a fixed order).
MOST_FILLS = 300


def fills(drawn: Drawn, record: Record) -> list[Record]:
    """Ways of filling the record's missing values from a few choices each (every way, up to
    `MOST_FILLS`), each with an id of its own."""
    choices: list[list[tuple[str, object]]] = []
    for name, value in record.items():
        if value is not None or name == "id":
            continue
        if name.startswith("a"):
            most = drawn.maxima[int(name[1:])]
            choices.append([(name, v) for v in (0.0, most / 2, float(most))])
        else:
            choices.append([(name, True), (name, False)])
    every = itertools.islice(itertools.product(*choices), MOST_FILLS)
    return [{**record, **dict(combo), "id": f"{record['id']}-{n}"}
            for n, combo in enumerate(every)]


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


@given(cases())
def test_a_score_never_exceeds_the_subjects_maximum_nor_that_the_set(
        case: tuple[Drawn, list[Record]]) -> None:
    drawn, records = case
    spec = drawn.load()
    for result in lm.evaluate(spec, records, year=2024):
        counted = [r for r in result.indicators if r.status != "not_applicable"]
        assert 0 <= result.total <= result.max_total <= spec.max_total
        assert result.max_total == sum(r.max_points for r in counted)
        assert all(r.points == 0 for r in result.indicators if r.status == "not_applicable")


@given(cases())
def test_known_evidence_gives_the_reference_decision(case: tuple[Drawn, list[Record]]) -> None:
    drawn, records = case
    spec = drawn.load()
    for record in records:
        every = fills(drawn, record)
        for filled, result in zip(every, lm.evaluate(spec, every, year=2024), strict=True):
            expected = "recognised" if drawn.passes(filled) else "not_recognised"
            assert result.status == expected, filled


@given(cases())
def test_filling_the_missing_evidence_never_contradicts_a_decided_status(
        case: tuple[Drawn, list[Record]]) -> None:
    drawn, records = case
    spec = drawn.load()
    results = lm.evaluate(spec, records, year=2024)
    for record, result in zip(records, results, strict=True):
        if result.status == "incomplete":
            continue
        outcomes = {r.status for r in lm.evaluate(spec, fills(drawn, record), year=2024)}
        assert outcomes == {result.status}, (record, outcomes)
