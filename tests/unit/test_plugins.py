"""Hook specifications, the plugin manager, and overlays."""

from __future__ import annotations

import inspect
import json
import re
import textwrap
from pathlib import Path

import pytest

import learning_models as lm
from learning_models import hookspecs
from learning_models._catalog import collect_functions, collect_overlays
from learning_models._catalog.catalog import Catalog
from learning_models._criteria.overlays import Overlay, order_overlays
from learning_models._expressions.functions import Function
from learning_models._plugins.manager import (
    collect_readers,
    collect_writers,
    get_plugin_manager,
    notify,
    plugin_versions,
)
from learning_models.errors import CriteriaError, LearningModelsError, PluginError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = ROOT / "examples" / "family"
EXAMPLE_ID = "examples/family-448"


def _manager(*plugins: tuple[str, object]) -> object:
    from learning_models._plugins.builtin import BUILTIN_PLUGINS

    return get_plugin_manager(entry_points=False, builtins=(*BUILTIN_PLUGINS, *plugins))


def _overlay_file(tmp_path: Path, body: str, name: str = "overlay.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


READING = """\
    format: learning-models/overlay/1
    name: local/reading
    target: examples/family-448
    source: {verified: false, note: a local reading of the plan}
    add:
      inputs:
        reading_club: {type: boolean, label: {vi: Câu lạc bộ đọc sách, en: Reading club}}
      indicators:
        - criterion: C3
          id: C3.9
          title: {vi: Tham gia câu lạc bộ đọc sách, en: Takes part in a reading club}
          points: 5
          when: reading_club
    """


def test_hooks_doc_lists_every_hook_with_its_exact_signature() -> None:
    text = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^### `(learning_models_\w+)(\(.*\) -> .*)`$", text, re.M))
    pm = get_plugin_manager(entry_points=False)
    hook_names = {name for name in dir(pm.hook) if name.startswith("learning_models_")}
    assert set(documented) == hook_names == set(hookspecs.HOOK_NAMES)
    for name, signature in documented.items():
        spec = inspect.signature(getattr(hookspecs, name))
        params = ", ".join(f"{p.name}: {p.annotation}" for p in spec.parameters.values())
        assert signature == f"({params}) -> {spec.return_annotation}", name


def test_plugin_manager_registers_builtins_and_nothing_runs_at_import() -> None:
    pm = get_plugin_manager(entry_points=False)
    names = [name for name, _, _ in plugin_versions(pm)]
    assert names == ["builtin-criteria", "builtin-readers", "builtin-writers"]


def test_disabling_environment_variable_skips_entry_points(monkeypatch: pytest.MonkeyPatch,
                                                           ) -> None:
    called = []
    monkeypatch.setenv("LEARNING_MODELS_DISABLE_PLUGINS", "1")
    monkeypatch.setattr("pluggy.PluginManager.load_setuptools_entrypoints",
                        lambda self, group: called.append(group))
    get_plugin_manager()
    assert called == []
    monkeypatch.setenv("LEARNING_MODELS_DISABLE_PLUGINS", "")
    get_plugin_manager()
    assert called == ["learning_models"]


def test_misspelt_hook_is_a_plugin_error_naming_the_plugin() -> None:
    class Typo:
        @hookspecs.hookimpl
        def learning_models_overlay(self) -> list[object]:  # missing 's'
            return []

    with pytest.raises(PluginError, match="typo") as caught:
        _manager(("typo", Typo()))
    assert caught.value.text("vi").startswith("plugin 'typo' cài đặt một hook không tồn tại: ")


def _installed(site: Path, module: str, code: str) -> None:
    """A distribution 'broken-plugin' 1.0 in `site`, whose entry point 'broken' of the group
    ``learning_models`` names `module` (with `code`)."""
    info = site / "broken_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[learning_models]\nbroken = {module}:plugin\n",
                                           encoding="utf-8")
    (site / f"{module}.py").write_text(code, encoding="utf-8")


@pytest.mark.parametrize(("code", "reason"), [
    ("import missing_dep_for_test\nplugin = object()\n",
     "ModuleNotFoundError: No module named 'missing_dep_for_test'"),
    ("raise RuntimeError('missing dep')\n", "RuntimeError: missing dep"),
])
def test_an_entry_point_that_fails_to_load_is_named_with_its_distribution(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, reason: str) -> None:
    module = f"broken_plugin_{len(code)}"
    _installed(tmp_path, module, code)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("LEARNING_MODELS_DISABLE_PLUGINS", raising=False)
    with pytest.raises(PluginError) as caught:
        get_plugin_manager()
    assert str(caught.value) == (
        f"plugin 'broken' could not be loaded: {reason} (entry point 'broken = {module}:plugin' "
        "of the group 'learning_models', distribution broken-plugin 1.0)\n  hint: reinstall "
        "or uninstall the plugin, or run without installed plugins: --no-plugins, or "
        "LEARNING_MODELS_DISABLE_PLUGINS=1")


def test_an_entry_point_that_fails_to_load_is_one_line_from_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from learning_models._cli import main

    _installed(tmp_path, "broken_plugin_cli", "import missing_dep_for_test\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("LEARNING_MODELS_DISABLE_PLUGINS", raising=False)
    assert main(["plugins"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("không nạp được plugin 'broken': ModuleNotFoundError")
    assert "\n  gợi ý: hãy cài lại hoặc gỡ plugin" in err
    assert "Traceback" not in err
    assert main(["plugins", "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("plugin 'broken' could not be loaded: ModuleNotFoundError")
    assert "Traceback" not in err
    assert main(["plugins", "--no-plugins"]) == 0  # the way out the hint gives


def test_bad_return_is_blamed_on_the_plugin_by_name() -> None:
    class Bad:
        @hookspecs.hookimpl
        def learning_models_overlays(self) -> object:
            return ["not an overlay"]

    pm = _manager(("bad-plugin", Bad()))
    with pytest.raises(PluginError, match=r"plugin 'bad-plugin'.*not Overlay objects"):
        collect_overlays(pm)  # type: ignore[arg-type]


def test_a_failing_hook_is_a_plugin_error_not_a_traceback() -> None:
    class Boom:
        @hookspecs.hookimpl
        def learning_models_after_evaluation(self, evaluation: object) -> None:
            raise RuntimeError("disk full")

    pm = _manager(("boom", Boom()))
    with pytest.raises(PluginError, match=r"plugin 'boom' failed.*disk full"):
        notify(pm, evaluation=None)  # type: ignore[arg-type]


def test_plugin_function_is_usable_in_a_criteria_set_and_evaluates_column_wise(
        tmp_path: Path) -> None:
    import polars as pl

    class Twice:
        @hookspecs.hookimpl
        def learning_models_functions(self) -> list[Function]:
            return [Function("twice", ("number",), "number", lambda x: x * 2)]

    pm = _manager(("twice", Twice()))
    assert "twice" in collect_functions(pm)  # type: ignore[arg-type]
    text = (EXAMPLE_DIR / "family-set.yaml").read_text(encoding="utf-8")
    text = text.replace("when: schooling_share >= 1", "when: twice(schooling_share) >= 2")
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    catalog = Catalog.default([tmp_path], plugins=pm, shipped=False)  # type: ignore[arg-type]
    spec = catalog.get(EXAMPLE_ID)
    frame = pl.DataFrame({"id": ["a", "b"], "school_age_children": [2, 2],
                          "children_in_school": [2, 1]})
    results = lm.evaluate(spec, frame)
    assert [r.indicators[0].status for r in results] == ["met", "not_met"]


def test_duplicate_function_name_across_plugins_is_a_plugin_error() -> None:
    class Ratio:
        @hookspecs.hookimpl
        def learning_models_functions(self) -> list[Function]:
            return [Function("ratio", ("number",), "number", lambda x: x)]

    with pytest.raises(PluginError, match="plugin 'shadow'"):
        collect_functions(_manager(("shadow", Ratio())))  # type: ignore[arg-type]


def test_overlay_adds_an_indicator_and_is_recorded_in_provenance(tmp_path: Path) -> None:
    overlay = _overlay_file(tmp_path, READING)
    catalog = Catalog.default([EXAMPLE_DIR], shipped=False, overlays=[overlay])
    spec = catalog.get(EXAMPLE_ID)
    national = Catalog.default([EXAMPLE_DIR], shipped=False).get(EXAMPLE_ID)
    assert spec.max_total == national.max_total + 5
    assert spec.content_hash() != national.content_hash()
    result = lm.evaluate(spec, [{"id": "h", "reading_club": True}], year=2024)[0]
    provenance = result.to_dict()["provenance"]
    assert provenance["overlays"] == [{"name": "local/reading", "plugin": None,
                                       "changes": ["add inputs reading_club",
                                                   "add indicators C3.9"]}]
    assert "overlays" not in lm.evaluate(national, [{"id": "h"}])[0].to_dict()["provenance"]


def test_overlay_offered_by_a_plugin_applies_only_when_named(tmp_path: Path) -> None:
    overlay = Overlay.from_yaml(_overlay_file(tmp_path, READING))

    class Local:
        @hookspecs.hookimpl
        def learning_models_overlays(self) -> list[Overlay]:
            return [overlay]

    pm = _manager(("local", Local()))
    plain = Catalog.default([EXAMPLE_DIR], plugins=pm)  # type: ignore[arg-type]
    assert plain.get(EXAMPLE_ID).overlays == ()
    named = Catalog.default([EXAMPLE_DIR], plugins=pm,  # type: ignore[arg-type]
                            overlays=["local/reading"])
    applied = named.get(EXAMPLE_ID).overlays
    assert [(a.name, a.plugin) for a in applied] == [("local/reading", "local")]
    with pytest.raises(LearningModelsError, match="no overlay named 'nope'; available: "
                                                  "local/reading"):
        Catalog.default(plugins=pm, overlays=["nope"])  # type: ignore[arg-type]


def test_overlay_errors_point_into_the_overlay_file(tmp_path: Path) -> None:
    body = READING.replace("when: reading_club", "when: reading_clubb")
    overlay = _overlay_file(tmp_path, body)
    catalog = Catalog.default([EXAMPLE_DIR], shipped=False, overlays=[overlay])
    with pytest.raises(CriteriaError) as info:
        catalog.get(EXAMPLE_ID)
    (problem,) = info.value.problems
    assert problem.code == "unknown-name"
    assert problem.span is not None and problem.span.file == str(overlay)
    assert (problem.span.line, problem.span.column) == (13, 13)


def _named(name: str, replace_points: int, after: tuple[str, ...] = ()) -> Overlay:
    return Overlay(name, EXAMPLE_ID, {"replace": {"indicators": [{
        "id": "C3.1", "title": {"vi": "Tủ sách", "en": "Bookshelf"},
        "points": replace_points, "when": "study_corner"}]}}, after)


def test_two_overlays_changing_one_indicator_without_order_conflict() -> None:
    with pytest.raises(CriteriaError, match=r"both change indicators 'C3.1'"):
        order_overlays([_named("a", 6), _named("b", 4)])


def test_declared_order_resolves_a_conflict_and_the_later_overlay_wins() -> None:
    ordered = order_overlays([_named("b", 4, after=("a",)), _named("a", 6)])
    assert [o.name for o in ordered] == ["a", "b"]
    catalog = Catalog.default([EXAMPLE_DIR], shipped=False)
    catalog.overlays = tuple(ordered)
    spec = catalog.get(EXAMPLE_ID)
    assert next(i for i in spec.indicators if i.id == "C3.1").points == 4
    assert [a.name for a in spec.overlays] == ["a", "b"]


def test_overlay_cycle_is_an_error() -> None:
    with pytest.raises(CriteriaError, match="each come after the other"):
        order_overlays([_named("a", 6, after=("b",)), _named("b", 4, after=("a",))])


def test_overlay_file_with_unknown_key_is_located(tmp_path: Path) -> None:
    path = _overlay_file(tmp_path, READING.replace("target:", "targt:"))
    with pytest.raises(CriteriaError) as info:
        Overlay.from_yaml(path)
    codes = sorted(p.code for p in info.value.problems)
    assert codes == ["missing-key", "unknown-key"]


# --- readers and writers as plugins; the report command; the plugins command ----------------


class _Writer:
    def __init__(self, name: str, result: object = None, fail: bool = False) -> None:
        self.name = name
        self.result = result
        self.fail = fail
        self.seen: list[object] = []

    def write(self, report: object, out_dir: Path) -> object:
        self.seen.append(report)
        if self.fail:
            raise RuntimeError("no room left on the device")
        if self.result is not None:
            return self.result
        path = Path(out_dir) / f"report.{self.name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("written\n", encoding="utf-8")
        return [path]


class _Reader:
    def __init__(self, name: str, suffixes: tuple[str, ...], folder: Path) -> None:
        self.name, self.suffixes, self.folder = name, suffixes, folder

    def read(self, path: Path) -> object:
        from learning_models._evidence.dataset import read_dataset

        return read_dataset(self.folder)


def _writers_plugin(*writers: object) -> object:
    class Writers:
        @hookspecs.hookimpl
        def learning_models_report_writers(self) -> list[object]:
            return list(writers)

    return Writers()


def _readers_plugin(*readers: object) -> object:
    class Readers:
        @hookspecs.hookimpl
        def learning_models_evidence_readers(self) -> list[object]:
            return list(readers)

    return Readers()


def test_builtin_readers_and_writers_are_registered_by_name() -> None:
    pm = get_plugin_manager(entry_points=False)
    readers, writers = collect_readers(pm), collect_writers(pm)
    assert {n: r.suffixes for n, r in readers.items()} == {
        "folder": (), "xlsx": (".xlsx", ".xlsm", ".ods", ".xls")}
    assert list(writers) == ["xlsx", "html", "results"]
    assert {writers.plugin_of(n) for n in writers} == {"builtin-writers"}


def test_a_writer_name_registered_twice_names_both_plugins() -> None:
    pm = _manager(("pretty-xlsx", _writers_plugin(_Writer("xlsx"))))
    with pytest.raises(PluginError, match="plugin 'pretty-xlsx': report writer 'xlsx' is "
                                          "already registered by plugin 'builtin-writers'"
                       ) as caught:
        collect_writers(pm)  # type: ignore[arg-type]
    assert caught.value.text("vi") == "plugin 'pretty-xlsx': bộ ghi báo cáo 'xlsx' đã được " \
        "plugin 'builtin-writers' đăng ký"


def test_a_reader_name_registered_twice_names_both_plugins(tmp_path: Path) -> None:
    pm = _manager(("other", _readers_plugin(_Reader("folder", (), tmp_path))))
    with pytest.raises(PluginError, match="plugin 'other': evidence reader 'folder' is "
                                          "already registered by plugin 'builtin-readers'"):
        collect_readers(pm)  # type: ignore[arg-type]


def test_a_reader_with_bad_suffixes_is_blamed(tmp_path: Path) -> None:
    pm = _manager(("sloppy", _readers_plugin(_Reader("ods", ("ods",), tmp_path))))  # no dot
    with pytest.raises(PluginError, match="plugin 'sloppy': evidence reader 'ods' must give "
                                          "its suffixes"):
        collect_readers(pm)  # type: ignore[arg-type]


@pytest.fixture
def report_cli(monkeypatch: pytest.MonkeyPatch) -> object:
    """Run ``report`` on the golden dataset with extra plugins registered by hand."""
    from report_data import CITY, DATA, SETS

    from learning_models._cli import main
    from learning_models._cli import options as _cli_options
    from learning_models._cli import report as _cli_report

    monkeypatch.setattr(_cli_report, "load_targets", lambda which, models=None, sets=None: CITY)

    def run(plugins: tuple[tuple[str, object], ...], *argv: str,
            data: Path = DATA / "2026") -> int:
        monkeypatch.setattr(_cli_options, "get_plugin_manager",
                            lambda entry_points=None: _manager(*plugins))
        return main(["report", str(data), "--year", "2026", "--targets", "test/city",
                     "--criteria-dir", str(SETS), "--no-shipped", "--quiet", *argv])

    return run


def test_report_writes_with_every_writer_asked_for_and_tells_the_plugins(
        report_cli: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    told: list[object] = []

    class Listener:
        @hookspecs.hookimpl
        def learning_models_after_evaluation(self, evaluation: object) -> None:
            told.append(evaluation)

    extra = _Writer("txt")
    status = report_cli((("listener", Listener()), ("txt", _writers_plugin(extra))),  # type: ignore[operator]
                        "--format", "html,txt", "--out", str(tmp_path))
    assert status == 1                          # the golden data has rejected records
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bao-cao-2026-danh-sach", "bao-cao-2026.html", "report.txt"]   # the page, its lists
    assert len(told) == 1 and type(told[0]).__name__ == "DatasetEvaluation"
    (report,) = extra.seen
    # a plugin's writer gets the report as plain data, never the engine's objects
    assert isinstance(report, lm.Report) and report.year == 2026
    assert not any(type(v).__name__ == "DatasetEvaluation" for v in vars(report).values())
    assert "report.txt" in capsys.readouterr().out


def test_report_default_formats_are_the_built_in_writers(
        report_cli: object, tmp_path: Path) -> None:
    report_cli((("txt", _writers_plugin(_Writer("txt"))),),  # type: ignore[operator]
               "--out", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([
        "bao-cao-2026.xlsx", "bao-cao-2026.html", "bao-cao-2026-danh-sach", "results.json",
        "results.csv", "errors.csv", "rollup.json"])


def test_report_unknown_format_is_a_wrong_command_line(
        report_cli: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = report_cli((), "--format", "xlsx,pdf", "--out", str(tmp_path))  # type: ignore[operator]
    assert status == 2
    err = capsys.readouterr().err
    assert "không có định dạng báo cáo 'pdf'; các định dạng: xlsx (plugin 'builtin-writers')" \
        in err
    status = report_cli((), "--format", "xlsx,pdf", "--out", str(tmp_path), "--lang", "en")  # type: ignore[operator]
    assert status == 2
    err = capsys.readouterr().err
    assert "unknown report format 'pdf'; formats: xlsx (plugin 'builtin-writers')" in err
    assert not tmp_path.joinpath("bao-cao-2026.xlsx").exists()


def test_a_failing_plugin_writer_is_named(report_cli: object, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    status = report_cli((("fragile", _writers_plugin(_Writer("txt", fail=True))),),  # type: ignore[operator]
                        "--format", "txt", "--out", str(tmp_path), "--lang", "en")
    assert status == 3
    assert "plugin 'fragile' failed writing the report with report writer 'txt': no room " \
           "left on the device" in capsys.readouterr().err


def test_a_plugin_writer_must_return_the_paths_it_wrote(
        report_cli: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = report_cli((("vague", _writers_plugin(_Writer("txt", result="done"))),),  # type: ignore[operator]
                        "--format", "txt", "--out", str(tmp_path))
    assert status == 3
    assert "plugin 'vague': bộ ghi báo cáo 'txt' phải trả về các đường dẫn đã ghi, nhưng trả " \
        "về 'done'" in capsys.readouterr().err
    status = report_cli((("vague", _writers_plugin(_Writer("txt", result="done"))),),  # type: ignore[operator]
                        "--format", "txt", "--out", str(tmp_path / "en"), "--lang", "en")
    assert status == 3
    assert "plugin 'vague': report writer 'txt' must return the paths it wrote, got 'done'" \
        in capsys.readouterr().err


def test_report_reads_with_the_reader_of_the_suffix(report_cli: object, tmp_path: Path,
                                                    ) -> None:
    from report_data import DATA

    source = tmp_path / "export.lmz"
    source.write_text("a packed dataset\n", encoding="utf-8")
    reader = _Reader("lmz", (".lmz",), DATA / "2026")
    status = report_cli((("lmz", _readers_plugin(reader)),),  # type: ignore[operator]
                        "--format", "results", "--out", str(tmp_path / "out"), data=source)
    assert status == 1
    assert (tmp_path / "out" / "results.json").exists()


def test_two_readers_of_one_suffix_need_reader(report_cli: object, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from report_data import DATA

    book = tmp_path / "du-lieu.xlsx"
    book.write_bytes(b"not really a workbook")
    plugin = ("other", _readers_plugin(_Reader("other-xlsx", (".xlsx",), DATA / "2026")))
    status = report_cli((plugin,), "--format", "results", "--out", str(tmp_path / "a"),  # type: ignore[operator]
                        "--lang", "en", data=book)
    assert status == 3
    assert "several evidence readers read '.xlsx' files: xlsx (plugin 'builtin-readers'), " \
           "other-xlsx (plugin 'other'); choose one with --reader NAME" in capsys.readouterr().err
    status = report_cli((plugin,), "--format", "results", "--out", str(tmp_path / "b"),  # type: ignore[operator]
                        "--reader", "other-xlsx", data=book)
    assert status == 1 and (tmp_path / "b" / "results.json").exists()


def test_the_report_lists_the_overlays_applied_to_each_set(report_cli: object,
                                                          tmp_path: Path) -> None:
    import openpyxl

    overlay = _overlay_file(tmp_path, """\
        format: learning-models/overlay/1
        name: local/stricter
        target: test/family
        source: {verified: false, note: a local reading}
        replace:
          indicators:
            - {id: A1, title: {vi: Đạt tiêu chuẩn địa phương, en: Meets the local standard},
               points: 100, when: ok}
        """)
    out = tmp_path / "out"
    report_cli((), "--overlay", str(overlay), "--out", str(out))  # type: ignore[operator]
    html = (out / "bao-cao-2026.html").read_text("utf-8")
    assert "<h3>Điều chỉnh của địa phương</h3>" in html
    assert "<td><code>local/stricter</code></td><td><code>test/family</code></td>" \
           "<td>tệp điều chỉnh</td><td>thay chỉ số A1</td>" in html
    rows = list(openpyxl.load_workbook(out / "bao-cao-2026.xlsx")["Nguồn số liệu"]
                .iter_rows(values_only=True))
    assert ("local/stricter", "test/family", "tệp điều chỉnh", "thay chỉ số A1") in \
        [tuple(r[:4]) for r in rows]
    results = json.loads((out / "results.json").read_text("utf-8"))
    assert results["models"]["family"]["provenance"]["overlays"] == [
        {"name": "local/stricter", "plugin": None, "changes": ["replace indicators A1"]}]
    assert "overlays" not in results["models"]["clan"]["provenance"]


def test_plugins_command_lists_hooks_overlays_functions_readers_writers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from learning_models._cli import main
    from learning_models._cli import options as _cli_options

    overlay = Overlay.from_yaml(_overlay_file(tmp_path, READING))

    class Local:
        @hookspecs.hookimpl
        def learning_models_overlays(self) -> list[Overlay]:
            return [overlay]

        @hookspecs.hookimpl
        def learning_models_functions(self) -> list[Function]:
            return [Function("twice", ("number",), "number", lambda x: x * 2)]

    monkeypatch.setattr(_cli_options, "get_plugin_manager",
                        lambda entry_points=None: _manager(("local", Local())))
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "local  (registered directly, not installed)\n  hooks:     overlays, functions\n" \
           "  overlays:  local/reading → examples/family-448\n  functions: twice\n" in out
    assert "  readers:   folder (folders), xlsx (.xlsx, .xlsm, .ods, .xls)\n" in out
    assert main(["plugins", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    local = next(p for p in data["plugins"] if p["name"] == "local")
    assert local["hooks"] == ["learning_models_overlays", "learning_models_functions"]
    assert local["overlays"] == [{"name": "local/reading", "target": "examples/family-448"}]
    assert local["functions"] == ["twice"]


def test_plugins_command_blames_a_broken_plugin(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from learning_models._cli import main
    from learning_models._cli import options as _cli_options

    class Bad:
        @hookspecs.hookimpl
        def learning_models_report_writers(self) -> object:
            return "docx"

    monkeypatch.setattr(_cli_options, "get_plugin_manager",
                        lambda entry_points=None: _manager(("bad", Bad())))
    assert main(["plugins"]) == 3
    assert "plugin 'bad': learning_models_report_writers phải trả về một danh sách" in \
        capsys.readouterr().err
    with pytest.raises(PluginError, match="plugin 'bad': learning_models_report_writers must "
                       r"return a list of .*, got str"):
        collect_writers(_manager(("bad", Bad())))  # type: ignore[arg-type]


def test_no_plugins_option_asks_for_no_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from learning_models._cli import options as _cli_options

    asked: list[object] = []
    monkeypatch.setattr(_cli_options, "get_plugin_manager",
                        lambda entry_points=None: asked.append(entry_points))
    _cli_options.plugin_manager_from_args(argparse.Namespace(no_plugins=True))
    _cli_options.plugin_manager_from_args(argparse.Namespace(no_plugins=False))
    assert asked == [False, None]             # None: installed ones unless the env says no


def test_plugins_are_called_in_registration_order_so_their_sets_come_after_the_shipped(
        ) -> None:
    import yaml

    from learning_models._catalog.catalog import shipped_criteria_dir

    data = yaml.safe_load((shipped_criteria_dir() / "vn" / "2021-2025" / "family.yaml")
                          .read_text(encoding="utf-8"))
    data["title"] = {"vi": "Gia đình học tập (bản của tỉnh)", "en": "Learning family (local)"}

    class Province:
        @hookspecs.hookimpl
        def learning_models_criteria_sources(self) -> list[object]:
            return [data]

    catalog = Catalog.default(plugins=_manager(("province", Province())))  # type: ignore[arg-type]
    assert catalog.get("vn/2021-2025/family").title.en == "Learning family (local)"


def test_evaluate_command_applies_an_overlay_file_and_records_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from learning_models._cli import main

    overlay = _overlay_file(tmp_path, READING)
    status = main(["evaluate", "--criteria", str(EXAMPLE_DIR / "family-set.yaml"),
                   "--input", str(EXAMPLE_DIR / "households.csv"), "--format", "json",
                   "--overlay", str(overlay), "--no-plugins"])
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    first = out["evaluations"][0]
    assert first["max_total"] == 105
    assert first["provenance"]["overlays"][0]["name"] == "local/reading"
    assert "C3.9" in [i["id"] for i in first["indicators"]]
