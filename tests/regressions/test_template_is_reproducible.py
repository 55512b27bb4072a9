"""Two runs of ``learning-models template`` gave workbooks with different bytes (the clock's
time was written into them), and a failed run could leave a half-written file."""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm
from learning_models._cli import main


def test_two_template_runs_give_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["template", "--year", "2024", "-o", str(first)]) == 0
    assert main(["template", "--year", "2024", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_template_that_cannot_be_written_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "mau.xlsx"
    sets = lm.template_sets(lm.Catalog.default(), 2024)

    class Broken(Exception):
        pass

    class BadSet:
        model = "family"

        def __getattr__(self, name: str) -> object:
            raise Broken(name)

    with pytest.raises(Exception):  # noqa: B017 - whatever the failure, no file is left
        lm.write_template(target, [*sets.values(), BadSet()])  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []
