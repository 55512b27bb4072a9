"""The SQL back end (SQLAlchemy): a SQLite file, or PostgreSQL by URL.

Tables (their names start with ``lm_`` so they can share a database with the host system):

    lm_meta      key, value                 ("schema_version", "2")
    lm_runs      id, year, recorded_at, engine, subjects, note
    lm_results   the rows of every run (`rows.RESULT_SCHEMA`), key (run, model, subject)
    lm_current   seq, year, run, decided_at, ord  (decisions on a year's current run)
    lm_figures   each run's roll-up by area and model (`rows.FIGURE_SCHEMA`)
    lm_crosswalk each run's crosswalk of area codes (`rows.CROSSWALK_SCHEMA`)
    lm_target_figures  what each run's annual report measured a target that names its
                 sets on, per area and model (`rows.TARGET_FIGURE_SCHEMA`; version 4)

The schema is created and migrated by the library (`MIGRATIONS`, applied in order, the
version kept in ``lm_meta``) inside one transaction that holds a lock, so two processes
opening a new database at once do not both create it. A run is stored in one transaction
(its row, its results, its decision): concurrent writers each add their own run, and a
reader never sees a run half-stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import polars as pl
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .._documents import say
from ..errors import HistoryError
from .rows import CROSSWALK_SCHEMA, FIGURE_SCHEMA, RESULT_SCHEMA, TABLES, TARGET_FIGURE_SCHEMA
from .store import Decision, History, HistoryRun

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SqlHistory", "migrate"]

_meta = sa.MetaData()
META = sa.Table("lm_meta", _meta, sa.Column("key", sa.String(64), primary_key=True),
                sa.Column("value", sa.String(200), nullable=False))
RUNS = sa.Table("lm_runs", _meta, sa.Column("id", sa.String(100), primary_key=True),
                sa.Column("year", sa.Integer, nullable=False),
                sa.Column("recorded_at", sa.String(40), nullable=False),
                sa.Column("engine", sa.String(100), nullable=False),
                sa.Column("subjects", sa.Integer, nullable=False),
                sa.Column("note", sa.Text, nullable=False))
_TYPES = {pl.String(): sa.Text, pl.Int64(): sa.Integer, pl.Float64(): sa.Float}


def _run_table(name: str, schema: Mapping[str, pl.DataType], key: Sequence[str]) -> sa.Table:
    """A table of rows that belong to a run, keyed by `key`."""
    return sa.Table(name, _meta,
                    *(sa.Column(column, _TYPES[dtype], nullable=column not in key)
                      for column, dtype in schema.items()),
                    sa.PrimaryKeyConstraint(*key),
                    sa.ForeignKeyConstraint(["run"], ["lm_runs.id"]))


RESULTS = _run_table("lm_results", RESULT_SCHEMA, ("run", "model", "subject"))
FIGURES = _run_table("lm_figures", FIGURE_SCHEMA, ("run", "code", "model"))
CROSSWALK = _run_table("lm_crosswalk", CROSSWALK_SCHEMA, ("run", "old_code", "new_code"))
TARGET_FIGURES = _run_table("lm_target_figures", TARGET_FIGURE_SCHEMA,
                            ("run", "code", "model", "target"))
SQL_TABLES = {"results": RESULTS, "figures": FIGURES, "crosswalk": CROSSWALK,
              "target_figures": TARGET_FIGURES}
CURRENT = sa.Table("lm_current", _meta,
                   sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
                   sa.Column("year", sa.Integer, nullable=False),
                   sa.Column("run", sa.String(100), sa.ForeignKey("lm_runs.id"),
                             nullable=False),
                   sa.Column("decided_at", sa.String(40), nullable=False),
                   sa.Column("ord", sa.String(100), nullable=False))


def _v1(conn: Connection) -> None:
    """The runs, their results and the decisions on the current run."""
    _meta.create_all(conn, tables=[META, RUNS, RESULTS, CURRENT])


def _v2(conn: Connection) -> None:
    """Indexes for what readers ask most: a year's results by model and area."""
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_lm_results_year_model "
                         "ON lm_results (year, model, area)"))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_lm_current_year "
                         "ON lm_current (year)"))


def _v3(conn: Connection) -> None:
    """Each run's roll-up by area and its crosswalk (for the period review)."""
    _meta.create_all(conn, tables=[FIGURES, CROSSWALK])


def _v4(conn: Connection) -> None:
    """What each run measured a target that names its sets on (runs recorded before have
    none: the review measures their targets on the model's figure, and says so)."""
    _meta.create_all(conn, tables=[TARGET_FIGURES])


#: The migrations, in order: applying the first n gives schema version n.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(MIGRATIONS)
#: The PostgreSQL advisory lock a migration holds (any fixed number, the same everywhere).
_LOCK = 387_2021_17


def migrate(conn: Connection, place: str, up_to: int = SCHEMA_VERSION) -> int:
    """Bring the schema to version `up_to` inside `conn`'s transaction; the version before."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise HistoryError.saying(say("history-schema-too-new", place=place, version=version,
                                      known=SCHEMA_VERSION))
    for number in range(version + 1, up_to + 1):
        MIGRATIONS[number - 1](conn)
        values = {"key": "schema_version", "value": str(number)}
        if number == 1:
            conn.execute(META.insert().values(values))
        else:
            conn.execute(META.update().where(META.c.key == "schema_version")
                         .values(value=str(number)))
    return version


def schema_version(conn: Connection) -> int:
    """The version of the schema in the database (0: none yet)."""
    if not sa.inspect(conn).has_table("lm_meta"):
        return 0
    value = conn.execute(sa.select(META.c.value).where(META.c.key == "schema_version")
                         ).scalar_one_or_none()
    return int(value) if value is not None else 0


def make_engine(url: str) -> Engine:
    """An engine for `url`: ``postgresql://`` speaks psycopg (version 3); SQLite takes its
    write lock when a transaction begins and waits for another writer's (not failing)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": 120})

    @sa.event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _write_lock_at_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class SqlHistory(History):
    """A history kept in SQL tables; the schema is created or migrated on opening."""

    def __init__(self, url: str, *, shown: str | None = None) -> None:
        self.place = shown or _hide_password(url)
        try:
            self.engine = make_engine(url)
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise HistoryError.saying(say("history-bad-url", place=self.place,
                                          reason=str(exc))) from exc
        with self._transaction() as conn:
            migrate(conn, self.place)

    def close(self) -> None:
        self.engine.dispose()

    def _transaction(self) -> Any:
        return _Guarded(self)

    def runs(self) -> tuple[HistoryRun, ...]:
        with self._transaction() as conn:
            rows = conn.execute(sa.select(RUNS).order_by(RUNS.c.recorded_at, RUNS.c.id))
            return tuple(HistoryRun.from_dict(r._mapping) for r in rows)

    def _append(self, run: HistoryRun, tables: Mapping[str, pl.DataFrame],
                decision: Decision | None) -> None:
        with self._transaction() as conn:
            conn.execute(RUNS.insert().values(run.to_dict()))
            for table, rows in tables.items():
                for start in range(0, rows.height, 5000):
                    conn.execute(SQL_TABLES[table].insert(),
                                 rows.slice(start, 5000).to_dicts())
            if decision is not None:
                _insert_decision(conn, decision)

    def _decide(self, decision: Decision) -> None:
        with self._transaction() as conn:
            _insert_decision(conn, decision)

    def _decisions(self) -> list[Decision]:
        with self._transaction() as conn:
            # in a database the decisions are ordered as they were stored (seq): the order
            # a host's SQL sees (docs/history.md), whatever the writers' clocks said
            return [Decision("", f"{r.seq:012d}", r.year, r.run)
                    for r in conn.execute(sa.select(CURRENT))]

    def _read(self, table: str, runs: Sequence[str]) -> pl.DataFrame:
        source, schema = SQL_TABLES[table], TABLES[table]
        with self._transaction() as conn:
            found = conn.execute(sa.select(*(source.c[n] for n in schema))
                                 .where(source.c.run.in_(list(runs)))).all()
        return pl.DataFrame([tuple(r) for r in found], schema=schema, orient="row")


def _insert_decision(conn: Connection, decision: Decision) -> None:
    conn.execute(CURRENT.insert().values(year=decision.year, run=decision.run,
                                         decided_at=decision.decided_at, ord=decision.order))


class _Guarded:
    """A transaction (``engine.begin()``) whose database errors become `HistoryError`s
    naming the place (never a driver's traceback for a server that is down)."""

    def __init__(self, history: SqlHistory) -> None:
        self.history = history
        self.context: Any = None

    def __enter__(self) -> Connection:
        try:
            self.context = self.history.engine.begin()
            conn: Connection = self.context.__enter__()
        except sa.exc.SQLAlchemyError as exc:
            raise _error(self.history.place, exc) from exc
        return conn

    def __exit__(self, kind: Any, error: Any, trace: Any) -> Literal[False]:
        try:
            self.context.__exit__(kind, error, trace)
        except sa.exc.SQLAlchemyError as exc:
            raise _error(self.history.place, exc) from exc
        if isinstance(error, sa.exc.SQLAlchemyError):
            raise _error(self.history.place, error) from error
        return False


def _error(place: str, exc: sa.exc.SQLAlchemyError) -> HistoryError:
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return HistoryError.saying(say("history-database-failed", place=place,
                                   reason=detail[0] if detail else type(exc).__name__))


def _hide_password(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url
