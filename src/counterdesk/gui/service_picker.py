"""Choosing a service by typing its code or part of its name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from counterdesk.domain.catalogue import Catalogue, Service


class ServicePicker(QComboBox):
    """An editable combo box: "SKD" or "domisili" + Enter picks the service."""

    service_changed = Signal(object)  # Service | None
    entered = Signal()  # Enter pressed while the completer's list was open

    def __init__(self, catalogue: Catalogue, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._language = language
        self._current: Service | None = None
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.setMinimumContentsLength(30)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # The PySide6 stubs give SignalInstance no __getitem__, though Qt picks the
        # activated(QString) overload (not activated(QModelIndex)) this way at run time.
        completer.activated[str].connect(self._on_completer)  # type: ignore[index]
        self.setCompleter(completer)
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self)  # runs before the completer's own filter
        self.activated.connect(self._on_activated)
        self._fill()
        self.retranslate()

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        for s in self._catalogue.services:
            self.addItem(f"{s.code} — {s.name.get(self._language)}", s.code)
        self.setCurrentIndex(-1)
        if self._current is not None:
            self.setCurrentIndex(self.findData(self._current.code))
        else:
            self.setEditText("")
        self.blockSignals(False)

    def edit(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # editable
        return line

    def popup_visible(self) -> bool:
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the open list: take the highlighted service (or the typed text)."""
        completer = self.completer()
        if (
            completer is not None
            and watched is completer.popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.accept_popup()
            self.entered.emit()
            return True
        return super().eventFilter(watched, event)

    def accept_popup(self) -> Service | None:
        """Close the completer's list, choosing its highlighted entry if any."""
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None and popup.isVisible():
            index = popup.currentIndex()
            popup.hide()
            if index.isValid():
                self._on_completer(str(index.data()))
                return self._current
        return self.resolve()

    def retranslate(self) -> None:
        self.edit().setPlaceholderText(self.tr("Type a service code or name"))
        self.setAccessibleName(self.tr("Service"))

    def set_language(self, language: str) -> None:
        self._language = language
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def service(self) -> Service | None:
        return self._current

    def set_service(self, code: str | None) -> None:
        service = None
        if code:
            service = next((s for s in self._catalogue.services if s.code == code.upper()), None)
        self._choose(service)

    def resolve(self) -> Service | None:
        """Pick the service the typed text names: a code, an item, or a unique part."""
        text = self.currentText().strip()
        if not text:
            self._choose(None)
            return None
        if self._current is not None and text == self.itemText(self.findData(self._current.code)):
            return self._current
        folded = text.casefold()
        services = self._catalogue.services
        match = next((s for s in services if s.code.casefold() == folded), None)
        if match is None:
            index = self.findText(text, Qt.MatchFlag.MatchFixedString)
            if index >= 0:
                match = services[index]
        if match is None:
            found = [s for i, s in enumerate(services) if folded in self.itemText(i).casefold()]
            match = found[0] if found else None
        self._choose(match, keep_text=True)
        return match

    def _on_completer(self, text: str) -> None:
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self._choose(self._catalogue.services[index])

    def _on_activated(self, index: int) -> None:
        if 0 <= index < len(self._catalogue.services):
            self._choose(self._catalogue.services[index])

    def _choose(self, service: Service | None, *, keep_text: bool = False) -> None:
        self.blockSignals(True)
        if service is None:
            text = self.currentText()
            self.setCurrentIndex(-1)
            self.setEditText(text if keep_text else "")
        else:
            self.setCurrentIndex(self.findData(service.code))
        self.blockSignals(False)
        if service is not self._current:
            self._current = service
            self.service_changed.emit(service)
