"""An area's level as its name says it (a city is "Thành phố", not "Huyện/quận")."""

from __future__ import annotations

import pytest

from learning_models._report.levels import level_label
from learning_models._report.report import LABELS

VI = {k: v["vi"] for k, v in LABELS.items()}
EN = {k: v["en"] for k, v in LABELS.items()}


@pytest.mark.parametrize(("name", "level", "expected"), [
    ("Thành phố Bắc Kạn", "district", "Thành phố"), ("Thị xã Sơn Tây", "district", "Thị xã"),
    ("Huyện Ba Bể", "district", "Huyện"), ("Phường Đức Xuân", "commune", "Phường"),
    ("Xã Dương Quang", "commune", "Xã"), ("Thị trấn Chợ Rã", "commune", "Thị trấn"),
    ("Tỉnh Thái Nguyên", "province", "Tỉnh"), ("Tổ dân phố 1", "village", "Tổ dân phố"),
    ("Thôn Nà Cưởm", "village", "Thôn"),
    ("Bắc Kạn", "district", "Huyện/quận"),                 # no kind in the name: generic
    ("Toàn bộ dữ liệu", "all", "Toàn bộ")])
def test_the_level_is_the_kind_the_name_starts_with(name: str, level: str,
                                                    expected: str) -> None:
    assert level_label(name, level, VI, "vi") == expected


def test_an_english_report_keeps_the_generic_level() -> None:
    assert level_label("Thành phố Bắc Kạn", "district", EN, "en") == "District"
