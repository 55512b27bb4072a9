"""The public API is what `__all__` says, and every problem code is documented."""

from __future__ import annotations

import inspect
import re
import typing
from pathlib import Path

import pytest

import learning_models as lm
from learning_models import errors

DOC = Path(__file__).parents[2] / "docs" / "errors.md"
CODES = typing.get_args(errors.ProblemCode)
DOC_TABLE_CODE = re.compile(r"^\| `([a-z0-9-]+)` \|", re.MULTILINE)

# Codes the library defines that docs/errors.md does not list yet (a documentation bug).
UNDOCUMENTED: set[str] = set()


def documented_codes() -> list[str]:
    return DOC_TABLE_CODE.findall(DOC.read_text(encoding="utf-8"))


def test_every_name_in_all_exists() -> None:
    missing = [name for name in lm.__all__ if not hasattr(lm, name)]
    assert missing == []


def test_all_is_sorted_and_has_no_duplicates() -> None:
    assert list(lm.__all__) == sorted(set(lm.__all__))


def test_all_exports_nothing_private() -> None:
    private = [n for n in lm.__all__ if n.startswith("_") and not (n.startswith("__")
                                                                    and n.endswith("__"))]
    assert private == []


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from learning_models import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(lm.__all__)


def test_the_main_entry_points_are_public() -> None:
    for name in ("load_criteria", "evaluate", "read_evidence", "validate_criteria",
                 "compile_criteria", "CriteriaError", "EvidenceError", "Evaluations"):
        assert name in lm.__all__


def test_errors_all_is_honest() -> None:
    assert all(hasattr(errors, name) for name in errors.__all__)
    assert list(errors.__all__) == sorted(errors.__all__)


def test_problem_codes_are_unique_kebab_case() -> None:
    assert len(CODES) == len(set(CODES))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in CODES)


@pytest.mark.parametrize("code", [
    pytest.param(code, marks=pytest.mark.xfail(
        strict=True, reason="docs/errors.md has no row for this code")) if code in UNDOCUMENTED
    else code
    for code in CODES])
def test_every_problem_code_is_documented(code: str) -> None:
    assert code in documented_codes()


def test_every_documented_code_exists_once() -> None:
    documented = documented_codes()
    assert len(documented) == len(set(documented))
    assert [c for c in documented if c not in CODES] == []
    assert len(documented) >= 30  # the tables were read


def test_the_undocumented_list_names_only_real_codes() -> None:
    assert UNDOCUMENTED <= set(CODES)


# --- what the plugin documentation tells authors to import is public ---------------------

PLUGIN_DOCS = [DOC.parent / "plugins.md", DOC.parent / "hooks.md"]
PRIVATE_MODULE = re.compile(r"learning_models\._[a-z]\w*")
FROM_IMPORT = re.compile(r"^from (learning_models(?:\.\w+)*) import ([\w, ]+)$", re.MULTILINE)


@pytest.mark.parametrize("doc", PLUGIN_DOCS, ids=lambda p: p.name)
def test_the_plugin_docs_name_no_private_module(doc: Path) -> None:
    assert PRIVATE_MODULE.findall(doc.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("doc", PLUGIN_DOCS, ids=lambda p: p.name)
def test_every_name_the_plugin_docs_import_is_public(doc: Path) -> None:
    imports = FROM_IMPORT.findall(doc.read_text(encoding="utf-8"))
    found = []
    for module, names in imports:
        public = lm.__all__ if module == "learning_models" else \
            __import__(module, fromlist=["__all__"]).__all__
        found += [(module, name.strip()) for name in names.split(",")
                  if name.strip() not in public]
    assert found == []


def test_a_plugin_builds_its_expression_function_from_the_public_api() -> None:
    twice = lm.Function("twice", ("number",), "number", lambda x: x * 2)
    assert "Function" in lm.__all__
    assert "twice" in lm.Catalog.default(shipped=False).functions.with_function(twice)


API_DOC = Path(__file__).parents[2] / "docs" / "api.md"
API_LINE = re.compile(r"^- `([A-Za-z_][A-Za-z0-9_]*)` — \S", re.MULTILINE)
PUBLIC_OBJECTS = [n for n in lm.__all__ if n != "__version__"]


def test_docs_api_lists_exactly_the_public_names_once() -> None:
    listed = API_LINE.findall(API_DOC.read_text(encoding="utf-8"))
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(lm.__all__)


@pytest.mark.parametrize("name", [n for n in PUBLIC_OBJECTS
                                  if inspect.isclass(getattr(lm, n))
                                  or inspect.isfunction(getattr(lm, n))])
def test_every_public_object_says_it_is_learning_models_and_is_documented(name: str) -> None:
    obj = getattr(lm, name)
    assert obj.__module__ == "learning_models"
    doc = inspect.getdoc(obj) or ""
    assert doc and not doc.startswith(f"{name}("), "written, not the dataclass default"


@pytest.mark.parametrize("name", PUBLIC_OBJECTS)
def test_type_hints_resolve_on_every_public_object(name: str) -> None:
    obj = getattr(lm, name)
    if inspect.isclass(obj) or inspect.isfunction(obj):
        typing.get_type_hints(obj)
    for attr, member in vars(obj).items() if inspect.isclass(obj) else ():
        if isinstance(member, property) and not attr.startswith("_"):
            typing.get_type_hints(member.fget)
        elif inspect.isfunction(member) and not attr.startswith("_") \
                and member.__module__.startswith("learning_models"):
            typing.get_type_hints(member)


def _our_types(hint: object, found: set[type]) -> set[type]:
    if isinstance(hint, type) and hint.__module__.startswith("learning_models"):
        found.add(hint)
    for arg in typing.get_args(hint):
        _our_types(arg, found)
    return found


# A compiled program's fields are the expression IR: inspectable, but not an API to build on.
IR_OWNERS = {"Program", "CompiledIndicator"}


@pytest.mark.parametrize("name", [n for n in PUBLIC_OBJECTS if n not in IR_OWNERS])
def test_types_in_public_signatures_are_public(name: str) -> None:
    obj = getattr(lm, name)
    if not (inspect.isclass(obj) or inspect.isfunction(obj)):
        return
    members = [obj] + ([m.fget if isinstance(m, property) else m
                        for a, m in vars(obj).items() if not a.startswith("_")
                        and (isinstance(m, property) or (inspect.isfunction(m)
                             and m.__module__.startswith("learning_models")))]
                       if inspect.isclass(obj) else [])
    found: set[type] = set()
    for member in members:
        for hint in typing.get_type_hints(member).values():
            _our_types(hint, found)
    hidden = sorted(t.__qualname__ for t in found if getattr(lm, t.__name__, None) is not t
                    and t.__module__ != "learning_models.errors")
    assert hidden == []


REPORT_TREE = [lm.Report, lm.SetUsed, lm.OverlayUsed, lm.SourceNotice, lm.LetterheadUsed,
               lm.AreaSummary,
               lm.Figure, lm.ModelTable, lm.ModelRow, lm.CommuneList, lm.ListEntry]


@pytest.mark.parametrize("kind", REPORT_TREE, ids=lambda k: k.__name__)
def test_the_report_a_writer_receives_is_plain_frozen_data_shown_in_hooks_md(kind: type) -> None:
    import dataclasses

    text = (DOC.parent / "hooks.md").read_text(encoding="utf-8")
    assert dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
    missing = [f.name for f in dataclasses.fields(kind) if not re.search(rf"\b{f.name}\b", text)]
    assert kind.__name__ in text and missing == []
