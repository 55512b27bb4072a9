"""The data-quality section of a roll-up: what in the data makes a figure doubtful.

Every report starts with it. An issue names where the problem is (file, row or line,
column), what is wrong, and which figures it affects and how:

- ``area_rejected``: a row of the area list that could not be used (no code, a code used
  twice, an unknown level or parent); the subjects that name it are rejected;
- ``area_total_unknown``: an area whose census total could not be read — the area keeps its
  place and its counts, and its denominator (and that of every area above it) is the sum
  over its children when they all have one, else the number of records;
- ``relation_rejected``: a subject rejected because the subject or area it names is not
  there (or was rejected itself);
- ``crosswalk_rejected`` / ``code_corrected``: crosswalk rows and area codes (see
  `area_codes`);
- ``over_total``: a figure with more records than the area's census total — a data problem,
  its rate is not published.

Issues of severity ``error`` make the report incomplete ("Số liệu chưa đầy đủ"), its
command exit 1, and ``--strict`` refuse to write it; ``warning``s (a code corrected) are
shown but change no figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .._criteria import Text

#: The area-list column that holds each model's denominator (as `_rollup_types.TOTAL_OF`).
TOTAL_OF = {"family": "households", "clan": "clans", "community": "communities",
            "unit": "units"}

__all__ = ["TOTAL_OF", "TOTAL_WORDS", "DataQuality", "QualityIssue", "QualityKind", "text_dict"]

QualityKind = Literal["area_rejected", "area_total_unknown", "relation_rejected",
                      "crosswalk_rejected", "code_corrected", "over_total"]
Severity = Literal["error", "warning"]

#: How the area list's totals are named in Vietnamese.
TOTAL_WORDS = {"households": "số hộ gia đình", "clans": "số dòng họ",
               "communities": "số thôn, tổ dân phố", "units": "số đơn vị",
               "higher_units": "số đơn vị cấp huyện, tỉnh",
               "workers": "số người lao động", "staff": "số cán bộ"}


@dataclass(frozen=True, slots=True)
class QualityIssue:
    """One problem of the data, where it is and what it affects."""

    kind: QualityKind
    severity: Severity
    file: str | None
    row: int | None
    line: int | None
    column: str | None
    record: str | None
    message: Text                 # what is wrong
    affects: Text                 # which figures it changes, and how
    areas: tuple[str, ...] = ()   # the codes of the areas whose figures it touches
    models: tuple[str, ...] = ()  # the models whose figures there it touches (none: all)

    @property
    def place(self) -> str:
        """``areas.csv:79 (households)``: the file's name, the line (or row), the column."""
        name = Path(self.file).name if self.file else ""
        where = f"{name}:{self.line}" if self.line else \
            f"{name} #{self.row}" if self.row else name
        return f"{where} ({self.column})" if self.column else where

    def text(self, lang: Literal["vi", "en"]) -> str:
        """The issue as one line of a report."""
        head = f"{self.place}: " if self.place else ""
        return f"{head}{self.message.get(lang)} — {self.affects.get(lang)}"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "severity": self.severity, "file": self.file,
                "row": self.row, "line": self.line, "column": self.column,
                "record": self.record, "message": text_dict(self.message),
                "affects": text_dict(self.affects), "areas": list(self.areas),
                "models": list(self.models)}


@dataclass(frozen=True)
class DataQuality:
    """Every data-quality issue of a roll-up, errors first, then by file and row."""

    issues: tuple[QualityIssue, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether no issue makes a figure doubtful (warnings aside)."""
        return not any(i.severity == "error" for i in self.issues)

    @property
    def warnings(self) -> tuple[QualityIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "warning")

    def to_dict(self) -> dict[str, Any]:
        return {"complete": self.complete, "issues": [i.to_dict() for i in self.issues]}


def text_dict(text: Text) -> dict[str, str]:
    return {"en": text.en, "vi": text.vi}
