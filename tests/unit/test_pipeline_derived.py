"""Inputs derived from related records (``from:``) when some of those records were rejected.

A village counts its households (``from: {count: family}``) and its learning families
(``from: {count: family, where: recognised}``). A household whose record was rejected still
exists, but whether it is a learning family is unknown: the village's learning families are
unknown, the indicator that reads them is missing, and the village is incomplete unless the
other indicators decide. A record rejected for repeating an earlier record's id is that
earlier record again and is never counted. The same holds through a workbook, per partition
and in the roll-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from builders import build, ind, make_set

import learning_models as lm
from learning_models._evidence.dataset import Dataset, Table, read_dataset
from learning_models._rollup.build import rollup
from learning_models._runs.partitioned import evaluate_partitioned
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

EXAMPLE = Path(__file__).parents[2] / "examples" / "bac-kan-city"


def family_set(**extra: Any) -> lm.CriteriaSet:
    data = make_set({"adults": {"type": "integer", "minimum": 0, "maximum": 30},
                     "income": {"type": "enum", "values": ["lower", "stable", "higher"]},
                     **extra},
                    {"C1": [ind("C1.1", "adults >= 1")]})
    data.update(model="family", id="test/family")
    return build(data)


def community_set(where: str = "recognised", via: str | None = None,
                  prefer: str = "derived") -> lm.CriteriaSet:
    """Recognised with every household a learning family and a yearly plan."""
    def derive(**how: str) -> dict[str, object]:
        return {"type": "integer", "minimum": 0,
                "from": {"count": "family", **how, **({"via": via} if via else {}),
                         **({"prefer": prefer} if prefer != "derived" else {})}}
    data = make_set({"households": derive(), "learning_families": derive(where=where),
                     "plan": "boolean"},
                    {"C1": [ind("C1.1", "learning_families >= households", points=50,
                                mandatory=True)],
                     "C2": [ind("C2.1", "plan", points=50)]},
                    "total >= 100 and mandatory_met")
    data.update(model="community", id="test/community")
    return build(data)


SETS = {"family": family_set(), "community": community_set()}
AREAS = pl.DataFrame({"code": ["X", "V1", "V2"], "name": ["Xã", "Thôn 1", "Thôn 2"],
                      "level": ["commune", "village", "village"], "parent": [None, "X", "X"]})

Row = tuple[str | None, ...]


def families(*rows: Row) -> pl.DataFrame:
    """Family records (id, community, adults, income), as a file gives them: text."""
    return pl.DataFrame(list(rows), schema=dict.fromkeys(("id", "community", "adults",
                                                           "income"), pl.String),
                        orient="row")


VALID = (("F1", "V1", "1", "stable"), ("F2", "V1", "2", "higher"))


def evaluate(family_rows: pl.DataFrame, *, plan: str = "có",
             sets: dict[str, lm.CriteriaSet] | None = None,
             community: dict[str, list[str | None]] | None = None) -> DatasetEvaluation:
    villages = pl.DataFrame(community or {"id": ["V1"], "area": ["V1"], "plan": [plan]})
    dataset = Dataset({"family": Table("family", family_rows, "family.csv"),
                       "community": Table("community", villages, "community.csv")}, AREAS)
    return evaluate_dataset(dataset, sets=sets or SETS)


def village(evaluation: DatasetEvaluation, ident: str = "V1") -> dict[str, Any]:
    row: dict[str, Any] = evaluation.results["community"].scored \
        .filter(pl.col("id") == ident).row(0, named=True)
    return row


# --- a rejected related record -----------------------------------------------------------------

@pytest.mark.parametrize(("adults", "income", "status", "learning"), [
    ("1", "stable", "recognised", 3),        # F3 valid and a learning family: passes
    ("0", "stable", "not_recognised", 2),    # F3 valid and not one: fails
    ("1", "tăng nhẹ", "incomplete", None),   # F3 rejected: it could be either
    ("ba", "stable", "incomplete", None),
])
def test_a_rejected_household_leaves_the_learning_families_unknown(
        adults: str, income: str, status: str, learning: int | None) -> None:
    evaluation = evaluate(families(*VALID, ("F3", "V1", adults, income)))
    row = village(evaluation)
    assert (row["households"], row["learning_families"], row["status"]) == \
        (3, learning, status)   # the rejected household still exists: 3 households
    c11 = evaluation.results["community"].get("V1").indicators[0]
    assert (c11.status == "missing") == (learning is None)
    assert evaluation.results["community"].get("V1").input_sources == \
        {"households": "derived", "learning_families": "derived"}


def test_a_rejected_household_does_not_touch_another_village() -> None:
    evaluation = evaluate(families(*VALID, ("F3", "V1", "1", "??"), ("F4", "V2", "1", "lower")),
                          community={"id": ["V1", "V2"], "area": ["V1", "V2"],
                                     "plan": ["có", "có"]})
    assert village(evaluation, "V2")["learning_families"] == 1
    assert village(evaluation, "V2")["status"] == "recognised"


def test_an_outcome_the_other_indicators_decide_stays_decided() -> None:
    rejected = families(*VALID, ("F3", "V1", "1", "??"))
    assert village(evaluate(rejected, plan="không"))["status"] == "not_recognised"
    # a pass rule the learning families cannot change either way
    data = make_set({"households": {"type": "integer", "from": {"count": "family"}},
                     "learning_families": {"type": "integer",
                                           "from": {"count": "family", "where": "recognised"}},
                     "plan": "boolean"},
                    {"C1": [ind("C1.1", "learning_families >= households", points=10)],
                     "C2": [ind("C2.1", "plan", points=50)]}, "total >= 50")
    data.update(model="community", id="test/lenient")
    lenient = {"family": SETS["family"], "community": build(data)}
    assert village(evaluate(rejected, sets=lenient))["status"] == "recognised"


@pytest.mark.parametrize("where", ["evaluated", "recognised", "not_recognised", "incomplete"])
def test_every_count_of_a_status_is_unknown_with_a_rejected_record(where: str) -> None:
    sets = {"family": SETS["family"], "community": community_set(where)}
    clean = village(evaluate(families(*VALID, ("F3", "V1", "", "stable")), sets=sets))
    expected = {"evaluated": 3, "recognised": 2, "not_recognised": 0, "incomplete": 1}[where]
    assert clean["learning_families"] == expected
    spoiled = village(evaluate(families(*VALID, ("F3", "V1", "", "??")), sets=sets))
    assert (spoiled["households"], spoiled["learning_families"]) == (3, None)


def test_a_record_without_an_id_leaves_even_the_household_count_unknown() -> None:
    # it may be one more household, or one of the others written again
    row = village(evaluate(families(*VALID, (" ", "V1", "1", "stable"))))
    assert (row["households"], row["learning_families"], row["status"]) == \
        (None, None, "incomplete")


def test_a_rejected_record_that_names_no_village_counts_nowhere() -> None:
    evaluation = evaluate(families(*VALID, ("F3", "V9", "1", "stable"), ("F4", None, "1", "??")))
    assert {e.record for e in evaluation.errors} == {"F3", "F4"}
    row = village(evaluation)
    assert (row["households"], row["learning_families"], row["status"]) == \
        (2, 2, "recognised")


# --- a record repeating an earlier one's id ----------------------------------------------------

@pytest.mark.parametrize("copy", [
    ("F2", "V1", "2", "higher"),    # the same household entered twice
    ("F2", "V1", "0", "stable"),    # ... with other values
    ("F2", "V2", "1", "??"),        # ... in another village, and a bad value
    (" F2 ", "V1", "1", "stable"),  # ids are compared trimmed
])
def test_a_duplicate_record_is_never_counted(copy: Row) -> None:
    evaluation = evaluate(families(*VALID, copy),
                          community={"id": ["V1", "V2"], "area": ["V1", "V2"],
                                     "plan": ["có", "có"]})
    assert [e.code for e in evaluation.errors if e.code == "duplicate-record"] == \
        ["duplicate-record"]
    row = village(evaluation)
    assert (row["households"], row["learning_families"], row["status"]) == (2, 2, "recognised")
    other = village(evaluation, "V2")
    assert (other["households"], other["learning_families"]) == (0, 0)


def test_a_duplicate_of_a_rejected_record_counts_it_once_and_unknown() -> None:
    row = village(evaluate(families(*VALID, ("F3", "V1", "1", "??"), ("F3", "V1", "1", "lower"))))
    assert (row["households"], row["learning_families"], row["status"]) == \
        (3, None, "incomplete")


# --- the same without positions (``via`` a column that is no relation) --------------------------

def test_a_via_column_that_is_no_relation_follows_the_same_rule() -> None:
    sets = {"family": family_set(village={"type": "string"}),
            "community": community_set(via="village")}

    def rows(*extra: Row) -> pl.DataFrame:
        return families(*VALID, *extra).rename({"community": "village"})

    assert village(evaluate(rows(), sets=sets))["learning_families"] == 2
    spoiled = village(evaluate(rows(("F3", "V1", "1", "??")), sets=sets))
    assert (spoiled["households"], spoiled["learning_families"], spoiled["status"]) == \
        (3, None, "incomplete")
    twice = village(evaluate(rows(("F2", "V1", "1", "stable")), sets=sets))
    assert (twice["households"], twice["learning_families"], twice["status"]) == \
        (2, 2, "recognised")
    nameless = village(evaluate(rows(("", "V1", "1", "stable")), sets=sets))
    assert (nameless["households"], nameless["learning_families"]) == (None, None)


# --- which value was used ----------------------------------------------------------------------

def test_prefer_data_takes_the_given_value_and_says_so() -> None:
    sets = {"family": SETS["family"], "community": community_set(prefer="data")}
    evaluation = evaluate(families(*VALID, ("F3", "V1", "1", "??")), sets=sets,
                          community={"id": ["V1", "V2"], "area": ["V1", "V2"],
                                     "plan": ["có", "có"], "households": ["3", None],
                                     "learning_families": ["3", None]})
    given = evaluation.results["community"].get("V1")
    assert (given.status, given.input_sources) == \
        ("recognised", {"households": "data", "learning_families": "data"})
    derived = evaluation.results["community"].get("V2")
    assert derived.input_sources == {"households": "derived", "learning_families": "derived"}
    assert (village(evaluation, "V2")["households"], derived.status) == (0, "recognised")


def test_by_default_a_given_value_does_not_stand_in_for_an_unknown_derived_one() -> None:
    evaluation = evaluate(families(*VALID, ("F3", "V1", "1", "??")),
                          community={"id": ["V1"], "area": ["V1"], "plan": ["có"],
                                     "learning_families": ["3"]})
    row = village(evaluation)
    assert (row["learning_families"], row["status"]) == (None, "incomplete")
    assert evaluation.results["community"].get("V1").input_sources["learning_families"] == \
        "derived"


# --- the roll-up, a workbook, partitions ------------------------------------------------------

def test_the_rollup_counts_the_village_incomplete_and_the_household_rejected() -> None:
    evaluation = evaluate(families(*VALID, ("F3", "V1", "1", "??")))
    commune = next(a for a in rollup(evaluation).areas if a.code == "X")
    community, family = commune.models["community"], commune.models["family"]
    assert (community.recognised, community.not_recognised, community.incomplete,
            community.rejected) == (0, 0, 1, 0)
    assert (family.subjects, family.recognised, family.rejected) == (3, 2, 1)


def test_through_a_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Gia đình"
    for row in (("id", "community", "adults", "income"), *VALID,
                ("F3", "V1", 1, "tăng nhẹ"), ("F2", "V1", 2, "higher")):
        sheet.append(list(row))
    villages = book.create_sheet("Cộng đồng")
    villages.append(["id", "area", "plan"])
    villages.append(["V1", "V1", "có"])
    book.save(tmp_path / "book.xlsx")
    dataset = lm.read_workbook(tmp_path / "book.xlsx")
    evaluation = evaluate_dataset(Dataset(dataset.tables, AREAS), sets=SETS)
    assert sorted((e.row, e.code) for e in evaluation.errors) == \
        [(4, "invalid-record"), (5, "duplicate-record")]
    row = village(evaluation)
    assert (row["households"], row["learning_families"], row["status"]) == \
        (3, None, "incomplete")


def test_per_partition_as_in_one_run(tmp_path: Path) -> None:
    whole = families(*VALID, ("F3", "V1", "1", "??"), ("F2", "V1", "1", "stable"),
                     ("F4", "V2", "1", "lower"))
    villages = pl.DataFrame({"id": ["V1", "V2"], "area": ["V1", "V2"], "plan": ["có", "có"]})
    parts = {}
    for code in ("V1", "V2"):
        part = tmp_path / f"village={code}"
        part.mkdir()
        whole.filter(pl.col("community") == code).write_csv(part / "family.csv")
        villages.filter(pl.col("id") == code).write_csv(part / "community.csv")
        parts[part.name] = part
    result = evaluate_partitioned(parts, areas=AREAS, year=2024, sets=SETS,
                                  out_dir=tmp_path / "out", rollup_levels=None)
    statuses = dict(pl.concat([pl.read_parquet(f) for f in
                               sorted((tmp_path / "out").glob("results/*/community.parquet"))])
                    .select("id", "status").rows())
    assert statuses == {"V1": "incomplete", "V2": "recognised"}
    assert result.counts()["family"] == {"read": 5, "evaluated": 3, "rejected": 2}
    one = evaluate(whole, community={"id": ["V1", "V2"], "area": ["V1", "V2"],
                                     "plan": ["có", "có"]})
    expected = {a.code: a.models["community"] for a in rollup(one, None).areas}
    got = {a.code: a.models["community"] for a in result.rollup.areas}
    assert got == expected
    assert (got["X"].incomplete, got["X"].recognised) == (1, 1)


# --- the example, evaluated with sets that reject every household ------------------------------

def test_villages_and_clans_of_rejected_households_are_not_judged_on_them() -> None:
    # The 2026–2030 sets need inputs the 2024 files do not have: every household (and
    # citizen) is rejected, so no village or clan knows its learning families. Those
    # that fail even with the learning-family indicator met are not recognised; the
    # others are incomplete, none is failed for households whose records were rejected.
    evaluation = evaluate_dataset(read_dataset(EXAMPLE / "2024"), year=2027)
    assert evaluation.results["family"].counts()["rejected"] > 10_000
    for model in ("clan", "community"):
        results = evaluation.results[model]
        assert results.program.spec.recognition.pass_ == "total >= 80 and mandatory_met"
        scored = results.scored
        assert scored["learning_families"].null_count() == scored.height
        counts = results.counts()
        assert counts["recognised"] == 0 and counts["incomplete"] > counts["not_recognised"]
        for subject in results:
            if subject.status != "not_recognised":
                continue
            # decided either way: too few points, or a mandatory indicator failed
            best = subject.total + sum(i.max_points - i.points for i in subject.indicators
                                       if i.status == "missing")
            failed = any(i.mandatory and i.status in ("not_met", "partly_met")
                         for i in subject.indicators)
            assert best < 80 or failed, subject.subject


# --- what the rule does not reach ---------------------------------------------------------------

def test_a_required_derived_input_that_is_unknown_rejects_its_subject() -> None:
    data = make_set({"learning_families": {"type": "integer", "required": True,
                                           "from": {"count": "family", "where": "recognised"}}},
                    {"C1": [ind("C1.1", "learning_families >= 1")]})
    data.update(model="community", id="test/required")
    sets = {"family": SETS["family"], "community": build(data)}
    evaluation = evaluate(families(*VALID, ("F3", "V1", "1", "??")), sets=sets,
                          community={"id": ["V1"], "area": ["V1"]})
    assert len(evaluation.results["community"]) == 0
    (error,) = [e for e in evaluation.errors if e.record == "V1"]
    assert (error.field, error.code) == ("learning_families", "invalid-record")
    assert "missing" in error.message


def test_a_line_its_reader_cannot_read_counts_nowhere(tmp_path: Path) -> None:
    # the line's village cannot be read: it is listed with the rejected records only
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "family.csv").write_text(
        "id,community,adults,income\nF1,V1,1,stable\nF2,V1,2,higher\nF3,V1,1\n",
        encoding="utf-8")
    (folder / "community.csv").write_text("id,plan\nV1,có\n", encoding="utf-8")
    evaluation = evaluate_dataset(read_dataset(folder), sets=SETS)
    assert [(e.row, e.code) for e in evaluation.errors] == [(3, "invalid-record")]
    row = village(evaluation)
    assert (row["households"], row["learning_families"], row["status"]) == (2, 2, "recognised")
