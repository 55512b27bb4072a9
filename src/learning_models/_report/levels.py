"""An area's level as its own name says it: ``Thành phố`` for ``Thành phố Bắc Kạn``,
``Phường`` for ``Phường Đức Xuân`` — not the generic ``Huyện/quận`` of the district level
a city sits at in the area list. In Vietnamese only (the names are Vietnamese); a name
without a known kind, and every English report, keep the generic label."""

from __future__ import annotations

from collections.abc import Mapping

from .._criteria import Lang

__all__ = ["level_label"]

#: The kinds an area's name starts with, longest first where one begins another.
KINDS = ("thành phố", "thị xã", "thị trấn", "huyện", "quận", "tỉnh", "phường", "xã",
         "đặc khu", "tổ dân phố", "thôn", "bản", "ấp", "xóm", "làng", "buôn")


def level_label(name: str, level: str, labels: Mapping[str, str], lang: Lang) -> str:
    """The label of `level` for the area `name` (`labels`: the report's words)."""
    if lang == "vi" and level != "all":
        folded = name.strip().lower()
        for kind in KINDS:
            if folded.startswith(kind + " "):
                return kind[0].upper() + kind[1:]
    return labels[f"level_{level}"]
