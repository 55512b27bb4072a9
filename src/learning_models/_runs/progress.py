"""A terminal progress bar for long runs: one step per stage, on standard error.

It draws only when standard error is a terminal and the run is not ``--quiet``, so logs,
pipes and tests see nothing of it. Evaluation is column-wise, so progress is counted in stages
(read, evaluate, roll up, write; a national run's per province), each shown with its name and
the time elapsed. The clock is live: while a stage runs, a background thread redraws the line
every `TICK` seconds, so a long stage never looks frozen.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

__all__ = ["TICK", "Progress"]

#: Seconds between two redraws of the clock while a stage runs.
TICK = 0.5


class Progress:
    """``with progress.stage("Đánh giá"): ...`` for each stage, then `close()`."""

    def __init__(self, stages: int | Sequence[str], *, stream: TextIO | None = None,
                 enabled: bool | None = None, width: int = 24, tick: float = TICK) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = stages if isinstance(stages, int) else len(stages)
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.width = width
        self.done = 0
        self.started = time.monotonic()
        self.tick = tick
        self._drawn = False
        self._lock = threading.Lock()          # the ticker and the stages draw in turn
        self._label = self._stage = ""         # what the line shows now (stage — step)

    @contextmanager
    def stage(self, label: str) -> Iterator[None]:
        """Show `label` while the block runs (its clock moving); count it done when the
        block ends."""
        self._stage = self._label = label
        self._draw(label)
        stop = threading.Event()
        ticker = threading.Thread(target=self._tick, args=(stop,), daemon=True) \
            if self.enabled else None
        if ticker is not None:
            ticker.start()
        try:
            yield
        finally:
            stop.set()
            if ticker is not None:
                ticker.join()
        self.done = min(self.done + 1, self.total)
        self._draw(label)

    def step(self, text: str) -> None:
        """Say which part of the current stage runs now (a model, a province): the line
        shows ``stage — text`` until the next step or the stage's end."""
        self._label = f"{self._stage} — {text}"
        self._draw(self._label)

    def _tick(self, stop: threading.Event) -> None:
        while not stop.wait(self.tick):
            self._draw(self._label)

    def close(self) -> None:
        """End the bar's line (the next output starts on a fresh line)."""
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self, label: str) -> str:
        """The bar as text (without the carriage return)."""
        filled = self.width * self.done // self.total if self.total else self.width
        bar = "█" * filled + "░" * (self.width - filled)
        elapsed = time.monotonic() - self.started
        return f"[{bar}] {self.done}/{self.total} {label} ({elapsed:.1f}s)"

    def _draw(self, label: str) -> None:
        if not self.enabled:
            return
        with self._lock:
            self.stream.write("\r" + self.line(label) + "\x1b[K")
            self.stream.flush()
            self._drawn = True


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
