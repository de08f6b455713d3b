"""What every ``counterdesk-hub`` command module needs: the hub named by ``--data-dir``."""

from __future__ import annotations

import argparse

from counterdesk.hub.hub import Hub
from counterdesk.hub.store import hub_dir


def open_hub(args: argparse.Namespace) -> Hub:
    """The hub of ``--data-dir`` (else ``COUNTERDESK_HUB_DIR``, else the user data folder)."""
    return Hub.open(hub_dir(args.data_dir))
