"""The progress line's clock moves while a long stage runs (it used to stand still until
the stage ended), and nothing is drawn, nor any thread started, when it is off."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

from learning_models._runs.progress import Progress


def test_the_clock_is_redrawn_while_a_stage_runs() -> None:
    shown = io.StringIO()
    with Progress(["a"], stream=shown, enabled=True, tick=0.01) as progress, \
            progress.stage("Đánh giá"):
        deadline = time.monotonic() + 60          # a generous bound, not a speed check
        while shown.getvalue().count("Đánh giá") < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        inside = shown.getvalue().count("\r[")
    assert inside >= 3                            # the first draw, then the ticks
    assert "0/1 Đánh giá" in shown.getvalue() and "1/1 Đánh giá" in shown.getvalue()


def test_the_ticker_runs_during_its_stage_only() -> None:
    shown = io.StringIO()
    with Progress(["a"], stream=shown, enabled=True, tick=0.01) as progress:
        before = threading.active_count()
        with progress.stage("a"):
            during = threading.active_count()
        after = threading.active_count()
    assert (during, after) == (before + 1, before)


def test_off_means_no_line_and_no_thread() -> None:
    quiet = io.StringIO()
    before = threading.active_count()
    with Progress(["a"], stream=quiet, enabled=False) as progress, progress.stage("a"):
        during = threading.active_count()
    assert (quiet.getvalue(), during) == ("", before)


def test_a_step_names_the_part_of_the_stage_that_runs() -> None:
    shown = io.StringIO()
    with Progress(["a"], stream=shown, enabled=True, tick=60) as progress, \
            progress.stage("Đánh giá"):
        progress.step("Gia đình học tập")
        progress.step("Dòng họ học tập")
    lines = shown.getvalue().split("\r")
    assert "0/1 Đánh giá — Gia đình học tập (" in lines[2]
    assert "0/1 Đánh giá — Dòng họ học tập (" in lines[3]
    assert "1/1 Đánh giá (" in lines[4]                  # the stage's own name at its end


def test_the_evaluation_tells_each_model_as_it_starts() -> None:
    import learning_models as lm
    from learning_models._evidence.dataset import read_dataset
    from learning_models._scoring.pipeline import evaluate_dataset

    told: list[str] = []
    data = Path(__file__).resolve().parents[1] / "golden" / "report" / "data" / "2026"
    sets = Path(__file__).resolve().parents[1] / "golden" / "report" / "sets"
    evaluation = evaluate_dataset(read_dataset(data), year=2026,
                                  catalog=lm.Catalog.default([sets],
                                                             shipped=False),
                                  on_model=told.append)
    assert sorted(told) == sorted(evaluation.results)
    assert told.index("citizen") < told.index("family")   # in the order they are evaluated
