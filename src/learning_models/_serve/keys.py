"""API keys: a file of hashed keys, each allowed some endpoints.

One key a line, ``#`` starts a comment::

    # name     sha256 of the key (hex): 64 digits                                endpoints
    portal-hn  9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  evaluations
    ops        2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae

A line without endpoints allows every one. The endpoints are the groups of ``/v1``:
``criteria-sets``, ``evaluations``, ``explanations``, ``reports``. A client sends the key
itself as ``Authorization: Bearer KEY``; the server keeps only the hashes, and compares
them in constant time. ``learning-models serve --hash-key`` prints the hash of a key read
from standard input.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from pathlib import Path

from .._documents import say
from ..errors import LearningModelsError

__all__ = ["ENDPOINTS", "ApiKey", "ApiKeys", "hash_key", "load_api_keys"]

ENDPOINTS = ("criteria-sets", "evaluations", "explanations", "reports")
_HEX = re.compile(r"^[0-9a-f]{64}$")


def hash_key(key: str) -> str:
    """The hex SHA-256 of a key, as the keys file stores it."""
    return hashlib.sha256(key.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ApiKey:
    name: str
    digest: str
    endpoints: frozenset[str]       # empty: every endpoint


@dataclass(frozen=True, slots=True)
class ApiKeys:
    keys: tuple[ApiKey, ...]

    def find(self, key: str) -> ApiKey | None:
        """The key whose hash matches `key`'s (every key compared: no early exit)."""
        digest = hash_key(key)
        found = None
        for candidate in self.keys:
            if hmac.compare_digest(candidate.digest, digest):
                found = candidate
        return found


def load_api_keys(path: Path) -> ApiKeys:
    """Read a keys file; a malformed line is an error naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LearningModelsError.saying(say("keys-no-file", path=str(path))) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LearningModelsError.saying(say("keys-unreadable", path=str(path),
                                             reason=str(exc))) from exc
    keys = [_parse_line(line, path, n) for n, line in enumerate(text.splitlines(), start=1)
            if line.split("#", 1)[0].strip()]
    if not keys:
        raise LearningModelsError.saying(say("keys-none", path=str(path)))
    return ApiKeys(tuple(keys))


def _parse_line(line: str, path: Path, number: int) -> ApiKey:
    parts = line.split("#", 1)[0].split()
    where = f"{path}:{number}:1"
    if len(parts) < 2 or not _HEX.match(parts[1].lower()):
        raise LearningModelsError.saying(say("keys-bad-line", where=where))
    unknown = [e for e in parts[2:] if e not in ENDPOINTS]
    if unknown:
        raise LearningModelsError.saying(say("keys-unknown-endpoint", where=where,
                                             endpoint=unknown[0], endpoints=", ".join(ENDPOINTS)))
    return ApiKey(parts[0], parts[1].lower(), frozenset(parts[2:]))
