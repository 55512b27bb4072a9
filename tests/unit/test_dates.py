"""A crosswalk's date: a date cell or dd/mm/yyyy text, read as ISO; anything else refused
with where it is (never read as "no date")."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import xlsxwriter

import learning_models as lm
from learning_models._evidence.dataset import read_dataset
from learning_models._evidence.dates import iso_date

FAMILY = "id,area\nF1,01840\n"
AREAS = "code,name,level,parent\n01840,Phường Đức Xuân,commune,\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("01/07/2025", "2025-07-01"), ("1/7/2025", "2025-07-01"), (" 31/12/2024 ", "2024-12-31"),
    ("2025-07-01", "2025-07-01"), ("2025-07-01 00:00:00", "2025-07-01"),
    ("2025-07-01T00:00:00", "2025-07-01"),
    ("31/02/2025", None), ("07/01/25", None), ("1.7.2025", None), ("2025", None),
    ("ngày 1 tháng 7", None), ("2025-13-01", None)])
def test_a_date_is_a_date_cell_or_day_month_year(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected


def folder(tmp_path: Path, since: str) -> Path:
    (tmp_path / "family.csv").write_text(FAMILY, encoding="utf-8")
    (tmp_path / "areas.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "crosswalk.csv").write_text(f"old_code,new_code,since\n01834,01840,{since}\n",
                                            encoding="utf-8")
    return tmp_path


def test_a_csv_crosswalk_reads_a_typed_date(tmp_path: Path) -> None:
    walk = read_dataset(folder(tmp_path, "01/07/2025")).crosswalk
    assert walk is not None and walk["since"].to_list() == ["2025-07-01"]


def test_a_csv_crosswalk_refuses_what_is_not_a_date_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(lm.EvidenceError) as caught:
        read_dataset(folder(tmp_path, "1/7"))
    [problem] = caught.value.problems
    assert problem.message.endswith("crosswalk.csv:2: '1/7' in 'since' is not a date")
    assert problem.hint == "write a date cell, or the date as dd/mm/yyyy: 01/07/2025"


def workbook(path: Path, since: object) -> Path:
    book = xlsxwriter.Workbook(str(path))
    family = book.add_worksheet("Gia đình")
    family.write_row(0, 0, ["Mã", "Địa bàn"])
    family.write_row(1, 0, ["F1", "01840"])
    walk = book.add_worksheet("Chuyển đổi địa bàn")
    walk.write_row(0, 0, ["old_code", "new_code", "since"])
    walk.write_row(1, 0, ["01834", "01840"])
    if isinstance(since, datetime.date):
        walk.write_datetime(1, 2, datetime.datetime.combine(since, datetime.time()),
                            book.add_format({"num_format": "dd/mm/yyyy"}))
    else:
        walk.write_string(1, 2, str(since))
    book.close()
    return path


@pytest.mark.parametrize("since", [datetime.date(2025, 7, 1), "01/07/2025", "2025-07-01"])
def test_a_workbook_crosswalk_reads_date_cells_and_typed_dates(tmp_path: Path,
                                                               since: object) -> None:
    walk = lm.read_workbook(workbook(tmp_path / "b.xlsx", since)).crosswalk
    assert walk is not None and walk["since"].to_list() == ["2025-07-01"]


def test_a_workbook_crosswalk_refuses_what_is_not_a_date_with_its_cell(tmp_path: Path) -> None:
    with pytest.raises(lm.EvidenceError) as caught:
        lm.read_workbook(workbook(tmp_path / "b.xlsx", "tháng 7/2025"))
    [problem] = caught.value.problems
    assert problem.message.endswith("b.xlsx [Chuyển đổi địa bàn]:2: 'tháng 7/2025' in "
                                    "'since' is not a date (column C 'since')")
