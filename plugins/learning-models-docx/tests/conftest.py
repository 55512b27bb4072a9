"""A small dataset of Bắc Kạn city (two wards, five families) and its 2024 report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import learning_models as lm

AREAS = """\
code,name,level,parent,households
058,Thành phố Bắc Kạn,district,,8
01840,Phường Đức Xuân,commune,058,4
01843,Phường Phùng Chí Kiên,commune,058,4
"""
FAMILIES = """\
id,name,area,school_age_children,children_in_school,children_results_ok,children_conduct_ok,\
adults,adults_literate,adults_learning,learning_citizens,study_corner,study_fund,\
internet_device,income,cultural_family
H-1,Gia đình ông Hoàng Văn Thụ,01840,1,1,có,có,2,2,2,1,có,có,có,stable,có
H-2,Gia đình bà Nông Thị Xuân,01840,0,0,,,2,2,2,2,có,có,có,higher,có
H-3,Gia đình ông Lường Văn Hải,01840,2,2,có,có,2,2,1,0,không,có,có,stable,có
H-4,Gia đình ông Ma Văn Đức,01843,1,1,có,có,2,2,2,1,có,có,có,stable,có
H-5,Gia đình bà Triệu Thị Mai,01843,1,0,có,có,2,1,0,0,không,không,có,lower,không
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-goldens`` when these tests run on their own (from the repository, its top
    ``conftest.py`` gives it already: one option for every folder)."""
    try:
        parser.addoption("--update-goldens", action="store_true", default=False,
                         help="rewrite the golden files from the current output")
    except ValueError:
        pass


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bac-kan-2024")
    (folder / "areas.csv").write_text(AREAS, encoding="utf-8")
    (folder / "family.csv").write_text(FAMILIES, encoding="utf-8")
    return folder


def _build(dataset_dir: Path, *, lang: str = "vi", catalog: lm.Catalog | None = None,
           ) -> lm.Report:
    evaluation = lm.evaluate_dataset(lm.read_dataset(dataset_dir), year=2024,
                                     catalog=catalog or lm.Catalog.default())
    targets = lm.load_targets("bac-kan-city")
    return lm.build_report(evaluation, lm.rollup(evaluation, targets),
                           lang=lang, targets=targets)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def build() -> Callable[..., lm.Report]:
    """Build the report of a dataset folder: ``build(folder, lang=..., catalog=...)``."""
    return _build


@pytest.fixture(scope="session")
def report(dataset_dir: Path) -> lm.Report:
    return _build(dataset_dir)
