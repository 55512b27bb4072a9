"""The service as clients use it: every endpoint through the ASGI test client, answers
compared with the command line's, and every failure a problem document."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import polars as pl
import pytest
from fastapi.testclient import TestClient

from learning_models._cli import main
from learning_models._scoring.output_schema import results_schema
from learning_models._serve.config import ServeConfig

from .conftest import FAMILY, client_for

EXAMPLES = Path(__file__).parents[2] / "examples" / "family"
HOUSEHOLDS = EXAMPLES / "households.csv"
PROBLEM = "application/problem+json"


def households() -> list[dict[str, Any]]:
    with HOUSEHOLDS.open(encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    main(list(argv))
    return json.loads(capsys.readouterr().out)


def problem_of(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert (body["status"], body["code"]) == (status, code)
    assert body["type"] == f"urn:learning-models:problem:{code}"
    return body


# --- the catalogue ----------------------------------------------------------------------------


def test_health_names_the_version_and_each_sets_content_hash(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok" and body["version"]
    assert {s["id"] for s in body["criteria_sets"]} >= {FAMILY}
    assert all(len(s["content_hash"]) == 64 for s in body["criteria_sets"])


def test_the_catalogue_is_what_list_prints(client: TestClient,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert client.get("/v1/criteria-sets").json() == cli_json(capsys, "list", "--format",
                                                              "json")


def test_a_set_is_served_resolved_as_show_prints_it(client: TestClient,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    served = client.get(f"/v1/criteria-sets/{FAMILY}").json()
    assert served == cli_json(capsys, "show", FAMILY, "--resolved", "--format", "json")


def test_the_evidence_schema_is_what_schema_evidence_prints(
        client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    served = client.get(f"/v1/criteria-sets/{FAMILY}/evidence-schema").json()
    assert served == cli_json(capsys, "schema", "evidence", "--criteria", FAMILY)


def test_an_unknown_set_is_a_problem_in_vietnamese_by_default(client: TestClient) -> None:
    body = problem_of(client.get("/v1/criteria-sets/vn/famly"), 404, "not-found")
    assert body["title"] == "Không tìm thấy"
    assert body["detail"] == "không có bộ tiêu chí mã 'vn/famly'"
    assert body["instance"] == "/v1/criteria-sets/vn/famly"


@pytest.mark.parametrize(("query", "headers"), [("?lang=en", {}),
                                                ("", {"Accept-Language": "en-GB,en;q=0.8"})])
def test_a_problem_speaks_english_when_asked(client: TestClient, query: str,
                                             headers: dict[str, str]) -> None:
    body = problem_of(client.get(f"/v1/criteria-sets/nope{query}", headers=headers), 404,
                      "not-found")
    assert (body["title"], body["detail"]) == ("Not found", "no criteria set with id 'nope'")


def test_an_unknown_path_and_a_wrong_method_are_problems(client: TestClient) -> None:
    problem_of(client.get("/v2/anything"), 404, "not-found")
    problem_of(client.delete("/v1/criteria-sets"), 405, "method-not-allowed")


# --- evaluations ------------------------------------------------------------------------------


def test_evaluations_answer_exactly_what_evaluate_prints(
        client: TestClient, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = households()
    served = client.post("/v1/evaluations", json={"criteria": FAMILY, "year": 2024,
                                                  "records": records})
    assert served.status_code == 200
    (tmp_path / "records.json").write_text(json.dumps(records), encoding="utf-8")
    printed = cli_json(capsys, "evaluate", "--criteria", FAMILY, "--year", "2024", "--input",
                       str(tmp_path / "records.json"), "--format", "json")
    assert served.json() == printed
    jsonschema.validate(served.json(), results_schema())


def test_a_rejected_record_is_a_200_with_the_record_in_errors(client: TestClient) -> None:
    response = client.post("/v1/evaluations", json={
        "criteria": FAMILY, "year": 2024,
        "records": [{"id": "A", "adults": 2}, {"id": "B", "adults": "hai"}]})
    assert response.status_code == 200
    body = response.json()
    assert [e["subject"] for e in body["evaluations"]] == ["A"]
    assert [(e["record"], e["row"], e["field"]) for e in body["errors"]] == [("B", 2, "adults")]
    jsonschema.validate(body, results_schema())


def test_a_rejected_records_message_is_in_the_language_asked_its_code_in_english(
        client: TestClient) -> None:
    request = {"criteria": FAMILY, "year": 2024, "records": [{"id": "B", "adults": "hai"}]}
    vi = client.post("/v1/evaluations", json=request).json()["errors"][0]
    en = client.post("/v1/evaluations?lang=en", json=request).json()["errors"][0]
    assert vi["code"] == en["code"] == "invalid-record"
    assert vi["message"] == "'adults' phải là số nguyên, nhưng đã ghi 'hai'"
    assert en["message"] == "'adults' must be a whole number, found 'hai'"


def test_a_set_named_by_model_and_year_is_the_one_in_force(client: TestClient) -> None:
    body = client.post("/v1/evaluations", json={
        "criteria": {"model": "family", "year": 2027}, "records": [{"id": "A"}]}).json()
    assert body["evaluations"][0]["criteria_set"] == "vn/2026-2030/family"
    assert body["evaluations"][0]["year"] == 2027


def test_units_of_both_kinds_named_by_model_and_year_go_each_to_its_set(
        client: TestClient) -> None:
    units = Path(__file__).parents[2] / "examples" / "units" / "units.csv"
    with units.open(encoding="utf-8") as handle:
        records = [{k: v for k, v in row.items() if v} for row in csv.DictReader(handle)]
    body = client.post("/v1/evaluations", json={
        "criteria": {"model": "unit", "year": 2024}, "records": records,
        "explain": True}).json()
    assert {e["subject"]: e["criteria_set"] for e in body["evaluations"]} == {
        "UBND-01": "vn/2021-2025/unit", "TRUONG-01": "vn/2021-2025/unit",
        "PGD-01": "vn/2021-2025/unit-tt22", "TTGDTX-01": "vn/2021-2025/unit-tt22",
        "SGD-01": "vn/2021-2025/unit-tt22"}
    assert all(e["explanation"] for e in body["evaluations"])
    assert [(e["record"], e["code"]) for e in body["errors"]] == [("X-01", "no-set-applies")]
    jsonschema.validate(body, results_schema())
    streamed = client.post("/v1/evaluations?model=unit&year=2024",
                           content=units.read_bytes(), headers={"Content-Type": "text/csv"})
    lines = [json.loads(line) for line in streamed.text.splitlines()]
    assert [line["evaluation"]["criteria_set"] for line in lines if "evaluation" in line] \
        == [e["criteria_set"] for e in body["evaluations"]]


def test_explain_adds_each_subjects_explanation_in_the_language_asked(
        client: TestClient) -> None:
    body = client.post("/v1/evaluations", json={
        "criteria": FAMILY, "year": 2024, "records": households()[:2], "explain": True,
        "lang": "en"}).json()
    assert all(e["explanation"].startswith(f"Subject: {e['subject']}")
               for e in body["evaluations"])
    jsonschema.validate(body, results_schema())


def test_a_csv_body_is_answered_as_ndjson(client: TestClient) -> None:
    text = HOUSEHOLDS.read_text(encoding="utf-8") + "HH-BAD,x,hai,,,,,,,,,,,,\n"
    response = client.post(f"/v1/evaluations?criteria={FAMILY}&year=2024",
                           content=text.encode(), headers={"Content-Type": "text/csv"})
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in response.text.splitlines()]
    subjects = [line["evaluation"]["subject"] for line in lines if "evaluation" in line]
    errors = [line["error"] for line in lines if "error" in line]
    assert subjects == [r["id"] for r in households()]
    assert [(e["record"], e["file"], e["field"]) for e in errors] == [
        ("HH-BAD", "<body>", "school_age_children")]


@pytest.mark.parametrize("media", ["application/vnd.apache.parquet",
                                   "application/vnd.apache.arrow.stream"])
def test_a_parquet_or_arrow_body_gives_what_a_json_body_gives(client: TestClient,
                                                              media: str) -> None:
    records = households()
    table = pl.DataFrame(records)
    buffer = io.BytesIO()
    if media.endswith("parquet"):
        table.write_parquet(buffer)
    else:
        table.write_ipc_stream(buffer)
    streamed = client.post("/v1/evaluations?model=family&year=2024", content=buffer.getvalue(),
                           headers={"Content-Type": media})
    assert streamed.status_code == 200, streamed.text
    lines = [json.loads(line)["evaluation"] for line in streamed.text.splitlines()]
    whole = client.post("/v1/evaluations", json={"criteria": FAMILY, "year": 2024,
                                                 "records": records}).json()
    assert lines == whole["evaluations"]


def test_a_table_body_that_is_not_one_is_a_problem(client: TestClient) -> None:
    body = problem_of(client.post(f"/v1/evaluations?criteria={FAMILY}", content=b"\x00garbage",
                                  headers={"Content-Type": "application/vnd.apache.arrow.stream"}),
                      422, "unreadable-evidence")
    assert body["field"] == "body"


def test_a_table_body_needs_its_set_in_the_query(client: TestClient) -> None:
    body = problem_of(client.post("/v1/evaluations", content=b"id\nA\n",
                                  headers={"Content-Type": "text/csv"}), 422, "invalid-request")
    assert body["field"] == "criteria"


def test_another_content_type_is_refused(client: TestClient) -> None:
    problem_of(client.post("/v1/evaluations", content=b"<x/>",
                           headers={"Content-Type": "application/xml"}),
               415, "unsupported-media-type")


def test_a_request_off_its_schema_names_the_field(client: TestClient) -> None:
    body = problem_of(client.post("/v1/evaluations", json={"criteria": FAMILY, "records": 3}),
                      422, "invalid-request")
    assert body["field"] == "records"
    problem_of(client.post("/v1/evaluations", content=b"{not json",
                           headers={"Content-Type": "application/json"}), 422, "invalid-request")


def test_a_year_outside_the_sets_period_is_refused(client: TestClient) -> None:
    body = problem_of(client.post("/v1/evaluations", json={
        "criteria": FAMILY, "year": 2030, "records": [{"id": "A"}], "lang": "en"}),
        422, "refused")
    assert "outside the period 2021-2025" in body["detail"]


def test_an_overlay_is_only_one_a_plugin_offers_by_name(client: TestClient,
                                                        tmp_path: Path) -> None:
    overlay = tmp_path / "local.yaml"
    overlay.write_text("format: learning-models/overlay/1\n", encoding="utf-8")
    body = problem_of(client.post("/v1/evaluations", json={
        "criteria": FAMILY, "records": [], "overlays": [str(overlay)]}), 422, "unknown-overlay")
    assert body["field"] == "overlays"


def test_an_uploaded_set_is_refused_unless_the_server_allows_it(client: TestClient) -> None:
    document = json.loads(json.dumps(client.get(f"/v1/criteria-sets/{FAMILY}").json()))
    document["id"] = "local/family"
    request = {"criteria": {"document": document}, "year": 2024, "records": [{"id": "A"}]}
    problem_of(client.post("/v1/evaluations", json=request), 403, "upload-not-allowed")
    with client_for(ServeConfig(allow_criteria_upload=True)) as allowing:
        body = allowing.post("/v1/evaluations", json=request).json()
        assert body["evaluations"][0]["criteria_set"] == "local/family"
        document["recognition"] = {"pass": "total >="}
        broken = allowing.post("/v1/evaluations", json=request)
        assert problem_of(broken, 422, "invalid-criteria")["problems"][0]["code"] == \
            "expression-syntax"


# --- explanations -----------------------------------------------------------------------------


def test_an_explanation_is_what_explain_prints(client: TestClient,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    record = households()[5]
    served = client.post("/v1/explanations", json={"criteria": FAMILY, "year": 2024,
                                                   "record": record})
    assert served.headers["content-type"].startswith("text/plain")
    main(["explain", "--criteria", FAMILY, "--year", "2024", "--input", str(HOUSEHOLDS),
          "--subject", record["id"]])
    assert served.text == capsys.readouterr().out


def test_a_structured_explanation_carries_the_evaluation(client: TestClient) -> None:
    body = client.post("/v1/explanations", json={"criteria": FAMILY, "year": 2024,
                                                 "record": households()[0],
                                                 "format": "structured", "lang": "en"}).json()
    assert body["evaluation"]["subject"] == "HH-001"
    assert body["explanation"].startswith("Subject: HH-001")


def test_explaining_a_rejected_record_is_a_problem_with_its_errors(client: TestClient) -> None:
    body = problem_of(client.post("/v1/explanations", json={
        "criteria": FAMILY, "record": {"id": "X", "adults": -1}}), 422, "record-rejected")
    assert (body["record"], body["field"]) == ("X", "adults")
    assert body["errors"][0]["code"] == "out-of-bounds"
    assert body["errors"][0]["message"] == "'adults' là -1, nhỏ hơn mức tối thiểu 0"
    assert body["detail"] == "hồ sơ bị từ chối: 'adults' là -1, nhỏ hơn mức tối thiểu 0"
    english = problem_of(client.post("/v1/explanations?lang=en", json={
        "criteria": FAMILY, "record": {"id": "X", "adults": -1}}), 422, "record-rejected")
    assert english["errors"][0]["message"] == "'adults' is -1, below the minimum 0"


# --- limits -----------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_a_413(client: TestClient) -> None:
    with client_for(ServeConfig(max_body_bytes=1000)) as small:
        body = problem_of(small.post("/v1/evaluations", json={
            "criteria": FAMILY, "records": [{"id": str(n)} for n in range(200)]}),
            413, "body-too-large")
        assert "MiB" in body["detail"]


def test_too_many_records_is_a_413(client: TestClient) -> None:
    with client_for(ServeConfig(max_records=2)) as small:
        body = problem_of(small.post("/v1/evaluations", json={
            "criteria": FAMILY, "records": [{"id": "A"}, {"id": "B"}, {"id": "C"}]}),
            413, "too-many-records")
        assert body["field"] == "records"


def test_a_request_over_its_time_is_a_503(monkeypatch: pytest.MonkeyPatch) -> None:
    from learning_models._serve.service import Service

    released = __import__("threading").Event()
    monkeypatch.setattr(Service, "criteria_sets", lambda self: released.wait(30))
    with client_for(ServeConfig(request_seconds=0.01)) as slow:
        try:
            problem_of(slow.get("/v1/criteria-sets"), 503, "timeout")
        finally:
            released.set()


def test_a_problem_speaks_the_language_the_body_asks_for(client: TestClient) -> None:
    request = {"criteria": "vn/famly", "records": [], "lang": "en"}
    body = problem_of(client.post("/v1/evaluations", json=request), 404, "not-found")
    assert body["detail"] == "no criteria set with id 'vn/famly'"
    body = problem_of(client.post("/v1/evaluations?lang=vi", json=request), 404, "not-found")
    assert body["detail"] == "không có bộ tiêu chí mã 'vn/famly'"
