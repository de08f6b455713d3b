"""Registering a walk-in citizen: service, documents handed in, identity, name,
the service's fields; Enter moves on, and from the last field saves."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.catalogue import Service
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.identity import MAX_NAME
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import ErrorLabel, FieldInput, WithError
from counterdesk.gui.identity_input import IdentityInput
from counterdesk.gui.messages import message_for
from counterdesk.gui.register_result import RegisterResult
from counterdesk.gui.service_info import ServiceInfo
from counterdesk.gui.service_picker import ServicePicker
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import RequestView

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RegisterForm(QWidget):
    registered = Signal(object)  # RequestView

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._fields: list[FieldInput] = []
        self._saving = False
        self.result = RegisterResult(self)
        self.picker = ServicePicker(ctx.reader.catalogue, ctx.language, self)
        self.picker_box = WithError(self.picker, self)
        self.info = ServiceInfo(ctx.reader.catalogue, self)
        self.identity = IdentityInput(lambda: ctx.today().year, self)
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.name_box = WithError(self.name, self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setMinimumHeight(36)
        self.save_button.setMinimumWidth(240)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_button.clicked.connect(self.save)
        self.general_error = ErrorLabel(self)
        self._build()
        self.picker.service_changed.connect(self._on_service)
        self.picker.entered.connect(self._picker_entered)
        self.identity.mode_changed.connect(lambda _: self._update_chain())
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self._chain: list[QWidget] = []
        self._on_service(None)
        self.retranslate()

    def _build(self) -> None:
        self.who = QGroupBox(self)
        who = QFormLayout(self.who)
        who.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._identity_label = QLabel(self.who)
        self._name_label = QLabel(self.who)
        who.addRow(self._identity_label, self.identity)
        who.addRow(self._name_label, self.name_box)
        self.details = QGroupBox(self)
        self._details_form = QFormLayout(self.details)
        self._details_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._service_label = QLabel(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self._service_label)
        lv.addWidget(self.picker_box)
        lv.addWidget(self.who)
        lv.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        lv.addLayout(buttons)
        lv.addStretch(1)
        self._left_scroll = _scroll(left)
        self._right_scroll = _scroll(self.info)
        columns = QHBoxLayout()
        columns.addWidget(self._left_scroll, 3)
        columns.addWidget(self._right_scroll, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.result)
        outer.addLayout(columns, 1)

    # service and its fields --------------------------------------------------
    def _on_service(self, service: Service | None) -> None:
        self.picker_box.error.show_message("")
        self.info.set_service(service, self.ctx.language)
        while self._details_form.rowCount():
            self._details_form.removeRow(0)
        self._fields = []
        if service is not None:
            for f in service.fields:
                fi = FieldInput(f, self.details)
                fi.retranslate(self.ctx.language)
                self._details_form.addRow(fi.label_text(self.ctx.language), fi.box)
                self._fields.append(fi)
        self.details.setVisible(bool(self._fields))
        self._update_chain()

    def _update_chain(self) -> None:
        """Enter (and Tab) go: service, documents, identity, name, fields."""
        ident = self.identity.inputs()
        chain: list[QWidget] = [self.picker, *self.info.checkboxes(), *ident, self.name]
        chain += [f.widget for f in self._fields]
        self._chain = chain
        for w in chain:
            w.installEventFilter(self)
        self.picker.edit().installEventFilter(self)
        # Tab also visits the passport toggle, right after the identity inputs.
        tabs = [*chain[: chain.index(ident[-1]) + 1], self.identity.foreigner]
        tabs += [*chain[chain.index(self.name) :], self.save_button]
        for a, b in itertools.pairwise(tabs):
            QWidget.setTabOrder(a, b)

    @property
    def fields(self) -> list[FieldInput]:
        return list(self._fields)

    # keyboard ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in ENTER_KEYS or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if watched is self.picker.edit():
            watched = self.picker
        if watched is self.picker:
            self._picker_entered(self.picker.accept_popup())
            return True
        if isinstance(watched, QWidget) and watched in self._chain:
            self._advance_from(watched)
            return True
        return False

    def _picker_entered(self, service: Service | None = None) -> None:
        if (service or self.picker.service) is None:
            self._show_service_error()
        else:
            self._advance_from(self.picker)

    def _advance_from(self, widget: QWidget) -> None:
        index = self._chain.index(widget)
        if index + 1 >= len(self._chain):
            self.save()
            return
        nxt = self._chain[index + 1]
        nxt.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(nxt, QLineEdit):
            nxt.selectAll()

    def _show_service_error(self) -> None:
        self.picker_box.error.show_message(
            message_for(ValidationError("no service", code="service_unknown"))
        )
        self.picker.setFocus()

    # saving ------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        service = self.picker.resolve()
        if service is None:
            self._show_service_error()
            return
        self._clear_errors()
        nik, passport, nationality = self.identity.values()
        reg = Registration(
            service=service.code,
            name=self.name.text(),
            nik=nik,
            passport=passport,
            nationality=nationality,
            fields={f.field.key: v for f in self._fields if (v := f.value())},
            requirements_given=tuple(self.info.given()),
        )
        session = self.ctx.session
        self._set_saving(True)
        self.ctx.ops.run(
            lambda desk: register(desk, session, reg), on_done=self._saved, on_error=self._failed
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self._save_text())

    def _saved(self, view: RequestView) -> None:
        self._set_saving(False)
        self.result.show_request(view, self.ctx.language)
        self.clear_citizen()
        self.registered.emit(view)
        first = self._chain[1] if len(self._chain) > 1 else self.picker
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: CounterdeskError) -> None:
        self._set_saving(False)
        message = message_for(exc)
        target = self._error_target(exc.field, message)
        if target is None:
            self.general_error.show_message(message)
            target = self.save_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        self._ensure_visible(target)

    def _error_target(self, field: str | None, message: str) -> QWidget | None:
        if field in ("nik", "passport", "nationality"):
            return self.identity.show_error(field, message)
        if field == "name":
            self.name_box.error.show_message(message)
            return self.name
        if field == "requirements":
            self.general_error.show_message(message)
            return None
        for f in self._fields:
            if f.field.key == field:
                f.box.error.show_message(message)
                return f.widget
        return None

    def _clear_errors(self) -> None:
        self.picker_box.error.show_message("")
        self.identity.show_error("", "")
        self.name_box.error.show_message("")
        self.general_error.show_message("")
        for f in self._fields:
            f.box.error.show_message("")

    def clear_citizen(self) -> None:
        """Ready for the next citizen: the same service, everything else empty."""
        self._clear_errors()
        self.identity.clear()
        self.name.clear()
        for f in self._fields:
            f.clear()
        self.info.clear_checks()

    def start_new(self) -> None:
        """F2: a new registration; type the service (the last one is kept if Enter)."""
        self.clear_citizen()
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.picker.edit().selectAll()

    def _ensure_visible(self, widget: QWidget) -> None:
        self._left_scroll.ensureWidgetVisible(widget)

    # texts -------------------------------------------------------------------
    def _save_text(self) -> str:
        return self.tr("Register (Ctrl+Enter)")

    def retranslate(self) -> None:
        lang = self.ctx.language
        self._service_label.setText(self.tr("Service"))
        self.who.setTitle(self.tr("Citizen"))
        self.details.setTitle(self.tr("Details for this service (* required)"))
        self._identity_label.setText(self.tr("Identity"))
        self._name_label.setText(self.tr("Full name *"))
        self.name.setPlaceholderText(self.tr("As written on the ID card"))
        self.name.setAccessibleName(self.tr("Full name"))
        self.save_button.setAccessibleName(self.tr("Register"))
        if not self._saving:
            self.save_button.setText(self._save_text())
        self.picker.set_language(lang)
        self.identity.set_language(lang)
        self.info.set_service(self.picker.service, lang)
        for row, f in enumerate(self._fields):
            f.retranslate(lang)
            label = self._details_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setText(f.label_text(lang))  # type: ignore[union-attr]
        self.result.retranslate_for(lang)
        self._update_chain()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the inputs; they scroll into view
    return area
