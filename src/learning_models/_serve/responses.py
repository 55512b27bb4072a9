"""What the routes answer with: JSON bodies encoded with orjson, CPU work run off the event
loop within the request time limit, and the problem for a request its schema refuses."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import orjson
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

import learning_models as lm

from .config import ServeConfig
from .problems import ServiceProblem, from_library_error

__all__ = ["JSONBytes", "invalid_request", "off_loop"]

T = TypeVar("T")


class JSONBytes(Response):
    """JSON encoded with orjson (UTF-8, no escapes of Vietnamese letters)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


async def off_loop(config: ServeConfig, work: Callable[..., T], *args: Any,
                   lang: Literal["vi", "en"] | None = None) -> T:
    """Run CPU work in a worker thread, within the request time limit (503 after it); its
    problems speak `lang` (a request body's language) unless the query says otherwise."""
    try:
        return await asyncio.wait_for(run_in_threadpool(work, *args), config.request_seconds)
    except TimeoutError:
        raise ServiceProblem(503, "timeout", (
            f"yêu cầu chạy quá {config.request_seconds:g} giây; chia nhỏ lô hồ sơ",
            f"the request ran longer than {config.request_seconds:g} s; send smaller "
            "batches"), lang=lang) from None
    except ServiceProblem as given:
        given.lang = given.lang or lang
        raise
    except lm.LearningModelsError as exc:
        refused = from_library_error(exc)
        refused.lang = lang
        raise refused from exc


def invalid_request(errors: Any) -> ServiceProblem:
    """A 422 naming the first field that does not match the request's schema."""
    items = list(errors)
    first = items[0] if items else {"loc": (), "msg": "invalid"}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or None
    details = [{"field": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg"),
                "type": e.get("type")} for e in items[:50]]
    return ServiceProblem(422, "invalid-request", (
        f"yêu cầu không đúng lược đồ ở {where or 'nội dung'}: {first.get('msg')}",
        f"the request does not match its schema at {where or 'the body'}: "
        f"{first.get('msg')}"), field=where, problems=details)
