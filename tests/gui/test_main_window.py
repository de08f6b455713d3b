"""The main window's keyboard shortcuts, menus and lock screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.gui.main_window import MainWindow

from .conftest import focused, press


def test_function_keys_go_to_registration_and_search(window: MainWindow) -> None:
    press(window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.split
    assert focused() is window.requests.search
    press(window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.register
    assert focused() in (window.register.picker, window.register.picker.edit())


def test_ctrl_l_asks_to_lock_and_the_lock_hides_everything(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.lock_requested):
        press(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    window.set_locked(True)
    assert window.locked and not window.tabs.isVisible()
    assert not window.new_action.isEnabled() and not window.menuBar().isEnabled()
    window.set_locked(False)
    assert window.tabs.isVisible() and window.new_action.isEnabled()


def test_the_language_menu_asks_for_a_language(qtbot: QtBot, window: MainWindow) -> None:
    assert window.language_actions["id"].isChecked()
    with qtbot.waitSignal(window.language_requested) as asked:
        window.language_actions["en"].trigger()
    assert asked.args == ["en"]


def test_refresh_reloads_the_shown_request(qtbot: QtBot, window: MainWindow) -> None:
    from counterdesk.services.advance import advance
    from counterdesk.services.register import Registration, register

    from ..conftest import NIK_MAN

    ctx = window.ctx
    view = register(
        ctx.reader,
        ctx.session,
        Registration(
            service="LEGAL",
            name="Budi Santoso",
            nik=NIK_MAN,
            fields={"document_type": "Dokumen lainnya", "document_number": "1", "copies": "1"},
        ),
    )
    window.detail.show_request(view)
    advance(ctx.reader, ctx.session, view.receipt, "in_progress")  # e.g. from the CLI
    press(window, Qt.Key.Key_F5)
    assert window.detail.view is not None and window.detail.view.status == "in_progress"
    assert window.requests.model.rowCount() == 1
