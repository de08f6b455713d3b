"""Inputs for a service's extra fields (text, date, choice, number), each with
a place for its error message right below it."""

from __future__ import annotations

import datetime
import re

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from counterdesk.domain.catalogue import MAX_FIELD_LEN, Field

ERROR_STYLE = "color: #b00020;"


def label_name(text: str) -> str:
    """The accessible name an input takes from its label: "Letter &paper:" -> "Letter paper"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":*").strip()


class ErrorLabel(QLabel):
    """A red message under an input; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class WithError(QWidget):
    """An input with its error label below."""

    def __init__(self, input_widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = input_widget
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(input_widget)
        layout.addWidget(self.error)


def date_to_iso(text: str) -> str:
    """17-08-1980, 17/08/1980, 17.08.1980, 17081980 or 1980-08-17 -> 1980-08-17.

    Anything else is returned as typed, for the service to refuse with its message.
    """
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text) or re.fullmatch(
        r"(\d{2})(\d{2})(\d{4})", text
    )
    try:
        if m:
            return datetime.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return text


class FieldInput:
    """One extra field: its widget, its value as the service wants it, its error."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        self.field = field
        self.widget: QLineEdit | QComboBox
        if field.type == "choice":
            combo = QComboBox(parent)
            combo.addItem("", "")
            for choice in field.choices:
                combo.addItem(choice, choice)
            self.widget = combo
        else:
            edit = QLineEdit(parent)
            edit.setMaxLength(MAX_FIELD_LEN)
            if field.type == "number":
                edit.setValidator(_validator(r"\d{0,9}", edit))
                edit.setMaximumWidth(160)
            elif field.type == "date":
                edit.setValidator(_validator(r"[0-9./-]{0,10}", edit))
                edit.setMaximumWidth(160)
            self.widget = edit
        self.box = WithError(self.widget, parent)
        self.retranslate("id")

    def retranslate(self, language: str) -> None:
        label = self.field.label.get(language)
        self.widget.setAccessibleName(label)
        if isinstance(self.widget, QComboBox):
            self.widget.setItemText(0, QCoreApplication.translate("FieldInput", "— choose —"))
        elif self.field.type == "date":
            self.widget.setPlaceholderText(QCoreApplication.translate("FieldInput", "DD-MM-YYYY"))

    def label_text(self, language: str) -> str:
        return self.field.label.get(language) + (" *" if self.field.required else "")

    def value(self) -> str:
        if isinstance(self.widget, QComboBox):
            return str(self.widget.currentData() or "")
        text = self.widget.text().strip()
        return date_to_iso(text) if self.field.type == "date" and text else text

    def clear(self) -> None:
        if isinstance(self.widget, QComboBox):
            self.widget.setCurrentIndex(0)
        else:
            self.widget.clear()
        self.box.error.show_message("")


def _validator(pattern: str, parent: QWidget) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(pattern), parent)
