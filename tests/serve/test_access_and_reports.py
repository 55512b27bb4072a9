"""API keys, report jobs, the OpenAPI document and its offline page, and the ``serve``
command line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

import learning_models as lm
from learning_models._cli import main
from learning_models._serve.config import ServeConfig, is_loopback
from learning_models._serve.keys import hash_key, load_api_keys
from learning_models._serve.reports import Jobs
from learning_models.errors import LearningModelsError

from .conftest import FAMILY, client_for
from .test_service import problem_of

DATA_2024 = Path(__file__).parents[1] / "golden" / "report" / "data" / "2024"


def keys_file(tmp_path: Path) -> Path:
    path = tmp_path / "keys.txt"
    path.write_text(f"# name  hash  endpoints\nportal {hash_key('s3cret')} evaluations\n"
                    f"ops {hash_key('0ps-key')}\n", encoding="utf-8")
    return path


def zipped(folder: Path, prefix: str = "2024/") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return buffer.getvalue()


# --- keys -------------------------------------------------------------------------------------


def test_with_keys_a_request_needs_one_allowed_its_endpoint(tmp_path: Path) -> None:
    config = ServeConfig(api_keys=load_api_keys(keys_file(tmp_path)))
    request = {"criteria": FAMILY, "records": [{"id": "A"}]}
    with client_for(config) as guarded:
        problem_of(guarded.post("/v1/evaluations", json=request), 401, "unauthorized")
        problem_of(guarded.post("/v1/evaluations", json=request,
                                headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        assert guarded.post("/v1/evaluations", json=request, headers={
            "Authorization": "Bearer s3cret"}).status_code == 200
        body = problem_of(guarded.get("/v1/criteria-sets", headers={
            "Authorization": "Bearer s3cret"}), 403, "forbidden")
        assert body["detail"] == "khoá 'portal' không được dùng nhóm chức năng 'criteria-sets'"
        assert guarded.get("/v1/criteria-sets", headers={
            "Authorization": "Bearer 0ps-key"}).status_code == 200
        assert guarded.get("/v1/health").status_code == 200      # open: for load balancers


def test_a_keys_file_line_that_is_not_a_key_is_named(tmp_path: Path) -> None:
    path = tmp_path / "keys.txt"
    path.write_text("portal not-a-hash\n", encoding="utf-8")
    with pytest.raises(LearningModelsError, match=r"keys.txt:1:1: expected 'NAME SHA256"):
        load_api_keys(path)
    path.write_text(f"portal {hash_key('k')} everything\n", encoding="utf-8")
    with pytest.raises(LearningModelsError, match="unknown endpoint 'everything'") as caught:
        load_api_keys(path)
    assert caught.value.text("vi").startswith(f"{path}:1:1: không có điểm cuối 'everything'; "
                                              "cần một trong: ")


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("127.8.0.1", True),
                                                ("::1", True), ("localhost", True),
                                                ("0.0.0.0", False), ("192.168.1.5", False),
                                                ("example.org", False)])
def test_only_loopback_addresses_count_as_this_machine(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_another_address_without_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert capsys.readouterr().err.startswith(
        "--host 0.0.0.0 không phải địa chỉ loopback: hãy cho --api-keys FILE")
    assert main(["serve", "--host", "0.0.0.0", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        "--host 0.0.0.0 is not a loopback address: give --api-keys FILE")


def test_serve_with_a_missing_keys_file_produces_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["serve", "--api-keys", str(tmp_path / "none.txt")]) == 3
    assert "không có tệp khóa API" in capsys.readouterr().err
    assert main(["serve", "--api-keys", str(tmp_path / "none.txt"), "--lang", "en"]) == 3
    assert "no such API keys file" in capsys.readouterr().err


def test_serve_hash_key_prints_the_line_for_the_keys_file(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert main(["serve", "--hash-key"]) == 0
    assert capsys.readouterr().out == hash_key("s3cret") + "\n"


# --- reports ----------------------------------------------------------------------------------


def test_a_zipped_dataset_gives_the_rollup_and_the_report_files(client: TestClient) -> None:
    response = client.post("/v1/reports", data={"year": "2024", "targets": "bac-kan-city"},
                           files={"file": ("data.zip", zipped(DATA_2024), "application/zip")})
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["status"] == "done" and job["rollup"]["targets"] == "bac-kan-city"
    files = client.get(job["files_url"])
    assert files.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(files.content)).namelist()
    assert names == job["files"] == ["bao-cao-2024.html", "bao-cao-2024.xlsx", "errors.csv",
                                     "results.csv", "results.json", "rollup.json"]
    assert client.get(job["status_url"]).json()["rollup"] == job["rollup"]


def test_a_workbook_problem_names_the_upload_never_the_servers_folder(
        client: TestClient, tmp_path: Path) -> None:
    workbook = tmp_path / "mau.xlsx"
    lm.write_template(workbook, lm.template_sets(lm.Catalog.default(), 2024), year=2024)
    body = problem_of(client.post("/v1/reports", data={"year": "2024", "lang": "en"},
                                  files={"file": ("mau.xlsx", workbook.read_bytes())}),
                      422, "unreadable-evidence")
    # (a form's "lang" chooses the report's language; the problem speaks the query's)
    assert "không có hồ sơ đối tượng nào trong 'mau.xlsx'" in body["detail"]
    assert "lm-report-" not in str(body)


@pytest.mark.parametrize(("name", "member"), [("slip.zip", "../outside.csv"),
                                              ("absolute.zip", "/etc/outside.csv")])
def test_a_zip_reaching_outside_its_folder_is_refused(client: TestClient, name: str,
                                                      member: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "id\n")
    body = problem_of(client.post("/v1/reports", data={"year": "2024"},
                                  files={"file": (name, buffer.getvalue())}),
                      422, "unreadable-evidence")
    assert member in body["detail"]


def test_targets_are_only_shipped_ones_by_id(client: TestClient) -> None:
    body = problem_of(client.post("/v1/reports", data={"year": "2024",
                                                       "targets": "/etc/passwd"},
                                  files={"file": ("d.zip", zipped(DATA_2024))}),
                      422, "unknown-targets")
    assert body["field"] == "targets"


def test_an_upload_that_is_no_zip_nor_workbook_is_refused(client: TestClient) -> None:
    problem_of(client.post("/v1/reports", data={"year": "2024"},
                           files={"file": ("data", b"id,name\n")}), 422, "unreadable-evidence")


def test_an_unknown_job_is_a_404(client: TestClient) -> None:
    problem_of(client.get("/v1/reports/nope"), 404, "unknown-job")
    problem_of(client.get("/v1/reports/nope/files"), 404, "unknown-job")


def test_report_jobs_beyond_the_limit_are_told_to_wait() -> None:
    jobs = Jobs(running_limit=1, kept=4)
    first = jobs.start(b"", "zip")
    try:
        with pytest.raises(Exception) as raised:
            jobs.start(b"", "zip")
        problem: Any = raised.value
        assert (problem.status, problem.code, problem.headers) == (503, "busy",
                                                                   {"Retry-After": "30"})
    finally:
        first.done.set()
        jobs.close()
    assert not first.folder.exists()


# --- the OpenAPI document and its page ----------------------------------------------------------


def test_the_openapi_document_is_valid(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    validate(document)
    assert {"/v1/health", "/v1/criteria-sets", "/v1/evaluations", "/v1/explanations",
            "/v1/reports"} <= set(document["paths"])


def test_the_docs_page_needs_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.headers["content-type"].startswith("text/html")
    assert "<script" not in page.text and "http://" not in page.text \
        and "https://" not in page.text
    for path in client.get("/openapi.json").json()["paths"]:
        assert path in page.text


def test_every_problem_code_of_the_service_is_documented_once() -> None:
    import re
    import typing

    from learning_models._serve.problems import TITLES, ServiceCode

    text = (Path(__file__).parents[2] / "docs" / "service.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z-]+)` \| \d{3} \|", text, re.MULTILINE)
    assert sorted(documented) == sorted(typing.get_args(ServiceCode)) == sorted(TITLES)


def test_serve_without_the_server_extra_says_how_to_install_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "uvicorn", None)
    assert main(["serve", "--lang", "en"]) == 3
    assert capsys.readouterr().err == ("the HTTP service needs 'uvicorn': python -m pip install "
                                       "'learning-models[server]'\n")


def test_a_long_report_answers_202_with_its_status_url(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    release = threading.Event()
    run = Jobs.run

    def held(self: Jobs, *args: Any) -> None:
        release.wait(60)
        run(self, *args)

    monkeypatch.setattr(Jobs, "run", held)
    with client_for(ServeConfig(wait_seconds=0)) as patient:
        started = patient.post("/v1/reports", data={"year": "2024"},
                               files={"file": ("data.zip", zipped(DATA_2024))})
        assert started.status_code == 202
        job = started.json()
        assert (job["status"], started.headers["location"]) == ("running", job["status_url"])
        problem_of(patient.get(job["status_url"] + "/files"), 409, "job-not-done")
        release.set()
        patient.app.state.jobs.get(job["job"]).done.wait(120)   # type: ignore[attr-defined]
        done = patient.get(job["status_url"]).json()
        assert done["status"] == "done" and done["rollup"]["year"] == 2024
        assert patient.get(done["files_url"]).status_code == 200
