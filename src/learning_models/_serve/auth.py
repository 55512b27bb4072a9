"""Who may call what: a bearer key from the keys file, allowed the endpoint's group.

Without a keys file every request is let in (the server then listens on loopback only).
With one, a request without a valid key is a 401 and a key not allowed the endpoint's
group a 403, both problem documents.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request

from .keys import ApiKeys
from .problems import ServiceProblem

__all__ = ["requires"]


def requires(keys: ApiKeys | None, group: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency checking the request's key against `group` (``evaluations``, …); a
    coroutine, so that FastAPI does not send it to a worker thread."""

    async def check(request: Request) -> None:
        if keys is None:
            return
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        key = keys.find(token.strip()) if scheme.lower() == "bearer" and token.strip() \
            else None
        if key is None:
            raise ServiceProblem(401, "unauthorized", (
                "gửi khoá truy cập: Authorization: Bearer KHOÁ",
                "send an API key: Authorization: Bearer KEY"),
                headers={"WWW-Authenticate": 'Bearer realm="learning-models"'})
        if key.endpoints and group not in key.endpoints:
            raise ServiceProblem(403, "forbidden", (
                f"khoá {key.name!r} không được dùng nhóm chức năng {group!r}",
                f"key {key.name!r} is not allowed the {group!r} endpoints"))

    return check
