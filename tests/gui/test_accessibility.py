"""Keyboard and screen-reader access: Tab reaches every input, in the order the eye reads;
every input has an accessible name; F1 (Help > Keyboard shortcuts) lists the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counterdesk.gui.context import Context
from counterdesk.gui.hub_url_dialog import HubUrlDialog
from counterdesk.gui.login_dialog import LoginDialog
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.reason_dialog import ReasonDialog
from counterdesk.gui.settings_dialog import SettingsDialog
from counterdesk.gui.shortcuts_dialog import ShortcutsDialog, key_text
from counterdesk.services.register import Registration, register

from ..conftest import NIK_WOMAN
from .conftest import press

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)
# Parts Qt makes inside its own widgets (a combo box's list, a line edit's clear button,
# a table's corner button, a toolbar's overflow button): Qt names them itself.
QT_PARTS = frozenset(
    {"QComboBoxListView", "QLineEditIconButton", "QTableCornerButton", "QToolBarExtension"}
)


def is_input(widget: QWidget) -> bool:
    if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView):
        return False
    if widget.metaObject().className() in QT_PARTS or widget.objectName().startswith("qt_"):
        return False
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
        return False  # the editor inside a combo box or spin box: the box is the input
    parent = widget.parentWidget()
    return not (isinstance(widget, QAbstractItemView) and isinstance(parent, QComboBox))


def name_of(widget: QWidget) -> str:
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "")  # a button is named by its text
    return name.strip()


def focusable_inputs(root: QWidget, top: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if is_input(w)
        and w.isVisibleTo(top)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def tab_walk(start: QWidget, limit: int = 80) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    first = QApplication.focusWidget()
    assert first is not None
    seen = [first]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        if now is first:
            return seen
        seen.append(now)
    raise AssertionError(f"Tab did not come back: {[name_of(w) for w in seen]}")


def assert_walk_covers(root: QWidget, window: MainWindow, start: QWidget) -> list[QWidget]:
    walked = tab_walk(start)
    missing = [name_of(w) or repr(w) for w in focusable_inputs(root, window) if w not in walked]
    assert not missing, f"Tab never reaches {missing}"
    inside = [w for w in walked if root.isAncestorOf(w)]
    unnamed = [repr(w) for w in inside if not name_of(w)]
    assert not unnamed, f"no accessible name: {unnamed}"
    assert not [w for w in walked if not is_input(w) and not isinstance(w, QTabBar)]
    return inside


def test_tab_reaches_every_input_of_the_register_form_in_reading_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.register
    for code in ("SKD", "LEGAL"):  # text and date fields; a choice and a number
        form.picker.set_service(code)
        inside = assert_walk_covers(form, window, form.picker)
        expected = [
            form.picker,
            *form.info.checkboxes(),
            form.identity.nik,
            form.identity.foreigner,
            form.name,
            *[f.widget for f in form.fields],
            form.save_button,
        ]
        assert inside == expected
    press(form.identity.foreigner, Qt.Key.Key_Space)  # a foreign citizen: passport
    inside = assert_walk_covers(form, window, form.picker)
    assert form.identity.passport in inside and form.identity.nationality in inside
    assert form.identity.nik not in inside


def test_tab_reaches_the_result_buttons_after_a_registration(
    qtbot: QtBot, window: MainWindow
) -> None:
    ctx = window.ctx
    form = window.register
    view = register(
        ctx.reader,
        ctx.session,
        Registration("SKD", "Siti Aminah", nik=NIK_WOMAN, fields={"address": "a", "purpose": "b"}),
    )
    form.result.show_request(view, "id")
    inside = assert_walk_covers(form, window, form.picker)
    assert form.result.print_receipt in inside and form.result.print_ticket in inside


def test_tab_leaves_the_table_and_reaches_the_detail_panel(
    qtbot: QtBot, window: MainWindow
) -> None:
    ctx = window.ctx
    register(
        ctx.reader,
        ctx.session,
        Registration("SKD", "Siti Aminah", nik=NIK_WOMAN, fields={"address": "a", "purpose": "b"}),
    )
    window.search()
    window.requests.refresh()
    window.requests._select_row(0)
    view, detail = window.requests, window.detail
    assert_walk_covers(view, window, view.search)
    walked = tab_walk(view.search)
    table = walked.index(view.table)  # Tab leaves the table (arrows move inside it)
    after = walked[table + 1 : table + 9]
    assert (
        after
        == [
            *detail.print_buttons.values(),
            detail.call_again_button,
            *[b for b in detail.buttons.values() if b.isEnabled()],
        ][: len(after)]
    )
    assert_walk_covers(detail, window, view.table)
    assert walked[:5] == [view.search, view.scope, view.status, view.service, view.table]


def test_every_input_of_every_window_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, ctx: Context
) -> None:
    window.register.picker.set_service("LEGAL")
    windows: list[QWidget] = [
        window,
        SettingsDialog(ctx, window),
        LoginDialog(ctx.ops, ctx.reader.info),
        HubUrlDialog(""),
        ReasonDialog("t", "p", "ok", window),
        ShortcutsDialog(window.actions(), window),
    ]
    for top in windows:
        unnamed = [
            f"{type(top).__name__}: {type(w).__name__}"
            for w in top.findChildren(QWidget)
            if is_input(w) and not name_of(w)
        ]
        assert not unnamed, unnamed


def test_f1_lists_the_keyboard_shortcuts_from_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    assert window.help_menu.title() == "Ba&ntuan"
    assert window.shortcuts_action.text() == "Pintasan keyboard"
    assert window.help_menu.actions() == [window.shortcuts_action, window.manual_action]
    press(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Pintasan keyboard"
    listed = {(key, what) for _where, key, what in dialog.rows()}
    menus = (
        window.desk_menu,
        window.queue_menu,
        window.sync_menu,
        window.view_menu,
        window.office_menu,
    )
    for action in (a for m in menus for a in m.actions()):
        key = action.shortcut()
        if not key.isEmpty():
            assert (key_text(key), action.text().removesuffix("…")) in listed, action.text()
    keys = {key for key, _what in listed}
    for key in ("F2", "F3", "F7", "F8", "F9", "Ctrl+Q", "Ctrl+L", "Ctrl+Return", "F11", "F1"):
        assert key_text(QKeySequence(key)) in keys, key
    table = dialog.table
    texts = [table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1)]
    assert "Daftarkan (dari isian mana pun)" in texts
    dialog.reject()
    qtbot.waitUntil(lambda: window.shortcuts_dialog is None)
