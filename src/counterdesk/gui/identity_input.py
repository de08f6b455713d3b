"""Who the request is for: a NIK checked as it is typed (or scanned), or a
passport number with nationality for foreigners."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.errors import CounterdeskError
from counterdesk.domain.nik import NikInfo, parse_nik
from counterdesk.gui import texts
from counterdesk.gui.field_widgets import ERROR_STYLE, ErrorLabel
from counterdesk.gui.messages import message_for

OK_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #555555;"


class IdentityInput(QWidget):
    mode_changed = Signal(bool)  # True: passport

    def __init__(
        self,
        reference_year: Callable[[], int],
        parent: QWidget | None = None,
        *,
        today: Callable[[], datetime.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._reference_year = reference_year
        self._today = today
        self._language = "id"
        self._nik_info: NikInfo | None = None
        self.foreigner = QCheckBox(self)
        self.foreigner.toggled.connect(self._on_mode)
        self.nik = QLineEdit(self)
        self.nik.setMaxLength(24)
        self.nik.textChanged.connect(self._check_nik)
        self.nik_feedback = QLabel(self)
        self.nik_feedback.setWordWrap(True)
        self.nik_feedback.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.passport = QLineEdit(self)
        self.passport.setMaxLength(24)
        self.passport_error = ErrorLabel(self)
        self.nationality = QLineEdit(self)
        self.nationality.setMaxLength(3)
        self.nationality.setMaximumWidth(80)
        self.nationality_error = ErrorLabel(self)

        nik_page = QWidget(self)
        nik_box = QVBoxLayout(nik_page)
        nik_box.setContentsMargins(0, 0, 0, 0)
        nik_box.setSpacing(2)
        nik_box.addWidget(self.nik)
        nik_box.addWidget(self.nik_feedback)
        passport_page = QWidget(self)
        form = QFormLayout(passport_page)
        form.setContentsMargins(0, 0, 0, 0)
        self._passport_label = QLabel(passport_page)
        self._nationality_label = QLabel(passport_page)
        form.addRow(self._passport_label, _stack(self.passport, self.passport_error))
        form.addRow(self._nationality_label, _stack(self.nationality, self.nationality_error))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(nik_page)
        self.pages.addWidget(passport_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        layout.addWidget(self.foreigner)
        self.retranslate()

    # state -------------------------------------------------------------------
    @property
    def is_foreigner(self) -> bool:
        return self.foreigner.isChecked()

    def inputs(self) -> list[QWidget]:
        """The inputs in use, in the order Enter moves through them."""
        if self.is_foreigner:
            return [self.passport, self.nationality]
        return [self.nik]

    def values(self) -> tuple[str | None, str | None, str | None]:
        """(nik, passport, nationality) for the registration."""
        if self.is_foreigner:
            return None, self.passport.text().strip(), self.nationality.text().strip().upper()
        return self.nik.text().strip(), None, None

    def clear(self) -> None:
        for edit in (self.nik, self.passport, self.nationality):
            edit.clear()
        self.foreigner.setChecked(False)
        self.show_error("", "")

    def show_error(self, field: str, message: str) -> QWidget:
        """Put a message at the named input; returns the input to focus."""
        self.passport_error.show_message(message if field == "passport" else "")
        self.nationality_error.show_message(message if field == "nationality" else "")
        if field == "passport":
            return self.passport
        if field == "nationality":
            return self.nationality
        if self.is_foreigner:  # identity_* errors while typing a passport
            self.passport_error.show_message(message)
            return self.passport
        if message:
            self._feedback(message, ERROR_STYLE)
        else:
            self._check_nik(self.nik.text())
        return self.nik

    # NIK feedback ------------------------------------------------------------
    def _check_nik(self, text: str) -> None:
        self._nik_info = None
        digits = "".join(ch for ch in text if not ch.isspace())
        if not digits:
            self._feedback(self.tr("16 digits from the KTP-el."), HINT_STYLE)
            return
        if digits.isdigit() and len(digits) < 16:
            self._feedback(self.tr("%n of 16 digits.", "", len(digits)), HINT_STYLE)
            return
        try:
            info = parse_nik(
                text,
                reference_year=self._reference_year(),
                today=self._today() if self._today else None,
            )
        except CounterdeskError as exc:
            self._feedback(message_for(exc), ERROR_STYLE)
            return
        self._nik_info = info
        sex = texts.sex_label(info.sex)
        born = texts.format_date(info.birth_date, self._language)
        self._feedback(
            "✓ "
            + self.tr("{region} — born {date}, {sex}").format(
                region=self.region_names(info), date=born, sex=sex
            ),
            OK_STYLE,
        )

    def region_names(self, info: NikInfo) -> str:
        """Kecamatan, regency, province where the NIK was first issued (not where the
        person lives now); a former regency code is named as such."""
        regency = info.regency
        if info.former:
            note = (
                self.tr("former code {code}, now {successor}").format(
                    code=info.kecamatan_code[:5], successor=info.successor
                )
                if info.successor
                else self.tr("former code {code}").format(code=info.kecamatan_code[:5])
            )
            regency = f"{regency} ({note})"
        kecamatan = info.subdistrict or self.tr("kecamatan {code} (not checked)").format(
            code=info.kecamatan_code
        )
        return ", ".join(p for p in (kecamatan, regency, info.province) if p)

    def _feedback(self, text: str, style: str) -> None:
        self.nik_feedback.setText(text)
        self.nik_feedback.setStyleSheet(style)

    @property
    def nik_info(self) -> NikInfo | None:
        return self._nik_info

    def _on_mode(self, foreigner: bool) -> None:
        self.pages.setCurrentIndex(1 if foreigner else 0)
        self.show_error("", "")
        self.mode_changed.emit(foreigner)

    # texts -------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.foreigner.setText(self.tr("&Passport (foreign citizen)"))
        self.foreigner.setAccessibleName(self.tr("Passport (foreign citizen)"))
        self.nik.setPlaceholderText(self.tr("NIK: 16 digits"))
        self.nik.setAccessibleName(self.tr("NIK"))
        self.passport.setAccessibleName(self.tr("Passport number"))
        self.nationality.setAccessibleName(self.tr("Nationality"))
        self.nationality.setPlaceholderText("MY")
        self._passport_label.setText(self.tr("Passport number"))
        self._nationality_label.setText(self.tr("Nationality"))
        self.nationality.setToolTip(self.tr("2-letter country code, e.g. MY for Malaysia"))
        self._check_nik(self.nik.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _stack(a: QWidget, b: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(a)
    layout.addWidget(b)
    return box
