"""Properties of format 1.1 named evidence over random reference cells.

Indicators require one or two documents; records give random cells (empty, blank, plain
file names, names prefixed with a document id, odd spacing). The properties: the row engine
and the column-wise engine agree; an indicator is never met, nor scores, unless the cell
gives every document it requires (read by a plain Python reference of the rule); and
giving the documents never lowers a result.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._documents.yaml import parse_yaml
from learning_models._scoring.score_rows import FEW

Record = dict[str, Any]
CELLS = (None, "", " ; ", "a.pdf", "photo: x.jpg", "photo: x.jpg; list: y.xlsx",
         "list:y.xlsx ;  photo :x", "x.pdf; list: y", "https://example.org/photo: z")


@dataclass(frozen=True)
class Drawn:
    required: tuple[tuple[str, ...], ...]    # per indicator: the documents it requires

    def load(self) -> lm.CriteriaSet:
        indicators = []
        for k, docs in enumerate(self.required):
            indicators.append({
                "id": f"I{k}", "title": {"vi": "Chỉ số", "en": "Ind"}, "points": 10,
                "when": f"b{k}",
                "evidence": [{"id": d, "title": {"vi": d, "en": d}, "required": True}
                             for d in docs]})
        data = {"format": "learning-models/criteria-set/1.1", "id": "test/documents",
                "model": "family", "period": "2021-2030",
                "title": {"vi": "Ngẫu nhiên", "en": "Random"}, "source": {"verified": False},
                "inputs": {f"b{k}": {"type": "boolean"} for k in range(len(self.required))},
                "criteria": [{"id": "C", "title": {"vi": "Tiêu chí", "en": "C"},
                              "indicators": indicators}],
                "recognition": {"pass": "total >= 10"}}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return lm.validate_criteria(parse_yaml(text, "random.yaml"))

    def given(self, k: int, cell: str | None) -> bool:
        """The reference rule, written out: any reference for one document; each document
        named at the start of a reference for several."""
        refs = [r.strip() for r in (cell or "").split(";") if r.strip()]
        if len(self.required[k]) == 1:
            return bool(refs)
        return all(any(r.split(":", 1)[0].strip() == d and ":" in r for r in refs)
                   for d in self.required[k])


@st.composite
def cases(draw: st.DrawFn) -> tuple[Drawn, list[Record]]:
    n = draw(st.integers(1, 3))
    required = tuple(draw(st.sampled_from([("photo",), ("photo", "list")])) for _ in range(n))
    rows = []
    for j in range(draw(st.integers(1, 4))):
        row: Record = {"id": f"S{j}"}
        for k in range(n):
            row[f"b{k}"] = draw(st.one_of(st.none(), st.booleans()))
            row[f"evidence.I{k}"] = draw(st.sampled_from(CELLS))
        rows.append(row)
    return Drawn(required), rows


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
def test_nothing_is_met_on_no_evidence(case: tuple[Drawn, list[Record]]) -> None:
    drawn, records = case
    for record, result in zip(records, lm.evaluate(drawn.load(), records, year=2024),
                              strict=True):
        for k, indicator in enumerate(result.indicators):
            has = drawn.given(k, record[f"evidence.I{k}"])
            if not has:
                assert indicator.status == "missing" and indicator.points == 0
            elif record[f"b{k}"] is not None:
                assert indicator.status == ("met" if record[f"b{k}"] else "not_met")


@given(cases())
def test_giving_the_documents_never_lowers_a_result(case: tuple[Drawn, list[Record]]) -> None:
    drawn, records = case
    spec = drawn.load()
    full = [{**r, **{f"evidence.I{k}": "photo: x; list: y" for k in range(len(drawn.required))}}
            for r in records]
    order = {"not_recognised": 0, "incomplete": 1, "recognised": 2}
    for before, after in zip(lm.evaluate(spec, records, year=2024),
                             lm.evaluate(spec, full, year=2024), strict=True):
        assert after.total >= before.total
        if before.status == "recognised":
            assert after.status == "recognised"
        assert order[after.status] >= order[before.status] or before.status == "incomplete"
