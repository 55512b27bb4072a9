"""The ``serve`` command: run the HTTP service on uvicorn.

    learning-models serve [--host 127.0.0.1] [--port 8000] [--api-keys FILE]
        [--allow-criteria-upload] [--max-body-mb N] [--max-records N]
        [--request-timeout S] [--max-report-jobs N]
        [--criteria-dir DIR]... [--overlay NAME|FILE]... [--no-plugins]
    learning-models serve --hash-key < key.txt      # the line to put in the keys file

It listens on loopback unless told otherwise, and refuses any other address without
``--api-keys`` (a wrong command line, status 2). Without the ``server`` extra installed it
says how to install it (status 3). FastAPI and uvicorn are imported only here, when run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._documents import say
from .._serve import ServeConfig, create_app, hash_key, is_loopback, load_api_keys
from ..errors import LearningModelsError
from .commands import summary
from .options import UsageError, add_catalog_options, add_lang_option

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``serve`` to the command line's subparsers."""
    p = sub.add_parser(
        "serve", help=summary("serve"),
        description="serve-description")
    p.add_argument("--host", default="127.0.0.1", help="host")
    p.add_argument("--port", type=int, default=8000, help="port")
    p.add_argument("--api-keys", type=Path, metavar="FILE",
                   help="api-keys")
    p.add_argument("--hash-key", action="store_true",
                   help="hash-key")
    p.add_argument("--allow-criteria-upload", action="store_true",
                   help="allow-criteria-upload")
    p.add_argument("--max-body-mb", type=float, default=64.0, help="max-body-mb")
    p.add_argument("--max-records", type=int, default=200_000,
                   help="max-records")
    p.add_argument("--request-timeout", type=float, default=120.0, metavar="SECONDS",
                   help="request-timeout")
    p.add_argument("--max-report-jobs", type=int, default=2,
                   help="max-report-jobs")
    add_catalog_options(p)
    add_lang_option(p)
    p.set_defaults(run=_serve)


def _serve(args: argparse.Namespace) -> int:
    if args.hash_key:
        key = sys.stdin.readline().strip()
        if not key:
            raise UsageError.saying(say("cli-hash-key-empty"))
        print(hash_key(key))
        return 0
    config = _config(args)
    if not is_loopback(args.host) and config.api_keys is None:
        raise UsageError.saying(say("cli-host-not-loopback", host=args.host))
    try:
        import uvicorn

        app = create_app(config)
    except ModuleNotFoundError as exc:
        raise LearningModelsError.saying(say("cli-server-missing", module=exc.name)) from exc
    # uvicorn says where it listens (and why it cannot); requests are not logged one by one
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", access_log=False,
                server_header=False)
    return 0


def _config(args: argparse.Namespace) -> ServeConfig:
    numbers = {"--port": args.port, "--max-body-mb": args.max_body_mb,
               "--max-records": args.max_records, "--request-timeout": args.request_timeout,
               "--max-report-jobs": args.max_report_jobs}
    for option, value in numbers.items():
        if value <= 0 or (option == "--port" and value > 65535):
            raise UsageError.saying(say("cli-positive-number", option=option, value=value))
    keys = load_api_keys(args.api_keys) if args.api_keys is not None else None
    return ServeConfig(criteria_dirs=tuple(args.criteria_dir), overlays=tuple(args.overlay),
                       plugins=not args.no_plugins, api_keys=keys,
                       allow_criteria_upload=args.allow_criteria_upload,
                       max_body_bytes=int(args.max_body_mb * 2**20),
                       max_records=args.max_records, request_seconds=args.request_timeout,
                       max_report_jobs=args.max_report_jobs)
