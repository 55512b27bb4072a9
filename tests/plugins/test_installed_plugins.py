"""The two plugins of this repository, installed as a user installs them, found through
their entry points (group ``learning_models``) and used from the command line.

Install them first (``.ci/run`` and the README's test command do)::

    python -m pip install ".[test]" ./plugins/learning-models-bac-kan ./plugins/learning-models-docx

Each test skips, saying so, when the plugin it needs is not installed.
"""

from __future__ import annotations

import io
import json
from importlib.metadata import entry_points, version
from pathlib import Path

import pytest

import learning_models as lm
from learning_models._catalog import collect_overlays
from learning_models._cli import main
from learning_models._plugins.manager import (
    DISABLE_ENV,
    collect_review_writers,
    collect_writers,
    plugin_versions,
)

GROUP = "learning_models"
INSTALLED = {ep.name: ep for ep in entry_points(group=GROUP)}
HOW = ('python -m pip install ".[test]" ./plugins/learning-models-bac-kan '
       "./plugins/learning-models-docx")
needs_bac_kan = pytest.mark.skipif("bac-kan" not in INSTALLED,
                                   reason=f"learning-models-bac-kan is not installed: {HOW}")
needs_docx = pytest.mark.skipif("docx" not in INSTALLED,
                                reason=f"learning-models-docx is not installed: {HOW}")

AREAS = """\
code,name,level,parent,households
058,Thành phố Bắc Kạn,district,,6
01840,Phường Đức Xuân,commune,058,3
01843,Phường Phùng Chí Kiên,commune,058,3
"""
FAMILY_COLUMNS = ("id,name,area,school_age_children,children_in_school,children_results_ok,"
                  "children_conduct_ok,adults,adults_literate,adults_learning,"
                  "learning_citizens,study_corner,study_fund,internet_device,income,"
                  "cultural_family")
FAMILIES = [
    "H-1,Gia đình ông Hoàng Văn Thụ,01840,1,1,có,có,2,2,2,1,có,có,có,stable,có",
    "H-2,Gia đình bà Nông Thị Xuân,01840,0,0,,,2,2,2,2,có,có,có,higher,có",
    "H-3,Gia đình ông Lường Văn Hải,01840,2,2,có,có,2,2,1,0,không,có,có,stable,có",
    "H-4,Gia đình ông Ma Văn Đức,01843,1,1,có,có,2,2,2,1,có,có,có,stable,có",
    "H-5,Gia đình bà Triệu Thị Mai,01843,1,0,có,có,2,1,0,0,không,không,có,lower,không",
]
READING = ["có,có", "có,không", "không,không", "có,có", "không,không"]


@pytest.fixture(autouse=True)
def plugins_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DISABLE_ENV, raising=False)


def dataset(folder: Path, *, reading: bool) -> Path:
    """Two wards of Bắc Kạn city, five families; with the Bắc Kạn reading columns or not."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "areas.csv").write_text(AREAS, encoding="utf-8")
    if reading:
        lines = [FAMILY_COLUMNS + ",reading_habit,reading_activities",
                 *(f"{row},{extra}" for row, extra in zip(FAMILIES, READING, strict=True))]
    else:
        lines = [FAMILY_COLUMNS, *FAMILIES]
    (folder / "family.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- found through the entry points ---------------------------------------------------------


@needs_bac_kan
def test_the_bac_kan_entry_point_names_its_module_and_distribution() -> None:
    ep = INSTALLED["bac-kan"]
    assert ep.value == "learning_models_bac_kan"
    assert ep.dist is not None and ep.dist.name == "learning-models-bac-kan"
    module = ep.load()
    assert hasattr(module, "learning_models_overlays")


@needs_docx
def test_the_docx_entry_point_names_its_module_and_distribution() -> None:
    ep = INSTALLED["docx"]
    assert ep.value == "learning_models_docx"
    assert ep.dist is not None and ep.dist.name == "learning-models-docx"
    assert hasattr(ep.load(), "learning_models_report_writers")


@needs_bac_kan
@needs_docx
def test_the_plugin_manager_loads_both_with_their_versions() -> None:
    pm = lm.get_plugin_manager()
    rows = {name: (dist, v) for name, dist, v in plugin_versions(pm)}
    assert rows["bac-kan"] == ("learning-models-bac-kan", version("learning-models-bac-kan"))
    assert rows["docx"] == ("learning-models-docx", version("learning-models-docx"))
    assert set(collect_overlays(pm)) >= {"bac-kan/family", "bac-kan/community"}
    writers = collect_writers(pm)
    assert writers.plugin_of("docx") == "docx"
    assert writers.plugin_of("xlsx") == "builtin-writers"
    assert collect_review_writers(pm).plugin_of("docx") == "docx"


@needs_bac_kan
@needs_docx
def test_the_plugins_command_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plugins")
    assert status == 0
    assert f"bac-kan  (learning-models-bac-kan {version('learning-models-bac-kan')})" in out
    assert "overlays:  bac-kan/family → vn/2021-2025/family, bac-kan/community → " \
           "vn/2021-2025/community" in out
    assert "writers:   docx" in out
    assert "review writers: docx" in out
    status, out, _ = run(capsys, "plugins", "--format", "json")
    data = {p["name"]: p for p in json.loads(out)["plugins"]}
    assert data["docx"]["hooks"] == ["learning_models_report_writers",
                                     "learning_models_review_writers"]
    assert data["docx"]["writers"] == ["docx"]
    assert data["docx"]["review_writers"] == ["docx"]
    assert data["bac-kan"]["overlays"][0] == {"name": "bac-kan/family",
                                              "target": "vn/2021-2025/family"}


@needs_bac_kan
def test_installed_plugins_can_be_switched_off(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(capsys, "plugins", "--no-plugins", "--format", "json")
    assert [p["name"] for p in json.loads(out)["plugins"]] == [
        "builtin-criteria", "builtin-readers", "builtin-writers"]
    monkeypatch.setenv(DISABLE_ENV, "1")
    _, out, _ = run(capsys, "plugins")
    assert "bac-kan" not in out and "installed plugins not loaded" in out


# --- overlays and the docx report, from the command line ------------------------------------


@needs_bac_kan
@needs_docx
def test_a_report_with_the_bac_kan_overlay_in_every_format(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx
    import openpyxl

    data = dataset(tmp_path / "data", reading=True)
    out = tmp_path / "report"
    status, stdout, stderr = run(
        capsys, "report", str(data), "--year", "2024", "--targets", "bac-kan-city",
        "--overlay", "bac-kan/family", "--format", "xlsx,html,results,docx",
        "--out", str(out), "--quiet")
    assert (status, stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == sorted([
        "bao-cao-2024.xlsx", "bao-cao-2024.html", "bao-cao-2024-danh-sach", "bao-cao-2024.docx",
        "results.json",
        "results.csv", "errors.csv", "rollup.json"])
    assert "Gia đình học tập (giai đoạn 2021–2025): 5 đã đánh giá — 3 đạt, 2 không đạt" in stdout
    # provenance: the overlay, who offered it and what it changed
    results = json.loads((out / "results.json").read_text("utf-8"))
    (applied,) = results["models"]["family"]["provenance"]["overlays"]
    assert (applied["name"], applied["plugin"]) == ("bac-kan/family", "bac-kan")
    assert "add criteria C5" in applied["changes"]
    rows = (out / "results.csv").read_text("utf-8").splitlines()   # … and on every result
    assert rows[0].endswith(",criteria_set,period,content_hash,engine,year,overlays")
    assert all(r.endswith(",2024,bac-kan/family") for r in rows if r.startswith("family,"))
    # … shown in the sources of every report
    html = (out / "bao-cao-2024.html").read_text("utf-8")
    assert "<code>bac-kan/family</code>" in html and "thêm tiêu chí C5" in html
    book = openpyxl.load_workbook(out / "bao-cao-2024.xlsx")
    cells = [str(c) for row in book["Nguồn số liệu"].iter_rows(values_only=True) for c in row
             if c is not None]
    assert "Điều chỉnh của địa phương" in cells and "bac-kan/family" in cells
    document = docx.Document(io.BytesIO((out / "bao-cao-2024.docx").read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "điều chỉnh của địa phương “bac-kan/family” (bac-kan)" in text
    assert document.tables[0].rows[0].cells[0].paragraphs[1].text == "THÀNH PHỐ BẮC KẠN"


@needs_docx
def test_the_letterhead_options_override_the_targets_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    data = dataset(tmp_path / "data", reading=False)
    out = tmp_path / "report"
    status, _, stderr = run(
        capsys, "report", str(data), "--year", "2024", "--targets", "bac-kan-city",
        "--format", "docx", "--out", str(out), "--quiet",
        "--superior", "Hội Khuyến học tỉnh Thái Nguyên",
        "--issuer", "Hội Khuyến học\\nphường Đức Xuân", "--place", "Đức Xuân",
        "--recipient", "Hội Khuyến học tỉnh Thái Nguyên",
        "--recipient", "Ủy ban nhân dân phường Đức Xuân")
    assert (status, stderr) == (0, "")
    document = docx.Document(io.BytesIO((out / "bao-cao-2024.docx").read_bytes()))
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "HỘI KHUYẾN HỌC TỈNH THÁI NGUYÊN", "HỘI KHUYẾN HỌC", "PHƯỜNG ĐỨC XUÂN", "",
        "Số:        /BC-HKH"]                         # the symbol: the targets file's
    assert right.paragraphs[-1].text.startswith("Đức Xuân, ngày")
    assert [p.text for p in document.tables[-1].rows[0].cells[0].paragraphs] == [
        "Nơi nhận:", "- Hội Khuyến học tỉnh Thái Nguyên;",
        "- Ủy ban nhân dân phường Đức Xuân;", "- Lưu: VT."]


@needs_bac_kan
def test_national_data_under_the_overlay_is_incomplete_not_rejected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = dataset(tmp_path / "data", reading=False)
    status, stdout, _ = run(capsys, "report", str(data), "--year", "2024", "--overlay",
                            "bac-kan/family", "--format", "results", "--out",
                            str(tmp_path / "out"), "--quiet")
    assert status == 0
    assert "0 bị từ chối" in stdout and "chưa đủ minh chứng" in stdout


@needs_bac_kan
def test_an_unknown_overlay_name_lists_those_offered(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    status, _, stderr = run(capsys, "report", str(dataset(tmp_path / "d", reading=False)),
                            "--year", "2024", "--overlay", "bac-kan/famly", "--out",
                            str(tmp_path / "out"), "--quiet", "--lang", "en")
    assert status == 3
    assert "no overlay named 'bac-kan/famly'; available: bac-kan/community, bac-kan/family" \
        in stderr


@needs_docx
def test_the_default_formats_are_the_built_in_ones(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status, _, _ = run(capsys, "report", str(dataset(tmp_path / "d", reading=False)),
                       "--year", "2024", "--out", str(out), "--quiet")
    assert status == 0
    assert "bao-cao-2024.docx" not in {p.name for p in out.iterdir()}


@needs_docx
def test_without_plugins_docx_is_an_unknown_format(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status, _, stderr = run(capsys, "report", str(dataset(tmp_path / "d", reading=False)),
                            "--year", "2024", "--format", "docx", "--no-plugins", "--out",
                            str(tmp_path / "out"))
    assert status == 2
    assert "không có định dạng báo cáo 'docx'" in stderr
    assert "python -m pip install learning-models-docx" in stderr
    assert not (tmp_path / "out").exists()
