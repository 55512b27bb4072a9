"""The HTTP service against the library called in-process, in the same run.

Starts ``learning-models serve`` on 127.0.0.1 (a free port; loopback only, never another
address) with ``family-10.yaml`` beside this file in its catalogue, then sends a bounded
load from one client with a kept-alive connection (httpx):

* one subject per request (``POST /v1/evaluations``, JSON): ``--requests`` requests at most,
  stopping early after ``--seconds``; requests/s and p50/p90/p99 latency;
* batches of 1,000 records (JSON; ``--batch-requests`` requests) and one batch of 100,000
  (JSON, and CSV answered as NDJSON; ``--large`` to change the size): the time of each
  request;

and, in the same process, ``lm.evaluate`` + ``Evaluations.to_dict`` (what the service
serialises) on the same records: p50 for one subject, the best of the runs for a batch.
Before timing, the answer of each kind is checked against the in-process results.

    python benchmarks/serve.py                              # needs the server extra
    python benchmarks/serve.py --requests 500 --seconds 10 --large 20000
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
import orjson
import polars as pl
from evaluate import households

import learning_models as lm

HERE = Path(__file__).parent
SET_ID = "benchmarks/family-10"
YEAR = 2024


def records(n: int, seed: int) -> list[dict[str, Any]]:
    """`n` seeded households, as a portal sends them: JSON values, no nulls."""
    frame = households(n, seed)
    return [{k: v for k, v in row.items() if v is not None} for row in frame.to_dicts()]


def csv_of(rows: list[dict[str, Any]]) -> bytes:
    return pl.DataFrame(rows).write_csv().encode()


# --- the server -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "learning_models", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--criteria-dir", str(HERE), "--max-body-mb", "512",
               "--request-timeout", "600"]
    process = subprocess.Popen(command)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for _ in range(600):                    # at most a minute
            try:
                if client.get("/v1/health").status_code == 200:
                    return process
            except httpx.TransportError:
                time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


# --- timing ---------------------------------------------------------------------------------

def percentiles(times: Sequence[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49], cuts[89], cuts[98]


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def bounded(run: Callable[[], object], count: int, seconds: float) -> list[float]:
    """Up to `count` runs, stopping once `seconds` have passed."""
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(times) < count and time.perf_counter() < deadline:
        times.append(timed(run))
    return times


def post_json(client: httpx.Client, rows: list[dict[str, Any]]) -> dict[str, Any]:
    body = orjson.dumps({"criteria": SET_ID, "year": YEAR, "records": rows})
    answer = client.post("/v1/evaluations", content=body,
                         headers={"Content-Type": "application/json"})
    answer.raise_for_status()
    data: dict[str, Any] = orjson.loads(answer.content)
    return data


def post_csv(client: httpx.Client, body: bytes) -> list[dict[str, Any]]:
    answer = client.post(f"/v1/evaluations?criteria={SET_ID}&year={YEAR}", content=body,
                         headers={"Content-Type": "text/csv"})
    answer.raise_for_status()
    return [orjson.loads(line)["evaluation"] for line in answer.content.splitlines()]


def in_process(spec: lm.CriteriaSet, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return lm.evaluate(spec, rows, year=YEAR).to_dict()


def check(served: list[dict[str, Any]], local: dict[str, Any], what: str) -> None:
    if served != local["evaluations"]:
        raise SystemExit(f"{what}: the service's answer differs from the library's")


# --- the run --------------------------------------------------------------------------------

def run_single(client: httpx.Client, spec: lm.CriteriaSet, one: list[dict[str, Any]],
               args: argparse.Namespace) -> None:
    check(post_json(client, one)["evaluations"], in_process(spec, one), "one subject")
    bounded(lambda: post_json(client, one), 50, 5)                    # warm-up
    http = bounded(lambda: post_json(client, one), args.requests, args.seconds)
    local = bounded(lambda: in_process(spec, one), args.requests, args.seconds)
    p50, p90, p99 = (t * 1000 for t in percentiles(http))
    l50 = statistics.median(local) * 1000
    print(f"one subject per request: {len(http)} requests, {len(http) / sum(http):,.0f} req/s; "
          f"p50 {p50:.2f} ms, p90 {p90:.2f} ms, p99 {p99:.2f} ms; in-process p50 {l50:.3f} ms")


def run_batch(client: httpx.Client, spec: lm.CriteriaSet, rows: list[dict[str, Any]],
              requests: int) -> None:
    check(post_json(client, rows)["evaluations"], in_process(spec, rows), f"{len(rows)} JSON")
    http = bounded(lambda: post_json(client, rows), requests, 120)
    local = min(bounded(lambda: in_process(spec, rows), requests, 120))
    p50 = statistics.median(http)
    print(f"{len(rows):>7,} records, JSON: {len(http)} requests, p50 {p50:.3f} s "
          f"({len(rows) / p50:,.0f} records/s); in-process {local:.3f} s; "
          f"ratio {p50 / local:.2f}×")


def run_csv(client: httpx.Client, spec: lm.CriteriaSet, rows: list[dict[str, Any]]) -> None:
    body = csv_of(rows)
    local = in_process(spec, rows)
    served: list[dict[str, Any]] = []
    seconds = timed(lambda: served.extend(post_csv(client, body)))
    check(served, local, f"{len(rows)} CSV")
    best = min(bounded(lambda: in_process(spec, rows), 2, 120))
    print(f"{len(rows):>7,} records, CSV → NDJSON: {seconds:.3f} s "
          f"({len(rows) / seconds:,.0f} records/s); in-process {best:.3f} s; "
          f"ratio {seconds / best:.2f}×")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000,
                        help="most one-subject requests (default 2000)")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="most seconds of one-subject requests (default 20)")
    parser.add_argument("--batch-requests", type=int, default=20,
                        help="requests of 1,000 records (default 20)")
    parser.add_argument("--large", type=int, default=100_000, help="the large batch's size")
    parser.add_argument("--seed", type=int, default=387)
    args = parser.parse_args(argv)
    spec = lm.Catalog.default([HERE]).get(SET_ID)
    print(f"learning-models {lm.__version__}, Python {platform.python_version()}, "
          f"Polars {pl.__version__}, {os.cpu_count()} CPUs; set {SET_ID}; loopback")
    port = free_port()
    server = start_server(port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
            run_single(client, spec, records(1, args.seed), args)
            run_batch(client, spec, records(1000, args.seed), args.batch_requests)
            large = records(args.large, args.seed)
            run_batch(client, spec, large, 2)
            run_csv(client, spec, large)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)


if __name__ == "__main__":
    main()
