"""A criteria set cannot change once built: what an evaluation records as its content hash
is what it applied."""

from __future__ import annotations

from pathlib import Path

import pytest

import learning_models as lm

EXAMPLE = Path(__file__).parents[2] / "examples" / "family" / "family-set.yaml"


@pytest.fixture(scope="module")
def spec() -> lm.CriteriaSet:
    return lm.Catalog.default().get("vn/2021-2025/family")


def test_a_catalogued_sets_inputs_and_derived_values_cannot_be_changed(
        spec: lm.CriteriaSet) -> None:
    name = next(iter(spec.inputs))
    with pytest.raises(TypeError):
        spec.inputs[name] = spec.inputs[name]  # type: ignore[index]
    with pytest.raises(TypeError):
        spec.derived["extra"] = "1"  # type: ignore[index]


def test_a_sets_fields_cannot_be_reassigned(spec: lm.CriteriaSet) -> None:
    with pytest.raises(ValueError, match="frozen"):
        spec.period = "2021-2030"  # type: ignore[misc]
    with pytest.raises(ValueError, match="frozen"):
        spec.criteria[0].indicators[0].points = 0  # type: ignore[misc]


def test_the_content_hash_recorded_by_an_evaluation_is_the_sets_hash_after_any_attempt(
        spec: lm.CriteriaSet) -> None:
    before = spec.content_hash()
    with pytest.raises((TypeError, AttributeError)):
        spec.inputs.clear()  # type: ignore[attr-defined]
    result = lm.evaluate(spec, [{"id": "H-1"}], year=2024)[0]
    assert spec.content_hash() == before == result.provenance.content_hash


def test_equal_sets_hash_alike_and_can_be_dictionary_keys() -> None:
    one, other = lm.load_criteria(EXAMPLE), lm.load_criteria(EXAMPLE)
    assert one is not other and one == other and hash(one) == hash(other)
    assert {one: "a"}[other] == "a"


def test_the_catalogue_gives_the_compiled_set_it_evaluates_with(spec: lm.CriteriaSet) -> None:
    catalog = lm.Catalog.default()
    program = catalog.program("vn/2021-2025/family")
    assert isinstance(program, lm.Program) and program.spec == spec
    assert program is catalog.program("vn/2021-2025/family")
    assert lm.evaluate(program, [{"id": "H-1"}], year=2024)[0].provenance.content_hash == \
        spec.content_hash()


def test_the_source_map_and_overlays_are_not_part_of_the_meaning(spec: lm.CriteriaSet) -> None:
    data = spec.canonical()
    assert "source_map" not in data and "overlays" not in data and "functions" not in data
    assert spec.source_map is not None
