"""Settings of this PC, not of the desk: the counter's name on the queue screen, the last
USB folder. Kept with ``QSettings`` (an INI file in the user's settings folder), so two
PCs sharing one desk database can be "Loket 1" and "Loket 2"."""

from __future__ import annotations

from PySide6.QtCore import QSettings

COUNTER_KEY = "queue/counter"
USB_FOLDER_KEY = "sync/usb_folder"
MAX_COUNTER = 40


def pc_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "counterdesk", "counterdesk-pc"
    )


def _text(key: str) -> str:
    value = pc_settings().value(key, "")
    return str(value) if value else ""


def counter_name(desk_name: str) -> str:
    """The counter's name as called out ("Loket 1"); the desk's name when none is set."""
    return _text(COUNTER_KEY).strip()[:MAX_COUNTER] or desk_name


def own_counter_name() -> str:
    """The name set on this PC ("" when none)."""
    return _text(COUNTER_KEY).strip()


def set_counter_name(name: str) -> None:
    settings = pc_settings()
    settings.setValue(COUNTER_KEY, name.strip()[:MAX_COUNTER])
    settings.sync()


def last_usb_folder() -> str:
    return _text(USB_FOLDER_KEY)


def set_last_usb_folder(folder: str) -> None:
    settings = pc_settings()
    settings.setValue(USB_FOLDER_KEY, folder)
    settings.sync()
