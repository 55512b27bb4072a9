"""Properties of evaluation over random small criteria sets and random records with gaps.

A set is drawn as data (conditions as small trees that render to expression text and that a
plain-Python reference evaluates with three-valued logic), dumped to YAML and loaded through
the same stages as a file. The properties: a batch equals its records one by one; points and
totals stay within their bounds; every indicator, total, status and grade agrees with the
reference; and no mutation of the example set makes loading fail other than with located
problems.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import learning_models as lm
from learning_models._documents.yaml import parse_yaml
from learning_models._evidence import records_to_frame
from learning_models._scoring import evaluate_pieces
from learning_models._scoring.score_rows import FEW

BOOLS = ("b0", "b1", "b2")
INTS = ("i0", "i1")
ENUM = ("lo", "mid", "hi")
INPUTS: dict[str, dict[str, Any]] = {
    **{b: {"type": "boolean"} for b in BOOLS},
    **{i: {"type": "integer", "minimum": 0, "maximum": 5} for i in INTS},
    "e0": {"type": "enum", "values": list(ENUM)},
}
DERIVED = {"s": "i0 + i1"}

Value = bool | int | str | None
Record = dict[str, Value]


# --------------------------------------------------------------------------- conditions

@dataclass(frozen=True)
class Cond:
    """A condition: its expression text and its three-valued meaning on one record."""

    text: str
    meaning: Callable[[Record], bool | None]


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def _or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    return None if a is None or b is None else False


def _not(a: bool | None) -> bool | None:
    return None if a is None else not a


def _known(*values: Value) -> bool:
    return all(v is not None for v in values)


def _int_of(record: Record, name: str) -> int | None:
    if name == "s":
        i0, i1 = record["i0"], record["i1"]
        return i0 + i1 if isinstance(i0, int) and isinstance(i1, int) else None
    value = record[name]
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _bool_atom(name: str) -> Cond:
    return Cond(name, lambda r: r[name] if isinstance(r[name], bool) else None)


def _compare_atom(name: str, op: str, limit: int) -> Cond:
    test = {">=": int.__ge__, "<": int.__lt__, "==": int.__eq__}[op]

    def meaning(record: Record) -> bool | None:
        value = _int_of(record, name)
        return None if value is None else bool(test(value, limit))

    return Cond(f"{name} {op} {limit}", meaning)


def _enum_atom(options: Sequence[str]) -> Cond:
    chosen = sorted(set(options), key=ENUM.index)
    text = "e0 in [" + ", ".join(repr(o) for o in chosen) + "]"
    return Cond(text, lambda r: None if r["e0"] is None else r["e0"] in chosen)


atoms = st.one_of(
    st.sampled_from(BOOLS).map(_bool_atom),
    st.builds(_compare_atom, st.sampled_from((*INTS, "s")), st.sampled_from((">=", "<", "==")),
              st.integers(0, 6)),
    st.lists(st.sampled_from(ENUM), min_size=1, max_size=2).map(_enum_atom),
)


def _combine(children: st.SearchStrategy[Cond]) -> st.SearchStrategy[Cond]:
    def both(op: str, a: Cond, b: Cond) -> Cond:
        join = _and if op == "and" else _or
        return Cond(f"({a.text}) {op} ({b.text})",
                    lambda r: join(a.meaning(r), b.meaning(r)))

    def negate(a: Cond) -> Cond:
        return Cond(f"not ({a.text})", lambda r: _not(a.meaning(r)))

    return st.one_of(st.builds(both, st.sampled_from(("and", "or")), children, children),
                     st.builds(negate, children))


conditions = st.recursive(atoms, _combine, max_leaves=4)


# --------------------------------------------------------------------------- sets

@dataclass(frozen=True)
class Ind:
    ident: str
    criterion: str
    points: int
    mandatory: bool
    when: Cond | None
    levels: tuple[tuple[Cond, int], ...]

    def score(self, record: Record) -> int | None:
        """Points, or None when the evidence cannot decide (the reference semantics)."""
        if self.when is not None:
            held = self.when.meaning(record)
            return None if held is None else (self.points if held else 0)
        for cond, points in self.levels:
            held = cond.meaning(record)
            if held is None:
                return None
            if held:
                return points
        return 0


@dataclass(frozen=True)
class PassRule:
    text: str
    holds: Callable[[float, float, bool, dict[str, float]], bool]


@dataclass(frozen=True)
class Drawn:
    indicators: tuple[Ind, ...]
    rule: PassRule
    grades: tuple[tuple[str, int], ...]

    @property
    def max_total(self) -> int:
        return sum(i.points for i in self.indicators)

    @property
    def criteria(self) -> list[str]:
        return list(dict.fromkeys(i.criterion for i in self.indicators))

    def data(self) -> dict[str, Any]:
        criteria = []
        for cid in self.criteria:
            inds = []
            for i in self.indicators:
                if i.criterion != cid:
                    continue
                item: dict[str, Any] = {"id": i.ident, "title": {"vi": "Chỉ số", "en": "Ind"},
                                        "points": i.points, "mandatory": i.mandatory}
                if i.when is not None:
                    item["when"] = i.when.text
                else:
                    item["levels"] = [{"when": c.text, "points": p} for c, p in i.levels]
                inds.append(item)
            criteria.append({"id": cid, "title": {"vi": "Tiêu chí", "en": "Criterion"},
                             "indicators": inds})
        recognition: dict[str, Any] = {"pass": self.rule.text}
        if self.grades:
            recognition["grades"] = [{"id": g, "title": {"vi": g, "en": g}, "min": low}
                                     for g, low in self.grades]
        return {"format": "learning-models/criteria-set/1", "id": "test/random",
                "model": "family", "period": "2021-2025",
                "title": {"vi": "Ngẫu nhiên", "en": "Random"}, "source": {"verified": False},
                "inputs": INPUTS, "derived": DERIVED, "criteria": criteria,
                "recognition": recognition}

    def load(self) -> lm.CriteriaSet:
        text = yaml.safe_dump(self.data(), allow_unicode=True, sort_keys=False)
        spec = lm.validate_criteria(parse_yaml(text, "random.yaml"))
        lm.compile_criteria(spec)
        return spec


@st.composite
def indicators(draw: st.DrawFn, ident: str, criterion: str) -> Ind:
    points = draw(st.sampled_from((1, 2, 3, 5, 10)))
    mandatory = draw(st.booleans())
    if draw(st.booleans()):
        return Ind(ident, criterion, points, mandatory, draw(conditions), ())
    levels = draw(st.lists(st.tuples(conditions, st.integers(0, points)), min_size=1,
                           max_size=3))
    return Ind(ident, criterion, points, mandatory, None, tuple(levels))


@st.composite
def pass_rules(draw: st.DrawFn, max_total: int, criteria: Sequence[str]) -> PassRule:
    low = draw(st.integers(0, max_total + 2))
    kind = draw(st.sampled_from(("total", "total_mandatory", "criterion", "share",
                                 "mandatory")))
    if kind == "total":
        return PassRule(f"total >= {low}", lambda t, m, ok, c: t >= low)
    if kind == "total_mandatory":
        return PassRule(f"total >= {low} and mandatory_met", lambda t, m, ok, c: t >= low and ok)
    if kind == "criterion":
        cid = draw(st.sampled_from(criteria))
        return PassRule(f"{cid} >= {low} or total >= max_total",
                        lambda t, m, ok, c: c[cid] >= low or t >= m)
    if kind == "share":
        return PassRule("total >= max_total * 0.75", lambda t, m, ok, c: t >= m * 0.75)
    return PassRule("mandatory_met", lambda t, m, ok, c: ok)


@st.composite
def drawn_sets(draw: st.DrawFn) -> Drawn:
    count = draw(st.integers(1, 5))
    criteria = [f"C{draw(st.integers(1, 3))}" for _ in range(count)]
    criteria.sort()
    inds = tuple(draw(indicators(f"I{k}", criteria[k])) for k in range(count))
    total = sum(i.points for i in inds)
    rule = draw(pass_rules(total, sorted(set(criteria))))
    lows = draw(st.lists(st.integers(0, total), max_size=2, unique=True))
    grades = tuple((f"g{k}", low) for k, low in enumerate(sorted(lows, reverse=True)))
    return Drawn(inds, rule, grades)


records_of = st.lists(
    st.fixed_dictionaries({
        **{b: st.one_of(st.none(), st.booleans()) for b in BOOLS},
        **{i: st.one_of(st.none(), st.integers(0, 5)) for i in INTS},
        "e0": st.one_of(st.none(), st.sampled_from(ENUM)),
    }),
    min_size=1, max_size=6,
).map(lambda rows: [{"id": f"S{k}", **row} for k, row in enumerate(rows)])


# --------------------------------------------------------------------------- the reference

def reference(drawn: Drawn, record: Record) -> tuple[list[int | None], str, str | None]:
    """Indicator points, status and grade by the documented definition."""
    points = [i.score(record) for i in drawn.indicators]

    def passes(fill_missing_with_max: bool) -> bool:
        filled = [p if p is not None else (i.points if fill_missing_with_max else 0)
                  for p, i in zip(points, drawn.indicators, strict=True)]
        total = sum(filled)
        mandatory_met = all(f >= i.points for f, i in zip(filled, drawn.indicators, strict=True)
                            if i.mandatory)
        subtotals = {c: sum(f for f, i in zip(filled, drawn.indicators, strict=True)
                            if i.criterion == c) for c in drawn.criteria}
        return drawn.rule.holds(total, drawn.max_total, mandatory_met, subtotals)

    if passes(False):
        status = "recognised"
    elif not passes(True):
        status = "not_recognised"
    else:
        status = "incomplete"
    # A grade only when the worst and the best case give the same one (issue 12).
    known = sum(p for p in points if p is not None)
    most = known + sum(i.points for p, i in zip(points, drawn.indicators, strict=True)
                       if p is None)
    worst = next((g for g, low in drawn.grades if known >= low), None) \
        if status == "recognised" else None
    best = next((g for g, low in drawn.grades if most >= low), None) \
        if status != "not_recognised" else None
    return points, status, worst if worst == best else None


def indicator_status(points: int | None, maximum: int) -> str:
    if points is None:
        return "missing"
    return "met" if points >= maximum else "partly_met" if points > 0 else "not_met"


# --------------------------------------------------------------------------- properties

@pytest.mark.slow
@given(drawn_sets(), records_of)
def test_a_batch_gives_the_results_of_its_records_one_by_one(drawn: Drawn,
                                                             records: list[Record]) -> None:
    # Padded past `FEW` records so the batch is scored column-wise, each record alone row
    # by row: the two engines agree.
    spec = drawn.load()
    padding = [{**records[k % len(records)], "id": f"P{k}"} for k in range(FEW + 1)]
    batch = lm.evaluate(spec, [*records, *padding], year=2022)
    assert batch.errors == ()
    assert len(batch) == len(records) + len(padding)
    for record, result in zip(records, batch, strict=False):
        alone = lm.evaluate(spec, [record], year=2022)
        assert alone[0].to_dict() == result.to_dict()


@pytest.mark.slow
@given(drawn_sets(), records_of)
def test_points_and_totals_stay_within_their_bounds(drawn: Drawn,
                                                    records: list[Record]) -> None:
    for result in lm.evaluate(drawn.load(), records):
        assert 0 <= result.total <= result.max_total == drawn.max_total
        for indicator in result.indicators:
            assert 0 <= indicator.points <= indicator.max_points
        assert result.total == sum(i.points for i in result.indicators)
        assert (result.grade is None) or result.status == "recognised"


@pytest.mark.slow
@given(drawn_sets(), records_of)
def test_every_decision_agrees_with_the_reference(drawn: Drawn,
                                                  records: list[Record]) -> None:
    results = lm.evaluate(drawn.load(), records)
    for record, result in zip(records, results, strict=True):
        points, status, grade = reference(drawn, record)
        assert [(i.points, i.status) for i in result.indicators] == [
            (float(p or 0), indicator_status(p, ind.points))
            for p, ind in zip(points, drawn.indicators, strict=True)], record
        assert result.total == sum(p for p in points if p is not None)
        assert (result.status, result.grade) == (status, grade), (drawn.rule.text, record)


# --------------------------------------------------------------------------- mutations

EXAMPLE = (Path(__file__).parents[2] / "examples" / "family" / "family-set.yaml").read_text(
    encoding="utf-8")
BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
ALPHABET = " :-[]{}#&*!|>'\"\t\nxé0,?%@`\r"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = EXAMPLE
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("delete", "duplicate", "replace", "delete_line",
                                   "duplicate_line", "replace_line")))
        if op in ("delete", "duplicate", "replace") and text:
            i = draw(st.integers(0, len(text) - 1))
            if op == "delete":
                text = text[:i] + text[i + 1:]
            elif op == "duplicate":
                text = text[:i] + text[i] + text[i:]
            else:
                text = text[:i] + draw(st.sampled_from(ALPHABET)) + text[i + 1:]
            continue
        lines = text.split("\n")
        j = draw(st.integers(0, len(lines) - 1))
        if op == "delete_line":
            del lines[j]
        elif op == "duplicate_line":
            lines.insert(j, lines[j])
        else:
            lines[j] = lines[draw(st.integers(0, len(lines) - 1))]
        text = "\n".join(lines)
    return text


@pytest.mark.slow
@given(mutated())
def test_a_mutated_example_is_valid_or_fails_with_located_problems(text: str) -> None:
    try:
        spec = lm.validate_criteria(parse_yaml(text, "family-set.yaml"))
        lm.compile_criteria(spec)
    except lm.CriteriaError as error:
        lines = BREAK.split(text)
        assert error.problems
        for problem in error.problems:
            assert problem.span is not None, problem
            assert problem.span.file == "family-set.yaml"
            assert 1 <= problem.span.line <= len(lines), problem
            assert 1 <= problem.span.column <= len(lines[problem.span.line - 1]) + 1, problem


pieces_of = st.lists(st.integers(0, 3), min_size=1, max_size=24)   # ids drawn from a few


@pytest.mark.slow
@given(drawn_sets(), records_of, pieces_of, st.integers(1, FEW + 3))
def test_a_batch_evaluated_in_pieces_gives_the_results_of_the_whole(
        drawn: Drawn, records: list[Record], ids: list[int], size: int) -> None:
    # Ids repeat within and across pieces (and one is blank); a value out of bounds is
    # rejected: every piece rejects what the whole rejects, with the same message.
    spec = drawn.load()
    rows = [{**records[k % len(records)], "id": " " if n == 0 and k % 5 == 4 else f" S{n}"}
            for k, n in enumerate(ids)]
    rows[-1] = {**rows[-1], "i0": 9}
    whole = lm.evaluate(spec, rows, year=2022)
    raw, _ = records_to_frame(rows)
    pieces = [(raw.slice(start, size), []) for start in range(0, raw.height, size)]
    parts = list(evaluate_pieces(spec, pieces, year=2022))
    assert [d for p in parts for d in p.subject_dicts()] == list(whole.subject_dicts())
    assert [e for p in parts for e in p.errors] == list(whole.errors)
    assert sum(len(p) for p in parts) + len({e.row for e in whole.errors}) == len(rows)
