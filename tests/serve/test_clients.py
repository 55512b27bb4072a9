"""The real server process on loopback, driven as portals drive it: from Java
(``java Client.java``, JDK 17's ``java.net.http``) and from curl — evaluate a record, read a
problem for a bad one. Skipped, saying why, where java or curl is not installed (CI installs
both)."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CLIENT = Path(__file__).parent / "clients" / "Client.java"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "learning_models", "serve", "--port",
                                str(port)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process: subprocess.Popen[str], base: str) -> None:
    """Poll the health endpoint (at most 600 times, 0.1 s apart) while the process lives."""
    for _ in range(600):
        if process.poll() is not None:
            pytest.fail(f"the server stopped: {process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(base + "/v1/health", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail("the server did not answer /v1/health")


def answers(lines: list[str]) -> list[tuple[int, str, Any]]:
    """(status, content type, parsed body) of each request the client printed."""
    found = []
    for head, body in zip(lines[::2], lines[1::2], strict=True):
        status, _, media = head.partition(" ")
        found.append((int(status), media, json.loads(body)))
    return found


@pytest.mark.skipif(shutil.which("java") is None,
                    reason="java is not installed: apt-get install openjdk-17-jdk-headless")
def test_a_java_client_evaluates_and_reads_a_problem(server: str, tmp_path: Path) -> None:
    run = subprocess.run(["java", str(CLIENT), server], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stderr
    (ok, ok_media, results), (bad, bad_media, problem) = answers(run.stdout.splitlines())
    assert (ok, ok_media) == (200, "application/json")
    assert [e["subject"] for e in results["evaluations"]] == ["HH-1"]
    assert results["evaluations"][0]["provenance"]["criteria_set"] == "vn/2021-2025/family"
    assert (bad, bad_media) == (404, "application/problem+json")
    assert (problem["code"], problem["detail"]) == (
        "not-found", "không có bộ tiêu chí mã 'vn/2021-2025/famly'")


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_evaluates_a_csv_and_reads_a_problem(server: str) -> None:
    csv = "id,school_age_children,children_in_school\nHH-1,2,2\nHH-2,hai,1\n"
    run = subprocess.run(
        ["curl", "-sS", "--data-binary", "@-", "-H", "Content-Type: text/csv",
         f"{server}/v1/evaluations?criteria=vn/2021-2025/family&year=2024"],
        input=csv, capture_output=True, text=True, timeout=60, check=True)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [next(iter(line)) for line in lines] == ["evaluation", "error"]
    assert lines[1]["error"]["record"] == "HH-2"
    run = subprocess.run(
        ["curl", "-sS", "-w", "\n%{http_code} %{content_type}", "-H",
         "Content-Type: application/json", "-d", '{"criteria": 7, "records": []}',
         f"{server}/v1/evaluations?lang=en"],
        capture_output=True, text=True, timeout=60, check=True)
    body, status = run.stdout.rsplit("\n", 1)
    assert status == "422 application/problem+json"
    assert json.loads(body)["code"] == "invalid-request"
