"""Hypothesis strategies for hostile inputs: documents (criteria sets, overlays, targets,
test cases) mutated from real ones, and evidence records full of values that are not data.

Documents are mutated as text — a fragment cut, a fragment repeated, a hostile scalar put
in place of a value, an anchor and aliases added — so most inputs stay close enough to
valid to reach the later stages (schema, compile, resolve), not only the YAML parser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).parents[2]
CRITERIA = ROOT / "criteria"

SEEDS: dict[str, str] = {
    "criteria-set": (ROOT / "examples" / "family" / "family-set.yaml").read_text("utf-8"),
    "overlay": (ROOT / "plugins" / "learning-models-bac-kan" / "src" / "learning_models_bac_kan"
                / "overlays" / "family.yaml").read_text("utf-8"),
    "targets": (CRITERIA / "targets" / "bac-kan-city.yaml").read_text("utf-8"),
    "test-cases": (CRITERIA / "vn" / "2021-2025" / "family.test.yaml").read_text("utf-8"),
}

#: Scalars that are not data, or that push a limit: as YAML would spell them.
HOSTILE_SCALARS = [
    "9" * 400, "9" * 5000, "-" + "9" * 30, "1e400", "-.inf", ".nan", '"\\ud800"',
    '"\\udfff x"', "0x7fffffffffffffff", "9223372036854775808", "-9223372036854775809",
    "!!binary aGVsbG8=", "!!python/object:os.system x", "&a [*a]", "*nowhere", "{}", "[]",
    "null", "~", "''", '"=1+2"', '"@SUM(A1)"', "'\u0000'", "2024-13-45", "10:30", "yes",
    '"' + "x" * 20_000 + '"', "[" * 70 + "]" * 70, "a" * 5000, "\t", '"\\x00"',
]
_VALUE = re.compile(r"(?<=: )[^\n#{}\[\],]+")


@st.composite
def mutated_document(draw: st.DrawFn, kind: str) -> str:
    """One of the seed documents of `kind`, changed one to three times."""
    text = SEEDS[kind]
    for _ in range(draw(st.integers(1, 3))):
        text = draw(st.sampled_from([_replace_value, _cut, _repeat, _insert, _alias]))(
            draw, text)
    return text


def _replace_value(draw: st.DrawFn, text: str) -> str:
    spots = list(_VALUE.finditer(text))
    if not spots:
        return text
    spot = draw(st.sampled_from(spots))
    value = draw(st.sampled_from(HOSTILE_SCALARS) | st.integers().map(str)
                 | st.text(max_size=12).map(lambda t: '"' + t.encode("unicode_escape")
                                            .decode("ascii").replace('"', '\\"') + '"'))
    return text[:spot.start()] + value + text[spot.end():]


def _cut(draw: st.DrawFn, text: str) -> str:
    start = draw(st.integers(0, max(0, len(text) - 1)))
    return text[:start] + text[start + draw(st.integers(1, 200)):]


def _repeat(draw: st.DrawFn, text: str) -> str:
    start = draw(st.integers(0, max(0, len(text) - 1)))
    piece = text[start:start + draw(st.integers(1, 300))]
    return text[:start] + piece * draw(st.integers(2, 4)) + text[start:]


def _insert(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    piece = draw(st.sampled_from(["\n", ":", " - ", "{", "[", "'", '"', "&x ", "*x", "!!",
                                  "\t", "\ufeff", "\x85", "\u2028", "#", "%YAML 1.1\n"])
                 | st.text(max_size=4))
    return text[:at] + piece + text[at:]


def _alias(draw: st.DrawFn, text: str) -> str:
    spots = list(_VALUE.finditer(text))
    if len(spots) < 2:
        return text
    first, second = sorted(draw(st.lists(st.sampled_from(spots), min_size=2, max_size=2,
                                         unique_by=lambda m: m.start())),
                           key=lambda m: m.start())
    return (text[:first.start()] + "&v " + text[first.start():second.start()] + "*v"
            + text[second.end():])


# --- evidence ---------------------------------------------------------------------------------

FAMILY_INPUTS = ["school_age_children", "children_in_school", "children_results_ok", "adults",
                 "adults_learning", "study_corner", "income", "cultural_family", "name"]

hostile_values: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([10**400, -(10**5000), 2**63, -(2**63) - 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["\ud800", "x\udfff", "=1+2", "+1", "-1", "@A1", "có", "không", "stable",
                     "higher", "2.0", "1e1", " 3 ", "", "\u0000", "#1"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(),
                                                         max_size=1),
)


@st.composite
def records(draw: st.DrawFn, max_size: int = 8) -> list[Any]:
    """Records of the family set, with hostile values, keys and ids (and now and then a
    record that is not a mapping)."""
    out: list[Any] = []
    for k in range(draw(st.integers(0, max_size))):
        if draw(st.integers(0, 20)) == 0:
            out.append(draw(st.one_of(st.integers(), st.text(max_size=3), st.none())))
            continue
        keys = draw(st.lists(st.sampled_from(FAMILY_INPUTS), unique=True, max_size=5))
        record: dict[Any, Any] = {"id": draw(st.sampled_from([f"H{k}", f"H{k}", "H0", "\ud800",
                                                             "", "=H", 7, None]))}
        for key in keys:
            record[key] = draw(hostile_values)
        if draw(st.integers(0, 10)) == 0:
            record[draw(st.sampled_from(["bogus", "_row", "\udc80", "Adults"]))] = 1
        out.append(record)
    return out
