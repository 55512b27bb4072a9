"""Property-based requests against every endpoint (Schemathesis, from the OpenAPI document):
no answer is a 500, every answer has a documented status and content type and matches its
schema. Bounded: a few examples per operation keep the suite fast."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from learning_models._serve.app import create_app  # noqa: E402

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]

# Table bodies are bytes of any kind: the service must refuse what it cannot read, cleanly.
for _media in ("text/csv", "application/vnd.apache.parquet",
               "application/vnd.apache.arrow.stream"):
    schemathesis.openapi.media_type(_media, st.binary(max_size=200))

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_endpoint_answers_within_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
