"""What the windows share: the reader desk, the writer ops, the session, the language.

Passed explicitly to each part (no global main window).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counterdesk.gui.ops import OpsBase
from counterdesk.gui.reads import ReadsBase

if TYPE_CHECKING:
    from counterdesk.services.desk import Desk
    from counterdesk.services.staff import StaffSession


@dataclass
class Context:
    reader: Desk  # the UI thread's own connection: reads only
    ops: OpsBase  # the one writer
    reads: ReadsBase  # long read-only queries off the UI thread
    session: StaffSession
    language: str = "id"

    def today(self) -> datetime.date:
        return self.reader.now().date()
