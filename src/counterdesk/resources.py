"""Locate files shipped under ``resources/`` (catalogue, fonts, translations, icons).

In a wheel or a frozen build the folder is copied into the package as
``counterdesk/resources``; in a source checkout (editable install) it is the
top-level ``resources/`` folder of the repository.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_root() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parents[1] / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "counterdesk" / "resources")
    for candidate in candidates:
        if (candidate / "catalogue").is_dir():
            return candidate
    raise FileNotFoundError(
        "counterdesk resources not found (looked in: "
        + ", ".join(str(c) for c in candidates)
        + "); the installation is incomplete"
    )


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resources_root().joinpath(*parts)
