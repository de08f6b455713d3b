"""The office's windows in the desk app (menu Office): the day's report, the print log,
the desk's status, and staff accounts for administrators."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from counterdesk.gui.context import Context

OFFICE_WINDOWS = ("daily_report", "print_log", "status", "staff")


def open_office_dialog(which: str, ctx: Context, parent: QWidget) -> QDialog:
    """The office window ``which`` (one of ``OFFICE_WINDOWS``), not yet shown."""
    if which == "daily_report":
        from counterdesk.gui.office.daily_report_dialog import DailyReportDialog

        return DailyReportDialog(ctx, parent)
    if which == "print_log":
        from counterdesk.gui.office.print_log_dialog import PrintLogDialog

        return PrintLogDialog(ctx, parent)
    if which == "status":
        from counterdesk.gui.office.status_dialog import StatusDialog

        return StatusDialog(ctx, parent)
    if which == "staff":
        from counterdesk.gui.office.staff_dialog import StaffDialog

        return StaffDialog(ctx, parent)
    raise ValueError(f"no office window {which!r}; use {', '.join(OFFICE_WINDOWS)}")
