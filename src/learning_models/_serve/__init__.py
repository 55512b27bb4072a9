"""The HTTP service (``learning-models serve``, the ``server`` extra): versioned JSON
endpoints under ``/v1`` over the library's public API, errors as RFC 9457 problem documents,
an OpenAPI document and an offline docs page. It sits beside the command line, at the top
layer; nothing below imports it, and FastAPI is imported only when a server is built.
"""

from __future__ import annotations

__all__ = ["ServeConfig", "is_loopback"]

from .config import ServeConfig, is_loopback
