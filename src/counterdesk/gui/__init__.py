"""The desk app (PySide6). Nothing outside this package imports Qt."""

from counterdesk.gui.refcounts import protect

protect()  # before any other Qt call: see refcounts.py
