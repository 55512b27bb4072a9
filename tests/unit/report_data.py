"""The small hand-made dataset the roll-up and report tests share, and a stand-in for a
plan's targets with the interface of `load_targets` (id, title, targets with milestones).

The data (``tests/golden/report/data``): in 2026 the province of Thái Nguyên (19) with the
wards Đức Xuân (01840: 10 households, 2 clans, 2 communities, 2 units) and Bắc Kạn (01843:
4 households, 1 unit) and the commune 08000 (6 households); villages V1, V2 (Đức Xuân) and
V3 (Bắc Kạn). In 2024 the old city had the wards 01834 and 01837 (merged into 01840 in
2025) and 01843. Every set passes a subject whose ``ok`` is yes (citizens: a self-assessed
score of 70 or more).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import learning_models as lm
from learning_models._evidence.dataset import read_dataset
from learning_models._scoring.pipeline import DatasetEvaluation, evaluate_dataset

HERE = Path(__file__).resolve().parent
REPORT = HERE.parent / "golden" / "report"
DATA = REPORT / "data"
SETS = REPORT / "sets"


@dataclass(frozen=True)
class StandInTarget:
    id: str
    title: lm.Text
    measure: str
    model: str | None
    milestones: dict[int, float]
    source: str | None = None

    def milestone_for(self, year: int) -> tuple[int, float]:
        later = sorted(y for y in self.milestones if y >= year)
        chosen = later[0] if later else max(self.milestones)
        return chosen, self.milestones[chosen]


@dataclass(frozen=True)
class StandInTargets:
    id: str
    title: lm.Text
    targets: tuple[StandInTarget, ...]
    source: str | None = None
    area: dict[str, str] = field(default_factory=dict)


def _target(ident: str, vi: str, en: str, measure: str, model: str | None,
            y2025: float, y2030: float) -> StandInTarget:
    return StandInTarget(ident, lm.Text(vi=vi, en=en), measure, model,
                         {2025: y2025, 2030: y2030})


#: The Bắc Kạn city plan's targets (domain table), as a stand-in.
CITY = StandInTargets("test/city", lm.Text(vi="Kế hoạch thử của thành phố",
                                           en="A test city plan"), (
    _target("families", "Gia đình học tập", "Learning families", "recognised_share",
            "family", 0.90, 0.95),
    _target("clans", "Dòng họ học tập", "Learning clans", "recognised_share", "clan",
            0.90, 0.95),
    _target("communities", "Cộng đồng học tập", "Learning communities", "recognised_share",
            "community", 0.90, 0.95),
    _target("units", "Đơn vị học tập", "Learning units", "recognised_share", "unit",
            0.95, 1.00),
    _target("citizens-households", "Công dân học tập trong gia đình, dòng họ, cộng đồng học tập",
            "Learning citizens in learning families, clans, communities",
            "citizens_in_learning_households", None, 0.55, 0.75),
    _target("citizens-units", "Công dân học tập trong đơn vị học tập",
            "Learning citizens in learning units", "citizens_in_learning_units", None,
            0.80, 0.90),
    _target("centre-managers", "Chủ tịch/Phó Chủ tịch HKH xã quản lý TTHTCĐ",
            "HKH chair or vice-chair manages the community learning centre",
            "reported_share", None, 1.0, 1.0),
), area={"level": "province", "code": "19", "name": "Tỉnh Thái Nguyên"})


def sets() -> dict[str, lm.CriteriaSet]:
    return {p.stem: lm.load_criteria(p) for p in sorted(SETS.glob("*.yaml"))}


def evaluate(year: int, folder: Path | None = None) -> DatasetEvaluation:
    """Evaluate one year of the test data (``data/<year>``) with the test sets."""
    return evaluate_dataset(read_dataset(folder or DATA / str(year)), year=year, sets=sets())
