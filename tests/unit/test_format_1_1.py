"""Format 1.1: awarded points, pass rules and grades that read indicators, inputs and the
year, grades decided by conditions — and grades that missing evidence could change.

Every scenario is scored by both engines: alone (row by row) and padded past `FEW` records
(column-wise), and the two must give the same dictionary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from builders import dump, lines_of, load_text, text

import learning_models as lm
from learning_models._cli import main
from learning_models.errors import LearningModelsError

FORMAT_1_1 = "learning-models/criteria-set/1.1"
FEW = 16


def awarded(ident: str, source: str, points: float, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "title": text(f"Chỉ số {ident}", f"Indicator {ident}"),
            "points": points, "awarded": source, **extra}


def set_of(indicators: Mapping[str, Sequence[Mapping[str, Any]]], pass_rule: str, *,
           inputs: Mapping[str, Mapping[str, Any]] | None = None,
           grades: Sequence[Mapping[str, Any]] = (), fmt: str = FORMAT_1_1,
           derived: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A set whose indicators read number inputs named after them (``C1.2`` → ``c1_2``)."""
    names = {i["id"]: i["id"].lower().replace(".", "_") for inds in indicators.values()
             for i in inds}
    declared = {names[i["id"]]: {"type": "number", "minimum": 0, "maximum": i["points"]}
                for inds in indicators.values() for i in inds}
    data: dict[str, Any] = {
        "format": fmt, "id": "test/v11", "model": "citizen", "period": "2021-2030",
        "title": text("Bộ thử", "Test set"), "source": {"verified": False},
        "inputs": {**declared, **(inputs or {})},
    }
    if derived:
        data["derived"] = dict(derived)
    data["criteria"] = [{"id": cid, "title": text(f"Tiêu chí {cid}", f"Criterion {cid}"),
                         "indicators": list(inds)} for cid, inds in indicators.items()]
    data["recognition"] = {"pass": pass_rule}
    if grades:
        data["recognition"]["grades"] = [dict(g) for g in grades]
    return data


def grade(ident: str, vi: str, **condition: Any) -> dict[str, Any]:
    return {"id": ident, "title": text(vi, ident.title()), **condition}


def both_engines(spec: lm.CriteriaSet, record: Mapping[str, Any],
                 year: int = 2024) -> lm.Evaluation:
    """The record's evaluation, checked to be the same row by row and column-wise."""
    alone = lm.evaluate(spec, [dict(record)], year=year)
    padded = [dict(record), *({**record, "id": f"P{k}"} for k in range(FEW + 1))]
    batch = lm.evaluate(spec, padded, year=year)
    assert alone.errors == () and batch.errors == ()
    assert alone[0].to_dict() == batch[0].to_dict()
    return alone[0]


# --------------------------------------------------------------------------- awarded

AWARDED = load_text(dump(set_of(
    {"A": [awarded("A.1", "a_1", 10), awarded("A.2", "a_2 * 2", 5)]}, "total >= 10",
    inputs={"a_2": {"type": "number"}})))


@pytest.mark.parametrize(("given", "points", "status"), [
    (10, 10.0, "met"),
    (7.5, 7.5, "partly_met"),          # half points are points
    (0, 0.0, "not_met"),
    (None, 0.0, "missing"),            # no value: the evidence is missing, never 0 points
])
def test_awarded_points_are_the_value_given(given: float | None, points: float,
                                            status: str) -> None:
    result = both_engines(AWARDED, {"id": "S", "a_1": given, "a_2": 1})
    first = result.indicators[0]
    assert (first.points, first.status) == (points, status)


def test_an_awarded_expression_beyond_the_maximum_is_clipped_to_it() -> None:
    # a_2 * 2 = 8 for an indicator of 5 points: 5; -3 * 2: 0
    assert both_engines(AWARDED, {"id": "S", "a_1": 1, "a_2": 4}).indicators[1].points == 5.0
    assert both_engines(AWARDED, {"id": "S", "a_1": 1, "a_2": -3}).indicators[1].points == 0.0


def test_an_awarded_input_above_its_declared_maximum_is_a_record_error() -> None:
    results = lm.evaluate(AWARDED, [{"id": "S", "a_1": 11, "a_2": 1}], year=2024)
    assert len(results) == 0
    (error,) = results.errors
    assert error.field == "a_1" and "10" in error.message


def test_awarded_needs_a_number_and_format_1_1() -> None:
    text_ = dump(set_of({"A": [awarded("A.1", "a_1 >= 5", 10)]}, "total >= 5"))
    assert any("must be a number, found boolean" in line for line in lines_of(text_))
    old = dump(set_of({"A": [awarded("A.1", "a_1", 10)]}, "total >= 5",
                      fmt="learning-models/criteria-set/1"))
    (line,) = [p for p in lines_of(old) if "awarded" in p]
    assert "needs format 1.1" in line and "learning-models/criteria-set/1.1" in line


def test_an_indicator_cannot_be_awarded_and_conditional() -> None:
    both = awarded("A.1", "a_1", 10, when="a_1 >= 5")
    (line,) = lines_of(dump(set_of({"A": [both]}, "total >= 5")))
    assert "found 'when' and 'awarded'" in line


# --------------------------------------------------------------------------- the citizen rule

CITIZEN = load_text(dump(set_of(
    {"G1": [awarded(f"I{k}", f"i{k}", 10) for k in range(1, 5)],
     "G2": [awarded(f"I{k}", f"i{k}", 10) for k in range(5, 9)],
     "G3": [awarded(f"I{k}", f"i{k}", 10) for k in range(9, 11)]},
    "total >= 80 and min_points() >= 5")))


def citizen(*points: float | None) -> dict[str, Any]:
    return {"id": "CD", **{f"i{k}": p for k, p in enumerate(points, start=1)}}


@pytest.mark.parametrize(("points", "status"), [
    ((8,) * 10, "recognised"),                         # 80 points, none below 5
    ((8,) * 9 + (7.5,), "not_recognised"),             # 79.5 points
    ((10,) * 8 + (5, 5), "recognised"),                # 90, the lowest exactly 5
    ((10,) * 9 + (4.5,), "not_recognised"),            # 94.5, but one at 4.5
    ((10,) * 9 + (0,), "not_recognised"),              # 90, one at 0
    ((10,) * 9 + (None,), "incomplete"),               # 90 known; the tenth decides
    ((8,) * 9 + (None,), "incomplete"),                # 72 known: 82 if the tenth is 10
    ((5,) * 9 + (None,), "not_recognised"),            # at most 55
    ((10,) * 8 + (4, None), "not_recognised"),         # one below 5 already
])
def test_the_citizen_rule_at_its_boundaries(points: tuple[float | None, ...],
                                            status: str) -> None:
    assert both_engines(CITIZEN, citizen(*points)).status == status


def test_the_citizen_rule_gives_no_point_to_the_total() -> None:
    result = both_engines(CITIZEN, citizen(*(8,) * 10))
    assert (result.total, result.max_total) == (80.0, 100.0)


# --------------------------------------------------------------------------- indicator functions

FUNCTIONS = load_text(dump(set_of(
    {"C1": [awarded("C1.1", "c1_1", 10), awarded("C1.2", "c1_2", 10)],
     "C2": [awarded("C2.1", "c2_1", 10)]},
    "points('C1.1') >= 6 and met('C2.1') and min_points('C1') >= 2 and staff >= 1",
    inputs={"staff": {"type": "integer", "minimum": 0}})))


@pytest.mark.parametrize(("values", "status"), [
    ((6, 2, 10, 3), "recognised"),
    ((5.5, 10, 10, 3), "not_recognised"),              # points('C1.1') below 6
    ((10, 1.5, 10, 3), "not_recognised"),              # min_points('C1') below 2
    ((10, 10, 9, 3), "not_recognised"),                # C2.1 not fully met
    ((10, 10, 10, 0), "not_recognised"),               # an input the rule reads
    ((10, 10, None, 3), "incomplete"),                 # met('C2.1') unknown
    ((10, 10, 10, None), "incomplete"),                # the input the rule reads is missing
    ((None, 10, 10, 3), "incomplete"),
])
def test_a_pass_rule_reads_indicators_and_inputs(values: tuple[float | None, ...],
                                                 status: str) -> None:
    record = dict(zip(("c1_1", "c1_2", "c2_1", "staff"), values, strict=True))
    assert both_engines(FUNCTIONS, {"id": "S", **record}).status == status


def test_a_function_naming_no_indicator_is_located_with_a_suggestion() -> None:
    data = set_of({"C1": [awarded("C1.1", "c1_1", 10)]}, "points('C1.2') >= 5")
    (line,) = lines_of(dump(data))
    assert "points('C1.2'): the set has no indicator 'C1.2'" in line
    assert "C1.1" in line                               # did you mean


def test_a_format_1_pass_rule_still_reads_only_totals() -> None:
    data = set_of({"C1": [awarded("C1.1", "c1_1", 10)]}, "total >= 5 and c1_1 >= 1",
                  fmt="learning-models/criteria-set/1")
    del data["criteria"][0]["indicators"][0]["awarded"]
    data["criteria"][0]["indicators"][0]["when"] = "c1_1 >= 1"
    assert any("unknown name 'c1_1'" in line for line in lines_of(dump(data)))


# --------------------------------------------------------------------------- grades

LEVELS = load_text(dump(set_of(
    {"U": [awarded("U.1", "u_1", 50), awarded("U.2", "u_2", 50)]}, "total >= 50",
    inputs={"citizen_share": {"type": "number", "minimum": 0, "maximum": 1},
            "title": {"type": "enum", "values": ["none", "advanced", "excellent"]}},
    grades=[grade("muc_2", "Mức 2", when="citizen_share >= 0.95 and title == 'excellent'"),
            grade("muc_1", "Mức 1", min=60,
                  when="citizen_share >= 0.9 and title in ['advanced', 'excellent']")])))


@pytest.mark.parametrize(("share", "title", "total", "expected"), [
    (0.96, "excellent", 50, "muc_2"),       # Mức 2 needs no minimum total
    (0.96, "advanced", 60, "muc_1"),        # the first grade whose conditions hold wins
    (0.92, "excellent", 60, "muc_1"),
    (0.92, "excellent", 55, None),          # Mức 1 needs 60 points as well
    (0.80, "excellent", 100, None),
])
def test_grades_are_decided_by_conditions_first_match_wins(
        share: float, title: str, total: float, expected: str | None) -> None:
    record = {"id": "U", "u_1": 50, "u_2": total - 50, "citizen_share": share, "title": title}
    result = both_engines(LEVELS, record)
    assert (result.status, result.grade, result.grade_range) == ("recognised", expected, None)


def test_a_grade_condition_on_a_missing_input_gives_a_range() -> None:
    record = {"id": "U", "u_1": 50, "u_2": 20, "citizen_share": None, "title": "excellent"}
    result = both_engines(LEVELS, record)
    assert (result.grade, result.grade_range) == (None, (None, "muc_2"))


# --------------------------------------------------------------------------- grade ranges

UNIT = load_text(dump(set_of(
    {"A": [awarded("A.1", "a_1", 75), awarded("A.2", "a_2", 15), awarded("A.3", "a_3", 10)]},
    "total >= 50",
    grades=[grade("tot", "Tốt", min=85), grade("kha", "Khá", min=70),
            grade("trung_binh", "Trung bình", min=50)])))


def test_a_grade_missing_evidence_could_change_is_not_given() -> None:
    # 75 points known, 15 missing: Khá or Tốt
    result = both_engines(UNIT, {"id": "U", "a_1": 75, "a_2": None, "a_3": 0})
    assert (result.status, result.grade, result.grade_range) == ("recognised", None,
                                                                 ("kha", "tot"))
    assert result.to_dict()["grade_range"] == ["kha", "tot"]
    assert "Xếp loại: chưa xác định — tùy minh chứng còn thiếu, từ Khá đến Tốt" \
        in result.explain()
    assert "from Kha to Tot" in result.explain("en")


def test_a_grade_missing_evidence_cannot_change_is_given() -> None:
    # 86 known, 10 missing: Tốt whatever the missing evidence says
    result = both_engines(UNIT, {"id": "U", "a_1": 75, "a_2": 11, "a_3": None})
    assert (result.grade, result.grade_range) == ("tot", None)
    assert "grade_range" not in result.to_dict()


# --------------------------------------------------------------------------- the year

RISING = load_text(dump(set_of(
    {"A": [{"id": "A.1", "title": text("Tỷ lệ", "Share"), "points": 10,
            "when": "share >= (0.5 if year < 2028 else 0.6)"}]},
    "total >= 10", inputs={"share": {"type": "number", "minimum": 0, "maximum": 1}})))


@pytest.mark.parametrize(("year", "status"), [(2027, "recognised"), (2028, "not_recognised")])
def test_a_threshold_rises_with_the_year(year: int, status: str) -> None:
    record = {"id": "S", "a_1": 0, "share": 0.55}
    assert both_engines(RISING, record, year=year).status == status


def test_a_set_that_reads_the_year_needs_one() -> None:
    with pytest.raises(LearningModelsError, match="reads the evaluation year"):
        lm.evaluate(RISING, [{"id": "S", "a_1": 0, "share": 0.55}])


# --------------------------------------------------------------------------- Circular 22/2020

EXAMPLE = Path(__file__).parents[2] / "criteria" / "vn" / "2021-2025"
UNITS = (
    "id,level,plan_points,rules_points,resources_points,self_study_points,discipline_points,"
    "training_points,advanced_worker_points,citizen_points,unit_title_points,sharing_points\n"
    "DV-1,district,10,10,10,10,5,10,5,15,,\n"
    "DV-2,province,10,10,10,10,5,10,5,26,10,5\n")


def test_the_circular_22_example_passes_its_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(EXAMPLE / "unit-tt22.test.yaml"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "12 passed, 0 failed"


def test_the_circular_22_example_is_awarded_without_a_ladder() -> None:
    spec = lm.load_criteria(EXAMPLE / "unit-tt22.yaml")
    assert spec.format == FORMAT_1_1 and spec.max_total == 100
    assert all(i.awarded is not None and i.levels is None for i in spec.indicators)
    assert [(g.id, g.min) for g in spec.recognition.grades] == [
        ("good", 85), ("fair", 70), ("average", 50)]


def test_evaluate_shows_the_grade_range_and_rejects_points_above_the_maximum(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "units.csv"
    data.write_text(UNITS, encoding="utf-8")
    code = main(["evaluate", "--criteria", str(EXAMPLE / "unit-tt22.yaml"), "--year", "2024",
                 "--input", str(data)])
    out, err = capsys.readouterr()
    assert code == 1                                   # a record was rejected
    assert out.splitlines()[0] == ("DV-1\t75/100\tĐạt — đủ điều kiện công nhận\t"
                                   "Khá – Tốt (chưa xác định: thiếu minh chứng)")
    assert "units.csv:3: DV-2: 'citizen_points' là 26, lớn hơn mức tối đa 25" in err


# --------------------------------------------------------------------------- authoring messages

def test_an_input_name_as_points_leads_to_awarded() -> None:
    data = set_of({"C1": [awarded("C1.1", "c1_1", 10)]}, "total >= 5")
    data["criteria"][0]["indicators"][0]["points"] = "c1_1"
    (problem,) = [p for p in _problems(dump(data)) if p.code == "wrong-type"]
    assert "(indicator 'C1.1')" in problem.message
    assert problem.hint is not None and "'awarded: c1_1'" in problem.hint


def test_an_unquoted_year_as_period_is_told_to_quote_it() -> None:
    text_ = dump(set_of({"C1": [awarded("C1.1", "c1_1", 10)]}, "total >= 5")) \
        .replace("period: 2021-2030", "period: 2019")
    (problem,) = _problems(text_)
    assert problem.hint == 'write the year in quotes: period: "2019"'


def test_a_comma_inside_a_flow_text_is_told_to_quote_it() -> None:
    text_ = dump(set_of({"C1": [awarded("C1.1", "c1_1", 10)]}, "total >= 5"))
    old = "title:\n    vi: Tiêu chí C1\n    en: Criterion C1"
    assert old in text_
    text_ = text_.replace(old, "title: {vi: Học tập, rèn luyện, en: Criterion C1}")
    (problem,) = _problems(text_)
    assert problem.code == "unknown-key" and "(criterion 'C1')" in problem.message
    assert problem.hint is not None and "'rèn luyện' was read as a key" in problem.hint


@pytest.mark.parametrize("rule", ["A.1 >= 5", "total >= 50 and A1 >= 5"])
def test_a_bare_indicator_id_in_the_pass_rule_leads_to_points(rule: str) -> None:
    data = set_of({"A": [awarded("A.1", "a_1", 10), awarded("A1", "a1", 10)]}, rule)
    problems = _problems(dump(data))
    assert problems and all(p.hint is not None and "points(" in p.hint for p in problems)


def _problems(text_: str) -> tuple[lm.Problem, ...]:
    with pytest.raises(lm.CriteriaError) as caught:
        load_text(text_)
    return caught.value.problems


def test_diff_names_a_changed_award_and_grade_condition() -> None:
    old = load_text(dump(set_of(
        {"U": [awarded("U.1", "u_1", 50)]}, "total >= 25",
        grades=[grade("muc_1", "Mức 1", when="u_1 >= 40")])))
    new_data = set_of({"U": [awarded("U.1", "u_1 / 2", 50)]}, "total >= 25",
                      grades=[grade("muc_1", "Mức 1", when="u_1 >= 45")])
    changes = lm.diff_sets(old, load_text(dump(new_data)))
    (indicator,) = changes.indicators
    assert [(f.field, f.old, f.new) for f in indicator.fields] == [
        ("awarded", "u_1", "u_1 / 2")]
    (changed_grade,) = changes.grades
    assert [(f.field, f.old, f.new) for f in changed_grade.fields] == [
        ("when", "u_1 >= 40", "u_1 >= 45")]


def test_the_recognition_lists_show_a_grade_not_yet_decided() -> None:
    from learning_models._report.report import LABELS, _grade_text

    results = lm.evaluate(UNIT, [{"id": "U1", "a_1": 75, "a_2": None, "a_3": 0},
                                 {"id": "U2", "a_1": 75, "a_2": 11, "a_3": None}], year=2024)
    titles = {g.id: g.title.vi for g in UNIT.recognition.grades}
    shown = results.scored.select(
        _grade_text(results.scored, titles, LABELS["grade_range"]["vi"]).alias("g"))["g"]
    assert shown.to_list() == ["Khá – Tốt (chưa xác định: thiếu minh chứng)", "Tốt"]
