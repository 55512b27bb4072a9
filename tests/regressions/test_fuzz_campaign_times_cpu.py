"""The long fuzz campaign failed an input for 22.9 s on a shared machine (a test-cases file
run nice'd beside other people's test suites) that took a few seconds when hypothesis ran
it again: the limit was on the wall clock, which measures the other work too. An input is
now failed for the CPU it uses."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from tests.fuzz.__main__ import Tally, _round


def _waits(value: Any, folder: Path) -> None:
    time.sleep(0.05)  # as when the machine is busy with other work


def _computes(value: Any, folder: Path) -> None:
    end = time.process_time() + 0.05
    while time.process_time() < end:
        pass


def test_an_input_that_waits_is_not_slow_and_one_that_computes_is() -> None:
    waiting, computing = Tally(), Tally()
    _round(_waits, st.just(0), waiting, 2, limit=0.02)
    _round(_computes, st.just(0), computing, 2, limit=0.02)
    assert (waiting.failures, waiting.slowest >= 0.05, waiting.most_cpu < 0.02) == (0, True, True)
    assert computing.failures == 1 and computing.most_cpu >= 0.05
