"""Hook specifications, the plugin manager, and overlays."""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path

import pytest

import learning_models as lm
from learning_models import hookspecs
from learning_models._catalog import Catalog
from learning_models._functions import Function
from learning_models._overlays import Overlay, order_overlays
from learning_models._plugins import (
    collect_functions,
    collect_overlays,
    get_plugin_manager,
    notify,
    plugin_versions,
)
from learning_models.errors import CriteriaError, LearningModelsError, PluginError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = ROOT / "examples" / "family"
EXAMPLE_ID = "examples/family-448"


def _manager(*plugins: tuple[str, object]) -> object:
    from learning_models._builtin_plugins import BUILTIN_PLUGINS

    return get_plugin_manager(entry_points=False, builtins=(*BUILTIN_PLUGINS, *plugins))


def _overlay_file(tmp_path: Path, body: str, name: str = "overlay.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


READING = """\
    format: learning-models/overlay/1
    name: local/reading
    target: examples/family-448
    source: {verified: false, note: a local reading of the plan}
    add:
      inputs:
        reading_club: {type: boolean, label: {vi: Câu lạc bộ đọc sách, en: Reading club}}
      indicators:
        - criterion: C3
          id: C3.9
          title: {vi: Tham gia câu lạc bộ đọc sách, en: Takes part in a reading club}
          points: 5
          when: reading_club
    """


def test_hooks_doc_lists_every_hook_with_its_exact_signature() -> None:
    text = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^### `(learning_models_\w+)(\(.*\) -> .*)`$", text, re.M))
    pm = get_plugin_manager(entry_points=False)
    hook_names = {name for name in dir(pm.hook) if name.startswith("learning_models_")}
    assert set(documented) == hook_names == set(hookspecs.HOOK_NAMES)
    for name, signature in documented.items():
        spec = inspect.signature(getattr(hookspecs, name))
        params = ", ".join(f"{p.name}: {p.annotation}" for p in spec.parameters.values())
        assert signature == f"({params}) -> {spec.return_annotation}", name


def test_plugin_manager_registers_builtins_and_nothing_runs_at_import() -> None:
    pm = get_plugin_manager(entry_points=False)
    names = [name for name, _, _ in plugin_versions(pm)]
    assert names == ["builtin-criteria", "builtin-readers"]


def test_disabling_environment_variable_skips_entry_points(monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    called = []
    monkeypatch.setenv("LEARNING_MODELS_DISABLE_PLUGINS", "1")
    monkeypatch.setattr("pluggy.PluginManager.load_setuptools_entrypoints",
                        lambda self, group: called.append(group))
    get_plugin_manager()
    assert called == []
    monkeypatch.setenv("LEARNING_MODELS_DISABLE_PLUGINS", "")
    get_plugin_manager()
    assert called == ["learning_models"]


def test_misspelt_hook_is_a_plugin_error_naming_the_plugin() -> None:
    class Typo:
        @hookspecs.hookimpl
        def learning_models_overlay(self) -> list[object]:  # missing 's'
            return []

    with pytest.raises(PluginError, match="typo"):
        _manager(("typo", Typo()))


def test_bad_return_is_blamed_on_the_plugin_by_name() -> None:
    class Bad:
        @hookspecs.hookimpl
        def learning_models_overlays(self) -> object:
            return ["not an overlay"]

    pm = _manager(("bad-plugin", Bad()))
    with pytest.raises(PluginError, match=r"plugin 'bad-plugin'.*not Overlay objects"):
        collect_overlays(pm)  # type: ignore[arg-type]


def test_a_failing_hook_is_a_plugin_error_not_a_traceback() -> None:
    class Boom:
        @hookspecs.hookimpl
        def learning_models_after_evaluation(self, evaluation: object) -> None:
            raise RuntimeError("disk full")

    pm = _manager(("boom", Boom()))
    with pytest.raises(PluginError, match=r"plugin 'boom' failed.*disk full"):
        notify(pm, evaluation=None)  # type: ignore[arg-type]


def test_plugin_function_is_usable_in_a_criteria_set_and_evaluates_column_wise(
        tmp_path: Path) -> None:
    import polars as pl

    class Twice:
        @hookspecs.hookimpl
        def learning_models_functions(self) -> list[Function]:
            return [Function("twice", ("number",), "number", lambda x: x * 2)]

    pm = _manager(("twice", Twice()))
    assert "twice" in collect_functions(pm)  # type: ignore[arg-type]
    text = (EXAMPLE_DIR / "family-set.yaml").read_text(encoding="utf-8")
    text = text.replace("when: schooling_share >= 1", "when: twice(schooling_share) >= 2")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    catalog = Catalog.default([tmp_path], plugins=pm, shipped=False)  # type: ignore[arg-type]
    spec = catalog.get(EXAMPLE_ID)
    frame = pl.DataFrame({"id": ["a", "b"], "school_age_children": [2, 2],
                          "children_in_school": [2, 1]})
    results = lm.evaluate(spec, frame)
    assert [r.indicators[0].status for r in results] == ["met", "not_met"]


def test_duplicate_function_name_across_plugins_is_a_plugin_error() -> None:
    class Ratio:
        @hookspecs.hookimpl
        def learning_models_functions(self) -> list[Function]:
            return [Function("ratio", ("number",), "number", lambda x: x)]

    with pytest.raises(PluginError, match="plugin 'shadow'"):
        collect_functions(_manager(("shadow", Ratio())))  # type: ignore[arg-type]


def test_overlay_adds_an_indicator_and_is_recorded_in_provenance(tmp_path: Path) -> None:
    overlay = _overlay_file(tmp_path, READING)
    catalog = Catalog.default([EXAMPLE_DIR], shipped=False, overlays=[overlay])
    spec = catalog.get(EXAMPLE_ID)
    national = Catalog.default([EXAMPLE_DIR], shipped=False).get(EXAMPLE_ID)
    assert spec.max_total == national.max_total + 5
    assert spec.content_hash() != national.content_hash()
    result = lm.evaluate(spec, [{"id": "h", "reading_club": True}], year=2024)[0]
    provenance = result.to_dict()["provenance"]
    assert provenance["overlays"] == [{"name": "local/reading", "plugin": None,
                                       "changes": ["add inputs reading_club",
                                                   "add indicators C3.9"]}]
    assert "overlays" not in lm.evaluate(national, [{"id": "h"}])[0].to_dict()["provenance"]


def test_overlay_offered_by_a_plugin_applies_only_when_named(tmp_path: Path) -> None:
    overlay = Overlay.from_yaml(_overlay_file(tmp_path, READING))

    class Local:
        @hookspecs.hookimpl
        def learning_models_overlays(self) -> list[Overlay]:
            return [overlay]

    pm = _manager(("local", Local()))
    plain = Catalog.default([EXAMPLE_DIR], plugins=pm)  # type: ignore[arg-type]
    assert plain.get(EXAMPLE_ID).overlays == ()
    named = Catalog.default([EXAMPLE_DIR], plugins=pm,  # type: ignore[arg-type]
                            overlays=["local/reading"])
    applied = named.get(EXAMPLE_ID).overlays
    assert [(a.name, a.plugin) for a in applied] == [("local/reading", "local")]
    with pytest.raises(LearningModelsError, match="no overlay named 'nope'; available: "
                                                  "local/reading"):
        Catalog.default(plugins=pm, overlays=["nope"])  # type: ignore[arg-type]


def test_overlay_errors_point_into_the_overlay_file(tmp_path: Path) -> None:
    body = READING.replace("when: reading_club", "when: reading_clubb")
    overlay = _overlay_file(tmp_path, body)
    catalog = Catalog.default([EXAMPLE_DIR], shipped=False, overlays=[overlay])
    with pytest.raises(CriteriaError) as info:
        catalog.get(EXAMPLE_ID)
    (problem,) = info.value.problems
    assert problem.code == "unknown-name"
    assert problem.span is not None and problem.span.file == str(overlay)
    assert (problem.span.line, problem.span.column) == (13, 13)


def _named(name: str, replace_points: int, after: tuple[str, ...] = ()) -> Overlay:
    return Overlay(name, EXAMPLE_ID, {"replace": {"indicators": [{
        "id": "C3.1", "title": {"vi": "Tủ sách", "en": "Bookshelf"},
        "points": replace_points, "when": "study_corner"}]}}, after)


def test_two_overlays_changing_one_indicator_without_order_conflict() -> None:
    with pytest.raises(CriteriaError, match=r"both change indicators 'C3.1'"):
        order_overlays([_named("a", 6), _named("b", 4)])


def test_declared_order_resolves_a_conflict_and_the_later_overlay_wins() -> None:
    ordered = order_overlays([_named("b", 4, after=("a",)), _named("a", 6)])
    assert [o.name for o in ordered] == ["a", "b"]
    catalog = Catalog.default([EXAMPLE_DIR], shipped=False)
    catalog.overlays = tuple(ordered)
    spec = catalog.get(EXAMPLE_ID)
    assert next(i for i in spec.indicators if i.id == "C3.1").points == 4
    assert [a.name for a in spec.overlays] == ["a", "b"]


def test_overlay_cycle_is_an_error() -> None:
    with pytest.raises(CriteriaError, match="each come after the other"):
        order_overlays([_named("a", 6, after=("b",)), _named("b", 4, after=("a",))])


def test_overlay_file_with_unknown_key_is_located(tmp_path: Path) -> None:
    path = _overlay_file(tmp_path, READING.replace("target:", "targt:"))
    with pytest.raises(CriteriaError) as info:
        Overlay.from_yaml(path)
    codes = sorted(p.code for p in info.value.problems)
    assert codes == ["missing-key", "unknown-key"]
