"""The fuzz suite's short profile, run with the test suite: a few dozen hostile inputs of
every family (see README.md; ``python -m tests.fuzz --minutes 30`` runs the long campaign)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .checks import DOCUMENT_CHECKS, EVIDENCE_CHECKS
from .strategies import mutated_document, records

pytestmark = pytest.mark.fuzz

SHORT = settings(max_examples=25, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: The report writes a whole report folder per input: fewer of them.
SHORTER = settings(SHORT, max_examples=6)


def _in_scratch(check: Any, value: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check(value, Path(folder))


@pytest.mark.parametrize("kind", sorted(DOCUMENT_CHECKS))
@SHORT
@given(data=st.data())
def test_a_hostile_document_gets_a_located_answer(kind: str, data: st.DataObject) -> None:
    _in_scratch(DOCUMENT_CHECKS[kind], data.draw(mutated_document(kind)))


@pytest.mark.parametrize("kind", sorted(set(EVIDENCE_CHECKS) - {"report"}))
@SHORT
@given(values=records())
def test_every_hostile_record_is_evaluated_or_rejected(kind: str, values: list[Any]) -> None:
    _in_scratch(EVIDENCE_CHECKS[kind], values)


@SHORTER
@given(values=records(max_size=5))
def test_a_report_of_hostile_records_exits_as_documented(values: list[Any]) -> None:
    _in_scratch(EVIDENCE_CHECKS["report"], values)
