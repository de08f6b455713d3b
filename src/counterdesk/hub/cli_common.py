"""What every ``counterdesk-hub`` command module needs: the hub named by ``--data-dir``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the hub's database code loads when a command opens the hub
    from counterdesk.hub.hub import Hub


def open_hub(args: argparse.Namespace) -> Hub:
    """The hub of ``--data-dir`` (else ``COUNTERDESK_HUB_DIR``, else the user data folder)."""
    from counterdesk.hub.hub import Hub
    from counterdesk.hub.store import hub_dir

    return Hub.open(hub_dir(args.data_dir))
