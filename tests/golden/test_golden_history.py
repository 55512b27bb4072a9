"""Golden reports across years: the impact of the 2026–2030 family set on the example city's
2024 data (text, Vietnamese and English), and the review of 2021–2030 after recording the
city's 2024 and 2026 reports (the web page). To accept a change on purpose, run
``pytest tests/golden --update-goldens`` and review the changed files."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_golden_errors import check

from learning_models._cli import main

HERE = Path(__file__).parent / "history"
CITY = HERE.parents[2] / "examples" / "bac-kan-city"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_impact_of_the_new_family_set_reads_exactly(
        lang: str, update_goldens: bool, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", str(CITY / "2024"), "--year", "2024",
                 "--before", "vn/2021-2025/family", "--after", "vn/2026-2030/family",
                 "--targets", "bac-kan-city", "--lang", lang]) == 0
    check(HERE / f"impact-2024.{lang}.txt", capsys.readouterr().out, update_goldens)


@pytest.mark.slow
def test_the_review_of_the_city_reads_exactly(tmp_path: Path, update_goldens: bool) -> None:
    history = tmp_path / "lich-su"
    for year in ("2024", "2026"):
        # 2026: the city's former area needs the 2024 area list to be followed
        earlier = ["--previous", str(CITY / "2024"), "--previous-year", "2024"] \
            if year == "2026" else []
        assert main(["report", str(CITY / year), "--year", year, "--targets", "bac-kan-city",
                     "--out", str(tmp_path / year), "--format", "results", "--quiet",
                     "--history", str(history), *earlier]) == 0
    assert main(["review", "--history", str(history), "--period", "2021-2030",
                 "--targets", "bac-kan-city", "--out", str(tmp_path / "review")]) == 0
    page = (tmp_path / "review" / "danh-gia-2021-2030.html").read_text(encoding="utf-8")
    check(HERE / "danh-gia-2021-2030.html", page, update_goldens)
