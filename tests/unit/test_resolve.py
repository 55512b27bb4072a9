"""Sets that extend another: what a change breaks in the base names the change as its cause.

The base is the small 2021–2025 family set of the ``small_sets`` fixture (tests/conftest.py);
each test writes a set that extends it and reads the problems as the command line prints them.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._catalog.catalog import Catalog

BASE_ID = "test/2021-2025/family"
HEAD = f"""\
format: learning-models/criteria-set/1
id: test/local
extends: {BASE_ID}
period: 2021-2025
source: {{verified: false, note: a local change}}
"""


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture
def folder(small_sets: Path) -> Path:
    return small_sets


@pytest.fixture
def base_text(small_sets: Path) -> str:
    return (small_sets / "family.yaml").read_text(encoding="utf-8")


def problems(folder: Path, body: str) -> list[str]:
    (folder / "local.yaml").write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    catalog = Catalog.default([folder], shipped=False)
    with pytest.raises(lm.CriteriaError) as caught:
        catalog.get("test/local")
    return [p.format() for p in caught.value.problems]


def test_a_removed_input_read_by_the_base_is_reported_with_the_removal_as_cause(
        folder: Path, base_text: str) -> None:
    base, local = folder / "family.yaml", folder / "local.yaml"
    found = problems(folder, """\
        remove:
          inputs: [adults]
        """)
    row = line_of(base_text, "learning_share: ratio")
    column = base_text.splitlines()[row - 1].index("adults)") + 1
    assert found == [f"{base}:{row}:{column}: unknown name 'adults' [unknown-name]\n"
                     f"  hint: input 'adults' is removed by {local}:7:12; remove or replace "
                     "what reads it too"]


def test_a_removed_derived_value_and_a_removed_criterion_name_their_removal(
        folder: Path) -> None:
    local = folder / "local.yaml"
    found = problems(folder, """\
        remove:
          derived: [learning_share]
          criteria: [C2]
        replace:
          recognition: {pass: total >= 70 and C2 >= 10}
        """)
    assert len(found) == 3  # two levels of C1.1 read learning_share; the new pass reads C2
    assert all(f"is removed by {local}:" in line for line in found)
    assert sum(f"hint: derived value 'learning_share' is removed by {local}:7:" in line
               for line in found) == 2
    assert found[-1].startswith(f"{local}:10:") and f"criterion 'C2' is removed by {local}:8:" \
        in found[-1]


def test_what_the_set_removes_and_puts_back_or_no_longer_reads_is_fine(folder: Path) -> None:
    (folder / "local.yaml").write_text(HEAD + textwrap.dedent("""\
        remove:
          inputs: [income]
          indicators: [C2.1]
        add:
          indicators:
            - {criterion: C2, id: C2.9, title: {vi: Thử, en: Test}, points: 30, when: corner}
        """), encoding="utf-8")
    assert Catalog.default([folder], shipped=False).get("test/local").max_total == 100


def test_an_added_indicator_with_an_existing_id_names_the_file_of_the_existing_one(
        folder: Path, base_text: str) -> None:
    base, local = folder / "family.yaml", folder / "local.yaml"
    assert problems(folder, """\
        add:
          indicators:
            - {criterion: C2, id: C1.2, title: {vi: Thử, en: Test}, points: 5, when: corner}
        """) == [f"{local}:8:27: indicator 'C1.2' already exists in '{BASE_ID}' "
                 f"({base}:{line_of(base_text, 'id: C1.2')}:13) [already-defined]\n"
                 "  hint: use 'replace' to change it"]


def test_an_added_criterion_or_input_with_an_existing_name_names_the_existing_one(
        folder: Path, base_text: str) -> None:
    base = folder / "family.yaml"
    found = problems(folder, """\
        add:
          inputs: {corner: {type: boolean}}
          criteria:
            - id: C1
              title: {vi: Thử, en: Test}
              indicators: [{id: C9.1, title: {vi: Thử, en: Test}, points: 5, when: corner}]
        """)
    corner, criterion = line_of(base_text, "corner:"), line_of(base_text, "id: C1")
    assert [line.split(" [")[0].split(": ", 1)[1] for line in found] == [
        f"input 'corner' already exists in '{BASE_ID}' ({base}:{corner}:3)",
        f"criterion 'C1' already exists in '{BASE_ID}' ({base}:{criterion}:9)"]


# C2 replaced: its new C1.1 comes after the base's (first used there); C1 replaced: its
# new C2.1 comes before the base's, which is still said in the extending file.
@pytest.mark.parametrize(("replaced", "reused", "points", "hint"), [
    ("C2", "C1.1", 30, "first used at"), ("C1", "C2.1", 70, "also used at")])
def test_a_replaced_criterion_reusing_an_id_of_the_base_names_the_base_file(
        folder: Path, base_text: str, replaced: str, reused: str, points: int, hint: str,
        ) -> None:
    base, local = folder / "family.yaml", folder / "local.yaml"
    assert problems(folder, f"""\
        replace:
          criteria:
            - id: {replaced}
              title: {{vi: Thử, en: Test}}
              indicators: [{{id: {reused}, title: {{vi: Thử, en: Test}}, points: {points},
                             when: corner}}]
        """) == [f"{local}:10:25: id {reused!r} is used twice [duplicate-id]\n"
                 f"  hint: {hint} {base}:{line_of(base_text, f'id: {reused}')}:13"]


def test_a_criterion_emptied_by_removals_is_reported_at_the_removal(folder: Path) -> None:
    local = folder / "local.yaml"
    assert problems(folder, """\
        remove:
          indicators: [C2.1]
        """) == [f"{local}:7:16: criterion 'C2' has no indicator left once its indicators are "
                 "removed [invalid-value]\n"
                 "  hint: remove the criterion too (remove: {criteria: [C2]}), or add an "
                 "indicator to it"]


def test_an_overlay_that_removes_what_the_set_reads_is_named_as_the_cause(
        folder: Path) -> None:
    overlay = folder / "overlay.yaml"
    overlay.write_text(textwrap.dedent(f"""\
        format: learning-models/overlay/1
        name: local/no-corner
        target: {BASE_ID}
        remove: {{inputs: [corner]}}
        """), encoding="utf-8")
    catalog = Catalog.default([folder], shipped=False, overlays=[overlay])
    with pytest.raises(lm.CriteriaError) as caught:
        catalog.get(BASE_ID)
    [problem] = caught.value.problems
    assert problem.code == "unknown-name"
    assert problem.span is not None and problem.span.file == str(folder / "family.yaml")
    assert problem.hint == (f"input 'corner' is removed by {overlay}:4:19; remove or replace "
                            "what reads it too")


# --- what an overlay changed, in words, for reports in either language --------------------------


def test_an_overlays_changes_are_described_in_vietnamese_and_in_english(folder: Path) -> None:
    overlay = folder / "overlay.yaml"
    overlay.write_text(textwrap.dedent(f"""\
        format: learning-models/overlay/1
        name: local/reading
        target: {BASE_ID}
        remove: {{indicators: [C1.2]}}
        replace:
          recognition: {{pass: total >= 60 and mandatory_met}}
        add:
          inputs: {{reading: {{type: boolean}}}}
          criteria:
            - id: C5
              title: {{vi: Văn hoá đọc, en: Reading}}
              indicators: [{{id: C5.1, title: {{vi: Đọc, en: Reads}}, points: 30, when: reading}}]
        """), encoding="utf-8")
    spec = Catalog.default([folder], shipped=False, overlays=[overlay]).get(BASE_ID)
    [applied] = spec.overlays
    assert applied.describe("vi") == (
        "thêm minh chứng đầu vào reading", "bỏ chỉ số C1.2", "thêm tiêu chí C5",
        "thay điều kiện công nhận")
    assert applied.describe("en") == (
        "add inputs reading", "remove indicators C1.2", "add criteria C5",
        "replace recognition recognition")
    assert applied.to_dict()["changes"] == list(applied.describe("en"))  # provenance: English
    assert applied.describe() == applied.describe("vi")


ADD_AWARDED = """\
add:
  inputs:
    club_points: {type: number, minimum: 0, maximum: 10}
  indicators:
    - criterion: C2
      id: C2.2
      title: {vi: Câu lạc bộ học tập, en: Learning club}
      points: 10
      awarded: club_points
"""


def test_an_extending_set_of_format_1_1_adds_an_indicator_the_assessor_awards(
        folder: Path) -> None:
    head = HEAD.replace("criteria-set/1\n", "criteria-set/1.1\n")
    (folder / "local.yaml").write_text(head + ADD_AWARDED, encoding="utf-8")
    cs = Catalog.default([folder], shipped=False).get("test/local")
    found = lm.evaluate(cs, [{"id": "H1", "adults": 2, "adults_learning": 2, "corner": True,
                              "income": "stable", "club_points": 7.5}], year=2024)[0]
    assert found.total == 107.5 and found.max_total == 110


def test_adding_an_awarded_indicator_in_a_file_of_format_1_says_it_needs_1_1(
        folder: Path) -> None:
    found = problems(folder, ADD_AWARDED)
    assert any("'awarded' needs format 1.1" in p for p in found), found
