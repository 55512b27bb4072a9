"""The ASGI application: `create_app` builds it from a `ServeConfig`.

Every failure leaves as an ``application/problem+json`` document (`problems`): the
service's own problems, the library's errors (a set or evidence that cannot be used), a
request that does not match the OpenAPI document, an unknown path — and anything unforeseen
as a 500 that says nothing of the server's insides. Bodies larger than the limit are cut
off while they arrive (413), not after.
"""

from __future__ import annotations

import logging

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import learning_models as lm

from .config import ServeConfig
from .docs_page import install_docs
from .problems import (
    PROBLEM_MEDIA_TYPE,
    ServiceProblem,
    from_library_error,
    problem_body,
    request_lang,
)
from .reports import Jobs
from .responses import invalid_request
from .routes import install_routes
from .routes_reports import install_report_routes
from .service import Service

__all__ = ["create_app"]

log = logging.getLogger("learning_models.serve")


def create_app(config: ServeConfig | None = None) -> FastAPI:
    """The service: the catalogue is read and its sets compiled once, here."""
    settings = config or ServeConfig()
    app = FastAPI(title="learning-models", version=lm.__version__, docs_url=None,
                  redoc_url=None, default_response_class=Response,
                  description="Score evidence against Vietnam's lifelong-learning criteria "
                              "sets (Programme 387). Errors are RFC 9457 problem documents.")
    app.state.service = Service(settings)
    app.state.jobs = Jobs(settings.max_report_jobs, settings.kept_jobs)
    app.router.add_event_handler("shutdown", app.state.jobs.close)
    install_routes(app, app.state.service)
    install_report_routes(app, app.state.service, app.state.jobs)
    install_docs(app)
    _install_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def problem_response(request: Request, problem: ServiceProblem) -> Response:
    """The problem in the language asked: ``?lang=``, else the body's ``lang``, else
    ``Accept-Language``; Vietnamese by default."""
    query = request.query_params.get("lang")
    lang = request_lang(query if query in ("vi", "en") else problem.lang,
                        request.headers.get("accept-language"))
    body = problem_body(problem, lang, instance=request.url.path)
    return Response(orjson.dumps(body), status_code=problem.status,
                    media_type=PROBLEM_MEDIA_TYPE, headers=dict(problem.headers))


def _install_handlers(app: FastAPI) -> None:
    async def service(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ServiceProblem)
        return problem_response(request, exc)

    async def library(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, lm.LearningModelsError)
        return problem_response(request, from_library_error(exc))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return problem_response(request, invalid_request(exc.errors()))

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            return problem_response(request, ServiceProblem(405, "method-not-allowed", (
                f"phương thức {request.method} không dùng được ở đây",
                f"method {request.method} is not allowed here"),
                headers=dict(exc.headers or {})))
        if exc.status_code == 404:
            return problem_response(request, ServiceProblem(404, "not-found", (
                f"không có địa chỉ {request.url.path!r}; xem /docs",
                f"no such path {request.url.path!r}; see /docs")))
        # FastAPI's own refusals (a body that is not JSON): the request is invalid
        return problem_response(request, ServiceProblem(422, "invalid-request", (
            f"yêu cầu không hợp lệ: {exc.detail}", f"invalid request: {exc.detail}"),
            field="body"))

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(request, ServiceProblem(500, "internal-error", (
            "lỗi nội bộ của máy chủ; đã ghi vào nhật ký", "internal server error; logged")))

    app.add_exception_handler(ServiceProblem, service)
    app.add_exception_handler(lm.LearningModelsError, library)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, unexpected)


class BodyLimit:
    """Refuses a body over `limit` bytes: at once by its Content-Length, or as soon as
    more bytes than that have arrived."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise self.too_large()
            return message

        await self.app(scope, counted, send)

    def too_large(self) -> ServiceProblem:
        mib = self.limit / 2**20
        return ServiceProblem(413, "body-too-large", (
            f"nội dung yêu cầu lớn hơn {mib:g} MiB; chia nhỏ lô hồ sơ",
            f"the request body is larger than {mib:g} MiB; send smaller batches"))

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(Request(scope, receive), self.too_large())
        await response(scope, receive, send)



