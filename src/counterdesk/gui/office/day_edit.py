"""The day chooser of the office windows (daily report, print log)."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


class DayEdit(QDateEdit):
    """A date input with a calendar pop-up, set to ``today``; ``up_to_today`` forbids later
    days. ``chosen()`` is the day as a ``datetime.date``."""

    def __init__(
        self, today: datetime.date, parent: QWidget | None = None, *, up_to_today: bool = False
    ) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setDate(QDate(today.year, today.month, today.day))
        if up_to_today:
            self.setMaximumDate(QDate(today.year, today.month, today.day))

    def chosen(self) -> datetime.date:
        d = self.date()
        return datetime.date(d.year(), d.month(), d.day())
