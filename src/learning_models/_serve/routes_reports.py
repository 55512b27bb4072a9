"""``POST /v1/reports`` and its job: a workbook or a zipped dataset folder, a year and
targets in; the roll-up JSON and the report files (a zip) out. A report that is done within
``wait_seconds`` is answered at once (200); a longer one answers 202 with the job's status
URL (``Location``), which gives the roll-up when it is done."""

from __future__ import annotations

import threading
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, Form, UploadFile
from fastapi.responses import FileResponse, Response
from starlette.concurrency import run_in_threadpool

from .auth import requires
from .openapi import responses
from .problems import ServiceProblem, problem_body
from .reports import Job, Jobs, check_targets
from .responses import JSONBytes
from .service import Service

__all__ = ["install_report_routes"]

_FILE = "a data-entry workbook (.xlsx) or a zipped dataset folder (.zip)"


def install_report_routes(app: FastAPI, service: Service, jobs: Jobs) -> None:
    """Add the report endpoints."""
    guard = [Depends(requires(service.config.api_keys, "reports"))]

    @app.post("/v1/reports", tags=["reports"], dependencies=guard,
              responses={**responses(200, "ReportJob", 401, 403, 413, 422, 503),
                         202: {"description": "still running: see Location",
                               "content": {"application/json": {"schema": {
                                   "$ref": "#/components/schemas/ReportJob"}}}}})
    async def reports(file: Annotated[UploadFile, File(description=_FILE)],
                      year: Annotated[int, Form(ge=1900, le=2200)],
                      targets: Annotated[str | None, Form(max_length=100)] = None,
                      lang: Annotated[Literal["vi", "en"], Form()] = "vi") -> Response:
        """Make a year's report of a dataset against a plan's shipped targets."""
        check_targets(targets)
        upload = await file.read()
        kind = _kind(file.filename, upload)
        job = jobs.start(upload, kind, Path(file.filename or "").name)
        worker = threading.Thread(target=jobs.run, name=f"report-{job.id}", daemon=True,
                                  args=(job, service.catalog, year, targets, lang))
        worker.start()
        await run_in_threadpool(job.done.wait, service.config.wait_seconds)
        if job.status == "failed" and job.problem is not None:
            raise job.problem
        body = _status(job, lang)
        if job.status == "running":
            return JSONBytes(body, status_code=202, headers={"Location": body["status_url"]})
        return JSONBytes(body)

    _install_job_routes(app, guard, jobs)


def _install_job_routes(app: FastAPI, guard: list[Any], jobs: Jobs) -> None:
    @app.get("/v1/reports/{job}", tags=["reports"], dependencies=guard,
             responses=responses(200, "ReportJob", 401, 403, 404))
    async def report_status(job: str, lang: Literal["vi", "en"] = "vi") -> Response:
        """A report job's status; its roll-up when it is done."""
        return JSONBytes(_status(jobs.get(job), lang))

    @app.get("/v1/reports/{job}/files", tags=["reports"], dependencies=guard,
             responses=responses(200, "Zip", 401, 403, 404, 409, 422))
    async def report_files(job: str) -> Response:
        """The report files (xlsx, html, results.json/csv, errors.csv, rollup.json) as a zip."""
        found = jobs.get(job)
        if found.status == "failed" and found.problem is not None:
            raise found.problem
        if found.status != "done":
            raise ServiceProblem(409, "job-not-done", (
                "báo cáo chưa xong; xem trạng thái", "the report is not done; see its status"),
                headers={"Retry-After": "5"})
        return FileResponse(found.archive, media_type="application/zip",
                            filename=f"report-{found.id}.zip")


def _status(job: Job, lang: Literal["vi", "en"]) -> dict[str, Any]:
    body: dict[str, Any] = {"job": job.id, "status": job.status,
                            "status_url": f"/v1/reports/{job.id}"}
    if job.status == "done":
        body.update(files_url=f"/v1/reports/{job.id}/files", files=job.counts["files"],
                    rejected=job.counts["rejected"], rollup=job.rollup)
    elif job.status == "failed" and job.problem is not None:
        body["problem"] = problem_body(job.problem, lang)
    return body


def _kind(filename: str | None, upload: bytes) -> Literal["xlsx", "zip"]:
    """A workbook or a zipped folder, by its name or else by its content."""
    name = (filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if name.endswith(".zip"):
        return "zip"
    try:
        with zipfile.ZipFile(BytesIO(upload)) as archive:
            return "xlsx" if "[Content_Types].xml" in archive.namelist() else "zip"
    except zipfile.BadZipFile:
        raise ServiceProblem(422, "unreadable-evidence", (
            "tệp gửi lên phải là sổ nhập liệu .xlsx hoặc thư mục dữ liệu nén .zip",
            "the file must be a data-entry workbook (.xlsx) or a zipped dataset folder (.zip)"),
            field="file") from None
