"""The report folder, replaced as a whole or not at all.

`report --out DIR` writes every file into a hidden sibling folder (``.DIR.<random>.part``)
and, when all are written, swaps it in for DIR: the old DIR is renamed aside
(``.DIR.<random>.old``), the new one renamed to DIR, the old one removed. An interrupted or
failed run removes its sibling folder and leaves DIR as it was; a run killed outright
(SIGKILL, a power cut) leaves the sibling, which the next run on DIR removes (or, when the
kill came between the two renames, puts back as DIR) and names on standard error.

An existing DIR with anything in it is replaced only with ``--force``, and never when it
holds a folder (a report folder holds files only: this keeps ``--force`` from wiping a
folder of other work), nor when it is the current folder or one of its parents.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .._documents import say
from ..errors import LearningModelsError

__all__ = ["check_report_folder", "clean_leftovers", "replacing_folder"]

_PART, _OLD = ".part", ".old"


def _leftovers(out: Path) -> list[Path]:
    prefix = f".{out.name}."
    parent = out.parent
    if not parent.is_dir():
        return []
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix)
                  and p.name.endswith((_PART, _OLD)) and p.is_dir())


def clean_leftovers(out: Path) -> list[str]:
    """Remove the sibling folders an interrupted run on `out` left behind (an ``.old`` one
    goes back to `out` when `out` is missing); one line about each, for standard error."""
    said = []
    for left in _leftovers(out):
        if left.name.endswith(_OLD) and not out.exists():
            left.rename(out)
            said.append(f"{str(out)!r}: put back from {left.name!r}, left by an interrupted run")
        else:
            shutil.rmtree(left, ignore_errors=True)
            said.append(f"{str(out)!r}: removed {left.name!r}, left by an interrupted run")
    return said


def check_report_folder(out: Path, *, force: bool) -> None:
    """`out` may be written: new, empty, or (with `force`) an earlier report's folder."""
    if not out.exists() or not out.is_dir():
        return
    here = Path.cwd().resolve()
    if out.resolve() in (here, *here.parents):
        raise LearningModelsError.saying(say("cli-folder-is-here", path=str(out)))
    entries = sorted(out.iterdir())
    if not entries:
        return
    if not force:
        raise LearningModelsError.saying(say("cli-folder-has-files", path=str(out)))
    folders = [e for e in entries if e.is_dir()]
    if folders:
        raise LearningModelsError.saying(say("cli-folder-not-report", path=str(out),
                                             folder=folders[0].name))


@contextmanager
def replacing_folder(out: Path) -> Iterator[Path]:
    """A new hidden folder beside `out` to write into; on success it replaces `out` (its
    files readable as a folder's are, not only by their owner), on failure it is
    removed and `out` is left as it was."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=_PART))
    try:
        os.chmod(fresh, 0o755)
        yield fresh
        _swap(fresh, out)
    except BaseException:  # an interrupt too: never leave the hidden folder behind
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def _swap(fresh: Path, out: Path) -> None:
    if not out.exists():
        fresh.rename(out)
        return
    aside = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=_OLD))
    aside.rmdir()  # only its unique name is wanted
    out.rename(aside)
    try:
        fresh.rename(out)
    except BaseException:
        aside.rename(out)
        raise
    with suppress(OSError):
        shutil.rmtree(aside)


def moved(paths: list[Path], fresh: Path, out: Path) -> list[Path]:
    """The paths a writer gave under `fresh`, as they are once `fresh` became `out`."""
    result = []
    for path in paths:
        try:
            result.append(out / path.relative_to(fresh))
        except ValueError:
            result.append(path)
    return result


def print_lines(lines: list[str]) -> None:
    for line in lines:
        sys.stderr.write(line + "\n")
