"""The SQL back end's own concerns: the schema's versions and migrations, database errors
as `HistoryError`s, the command line writing to a database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from history_places import history_place

import learning_models as lm
from learning_models._cli import main
from learning_models._history import open_history
from learning_models._history.sql import SCHEMA_VERSION, make_engine, migrate, schema_version


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from history_place(request.param, tmp_path)


def test_a_new_database_gets_the_latest_schema(url: str) -> None:
    open_history(url).close()
    with make_engine(url).begin() as conn:
        assert schema_version(conn) == SCHEMA_VERSION
        indexes = {i["name"] for i in sa.inspect(conn).get_indexes("lm_results")}
    assert "ix_lm_results_year_model" in indexes


def test_a_database_of_an_older_schema_is_migrated_keeping_its_runs(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        migrate(conn, url, up_to=1)
        conn.execute(sa.text("INSERT INTO lm_runs (id, year, recorded_at, engine, subjects, "
                             "note) VALUES ('r1', 2023, '2023-12-01T00:00:00.000000Z', "
                             "'learning-models 0.1.0', 0, '')"))
    engine.dispose()
    with open_history(url) as history:
        assert [r.id for r in history.runs()] == ["r1"]
    with make_engine(url).begin() as conn:
        assert schema_version(conn) == SCHEMA_VERSION
        assert sa.inspect(conn).has_table("lm_figures")


def test_a_database_of_a_newer_schema_is_refused(url: str) -> None:
    open_history(url).close()
    with make_engine(url).begin() as conn:
        conn.execute(sa.text("UPDATE lm_meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(lm.HistoryError, match=r"version 99, this engine knows up to") as caught:
        open_history(url)
    assert "lược đồ của lịch sử có phiên bản 99, phần mềm này chỉ biết đến phiên bản" in \
        caught.value.text("vi")


def test_a_server_that_cannot_be_reached_is_a_history_error_without_a_traceback() -> None:
    # port 9 (discard) on the loopback interface: nothing listens there
    with pytest.raises(lm.HistoryError,
                       match=r"127\.0\.0\.1:9/.*the history database failed") as caught:
        open_history("postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")
    assert "127.0.0.1:9/none?connect_timeout=2: cơ sở dữ liệu lịch sử gặp lỗi: " in \
        caught.value.text("vi")


def test_the_password_of_a_url_is_never_shown() -> None:
    with pytest.raises(lm.HistoryError) as caught:
        open_history("postgresql://nobody:secret@127.0.0.1:9/none?connect_timeout=2")
    assert "secret" not in str(caught.value) and "***" in str(caught.value)


def test_report_with_history_records_the_year_as_its_current_run(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).parents[2] / "examples" / "bac-kan-city" / "2024"
    status = main(["report", str(data), "--year", "2024", "--targets", "bac-kan-city",
                   "--out", str(tmp_path / "r"), "--format", "results", "--quiet",
                   "--history", url])
    assert status == 0
    assert "Đã ghi vào lịch sử" in capsys.readouterr().out
    with open_history(url) as history:
        (run,) = history.runs()
        assert history.current() == {2024: run}
        rows = history.results()
    rollup = json.loads((tmp_path / "r" / "rollup.json").read_text(encoding="utf-8"))
    (whole,) = [a for a in rollup["areas"] if a["code"] == "*"]
    for model, figures in whole["models"].items():
        recorded = rows.filter(model=model)
        assert recorded.height == figures["evaluated"]
        assert recorded.filter(status="recognised").height == figures["recognised"]
