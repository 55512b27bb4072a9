"""The package's shape: stage subpackages, layered one way, with no import cycle.

The layers themselves are import-linter contracts (``pyproject.toml``, run by ``lint-imports``);
these tests keep what a contract cannot say: no module takes part in a cycle, every stage is
a folder, and nothing outside the stages sits at the top but the public modules.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).parents[2] / "src" / "learning_models"
STAGES = ["_documents", "_expressions", "_criteria", "_catalog", "_evidence", "_scoring",
          "_rollup", "_report", "_history", "_runs", "_plugins", "_authoring", "_serve", "_cli"]
TOP = {"__init__.py", "__main__.py", "_publish.py", "_version.py", "_words.py", "errors.py",
       "hookspecs.py"}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("learning_models", cache_dir=None)


def test_no_module_takes_part_in_an_import_cycle(graph: grimp.ImportGraph) -> None:
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            # A package importing its own submodules (its __init__ re-exporting them) is
            # not a cycle unless a submodule imports the package back.
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append(" → ".join((module, *back)))
    assert cycles == []


def test_every_stage_is_a_folder_and_the_top_holds_only_the_public_modules() -> None:
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == sorted(TOP)
    folders = sorted(p.name for p in PACKAGE.iterdir()
                     if p.is_dir() and (p / "__init__.py").exists())
    assert folders == sorted(STAGES)
