"""The default back end: a folder of Parquet and JSON files, no server needed.

    PLACE/history.json                      format and schema version
    PLACE/runs/<run>.json                   one file per run (`HistoryRun`)
    PLACE/results/<run>.parquet             the run's rows (`rows.RESULT_SCHEMA`)
    PLACE/figures/<run>.parquet             its roll-up by area (`rows.FIGURE_SCHEMA`)
    PLACE/crosswalk/<run>.parquet           its data's crosswalk (`rows.CROSSWALK_SCHEMA`)
    PLACE/target_figures/<run>.parquet      what it measured each narrowed target on
                                            (`rows.TARGET_FIGURE_SCHEMA`; version 2)
    PLACE/current/<decided>-<order>.json    one file per decision on a year's current run

Every file is written once, atomically, under a name no other writer uses (run ids are
unique), so writers of the same year at the same time never lose each other's runs. A run
exists once its ``runs/`` file does, and that file is written after its rows: a run
interrupted half-way is never seen. Copying the folder is a backup.

Versions: 1, the runs, results, figures and crosswalks; 2, each run's target figures.
Opening a version-1 history migrates it (`FOLDER_MIGRATIONS`): a run recorded before
version 2 gets an empty table of target figures (its annual report's narrowed figures were
not kept: the review says so), then ``history.json`` says version 2.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from .._documents import atomic_path, say, write_text
from ..errors import HistoryError
from .rows import TABLES
from .store import Decision, History, HistoryRun, dumps

__all__ = ["FOLDER_FORMAT", "FOLDER_MIGRATIONS", "FOLDER_VERSION", "FolderHistory"]

FOLDER_FORMAT = "learning-models/history"
#: The version of the folder's layout this engine writes and reads.
FOLDER_VERSION = 2


class FolderHistory(History):
    """A history kept in a folder (created when missing)."""

    def __init__(self, folder: str | Path) -> None:
        self.root = Path(folder)
        self.place = str(folder)
        self._open()

    def _open(self) -> None:
        marker = self.root / "history.json"
        if self.root.exists() and not self.root.is_dir():
            raise HistoryError.saying(say("history-is-file", place=self.place))
        if not marker.exists():
            # Another process may be creating the same history: its temporary files are
            # hidden, and its marker may appear while we look.
            if self.root.exists() and any(not entry.name.startswith(".")
                                          for entry in self.root.iterdir()) \
                    and not marker.exists():
                raise HistoryError.saying(say("history-not-empty", place=self.place))
            try:
                write_text(marker, dumps({"format": FOLDER_FORMAT,
                                          "version": FOLDER_VERSION}))
            except OSError as exc:
                raise HistoryError.saying(say("history-cannot-create", place=self.place,
                                              reason=str(exc))) from exc
            return
        header = _json(marker)
        if header.get("format") != FOLDER_FORMAT or not isinstance(header.get("version"), int):
            raise HistoryError.saying(say("history-bad-marker", file=str(marker),
                                          format=FOLDER_FORMAT))
        if header["version"] > FOLDER_VERSION:
            raise HistoryError.saying(say("history-too-new", place=str(marker),
                                          version=header["version"], known=FOLDER_VERSION))
        if header["version"] < FOLDER_VERSION:
            self._migrate(header["version"])

    def _migrate(self, version: int) -> None:
        """Bring a folder of `version` to `FOLDER_VERSION` (every step is idempotent: two
        processes migrating at once write the same files)."""
        try:
            for number in range(version + 1, FOLDER_VERSION + 1):
                FOLDER_MIGRATIONS[number - 1](self.root)
                write_text(self.root / "history.json",
                           dumps({"format": FOLDER_FORMAT, "version": number}))
        except OSError as exc:
            raise HistoryError.saying(say("history-cannot-migrate", place=self.place,
                                          version=FOLDER_VERSION, reason=str(exc))) from exc

    def runs(self) -> tuple[HistoryRun, ...]:
        found = [HistoryRun.from_dict(_json(p)) for p in (self.root / "runs").glob("*.json")]
        return tuple(sorted(found, key=lambda r: (r.recorded_at, r.id)))

    def _append(self, run: HistoryRun, tables: Mapping[str, pl.DataFrame],
                decision: Decision | None) -> None:
        try:
            for table, rows in tables.items():
                with atomic_path(self.root / table / f"{run.id}.parquet") as temporary:
                    rows.write_parquet(temporary, statistics=True)
            write_text(self.root / "runs" / f"{run.id}.json", dumps(run.to_dict()))
        except OSError as exc:
            raise HistoryError.saying(say("history-cannot-record", place=self.place,
                                          run=run.id, reason=str(exc))) from exc
        if decision is not None:
            self._decide(decision)

    def _decide(self, decision: Decision) -> None:
        name = f"{decision.decided_at.replace(':', '')}-{decision.order}.json"
        try:
            write_text(self.root / "current" / name,
                       dumps({"decided_at": decision.decided_at, "order": decision.order,
                              "year": decision.year, "run": decision.run}))
        except OSError as exc:
            raise HistoryError.saying(say("history-cannot-decide", place=self.place,
                                          reason=str(exc))) from exc

    def _decisions(self) -> list[Decision]:
        return [Decision(str(d["decided_at"]), str(d["order"]), int(d["year"]), str(d["run"]))
                for d in map(_json, (self.root / "current").glob("*.json"))]

    def _read(self, table: str, runs: Sequence[str]) -> pl.DataFrame:
        files = [self.root / table / f"{run}.parquet" for run in runs]
        missing = [str(f) for f in files if not f.exists()]
        if missing:
            raise HistoryError.saying(say("history-results-missing", place=self.place,
                                          files=", ".join(missing)))
        return pl.concat([pl.read_parquet(f).select(list(TABLES[table])) for f in files],
                         how="vertical")


def _target_figures(root: Path) -> None:
    """Version 2: an empty table of target figures for every run recorded before."""
    empty = pl.DataFrame(schema=TABLES["target_figures"])
    for run in (root / "runs").glob("*.json"):
        path = root / "target_figures" / f"{run.stem}.parquet"
        if not path.exists():
            with atomic_path(path) as temporary:
                empty.write_parquet(temporary, statistics=True)


#: The folder's migrations, in order: applying the first n gives version n (1: created).
FOLDER_MIGRATIONS: tuple[Callable[[Path], None], ...] = (lambda root: None, _target_figures)


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise HistoryError.saying(say("history-unreadable", file=str(path),
                                      reason=str(exc))) from exc
    if not isinstance(data, dict):
        raise HistoryError.saying(say("history-not-object", file=str(path)))
    return data
