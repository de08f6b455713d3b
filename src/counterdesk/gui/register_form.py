"""Registering a walk-in citizen: service, documents handed in, identity, name,
the service's fields; Enter moves on, and from the last field saves."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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
from counterdesk.domain.contract import MAX_ADDRESS
from counterdesk.domain.errors import CounterdeskError, ValidationError
from counterdesk.domain.identity import MAX_NAME
from counterdesk.domain.regions import default_table
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import ErrorLabel, FieldInput, WithError
from counterdesk.gui.identity_input import IdentityInput
from counterdesk.gui.messages import message_for
from counterdesk.gui.override_dialog import OverrideDialog
from counterdesk.gui.register_result import RegisterResult
from counterdesk.gui.service_info import RequirementCheck, ServiceInfo
from counterdesk.gui.service_picker import ServicePicker
from counterdesk.services.desk import Desk
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import RequestView
from counterdesk.services.staff import authenticate

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
        self.identity = IdentityInput(lambda: ctx.today().year, self, today=ctx.today)
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
        # eligibility: the service's rules, the conditions the clerk confirms, residence
        self.rules = QGroupBox(self)
        self.rules_text = QLabel(self.rules)
        self.rules_text.setWordWrap(True)
        self._conditions: list[tuple[str, QCheckBox]] = []
        self._condition_rows: list[RequirementCheck] = []
        self._conditions_box = QVBoxLayout()
        self.residence_row = RequirementCheck(self.rules)  # a tick whose label wraps
        self.residence = self.residence_row.box
        self.residence_address = QLineEdit(self.rules)
        self.residence_address.setMaxLength(MAX_ADDRESS)
        self.residence_error = ErrorLabel(self.rules)
        # overrides a supervisor accepted for the citizen being registered
        self._overrides: list[str] = []
        self._override_reason = ""
        self._approver: tuple[str, str] | None = None
        self.override_dialog: OverrideDialog | None = None
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
        rules = QVBoxLayout(self.rules)
        rules.addWidget(self.rules_text)
        rules.addLayout(self._conditions_box)
        rules.addWidget(self.residence_row)
        rules.addWidget(self.residence_address)
        rules.addWidget(self.residence_error)
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
        lv.addWidget(self.rules)
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
        self._set_rules(service)
        self._forget_overrides()
        self._update_chain()

    def _set_rules(self, service: Service | None) -> None:
        """Show the service's eligibility rules, its conditions and the residence tick."""
        for row in self._condition_rows:
            self._conditions_box.removeWidget(row)
            row.deleteLater()
        self._conditions = []
        self._condition_rows = []
        rules = service.eligibility if service else None
        if rules is not None:
            for c in rules.conditions():
                row = RequirementCheck(self.rules)
                self._conditions_box.addWidget(row)
                self._condition_rows.append(row)
                self._conditions.append((c.key, row.box))
        has_residence = rules is not None and rules.residence is not None
        for w in (self.residence_row, self.residence_address):
            w.setVisible(has_residence)
        self.residence.setChecked(False)
        self.residence_address.clear()
        self.residence_error.show_message("")
        self._retranslate_rules(service)
        self.rules.setVisible(rules is not None and not rules.empty)

    def _retranslate_rules(self, service: Service | None) -> None:
        rules = service.eligibility if service else None
        lines: list[str] = []
        if rules is not None:
            if rules.citizens_only:
                lines.append(self.tr("Indonesian citizens only (NIK); not on a foreign passport."))
            if rules.min_age is not None:
                lines.append(self.tr("Age {years} or more.").format(years=rules.min_age.years))
            if rules.not_future is not None:
                lines.append(self.tr("Dates of events cannot be after today."))
            if rules.residence is not None:
                table = default_table()
                names = ", ".join(
                    (r.name if (r := table.get(code)) else code) + f" ({code})"
                    for code in rules.residence.kecamatan
                )
                lines.append(
                    self.tr(
                        "Only for residents of kecamatan {places}, checked from the address "
                        "on the KTP-el or KK (the NIK's digits say where it was issued, not "
                        "where the person lives)."
                    ).format(places=names)
                )
                label = rules.residence.label.get(self.ctx.language)
                self.residence_row.set_text(label, True)
            for (key, box), row in zip(self._conditions, self._condition_rows, strict=True):
                cond = next((c for c in rules.conditions() if c.key == key), None)
                if cond is not None:
                    row.set_text(cond.label.get(self.ctx.language), False)
                    box.setAccessibleName(cond.label.get(self.ctx.language))
        self.rules_text.setText("\n".join(lines))
        self.rules.setTitle(self.tr("Who may use this service"))
        self.residence_address.setPlaceholderText(self.tr("Address as written on the KTP-el or KK"))
        self.residence_address.setAccessibleName(self.tr("Address on the KTP-el or KK"))
        self.residence.setAccessibleName(self.tr("Residence checked on the KTP-el or KK"))

    def residence_value(self) -> str:
        """The confirmed address ("" unless the tick is set)."""
        if self.residence_row.isHidden():
            return ""
        return self.residence_address.text().strip() if self.residence.isChecked() else ""

    def _forget_overrides(self) -> None:
        self._overrides = []
        self._override_reason = ""
        self._approver = None

    def _update_chain(self) -> None:
        """Enter (and Tab) go: service, documents, identity, name, fields."""
        ident = self.identity.inputs()
        chain: list[QWidget] = [self.picker, *self.info.checkboxes(), *ident, self.name]
        chain += [box for _, box in self._conditions]
        if not self.residence_row.isHidden():
            chain += [self.residence, self.residence_address]
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
            overrides=tuple(self._overrides),
            override_reason=self._override_reason,
            residence_address=self.residence_value(),
            conditions=tuple(key for key, box in self._conditions if box.isChecked()),
        )
        session = self.ctx.session
        credentials = self._approver
        self._set_saving(True)

        def run(desk: Desk) -> RequestView:
            approver = authenticate(desk, *credentials) if credentials else None
            return register(desk, session, reg, approver=approver)

        self.ctx.ops.run(run, on_done=self._saved, on_error=self._failed)

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
        if exc.code in ("override_role", "login_failed", "login_locked"):
            self._approver = None  # ask again
        message = message_for(exc)
        target = self._error_target(exc.field, message)
        if target is None:
            self.general_error.show_message(message)
            target = self.save_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        self._ensure_visible(target)
        if exc.params.get("overridable") and exc.params.get("rule"):
            self.ask_override(str(exc.params["rule"]), message)

    def ask_override(self, rule: str, message: str) -> OverrideDialog:
        """Open the supervisor's approval; accepting it saves again with the override."""
        needs = not self.ctx.session.role.includes(Role.SUPERVISOR)
        dialog = OverrideDialog(message, needs_supervisor=needs, parent=self)
        self.override_dialog = dialog
        # a second refusal of the same registration: one reason covers every override
        dialog.reason.setText(self._override_reason)
        if self._approver:
            dialog.supervisor.setText(self._approver[0])

        def accepted() -> None:
            if rule not in self._overrides:
                self._overrides.append(rule)
            self._override_reason = dialog.reason.text().strip()
            self._approver = dialog.credentials()
            self.save()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _error_target(self, field: str | None, message: str) -> QWidget | None:
        if field in ("nik", "passport", "nationality"):
            return self.identity.show_error(field, message)
        if field == "name":
            self.name_box.error.show_message(message)
            return self.name
        if field in ("requirements", "conditions", "override_reason"):
            self.general_error.show_message(message)
            return None
        if field == "residence":
            self.residence_error.show_message(message)
            return self.residence
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
        self.residence_error.show_message("")
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
        for _, box in self._conditions:
            box.setChecked(False)
        self.residence.setChecked(False)
        self.residence_address.clear()
        self._forget_overrides()

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
            item = self._details_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(f.label_text(lang))
        self.result.retranslate_for(lang)
        self._retranslate_rules(self.picker.service)
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
