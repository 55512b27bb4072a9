"""The HTTP service (``learning-models serve``, the ``server`` extra): versioned JSON
endpoints under ``/v1`` over the library's public API, errors as RFC 9457 problem documents,
an OpenAPI document and an offline docs page. The command (``_cli.serve``) builds it; nothing
else imports it, and FastAPI is imported only when a server is built (`create_app`).
"""

from __future__ import annotations

from typing import Any

from .config import ServeConfig, is_loopback
from .keys import hash_key, load_api_keys

__all__ = ["ServeConfig", "create_app", "hash_key", "is_loopback", "load_api_keys"]


def create_app(config: ServeConfig) -> Any:
    """The FastAPI application for `config` (raises ModuleNotFoundError without the extra)."""
    from .app import create_app as build

    return build(config)
