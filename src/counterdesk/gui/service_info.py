"""The chosen service's published standard: what it is, time, fee, and its
requirements as a checklist of what the citizen handed in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.catalogue import Catalogue, Service
from counterdesk.gui import texts

FOCUS_COLOR = "#ffe082"


class RequirementCheck(QWidget):
    """A check box with a label that wraps (a QCheckBox's own text does not)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.box.installEventFilter(self)

    def set_text(self, text: str, required: bool) -> None:
        self.label.setText(text)
        font = self.label.font()
        font.setBold(required)
        self.label.setFont(font)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.toggle()
        self.box.setFocus(Qt.FocusReason.MouseFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show clearly which document Space would tick."""
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            focused = event.type() == QEvent.Type.FocusIn
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(FOCUS_COLOR))
            self.setPalette(palette)
            self.setAutoFillBackground(focused)
        return False


class ServiceInfo(QWidget):
    checks_changed = Signal()

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._service: Service | None = None
        self._language = "id"
        self._boxes: list[tuple[str, bool, QCheckBox]] = []
        self._rows: list[RequirementCheck] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.standard = QLabel()
        self.standard.setWordWrap(True)
        self.standard.setTextFormat(Qt.TextFormat.RichText)
        self.requirements = QGroupBox()
        self._req_layout = QVBoxLayout(self.requirements)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #9a5b00;")
        for w in (self.title, self.description, self.standard, self.requirements, self.missing):
            layout.addWidget(w)
        layout.addStretch(1)
        self.retranslate()

    # content -----------------------------------------------------------------
    def set_service(self, service: Service | None, language: str) -> None:
        self._language = language
        if service is self._service and len(self._rows) == len(
            service.requirements if service else ()
        ):
            self.retranslate()  # same service (a new language): keep the ticks and focus
            return
        keep: set[str] = set()
        self._service = service
        for row in self._rows:
            self._req_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._boxes, self._rows = [], []
        if service is not None:
            for req in service.requirements:
                row = RequirementCheck(self.requirements)
                row.box.setChecked(req.key in keep)
                row.box.toggled.connect(self._on_toggled)
                self._req_layout.addWidget(row)
                self._rows.append(row)
                self._boxes.append((req.key, req.required, row.box))
        self.retranslate()

    @property
    def service(self) -> Service | None:
        return self._service

    def checkboxes(self) -> list[QCheckBox]:
        return [box for _, _, box in self._boxes]

    def given(self) -> list[str]:
        return [key for key, _, box in self._boxes if box.isChecked()]

    def missing_required(self) -> list[str]:
        return [key for key, required, box in self._boxes if required and not box.isChecked()]

    def clear_checks(self) -> None:
        for _, _, box in self._boxes:
            box.setChecked(False)

    def _on_toggled(self, _checked: bool) -> None:
        self._update_missing()
        self.checks_changed.emit()

    def _update_missing(self) -> None:
        n = len(self.missing_required())
        self.missing.setVisible(self._service is not None and n > 0)
        self.missing.setText(self.tr("%n required document(s) not yet ticked.", "", n))

    # texts -------------------------------------------------------------------
    def retranslate(self) -> None:
        s, lang = self._service, self._language
        self.requirements.setTitle(self.tr("Requirements (tick what the citizen handed in)"))
        if s is None:
            self.title.setText(self.tr("No service chosen"))
            self.description.setText(
                self.tr("Type the service code or part of its name, then press Enter.")
            )
            self.standard.setText(
                "<table cellspacing=2>"
                + "".join(
                    f"<tr><td><b>{svc.code}</b>&nbsp;</td><td>{_esc(svc.name.get(lang))}</td>"
                    f"<td>&nbsp;{_esc(texts.format_days(svc.days))}</td></tr>"
                    for svc in self._catalogue.services
                )
                + "</table>"
            )
            self.requirements.hide()
            self._update_missing()
            return
        self.requirements.show()
        self.title.setText(f"{s.code} — {s.name.get(lang)}")
        self.description.setText(s.description.get(lang))
        rows = [
            (self.tr("Completion time"), texts.format_days(s.days)),
            (self.tr("Fee"), texts.format_fee(s.fee, lang)),
            (self.tr("Product"), self._product(s)),
        ]
        if s.referral is not None:
            rows.append((self.tr("Referred to"), s.referral.agency.get(lang)))
        self.standard.setText(
            "<table cellspacing=2>"
            + "".join(f"<tr><td><b>{k}:</b>&nbsp;</td><td>{_esc(v)}</td></tr>" for k, v in rows)
            + "</table>"
        )
        by_key = {r.key: r for r in s.requirements}
        for (key, required, box), row in zip(self._boxes, self._rows, strict=True):
            text = by_key[key].text.get(lang)
            row.set_text(text + (" " + self.tr("(required)") if required else ""), required)
            box.setAccessibleName(text)
        self._update_missing()

    def _product(self, s: Service) -> str:
        if s.product == "letter" and s.letter is not None:
            return s.letter.title.get(self._language)
        if s.product == "referral":
            return self.tr("Referral slip to another agency")
        return self.tr("Service at the counter")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
