"""What every ``counterdesk-hub`` command module needs: the hub named by ``--data-dir``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the hub's database code loads when a command opens the hub
    from counterdesk.hub.hub import Hub


def open_hub(args: argparse.Namespace) -> Hub:
    """The hub of ``--data-dir`` (else ``COUNTERDESK_HUB_DIR``, else the user data folder)."""
    from counterdesk.hub.hub import Hub
    from counterdesk.hub.store import hub_dir

    return Hub.open(hub_dir(args.data_dir))


def new_output_file(out: str, *, force: bool) -> Path:
    """``--out FILE`` for a file the command makes: not a folder, not an existing file
    unless ``--force``."""
    from counterdesk.domain.errors import CounterdeskError

    path = Path(out)
    if path.is_dir():
        raise CounterdeskError(f"--out {path} is a folder; give a file name", code="out_dir")
    if path.exists() and not force:
        raise CounterdeskError(
            f"{path} already exists; choose another name (or --force to replace it)",
            code="out_exists",
        )
    return path
