"""The work behind the endpoints, without HTTP: the catalogue the service was started with,
the sets a request names, evaluations and explanations.

Everything here is synchronous and CPU-bound; the routes run it off the event loop. Sets
are compiled once per process (the catalogue caches them), and one catalogue is kept per
combination of overlays requests have asked for — overlays only by the names the installed
plugins offer, never files.
"""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import polars as pl

import learning_models as lm

from .._catalog import collect_overlays
from .config import ServeConfig
from .problems import ServiceProblem

__all__ = ["Lang", "Service"]

Lang = Literal["vi", "en"]

#: Subjects turned into JSON at a time when answering as NDJSON.
STREAM_CHUNK = 5_000


class Service:
    """The catalogue and settings one server process serves."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.plugins = lm.get_plugin_manager(entry_points=None if config.plugins else False)
        self.catalog = lm.Catalog.default(config.criteria_dirs, plugins=self.plugins,
                                          overlays=list(config.overlays))
        self.offered = sorted(collect_overlays(self.plugins))
        self._catalogs: dict[tuple[str, ...], lm.Catalog] = {(): self.catalog}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ catalogue

    def catalog_for(self, overlays: Sequence[str]) -> lm.Catalog:
        """The catalogue with these overlays (offered by name) applied as well."""
        key = tuple(dict.fromkeys(overlays))
        unknown = [o for o in key if o not in self.offered]
        if unknown:
            names = ", ".join(self.offered) or "—"
            raise ServiceProblem(
                422, "unknown-overlay",
                (f"không có lớp điều chỉnh {unknown[0]!r}; có: {names}",
                 f"no overlay named {unknown[0]!r}; available: {names}"), field="overlays")
        with self._lock:
            if key not in self._catalogs:
                self._catalogs[key] = lm.Catalog.default(
                    self.config.criteria_dirs, plugins=self.plugins,
                    overlays=[*self.config.overlays, *key])
            return self._catalogs[key]

    def criteria_sets(self) -> list[dict[str, Any]]:
        """The catalogue, as ``learning-models list --format json`` prints it."""
        return [e.to_dict() for e in self.catalog.entries()]

    def criteria_set(self, ident: str) -> lm.CriteriaSet:
        """A set of the catalogue by id (404 when there is none)."""
        if ident not in self.catalog:
            raise ServiceProblem(404, "not-found",
                                 (f"không có bộ tiêu chí mã {ident!r}",
                                  f"no criteria set with id {ident!r}"), field="id")
        return self.catalog.get(ident)

    def resolved(self, ident: str) -> dict[str, Any]:
        """A set as it applies (after extends and overlays), as plain data."""
        spec = self.criteria_set(ident)
        data = spec.model_dump(mode="json", by_alias=True, exclude_none=True,
                               exclude_defaults=True)
        return {"format": spec.format, **data}

    def health(self) -> dict[str, Any]:
        """The versions served: the library's, and each set's content hash."""
        sets = [{"id": e.id, "period": e.period,
                 "content_hash": self.catalog.get(e.id).content_hash()}
                for e in self.catalog.entries()]
        return {"status": "ok", "version": lm.__version__, "criteria_sets": sets}

    # ------------------------------------------------------------------ evaluation

    def choose_set(self, criteria: str | Mapping[str, Any], overlays: Sequence[str],
                   ) -> tuple[lm.CriteriaSet | tuple[lm.CriteriaSet, ...], int | None]:
        """The set a request names (an id, ``{model, year}`` or an uploaded document) and
        the year it implies; for ``{model, year}`` with several sets in force (told apart
        by ``applies_to``), all of them: each record goes to its own."""
        catalog = self.catalog_for(overlays)
        if isinstance(criteria, str):
            if criteria not in catalog:
                raise ServiceProblem(404, "not-found",
                                     (f"không có bộ tiêu chí mã {criteria!r}",
                                      f"no criteria set with id {criteria!r}"),
                                     field="criteria")
            return catalog.get(criteria), None
        if "document" in criteria:
            return self._uploaded(criteria["document"], catalog), None
        year = int(criteria["year"])
        found = tuple(catalog.variants(str(criteria["model"]), year))
        return (found[0] if len(found) == 1 else found), year

    def _uploaded(self, document: Mapping[str, Any], catalog: lm.Catalog) -> lm.CriteriaSet:
        if not self.config.allow_criteria_upload:
            raise ServiceProblem(
                403, "upload-not-allowed",
                ("máy chủ chỉ dùng các bộ tiêu chí trong danh mục của nó; gửi mã bộ tiêu chí "
                 "(criteria) thay vì nội dung", "this server only uses the criteria sets of its "
                 "catalogue; send a set's id instead of its content"), field="criteria.document")
        with tempfile.TemporaryDirectory(prefix="lm-upload-") as folder:
            path = Path(folder) / "uploaded.yaml"
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            return lm.load_criteria(path, catalog=catalog)

    def evaluate(self, spec: lm.CriteriaSet | Sequence[lm.CriteriaSet],
                 records: Sequence[Mapping[str, Any]] | pl.DataFrame, year: int | None,
                 errors: Sequence[lm.RecordError] = (),
                 file: str | None = None) -> lm.Evaluations:
        """Score the records (each with the set whose ``applies_to`` holds for it, when
        several are given); rejected ones (and `errors` met reading them) in ``.errors``."""
        count = len(records) if not isinstance(records, pl.DataFrame) else records.height
        if count > self.config.max_records:
            raise ServiceProblem(
                413, "too-many-records",
                (f"{count} hồ sơ trong một yêu cầu; tối đa {self.config.max_records}",
                 f"{count} records in one request; at most {self.config.max_records}"),
                field="records")
        if isinstance(spec, lm.CriteriaSet):
            results = lm.evaluate(spec, records, year=year, file=file)
        else:
            routed = lm.evaluate_routed(spec, records, year=year, file=file)
            results = lm.ModelEvaluations(routed.parts, routed.errors, year)
        return results.with_errors(errors) if errors else results


def results_document(results: lm.Evaluations, explain: bool, lang: Lang) -> dict[str, Any]:
    """``results.to_dict()`` (what ``evaluate --format json`` prints), each evaluation with
    its explanation in `lang` when `explain`."""
    data = results.to_dict(lang)
    if explain:
        for evaluation, item in zip(results, data["evaluations"], strict=True):
            item["explanation"] = evaluation.explain(lang)
    return data


def ndjson_lines(results: lm.Evaluations, explain: bool, lang: Lang) -> Iterator[bytes]:
    """The results as NDJSON, a part at a time: one ``{"evaluation": …}`` line per subject,
    then one ``{"error": …}`` line per rejected record."""
    import orjson

    for start in range(0, len(results), STREAM_CHUNK):
        part = results.part(start, STREAM_CHUNK)
        lines = []
        for evaluation, item in zip(part, part.subject_dicts(), strict=True):
            if explain:
                item["explanation"] = evaluation.explain(lang)
            lines.append(orjson.dumps({"evaluation": item}))
        yield b"\n".join(lines) + b"\n"
    for error in results.errors:
        yield orjson.dumps({"error": error.to_dict(lang)}) + b"\n"
