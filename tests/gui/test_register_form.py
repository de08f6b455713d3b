"""Registering a citizen through the form with the keyboard (and a barcode scanner)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from counterdesk.gui.main_window import MainWindow
from counterdesk.services.requests import list_requests

from ..conftest import NIK_MAN, NIK_WOMAN
from .conftest import focused, press, type_text


def choose_service(window: MainWindow, qtbot: QtBot, code: str) -> None:
    press(window, Qt.Key.Key_F2)
    form = window.register
    assert focused() in (form.picker, form.picker.edit())
    type_text(form.picker.edit(), code)
    press(form.picker.edit(), Qt.Key.Key_Return)
    if form.picker.service is None:  # the completer's popup took the first Enter
        press(form.picker.edit(), Qt.Key.Key_Return)
    assert form.picker.service is not None and form.picker.service.code == code


def test_register_a_citizen_end_to_end_with_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    form = window.register
    choose_service(window, qtbot, "SKD")
    # Enter moves through the documents handed in (Space ticks one) to the NIK.
    boxes = form.info.checkboxes()
    assert focused() is boxes[0]
    press(boxes[0], Qt.Key.Key_Space)
    assert boxes[0].isChecked()
    for box in boxes:
        assert focused() is box
        press(box, Qt.Key.Key_Return)
    assert focused() is form.identity.nik
    # A barcode scanner types the 16 digits and Enter.
    type_text(form.identity.nik, NIK_WOMAN)
    press(form.identity.nik, Qt.Key.Key_Return)
    assert "Kecamatan Seluas" in form.identity.nik_feedback.text()
    assert focused() is form.name
    type_text(form.name, "Nur'aini Ñ")
    press(form.name, Qt.Key.Key_Return)
    values = {"address": "Dusun Sebunga RT 002", "domicile_since": "17-08-2020"}
    for f in form.fields:
        assert focused() is f.widget
        type_text(f.widget, values.get(f.field.key, "Pembukaan rekening bank"))
        press(f.widget, Qt.Key.Key_Return)  # from the last field: save
    qtbot.waitUntil(form.result.isVisible)
    view = form.result.view
    assert view is not None and view.name == "Nur'aini Ñ"
    assert view.receipt in form.result.receipt.text()
    assert "A-001" in form.result.ticket.text()
    assert "Selesai paling lambat" in form.result.due.text()
    stored = list_requests(window.ctx.reader)[0]
    assert stored.receipt == view.receipt
    assert stored.fields["domicile_since"] == "2020-08-17"
    assert stored.requirements == [form.picker.service.requirements[0].key]
    # Ready for the next citizen: same service, empty citizen fields.
    assert form.picker.service.code == "SKD"
    assert form.identity.nik.text() == "" and form.name.text() == ""
    assert all(not b.isChecked() for b in form.info.checkboxes())
    assert focused() is form.info.checkboxes()[0]
    # The new request is in the table.
    model = window.requests.model
    assert model.rowCount() == 1
    assert model.view_at(0).receipt == view.receipt  # type: ignore[union-attr]


def test_nik_feedback_while_typing(window: MainWindow) -> None:
    identity = window.register.identity
    type_text(identity.nik, NIK_MAN[:10])
    assert identity.nik_feedback.text() == "10 dari 16 digit."
    type_text(identity.nik, NIK_MAN[10:])
    text = identity.nik_feedback.text()
    assert "Kecamatan Jagoi Babang, Kabupaten Bengkayang, Kalimantan Barat" in text
    assert "17 Agustus 1980" in text and "laki-laki" in text
    assert identity.nik_info is not None
    identity.nik.clear()
    type_text(identity.nik, NIK_WOMAN)
    assert "12 Maret 1995" in identity.nik_feedback.text()
    assert "perempuan" in identity.nik_feedback.text()
    identity.nik.clear()
    type_text(identity.nik, "6107071799800001")  # month 99
    assert identity.nik_feedback.text() == (
        "Digit ke-9 dan ke-10 NIK menunjukkan bulan lahir 99, yang tidak ada."
    )
    assert "b00020" in identity.nik_feedback.styleSheet()  # red
    identity.nik.clear()
    type_text(identity.nik, "61070717088000x1")
    assert identity.nik_feedback.text() == "NIK hanya boleh berisi angka."


def test_errors_are_shown_next_to_their_field(window: MainWindow, qtbot: QtBot) -> None:
    form = window.register
    form.picker.set_service("SKD")
    type_text(form.identity.nik, NIK_MAN)
    type_text(form.name, "X1")
    press(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter
    qtbot.waitUntil(form.name_box.error.isVisible)
    assert form.name_box.error.text() == "Nama hanya boleh berisi huruf, spasi, dan tanda ' . , -"
    assert focused() is form.name
    form.name.setText("Budi")
    form.save()
    address = next(f for f in form.fields if f.field.key == "address")
    qtbot.waitUntil(address.box.error.isVisible)
    assert address.box.error.text() == "Wajib diisi."
    assert focused() is address.widget
    assert not form.result.isVisible()


def test_a_foreigner_registers_with_passport_and_nationality(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = window.register
    form.picker.set_service("SKKB")  # domicile (SKD) is for citizens only
    form.identity.foreigner.setChecked(True)
    assert form.identity.inputs() == [form.identity.passport, form.identity.nationality]
    form.identity.passport.setText("A1234567")
    form.name.setText("Lim Wei Ling")
    for f in form.fields:
        if isinstance(f.widget, QLineEdit):
            f.widget.setText("01-02-2024" if f.field.type == "date" else "Kampung Serikin")
    form.save()
    qtbot.waitUntil(form.identity.nationality_error.isVisible)
    assert "Kewarganegaraan belum diisi" in form.identity.nationality_error.text()
    form.identity.nationality.setText("my")
    form.save()
    qtbot.waitUntil(form.result.isVisible)
    assert list_requests(window.ctx.reader)[0].ident == "A1234567"


def test_an_unknown_service_code_is_refused_in_the_picker(window: MainWindow) -> None:
    form = window.register
    press(window, Qt.Key.Key_F2)
    type_text(form.picker.edit(), "ZZZZ")
    press(form.picker.edit(), Qt.Key.Key_Return)
    assert form.picker.service is None
    assert form.picker_box.error.text() == "Pilih layanan dari daftar."
    form.picker.edit().clear()
    type_text(form.picker.edit(), "domisili")  # part of the name works too
    assert form.picker.resolve() is not None
    assert form.picker.service.code == "SKD"  # type: ignore[union-attr]


def test_every_input_has_an_accessible_name(window: MainWindow) -> None:
    window.register.picker.set_service("PINDAH")
    window.detail.show_request(None)
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    for widget in window.findChildren(QLineEdit) + window.findChildren(QComboBox):
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
            continue  # the line edit inside an editable combo box
        assert widget.accessibleName(), widget
    for button in window.findChildren(QAbstractButton):
        if isinstance(button, QCheckBox) or button.text():
            assert button.accessibleName() or button.text(), button
