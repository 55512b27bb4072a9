"""Hardening (issue 18, cases 1, 2, 4): work bounded whatever the input.

1. The roll-up counts rejected records in linear time (a set of row numbers was rebuilt for
   every rejected row): every rejected record is counted once.
2. The gap search of a set with thousands of indicators is bounded in memory and work
   (chunks bounded in cells, greedy choice by bisection) and still finds the gaps.
4. A long YAML document is refused quickly (its events counted by libyaml first) as
   ``too-large``, not as ``too-many-aliases``.

No timing is asserted (see benchmarks/); the sizes keep each test to a few seconds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import learning_models as lm

ROOT = Path(__file__).parents[2]
CITY = ROOT / "examples" / "bac-kan-city" / "2024"


def test_every_rejected_record_is_counted_once_in_the_rollup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(CITY / "areas.csv", data / "areas.csv")
    n = 3000
    records = [{"id": f"H{k}", "community": "0183401", "adults": 1, "bogus": 1}
               for k in range(n)]
    (data / "family.json").write_text(json.dumps(records), encoding="utf-8")
    year = lm.evaluate_dataset(lm.read_dataset(data), year=2024)
    assert len(year.errors) == n
    summary = lm.rollup(year, lm.load_targets("bac-kan-city")).to_dict()
    assert _rejected(summary) == n


def _rejected(summary: Any) -> int:
    """The rejected families of the top area of a roll-up's dictionary."""
    return int(summary["areas"][0]["models"]["family"]["rejected"])


def many_indicators(n: int) -> dict[str, Any]:
    indicators = [{"id": f"C1.{k}", "title": {"vi": f"Chỉ số {k}", "en": f"Indicator {k}"},
                   "points": 1, "when": f"a >= {k % 50}", **({"mandatory": True}
                                                           if k % 7 == 0 else {})}
                  for k in range(1, n + 1)]
    return {"format": "learning-models/criteria-set/1", "id": "test/many", "model": "family",
            "period": "2021-2025", "title": {"vi": "Nhiều chỉ số", "en": "Many indicators"},
            "source": {"verified": False}, "inputs": {"a": {"type": "integer"}},
            "criteria": [{"id": "C1", "title": {"vi": "Tiêu chí", "en": "Criterion"},
                          "indicators": indicators}],
            "recognition": {"pass": "total >= max_total * 0.9 and mandatory_met"}}


def evaluation_of(tmp_path: Path, n: int) -> lm.Evaluation:
    path = tmp_path / "many.yaml"
    path.write_text(json.dumps(many_indicators(n)), encoding="utf-8")  # JSON is YAML
    results = lm.evaluate(lm.load_criteria(path), [{"id": "S1", "a": 3}], year=2022)
    [evaluation] = results
    assert evaluation.status == "not_recognised"
    return evaluation


def gaps_of(tmp_path: Path, n: int) -> tuple[str, ...]:
    return tuple(g.indicator for g in evaluation_of(tmp_path, n).gaps)


def test_gaps_chosen_greedily_say_so(tmp_path: Path) -> None:
    evaluation = evaluation_of(tmp_path, 400)
    assert not evaluation.gaps_exhaustive
    assert evaluation.explain(lang="en").splitlines()[-1] == (
        "  (the set has too many indicators to try every combination: this is one way to "
        "pass, not always the one with the fewest indicators)")


def test_gaps_of_a_small_set_are_the_fewest_and_say_nothing_more(tmp_path: Path) -> None:
    evaluation = evaluation_of(tmp_path, 8)
    assert evaluation.gaps_exhaustive
    assert "combination" not in evaluation.explain(lang="en")


def test_the_gaps_of_a_set_of_many_indicators_are_found(tmp_path: Path) -> None:
    n = 400
    gaps = gaps_of(tmp_path, n)
    unmet = [k for k in range(1, n + 1) if k % 50 > 3]
    mandatory = [k for k in unmet if k % 7 == 0]
    # every unmet mandatory one, then the others until 90% of the points
    assert len(gaps) == int(n * 0.9) - (n - len(unmet))
    assert set(gaps) >= {f"C1.{k}" for k in mandatory}


@pytest.mark.slow
def test_the_gaps_of_a_set_of_2000_indicators_are_found(tmp_path: Path) -> None:
    assert len(gaps_of(tmp_path, 2000)) == 1800 - 160


def test_a_long_yaml_document_is_refused_as_too_large(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("format: learning-models/criteria-set/1\nx: ["
                    + ",".join(["1"] * 1_200_000) + "]\n", encoding="utf-8")
    with pytest.raises(lm.CriteriaError) as caught:
        lm.load_criteria(path)
    [problem] = caught.value.problems
    assert problem.code == "too-large"
    assert problem.message == "the document has more than 200,000 values"
