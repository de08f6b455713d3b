"""Help > Manual: a short manual shipped with the app (``resources/manual/manual_<lang>.html``),
shown offline in the UI language (Indonesian when the language has none)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counterdesk.gui.context import Context
from counterdesk.resources import resource_path

DEFAULT_LANGUAGE = "id"


def manual_path(language: str) -> Path:
    """The manual in ``language``; the Indonesian one when there is none in it."""
    path = resource_path("manual", f"manual_{language}.html")
    if path.is_file():
        return path
    return resource_path("manual", f"manual_{DEFAULT_LANGUAGE}.html")


class ManualDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language = ""
        self.resize(760, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # offline: nothing leaves the app
        self.buttons = QDialogButtonBox(self)
        self.close_button = QPushButton(self)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.browser.setFocus()  # arrows and Page Up/Down scroll, Esc closes

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manual"))
        self.close_button.setText(self.tr("Close"))
        self.browser.setAccessibleName(self.tr("Manual"))
        self.language = self.ctx.language
        try:
            html = manual_path(self.language).read_text(encoding="utf-8")
        except OSError as exc:
            missing = self.tr("The manual is missing from this installation ({error}).")
            html = "<p>" + missing.format(error=exc.strerror or exc) + "</p>"
        self.browser.setHtml(html)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
