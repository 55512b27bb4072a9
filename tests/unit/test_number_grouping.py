"""Numbers a person reads are grouped as the language groups thousands: 34.008 in
Vietnamese, 34,008 in English (the evaluate command's summary; the report command's lines
use `Report.number`, the same function)."""

from __future__ import annotations

from learning_models._cli.evaluate_text import counts_sentence as summary
from learning_models._report import format_number

COUNTS = {"recognised": 10516, "not_recognised": 484, "incomplete": 8, "rejected": 1200}


def test_the_evaluate_summary_groups_thousands_in_vietnamese() -> None:
    assert summary(COUNTS, "vi") == ("11.008 hồ sơ đã đánh giá: 10.516 đạt, 484 không đạt, "
                                      "8 chưa đủ minh chứng; 1.200 hồ sơ bị từ chối")


def test_the_evaluate_summary_groups_thousands_in_english() -> None:
    assert summary(COUNTS, "en") == ("11,008 evaluated: 10,516 recognised, 484 not "
                                      "recognised, 8 incomplete; 1,200 records rejected")


def test_a_number_is_grouped_and_a_fraction_keeps_its_comma() -> None:
    assert (format_number(1669074, "vi"), format_number(80.5, "vi")) == ("1.669.074", "80,5")
