"""Properties of the service over generated batches: it answers what the library gives, and
no record is lost — each is evaluated or in the errors."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import learning_models as lm

from .conftest import FAMILY

INPUTS = ["school_age_children", "children_in_school", "adults", "adults_learning",
          "study_corner", "income"]
VALUES = st.one_of(st.none(), st.integers(-3, 12), st.sampled_from(["có", "không", "stable",
                                                                     "x", ""]),
                   st.booleans(), st.floats(allow_nan=False, allow_infinity=False, width=32))


@cache
def family_set() -> lm.CriteriaSet:
    return lm.Catalog.default().get(FAMILY)


@st.composite
def batches(draw: st.DrawFn) -> list[dict[str, Any]]:
    ids = draw(st.lists(st.sampled_from([f"HH-{n}" for n in range(8)]), max_size=8))
    records = []
    for ident in ids:
        record: dict[str, Any] = draw(st.dictionaries(st.sampled_from(INPUTS), VALUES,
                                                      max_size=4))
        if draw(st.booleans()) or not record:
            record["id"] = ident
        records.append(record)
    return records


@given(records=batches())
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_service_answers_what_the_library_gives_and_loses_no_record(
        client: TestClient, records: list[dict[str, Any]]) -> None:
    answer = client.post("/v1/evaluations", json={"criteria": FAMILY, "year": 2024,
                                                  "records": records})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    # the service speaks Vietnamese unless asked otherwise: the errors' messages too
    assert body == lm.evaluate(family_set(), records, year=2024).to_dict("vi")
    rejected = {e["row"] for e in body["errors"]}
    assert len(body["evaluations"]) + len(rejected) == len(records)
