"""What a service is started with: its catalogue, its keys and its limits."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

from .keys import ApiKeys

__all__ = ["ServeConfig", "is_loopback"]


@dataclass(frozen=True)
class ServeConfig:
    """The service's settings (``learning-models serve`` options)."""

    criteria_dirs: tuple[Path, ...] = ()
    overlays: tuple[str, ...] = ()
    plugins: bool = True
    api_keys: ApiKeys | None = None
    allow_criteria_upload: bool = False
    max_body_bytes: int = 64 * 1024 * 1024
    max_records: int = 200_000
    request_seconds: float = 120.0
    max_report_jobs: int = 2
    wait_seconds: float = 10.0          # a report answers at once when done within this
    kept_jobs: int = 32                 # finished report jobs kept for their files


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
