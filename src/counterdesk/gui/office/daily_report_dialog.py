"""Office > Daily report: the day's figures on screen, then the A4 report (the same as
``counterdesk report daily``) in the print preview, to print or save as PDF.

The figures and the PDF are made on the slow reader lane (ReportLab is loaded there);
the print itself runs on the print thread (``PrintPreviewDialog``); the print is logged
through the writer ops (``services.print_log``)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import label_name
from counterdesk.gui.messages import message_for
from counterdesk.gui.office.day_edit import DayEdit

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from counterdesk.gui.print_preview import PrintPreviewDialog
    from counterdesk.services.desk import Desk
    from counterdesk.services.reports import DailySummary

KIND = "daily_report"
FIGURES = ("registered", "called", "wait", "collected", "overdue", "complaints")


def summary_of(desk: Desk, day: datetime.date) -> DailySummary:
    from counterdesk.services.reports import daily_summary

    return daily_summary(desk, day)


def report_pdf(desk: Desk, day: datetime.date) -> bytes:
    from counterdesk.services.reports import daily_report_pdf, daily_summary

    return daily_report_pdf(desk, daily_summary(desk, day))


def log_print(staff: str, day: datetime.date, printer: str) -> Callable[[Desk], object]:
    def write(desk: Desk) -> object:
        from counterdesk.services.print_log import record_print

        return record_print(desk, staff, KIND, day.isoformat(), printer=printer)

    return write


class DailyReportDialog(QDialog):
    previewed = Signal(object)  # the PrintPreviewDialog opened

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        printer_factory: Callable[[str], QPrinter] | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.printer_factory = printer_factory
        self.pool = pool
        self.summary: DailySummary | None = None
        self.preview_dialog: PrintPreviewDialog | None = None
        self._making = False
        self.resize(560, 360)
        self.day_label = QLabel(self)
        self.day = DayEdit(ctx.today(), self, up_to_today=True)
        self.day_label.setBuddy(self.day)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        self.form = QFormLayout()
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in FIGURES:
            name, value = QLabel(self), QLabel(self)
            value.setWordWrap(True)
            self.names[key], self.values[key] = name, value
            self.form.addRow(name, value)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.preview_button.setDefault(True)
        self.close_button.setAutoDefault(False)
        self.preview_button.clicked.connect(self.preview)
        self.close_button.clicked.connect(self.reject)
        self.preview_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.preview_shortcut.activated.connect(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()
        self.day.setFocus()

    # the figures -------------------------------------------------------------------
    def refresh(self) -> None:
        day = self.day.chosen()
        self.message.setText(self.tr("Counting…"))
        self.ctx.reads.run(
            "office-daily-summary",
            lambda desk: summary_of(desk, day),
            on_done=self._show,
            on_error=self._failed,
            slow=True,
        )

    def _show(self, summary: DailySummary) -> None:
        self.summary = summary
        self.message.clear()
        v = self.values
        v["registered"].setText(str(summary.registered))
        v["called"].setText(
            self.tr("{tickets} ticket(s), {calls} call(s)").format(
                tickets=summary.tickets_called, calls=summary.calls
            )
        )
        if summary.wait_median_minutes is None:
            v["wait"].setText("—")
        else:
            v["wait"].setText(
                self.tr("median {median:.0f} min, longest {longest:.0f} min").format(
                    median=summary.wait_median_minutes, longest=summary.wait_max_minutes or 0
                )
            )
        v["collected"].setText(
            self.tr("{collected} ({on_time} on time, {late} late)").format(
                collected=summary.collected, on_time=summary.on_time, late=summary.late
            )
        )
        v["overdue"].setText(str(summary.overdue))
        v["complaints"].setText(str(summary.complaints_open))

    def _failed(self, exc: CounterdeskError) -> None:
        self._making = False
        self.preview_button.setEnabled(True)
        self.message.setText(message_for(exc))

    # preview and print -------------------------------------------------------------
    def preview(self) -> None:
        """Make the A4 report off the UI thread, then open the print preview."""
        if self._making:
            return
        self._making = True
        self.preview_button.setEnabled(False)
        day = self.day.chosen()
        self.message.setText(self.tr("Preparing the report…"))
        self.ctx.reads.run(
            "office-daily-report",
            lambda desk: report_pdf(desk, day),
            on_done=lambda pdf: self._show_preview(day, pdf),
            on_error=self._failed,
            slow=True,
        )

    def _show_preview(self, day: datetime.date, pdf: bytes) -> None:
        from counterdesk.gui.print_output import PrintFailed, message_text, printer_named
        from counterdesk.gui.print_preview import PrintPreviewDialog

        self._making = False
        self.preview_button.setEnabled(True)
        self.message.clear()
        try:
            dialog = PrintPreviewDialog(
                pdf,
                KIND,
                self.ctx,
                title=self.tr("Daily report {day}").format(day=day.strftime("%d-%m-%Y")),
                file_name=f"daily_report_{day.isoformat()}.pdf",
                parent=self,
                printer_factory=self.printer_factory or printer_named,
                pool=self.pool,
            )
        except PrintFailed as exc:
            self.message.setText(message_text(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printed.connect(lambda printer: self._printed(day, printer))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.preview_dialog = dialog
        dialog.open()
        self.previewed.emit(dialog)

    def _printed(self, day: datetime.date, printer: str) -> None:
        self.ctx.ops.run(
            log_print(self.ctx.session.name, day, printer),
            on_error=self._failed,
            changes=False,
        )

    def _closed(self, dialog: PrintPreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None

    # texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Daily report"))
        self.day_label.setText(self.tr("&Day:"))
        self.day.setAccessibleName(label_name(self.day_label.text()))
        labels = {
            "registered": self.tr("Registered:"),
            "called": self.tr("Called at the counter:"),
            "wait": self.tr("Waiting time:"),
            "collected": self.tr("Collected:"),
            "overdue": self.tr("Overdue:"),
            "complaints": self.tr("Open complaints:"),
        }
        for key, text in labels.items():
            self.names[key].setText(text)
        self.preview_button.setText(self.tr("Preview and print (Ctrl+P)"))
        self.close_button.setText(self.tr("Close"))
        if self.summary is not None:
            self._show(self.summary)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
