"""`diff_sets` and ``learning-models diff``: goldens, the JSON form, and two properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._authoring.diff import EnumChoice, FieldChange, ItemChange, LevelRow, diff_sets
from learning_models._cli import main
from learning_models._criteria.model import CriteriaSet, Text

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "diff"
OLD, NEW = GOLDEN / "old.yaml", GOLDEN / "new.yaml"


def _check_golden(update: bool, name: str, actual: str) -> None:
    expected = GOLDEN / name
    if update:
        expected.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == expected.read_text(encoding="utf-8"), \
        f"{name} differs; run pytest --update-goldens and review the change"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --------------------------------------------------------------------------- goldens


@pytest.mark.parametrize(("lang", "name"), [("vi", "expected.vi.txt"), ("en", "expected.en.txt")])
def test_text_matches_golden(update_goldens: bool, capsys: pytest.CaptureFixture[str],
                             lang: str, name: str) -> None:
    status, out, err = _run(capsys, "diff", str(OLD), str(NEW), "--lang", lang)
    assert (status, err) == (0, "")
    _check_golden(update_goldens, name, out)


def test_json_matches_golden(update_goldens: bool, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "diff", str(OLD), str(NEW), "--format", "json")
    assert (status, err) == (0, "")
    _check_golden(update_goldens, "expected.json", out)
    assert json.loads(out) == diff_sets(lm.load_criteria(OLD), lm.load_criteria(NEW)).to_dict()


def test_the_golden_sets_cover_every_kind_of_change() -> None:
    diff = diff_sets(lm.load_criteria(OLD), lm.load_criteria(NEW))
    assert {c.field for c in diff.changes} >= {"period", "title.vi", "title.en", "pass",
                                               "max_total", "source.verified"}
    for items in (diff.grades, diff.inputs, diff.derived, diff.criteria, diff.indicators):
        assert {i.change for i in items} == {"added", "removed", "changed"}
    changed = {f.field for i in diff.indicators if i.change == "changed" for f in i.fields}
    assert changed == {"criterion", "points", "title.vi", "title.en", "when", "levels",
                       "mandatory", "verified"}
    retyped = {f.field for i in diff.inputs if i.change == "changed" for f in i.fields}
    assert retyped >= {"type", "maximum", "value"}
    income = next(i for i in diff.inputs if i.id == "income")
    kinds = {(f.old is None, f.new is None) for f in income.fields}
    assert kinds == {(True, False), (False, True), (False, False)}  # added, removed, relabelled
    assert {f.field for g in diff.grades if g.change == "changed" for f in g.fields} == {"min"}


def test_the_example_line_of_a_repointed_indicator() -> None:
    text = diff_sets(lm.load_criteria(OLD), lm.load_criteria(NEW)).format()
    assert "  ~ C2.2 Mỗi người lớn học ít nhất một nội dung trong năm: 10 → 15 điểm\n" in text


# --------------------------------------------------------------------------- behaviour


def test_same_set_is_empty_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    spec = lm.load_criteria(OLD)
    diff = diff_sets(spec, spec)
    assert diff.is_empty
    assert diff.to_dict()["indicators"] == []
    status, out, _ = _run(capsys, "diff", str(OLD), str(OLD), "--lang", "en")
    assert status == 0
    assert out.endswith("\n\nNo changes.\n")


def test_expressions_compare_by_meaning_not_spelling() -> None:
    # new.yaml writes 'ratio(children_in_school,   children)': the same expression.
    diff = diff_sets(lm.load_criteria(OLD), lm.load_criteria(NEW))
    assert "schooling_share" not in {d.id for d in diff.derived}


def test_levels_are_data_in_canonical_form() -> None:
    diff = diff_sets(lm.load_criteria(OLD), lm.load_criteria(NEW))
    item = next(i for i in diff.indicators if i.id == "C2.2")
    levels = item.field("levels")
    assert levels is not None
    assert levels.new == (LevelRow("learning_share >= 1", 15), LevelRow("learning_share >= 0.6", 8))


def test_ids_are_read_from_the_catalogue(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("old.yaml", "new.yaml"):
        (tmp_path / name).write_text((GOLDEN / name).read_text("utf-8"), "utf-8")
    status, out, err = _run(capsys, "diff", "tests/diff-old", "tests/diff-new",
                            "--criteria-dir", str(tmp_path), "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out)["new"]["id"] == "tests/diff-new"


def test_an_unknown_id_is_a_located_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "diff", "tests/nope", str(NEW))
    assert status == 3
    assert "[unknown-set]" in err


def test_a_set_that_extends_another_is_compared_resolved(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(OLD.read_text("utf-8"), "utf-8")
    (tmp_path / "local.yaml").write_text("""\
format: learning-models/criteria-set/1
id: tests/diff-local
extends: tests/diff-old
period: 2016-2020
source: {verified: false, note: A local change.}
replace:
  indicators:
    - id: C3.2
      title: {vi: Có quỹ khuyến học, en: A family study fund}
      points: 8
      when: study_fund
""", "utf-8")
    diff = diff_sets(lm.load_criteria(tmp_path / "old.yaml"),
                     lm.load_criteria(tmp_path / "local.yaml"))
    assert diff.changes == (FieldChange("max_total", 70, 73),
                            FieldChange("source.document", "Quyết định 448/QĐ-KHVN", None),
                            FieldChange("source.date", "2015-12-01", None))
    assert [(i.id, i.fields) for i in diff.indicators] == [
        ("C3.2", (FieldChange("points", 5, 8),))]


def test_a_source_dropped_or_given_reads_old_then_new(tmp_path: Path) -> None:
    old = lm.load_criteria(OLD)
    new = old.model_copy(update={"source": old.source.model_copy(
        update={"document": None, "issuer": "Hội Khuyến học Việt Nam"})})
    vi, en = diff_sets(old, new).format("vi"), diff_sets(old, new).format("en")
    assert "  ~ văn bản nguồn: Quyết định 448/QĐ-KHVN → không có\n" in vi
    assert "  ~ cơ quan ban hành: không có → Hội Khuyến học Việt Nam\n" in vi
    assert "  ~ source document: Quyết định 448/QĐ-KHVN → none\n" in en
    assert "  ~ issued by: none → Hội Khuyến học Việt Nam\n" in en


def test_vietnamese_text_says_input_types_in_vietnamese() -> None:
    vi = diff_sets(lm.load_criteria(OLD), lm.load_criteria(NEW)).format("vi")
    assert "  ~ household_size: kiểu: số → số nguyên\n" in vi
    assert "  + digital_device: có/không, bắt buộc phải có\n" in vi
    assert "  + online_learners: số nguyên, tối thiểu: 0, tối đa: 40\n" in vi
    words = {w.strip(",:") for w in vi.split()}
    assert not words & {"integer", "number", "boolean", "string", "enum"}
    retyped = diff_sets(_enum_set(["a"]), _enum_set([], type_="string")).format("vi")
    assert "  ~ kind: kiểu: lựa chọn → văn bản\n" in retyped
    assert "  ~ kind: type: enum → string\n" in diff_sets(
        _enum_set(["a"]), _enum_set([], type_="string")).format("en")


def test_sets_of_two_models_are_said_to_be_so() -> None:
    family = _enum_set(["a"])
    clan = family.model_copy(update={"model": "clan"})
    diff = diff_sets(family, clan)
    assert diff.changes[0] == FieldChange("model", "family", "clan")
    assert (diff.to_dict()["old"]["model"], diff.to_dict()["new"]["model"]) == ("family", "clan")
    assert diff.format("vi").splitlines()[:5] == [
        "Thay đổi từ test/enum (2021-2025) sang test/enum (2021-2025)",
        "Lưu ý: hai bộ tiêu chí dành cho hai mô hình khác nhau (Gia đình học tập và Dòng họ "
        "học tập).", "", "Bộ tiêu chí", "  ~ mô hình: Gia đình học tập → Dòng họ học tập"]
    assert diff.format("en").splitlines()[1] == \
        "Note: the two sets are for different models (learning family and learning clan)."
    assert "Lưu ý" not in diff_sets(family, family).format("vi")


def _enum_set(values: list[Any], type_: str = "enum") -> CriteriaSet:
    """A one-input set whose input `kind` is an enum of `values` (or another type)."""
    kind: dict[str, Any] = {"type": type_, "values": values} if type_ == "enum" else \
        {"type": type_}
    return CriteriaSet.model_validate({
        "format": "learning-models/criteria-set/1", "id": "test/enum", "model": "family",
        "period": "2021-2025", "title": {"vi": "Thử", "en": "Test"},
        "source": {"verified": True}, "inputs": {"kind": kind},
        "criteria": [{"id": "C1", "title": {"vi": "a", "en": "a"}, "indicators": [
            {"id": "C1.1", "title": {"vi": "b", "en": "b"}, "points": 1,
             "when": "kind != ''"}]}],
        "recognition": {"pass": "total >= 1"},
    })


def _labelled(value: str, vi: str, en: str) -> dict[str, Any]:
    return {"value": value, "label": {"vi": vi, "en": en}}


def test_a_relabelled_enum_value_is_a_change() -> None:
    old = _enum_set(["a", _labelled("b", "bê", "bee")])
    new = _enum_set(["a", _labelled("b", "bê", "b-value")])
    diff = diff_sets(old, new)
    assert not diff.is_empty
    assert diff.inputs == (ItemChange("input", "kind", "changed", (FieldChange(
        "value", EnumChoice("b", Text(vi="bê", en="bee")),
        EnumChoice("b", Text(vi="bê", en="b-value"))),)),)
    assert "  ~ kind: nhãn tiếng Anh của b: “bee” → “b-value”\n" in diff.format("vi")
    assert "  ~ kind: English label of b: “bee” → “b-value”\n" in diff.format("en")
    assert "Vietnamese label" not in diff.format("en")  # only the English one changed


def test_enum_values_added_and_removed_are_listed_one_by_one() -> None:
    old = _enum_set(["a", "b"])
    new = _enum_set(["a", _labelled("c", "xê", "sea")])
    diff = diff_sets(old, new)
    assert diff.inputs[0].fields == (FieldChange("value", None, EnumChoice("c", Text(
        vi="xê", en="sea"))), FieldChange("value", EnumChoice("b"), None))
    assert diff.format("vi").splitlines()[-2:] == ["  ~ kind: thêm giá trị c (“xê”)",
                                                   "  ~ kind: bỏ giá trị b"]
    assert diff.format("en").splitlines()[-2:] == ["  ~ kind: value added: c (“sea”)",
                                                   "  ~ kind: value removed: b"]
    assert diff.to_dict()["inputs"][0]["fields"] == [
        {"field": "value", "old": None,
         "new": {"value": "c", "label": {"vi": "xê", "en": "sea"}}},
        {"field": "value", "old": {"value": "b", "label": None}, "new": None}]


def test_a_plain_value_given_labels_shows_each_label_as_new() -> None:
    diff = diff_sets(_enum_set(["a"]), _enum_set([_labelled("a", "a-vi", "a-en")]))
    assert diff.format("en").splitlines()[-2:] == [
        "  ~ kind: Vietnamese label of a: none → “a-vi”",
        "  ~ kind: English label of a: none → “a-en”"]


def test_enum_values_put_in_another_order_are_the_list_changing() -> None:
    diff = diff_sets(_enum_set(["a", "b", "c"]), _enum_set(["c", "a", "b", "d"]))
    assert diff.inputs[0].fields == (FieldChange("value", None, EnumChoice("d")),
                                     FieldChange("values", ("a", "b", "c"),
                                                 ("c", "a", "b", "d")))


def test_an_enum_becoming_another_type_keeps_the_list_of_values() -> None:
    diff = diff_sets(_enum_set(["a", "b"]), _enum_set([], type_="string"))
    assert diff.inputs[0].fields == (FieldChange("type", "enum", "string"),
                                     FieldChange("values", ("a", "b"), None))


# --------------------------------------------------------------------------- properties


@st.composite
def criteria_sets(draw: st.DrawFn) -> dict[str, Any]:
    words = st.text("abcđêơ ", min_size=1, max_size=12).map(lambda s: s.strip() or "x")
    criteria = []
    for c in range(draw(st.integers(1, 3))):
        indicators = []
        for i in range(draw(st.integers(1, 3))):
            points = draw(st.integers(1, 20))
            ind: dict[str, Any] = {
                "id": f"C{c + 1}.{i + 1}",
                "title": {"vi": draw(words), "en": draw(words)},
                "points": points,
                "mandatory": draw(st.booleans()),
            }
            if draw(st.booleans()):
                ind["when"] = f"x >= {draw(st.integers(0, 9))}"
            else:
                ind["levels"] = [{"when": "x >= 5", "points": points},
                                 {"when": "x >= 1", "points": draw(st.integers(0, points))}]
            indicators.append(ind)
        criteria.append({"id": f"C{c + 1}", "title": {"vi": draw(words), "en": "c"},
                         "indicators": indicators})
    return {
        "format": "learning-models/criteria-set/1", "id": "test/p", "model": "family",
        "period": "2021-2025", "title": {"vi": "Thử", "en": "Test"},
        "source": {"verified": draw(st.booleans())},
        "inputs": {"x": {"type": "integer", "minimum": 0, "maximum": 10}},
        "criteria": criteria,
        "recognition": {"pass": f"total >= {draw(st.integers(0, 10))}"},
    }


@given(criteria_sets())
def test_a_set_compared_with_itself_has_no_changes(data: dict[str, Any]) -> None:
    a, b = CriteriaSet.model_validate(data), CriteriaSet.model_validate(data)
    diff = diff_sets(a, b)
    assert diff.is_empty
    assert diff.format("en").endswith("No changes.\n")


@given(criteria_sets(), st.data())
def test_changing_one_indicators_points_is_exactly_that_change(
        data: dict[str, Any], choice: st.DataObject) -> None:
    old = CriteriaSet.model_validate(data)
    ind = choice.draw(st.sampled_from(old.indicators))
    points = choice.draw(st.integers(1, 40).filter(lambda p: p != ind.points))
    changed = old.canonical()
    for criterion in changed["criteria"]:  # type: ignore[attr-defined]
        for raw in criterion["indicators"]:
            if raw["id"] == ind.id:
                raw["points"] = points
    new = CriteriaSet.model_validate(changed)
    diff = diff_sets(old, new)
    criterion = next(c.id for c in old.criteria if ind in c.indicators)
    assert diff.indicators == (ItemChange("indicator", ind.id, "changed",
                                          (FieldChange("points", ind.points, points),),
                                          ind.title, criterion),)
    assert diff.changes == (FieldChange("max_total", old.max_total, new.max_total),)
    assert not (diff.grades or diff.inputs or diff.derived or diff.criteria)
