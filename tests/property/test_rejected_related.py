"""Rejecting a related record never decides a subject against it.

Villages count their households and the households of some status (``from:``). Drawn:
villages, households (learning or not, or with their evidence missing), a set of rules, then
some households spoiled (a value that is no value: the record is rejected) and some records
entered again with the same id (rejected as duplicates). Compared with the clean data, every
village keeps its number of households, its count of a status becomes unknown exactly when
one of its households was rejected, and its decision stays what it was or becomes
incomplete — never recognised from not recognised, or the reverse.
"""

from __future__ import annotations

from typing import Any

import polars as pl
import yaml
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._documents.yaml import parse_yaml
from learning_models._evidence.dataset import Dataset, Table
from learning_models._scoring.pipeline import evaluate_dataset


def _set(model: str, inputs: dict[str, Any], indicators: list[dict[str, Any]],
         passes: str) -> lm.CriteriaSet:
    text = {"vi": model, "en": model}
    data = {"format": "learning-models/criteria-set/1", "id": f"test/{model}", "model": model,
            "period": "2021-2025", "title": text, "source": {"verified": False},
            "inputs": inputs,
            "criteria": [{"id": "C", "title": text,
                          "indicators": [{"title": text, **i} for i in indicators]}],
            "recognition": {"pass": passes}}
    spec = lm.validate_criteria(parse_yaml(yaml.safe_dump(data, allow_unicode=True), "s.yaml"))
    lm.compile_criteria(spec)
    return spec


def _family() -> lm.CriteriaSet:
    return _set("family", {"adults": {"type": "integer", "minimum": 0, "maximum": 30},
                           "income": {"type": "enum", "values": ["lower", "stable", "higher"]}},
                [{"id": "C1", "points": 10, "when": "adults >= 1"}], "total >= 10")


def _community(where: str, share: float, mark: int) -> lm.CriteriaSet:
    return _set("community",
                {"households": {"type": "integer", "from": {"count": "family"}},
                 "counted": {"type": "integer", "from": {"count": "family", "where": where}},
                 "plan": {"type": "boolean"}},
                [{"id": "C1", "points": 50,
                  "levels": [{"when": f"ratio(counted, households) >= {share}", "points": 50},
                             {"when": "counted >= 1", "points": 20}]},
                 {"id": "C2", "points": 50, "when": "plan"}],
                f"total >= {mark}")


FAMILY = _family()
COMMUNITIES = [_community(w, s, m) for w in ("recognised", "not_recognised", "evaluated")
               for s in (0.5, 1.0) for m in (50, 70, 100)]
ADULTS = ("0", "1", "2", "")          # not a learning family, one, one, evidence missing

Household = tuple[int, str]           # village, adults


@st.composite
def villages(draw: st.DrawFn) -> tuple[list[str], list[Household], set[int],
                                       list[tuple[int, int, str]], lm.CriteriaSet]:
    plans = draw(st.lists(st.sampled_from(("có", "không", "")), min_size=1, max_size=3))
    homes = draw(st.lists(st.tuples(st.integers(0, len(plans) - 1), st.sampled_from(ADULTS)),
                          max_size=8))
    spoiled = draw(st.sets(st.integers(0, len(homes) - 1), max_size=3)) if homes else set()
    copies = draw(st.lists(st.tuples(st.integers(0, len(homes) - 1),
                                     st.integers(0, len(plans) - 1), st.sampled_from(ADULTS)),
                           max_size=2)) if homes else []
    return plans, homes, spoiled, copies, draw(st.sampled_from(COMMUNITIES))


def _evaluate(plans: list[str], rows: list[tuple[str, str, str, str]],
              community: lm.CriteriaSet) -> pl.DataFrame:
    family = pl.DataFrame(rows, schema=dict.fromkeys(("id", "community", "adults", "income"),
                                                     pl.String), orient="row")
    villages = pl.DataFrame({"id": [f"V{k}" for k in range(len(plans))],
                             "plan": [p or None for p in plans]})
    dataset = Dataset({"family": Table("family", family, "family.csv"),
                       "community": Table("community", villages, "community.csv")})
    result = evaluate_dataset(dataset, sets={"family": FAMILY, "community": community})
    return result.results["community"].scored.select("id", "households", "counted", "status")


@given(villages())
def test_a_rejected_or_repeated_household_never_decides_its_village(
        drawn: tuple[list[str], list[Household], set[int], list[tuple[int, int, str]],
                     lm.CriteriaSet]) -> None:
    plans, homes, spoiled, copies, community = drawn
    clean = [(f"F{k}", f"V{v}", adults, "stable") for k, (v, adults) in enumerate(homes)]
    dirty = [(ident, v, adults, "tăng nhẹ" if k in spoiled else income)
             for k, (ident, v, adults, income) in enumerate(clean)]
    dirty += [(f"F{k}", f"V{v}", adults, "stable") for k, v, adults in copies]
    before = {r[0]: r for r in _evaluate(plans, clean, community).rows()}
    after = {r[0]: r for r in _evaluate(plans, dirty, community).rows()}
    assert before.keys() == after.keys()
    touched = {f"V{homes[k][0]}" for k in spoiled}
    for village, (_, households, counted, status) in before.items():
        _, households_after, counted_after, status_after = after[village]
        assert households_after == households      # rejected ones exist, copies do not
        assert counted_after == (None if village in touched else counted)
        assert status_after in (status, "incomplete"), (village, status, status_after)
