"""Small criteria sets for the unit tests: a YAML text to break, and a builder of sets.

`MINI` is a complete, valid set whose lines are referred to by number in the tests (line 19
is the condition of ``C1.1``). `make_set` builds a set as data from a few indicators, so a
test states only what it is about; `build` turns that data into a compiled `CriteriaSet`
through the same stages a file goes through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
import yaml

import learning_models as lm
from learning_models._documents.yaml import parse_yaml

FILE = "set.yaml"

MINI = """\
format: learning-models/criteria-set/1
id: test/mini
model: family
period: 2021-2025
title: {vi: Thử, en: Test}
source: {verified: false}
inputs:
  adults: {type: integer, minimum: 0, maximum: 30}
  adults_learning: {type: integer, minimum: 0, maximum: 30}
  corner: {type: boolean}
  income: {type: enum, values: [lower, stable, higher]}
criteria:
  - id: C1
    title: {vi: Một, en: One}
    indicators:
      - id: C1.1
        title: {vi: Một, en: One}
        points: 10
        when: adults >= 1 and adults_learning >= 1
recognition:
  pass: total >= 5
"""

WHEN = "when: adults >= 1 and adults_learning >= 1"


def mini(old: str, new: str, *, count: int = 1) -> str:
    """`MINI` with `old` replaced by `new` (which must occur exactly `count` times)."""
    assert MINI.count(old) == count, f"{old!r} occurs {MINI.count(old)} times in MINI"
    return MINI.replace(old, new)


def load_text(text: str | bytes, file: str = FILE) -> lm.CriteriaSet:
    """Read, validate and compile a set given as text, as loading a file does."""
    spec = lm.validate_criteria(parse_yaml(text, file))
    lm.compile_criteria(spec)
    return spec


def problems_of(text: str | bytes, file: str = FILE) -> tuple[lm.Problem, ...]:
    with pytest.raises(lm.CriteriaError) as caught:
        load_text(text, file)
    return caught.value.problems


def lines_of(text: str | bytes, file: str = FILE) -> list[str]:
    """Every problem of `text`, formatted as the command line prints it."""
    return [p.format() for p in problems_of(text, file)]


def codes_of(text: str | bytes) -> list[str]:
    return [p.code for p in problems_of(text)]


def text(vi: str, en: str | None = None) -> dict[str, str]:
    return {"vi": vi, "en": en or vi}


def ind(ident: str, when: str | None = None, *, points: float = 10,
        levels: Sequence[tuple[str, float]] | None = None, mandatory: bool = False,
        evidence: Sequence[str] = (), verified: bool | None = None) -> dict[str, Any]:
    """An indicator: all or nothing with `when`, or graded with `levels` (condition, points)."""
    data: dict[str, Any] = {"id": ident, "title": text(f"Chỉ số {ident}", f"Indicator {ident}"),
                            "points": points}
    if mandatory:
        data["mandatory"] = True
    if when is not None:
        data["when"] = when
    if levels is not None:
        data["levels"] = [{"when": w, "points": p} for w, p in levels]
    if evidence:
        data["evidence"] = list(evidence)
    if verified is not None:
        data["source"] = {"verified": verified}
    return data


def make_set(inputs: Mapping[str, Mapping[str, Any] | str],
             criteria: Mapping[str, Sequence[Mapping[str, Any]]],
             pass_rule: str = "total >= max_total", *,
             derived: Mapping[str, str] | None = None,
             grades: Sequence[tuple[str, float]] = (),
             period: str = "2021-2025") -> dict[str, Any]:
    """A complete set as data. An input given as a string is just its type."""
    data: dict[str, Any] = {
        "format": "learning-models/criteria-set/1",
        "id": "test/built",
        "model": "family",
        "period": period,
        "title": text("Bộ thử", "Test set"),
        "source": {"verified": False},
        "inputs": {k: ({"type": v} if isinstance(v, str) else dict(v))
                   for k, v in inputs.items()},
    }
    if derived:
        data["derived"] = dict(derived)
    data["criteria"] = [{"id": cid, "title": text(f"Tiêu chí {cid}", f"Criterion {cid}"),
                         "indicators": list(inds)} for cid, inds in criteria.items()]
    data["recognition"] = {"pass": pass_rule}
    if grades:
        data["recognition"]["grades"] = [
            {"id": gid, "title": text(gid.upper(), gid.title()), "min": low}
            for gid, low in grades]
    return data


def dump(data: Mapping[str, Any]) -> str:
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False)


def build(data: Mapping[str, Any]) -> lm.CriteriaSet:
    return load_text(dump(data))


def booleans(*names: str) -> dict[str, str]:
    return dict.fromkeys(names, "boolean")
