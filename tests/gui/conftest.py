"""Fixtures for the desk app's tests: a context on the test desk, the Indonesian UI,
typing helpers that also work for non-ASCII text (pytest-qt's keyClicks does not)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counterdesk.gui.context import Context
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.ops import ImmediateOps
from counterdesk.gui.reads import ImmediateReads
from counterdesk.gui.translations import Translations
from counterdesk.services.desk import Desk
from counterdesk.services.staff import StaffSession


@pytest.fixture(autouse=True)
def ui_language(qapp: QApplication) -> Iterator[Translations]:
    """Every test starts in the default language, Indonesian, and leaves no window behind.

    Windows a test made are deleted at its end: a later language change would
    otherwise reach them (and their closed desk).
    """
    before = {_address(w) for w in QApplication.topLevelWidgets()}
    translations = Translations()
    assert translations.use("id"), "the Indonesian translation must load"
    yield translations
    for widget in QApplication.topLevelWidgets():
        ours = type(widget).__module__.startswith("counterdesk.")  # not a Qt-owned popup
        if ours and widget.parentWidget() is None and _address(widget) not in before:
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translations.clear()


@pytest.fixture(autouse=True)
def pc_settings_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This PC's settings (counter name, last USB folder) live in a folder of the test's own."""
    folder = tmp_path_factory.mktemp("pc-settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


def _address(widget: QWidget) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


@pytest.fixture
def ctx(desk: Desk, session: StaffSession) -> Context:
    """The app's context on the test desk, with ops and reads run at once (Picard-style)."""
    return Context(desk, ImmediateOps(desk), ImmediateReads(desk), session, "id")


@pytest.fixture
def window(qtbot: QtBot, ctx: Context) -> MainWindow:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard (or a barcode scanner): one key event per character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    mods = modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier
    text = "\r" if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) else ""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, mods, text))


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def wait_until(qtbot: QtBot, condition: Callable[[], object], timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
