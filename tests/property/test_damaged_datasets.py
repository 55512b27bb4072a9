"""Properties of roll-ups over randomly damaged datasets: whatever one cell of the area
list, of a relation or of a crosswalk row is changed to, no published rate exceeds 100 %,
a figure above its area's total checks no target, the top areas and the "unknown area" line
add up to the whole dataset, every record is evaluated or rejected, and the damage is
reported with its file (and, for a cell that names a row of its own, its line and column).

The data is the small hand-made dataset of the report goldens (`report_data`).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_models as lm
from learning_models._rollup import ALL, UNLOCATED, rollup

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from report_data import CITY, DATA, evaluate

#: Values that are wrong in each kind of cell, whichever row they are written into.
WRONG_TOTALS = ("8 20", "x", "-1", "1,500", "5,5")
WRONG_LINKS = ("V9", "ZZ", "1840", "F 1")
#: (file, column, wrong values, whether the message names the cell's own line and column)
CELLS = (
    ("2026/areas.csv", "households", WRONG_TOTALS, True),
    ("2026/areas.csv", "clans", WRONG_TOTALS, True),
    ("2026/areas.csv", "units", WRONG_TOTALS, True),
    ("2026/areas.csv", "level", ("", "xã", "city"), True),
    ("2026/areas.csv", "parent", ("ZZ", "1840"), True),
    ("2026/areas.csv", "code", ("",), True),
    ("2026/family.csv", "community", WRONG_LINKS, True),
    ("2026/family.csv", "clan", WRONG_LINKS, True),
    ("2026/family.csv", "area", ("ZZ", "1840"), True),
    ("2026/citizen.csv", "family", WRONG_LINKS, True),
    ("2024/crosswalk.csv", "old_code", ("1834", "9999"), True),
    ("2024/crosswalk.csv", "new_code", ("1840", "77777"), True),
)


@st.composite
def damages(draw: st.DrawFn) -> tuple[str, int, str, str, bool]:
    file, column, values, located = draw(st.sampled_from(CELLS))
    rows = pl.read_csv(DATA / file, infer_schema=False).height
    row = draw(st.integers(min_value=1, max_value=rows))
    return file, row, column, draw(st.sampled_from(values)), located


def damage(root: Path, file: str, row: int, column: str, value: str) -> bool:
    """Write `value` into the cell; False when the cell already held it (no damage)."""
    frame = pl.read_csv(root / file, infer_schema=False)
    if column not in frame.columns or frame[column][row - 1] == value:
        return False
    frame = frame.with_columns(pl.when(pl.int_range(pl.len()) == row - 1).then(pl.lit(value))
                               .otherwise(pl.col(column)).alias(column))
    frame.write_csv(root / file)
    return True


def check_invariants(r: lm.Rollup) -> None:
    for area in r.areas:
        for figures in area.models.values():
            assert figures.rate is None or 0 <= figures.rate <= 1, (area.code, figures)
            assert figures.recognised <= figures.subjects
            if figures.data_problem:
                assert figures.rate is None and figures.targets == ()
            for change in figures.changes:
                assert change.rate is None or 0 <= change.rate <= 1, (area.code, change)
        for share in area.shares.values():
            assert share.rate is None or 0 <= share.rate <= 1
    roots = [a for a in r.areas if a.parent is None and a.level != "all"]
    for model, whole in r.area(ALL).models.items():
        assert sum(a.models[model].subjects for a in roots if model in a.models) == \
            whole.subjects, model


@settings(max_examples=30)
@given(damages())
def test_damaged_data_keeps_every_invariant_and_reports_the_damage(
        drawn: tuple[str, int, str, str, bool]) -> None:
    file, row, column, value, located = drawn
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(DATA, root, dirs_exist_ok=True)
        changed = damage(root, file, row, column, value)
        now, before = evaluate(2026, root / "2026"), evaluate(2024, root / "2024")
        r = rollup(now, CITY, previous=[before])
        check_invariants(r)
        for evaluation in (now, before):
            for model, table in evaluation.dataset.tables.items():
                rejected = {e.row for e in evaluation.errors if e.file == table.file}
                assert len(evaluation.results[model]) + len(rejected) == table.frame.height
        if not changed:
            return
        name = Path(file).name
        places = {(Path(e.file or "").name, e.line, e.field) for e in (*now.errors,
                                                                       *before.errors)}
        places |= {(Path(i.file or "").name, i.line, i.column) for i in r.quality.issues}
        assert any(p[0] == name for p in places), (drawn, places)
        if located:
            assert (name, row + 1, column) in places, (drawn, places)
        if UNLOCATED in {a.code for a in r.areas}:
            assert r.area(UNLOCATED).name == "Chưa xác định địa bàn"
