"""The desk settings dialog: administrators save through the ops, bad values are refused
next to their field, everyone else finds the menu item disabled with the reason."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.domain.errors import ValidationError
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.pc_settings import counter_name
from counterdesk.gui.settings_dialog import TAB_LETTERS, SettingsDialog, example_number
from counterdesk.services.desk_settings import update_settings
from counterdesk.services.staff import add_staff, authenticate


def open_dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    assert window.settings_action.isEnabled()
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_an_administrator_saves_settings(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Printer", "Meja layanan", "Surat"]
    assert dialog.printers.save_button.isHidden()  # one Save for every tab
    dialog.inactivity.setValue(25)
    dialog.print_on_register.setChecked(True)
    dialog.texts["signer_name"].setText("Drs. Yohanes Atet, M.Si.")
    dialog.counter.setText("Loket 2")
    assert set(dialog.changes()) == {"inactivity_minutes", "print_on_register", "signer_name"}
    with qtbot.waitSignal(window.settings_saved):
        dialog.save_button.click()
    settings = window.ctx.reader.info.settings  # read afresh: the reader was invalidated
    assert settings.inactivity_minutes == 25 and settings.print_on_register
    assert settings.signer_name == "Drs. Yohanes Atet, M.Si."
    assert counter_name("Meja 1") == "Loket 2"  # a setting of this PC
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.statusBar().currentMessage() == "Pengaturan tersimpan."


def test_the_template_shows_an_example_and_a_bad_one_is_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    error = dialog.boxes["letter_number_template"].error
    dialog.template.setText("{classification}/{number:03d}/{unit}/{year}")
    assert dialog.example.text() == "Contoh: 470/123/LATIH-01/2026"
    assert error.isHidden()
    dialog.template.setText("{classification}/{number}/{year}")  # no desk code
    assert dialog.example.text() == ""
    assert "wajib memuat {n}, {year} dan meja ({desk})" in error.text()
    assert "must contain the desk" in error.text()  # the exact problem, from the parser
    dialog.tabs.setCurrentIndex(0)
    dialog.save_button.click()  # refused by the service, shown on its tab
    assert dialog.isVisible() and dialog.tabs.currentIndex() == TAB_LETTERS
    assert "wajib memuat" in error.text() and error.isVisibleTo(dialog)
    assert dialog.focusWidget() is dialog.template
    stored = window.ctx.reader.info.settings.letter_number_template
    assert stored == "{classification}/{number:04d}/{unit}/{month_roman}/{year}"


def test_a_value_the_service_refuses_is_shown_next_to_its_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.texts["signer_nip"].setMaxLength(1000)
    dialog.texts["signer_nip"].setText("1" * 201)
    dialog.save_button.click()
    message = dialog.boxes["signer_nip"].error.text()
    assert message == "Terlalu panjang: paling banyak 200 karakter."
    assert window.ctx.reader.info.settings.signer_nip == ""


def test_example_number() -> None:
    assert example_number("{number}-{unit}-{month_roman}-{year}", "JGB-01", 11, 2026) == (
        "123-JGB-01-XI-2026"
    )
    with pytest.raises(ValidationError, match="restarts every year"):
        example_number("{number}-{unit}-{month_roman}", "JGB-01", 11, 2026)


def test_others_see_the_settings_disabled_with_the_reason(qtbot: QtBot, ctx: Context) -> None:
    add_staff(ctx.reader, ctx.session, name="rina", full_name="Rina", role=Role.SUPERVISOR,
              password="rahasia-1")  # fmt: skip
    ctx.session = authenticate(ctx.reader, "rina", "rahasia-1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert not window.settings_action.isEnabled()
    assert window.settings_action.toolTip() == (
        "Hanya administrator yang dapat mengubah pengaturan meja layanan."
    )
    assert window.desk_menu.toolTipsVisible()
    window.open_settings()  # e.g. a stray shortcut: nothing opens
    assert window.settings_dialog is None
    window.set_locked(True)
    window.set_locked(False)
    assert not window.settings_action.isEnabled()  # unlocking does not enable it


def test_the_letters_tab_says_which_signer_is_in_force(qtbot: QtBot, window: MainWindow) -> None:
    import json

    from counterdesk.services.offices import DISTRICT_OFFICE

    desk = window.ctx.reader
    update_settings(desk, window.ctx.session, signer_name="", signer_title="")
    dialog = open_dialog(qtbot, window)
    assert not dialog.in_force.isHidden()
    assert "Penandatangan untuk" in dialog.in_force.text()
    assert "surat tidak dapat diterbitkan" in dialog.in_force.text()
    dialog.reject()
    # the district set the post's signer: it is shown, and it takes precedence
    row = desk.conn.execute("SELECT settings FROM desk WHERE id = 1").fetchone()
    stored = json.loads(row[0])
    stored[DISTRICT_OFFICE] = {
        "post": desk.info.post,
        "settings": {"signer_name": "Drs. Yohanes", "signer_title": "Camat Jagoi Babang"},
        "verify_url": "",
        "emblem": None,
    }
    desk.conn.execute("UPDATE desk SET settings = ? WHERE id = 1", [json.dumps(stored)])
    desk.invalidate()
    dialog = open_dialog(qtbot, window)
    text = dialog.in_force.text()
    assert "Diisi kabupaten untuk" in text and "Drs. Yohanes" in text
    assert "belum diisi" not in text
    for key in ("signer_rank", "signer_on_behalf"):
        assert dialog.texts[key].isEnabled()
