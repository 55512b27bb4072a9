"""``import learning_models`` loads no stage: each public name imports its stage on first use.

What a fresh interpreter has loaded is only visible in a fresh interpreter, so these tests
run one (`subprocess`) and read `sys.modules` there. No timing: what is imported is the
cause, and it can be checked exactly.
"""

from __future__ import annotations

import ast
import importlib
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._publish import STAGES, home

INIT = Path(lm.__file__)
HEAVY = ["polars", "pydantic", "yaml", "jsonschema", "pluggy", "xlsxwriter", "openpyxl"]


def loaded_after(code: str) -> list[str]:
    """The modules of this package and the heavy dependencies a fresh interpreter has
    loaded after running ``code``."""
    roots = ("learning_models", *HEAVY)
    report = ("import json, sys; print(json.dumps(sorted(m for m in sys.modules "
              f"if m.split('.')[0] in {roots!r})))")
    out = subprocess.run([sys.executable, "-c", f"{code}\n{report}"], check=True,
                         capture_output=True, text=True).stdout
    return list(json.loads(out))


def test_importing_the_package_loads_no_stage_and_no_heavy_dependency() -> None:
    assert loaded_after("import learning_models") == [
        "learning_models", "learning_models._publish", "learning_models._version"]


def test_the_errors_module_loads_without_polars_and_its_errors_say_they_are_public() -> None:
    loaded = loaded_after("import learning_models.errors as e\n"
                          "assert e.CriteriaError.__module__ == 'learning_models'")
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []


def test_using_a_name_loads_its_stage_and_the_stages_below_not_those_above() -> None:
    loaded = loaded_after("import learning_models as lm\nlm.load_yaml")
    assert "learning_models._documents" in loaded
    assert {"learning_models._criteria", "learning_models._scoring",
            "learning_models._report", "learning_models._history"}.isdisjoint(loaded)


def test_a_stage_reached_by_its_private_path_publishes_its_names() -> None:
    loaded_after("from learning_models._scoring import Evaluation, evaluate\n"
                 "from learning_models._criteria import CriteriaSet\n"
                 "assert Evaluation.__module__ == 'learning_models'\n"
                 "assert evaluate.__module__ == 'learning_models'\n"
                 "assert CriteriaSet.__module__ == 'learning_models'")


def test_from_import_and_unpickling_in_a_fresh_interpreter_load_the_stage_asked_for() -> None:
    objects = [lm.Evaluation, lm.evaluate, lm.Rollup, lm.Span("a.yaml", 3, 7),
               lm.Problem("unknown-name", "unknown input 'x'", lm.Span("a.yaml", 3, 7))]
    data = pickle.dumps(objects)
    code = (f"import pickle\nobjects = pickle.loads({data!r})\n"
            "from learning_models import Evaluation, Rollup, Span, evaluate\n"
            "assert objects[:3] == [Evaluation, evaluate, Rollup]\n"
            "assert objects[3] == Span('a.yaml', 3, 7) and objects[4].span == objects[3]")
    assert "learning_models._rollup" in loaded_after(code)


def _type_checking_imports() -> dict[str, tuple[str, ...]]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If)
                 and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
    return {str(node.module): tuple(alias.name for alias in node.names)
            for node in block.body if isinstance(node, ast.ImportFrom)}


def test_the_imports_type_checkers_see_are_the_names_resolved_at_run_time() -> None:
    assert _type_checking_imports() == dict(STAGES)


def test_the_stages_names_and_the_version_are_exactly_all() -> None:
    names = [name for names in STAGES.values() for name in names]
    assert sorted([*names, "__version__"]) == sorted(lm.__all__)
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name", [n for n in lm.__all__ if n != "__version__"])
def test_every_public_name_is_the_object_its_stage_exports(name: str) -> None:
    module = home(name)
    assert module is not None
    assert getattr(lm, name) is getattr(importlib.import_module(module), name)


def test_dir_lists_every_public_name_before_it_is_used() -> None:
    assert set(lm.__all__) <= set(dir(lm))


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="'evalute'"):
        lm.evalute  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(lm, "publish_stage")
