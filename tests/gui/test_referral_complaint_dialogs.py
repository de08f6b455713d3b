"""The desk app's referral outcome and complaints: from the request detail and the main
window's menu, through the ops writer, in Indonesian, by keyboard."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counterdesk.domain.lifecycle import Status
from counterdesk.gui.complaints_dialog import ComplaintsDialog
from counterdesk.gui.context import Context
from counterdesk.gui.main_window import MainWindow
from counterdesk.gui.referral_dialog import ReferralOutcomeDialog
from counterdesk.gui.request_detail import RequestDetail
from counterdesk.services.complaints import list_complaints, record_complaint
from counterdesk.services.referrals import current_outcome
from counterdesk.services.requests import get_request

from ..test_referrals import skck
from .conftest import press, type_text

SCREENSHOT = Path(__file__).parents[2] / "docs" / "screenshots" / "desk-referral-outcome.png"


def test_outcome_button_only_for_referred(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    detail.show()
    plain = skck(ctx.reader, ctx.session, refer=False)
    detail.show_request(plain)
    assert not detail.outcome_button.isVisible()
    assert "Hasil rujukan" not in detail.facts.text()
    referred = skck(ctx.reader, ctx.session)
    detail.show_request(referred)
    assert detail.outcome_button.isVisible() and detail.outcome_button.isEnabled()
    assert detail.outcome_button.text() == "Catat hasil &rujukan…"
    assert "Hasil rujukan" in detail.facts.text()
    assert "belum ada yang dicatat" in detail.facts.text()


def test_record_outcome_then_hand_over(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    detail.show()
    view = skck(ctx.reader, ctx.session)
    detail.show_request(view)
    detail.outcome_button.click()
    dialog = detail.outcome_dialog
    assert isinstance(dialog, ReferralOutcomeDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Catat hasil rujukan"
    assert view.receipt in dialog.intro.text() and "Kepolisian" in dialog.intro.text()
    assert [r.text() for r in dialog.radios.values()] == [
        "&Diterbitkan: dokumen kembali ke loket",
        "Dito&lak oleh instansi",
        "&Masih diproses di instansi",
    ]
    assert not dialog.ok.isEnabled()  # nothing chosen
    dialog.accept()
    assert dialog.isVisible()
    dialog.radios["issued"].setChecked(True)
    dialog.note.setFocus()
    type_text(dialog.note, "SKCK sudah terbit, diantar Polsek")
    press(dialog.note, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: current_outcome(ctx.reader, view) is not None)
    outcome = current_outcome(ctx.reader, view)
    assert outcome is not None
    assert (outcome.outcome, outcome.note, outcome.recorded_by) == (
        "issued",
        "SKCK sudah terbit, diantar Polsek",
        "desk",
    )
    assert "<b>Diterbitkan</b>" in detail.facts.text()
    assert "Hasil rujukan: Diterbitkan" in detail.timeline.text()
    # the product came back: ready, then handed over
    detail.buttons[Status.READY].click()
    detail.offer_survey = lambda code: None  # type: ignore[method-assign]
    detail.buttons[Status.COLLECTED].click()
    assert get_request(ctx.reader, view.receipt).status == "collected"
    assert detail.outcome_button.isVisible()  # it was referred: the outcome stays shown


def test_outcome_refused_shows_the_message(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    view = skck(ctx.reader, ctx.session)
    detail.show_request(view)
    detail.ask_outcome = lambda r, a, c, done: done("issued", "x" * 201)  # type: ignore[method-assign]
    detail.outcome_button.click()
    assert detail.error.text() == "Catatan terlalu panjang (201 karakter; paling banyak 200)."
    assert current_outcome(ctx.reader, view) is None


def test_complaint_about_the_request_and_its_answer(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    view = skck(ctx.reader, ctx.session)
    detail.show_request(view)
    detail.complaint_button.click()
    dialog = detail.complaints_dialog
    assert isinstance(dialog, ComplaintsDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Pengaduan"
    assert dialog.about_request.isChecked() and view.receipt in dialog.about_request.text()
    assert not dialog.record_button.isEnabled()
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    dialog.text.setFocus()
    type_text(dialog.text, "Petugas tidak ada di loket jam 10")
    press(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [c] = list_complaints(ctx.reader)
    assert (c.receipt, c.service, c.channel, c.status) == (view.receipt, "SKCK", "phone", "open")
    assert dialog.text.toPlainText() == ""
    assert f"Pengaduan {c.number} dicatat." == dialog.note.text()
    assert dialog.list_box.title() == "Pengaduan yang belum dijawab (1)"
    assert dialog.current() is not None
    dialog.answer.setFocus()
    type_text(dialog.answer, "Mohon maaf, petugas sudah ditegur")
    press(dialog.answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [c] = list_complaints(ctx.reader)
    assert (c.status, c.answer) == ("answered", "Mohon maaf, petugas sudah ditegur")
    assert dialog.complaints.count() == 0
    dialog.show_all.setChecked(True)
    assert dialog.complaints.count() == 1 and "sudah dijawab" in dialog.complaints.item(0).text()
    assert "Pengaduan dicatat" in detail.timeline.text()
    assert "Pengaduan dijawab" in detail.timeline.text()


def test_complaint_about_a_service_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    record_complaint(ctx.reader, ctx.session, text="Antrean lama", service="SKD")
    window.complaints_action.trigger()
    dialog = window.complaints_dialog
    assert isinstance(dialog, ComplaintsDialog) and dialog.isVisible()
    assert not dialog.about_request.isVisible() and dialog.about_service.isChecked()
    assert dialog.list_box.title() == "Pengaduan yang belum dijawab (1)"
    assert window.complaints_action.shortcut().toString() == "Ctrl+K"
    assert window.complaints_action in window.desk_menu.actions()
    dialog.service.setCurrentIndex(dialog.service.findData("PLB"))
    dialog.text.setPlainText("x" * 501)
    dialog.record_button.click()
    assert dialog.error.text() == "Teksnya terlalu panjang (501 karakter; paling banyak 500)."
    dialog.text.setPlainText("Formulir PLB habis")
    dialog.record_button.click()
    assert [c.service for c in list_complaints(ctx.reader, open_only=True)] == ["PLB", "SKD"]
    dialog.close()


def test_screenshot_of_the_outcome_dialog(qtbot: QtBot, ctx: Context) -> None:
    """The dialog as staff see it (saved for the docs; look at it when it changes)."""
    view = skck(ctx.reader, ctx.session)
    dialog = ReferralOutcomeDialog(view.receipt, "Kepolisian Resor (Polres) Bengkayang", "")
    qtbot.addWidget(dialog)
    dialog.radios["issued"].setChecked(True)
    dialog.note.setText("SKCK sudah terbit, diambil di loket")
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    image = dialog.grab()
    assert image.width() >= 480 and image.height() > 150
    if os.environ.get("COUNTERDESK_SCREENSHOTS"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SCREENSHOT))


def test_outcome_from_the_district_office_is_shown(qtbot: QtBot, ctx: Context) -> None:
    from counterdesk.services.referrals import install_hub_outcome

    view = skck(ctx.reader, ctx.session)
    with ctx.reader.transaction():
        install_hub_outcome(
            ctx.reader,
            request_id=view.id,
            outcome_id="ab" * 16,
            outcome="refused",
            agency="Polres",
            note="berkas kurang",
            officer="rina",
            staff="system",
        )
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    detail.show_request(view)
    assert "<b>Ditolak</b> — berkas kurang" in detail.facts.text()
    assert "oleh kantor kabupaten (rina)" in detail.facts.text()
    assert "Hasil rujukan: Ditolak (dari kantor kabupaten, rina)" in detail.timeline.text()
