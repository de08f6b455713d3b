"""Registering a citizen through the form with the keyboard (and a barcode scanner)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.ops import ImmediateOps
from counterdesk.gui.reads import ImmediateReads
from counterdesk.gui.register_form import RegisterForm
from counterdesk.gui.request_detail import RequestDetail
from counterdesk.services.desk import Desk
from counterdesk.services.requests import list_requests
from counterdesk.services.staff import StaffSession, add_staff, authenticate

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


# NIK regions, eligibility rules and a supervisor's approval ---------------------------------
def fill_fields(form: RegisterForm) -> None:
    for f in form.fields:
        if isinstance(f.widget, QComboBox):
            f.widget.setCurrentIndex(1)
        elif f.field.type == "date":
            f.widget.setText("01-02-2024")
        else:
            f.widget.setText("Dusun Jagoi RT 001")


def last_registered(window: MainWindow) -> dict[str, Any]:
    row = window.ctx.reader.conn.execute(
        "SELECT data FROM events WHERE kind = 'request_registered' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    data: dict[str, Any] = json.loads(row["data"])
    return data


@pytest.mark.parametrize(
    ("nik", "words"),
    [
        ("6501011708800001", "Kabupaten Bulungan, Kalimantan Utara"),
        ("6411011708800001", "Kabupaten Mahakam Ulu, Kalimantan Timur"),
        ("1472011708800001", "Kota Dumai, Riau"),
        ("6404011708800001", "Kabupaten Bulungan (kode lama 64.04, kini 65.01)"),
    ],
)
def test_the_region_names_show_as_the_nik_is_typed(
    window: MainWindow, nik: str, words: str
) -> None:
    form = window.register
    type_text(form.identity.nik, nik)
    assert form.identity.nik_info is not None
    assert words in form.identity.nik_feedback.text()


def test_a_kecamatan_missing_from_the_list_is_named_while_typing(window: MainWindow) -> None:
    form = window.register
    type_text(form.identity.nik, "6107991708800001")
    text = form.identity.nik_feedback.text()
    assert "Kecamatan 61.07.99 tidak ada dalam daftar Kemendagri" in text
    assert "(Kabupaten Bengkayang memiliki 61.07.01–61.07.17)" in text


def test_plb_needs_the_residence_tick_with_the_address(window: MainWindow, qtbot: QtBot) -> None:
    form = window.register
    form.picker.set_service("PLB")
    assert form.rules.isVisibleTo(window) and not form.residence_row.isHidden()
    assert "kode wilayah NIK tidak menentukan tempat tinggal" in form.residence_row.label.text()
    assert "Jagoi Babang (61.07.07)" in form.rules_text.text()
    type_text(form.identity.nik, NIK_MAN)
    form.name.setText("Budi")
    fill_fields(form)
    form.residence_address.setText("Desa Jagoi, Kecamatan Jagoi Babang")
    form.save()  # the address alone is not the clerk's confirmation
    qtbot.waitUntil(form.residence_error.isVisible)
    assert "centang kotaknya" in form.residence_error.text()
    form.residence.setChecked(True)
    form.save()
    qtbot.waitUntil(form.result.isVisible)
    assert last_registered(window)["residence"] == {
        "confirmed": True,
        "address": "Desa Jagoi, Kecamatan Jagoi Babang",
    }


def test_a_foreign_passport_is_refused_for_plb(window: MainWindow, qtbot: QtBot) -> None:
    form = window.register
    form.picker.set_service("PLB")
    form.identity.foreigner.setChecked(True)
    form.identity.passport.setText("A1234567")
    form.identity.nationality.setText("MY")
    form.name.setText("Lim")
    fill_fields(form)
    form.residence.setChecked(True)
    form.residence_address.setText("Serikin")
    form.save()
    qtbot.waitUntil(form.identity.passport_error.isVisible)
    assert "hanya untuk Warga Negara Indonesia" in form.identity.passport_error.text()
    assert form.override_dialog is None  # not a rule a supervisor can lift


def start_unlisted(window: MainWindow) -> RegisterForm:
    form = window.register
    form.picker.set_service("SKD")
    type_text(form.identity.nik, "6107181708800001")
    form.name.setText("Budi")
    fill_fields(form)
    form.save()
    return form


def test_a_supervisor_accepts_a_missing_kecamatan_with_a_reason(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = start_unlisted(window)  # demo is an administrator
    dialog = form.override_dialog
    assert dialog is not None and dialog.isVisible()
    assert "61.07.18" in dialog.problem.text() and dialog.supervisor.isHidden()
    assert not dialog.ok.isEnabled()
    dialog.reason.setText("Kecamatan baru, belum ada di daftar")
    dialog.ok.click()
    qtbot.waitUntil(form.result.isVisible)
    (override,) = last_registered(window)["overrides"]
    assert (override["rule"], override["by"]) == ("nik_kecamatan", "demo")
    assert override["reason"] == "Kecamatan baru, belum ada di daftar"
    detail = RequestDetail(window.ctx)
    qtbot.addWidget(detail)
    assert form.result.view is not None
    detail.show_request(form.result.view)
    assert "Diterima oleh demo: Kecamatan baru" in detail.timeline.text()


@pytest.fixture
def clerk_window(qtbot: QtBot, desk: Desk, session: StaffSession) -> MainWindow:
    add_staff(
        desk, session, name="budi", full_name="Budi", role=Role.COUNTER, password="budi-rahasia1"
    )
    add_staff(
        desk, session, name="sri", full_name="Sri", role=Role.SUPERVISOR, password="sri-rahasia1"
    )
    clerk = authenticate(desk, "budi", "budi-rahasia1")
    ctx = Context(desk, ImmediateOps(desk), ImmediateReads(desk), clerk, "id")
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_clerk_needs_a_supervisors_name_and_password(
    clerk_window: MainWindow, qtbot: QtBot
) -> None:
    form = start_unlisted(clerk_window)
    dialog = form.override_dialog
    assert dialog is not None and not dialog.supervisor.isHidden()
    dialog.reason.setText("Kecamatan baru")
    dialog.supervisor.setText("budi")  # the clerk's own account is not enough
    dialog.password.setText("budi-rahasia1")
    dialog.ok.click()
    qtbot.waitUntil(form.general_error.isVisible)
    assert "Hanya supervisor atau administrator" in form.general_error.text()
    assert not form.result.isVisible()
    form.save()  # asks again
    dialog = form.override_dialog
    assert dialog is not None and not dialog.supervisor.isHidden()
    dialog.reason.setText("Kecamatan baru")
    dialog.supervisor.setText("sri")
    dialog.password.setText("sri-rahasia1")
    dialog.ok.click()
    qtbot.waitUntil(form.result.isVisible)
    (override,) = last_registered(clerk_window)["overrides"]
    assert (override["by"], override["reason"]) == ("sri", "Kecamatan baru")
    assert list_requests(clerk_window.ctx.reader)[0].staff == "budi"


def test_ktp_el_for_a_child_needs_the_married_tick(window: MainWindow, qtbot: QtBot) -> None:
    form = window.register
    form.picker.set_service("KTPEL")
    type_text(form.identity.nik, "6107071505120001")  # born 2012
    form.name.setText("Ani")
    fill_fields(form)
    form.save()
    qtbot.waitUntil(form.identity.nik_feedback.isVisible)
    assert "usia 17 tahun atau lebih" in form.identity.nik_feedback.text()
    assert form.override_dialog is None
    (married,) = [box for _, box in form._conditions]
    assert "kawin" in married.accessibleName()
    married.setChecked(True)
    form.save()
    qtbot.waitUntil(form.result.isVisible)
    assert last_registered(window)["conditions"] == ["married"]
