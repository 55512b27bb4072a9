"""A broken set, a broken extension and a broken overlay are said in Vietnamese by default
and, with ``--lang en``, in the English they always had."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pluggy
import pytest
from builders import mini, problems_of

import learning_models as lm
from learning_models._catalog import collect_criteria_sources
from learning_models._cli import main
from learning_models._criteria.overlays import Overlay, order_overlays
from learning_models._expressions import parse_expression
from learning_models._expressions.python_syntax import syntax_reason

BASE_ID = "test/2021-2025/family"
LOCAL = f"""\
format: learning-models/criteria-set/1
id: test/local
extends: {BASE_ID}
period: 2021-2025
source: {{verified: false, note: a local change}}
remove:
  inputs: [adultz]
  criteria: [C2]
add:
  inputs:
    corner: {{type: boolean}}
  indicators:
    - {{id: C9.1, criterion: C9, title: {{vi: Thử, en: Try}}, points: 5, when: corner}}
"""
OVERLAY = f"""\
format: learning-models/overlay/1
name: local/x
target: {BASE_ID}
colour: red
after: local/y
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    return status, capsys.readouterr().err


def test_a_format_1_set_using_a_key_of_format_1_1_is_told_in_vietnamese() -> None:
    text = mini("recognition:", "applies_to: adults > 0\nrecognition:")
    (problem,) = problems_of(text)
    assert problem.message == "'applies_to' needs format 1.1, and this file says format 1"
    assert problem.hint == ("write 'format: learning-models/criteria-set/1.1' as the first "
                            "line: the key is new in format 1.1")
    assert problem.text("vi") == "'applies_to' cần định dạng 1.1, nhưng tệp này ghi định dạng 1"
    assert problem.hint_text("vi") == ("hãy ghi 'format: learning-models/criteria-set/1.1' ở "
                                       "dòng đầu tiên: khóa này mới có từ định dạng 1.1")


def test_a_label_that_names_two_values_is_told_in_vietnamese() -> None:
    text = mini("values: [lower, stable, higher]", "values: [{value: lower, label: {vi: giảm, "
                "en: lower}}, {value: higher, label: {vi: Giảm, en: x}}]")
    (problem,) = problems_of(text)
    assert problem.message.startswith("'giảm' names two values, 'lower' and 'higher'")
    assert problem.text("vi") == ("'giảm' chỉ cả hai giá trị 'lower' và 'higher': mỗi giá trị "
                                  "và nhãn (không phân biệt chữ hoa, chữ thường) chỉ được chỉ "
                                  "một giá trị")


def test_what_an_extension_breaks_is_said_in_vietnamese_and_in_english_on_demand(
        small_sets: Path, capsys: pytest.CaptureFixture[str]) -> None:
    local = small_sets / "local.yaml"
    local.write_text(LOCAL, encoding="utf-8")
    status, err = _run(capsys, "validate", str(local))
    assert status != 0
    assert (f"{local}:7:12: không bỏ được thông tin 'adultz': bộ tiêu chí '{BASE_ID}' không có "
            "[unknown-reference]\n  gợi ý: có phải là 'adults'?\n") in err
    assert (f"{local}:11:13: thông tin 'corner' đã có trong bộ tiêu chí '{BASE_ID}' "
            f"({small_sets / 'family.yaml'}:10:3) [already-defined]\n"
            "  gợi ý: hãy dùng 'replace' để thay đổi nó\n") in err
    assert "không thêm được chỉ số 'C9.1' vào tiêu chí 'C9': không có tiêu chí này" in err
    status, err = _run(capsys, "validate", "--lang", "en", str(local))
    assert (f"{local}:7:12: cannot remove input 'adultz': '{BASE_ID}' has none "
            "[unknown-reference]\n  hint: did you mean 'adults'?\n") in err
    assert (f"{local}:11:13: input 'corner' already exists in '{BASE_ID}' "
            f"({small_sets / 'family.yaml'}:10:3) [already-defined]\n"
            "  hint: use 'replace' to change it\n") in err
    assert ("cannot add indicator 'C9.1' to criterion 'C9': there is no such criterion "
            "[unknown-reference]") in err


def test_a_removal_that_leaves_a_criterion_empty_is_said_in_vietnamese(
        small_sets: Path) -> None:
    (small_sets / "local.yaml").write_text(textwrap.dedent(f"""\
        format: learning-models/criteria-set/1
        id: test/local
        extends: {BASE_ID}
        period: 2021-2025
        source: {{verified: false, note: a local change}}
        remove: {{indicators: [C2.1], inputs: [adults]}}
        """), encoding="utf-8")
    catalog = lm.Catalog.default([small_sets], shipped=False)
    with pytest.raises(lm.errors.CriteriaError) as caught:
        catalog.get("test/local")
    said = {p.code: (p.text("vi"), p.hint_text("vi")) for p in caught.value.problems}
    assert said["invalid-value"] == (
        "tiêu chí 'C2' không còn chỉ số nào khi các chỉ số của nó bị bỏ",
        "hãy bỏ cả tiêu chí (remove: {criteria: [C2]}), hoặc thêm một chỉ số cho nó")
    text, hint = said["unknown-name"]
    assert text == "không có tên 'adults' trong bộ tiêu chí"
    assert hint is not None and hint.startswith("thông tin 'adults' đã bị bỏ ở ")
    assert hint.endswith("; hãy bỏ hoặc thay cả những chỗ dùng nó")


def test_a_broken_overlay_file_is_said_in_vietnamese_and_in_english_on_demand(
        small_sets: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overlay = small_sets.parent / "overlay.yaml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    family = str(small_sets / "family.yaml")
    status, err = _run(capsys, "validate", "--overlay", str(overlay), family)
    assert status != 0
    assert err.startswith(
        f"{overlay}:4:1: khóa 'colour' không có trong định dạng của tệp điều chỉnh "
        "[unknown-key]\n  gợi ý: các khóa được dùng: add, after, format, name, remove, "
        "replace, source, target\n"
        f"{overlay}:5:8: 'after' phải là một danh sách tên các điều chỉnh [wrong-type]\n")
    status, err = _run(capsys, "validate", "--lang", "en", "--overlay", str(overlay), family)
    assert err.startswith(
        f"{overlay}:4:1: unknown key 'colour' in an overlay [unknown-key]\n  hint: allowed "
        "keys: add, after, format, name, remove, replace, source, target\n"
        f"{overlay}:5:8: 'after' must be a list of overlay names [wrong-type]\n")


def _overlay(name: str, after: tuple[str, ...] = ()) -> Overlay:
    return Overlay(name, BASE_ID, {"remove": {"inputs": ["corner"]}}, after)


def test_overlays_without_an_order_or_in_a_circle_are_said_in_vietnamese() -> None:
    with pytest.raises(lm.errors.CriteriaError) as caught:
        order_overlays([_overlay("a"), _overlay("b")])
    (problem,) = caught.value.problems
    assert problem.message == f"overlays 'a' and 'b' both change inputs 'corner' of '{BASE_ID}'"
    assert problem.text("vi") == ("hai điều chỉnh 'a' và 'b' cùng thay đổi minh chứng đầu vào "
                                  f"'corner' của bộ tiêu chí '{BASE_ID}'")
    assert problem.hint_text("vi") == "hãy nêu thứ tự: ghi 'after: [a]' trong 'b'"
    with pytest.raises(lm.errors.CriteriaError) as caught:
        order_overlays([_overlay("a", ("b",)), _overlay("b", ("a", "c")),
                        _overlay("c", ("d",))])
    said = sorted(p.text("vi") for p in caught.value.problems)
    assert said == ["các điều chỉnh đòi áp dụng sau nhau theo vòng tròn: a → b → a",
                    "điều chỉnh 'c' phải áp dụng sau 'd', nhưng 'd' không được áp dụng"]


def test_a_set_extending_an_unknown_id_is_said_in_vietnamese_and_in_english_on_demand(
        small_sets: Path, capsys: pytest.CaptureFixture[str]) -> None:
    local = small_sets / "local.yaml"
    local.write_text(LOCAL.replace(f"extends: {BASE_ID}", "extends: test/2021-2025/famly"),
                     encoding="utf-8")
    status, err = _run(capsys, "validate", str(local))
    assert status != 0
    assert err.startswith(f"{local}:3:10: không có bộ tiêu chí mã 'test/2021-2025/famly' "
                          "[unknown-base]\n  gợi ý: có phải là 'test/2021-2025/family'?\n")
    status, err = _run(capsys, "validate", "--lang", "en", str(local))
    assert err.startswith(f"{local}:3:10: no criteria set with id 'test/2021-2025/famly' "
                          "[unknown-base]\n  hint: did you mean 'test/2021-2025/family'?\n")


def test_a_set_id_used_twice_and_sets_in_force_together_are_said_in_vietnamese(
        small_sets: Path) -> None:
    family = (small_sets / "family.yaml").read_text(encoding="utf-8")
    (small_sets / "copy.yaml").write_text(family, encoding="utf-8")
    (small_sets / "other.yaml").write_text(family.replace(BASE_ID, "test/other"),
                                           encoding="utf-8")
    catalog = lm.Catalog.default([small_sets], shipped=False)
    said = {p.code: (p.text("vi"), p.hint_text("vi")) for p in catalog.problems()}
    text, hint = said["duplicate-id"]
    assert text == f"mã bộ tiêu chí '{BASE_ID}' bị dùng hai lần"
    assert hint is not None and hint.startswith("dùng lần đầu ở ")
    text, hint = said["overlapping-periods"]
    assert text.startswith(f"hai bộ tiêu chí '{BASE_ID}' và 'test/other' cùng áp dụng cho mô "
                           "hình 'family' trong ")
    assert hint is not None and hint.startswith("hãy cho các bộ tiêu chí những giai đoạn ")
    with pytest.raises(lm.errors.LearningModelsError) as caught:
        catalog.for_year("family", 2022)
    assert caught.value.text("vi").startswith(
        "có nhiều bộ tiêu chí của mô hình 'family' cùng áp dụng cho năm 2022: ")
    assert str(caught.value).startswith("several criteria sets for 'family' cover 2022: ")


def test_a_plugin_that_breaks_its_hook_is_said_in_vietnamese() -> None:
    class Broken:
        @lm.hookspecs.hookimpl
        def learning_models_criteria_sources(self) -> object:
            return ["/no/such/folder"]

    pm = pluggy.PluginManager("learning_models")
    pm.add_hookspecs(lm.hookspecs)
    pm.register(Broken(), name="broken")
    with pytest.raises(lm.errors.PluginError) as caught:
        collect_criteria_sources(pm)
    assert str(caught.value) == \
        "plugin 'broken': criteria directory '/no/such/folder' does not exist"
    assert caught.value.text("vi") == \
        "plugin 'broken': không có thư mục bộ tiêu chí '/no/such/folder'"


@pytest.mark.parametrize(("text", "english", "vietnamese"), [
    ("adults >=", "invalid syntax", "sai cú pháp"),
    ("(adults > 1", "'(' was never closed", "dấu '(' mở ra nhưng chưa được đóng"),
    ("adults > 1)", "unmatched ')'", "dấu ')' không có dấu mở tương ứng"),
    ("(adults > 1]", "closing parenthesis ']' does not match opening parenthesis '('",
     "dấu đóng ']' không khớp với dấu mở '('"),
    ("adults ≥ 1", "invalid character '≥' (U+2265)",
     "không được dùng ký tự '≥' (U+2265) trong biểu thức"),
    ("'abc", "unterminated string literal (detected at line 1)",
     "chuỗi văn bản chưa có dấu nháy đóng (phát hiện ở dòng 1)"),
    ("x if y", "expected 'else' after 'if' expression", "biểu thức 'if' thiếu phần 'else'"),
])
def test_an_expression_python_cannot_parse_is_said_in_vietnamese(
        text: str, english: str, vietnamese: str) -> None:
    with pytest.raises(lm.errors.CriteriaError) as caught:
        parse_expression(text, None)
    (problem,) = caught.value.problems
    assert problem.message.startswith(f"invalid expression: {english} (at column ")
    assert problem.text("vi").startswith(f"biểu thức không hợp lệ: {vietnamese} (")


def test_a_reason_python_may_give_one_day_is_kept_in_its_english() -> None:
    reason = syntax_reason("a brand new complaint")
    assert reason.render("vi") == reason.render("en") == "a brand new complaint"


def test_the_scoring_keys_an_indicator_gives_together_are_joined_in_vietnamese() -> None:
    text = mini("        when: adults >= 1 and adults_learning >= 1",
                "        when: adults >= 1 and adults_learning >= 1\n"
                "        levels: [{when: adults >= 2, points: 10}]")
    (problem,) = problems_of(text)
    assert problem.message.endswith("found 'when' and 'levels'")
    assert problem.text("vi").endswith("nhưng có 'when' và 'levels'")
