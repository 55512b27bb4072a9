"""Report jobs: a data-entry workbook or a zipped dataset folder in, the roll-up and the
report files (xlsx, html, results) out.

Each job works in its own temporary folder, which nothing from a request can leave: the
upload is saved there under a fixed name, a zip is unpacked member by member after its
names are checked (no absolute paths, no ``..``, no links; bounded count and size), and the
report is written into ``out/`` beside it. At most ``max_report_jobs`` run at once; finished
jobs are kept (newest ``kept_jobs``) for their files, then their folders removed.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
import zipfile
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import learning_models as lm

from .._catalog import shipped_targets
from .problems import ServiceProblem, from_library_error, hide_folder

__all__ = ["Job", "Jobs"]

MAX_ZIP_MEMBERS = 10_000
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024

JobStatus = Literal["running", "done", "failed"]


@dataclass
class Job:
    """One report being made, or made."""

    id: str
    folder: Path
    shown: str                              # the upload's name, as the client gave it
    status: JobStatus = "running"
    rollup: dict[str, Any] | None = None
    counts: dict[str, Any] = field(default_factory=dict)
    problem: ServiceProblem | None = None
    done: threading.Event = field(default_factory=threading.Event)

    @property
    def archive(self) -> Path:
        return self.folder / "report.zip"


class Jobs:
    """The report jobs of one server process."""

    def __init__(self, running_limit: int, kept: int) -> None:
        self._slots = threading.BoundedSemaphore(running_limit)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._kept = kept
        self._lock = threading.Lock()

    def start(self, upload: bytes, kind: Literal["xlsx", "zip"], shown: str = "") -> Job:
        """A new job with the upload saved in its folder (503 when all slots are taken)."""
        if not self._slots.acquire(blocking=False):
            raise ServiceProblem(
                503, "busy", ("đang có quá nhiều báo cáo chạy cùng lúc; thử lại sau",
                              "too many reports are running; try again later"),
                headers={"Retry-After": "30"})
        job = Job(uuid.uuid4().hex, Path(tempfile.mkdtemp(prefix="lm-report-")),
                  shown or f"upload.{kind}")
        (job.folder / f"upload.{kind}").write_bytes(upload)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        return job

    def get(self, ident: str) -> Job:
        with self._lock:
            job = self._jobs.get(ident)
        if job is None:
            raise ServiceProblem(404, "unknown-job", (f"không có báo cáo mã {ident!r}",
                                                      f"no report job {ident!r}"), field="job")
        return job

    def run(self, job: Job, catalog: lm.Catalog, year: int, targets: str | None,
            lang: Literal["vi", "en"]) -> None:
        """Make the report of `job` (in a worker thread); frees its slot when done."""
        try:
            _make_report(job, catalog, year, targets, lang)
            job.status = "done"
        except ServiceProblem as problem:
            job.problem, job.status = problem, "failed"
        except lm.LearningModelsError as exc:
            job.problem = hide_folder(from_library_error(exc), str(job.folder), job.shown)
            job.status = "failed"
        except Exception:
            job.problem = ServiceProblem(500, "internal-error", (
                "lỗi nội bộ khi lập báo cáo", "internal error while making the report"))
            job.status = "failed"
        finally:
            job.done.set()
            self._slots.release()

    def close(self) -> None:
        """Remove every job's folder (the server is stopping)."""
        with self._lock:
            for job in self._jobs.values():
                shutil.rmtree(job.folder, ignore_errors=True)
            self._jobs.clear()

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.done.is_set()]
        for job in finished[:max(0, len(self._jobs) - self._kept)]:
            shutil.rmtree(job.folder, ignore_errors=True)
            del self._jobs[job.id]


def check_targets(targets: str | None) -> None:
    """Only the shipped targets, by id: a request never names a file."""
    known = shipped_targets()
    if targets is not None and targets not in known:
        raise ServiceProblem(422, "unknown-targets",
                             (f"không có bộ chỉ tiêu {targets!r}; có: {', '.join(known)}",
                              f"no targets {targets!r}; available: {', '.join(known)}"),
                             field="targets")


def _make_report(job: Job, catalog: lm.Catalog, year: int, targets: str | None,
                 lang: Literal["vi", "en"]) -> None:
    chosen = lm.load_targets(targets, catalog=catalog) if targets is not None else None
    dataset = _read_upload(job.folder)
    evaluation = lm.evaluate_dataset(dataset, year=year, catalog=catalog)
    rolled = lm.rollup(evaluation, chosen)
    report = lm.build_report(evaluation, rolled, lang=lang, targets=chosen)
    out = job.folder / "out"
    out.mkdir()
    lm.write_xlsx(report, out / f"bao-cao-{year}.xlsx")
    lm.write_html(report, out / f"bao-cao-{year}.html")
    written = lm.write_results(evaluation, out, rollup=rolled)
    with zipfile.ZipFile(job.archive, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(out.iterdir()):
            archive.write(path, path.name)
    job.rollup = rolled.to_dict()
    job.counts = {"files": sorted(p.name for p in out.iterdir()),
                  "rejected": len(evaluation.errors), "written": len(written)}


def _read_upload(folder: Path) -> lm.Dataset:
    workbook = folder / "upload.xlsx"
    if workbook.is_file():
        return lm.read_workbook(workbook)
    root = folder / "data"
    _unpack(folder / "upload.zip", root)
    entries = list(root.iterdir())
    if len(entries) == 1 and entries[0].is_dir():   # a zipped folder: its one top folder
        root = entries[0]
    return lm.read_dataset(root)


def _unpack(archive: Path, root: Path) -> None:
    """Unpack a dataset zip into `root`, refusing any member that would land outside it."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = zipped.infolist()
            _check_members(members)
            root.mkdir()
            for member in members:
                target = root.joinpath(*PurePosixPath(member.filename).parts)
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(member) as source, target.open("wb") as sink:
                    shutil.copyfileobj(source, sink)
    # zipfile: NotImplementedError for a compression method it lacks, RuntimeError for a
    # password, zlib.error for a damaged compressed part
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, zlib.error) as exc:
        raise _bad_zip(f"không mở được tệp zip: {exc}", f"cannot open the zip: {exc}") \
            from exc


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_ZIP_MEMBERS:
        raise _bad_zip(f"tệp zip có hơn {MAX_ZIP_MEMBERS} mục",
                       f"the zip holds more than {MAX_ZIP_MEMBERS} entries")
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise _bad_zip("tệp zip giải nén ra quá lớn", "the zip unpacks to too many bytes")
    for member in members:
        path = PurePosixPath(member.filename.replace("\\", "/"))
        link = (member.external_attr >> 16) & 0o170000 == 0o120000
        if path.is_absolute() or ".." in path.parts or ":" in member.filename or link:
            raise _bad_zip(f"tệp zip có mục không hợp lệ: {member.filename!r}",
                           f"the zip holds an entry that is not allowed: {member.filename!r}")


def _bad_zip(vi: str, en: str) -> ServiceProblem:
    return ServiceProblem(422, "unreadable-evidence", (vi, en), field="file")
