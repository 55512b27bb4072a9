"""Hardening (issue 18, case 11): every data row of a workbook sheet is evaluated or rejected
with its reason. Only the template's explanation row — the one row right below the header,
its first cell ``# …`` — is skipped; rows whose id starts with ``#`` are data."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import learning_models as lm


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "family"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_rows_starting_with_a_hash_below_the_header_are_data(tmp_path: Path) -> None:
    path = workbook(tmp_path / "b.xlsx", [["id", "adults"], ["#1", 2], ["#2", 3], ["H3", 1],
                                          ["H4", 1]])
    family = lm.read_workbook(path).tables["family"].frame
    assert family["id"].to_list() == ["#1", "#2", "H3", "H4"]
    assert family["_row"].to_list() == [2, 3, 4, 5]


def test_only_one_explanation_row_is_skipped(tmp_path: Path) -> None:
    path = workbook(tmp_path / "b.xlsx", [["id", "adults"], ["# mã hộ", "# số người lớn"],
                                          ["# 2", 2], ["H3", 1]])
    family = lm.read_workbook(path).tables["family"].frame
    assert family["id"].to_list() == ["# 2", "H3"]
    assert family["_row"].to_list() == [3, 4]


def test_a_workbook_of_four_households_evaluates_or_rejects_all_four(tmp_path: Path) -> None:
    path = workbook(tmp_path / "b.xlsx", [["id", "community", "adults"], ["#HH-1", "V1", 2],
                                          ["#HH-2", "V1", 2], ["HH-3", "V1", 2],
                                          ["HH-4", "V1", "two"]])
    year = lm.evaluate_dataset(lm.read_workbook(path), year=2024)
    evaluated = [r.subject for r in year.results["family"]]
    rejected = [e.record for e in year.errors]
    assert sorted(evaluated + rejected) == ["#HH-1", "#HH-2", "HH-3", "HH-4"]
    assert rejected == ["HH-4"]
