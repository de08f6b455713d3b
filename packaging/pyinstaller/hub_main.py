"""Frozen entry point of ``counterdesk-hub`` (see counterdesk.spec). Never imports Qt."""

import sys

from counterdesk.hub.cli import main

if __name__ == "__main__":
    sys.exit(main())
