"""Frozen entry point of ``counterdesk`` / ``counterdesk-cli`` (see counterdesk.spec)."""

import sys

from counterdesk.launcher import main

if __name__ == "__main__":
    sys.exit(main())
