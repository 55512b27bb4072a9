"""The ``/v1`` endpoints of the catalogue, evaluations and explanations."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse
from pydantic import ValidationError

import learning_models as lm

from .auth import requires
from .bodies import (
    TABLE_NAME,
    TABLE_TYPES,
    EvaluationRequest,
    ExplanationRequest,
    choose_lang,
    criteria_of,
    read_table,
)
from .openapi import evaluation_body, responses
from .problems import ServiceProblem, error_dict, request_lang
from .responses import JSONBytes, invalid_request, off_loop
from .service import Lang, Service, ndjson_lines, results_document

__all__ = ["install_routes"]


def install_routes(app: FastAPI, service: Service) -> None:
    """Add the catalogue, evaluation and explanation endpoints."""
    keys = service.config.api_keys
    catalog = [Depends(requires(keys, "criteria-sets"))]

    @app.get("/v1/health", tags=["service"], responses=responses(200, "Health"))
    async def health() -> Response:
        """The library's version and each set's content hash: the versions served."""
        return JSONBytes(await off_loop(service.config, service.health))

    @app.get("/v1/criteria-sets", tags=["criteria"], dependencies=catalog,
             responses=responses(200, "CatalogEntries", 401, 403))
    async def criteria_sets() -> Response:
        """The catalogue, as ``learning-models list --format json`` prints it."""
        return JSONBytes(await off_loop(service.config, service.criteria_sets))

    @app.get("/v1/criteria-sets/{ident:path}/evidence-schema", tags=["criteria"],
             dependencies=catalog, responses=responses(200, "JsonSchema", 401, 403, 404, 422))
    async def evidence_schema(ident: str) -> Response:
        """The JSON Schema of the evidence records the set needs."""
        spec = await off_loop(service.config, service.criteria_set, ident)
        return JSONBytes(lm.evidence_schema(spec))

    @app.get("/v1/criteria-sets/{ident:path}", tags=["criteria"], dependencies=catalog,
             responses=responses(200, "CriteriaSet", 401, 403, 404, 422))
    async def criteria_set(ident: str) -> Response:
        """The set as it applies, after ``extends`` and the server's overlays."""
        return JSONBytes(await off_loop(service.config, service.resolved, ident))

    _install_evaluations(app, service)
    _install_explanations(app, service)


def _install_evaluations(app: FastAPI, service: Service) -> None:
    @app.post("/v1/evaluations", tags=["evaluation"], openapi_extra=evaluation_body(),
              dependencies=[Depends(requires(service.config.api_keys, "evaluations"))],
              responses=responses(200, "Results", 401, 403, 404, 413, 415, 422, 503))
    async def evaluations(request: Request,
                          criteria: Annotated[str | None, Query(max_length=200)] = None,
                          model: Annotated[str | None, Query(max_length=100)] = None,
                          year: Annotated[int | None, Query(ge=1900, le=2200)] = None,
                          lang: Lang = "vi", explain: bool = False,
                          overlays: Annotated[list[str] | None, Query(max_length=20)] = None,
                          ) -> Response:
        """Score records. A JSON body answers with the results document (the schema of
        ``learning-models schema results``); a table body (CSV, Parquet, Arrow IPC stream,
        the set in the query) answers as NDJSON, one line per subject then per error."""
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if media in TABLE_TYPES:
            query = {"criteria": criteria, "model": model, "year": year}
            return await _table(service, body, media, query, lang, explain, overlays or [])
        if media != "application/json":
            raise _unsupported(media)
        parsed = _parse(EvaluationRequest, body)
        # the language the answer's messages speak, chosen as for problems: the query's,
        # else the body's, else the Accept-Language
        in_query = request.query_params.get("lang")
        said = request_lang(in_query, None) if in_query in ("vi", "en") else \
            _asked(parsed) or request_lang(None, request.headers.get("accept-language"))
        data = await off_loop(service.config, _evaluate_json, service, parsed, said,
                              lang=_asked(parsed))
        return JSONBytes(data)


def _evaluate_json(service: Service, request: EvaluationRequest,
                   lang: Lang) -> dict[str, Any]:
    spec, implied = service.choose_set(criteria_of(request), request.overlays)
    year = request.year if request.year is not None else implied
    results = service.evaluate(spec, request.records, year)
    return results_document(results, request.explain, lang)


async def _table(service: Service, body: bytes, media: str, query: dict[str, Any],
                 lang: Lang, explain: bool, overlays: list[str]) -> Response:
    if query["criteria"] is None and query["model"] is None:
        raise ServiceProblem(422, "invalid-request", (
            "với nội dung dạng bảng, chọn bộ tiêu chí qua ?criteria=MÃ hoặc ?model=&year=",
            "with a table body, name the set with ?criteria=ID or ?model=&year="),
            field="criteria")
    if query["criteria"] is None and query["year"] is None:
        raise ServiceProblem(422, "invalid-request", (
            "?model cần ?year: bộ tiêu chí áp dụng năm đó",
            "?model needs ?year: the set in force that year"), field="year")
    chosen: str | dict[str, Any] = query["criteria"] if query["criteria"] is not None \
        else {"model": query["model"], "year": query["year"]}

    def work() -> lm.Evaluations:
        spec, _ = service.choose_set(chosen, overlays)
        frame, errors = read_table(body, media)
        return service.evaluate(spec, frame, query["year"], errors, file=TABLE_NAME)

    results = await off_loop(service.config, work, lang=lang)
    return StreamingResponse(ndjson_lines(results, explain, lang),
                             media_type="application/x-ndjson")


def _install_explanations(app: FastAPI, service: Service) -> None:
    @app.post("/v1/explanations", tags=["evaluation"],
              dependencies=[Depends(requires(service.config.api_keys, "explanations"))],
              responses=responses(200, "Explanation", 401, 403, 404, 413, 422, 503))
    async def explanations(request: ExplanationRequest) -> Response:
        """One subject's evaluation explained: text (``text/plain``) or structured (JSON:
        the evaluation and its explanation). A rejected record is a 422 with its errors."""
        evaluation = await off_loop(service.config, _explain, service, request,
                                    lang=_asked(request))
        if request.format == "text":
            return PlainTextResponse(evaluation["explanation"])
        return JSONBytes(evaluation)


def _explain(service: Service, request: ExplanationRequest) -> dict[str, Any]:
    spec, implied = service.choose_set(criteria_of(request), request.overlays)
    year = request.year if request.year is not None else implied
    results = service.evaluate(spec, [request.record], year)
    if results.errors or not len(results):
        first = results.errors[0] if results.errors else None
        vi, en = (first.text("vi"), first.text("en")) if first is not None \
            else ("không có đối tượng", "no subject")
        raise ServiceProblem(
            422, "record-rejected", (f"hồ sơ bị từ chối: {vi}",
                                     f"the record was rejected: {en}"),
            field=first.field if first is not None else None,
            record=first.record if first is not None else None,
            errors=[error_dict(e) for e in results.errors])
    document = results_document(results, True, choose_lang(request.lang))
    item: dict[str, Any] = document["evaluations"][0]
    return {"evaluation": {k: v for k, v in item.items() if k != "explanation"},
            "explanation": item["explanation"]}


def _asked(request: EvaluationRequest | ExplanationRequest) -> Lang | None:
    """The body's language, when it names one."""
    return request.lang if "lang" in request.model_fields_set else None


def _parse(model: type[EvaluationRequest], body: bytes) -> EvaluationRequest:
    try:
        return model.model_validate(orjson.loads(body))
    except orjson.JSONDecodeError as exc:
        raise ServiceProblem(422, "invalid-request", (
            f"nội dung không phải JSON: {exc}", f"the body is not JSON: {exc}"),
            field="body") from exc
    except ValidationError as exc:
        raise invalid_request(exc.errors()) from exc


def _unsupported(media: str) -> ServiceProblem:
    kinds = ", ".join(["application/json", *TABLE_TYPES])
    return ServiceProblem(415, "unsupported-media-type", (
        f"kiểu nội dung {media or 'không có'!r} không được hỗ trợ; dùng {kinds}",
        f"content type {media or 'none'!r} is not supported; use {kinds}"),
        field="content-type")
