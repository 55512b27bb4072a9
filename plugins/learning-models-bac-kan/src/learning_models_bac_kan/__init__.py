"""Bắc Kạn city's local criteria for learning-models, as overlays.

Installing this package offers two overlays — it changes nothing until one is asked for by
name (``--overlay bac-kan/family``, ``Catalog.default(overlays=["bac-kan/family"])``):

- ``bac-kan/family`` on ``vn/2021-2025/family``: reading culture in the family (assessed by
  the city's culture office) and the "Gia đình văn hóa" title required;
- ``bac-kan/community`` on ``vn/2021-2025/community``: a community reading corner or
  library with reading activities, and the "Khu dân cư văn hóa" title required.

The 2026–2030 sets extend the 2021–2025 ones and inherit the changes. Both overlays are our
reading of the Bắc Kạn city plan (Kế hoạch của UBND thành phố Bắc Kạn, 2022), marked
``verified: false``; the YAML files in ``overlays/`` are the whole of it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from learning_models import Overlay
from learning_models.hookspecs import hookimpl

__all__ = ["OVERLAY_FILES", "__version__", "learning_models_overlays", "overlays"]
__version__ = "0.1.0"

#: The overlay files shipped inside the package, in the order they are offered.
OVERLAY_FILES = ("family.yaml", "community.yaml")


def overlays() -> list[Overlay]:
    """The package's overlays, read from its YAML files (a `CriteriaError` pointing into the
    file when one is wrong)."""
    folder = resources.files(__name__).joinpath("overlays")
    found = []
    for name in OVERLAY_FILES:
        with resources.as_file(folder.joinpath(name)) as path:
            found.append(Overlay.from_yaml(Path(path),
                                           display_name=f"learning_models_bac_kan/overlays/{name}"))
    return found


@hookimpl
def learning_models_overlays() -> list[Overlay]:
    """Offer ``bac-kan/family`` and ``bac-kan/community``."""
    return overlays()
