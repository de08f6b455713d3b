"""What a command line offers for printing, without loading what prints: the parsers of
``counterdesk print`` are built for every command, the PDF and ESC/POS makers only when a
document is printed."""

from __future__ import annotations

from typing import Final

DOCUMENT_KINDS: Final = ("ticket", "receipt", "letter", "referral")
TARGET_HELP: Final = (
    "a file path, /dev/usb/lp0, tcp://HOST:9100, serial:PORT[@BAUD], "
    "win32raw:PRINTER NAME or cups:QUEUE"
)
