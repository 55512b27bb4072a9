"""The promises the fuzz suite checks, one function per family of inputs.

Each check takes one generated input and a scratch folder, runs it through the public API
(or the command line, in process), and fails only when a promise is broken:

* no exception outside ``learning_models.errors`` (a traceback is a failure);
* every input record is evaluated or rejected with its reason (none lost, none twice);
* the command line exits 0 or 1 (as documented), never with a traceback.

Time and memory per input are measured by the campaign (`__main__`), not asserted here.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import polars as pl

import learning_models as lm
from learning_models._cli import main

from .strategies import ROOT

FAMILY_SET = ROOT / "examples" / "family" / "family-set.yaml"
AREAS = ROOT / "examples" / "bac-kan-city" / "2024" / "areas.csv"
_SET: list[lm.CriteriaSet] = []


def family_set() -> lm.CriteriaSet:
    if not _SET:
        _SET.append(lm.load_criteria(FAMILY_SET))
    return _SET[0]


def run_cli(*argv: str) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    # As documented (docs/errors.md): 0 all well, 1 records or files rejected (the output
    # complete), 3 nothing could be produced; never 2 (the command line is right) or a crash.
    assert status in (0, 1, 3), (status, err.getvalue()[-500:])
    assert "Traceback" not in err.getvalue(), err.getvalue()[-2000:]
    return status


# --- documents --------------------------------------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def check_criteria_set(text: str, folder: Path) -> None:
    path = _write(folder, "set.yaml", text)
    try:
        spec = lm.load_criteria(path)
    except lm.LearningModelsError:
        return
    lm.lint_set(spec)
    results = lm.evaluate(spec, [{"id": "A"}, {"id": "B", "adults": 2}])
    assert len(results) + len({e.row for e in results.errors}) == 2


def check_overlay(text: str, folder: Path) -> None:
    path = _write(folder, "overlay.yaml", text)
    run_cli("show", "vn/2021-2025/family", "--resolved", "--overlay", str(path))


def check_targets(text: str, folder: Path) -> None:
    path = _write(folder, "targets.yaml", text)
    with contextlib.suppress(lm.LearningModelsError):
        lm.load_targets(path)


def check_test_cases(text: str, folder: Path) -> None:
    path = _write(folder, "family.test.yaml", text)
    try:
        cases = lm.load_cases(path)
    except lm.LearningModelsError:
        return
    if cases.cases:
        lm.run_cases([path])


# --- evidence ---------------------------------------------------------------------------------


def _accounted(results: lm.Evaluations, read_errors: Sequence[lm.RecordError],
               expected: int) -> None:
    rejected = {e.row for e in [*read_errors, *results.errors]}
    evaluated = len(results)
    assert evaluated + len(rejected) == expected, (evaluated, sorted(rejected), expected)


def check_python_records(records: list[Any], folder: Path) -> None:
    del folder
    results = lm.evaluate(family_set(), records, year=2024)
    _accounted(results, (), len(records))
    json.dumps([r.to_dict() for r in results], ensure_ascii=False).encode("utf-8")
    json.dumps([e.to_dict() for e in results.errors], ensure_ascii=False).encode("utf-8")


def _from_file(path: Path, expected: int) -> None:
    try:
        frame, errors = lm.read_evidence(path)
    except lm.EvidenceError:
        return  # the whole file refused, located: allowed
    results = lm.evaluate(family_set(), frame, year=2024, file=str(path))
    _accounted(results, errors, expected)


_HUGE = 10**4000


def _json(records: list[Any]) -> str:
    """`records` as JSON text; integers beyond Python's conversion limit as 5,000 digits
    (json.dumps cannot write them)."""
    def swap(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _HUGE:
            return "__huge__"
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    return json.dumps([swap(r) for r in records], default=str).replace('"__huge__"', "9" * 5000)


def check_json(records: list[Any], folder: Path) -> None:
    path = folder / "households.json"
    path.write_text(_json(records), encoding="utf-8")
    _from_file(path, len(records))


def check_yaml(records: list[Any], folder: Path) -> None:
    path = folder / "households.yaml"
    path.write_text(_json(records), encoding="utf-8")  # JSON is YAML
    _from_file(path, len(records))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**300:
        return "9" * 301
    return str(value)


def _rows(records: list[Any]) -> tuple[list[str], list[list[str]]]:
    header = ["id", *sorted({k for r in records if isinstance(r, dict) for k in r
                             if isinstance(k, str) and k != "id"})]
    rows = [[_cell(r.get(c)) for c in header] for r in records if isinstance(r, dict)]
    return header, [row for row in rows if any(cell.strip() for cell in row)]


def check_csv(records: list[Any], folder: Path) -> None:
    # Every cell quoted: unquoted, a lone carriage return in a cell is a line break (as
    # Excel reads it), and the file would have more rows than the records.
    header, rows = _rows(records)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([header, *rows])
    path = folder / "households.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    _from_file(path, len(rows))


def _text_rows(records: list[Any]) -> tuple[list[str], list[list[str]]]:
    """`_rows` without what a Polars table or a workbook cannot hold: text that is not
    UTF-8 (columns so named, rows with such a value)."""
    header, rows = _rows(records)
    keep = [k for k, name in enumerate(header) if _encodable([name])]
    header = [header[k] for k in keep]
    rows = [[row[k] for k in keep] for row in rows if _encodable(row)]
    return header, [row for row in rows if any(cell.strip() for cell in row)]


def _frame(records: list[Any]) -> pl.DataFrame:
    """The records as a table of text."""
    header, rows = _text_rows(records)
    return pl.DataFrame([dict(zip(header, row, strict=True)) for row in rows],
                        schema=dict.fromkeys(header, pl.String)) if rows else \
        pl.DataFrame(schema={"id": pl.String})


def check_frame(records: list[Any], folder: Path) -> None:
    del folder
    frame = _frame(records)
    results = lm.evaluate(family_set(), frame, year=2024)
    _accounted(results, (), frame.height)


def check_parquet(records: list[Any], folder: Path) -> None:
    frame = _frame(records)
    typed = frame.with_columns(
        pl.col(c).cast(pl.Int64, strict=False) for c in frame.columns
        if c in ("adults", "school_age_children") and frame.height % 2)
    path = folder / "households.parquet"
    typed.write_parquet(path)
    _from_file(path, typed.height)


def check_workbook(records: list[Any], folder: Path) -> None:
    import xlsxwriter

    header, rows = _text_rows(records)
    rows = [[cell[:32_000] for cell in row] for row in rows if not row[0].startswith("# ")]
    path = folder / "mau.xlsx"
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False,
                                           "strings_to_formulas": False})
    sheet = book.add_worksheet("family")
    sheet.write_row(0, 0, header)
    for k, row in enumerate(rows, start=1):  # "# …" first: the template's explanation row
        sheet.write_row(k, 0, row)
    book.close()
    try:
        dataset = lm.read_workbook(path)
    except lm.EvidenceError:
        return
    year = lm.evaluate_dataset(dataset, year=2024)
    evaluated = sum(len(r) for r in year.results.values())
    assert evaluated + len({(e.file, e.row) for e in year.errors}) == len(rows)


def _encodable(row: list[str]) -> bool:
    try:
        "".join(row).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_report(records: list[Any], folder: Path) -> None:
    data = folder / "data"
    data.mkdir(exist_ok=True)
    shutil.copy(AREAS, data / "areas.csv")
    header, rows = _rows(records)
    header = [*header, "community"]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(
        [header, *([*row, "0183401"] for row in rows)])
    (data / "family.csv").write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    out = folder / "report"
    run_cli("report", str(data), "--year", "2024", "--targets", "bac-kan-city", "--out",
            str(out), "--quiet", "--force", "--format", "results")
    if (out / "results.csv").exists():
        for line in (out / "results.csv").read_text("utf-8").splitlines()[1:]:
            assert not line.split(",")[1].startswith(("=", "+", "-", "@")), line


Check = Callable[[Any, Path], None]

DOCUMENT_CHECKS: dict[str, Check] = {
    "criteria-set": check_criteria_set,
    "overlay": check_overlay,
    "targets": check_targets,
    "test-cases": check_test_cases,
}
EVIDENCE_CHECKS: dict[str, Check] = {
    "records": check_python_records,
    "json": check_json,
    "yaml": check_yaml,
    "csv": check_csv,
    "frame": check_frame,
    "parquet": check_parquet,
    "workbook": check_workbook,
    "report": check_report,
}
